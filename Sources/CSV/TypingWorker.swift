internal import WorkQueue

/// The second thread of ``CSVRecordStream/forEachTypedRecord``: types one ``TypedBatch`` at a
/// time while the caller's thread splits the next.
///
/// Batches are handed over through an ``OrderedWorkQueue``; its lock also guards the batch in
/// hand and its block counters, which the two threads type from both ends. A batch the thread
/// takes after the caller has typed it all (the thread was slow to wake) is no longer in hand,
/// and the thread leaves it alone.
final class TypingWorker: @unchecked Sendable {
  private let queue = OrderedWorkQueue<TypedBatch, Never>(capacity: 2)
  private var thread: WorkerThread?
  /// The batch being typed, until ``wait()`` has seen it finished.
  private var batch: TypedBatch?
  private let decimal: UInt8
  private let dialect: ScanDialect

  init(decimal: UInt8, dialect: ScanDialect) {
    self.decimal = decimal
    self.dialect = dialect
    // Without a thread, ``wait()`` types every block itself.
    thread = WorkerThread { [self] in run() }
  }

  /// Hands a batch to the thread, which types its blocks from the front. The previous batch
  /// must have been waited for.
  func submit(_ batch: TypedBatch) {
    batch.prepareBlocks()
    queue.lock.withLock { self.batch = batch }
    if thread != nil { queue.send(batch) }
  }

  /// Types blocks of the batch in hand from the back until the two threads meet, then waits
  /// until every block is typed.
  func wait() {
    guard let batch else { return }
    let lock = queue.lock
    lock.lock()
    while batch.front < batch.back {
      batch.back -= 1
      let block = batch.back
      lock.unlock()
      batch.type(block: block..<(block + 1), side: 1, decimal: decimal, dialect: dialect)
      lock.lock()
      batch.finished += 1
    }
    while batch.finished < batch.blockCount { lock.wait() }
    self.batch = nil
    lock.unlock()
  }

  /// Waits for the batch in hand, then lets the thread end.
  func stop() {
    wait()
    queue.close()
    thread?.join()
    thread = nil
  }

  private func run() {
    let lock = queue.lock
    while let batch = queue.take() {
      lock.lock()
      guard self.batch === batch else {
        lock.unlock()
        continue
      }
      while batch.front < batch.back {
        let block = batch.front
        batch.front += 1
        lock.unlock()
        batch.type(block: block..<(block + 1), side: 0, decimal: decimal, dialect: dialect)
        lock.lock()
        batch.finished += 1
      }
      if batch.finished == batch.blockCount { lock.broadcast() }
      lock.unlock()
    }
  }
}
