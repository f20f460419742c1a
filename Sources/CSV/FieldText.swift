/// Turns a scanned field into text.
enum FieldText {
  /// The field's bytes as stored in the file's encoding (UTF-8, or one byte per character for
  /// Windows-1252 and ISO-8859-1), quotes and escapes removed.
  ///
  /// Plain and simply quoted fields are handed out in place; escaped ones are decoded into
  /// `scratch`.
  @inline(__always)
  static func withBytes<R>(
    _ base: UnsafePointer<UInt8>, _ span: FieldSpan, _ dialect: ScanDialect,
    _ scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    let start = Int(span.start)
    let raw = UnsafeBufferPointer(start: base + start, count: Int(span.end) - start)
    if span.kind != .escaped { return try body(raw) }
    scratch.removeAll(keepingCapacity: true)
    FieldDecoder.decode(raw, dialect: dialect, into: &scratch)
    return try scratch.withUnsafeBufferPointer { try body($0) }
  }

  /// The field as a String.
  static func string(
    _ base: UnsafePointer<UInt8>, _ span: FieldSpan, _ dialect: ScanDialect, singleByte: Bool,
    _ scratch: inout [UInt8]
  ) -> String {
    withBytes(base, span, dialect, &scratch) { bytes in
      singleByte && !isASCII(bytes)
        ? Windows1252.decode(bytes) : String(decoding: bytes, as: UTF8.self)
    }
  }

  /// Whether every byte is below 0x80.
  @inline(__always)
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let n = bytes.count
    var i = 0
    var acc: UInt64 = 0
    while i + 8 <= n {
      acc |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      i += 8
    }
    while i < n {
      acc |= UInt64(base[i])
      i += 1
    }
    return acc & 0x8080_8080_8080_8080 == 0
  }
}
