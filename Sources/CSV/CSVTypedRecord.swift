public import Spreadsheet

/// A field read to a typed value by ``CSVRecordStream/forEachTypedRecord(decimalSeparator:_:)``.
public enum CSVScalar: Sendable, Hashable {
  /// An empty field.
  case empty
  /// `[+-]digits[<decimal>digits][(e|E)[+-]digits]`, correctly rounded.
  case number(Double)
  /// An ISO 8601 date `YYYY-MM-DD`.
  case date(CivilDateTime)
  /// `TRUE`/`FALSE` (`True`, `true`, …) or Swedish Excel's `SANT`/`FALSKT`.
  case boolean(Bool)
  /// Anything else: the UTF-8 bytes `range` of ``CSVTypedRecord/text``.
  case text(Range<Int>)
}

/// One record with every field typed; valid only inside the closure that receives it.
public struct CSVTypedRecord {
  /// The 1-based record number.
  public let number: Int
  /// The 1-based line on which the record starts.
  public let line: Int
  /// The fields, in column order (field `i` is column `i + 1`).
  public let values: UnsafeBufferPointer<CSVScalar>
  /// The text of the ``CSVScalar/text(_:)`` fields, as UTF-8.
  public let text: UnsafeBufferPointer<UInt8>

  /// The text of a `.text` value.
  public func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
  }
}

extension CSVRecordStream {
  /// Hands every remaining record to `body` with each field read to a typed value: a number
  /// in the file's notation (decimal comma or point), an ISO date, a boolean, or UTF-8 text
  /// (Windows-1252 and ISO-8859-1 text is transcoded). This is what the benchmark measures;
  /// the mapping engine types values itself, by column.
  ///
  /// - Parameters:
  ///   - decimalSeparator: `,` or `.`; by default the detected one, else `,` when the
  ///     delimiter is `;` and `.` otherwise.
  ///   - body: called once per record; the record is valid only during the call.
  /// - Throws: ``CSVError`` as ``next()``, or what `body` throws.
  public func forEachTypedRecord(
    decimalSeparator: Character? = nil, _ body: (CSVTypedRecord) throws -> Void
  ) throws {
    let decimal: UInt8 =
      (decimalSeparator ?? detection.decimalSeparator ?? (detection.delimiter == ";" ? "," : "."))
      .asciiByte ?? 0x2E
    var values = UnsafeMutablePointer<CSVScalar>.allocate(capacity: 64)
    var valueCapacity = 64
    var arena = TextArena()
    defer {
      values.deallocate()
      arena.pointer.deallocate()
    }
    let tables = DecimalParser.tables
    let utf8Table = Windows1252.pointers.utf8
    let utf8Length = Windows1252.pointers.lengths
    let dialect = scanDialect
    while try advanceRecord() {
      let count = currentCount
      if count > valueCapacity {
        values.deallocate()
        valueCapacity = max(count, valueCapacity * 2)
        values = .allocate(capacity: valueCapacity)
      }
      let base = UnsafePointer(buffer)
      let spans = UnsafePointer(self.spans)
      let single = isSingleByte
      arena.length = 0
      for i in 0..<count {
        let span = spans[i]
        let value: CSVScalar
        if span.isEmpty {
          value = .empty
        } else if span.kind == .escaped {
          scratch.removeAll(keepingCapacity: true)
          let start = Int(span.start)
          FieldDecoder.decode(
            UnsafeBufferPointer(start: base + start, count: Int(span.end) - start),
            dialect: dialect, into: &scratch)
          value = scratch.withUnsafeBufferPointer { decoded in
            guard let p = decoded.baseAddress, decoded.count > 0 else { return .empty }
            return Self.classify(
              p, decoded.count, decimal: decimal, tables: tables, single: single,
              table: utf8Table, lengths: utf8Length, arena: &arena)
          }
        } else {
          let start = Int(span.start)
          value = Self.classify(
            base + start, Int(span.end) - start, decimal: decimal, tables: tables,
            single: single, table: utf8Table, lengths: utf8Length, arena: &arena)
        }
        (values + i).initialize(to: value)
      }
      try body(
        CSVTypedRecord(
          number: currentNumber, line: currentLine,
          values: UnsafeBufferPointer(start: values, count: count),
          text: UnsafeBufferPointer(start: arena.pointer, count: arena.length)))
    }
  }

  /// The UTF-8 text of one record's text fields.
  struct TextArena {
    var pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
    var capacity = 1 << 16
    var length = 0

