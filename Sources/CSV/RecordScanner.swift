/// One field of the record just scanned, as offsets into the scan buffer.
///
/// For ``Kind/plain`` and ``Kind/quoted`` the range is the field's value (a quoted field
/// without its quotes). For ``Kind/escaped`` the range is the raw field from its opening quote,
/// and the value is decoded by ``FieldDecoder`` (doubled or backslash-escaped quotes, text
/// after a closing quote).
struct FieldSpan {
  enum Kind: UInt8 {
    case plain = 0
    case quoted = 1
    case escaped = 2
  }

  var start: Int32
  var end: Int32
  var kind: Kind

  @inline(__always)
  var isEmpty: Bool { start == end && kind != .escaped }
}

/// The delimiter, quote and escape style the scanner splits with.
struct ScanDialect: Hashable {
  /// Field delimiter byte (ASCII).
  var delimiter: UInt8
  /// Quote byte (ASCII), or 0 for no quoting.
  var quote: UInt8
  /// Whether a backslash escapes the next byte inside quoted fields.
  var backslash: Bool
}

/// How a record ended.
enum Terminator: UInt8 {
  case none = 0
  case lf = 1
  case crlf = 2
  case cr = 3
}

/// What one call of ``scanRecord`` found.
struct ScanResult {
  enum Status {
    /// A whole record: `fieldCount` spans were written, the next record starts at `next`.
    case record
    /// The buffer ends inside the record and more input may follow.
    case needMore
    /// There is no more input.
    case endOfData
    /// A quoted field is open at the end of input; `openQuote` is its offset.
    case unterminatedQuote
    /// The record has more fields than allowed.
    case tooManyFields
  }

  var status: Status
  var next: Int = 0
  var fieldCount: Int = 0
  /// Line breaks inside quoted fields (the terminator is not counted).
  var innerBreaks: Int = 0
  var terminator: Terminator = .none
  /// Offset of the first quote that closed a quoted field too early (`"a"b`), or -1.
  var strayQuote: Int = -1
  /// Offset of the opening quote of an unterminated field.
  var openQuote: Int = -1
}

private let lfByte: UInt8 = 0x0A
private let crByte: UInt8 = 0x0D
private let backslashByte: UInt8 = 0x5C
private let ones: UInt64 = 0x0101_0101_0101_0101
private let highs: UInt64 = 0x8080_8080_8080_8080

/// Bit 7 of each byte of the result is set where `x` has a zero byte. Bits above the first
/// zero byte may be set falsely (borrow), so only the lowest set bit is trusted.
@inline(__always)
private func zeroBytes(_ x: UInt64) -> UInt64 {
  (x &- ones) & ~x & highs
}

/// The offset of the first byte in `[from, end)` equal to `a`, `b` or `c`, or `end`.
///
/// Eight bytes at a time (SWAR), then byte by byte for the tail.
@inline(__always)
func findAny(
  _ base: UnsafePointer<UInt8>, _ from: Int, _ end: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8
) -> Int {
  var p = from
  let wa = UInt64(a) &* ones
  let wb = UInt64(b) &* ones
  let wc = UInt64(c) &* ones
  while p &+ 8 <= end {
    let w = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
    let m = zeroBytes(w ^ wa) | zeroBytes(w ^ wb) | zeroBytes(w ^ wc)
    if m != 0 { return p &+ (m.trailingZeroBitCount &>> 3) }
    p &+= 8
  }
  while p < end {
    let x = base[p]
    if x == a || x == b || x == c { return p }
    p &+= 1
  }
  return end
}

