/// Decimal text to `Double`, correctly rounded, without building a String.
///
/// The common cases take Clinger's fast path (at most 15–16 significant digits and a small
/// power of ten: one exact multiplication or division) or the Eisel–Lemire algorithm (a
/// 64 × 128-bit product with a truncated power of ten, as in Go's `strconv` and Lemire's
/// `fast_float`); the rare inputs those cannot decide go to the C library's `strtod` through
/// `Double(String)`.
enum DecimalParser {
  /// Parses `[+-]digits[<decimal>digits][(e|E)[+-]digits]`, the whole buffer; `nil` when the
  /// bytes are not such a number or it is too large for a Double (cells never hold infinity).
  ///
  /// - Parameters:
  ///   - p: the bytes.
  ///   - n: their count.
  ///   - decimal: the decimal separator byte (`.` or `,`).
  static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, decimal: UInt8) -> Double? {
    parse(p, n, decimal: decimal, tables: tables)
  }

  /// Pointers to the constant tables, fetched once per loop rather than once per number.
  /// Sendable: the memory is written once, before the pointers are published, and only read.
  struct Tables: @unchecked Sendable {
    let exact: UnsafePointer<Double>
    let powers: UnsafePointer<UInt64>
  }

  /// The tables, in memory that lives as long as the process.
  static let tables = Tables(
    exact: permanent(exactPowers), powers: permanent(PowersOfTen.table))

  /// As ``parse(_:_:decimal:)``, with the tables at hand.
  @inline(__always)
  static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, decimal: UInt8, tables: Tables)
    -> Double?
  {
    var i = 0
    var negative = false
    if n == 0 { return nil }
    if p[0] == 0x2D {
      negative = true
      i = 1
    } else if p[0] == 0x2B {
      i = 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var digits = 0
    var exponent = 0
    var truncated = false
    // Integer part: eight digits at a time once past the leading zeros.
    while mantissa != 0 && significant <= 11 && i &+ 8 <= n,
      let eight = eightDigits(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
    {
      mantissa = mantissa &* 100_000_000 &+ eight
      significant &+= 8
      digits &+= 8
      i &+= 8
    }
    while i < n {
      let d = p[i] &- 0x30
      if d > 9 { break }
      digits &+= 1
      if significant < 19 {
        if mantissa != 0 || d != 0 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          significant &+= 1
        }
      } else {
        exponent &+= 1
        if d != 0 { truncated = true }
      }
      i &+= 1
    }
    // Fraction.
    if i < n && p[i] == decimal {
      i &+= 1
      let fractionStart = i
      while mantissa != 0 && significant <= 11 && i &+ 8 <= n,
        let eight = eightDigits(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
      {
        mantissa = mantissa &* 100_000_000 &+ eight
        significant &+= 8
        digits &+= 8
        exponent &-= 8
        i &+= 8
      }
      while i < n {
        let d = p[i] &- 0x30
        if d > 9 { break }
        digits &+= 1
        if significant < 19 {
          if mantissa != 0 || d != 0 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            significant &+= 1
          }
          exponent &-= 1
        } else if d != 0 {
          truncated = true
        }
        i &+= 1
      }
      if i == fractionStart && digits == 0 { return nil }
    }
    if digits == 0 { return nil }
    // Exponent.
    if i < n && (p[i] | 0x20) == 0x65 {
      i &+= 1
      var exponentNegative = false
      if i < n && (p[i] == 0x2D || p[i] == 0x2B) {
        exponentNegative = p[i] == 0x2D
        i &+= 1
      }
      var value = 0
      let start = i
      while i < n {
        let d = p[i] &- 0x30
        if d > 9 { break }
        if value < 100_000 { value = value &* 10 &+ Int(d) }
        i &+= 1
      }
      if i == start { return nil }
      exponent &+= exponentNegative ? -value : value
    }
    if i != n { return nil }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if !truncated {
      if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
        var value = Double(mantissa)
        if exponent < 0 {
          value /= tables.exact[-exponent]
        } else {
          value *= tables.exact[exponent]
        }
        return negative ? -value : value
      }
      if let value = eiselLemire(mantissa, exponent, negative, tables.powers) { return value }
    } else if let low = eiselLemire(mantissa, exponent, negative, tables.powers),
      let high = eiselLemire(mantissa &+ 1, exponent, negative, tables.powers), low == high
    {
      return low
    }
    return fallback(p, n, decimal: decimal)
  }

  /// The value of eight ASCII digits loaded little-endian, or `nil` when any byte is not a
  /// digit (the SWAR method of Lemire's `fast_float`).
  @inline(__always)
  static func eightDigits(_ raw: UInt64) -> UInt64? {
    let w = UInt64(littleEndian: raw)
    // Every byte in 0x30…0x39: high nibble 3, and adding 6 does not carry into it.
    guard w & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030,
      (w &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030
    else { return nil }
    var v = w &- 0x3030_3030_3030_3030
    v = (v &* 10) &+ (v >> 8)
    let mask: UInt64 = 0x0000_00FF_0000_00FF
    v =
      (((v & mask) &* (100 &+ (1_000_000 << 32)))
        &+ (((v >> 16) & mask) &* (1 &+ (10_000 << 32)))) >> 32
    return v
  }

  /// 1e0 … 1e22, every one exact in a Double.
  static let exactPowers: [Double] = (0...22).map { e in
    var value = 1.0
    for _ in 0..<e { value *= 10 }
    return value
  }

  /// The C library's correctly rounded conversion, for the cases the fast paths leave.
  static func fallback(_ p: UnsafePointer<UInt8>, _ n: Int, decimal: UInt8) -> Double? {
    var bytes = Array(UnsafeBufferPointer(start: p, count: n))
    if decimal != 0x2E {
      for k in 0..<bytes.count where bytes[k] == decimal { bytes[k] = 0x2E }
    }
    guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else {
      return nil
    }
    return value
  }

  /// Eisel–Lemire: `mantissa × 10^exponent` rounded to the nearest Double, or `nil` when the
  /// 128-bit approximation cannot decide (then the caller falls back).
  @inline(__always)
  static func eiselLemire(
    _ mantissa: UInt64, _ exponent: Int, _ negative: Bool, _ table: UnsafePointer<UInt64>
  ) -> Double? {
    if exponent < PowersOfTen.minExponent || exponent > PowersOfTen.maxExponent { return nil }
    let clz = mantissa.leadingZeroBitCount
    let man = mantissa << UInt64(clz)
    let index = (exponent - PowersOfTen.minExponent) * 2
    let powLow = table[index]
    let powHigh = table[index + 1]
    var exp2 = UInt64(bitPattern: Int64(((217_706 * exponent) >> 16) + 64 + 1023)) &- UInt64(clz)
    var (xHigh, xLow) = man.multipliedFullWidth(by: powHigh)
    if xHigh & 0x1FF == 0x1FF && xLow &+ man < man {
      let (yHigh, yLow) = man.multipliedFullWidth(by: powLow)
      var mergedHigh = xHigh
      let mergedLow = xLow &+ yHigh
      if mergedLow < xLow { mergedHigh &+= 1 }
      if mergedHigh & 0x1FF == 0x1FF && mergedLow &+ 1 == 0 && yLow &+ man < man {
        return nil
      }
      xHigh = mergedHigh
      xLow = mergedLow
    }
    let msb = xHigh >> 63
    var result = xHigh >> (msb + 9)
    exp2 &-= 1 ^ msb
    if xLow == 0 && xHigh & 0x1FF == 0 && result & 3 == 1 { return nil }
    result &+= result & 1
    result >>= 1
    if result >> 53 > 0 {
      result >>= 1
      exp2 &+= 1
    }
    if exp2 &- 1 >= 0x7FF - 1 { return nil }
    var bits = exp2 << 52 | (result & ((1 << 52) - 1))
    if negative { bits |= 1 << 63 }
    return Double(bitPattern: bits)
  }
}

