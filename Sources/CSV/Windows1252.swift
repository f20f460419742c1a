/// Windows code page 1252, the single-byte encoding of a Swedish Excel's "CSV (semicolon
/// separated)" export.
///
/// Bytes 0x00–0x7F are ASCII and 0xA0–0xFF are ISO-8859-1 (U+00A0–U+00FF). 0x80–0x9F hold
/// the printable characters below (Microsoft's bestfit1252 table, as published by the Unicode
/// Consortium); the five bytes Microsoft leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode
/// to the C1 control of the same value, as Windows' `MultiByteToWideChar` and the WHATWG
/// Encoding Standard do, so every byte decodes.
enum Windows1252 {
  /// Unicode scalars for bytes 0x80–0x9F.
  static let high: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// The UTF-8 bytes of every byte value, flattened: entry `b` is at `4 * b`, its length at
  /// ``utf8Length``.
  static let utf8Table: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256 * 4)
    for byte in 0..<256 {
      let scalar = UInt32(scalarValue(UInt8(byte)))
      var i = byte * 4
      if scalar < 0x80 {
        table[i] = UInt8(scalar)
      } else if scalar < 0x800 {
        table[i] = UInt8(0xC0 | (scalar >> 6))
        table[i + 1] = UInt8(0x80 | (scalar & 0x3F))
      } else {
        table[i] = UInt8(0xE0 | (scalar >> 12))
        i += 1
        table[i] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        table[i + 1] = UInt8(0x80 | (scalar & 0x3F))
      }
    }
    return table
  }()

  /// ``utf8Table`` and ``utf8Length`` behind plain pointers, for hot loops. Sendable: written
  /// once before publication, then only read.
  struct Pointers: @unchecked Sendable {
    let utf8: UnsafePointer<UInt8>
    let lengths: UnsafePointer<UInt8>
  }

  /// The tables as pointers.
  static let pointers = Pointers(utf8: permanent(utf8Table), lengths: permanent(utf8Length))

  /// The UTF-8 length of every byte value's character (1, 2 or 3).
  static let utf8Length: [UInt8] = (0..<256).map { byte in
    let scalar = scalarValue(UInt8(byte))
    return scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : 3
  }

  /// The Unicode scalar value of a byte.
  @inline(__always)
  static func scalarValue(_ byte: UInt8) -> UInt16 {
    if byte >= 0x80 && byte < 0xA0 { return high[Int(byte - 0x80)] }
    return UInt16(byte)
  }

  /// The byte for a Unicode scalar, or `nil` when Windows-1252 has no such character.
  static func byte(for scalar: Unicode.Scalar) -> UInt8? {
    let value = scalar.value
    if value < 0x80 || (value >= 0xA0 && value <= 0xFF) { return UInt8(value) }
    if let index = high.firstIndex(of: UInt16(truncatingIfNeeded: value)), value <= 0xFFFF {
      return UInt8(0x80 + index)
    }
    return nil
  }

  /// Decodes single-byte text to a String.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(bytes.count + bytes.count / 2)
    utf8Table.withUnsafeBufferPointer { table in
      for byte in bytes {
        if byte < 0x80 {
          utf8.append(byte)
          continue
        }
        let at = Int(byte) * 4
        let length = Int(utf8Length[Int(byte)])
        for k in 0..<length { utf8.append(table[at + k]) }
      }
    }
    return String(decoding: utf8, as: UTF8.self)
  }
}
