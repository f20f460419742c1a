internal import Interop

/// Whitespace handling of SpreadsheetML `<t>` elements.
///
/// Excel writes `xml:space="preserve"` on every `<t>` whose text starts or ends with
/// whitespace; without it, leading and trailing XML whitespace (space, tab, CR, LF) is not part
/// of the text. The reader trims it, as calamine does (openpyxl keeps it).
enum XMLText {
  /// Whether a `<t>` start tag carries `xml:space="preserve"`.
  static func preservesSpace(_ attributes: XMLAttributes, _ spaceName: XMLName) -> Bool {
    guard let value = attributes.value(of: spaceName) else { return false }
    return value.elementsEqual("preserve".utf8)
  }

  @inline(__always)
  static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }
}
