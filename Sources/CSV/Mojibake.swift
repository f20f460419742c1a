/// Repairs doubly encoded text: UTF-8 that was once read as Windows-1252 and saved as UTF-8
/// again (`GÃ¶teborg` for `Göteborg`, `â€“` for `–`).
public enum Mojibake {
  /// The text with the double encoding undone, or `nil` when it is not doubly encoded: every
  /// character is mapped back to its Windows-1252 byte and the bytes must be valid UTF-8 that
  /// differs from the input.
  ///
  /// The command-line equivalent is `iconv -f utf-8 -t windows-1252`.
  public static func repair(_ text: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      guard let byte = Windows1252.byte(for: scalar) else { return nil }
      bytes.append(byte)
    }
    guard let repaired = String(validating: bytes, as: UTF8.self), repaired != text else {
      return nil
    }
    return repaired
  }
}
