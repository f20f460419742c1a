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

  /// Removes XML whitespace from both ends of `buffer[start...]`.
  static func trimTail(_ buffer: inout [UInt8], from start: Int) {
    guard start < buffer.count else { return }
    var end = buffer.count
    while end > start, isSpace(buffer[end - 1]) { end -= 1 }
    var first = start
    while first < end, isSpace(buffer[first]) { first += 1 }
    if end < buffer.count { buffer.removeSubrange(end...) }
    if first > start { buffer.removeSubrange(start..<first) }
  }

  @inline(__always)
  static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }
}
