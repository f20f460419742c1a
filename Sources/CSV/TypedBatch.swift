/// A run of scanned records of one buffer, typed by ``type(decimal:dialect:)`` and handed to
/// the caller by ``deliver(_:)``: the unit of work ``CSVRecordStream/forEachTypedRecord``
/// passes between its two threads.
///
/// Sendable by hand: one thread at a time owns it, and ``TypingWorker`` hands it over under
/// a lock. The field spans point into the stream's buffer, which must not move or change
/// until the batch has been delivered (``CSVRecordStream/preservesBuffer``).
final class TypedBatch: @unchecked Sendable {
  /// The most fields in one batch.
  static let fieldLimit = 16_384

  struct Record {
    var number: Int
    var line: Int
    /// Index of the record's first field in ``spans`` and ``values``.
    var first: Int
    var count: Int
    /// The record's text: which arena (0: front, 1: back), and where (set by typing).
    var arena = 0
    var textStart = 0
    var textEnd = 0
  }

  /// Records per block: the unit the two threads claim (``TypingWorker``).
  static let blockSize = 64

  // Blocks claimed so far from the front and from the back, and blocks typed: guarded by the
  // ``TypingWorker``'s lock while the batch is shared.
  var front = 0
  var back = 0
  var finished = 0
  var blockCount: Int { (recordCount + TypedBatch.blockSize - 1) / TypedBatch.blockSize }

  private(set) var base: UnsafePointer<UInt8>?
  private(set) var single = false
  private(set) var spanCount = 0
  private var spanCapacity = TypedBatch.fieldLimit + 256
  private var spans: UnsafeMutablePointer<FieldSpan>
  private var values: UnsafeMutablePointer<CSVScalar>
  private var records: UnsafeMutablePointer<Record>
  private var recordCapacity = 4096
  private var recordCount = 0
  // One arena and one scratch buffer per side, in separate properties: the two threads
  // write them at the same time.
  private var frontArena = CSVRecordStream.TextArena()
  private var backArena = CSVRecordStream.TextArena()
  private var frontScratch: [UInt8] = []
  private var backScratch: [UInt8] = []

  init() {
    spans = .allocate(capacity: spanCapacity)
    values = .allocate(capacity: spanCapacity)
    records = .allocate(capacity: recordCapacity)
  }

  deinit {
    spans.deallocate()
    values.deallocate()
    records.deallocate()
    frontArena.pointer?.deallocate()
    backArena.pointer?.deallocate()
  }

  /// Empties the batch for records in the buffer at `base`.
  func reset(base: UnsafePointer<UInt8>, single: Bool) {
    self.base = base
    self.single = single
    spanCount = 0
    recordCount = 0
    frontArena.length = 0
    backArena.length = 0
  }

  /// Makes the blocks claimable: call before sharing the batch.
  func prepareBlocks() {
    front = 0
    back = blockCount
    finished = 0
  }

  /// Adds a record: `count` spans from `spans`.
  func append(number: Int, line: Int, spans source: UnsafePointer<FieldSpan>, count: Int) {
    if spanCount + count > spanCapacity {
      let newCapacity = max(spanCount + count, spanCapacity * 2)
      let grown = UnsafeMutablePointer<FieldSpan>.allocate(capacity: newCapacity)
      grown.update(from: spans, count: spanCount)
      spans.deallocate()
      spans = grown
      values.deallocate()
      values = .allocate(capacity: newCapacity)
      spanCapacity = newCapacity
    }
    if recordCount == recordCapacity {
      let newCapacity = recordCapacity * 2
      let grown = UnsafeMutablePointer<Record>.allocate(capacity: newCapacity)
      grown.moveInitialize(from: records, count: recordCount)
      records.deallocate()
      records = grown
      recordCapacity = newCapacity
    }
    (spans + spanCount).update(from: source, count: count)
    (records + recordCount).initialize(
      to: Record(number: number, line: line, first: spanCount, count: count))
    spanCount += count
    recordCount += 1
  }

  /// Swaps a side's text arena and scratch buffer with the caller's (to borrow, then return,
  /// them without copying).
  private func exchange(
    side: Int, _ arena: inout CSVRecordStream.TextArena, _ scratch: inout [UInt8]
  ) {
    if side == 0 {
      swap(&arena, &frontArena)
      swap(&scratch, &frontScratch)
    } else {
      swap(&arena, &backArena)
      swap(&scratch, &backScratch)
    }
  }

  /// Types every field on this thread.
  func type(decimal: UInt8, dialect: ScanDialect) {
    type(block: 0..<blockCount, side: 0, decimal: decimal, dialect: dialect)
  }

  /// Types the records of blocks `blocks`, with text in arena `side` (0 for the thread that
  /// works from the front, 1 for the one that works from the back: each thread has its own).
  func type(block blocks: Range<Int>, side: Int, decimal: UInt8, dialect: ScanDialect) {
    guard let base else { return }
    let tables = DecimalParser.tables
    let table = Windows1252.pointers.utf8
    let lengths = Windows1252.pointers.lengths
    let spans = self.spans
    let values = self.values
    let records = self.records
    let single = self.single
    var arena = CSVRecordStream.TextArena(pointer: nil)
    var scratch: [UInt8] = []
    exchange(side: side, &arena, &scratch)
    defer { exchange(side: side, &arena, &scratch) }
    let from = blocks.lowerBound * TypedBatch.blockSize
    let to = min(recordCount, blocks.upperBound * TypedBatch.blockSize)
    for r in from..<max(from, to) {
      let first = records[r].first
      let origin = arena.length
      for i in first..<(first + records[r].count) {
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
            return CSVRecordStream.classify(
              p, decoded.count, decimal: decimal, tables: tables, single: single,
              table: table, lengths: lengths, arena: &arena, origin: origin)
          }
        } else {
          let start = Int(span.start)
          value = CSVRecordStream.classify(
            base + start, Int(span.end) - start, decimal: decimal, tables: tables,
            single: single, table: table, lengths: lengths, arena: &arena, origin: origin)
        }
        (values + i).initialize(to: value)
      }
      records[r].arena = side
      records[r].textStart = origin
      records[r].textEnd = arena.length
    }
  }

  /// Calls `body` with every record, in order.
  func deliver(_ body: (CSVTypedRecord) throws -> Void) throws {
    let texts = (frontArena.pointer, backArena.pointer)
    for r in 0..<recordCount {
      let record = records[r]
      guard let text = record.arena == 0 ? texts.0 : texts.1 else { continue }
      try body(
        CSVTypedRecord(
          number: record.number, line: record.line,
          values: UnsafeBufferPointer(start: values + record.first, count: record.count),
          text: UnsafeBufferPointer(
            start: text + record.textStart, count: record.textEnd - record.textStart)))
    }
  }
}
