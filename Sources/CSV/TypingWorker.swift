import Foundation

/// The second thread of ``CSVRecordStream/forEachTypedRecord``: types one ``TypedBatch`` at a
/// time while the caller's thread splits the next.
///
/// One Foundation `Thread`, started with the first batch and stopped by ``stop()``, and one
/// `NSCondition` guarding the hand-over.
final class TypingWorker: @unchecked Sendable {
  private let condition = NSCondition()
  /// The batch being typed, until ``wait()`` has seen it finished.
  private var batch: TypedBatch?
  /// Whether the thread has taken up ``batch`` already.
  private var taken = false
  private var stopping = false
  private let decimal: UInt8
  private let dialect: ScanDialect

  init(decimal: UInt8, dialect: ScanDialect) {
    self.decimal = decimal
    self.dialect = dialect
    let thread = Thread { [self] in run() }
    thread.start()
  }

  /// Hands a batch to the thread, which types its blocks from the front. The previous batch
  /// must have been waited for.
  func submit(_ batch: TypedBatch) {
    batch.prepareBlocks()
    condition.lock()
    self.batch = batch
    taken = false
    condition.broadcast()
    condition.unlock()
  }

  /// Types blocks of the batch in hand from the back until the two threads meet, then waits
  /// until every block is typed.
  func wait() {
    condition.lock()
    if let batch {
      while batch.front < batch.back {
        batch.back -= 1
        let block = batch.back
        condition.unlock()
        batch.type(block: block..<(block + 1), side: 1, decimal: decimal, dialect: dialect)
        condition.lock()
        batch.finished += 1
      }
      while batch.finished < batch.blockCount { condition.wait() }
      self.batch = nil
    }
    condition.unlock()
  }

  /// Waits for the batch in hand, then lets the thread end.
  func stop() {
    wait()
    condition.lock()
    stopping = true
    condition.broadcast()
    condition.unlock()
  }

  private func run() {
    condition.lock()
    while true {
      while (batch == nil || taken) && !stopping { condition.wait() }
      guard !stopping, let batch else { break }
      taken = true
      while batch.front < batch.back {
        let block = batch.front
        batch.front += 1
        condition.unlock()
        batch.type(block: block..<(block + 1), side: 0, decimal: decimal, dialect: dialect)
        condition.lock()
        batch.finished += 1
      }
      if batch.finished == batch.blockCount { condition.broadcast() }
    }
    condition.unlock()
  }
}
