/// XML text built as UTF-8 bytes in a fixed buffer and handed to a sink whenever the buffer
/// fills: the writer's hot path for worksheet parts.
///
/// Text follows Excel's escaping (ECMA-376 Part 1 §22.9.2.19, `ST_Xstring`): `&`, `<` and `>`
/// become entities; characters XML 1.0 cannot carry (U+0000–U+0008, U+000B, U+000C,
/// U+000E–U+001F, U+FFFE, U+FFFF) and the carriage return (which XML parsers turn into a
/// line feed) become `_xHHHH_`; and an underscore that starts something looking like such an
/// escape (`_x`, hexadecimal digits, `_`) becomes `_x005F_`, so that the text `_x0041_` reads
/// back as itself, not as `A`.
final class XMLStream {
  /// Receives each filled buffer; the bytes are valid only during the call.
  typealias Sink = (UnsafeRawBufferPointer) throws -> Void

  private let capacity: Int
  private let buffer: UnsafeMutablePointer<UInt8>
  // One thread owns a stream and no method re-enters another, so the dynamic exclusivity
  // checks on this hot counter (a thread-local lookup per access) can go.
  @exclusivity(unchecked) private var count = 0
  private let sink: Sink
  /// Bytes written through this stream so far, flushed or not.
  private(set) var totalBytes = 0

  /// Creates a stream.
  ///
  /// - Parameters:
  ///   - capacity: buffer size in bytes (at least 4 KiB).
  ///   - sink: where full buffers go.
  init(capacity: Int = 64 * 1024, sink: @escaping Sink) {
    self.capacity = max(capacity, 4096)
    self.buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    self.sink = sink
  }

  deinit {
    buffer.deallocate()
  }

  /// A write position in the stream's buffer, for the row hot path: appends through a local
  /// cursor need neither a capacity check per call nor an access to the stream object.
  /// Call ``room(_:)`` before a group of appends; hand the cursor back with
  /// ``XMLStream/finish(_:)`` before calling any other method of the stream.
  struct Cursor {
    fileprivate var next: UnsafeMutablePointer<UInt8>
    fileprivate let end: UnsafeMutablePointer<UInt8>

    /// Whether `n` more bytes fit.
    @inline(__always)
    func room(_ n: Int) -> Bool { end - next >= n }

    /// Appends markup (no escaping); there must be room.
    @inline(__always)
    mutating func append(_ text: StaticString) {
      let n = text.utf8CodeUnitCount
      next.update(from: text.utf8Start, count: n)
      next += n
    }

    /// Appends bytes (no escaping); there must be room.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard let base = bytes.baseAddress else { return }
      next.update(from: base, count: bytes.count)
      next += bytes.count
    }