    @inline(__always)
    mutating func reserve(_ extra: Int) {
      let needed = length + extra
      if needed <= capacity { return }
      let newCapacity = max(needed, capacity * 2)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      grown.update(from: pointer, count: length)
      pointer.deallocate()
      pointer = grown
      capacity = newCapacity
    }
  }

  /// Types one field; text is appended to `arena` as UTF-8.
  @inline(__always)
  static func classify(
    _ p: UnsafePointer<UInt8>, _ n: Int, decimal: UInt8, tables: DecimalParser.Tables,
    single: Bool, table: UnsafePointer<UInt8>, lengths: UnsafePointer<UInt8>,
    arena: inout TextArena
  ) -> CSVScalar {
    if let scalar = typedScalar(p, n, decimal: decimal, tables: tables) { return scalar }
    arena.reserve(n * (single ? 3 : 1))
    let from = arena.length
    arena.length = appendText(
      p, n, single: single, table: table, lengths: lengths, into: arena.pointer, at: from)
    return .text(from..<arena.length)
  }

  /// Copies field bytes as UTF-8 to `out[at...]`; returns the new length.
  @inline(__always)
  static func appendText(
    _ p: UnsafePointer<UInt8>, _ n: Int, single: Bool, table: UnsafePointer<UInt8>,
    lengths: UnsafePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, at: Int
  ) -> Int {
    if !single {
      (out + at).update(from: p, count: n)
      return at + n
    }
    var o = at
    var k = 0
    while k < n {
      // Eight ASCII bytes at a time.
      while k &+ 8 <= n {
        let w = UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)
        if w & 0x8080_8080_8080_8080 != 0 { break }
        UnsafeMutableRawPointer(out + o).storeBytes(of: w, as: UInt64.self)
        k &+= 8
        o &+= 8
      }
      if k >= n { break }
      let b = p[k]
      k &+= 1
      if b < 0x80 {
        out[o] = b
        o &+= 1
      } else {
        let t = Int(b) &* 4
        let length = Int(lengths[Int(b)])
        for j in 0..<length { out[o &+ j] = table[t &+ j] }
        o &+= length
      }
    }
    return o
  }

  /// The number, date or boolean a field holds, or `nil` for text.
  @inline(__always)
  static func typedScalar(
    _ p: UnsafePointer<UInt8>, _ n: Int, decimal: UInt8, tables: DecimalParser.Tables
  ) -> CSVScalar? {
    let b0 = p[0]
    if (b0 &- 0x30 <= 9 || b0 == 0x2D || b0 == 0x2B || b0 == decimal) && n < 64 {
      if n == 10 && p[4] == 0x2D && p[7] == 0x2D, let date = isoDate(p) {
        return .date(date)
      }
      if let value = DecimalParser.parse(p, n, decimal: decimal, tables: tables) {
        return .number(value)
      }
      return nil
    }
    switch n {
    case 4:
      if matches(p, "TRUE") || matches(p, "True") || matches(p, "true") || matches(p, "SANT") {
        return .boolean(true)
      }
    case 5:
      if matches(p, "FALSE") || matches(p, "False") || matches(p, "false") {
        return .boolean(false)
      }
    case 6:
      if matches(p, "FALSKT") { return .boolean(false) }
    default: break
    }
    return nil
  }

  @inline(__always)
  static func matches(_ p: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
    let w = word.utf8Start
    for k in 0..<word.utf8CodeUnitCount where p[k] != w[k] { return false }
    return true
  }

  /// `YYYY-MM-DD` with a valid month and day.
  @inline(__always)
  static func isoDate(_ p: UnsafePointer<UInt8>) -> CivilDateTime? {
    guard p[0] &- 0x30 <= 9, p[1] &- 0x30 <= 9, p[2] &- 0x30 <= 9, p[3] &- 0x30 <= 9,
      p[5] &- 0x30 <= 9, p[6] &- 0x30 <= 9, p[8] &- 0x30 <= 9, p[9] &- 0x30 <= 9
    else { return nil }
    func d(_ k: Int) -> Int { Int(p[k] &- 0x30) }
    let year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3)
    let month = d(5) * 10 + d(6)
    let day = d(8) * 10 + d(9)
    guard month >= 1 && month <= 12 && day >= 1 else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let length =
      month == 2
      ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31
    guard day <= length else { return nil }
    return CivilDateTime(year: year, month: month, day: day)
  }
}
