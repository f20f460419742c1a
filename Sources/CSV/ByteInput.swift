import Foundation

/// A source of bytes the record stream fills its buffer from.
protocol ByteInput: AnyObject {
  /// Reads up to `count` bytes into `destination`; 0 means the end of input. Callers ask for
  /// at least 8 bytes (a transcoder writes whole characters).
  func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int
}

/// The bytes of a file, read in chunks straight into the caller's buffer (Foundation's
/// `InputStream`, which calls `read(2)`).
final class FileInput: ByteInput {
  let path: String
  /// The file size in bytes when opened.
  let size: Int
  private let stream: InputStream

  /// Opens a file for reading.
  ///
  /// - Throws: ``CSVError`` `file-not-found`, `unreadable-file`.
  init(path: String) throws {
    self.path = path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CSVError(code: .fileNotFound, path: path, message: "no such file")
    }
    if isDirectory.boolValue {
      throw CSVError(
        code: .unreadableFile, path: path, message: "is a folder, not a CSV file")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    guard let stream = InputStream(fileAtPath: path) else {
      throw CSVError(
        code: .unreadableFile, path: path, message: "the file cannot be opened for reading")
    }
    stream.open()
    if stream.streamStatus == .error {
      throw CSVError(
        code: .unreadableFile, path: path,
        message: "the file cannot be opened for reading: "
          + (stream.streamError?.localizedDescription ?? "unknown error"),
        underlying: stream.streamError)
    }
    self.stream = stream
  }

  deinit {
    stream.close()
  }

  func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
    if count <= 0 { return 0 }
    let n = stream.read(destination, maxLength: count)
    if n < 0 {
      throw CSVError(
        code: .unreadableFile, path: path,
        message: "reading failed: "
          + (stream.streamError?.localizedDescription ?? "unknown error"),
        underlying: stream.streamError)
    }
    return n
  }
}

/// Bytes already read (the detection sample), then the rest of another input.
final class PrefixedInput: ByteInput {
  private var prefix: [UInt8]
  private var offset = 0
  private let rest: any ByteInput

  init(prefix: [UInt8], rest: any ByteInput) {
    self.prefix = prefix
    self.rest = rest
  }

  func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
    if offset < prefix.count {
      let n = min(count, prefix.count - offset)
      prefix.withUnsafeBufferPointer { source in
        if let base = source.baseAddress {
          destination.update(from: base + offset, count: n)
        }
      }
      offset += n
      if offset == prefix.count { prefix = [] }
      return n
    }
    return try rest.read(into: destination, count: count)
  }
}

/// The raw bytes of a transcoding decoder (``WideDecoder``, ``CodePageDecoder``): what was read
/// from the source and not yet decoded, the file offset and line of the next byte, and the
/// writing of decoded scalars as UTF-8 with the line count kept.
struct TranscodingBuffer {
  private let source: any ByteInput
  /// Bytes read and not yet consumed start at `raw[rawStart]`.
  private(set) var raw: [UInt8] = []
  private(set) var rawStart = 0
  /// Absolute file offset of `raw[rawStart]`.
  private(set) var fileOffset: Int
  private(set) var sourceDone = false
  /// 1-based line of the next byte, counted in the decoded text (CR, LF and CR LF each end one).
  private(set) var line = 1
  private var lastWasCR = false

  /// - Parameters:
  ///   - source: the input.
  ///   - startOffset: the file offset of the first byte `source` returns.
  init(source: any ByteInput, startOffset: Int) {
    self.source = source
    self.fileOffset = startOffset
  }

  /// Bytes read and not yet consumed.
  var available: Int { raw.count - rawStart }

  /// Reads up to 64 KiB more from the source; sets ``sourceDone`` at its end.
  mutating func refill() throws {
    if rawStart > 0 {
      raw.removeFirst(rawStart)
      rawStart = 0
    }
    let want = 64 * 1024
    let old = raw.count
    raw.append(contentsOf: repeatElement(0, count: want))
    let source = self.source
    let n = try raw.withUnsafeMutableBufferPointer { buffer -> Int in
      guard let base = buffer.baseAddress else { return 0 }
      return try source.read(into: base + old, count: want)
    }
    raw.removeLast(want - n)
    if n == 0 { sourceDone = true }
  }