    /// Appends a non-negative decimal integer (at most 20 bytes; there must be room).
    @inline(__always)
    mutating func append(decimal value: Int) {
      var n = value
      var digits = 1
      var probe = n
      while probe >= 10 {
        probe /= 10
        digits += 1
      }
      var position = next + digits - 1
      repeat {
        position.pointee = UInt8(truncatingIfNeeded: 48 + n % 10)
        n /= 10
        position -= 1
      } while n > 0
      next += digits
    }
  }

  /// A cursor at the end of the buffered bytes.
  @inline(__always)
  func cursor() -> Cursor { Cursor(next: buffer + count, end: buffer + capacity) }

  /// Takes back a cursor's bytes.
  @inline(__always)
  func finish(_ cursor: Cursor) { count = cursor.next - buffer }

  /// Flushes and returns a fresh cursor when fewer than `n` bytes fit (`n` at most 4 KiB).
  @inline(__always)
  func ensure(_ n: Int, _ cursor: inout Cursor) throws {
    if !cursor.room(n) {
      finish(cursor)
      try flush()
      cursor = self.cursor()
    }
  }

  /// Hands the buffered bytes to the sink.
  func flush() throws {
    guard count > 0 else { return }
    let n = count
    count = 0
    totalBytes += n
    try sink(UnsafeRawBufferPointer(start: buffer, count: n))
  }

  @inline(__always)
  private func reserve(_ n: Int) throws {
    if count + n > capacity { try flush() }
  }

  /// Appends markup as it is (no escaping).
  func raw(_ text: StaticString) throws {
    let n = text.utf8CodeUnitCount
    if n > capacity {
      try flush()
      try sink(UnsafeRawBufferPointer(start: text.utf8Start, count: n))
      totalBytes += n
      return
    }
    try reserve(n)
    (buffer + count).update(from: text.utf8Start, count: n)
    count += n
  }

  /// Appends bytes as they are (no escaping).
  func raw(_ bytes: UnsafeRawBufferPointer) throws {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      if count == capacity { try flush() }
      let n = min(bytes.count - offset, capacity - count)
      UnsafeMutableRawPointer(buffer + count).copyMemory(
        from: base + offset, byteCount: n)
      count += n
      offset += n
    }
  }

  /// Appends a string as it is (no escaping): for markup built at run time.
  func markup(_ text: String) throws {
    var text = text
    try text.withUTF8 { try raw(UnsafeRawBufferPointer($0)) }
  }

  /// Appends one byte.
  @inline(__always)
  func byte(_ value: UInt8) throws {
    try reserve(1)
    buffer[count] = value
    count += 1
  }

  /// Appends a decimal integer.
  func decimal(_ value: Int) throws {
    try reserve(20)
    var out = cursor()
    if value < 0 { out.append("-") }
    out.append(decimal: value < 0 ? -value : value)
    finish(out)
  }

  /// Appends a finite double in the shortest form that reads back to the same value:
  /// `42`, `0.25`, `1e-07`, `1e+16`, `1.7976931348623157e+308` (an `xsd:double`).
  func number(_ value: Double) throws {
    // Whole numbers below 2^53 as integers: exact, and without Swift's trailing `.0`.
    if let whole = Int(exactly: value), whole > -9_007_199_254_740_992,
      whole < 9_007_199_254_740_992
    {
      try decimal(whole)
      return
    }
    var text = value.description
    try reserve(32)
    text.withUTF8 { utf8 in
      guard let digits = utf8.baseAddress else { return }
      (buffer + count).update(from: digits, count: utf8.count)
      count += utf8.count
    }
  }

  /// Appends an A1 cell reference from prepared column letters and row digits.
  @inline(__always)
  func reference(column: UnsafeBufferPointer<UInt8>, row: UnsafeBufferPointer<UInt8>) throws {
    guard let letters = column.baseAddress, let digits = row.baseAddress else { return }
    try reserve(column.count + row.count)
    (buffer + count).update(from: letters, count: column.count)
    count += column.count
    (buffer + count).update(from: digits, count: row.count)
    count += row.count
  }

  /// Appends element text with Excel's escaping (see the type's description).
  func text(_ value: String) throws {
    var value = value
    try value.withUTF8 { try text(utf8: $0) }
  }

  /// Appends UTF-8 element text with Excel's escaping.
  func text(utf8: UnsafeBufferPointer<UInt8>) throws {
    guard let base = utf8.baseAddress else { return }
    let n = utf8.count
    if !Self.needsEscaping(base, n) {
      try raw(UnsafeRawBufferPointer(utf8))
      return
    }
    var i = 0
    while i < n {
      if capacity - count < 16 { try flush() }
      // Room for at least (free / 8) input bytes: no escape is longer than 8 bytes.
      let stop = min(n, i + (capacity - count) / 8)
      while i < stop {
        let b = base[i]
        switch b {
        case UInt8(ascii: "&"):
          append4("&amp")
          buffer[count] = UInt8(ascii: ";")
          count += 1
        case UInt8(ascii: "<"):
          append4("&lt;")
        case UInt8(ascii: ">"):
          append4("&gt;")
        case 0x09, 0x0A:
          buffer[count] = b
          count += 1
        case 0x00..<0x20:
          appendEscape(UInt32(b))
        case UInt8(ascii: "_"):
          if Self.looksLikeEscape(base, i, n) {
            appendEscape(0x5F)
          } else {
            buffer[count] = b
            count += 1
          }
        case 0xEF
        where i + 2 < n && base[i + 1] == 0xBF && (base[i + 2] == 0xBE || base[i + 2] == 0xBF):
          appendEscape(base[i + 2] == 0xBE ? 0xFFFE : 0xFFFF)
          i += 2
        default:
          buffer[count] = b
          count += 1
        }
        i += 1
      }
    }
  }

  /// Appends an attribute value: entities for `&`, `<`, `>`, `"`, and character references
  /// for tab, line feed and carriage return (which attribute normalisation would turn into
  /// spaces).
  func attribute(_ value: String) throws {
    for b in value.utf8 {
      switch b {
      case UInt8(ascii: "&"): try raw("&amp;")
      case UInt8(ascii: "<"): try raw("&lt;")
      case UInt8(ascii: ">"): try raw("&gt;")
      case UInt8(ascii: "\""): try raw("&quot;")
      case 0x09: try raw("&#9;")
      case 0x0A: try raw("&#10;")
      case 0x0D: try raw("&#13;")
      default: try byte(b)
      }
    }
  }

  /// Whether text needs `xml:space="preserve"`: it begins or ends with white space, which
  /// Excel would otherwise trim.
  static func needsSpacePreserve(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = utf8.first, let last = utf8.last else { return false }
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    return isSpace(first) || isSpace(last)
  }

  @inline(__always)
  private func append4(_ text: StaticString) {
    (buffer + count).update(from: text.utf8Start, count: 4)
    count += 4
  }

  /// `_xHHHH_` with upper-case hexadecimal digits, as Excel writes it.
  @inline(__always)
  private func appendEscape(_ scalar: UInt32) {
    let hex: StaticString = "0123456789ABCDEF"
    let digits = hex.utf8Start
    buffer[count] = UInt8(ascii: "_")
    buffer[count + 1] = UInt8(ascii: "x")
    buffer[count + 2] = digits[Int((scalar >> 12) & 0xF)]
    buffer[count + 3] = digits[Int((scalar >> 8) & 0xF)]
    buffer[count + 4] = digits[Int((scalar >> 4) & 0xF)]
    buffer[count + 5] = digits[Int(scalar & 0xF)]
    buffer[count + 6] = UInt8(ascii: "_")
    count += 7
  }

  /// Whether the bytes hold anything that needs an entity or an `_xHHHH_` escape.
  @inline(__always)
  static func needsEscaping(_ base: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n {
      let b = base[i]
      if b < 0x20 {
        if b != 0x09 && b != 0x0A { return true }
      } else if b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
        || b == UInt8(ascii: "_") || b == 0xEF
      {
        return true
      }
    }
    return false
  }

  /// Whether `_` at `i` starts something a reader may take for an escape: `_x`, one or more
  /// hexadecimal digits, `_` (x in either case). Excel's escapes have exactly four digits, but
  /// LibreOffice also decodes shorter ones (`_x12_`), so every such run is protected.
  @inline(__always)
  static func looksLikeEscape(_ base: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
    guard i + 3 < n, base[i + 1] | 0x20 == UInt8(ascii: "x") else { return false }
    var k = i + 2
    while k < n {
      let c = base[k]
      let isHex =
        (c >= 48 && c <= 57) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
      if !isHex { return c == UInt8(ascii: "_") && k > i + 2 }
      k += 1
    }
    return false
  }
}
