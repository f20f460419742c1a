/// Parses the numbers of cell values (`<v>` text, xsd:double) straight from UTF-8 bytes.
///
/// The fast path covers what spreadsheet applications write: an optional sign, up to 19
/// significant digits, an optional fraction and exponent. When the decimal mantissa fits in
/// 2^53 and the power of ten is at most 10^22, one IEEE multiplication or division of two
/// exact values gives the correctly rounded result (Clinger's fast path); anything else goes to
/// the standard library's correctly rounded parser.
enum NumberText {
  static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// The value of `bytes`, or `nil` when they are not a number. Surrounding ASCII spaces are
  /// ignored. `NaN` and `INF` spellings are not numbers here.
  static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var start = 0
    var end = bytes.count
    while start < end, isSpace(bytes[start]) { start += 1 }
    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    guard start < end else { return nil }
    var i = start
    var negative = false
    if bytes[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    } else if bytes[i] == UInt8(ascii: "+") {
      i += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var significant = 0
    var exponent = 0
    var sawDigit = false
    while i < end, bytes[i] &- UInt8(ascii: "0") < 10 {
      sawDigit = true
      let d = UInt64(bytes[i] &- UInt8(ascii: "0"))
      if significant < 19 {
        if mantissa != 0 || d != 0 { significant += 1 }
        mantissa = mantissa &* 10 &+ d
      } else {
        exponent += 1
        significant += 1
      }
      digits += 1
      i += 1
    }
    if i < end, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < end, bytes[i] &- UInt8(ascii: "0") < 10 {
        sawDigit = true
        let d = UInt64(bytes[i] &- UInt8(ascii: "0"))
        if significant < 19 {
          if mantissa != 0 || d != 0 { significant += 1 }
          mantissa = mantissa &* 10 &+ d
          exponent -= 1
        } else {
          significant += 1
        }
        i += 1
      }
    }
    guard sawDigit else { return nil }
    if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      var expNegative = false
      if i < end, bytes[i] == UInt8(ascii: "-") {
        expNegative = true
        i += 1
      } else if i < end, bytes[i] == UInt8(ascii: "+") {
        i += 1
      }
      var e = 0
      var expDigits = 0
      while i < end, bytes[i] &- UInt8(ascii: "0") < 10 {
        if e < 100_000 { e = e * 10 + Int(bytes[i] &- UInt8(ascii: "0")) }
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
      exponent += expNegative ? -e : e
    }
    guard i == end else { return nil }
    if significant <= 19, mantissa <= 1 << 53 {
      var value = Double(mantissa)
      if exponent == 0 {
      } else if exponent > 0, exponent <= 22 {
        value *= powersOfTen[exponent]
      } else if exponent < 0, exponent >= -22 {
        value /= powersOfTen[-exponent]
      } else {
        return slow(bytes, start, end)
      }
      return negative ? -value : value
    }
    return slow(bytes, start, end)
  }

  static func slow(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }

  @inline(__always)
  static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }

  /// A non-negative decimal integer, or `nil` (also past `limit`).
  @inline(__always)
  static func parseIndex(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = Int.max / 10) -> Int? {
    var n = 0
    var any = false
    for b in bytes {
      let d = b &- UInt8(ascii: "0")
      if d < 10 {
        n = n * 10 + Int(d)
        any = true
        if n > limit { return nil }
      } else if isSpace(b) {
        continue
      } else {
        return nil
      }
    }
    return any ? n : nil
  }
}