  /// Writes `scalar` as UTF-8 at `out`, consumes `consumed` raw bytes and counts lines.
  ///
  /// - Returns: the number of bytes written (1–4).
  mutating func emit(
    _ scalar: UInt32, consumed: Int, into out: UnsafeMutablePointer<UInt8>
  ) -> Int {
    if scalar == 0x0A {
      if !lastWasCR { line += 1 }
      lastWasCR = false
    } else if scalar == 0x0D {
      line += 1
      lastWasCR = true
    } else {
      lastWasCR = false
    }
    rawStart += consumed
    fileOffset += consumed
    return encodeUTF8(scalar, into: out)
  }
}

/// Transcodes UTF-16 or UTF-32 input to UTF-8, so that the scanner always splits
/// ASCII-compatible bytes.
///
/// Errors name the byte offset in the file and the line (counted in the decoded text).
final class WideDecoder: ByteInput {
  private let encoding: CSVEncoding
  private let path: String
  private var buffer: TranscodingBuffer

  /// - Parameters:
  ///   - source: the input positioned after the byte-order mark.
  ///   - encoding: a UTF-16 or UTF-32 encoding.
  ///   - path: for errors.
  ///   - startOffset: the file offset of the first byte `source` returns.
  init(source: any ByteInput, encoding: CSVEncoding, path: String, startOffset: Int) {
    self.encoding = encoding
    self.path = path
    self.buffer = TranscodingBuffer(source: source, startOffset: startOffset)
  }

  private var unitSize: Int { encoding == .utf16LE || encoding == .utf16BE ? 2 : 4 }

  func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
    var written = 0
    let unit = unitSize
    while written + 4 <= count {
      if buffer.available < 2 * unit && !buffer.sourceDone {
        try buffer.refill()
        continue
      }
      let available = buffer.available
      if available == 0 { break }
      if available < unit {
        throw error(
          unit == 2 ? .invalidUTF16 : .invalidUTF32,
          "the file ends in \(available) byte(s), not a whole \(unit)-byte code unit")
      }
      var scalar: UInt32
      var consumed = unit
      if unit == 2 {
        let u = codeUnit16(buffer.rawStart)
        if u >= 0xD800 && u < 0xDC00 {
          if available < 4 {
            if !buffer.sourceDone {
              try buffer.refill()
              continue
            }
            throw error(.invalidUTF16, "a high surrogate 0x\(hex(u)) ends the file unpaired")
          }
          let low = codeUnit16(buffer.rawStart + 2)
          guard low >= 0xDC00 && low < 0xE000 else {
            throw error(
              .invalidUTF16, "the high surrogate 0x\(hex(u)) is not followed by a low one")
          }
          scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
          consumed = 4
        } else if u >= 0xDC00 && u < 0xE000 {
          throw error(
            .invalidUTF16, "the low surrogate 0x\(hex(u)) has no high surrogate before it")
        } else {
          scalar = UInt32(u)
        }
      } else {
        scalar = codeUnit32(buffer.rawStart)
        if scalar > 0x10FFFF || (scalar >= 0xD800 && scalar < 0xE000) {
          throw error(.invalidUTF32, "0x\(String(scalar, radix: 16)) is not a Unicode scalar")
        }
      }
      written += buffer.emit(scalar, consumed: consumed, into: destination + written)
    }
    return written
  }

  private func codeUnit16(_ i: Int) -> UInt16 {
    let raw = buffer.raw
    return encoding == .utf16LE
      ? UInt16(raw[i]) | UInt16(raw[i + 1]) << 8 : UInt16(raw[i]) << 8 | UInt16(raw[i + 1])
  }

  private func codeUnit32(_ i: Int) -> UInt32 {
    let raw = buffer.raw
    let b0 = UInt32(raw[i])
    let b1 = UInt32(raw[i + 1])
    let b2 = UInt32(raw[i + 2])
    let b3 = UInt32(raw[i + 3])
    return encoding == .utf32LE
      ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b0 << 24 | b1 << 16 | b2 << 8 | b3
  }

  private func hex(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private func error(_ code: CSVError.Code, _ what: String) -> CSVError {
    CSVError(
      code: code, path: path, line: buffer.line, byteOffset: buffer.fileOffset,
      message: "\(what) at byte offset \(buffer.fileOffset) (\(encoding.name))")
  }
}

