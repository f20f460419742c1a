import Foundation
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
  /// Two threads share the work: this one reads, checks and splits the records of a batch
  /// (up to 16,384 fields, never more than one buffer's worth) while a second thread types
  /// the batch before, from its first record on; this thread then types that batch from its
  /// last record back until the two meet. `body` is always called on this thread, in record
  /// order. A file that ends within its first batch, or a machine with one processor, is
  /// read on this thread alone. Memory stays bounded: two read buffers (1 MiB each unless one
  /// record is larger) and two batches.
  ///
  /// Warnings (``diagnostics``) and counts such as ``recordCount`` run ahead of `body` by
  /// up to two batches. An error is thrown after `body` has seen every record before it.
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
    let dialect = scanDialect
    let batches = [TypedBatch(), TypedBatch()]
    var current = 0
    var worker: TypingWorker?
    var inFlight: TypedBatch?
    let parallel = ProcessInfo.processInfo.activeProcessorCount > 1
    preservesBuffer = true
    defer {
      preservesBuffer = false
      worker?.stop()
    }
    while true {
      let batch = batches[current]
      batch.reset(base: UnsafePointer(buffer), single: isSingleByte)
      var status = Advance.record
      do {
        while batch.spanCount < TypedBatch.fieldLimit {
          status = try advance(fill: false)
          guard status == .record else { break }
          batch.append(
            number: currentNumber, line: currentLine, spans: UnsafePointer(spans),
            count: currentCount)
        }
      } catch {
        // Hand out everything before the error first.
        if let pending = inFlight, let worker {
          worker.wait()
          try pending.deliver(body)
        }
        batch.type(decimal: decimal, dialect: dialect)
        try batch.deliver(body)
        throw error
      }
      let previous = inFlight
      if previous != nil { worker?.wait() }
      if !parallel {
        batch.type(decimal: decimal, dialect: dialect)
        try batch.deliver(body)
        if status == .end { return }
        if status == .needsFill { try fill() }
        continue
      }
      if status == .end && previous == nil {
        batch.type(decimal: decimal, dialect: dialect)
        try batch.deliver(body)
        return
      }
      // Type this batch on the second thread while the previous one goes to `body` and the
      // next one is split.
      let typing = worker ?? TypingWorker(decimal: decimal, dialect: dialect)
      worker = typing
      typing.submit(batch)
      inFlight = batch
      current ^= 1
      if let previous { try previous.deliver(body) }
      if status == .end {
        typing.wait()
        inFlight = nil
        try batch.deliver(body)
        return
      }
      if status == .needsFill { try fill() }
    }
  }

  /// The UTF-8 text of the text fields of records, grown as needed.
  struct TextArena {
    var pointer: UnsafeMutablePointer<UInt8>?
    var capacity: Int
    var length = 0

    /// An arena of 64 KiB.
    init() {
      pointer = .allocate(capacity: 1 << 16)
      capacity = 1 << 16
    }

    /// An arena without memory (a placeholder while a thread borrows the real one).
    init(pointer: UnsafeMutablePointer<UInt8>?) {
      self.pointer = pointer
      capacity = 0
    }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
      let needed = length + extra
      if needed <= capacity { return }
      let newCapacity = max(needed, capacity * 2)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      if let pointer {
        grown.update(from: pointer, count: length)
        pointer.deallocate()
      }
      pointer = grown
      capacity = newCapacity
    }
  }

  /// Types one field; text is appended to `arena` as UTF-8.
  @inline(__always)
  static func classify(
    _ p: UnsafePointer<UInt8>, _ n: Int, decimal: UInt8, tables: DecimalParser.Tables,
    single: Bool, table: UnsafePointer<UInt8>, lengths: UnsafePointer<UInt8>,
    arena: inout TextArena, origin: Int
  ) -> CSVScalar {
    if let scalar = typedScalar(p, n, decimal: decimal, tables: tables) { return scalar }
    arena.reserve(n * (single ? 3 : 1))
    let from = arena.length
    guard let out = arena.pointer else { return .empty }
    arena.length = appendText(
      p, n, single: single, table: table, lengths: lengths, into: out, at: from)
    return .text((from - origin)..<(arena.length - origin))
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
