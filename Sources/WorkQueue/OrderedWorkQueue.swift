/// Work handed between threads in order: a bounded first-in-first-out queue of inputs, and
/// numbered results that arrive in any order and are taken in order.
///
/// One ``ConditionLock`` guards both. Producers wait while the inputs are full or while a
/// result is more than ``window`` ahead of the one the consumer takes next, so memory stays
/// bounded; ``cancel()`` wakes every thread and makes every call return at once.
///
/// ```swift
/// let queue = OrderedWorkQueue<Chunk, Chunk>(capacity: 4, window: 8)
/// // worker threads:  while let chunk = queue.take() { queue.post(compress(chunk), sequence: chunk.sequence) }
/// // producer:        queue.send(chunk) ... queue.result(sequence: 0), queue.result(sequence: 1), ...
/// ```
package final class OrderedWorkQueue<Input, Output>: @unchecked Sendable {
  /// The lock, for callers that keep a little state of their own beside the queue.
  package let lock = ConditionLock()
  /// The most inputs waiting at once.
  package let capacity: Int
  /// How far ahead of the consumer a result may be posted.
  package let window: Int
  private var inputs: [Input] = []
  private var inputHead = 0
  private var results: [Int: Output] = [:]
  private var consumed = 0
  private var closed = false
  private var cancelled = false

  /// - Parameters:
  ///   - capacity: the most inputs waiting at once (at least 1).
  ///   - window: how many results may wait ahead of the consumer (at least 1).
  package init(capacity: Int = .max, window: Int = .max) {
    self.capacity = max(1, capacity)
    self.window = max(1, window)
  }

  /// Whether ``cancel()`` was called.
  package var isCancelled: Bool { lock.withLock { cancelled } }

  /// Queues an input, waiting while the queue is full.
  ///
  /// - Returns: `false` once cancelled.
  @discardableResult
  package func send(_ input: Input) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    while !cancelled && inputs.count - inputHead >= capacity { lock.wait() }
    guard !cancelled else { return false }
    inputs.append(input)
    lock.broadcast()
    return true
  }

  /// The next input, waiting while there is none.
  ///
  /// - Returns: `nil` once cancelled, or once closed and empty.
  package func take() -> Input? {
    lock.lock()
    defer { lock.unlock() }
    while !cancelled && !closed && inputHead == inputs.count { lock.wait() }
    guard !cancelled, inputHead < inputs.count else { return nil }
    let input = inputs[inputHead]
    inputHead += 1
    if inputHead == inputs.count {
      inputs.removeAll(keepingCapacity: true)
      inputHead = 0
    }
    lock.broadcast()
    return input
  }

  /// No more inputs: ``take()`` returns what is queued, then `nil`.
  package func close() {
    lock.withLock {
      closed = true
      lock.broadcast()
    }
  }

  /// Posts a result, waiting while it is ``window`` or more ahead of the consumer.
  ///
  /// - Returns: `false` once cancelled.
  @discardableResult
  package func post(_ output: Output, sequence: Int) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    while !cancelled && sequence - consumed >= window { lock.wait() }
    guard !cancelled else { return false }
    results[sequence] = output
    lock.broadcast()
    return true
  }

  /// Removes and returns the result with this number, waiting for it when `wait`.
  ///
  /// - Returns: `nil` when it has not arrived and `wait` is false, or once cancelled.
  package func result(sequence: Int, wait: Bool = true) -> Output? {
    lock.lock()
    defer { lock.unlock() }
    while wait && !cancelled && results[sequence] == nil { lock.wait() }
    guard let output = results.removeValue(forKey: sequence) else { return nil }
    consumed = sequence + 1
    lock.broadcast()
    return output
  }

  /// Stops every thread at its next wait: every call returns at once from now on.
  package func cancel() {
    lock.withLock {
      cancelled = true
      lock.broadcast()
    }
  }
}
