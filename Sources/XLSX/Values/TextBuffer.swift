/// A growable byte buffer for the text of one element, reused from element to element.
///
/// The hot path (append, reset, read) touches only the struct's own fields; the memory is
/// owned by a class instance that frees it. Copies of the struct share that memory, so only
/// one copy may write (the handler's, behind the parser's pointer).
struct TextBuffer {
  private final class Storage {
    var pointer: UnsafeMutablePointer<UInt8>

    init(capacity: Int) {
      pointer = .allocate(capacity: capacity)
    }

    deinit {
      pointer.deallocate()
    }
  }

  private let storage: Storage
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// Bytes held.
  private(set) var count = 0

  init(capacity: Int = 256) {
    storage = Storage(capacity: capacity)
    base = storage.pointer
    self.capacity = capacity
  }

  var isEmpty: Bool { count == 0 }

  /// The bytes held, valid until the next change.
  @inline(__always)
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  @inline(__always)
  mutating func removeAll() { count = 0 }

  @inline(__always)
  mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
    guard let source = text.baseAddress else { return }
    let n = text.count
    if count + n > capacity { grow(to: count + n) }
    (base + count).update(from: source, count: n)
    count += n
  }

  private mutating func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    pointer.update(from: base, count: count)
    storage.pointer.deallocate()
    storage.pointer = pointer
    base = pointer
    capacity = newCapacity
  }

  /// Removes XML whitespace (space, tab, CR, LF) from both ends of the bytes from `start` on.
  mutating func trimWhitespace(from start: Int) {
    guard start < count else { return }
    var end = count
    while end > start, XMLText.isSpace(base[end - 1]) { end -= 1 }
    var first = start
    while first < end, XMLText.isSpace(base[first]) { first += 1 }
    if first > start { (base + start).update(from: base + first, count: end - first) }
    count = start + (end - first)
  }

  /// The bytes as a `String` (UTF-8).
  var string: String { String(decoding: bytes, as: UTF8.self) }
}
