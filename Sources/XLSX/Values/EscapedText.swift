/// Decodes the `_xHHHH_` escapes of SpreadsheetML text (ECMA-376 Part 1 §22.9.2.19, ST_Xstring).
///
/// Excel writes characters that XML 1.0 cannot carry (control characters such as `_x0007_`,
/// and a carriage return as `_x000D_`) as `_x` + four hex digits + `_`, each one UTF-16 code
/// unit; a literal `_x0041_` is written `_x005F_x0041_`. Surrogate pairs arrive as two escapes.
/// An escape of an unpaired surrogate is not a character: it is kept as the literal text, as
/// calamine and openpyxl keep it.
enum EscapedText {
  /// The text of `bytes` (UTF-8) with escapes decoded.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard mayContainEscape(bytes) else { return String(decoding: bytes, as: UTF8.self) }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count)
    var plain: [UInt8] = []
    var i = 0
    let n = bytes.count
    func flushPlain() {
      if !plain.isEmpty {
        units.append(contentsOf: String(decoding: plain, as: UTF8.self).utf16)
        plain.removeAll(keepingCapacity: true)
      }
    }
    while i < n {
      if bytes[i] == UInt8(ascii: "_"), i + 6 < n, bytes[i + 1] | 0x20 == UInt8(ascii: "x"),
        bytes[i + 6] == UInt8(ascii: "_"), let a = hex(bytes[i + 2]), let b = hex(bytes[i + 3]),
        let c = hex(bytes[i + 4]), let d = hex(bytes[i + 5])
      {
        let unit = UInt16(a) << 12 | UInt16(b) << 8 | UInt16(c) << 4 | UInt16(d)
        if unit >= 0xD800 && unit < 0xE000 {
          // A surrogate: only a high one followed by an escaped low one makes a character.
          if unit < 0xDC00, let low = escapedUnit(bytes, i + 7), low >= 0xDC00,
            low < 0xE000
          {
            flushPlain()
            units.append(unit)
            units.append(low)
            i += 14
          } else {
            plain.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + 7)]))
            i += 7
          }
          continue
        }
        flushPlain()
        units.append(unit)
        i += 7
      } else {
        plain.append(bytes[i])
        i += 1
      }
    }
    flushPlain()
    return String(decoding: units, as: UTF16.self)
  }

  /// The text of `bytes` with escapes decoded.
  static func decode(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { decode($0) }
  }

  /// The code unit of an escape starting at `i`, or `nil`.
  static func escapedUnit(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt16? {
    guard i + 6 < bytes.count, bytes[i] == UInt8(ascii: "_"),
      bytes[i + 1] | 0x20 == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_"),
      let a = hex(bytes[i + 2]), let b = hex(bytes[i + 3]), let c = hex(bytes[i + 4]),
      let d = hex(bytes[i + 5])
    else { return nil }
    return UInt16(a) << 12 | UInt16(b) << 8 | UInt16(c) << 4 | UInt16(d)
  }

  @inline(__always)
  static func mayContainEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 7 else { return false }
    var i = 0
    let last = bytes.count - 6
    while i < last {
      if bytes[i] == UInt8(ascii: "_"), bytes[i + 1] | 0x20 == UInt8(ascii: "x") { return true }
      i += 1
    }
    return false
  }

  @inline(__always)
  static func hex(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte &- UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte &- UInt8(ascii: "a") &+ 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte &- UInt8(ascii: "A") &+ 10
    default: return nil
    }
  }
}