/// Splits one record starting at `from`, following Python's `csv` reader in its default
/// (non-strict) mode and RFC 4180:
///
/// - records end at LF, CR LF or a lone CR; an empty line is a record with no fields;
/// - a field that starts with the quote is quoted: delimiters and line breaks inside are text,
///   a doubled quote (or, in backslash style, `\"`) is one quote;
/// - text after a closing quote and before the next delimiter is kept, the closing quote
///   dropped (`"a"b` is `ab`), and reported as a stray quote;
/// - a quote inside an unquoted field is text.
///
/// - Parameters:
///   - base: the buffer.
///   - from: offset of the record's first byte.
///   - end: offset one past the last valid byte.
///   - eof: whether no bytes follow `end`.
///   - dialect: delimiter, quote, escape style.
///   - spans: room for `maxFields` spans.
///   - maxFields: the most fields allowed.
func scanRecord(
  _ base: UnsafePointer<UInt8>, from: Int, end: Int, eof: Bool, dialect: ScanDialect,
  spans: UnsafeMutablePointer<FieldSpan>, maxFields: Int
) -> ScanResult {
  var p = from
  if p >= end {
    return ScanResult(status: eof ? .endOfData : .needMore)
  }
  let delimiter = dialect.delimiter
  let quote = dialect.quote
  let first = base[p]
  if first == lfByte {
    return ScanResult(status: .record, next: p &+ 1, terminator: .lf)
  }
  if first == crByte {
    if p &+ 1 < end {
      let crlf = base[p &+ 1] == lfByte
      return ScanResult(
        status: .record, next: p &+ (crlf ? 2 : 1), terminator: crlf ? .crlf : .cr)
    }
    return eof
      ? ScanResult(status: .record, next: p &+ 1, terminator: .cr) : ScanResult(status: .needMore)
  }
  var n = 0
  var breaks = 0
  var stray = -1
  fieldLoop: while true {
    if n >= maxFields {
      return ScanResult(status: .tooManyFields, fieldCount: n)
    }
    let fieldStart = p
    if quote != 0 && p < end && base[p] == quote {
      // Quoted field: find the closing quote, counting line breaks inside.
      p &+= 1
      let contentStart = p
      var escaped = false
      quoteLoop: while true {
        if dialect.backslash {
          while p < end {
            let x = base[p]
            if x == quote { break }
            var step = 1
            if x == backslashByte {
              escaped = true
              if p &+ 1 >= end { break }
              step = 2
            }
            let y = base[p &+ step &- 1]
            if y == lfByte {
              breaks &+= 1
            } else if y == crByte {
              if p &+ step < end {
                if base[p &+ step] != lfByte { breaks &+= 1 }
              } else if eof {
                breaks &+= 1
              } else {
                return ScanResult(status: .needMore)
              }
            }
            p &+= step
          }
        } else {
          while true {
            p = findAny(base, p, end, quote, lfByte, crByte)
            if p >= end { break }
            let x = base[p]
            if x == quote { break }
            if x == lfByte {
              breaks &+= 1
            } else if p &+ 1 < end {
              if base[p &+ 1] != lfByte { breaks &+= 1 }
            } else if eof {
              breaks &+= 1
            } else {
              return ScanResult(status: .needMore)
            }
            p &+= 1
          }
        }
        if p >= end {
          if eof {
            var result = ScanResult(status: .unterminatedQuote)
            result.openQuote = fieldStart
            return result
          }
          return ScanResult(status: .needMore)
        }
        // base[p] is a quote.
        if p &+ 1 >= end {
          if !eof { return ScanResult(status: .needMore) }
          spans[n] =
            escaped
            ? FieldSpan(start: Int32(fieldStart), end: Int32(p &+ 1), kind: .escaped)
            : FieldSpan(start: Int32(contentStart), end: Int32(p), kind: .quoted)
          n &+= 1
          return ScanResult(
            status: .record, next: p &+ 1, fieldCount: n, innerBreaks: breaks, terminator: .none,
            strayQuote: stray)
        }
        let after = base[p &+ 1]
        if after == quote {
          escaped = true
          p &+= 2
          continue quoteLoop
        }
        if after == delimiter || after == lfByte || after == crByte {
          spans[n] =
            escaped
            ? FieldSpan(start: Int32(fieldStart), end: Int32(p &+ 1), kind: .escaped)
            : FieldSpan(start: Int32(contentStart), end: Int32(p), kind: .quoted)
          n &+= 1
          p &+= 1
          break quoteLoop
        }
        // Text after the closing quote: the field goes on unquoted.
        if stray < 0 { stray = p }
        p = findAny(base, p &+ 1, end, delimiter, lfByte, crByte)
        if p >= end && !eof { return ScanResult(status: .needMore) }
        spans[n] = FieldSpan(start: Int32(fieldStart), end: Int32(p), kind: .escaped)
        n &+= 1
        break quoteLoop
      }
      if p >= end {
        return ScanResult(
          status: .record, next: p, fieldCount: n, innerBreaks: breaks, terminator: .none,
          strayQuote: stray)
      }
      if base[p] == delimiter {
        p &+= 1
        continue fieldLoop
      }
    } else {
      // Unquoted field: up to the delimiter or a line break.
      let fieldEnd = findAny(base, p, end, delimiter, lfByte, crByte)
      if fieldEnd >= end {
        if !eof { return ScanResult(status: .needMore) }
        spans[n] = FieldSpan(start: Int32(fieldStart), end: Int32(end), kind: .plain)
        n &+= 1
        return ScanResult(
          status: .record, next: end, fieldCount: n, innerBreaks: breaks, terminator: .none,
          strayQuote: stray)
      }
      spans[n] = FieldSpan(start: Int32(fieldStart), end: Int32(fieldEnd), kind: .plain)
      n &+= 1
      p = fieldEnd
      if base[p] == delimiter {
        p &+= 1
        continue fieldLoop
      }
    }
    // base[p] is LF or CR: the record ends.
    if base[p] == lfByte {
      return ScanResult(
        status: .record, next: p &+ 1, fieldCount: n, innerBreaks: breaks, terminator: .lf,
        strayQuote: stray)
    }
    if p &+ 1 < end {
      let crlf = base[p &+ 1] == lfByte
      return ScanResult(
        status: .record, next: p &+ (crlf ? 2 : 1), fieldCount: n, innerBreaks: breaks,
        terminator: crlf ? .crlf : .cr, strayQuote: stray)
    }
    if !eof { return ScanResult(status: .needMore) }
    return ScanResult(
      status: .record, next: p &+ 1, fieldCount: n, innerBreaks: breaks, terminator: .cr,
      strayQuote: stray)
  }
}

/// Decodes the value of an ``FieldSpan/Kind/escaped`` field from its raw bytes.
enum FieldDecoder {
  /// Appends the value of the raw field `raw` (starting with its opening quote) to `out`.
  static func decode(
    _ raw: UnsafeBufferPointer<UInt8>, dialect: ScanDialect, into out: inout [UInt8]
  ) {
    let quote = dialect.quote
    var i = 1
    let n = raw.count
    var quoted = true
    while i < n {
      let x = raw[i]
      if quoted {
        if dialect.backslash && x == backslashByte && i + 1 < n {
          let y = raw[i + 1]
          if y == quote || y == backslashByte {
            out.append(y)
          } else {
            out.append(x)
            out.append(y)
          }
          i += 2
          continue
        }
        if x == quote {
          if i + 1 < n && raw[i + 1] == quote {
            out.append(quote)
            i += 2
            continue
          }
          quoted = false
          i += 1
          continue
        }
        out.append(x)
      } else {
        out.append(x)
      }
      i += 1
    }
  }
}