/// 128-bit mantissas of the powers of ten 1e-348 … 1e347, rounded down, top bit set: the
/// table of the Eisel–Lemire algorithm, computed once with exact integer arithmetic instead of
/// being pasted in as 1,392 literals.
enum PowersOfTen {
  static let minExponent = -348
  static let maxExponent = 347

  /// `[low, high]` pairs, entry `e` at `(e - minExponent) * 2`.
  static let table: [UInt64] = {
    var table = [UInt64](repeating: 0, count: (maxExponent - minExponent + 1) * 2)
    // Positive powers: 10^e exactly, then its top 128 bits.
    var power: [UInt64] = [1]
    for e in 0...maxExponent {
      let (high, low) = top128(power)
      table[(e - minExponent) * 2] = low
      table[(e - minExponent) * 2 + 1] = high
      multiply(&power, by: 10)
    }
    // Negative powers: floor(2^2048 / 10^k) by repeated exact division, then its top 128 bits.
    var quotient = [UInt64](repeating: 0, count: 33)
    quotient[32] = 1
    for k in 1...(-minExponent) {
      divide(&quotient, by: 10)
      let (high, low) = top128(quotient)
      table[(-k - minExponent) * 2] = low
      table[(-k - minExponent) * 2 + 1] = high
    }
    return table
  }()

  /// The top 128 bits of a little-endian big number, shifted so that bit 127 is set.
  static func top128(_ limbs: [UInt64]) -> (UInt64, UInt64) {
    var n = limbs
    while n.count > 1 && n[n.count - 1] == 0 { n.removeLast() }
    let topLimb = n.count - 1
    let bitLength = topLimb * 64 + (64 - n[topLimb].leadingZeroBitCount)
    func bit(_ i: Int) -> UInt64 {
      guard i >= 0 && i < bitLength else { return 0 }
      return (n[i / 64] >> UInt64(i % 64)) & 1
    }
    var high: UInt64 = 0
    var low: UInt64 = 0
    for k in 0..<64 {
      high |= bit(bitLength - 1 - k) << UInt64(63 - k)
      low |= bit(bitLength - 65 - k) << UInt64(63 - k)
    }
    return (high, low)
  }

  static func multiply(_ limbs: inout [UInt64], by factor: UInt64) {
    var carry: UInt64 = 0
    for i in 0..<limbs.count {
      let (high, low) = limbs[i].multipliedFullWidth(by: factor)
      let (sum, overflow) = low.addingReportingOverflow(carry)
      limbs[i] = sum
      carry = high &+ (overflow ? 1 : 0)
    }
    if carry != 0 { limbs.append(carry) }
  }

  static func divide(_ limbs: inout [UInt64], by divisor: UInt64) {
    var remainder: UInt64 = 0
    for i in stride(from: limbs.count - 1, through: 0, by: -1) {
      let (q, r) = divisor.dividingFullWidth((remainder, limbs[i]))
      limbs[i] = q
      remainder = r
    }
  }
}

/// A copy of a constant array in memory that is never freed, so that hot loops can read it
/// through a plain pointer.
func permanent<T>(_ values: [T]) -> UnsafePointer<T> {
  let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
  pointer.initialize(from: values, count: values.count)
  return UnsafePointer(pointer)
}
