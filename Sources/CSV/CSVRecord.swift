/// One record of a delimited file, its fields decoded to text.
public struct CSVRecord: Hashable, Sendable {
  /// The 1-based record number (blank records and title lines count; a `sep=` line does not).
  public var number: Int
  /// The 1-based line of the file on which the record starts.
  public var line: Int
  /// The fields, raw text with quotes and escapes removed; empty for a blank line.
  public var fields: [String]

  /// Creates a record.
  public init(number: Int, line: Int, fields: [String]) {
    self.number = number
    self.line = line
    self.fields = fields
  }
}

/// One record as it lies in the stream's buffer: fields are read in place, without copying.
///
/// Valid only inside the closure of ``CSVRecordStream/forEachRecord(_:)``; do not keep it.
/// Field indexes are 0-based (`0..<count`); the column of field `i` is `i + 1`.
public struct CSVRawRecord {
  /// The 1-based record number.
  public let number: Int
  /// The 1-based line on which the record starts.
  public let line: Int
  /// The number of fields (0 for a blank line).
  public let count: Int
  unowned(unsafe) let stream: CSVRecordStream
  let base: UnsafePointer<UInt8>
  let spans: UnsafePointer<FieldSpan>

  /// Whether field `index` is empty.
  @inline(__always)
  public func isEmpty(_ index: Int) -> Bool { spans[index].isEmpty }

  /// Whether the field was quoted in the file.
  public func isQuoted(_ index: Int) -> Bool { spans[index].kind != .plain }

  /// Whether every field is empty (or there are none).
  public var isBlank: Bool {
    for i in 0..<count where !spans[i].isEmpty { return false }
    return true
  }

  /// Calls `body` with the field's bytes in the file's encoding (UTF-8, or one byte per
  /// character for Windows-1252 and ISO-8859-1; UTF-16/32 files arrive as UTF-8), quotes and
  /// escapes removed. ASCII bytes mean ASCII characters in every case.
  @inline(__always)
  public func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R)
    rethrows -> R
  {
    try FieldText.withBytes(base, spans[index], stream.scanDialect, &stream.scratch, body)
  }

  /// Calls `body` with the field's text as UTF-8 bytes (single-byte text is transcoded into a
  /// scratch buffer).
  @inline(__always)
  public func withUTF8<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R)
    rethrows -> R
  {
    let single = stream.isSingleByte
    return try withBytes(index) { bytes in
      if !single || FieldText.isASCII(bytes) { return try body(bytes) }
      var out: [UInt8] = []
      swap(&out, &stream.utf8Scratch)
      out.removeAll(keepingCapacity: true)
      Windows1252.utf8Table.withUnsafeBufferPointer { table in
        for byte in bytes {
          if byte < 0x80 {
            out.append(byte)
          } else {
            let at = Int(byte) * 4
            for k in 0..<Int(Windows1252.utf8Length[Int(byte)]) { out.append(table[at + k]) }
          }
        }
      }
      defer { stream.utf8Scratch = out }
      return try out.withUnsafeBufferPointer { try body($0) }
    }
  }

  /// The field as a String.
  public func string(_ index: Int) -> String {
    var text = FieldText.string(
      base, spans[index], stream.scanDialect, singleByte: stream.isSingleByte, &stream.scratch)
    if stream.options.removeFormulaGuard { text = FormulaGuard.remove(text) }
    return text
  }

  /// All fields as Strings.
  public var strings: [String] {
    (0..<count).map { string($0) }
  }
}
