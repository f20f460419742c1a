#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mutex with one condition variable: the only synchronisation the hand-offs between
/// RedThread's threads need (swift-nio's `NIOConcurrencyHelpers.ConditionLock` is the model).
///
/// Plain POSIX threads rather than Foundation or Dispatch, so that the format libraries do not
/// pull Foundation into a process (it alone adds about 8 MiB of resident memory).
/// The corresponding C functions are `pthread_mutex_lock`, `pthread_mutex_unlock`,
/// `pthread_cond_wait`, `pthread_cond_signal` and `pthread_cond_broadcast`.
package final class ConditionLock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let condition: UnsafeMutablePointer<pthread_cond_t>

  package init() {
    mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
    condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    condition.initialize(to: pthread_cond_t())
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  package func lock() { pthread_mutex_lock(mutex) }
  package func unlock() { pthread_mutex_unlock(mutex) }
  /// Waits for a signal; the mutex must be held, and is held again on return.
  package func wait() { pthread_cond_wait(condition, mutex) }
  package func signal() { pthread_cond_signal(condition) }
  package func broadcast() { pthread_cond_broadcast(condition) }

  /// Runs `body` with the mutex held.
  @inline(__always)
  package func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock()
    defer { unlock() }
    return try body()
  }
}
