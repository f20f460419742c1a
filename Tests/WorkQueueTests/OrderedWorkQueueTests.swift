import Testing

@testable import WorkQueue

/// A sendable box for results written by one thread and read after it is joined.
private final class Box<T>: @unchecked Sendable {
  var value: T
  init(_ value: T) { self.value = value }
}

@Suite struct OrderedWorkQueueTests {
  @Test func resultsPostedOutOfOrderAreTakenInOrder() {
    let queue = OrderedWorkQueue<Int, Int>(capacity: 3, window: 4)
    let workers = (0..<3).compactMap { _ in
      WorkerThread {
        while let n = queue.take() { queue.post(n * n, sequence: n) }
      }
    }
    #expect(workers.count == 3)
    let producer = WorkerThread {
      for n in 0..<1_000 { queue.send(n) }
      queue.close()
    }
    var squares: [Int] = []
    for n in 0..<1_000 { squares.append(queue.result(sequence: n) ?? -1) }
    producer?.join()
    for worker in workers { worker.join() }
    #expect(squares == (0..<1_000).map { $0 * $0 })
  }

  @Test func aResultAheadOfTheWindowWaitsForTheConsumer() {
    let queue = OrderedWorkQueue<Never, Int>(window: 2)
    let log = Box<[String]>([])
    let poster = WorkerThread {
      for n in 0..<6 {
        queue.post(n, sequence: n)
        queue.lock.withLock { log.value.append("posted \(n)") }
      }
    }
    var taken: [Int] = []
    for n in 0..<6 {
      queue.lock.withLock { log.value.append("taking \(n)") }
      taken.append(queue.result(sequence: n) ?? -1)
    }
    poster?.join()
    #expect(taken == [0, 1, 2, 3, 4, 5])
    // Sequence n + 2 can only be posted once the consumer has started taking n.
    for n in 0..<4 {
      let taking = log.value.firstIndex(of: "taking \(n)") ?? .max
      let posted = log.value.firstIndex(of: "posted \(n + 2)") ?? -1
      #expect(taking < posted, "\(log.value)")
    }
  }

  @Test func closingDrainsWhatIsQueuedAndCancellingStopsEveryWait() {
    let queue = OrderedWorkQueue<Int, Int>(capacity: 8)
    for n in 0..<3 { queue.send(n) }
    queue.close()
    #expect([queue.take(), queue.take(), queue.take(), queue.take()] == [0, 1, 2, nil])

    let cancelled = OrderedWorkQueue<Int, Int>(capacity: 1)
    let waiter = WorkerThread { _ = cancelled.result(sequence: 0) }
    let accepted = Box<Bool?>(nil)
    let sender = WorkerThread {
      cancelled.send(1)
      // The queue is full: this waits until cancelled, then reports it.
      accepted.value = cancelled.send(2)
    }
    cancelled.cancel()
    waiter?.join()
    sender?.join()
    #expect(accepted.value == false)
    #expect(cancelled.isCancelled)
    #expect(cancelled.take() == nil)
    #expect(cancelled.send(3) == false)
  }
}
