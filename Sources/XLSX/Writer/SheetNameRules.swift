/// Excel's rules for worksheet names (the `name` of `<sheet>`, ECMA-376 Part 1 §18.2.19, and
/// what Excel's user interface accepts).
///
/// The checks work on code points and bytes rather than Swift `Character`s: the answers are the
/// same for these rules, and the writer does not pull Unicode segmentation tables into memory
/// for them.
enum SheetNameRules {
  /// Excel's limit: 31 characters (UTF-16 code units).
  static let maximumLength = 31
  /// Characters Excel refuses in a sheet name.
  static let forbidden: [UInt8] = Array("[]:*?/\\".utf8)

  /// The rule a name breaks, with a message naming it, or `nil` when the name is valid.
  static func problem(_ name: String) -> (code: XLSXWriteError.Code, message: String)? {
    if name.unicodeScalars.allSatisfy({ isBlank($0) }) {
      return (.sheetNameBlank, "sheet name \"\(name)\" is blank")
    }
    let length = name.utf16.count
    if length > maximumLength {
      return (
        .sheetNameTooLong,
        "sheet name \"\(name)\" has \(length) characters; Excel's limit is \(maximumLength)"
      )
    }
    if let bad = name.utf8.first(where: { forbidden.contains($0) }) {
      return (
        .sheetNameInvalidCharacter,
        "sheet name \"\(name)\" contains '\(Character(Unicode.Scalar(bad)))'; Excel refuses "
          + "[ ] : * ? / \\"
      )
    }
    if let bad = name.unicodeScalars.first(where: {
      $0.value < 0x20 || $0.value == 0xFFFE || $0.value == 0xFFFF
    }) {
      let code = String(bad.value, radix: 16, uppercase: true)
      return (
        .sheetNameInvalidCharacter,
        "sheet name \"\(name.debugDescription.dropFirst().dropLast())\" contains the control "
          + "character U+\(String(repeating: "0", count: 4 - code.utf8.count) + code)"
      )
    }
    if name.utf8.first == UInt8(ascii: "'") || name.utf8.last == UInt8(ascii: "'") {
      return (
        .sheetNameInvalidCharacter,
        "sheet name \"\(name)\" begins or ends with an apostrophe, which Excel refuses"
      )
    }
    if comparisonKey(name) == "history" {
      return (.sheetNameReserved, "sheet name \"\(name)\" is reserved by Excel")
    }
    return nil
  }

  /// The name as Excel compares sheet names: ignoring case (`Mål` and `MÅL` collide).
  static func comparisonKey(_ name: String) -> String {
    if name.utf8.allSatisfy({ $0 < 0x80 }) {
      return String(
        decoding: name.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
    return name.lowercased()
  }

  private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
    }
    return scalar.properties.isWhitespace
  }
}