/// Writes the UTF-8 form of a scalar; returns its length (1–4).
@inline(__always)
func encodeUTF8(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
  if scalar < 0x80 {
    out[0] = UInt8(scalar)
    return 1
  }
  if scalar < 0x800 {
    out[0] = UInt8(0xC0 | (scalar >> 6))
    out[1] = UInt8(0x80 | (scalar & 0x3F))
    return 2
  }
  if scalar < 0x10000 {
    out[0] = UInt8(0xE0 | (scalar >> 12))
    out[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
    out[2] = UInt8(0x80 | (scalar & 0x3F))
    return 3
  }
  out[0] = UInt8(0xF0 | (scalar >> 18))
  out[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
  out[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
  out[3] = UInt8(0x80 | (scalar & 0x3F))
  return 4
}

/// Transcodes Mac Roman or Shift-JIS (code page 932) input to UTF-8, so that the scanner
/// splits ASCII-compatible bytes (a Shift-JIS trail byte may be `\` or `|`).
///
/// A Shift-JIS code that code page 932 does not define is the error `invalid-shift-jis`, with
/// the byte offset in the file and the line: nothing is replaced silently.
final class CodePageDecoder: ByteInput {
  private let encoding: CSVEncoding
  private let path: String
  private var buffer: TranscodingBuffer

  /// - Parameters:
  ///   - source: the input.
  ///   - encoding: ``CSVEncoding/macRoman`` or ``CSVEncoding/cp932``.
  ///   - path: for errors.
  ///   - startOffset: the file offset of the first byte `source` returns.
  init(source: any ByteInput, encoding: CSVEncoding, path: String, startOffset: Int) {
    self.encoding = encoding
    self.path = path
    self.buffer = TranscodingBuffer(source: source, startOffset: startOffset)
  }

  func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
    var written = 0
    while written + 4 <= count {
      if buffer.available < 2 && !buffer.sourceDone {
        try buffer.refill()
        continue
      }
      if buffer.available == 0 { break }
      let raw = buffer.raw
      let rawStart = buffer.rawStart
      let byte = raw[rawStart]
      var scalar: UInt32
      var consumed = 1
      if byte < 0x80 {
        scalar = UInt32(byte)
      } else if encoding == .macRoman {
        scalar = MacRoman.scalarValue(byte)
      } else {
        let step = raw.withUnsafeBufferPointer { bytes in
          ShiftJIS.step(UnsafeBufferPointer(rebasing: bytes[rawStart...]), at: 0)
        }
        switch step {
        case .scalar(let value, let length):
          scalar = value
          consumed = length
        case .incomplete:
          throw error("the lead byte \(hexByte(byte)) ends the file without its trail byte")
        case .invalid:
          let trail = raw[rawStart + 1]
          throw error(
            "the bytes \(hexByte(byte)) \(hexByte(trail)) are not a character of code page 932")
        }
      }
      written += buffer.emit(scalar, consumed: consumed, into: destination + written)
    }
    return written
  }

  private func error(_ what: String) -> CSVError {
    CSVError(
      code: .invalidShiftJIS, path: path, line: buffer.line, byteOffset: buffer.fileOffset,
      message:
        "\(what) at byte offset \(buffer.fileOffset) (\(encoding.name)); nothing is replaced "
        + "silently: re-export the file as UTF-8 (or give its encoding)")
  }
}
