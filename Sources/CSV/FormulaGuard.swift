/// The CSV-injection guard recommended by OWASP: text that a spreadsheet would take for a
/// formula (it starts with `=`, `+`, `-`, `@`, tab or CR) is written with a leading `'`.
///
/// Numbers are never touched: ``CSVWriter`` writes `.number(-5)` as `-5`, and text that is a
/// plain negative number (`-5`, `-1,5`, `-2.5E-3`) is left as it is, since no spreadsheet
/// runs it. Text that already starts with `'` before a trigger gets one more `'`, so that
/// ``remove(_:)`` gives back exactly the original text (the reader does that under
/// ``CSVReadOptions/removeFormulaGuard``).
///
/// Source: OWASP, "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection).
public enum FormulaGuard {
  /// Whether `text` needs the guard.
  public static func needsGuard(_ text: String) -> Bool {
    var utf8 = text.utf8.makeIterator()
    var first = utf8.next()
    while first == UInt8(ascii: "'") { first = utf8.next() }
    guard let first, isTrigger(first) else { return false }
    return !isPlainNegativeNumber(text)
  }

  /// The text to write: `'` + `text` when it needs the guard, else `text`.
  public static func apply(_ text: String) -> String {
    needsGuard(text) ? "'" + text : text
  }

  /// Undoes ``apply(_:)``: drops one leading `'` when one or more `'` precede a trigger.
  public static func remove(_ text: String) -> String {
    let bytes = text.utf8
    guard bytes.first == UInt8(ascii: "'") else { return text }
    var index = bytes.startIndex
    while index != bytes.endIndex && bytes[index] == UInt8(ascii: "'") {
      index = bytes.index(after: index)
    }
    guard index != bytes.endIndex, isTrigger(bytes[index]) else { return text }
    return String(text.dropFirst())
  }

  @inline(__always)
  static func isTrigger(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
  }

  /// `-` then digits, at most one `.` or `,` between digits, and an optional exponent.
  static func isPlainNegativeNumber(_ text: String) -> Bool {
    let b = Array(text.utf8)
    guard b.count >= 2, b[0] == UInt8(ascii: "-") else { return false }
    var i = 1
    var digits = 0
    while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 {
      i += 1
      digits += 1
    }
    guard digits > 0 else { return false }
    if i < b.count && (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",")) {
      i += 1
      var fraction = 0
      while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 {
        i += 1
        fraction += 1
      }
      guard fraction > 0 else { return false }
    }
    if i < b.count && (b[i] == UInt8(ascii: "E") || b[i] == UInt8(ascii: "e")) {
      i += 1
      if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
      var exponent = 0
      while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 {
        i += 1
        exponent += 1
      }
      guard exponent > 0 else { return false }
    }
    return i == b.count
  }
}
