/// Something found in the bytes that a record must report when it is handed out.
struct TextEvent {
  enum Kind {
    /// A NUL byte.
    case nul
    /// A byte sequence that is not UTF-8 in a UTF-8 file (fatal).
    case invalidUTF8(bytes: [UInt8])
    /// `Ã¥`-style doubly encoded text; `sample` is the text as read.
    case mojibake(sample: String)
  }

  /// Absolute offset in the decoded stream (the file offset for 8-bit encodings).
  var offset: Int
  var kind: Kind
}

/// Checks the bytes of the stream as they arrive: UTF-8 validity (or, for single-byte
/// Western text, bytes 0x80–0x9F), NUL bytes and mojibake.
///
/// Eight bytes at a time while they are ASCII and not NUL; byte by byte otherwise.
struct TextValidator {
  enum Mode {
    /// UTF-8; when `mayFallBack`, a file that has shown no multi-byte sequence yet becomes
    /// single-byte Western at its first non-UTF-8 byte instead of failing.
    case utf8(mayFallBack: Bool)
    /// Windows-1252 or ISO-8859-1: every byte is a character.
    case western
  }

  var mode: Mode
  /// Valid multi-byte sequences seen.
  var validSequences = 0
  /// Whether a byte 0x80–0x9F occurred in single-byte mode (the file is then Windows-1252).
  var sawC1 = false
  /// Offset of the first byte 0x80–0x9F in single-byte mode.
  var firstC1 = -1
  /// Where UTF-8 fell back to single-byte Western, and the byte that did it.
  var fellBackAt: (offset: Int, byte: UInt8)?
  /// NUL bytes seen.
  var nulCount = 0
  /// Mojibake pairs seen.
  var mojibakeCount = 0
  /// Events to report, in offset order.
  var events: [TextEvent] = []
  /// The most NUL events kept.
  var maxNULEvents: Int
  /// Set after an invalid UTF-8 sequence: nothing after it is checked.
  var failed = false

  private var previousScalar: UInt32 = 0
  private var previousOffset = 0

  init(mode: Mode, maxNULEvents: Int) {
    self.mode = mode
    self.maxNULEvents = maxNULEvents
    if case .western = mode { isWestern = true }
  }

  /// Whether the text is single-byte now.
  var isSingleByte: Bool { isWestern }

  private var isWestern = false

  /// Checks `[from, to)`; returns how far it got (less than `to` only when a UTF-8 sequence
  /// is cut by `to` and `eof` is false).
  ///
  /// - Parameter baseOffset: the absolute offset of `base[0]`.
  mutating func check(
    _ base: UnsafePointer<UInt8>, from: Int, to: Int, eof: Bool, baseOffset: Int
  ) -> Int {
    if failed { return to }
    var p = from
    let highs: UInt64 = 0x8080_8080_8080_8080
    let ones: UInt64 = 0x0101_0101_0101_0101
    while p < to {
      if isWestern {
        // Single-byte text: only NUL and, until one is seen, bytes 0x80–0x9F matter.
        let c1Mask: UInt64 = sawC1 ? 0 : highs
        while p &+ 8 <= to {
          let w = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
          let c1 = (w & 0xE0E0_E0E0_E0E0_E0E0) ^ 0x8080_8080_8080_8080
          if ((w &- ones) & ~w & highs) | ((c1 &- ones) & ~c1 & c1Mask) != 0 { break }
          p &+= 8
        }
      } else {
        // Fast path: 8 ASCII bytes, none NUL; then straight to the first byte that is not
        // (the lowest flagged byte is exact: a false flag only follows a NUL).
        while p &+ 8 <= to {
          let w = UInt64(
            littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
          let flagged = (w & highs) | ((w &- ones) & ~w & highs)
          if flagged != 0 {
            let ascii = flagged.trailingZeroBitCount &>> 3
            if ascii > 0 {
              p &+= ascii
              previousScalar = 0x20
            }
            break
          }
          p &+= 8
          previousScalar = 0x20
        }
      }
      let stop = min(p &+ 8, to)
      while p < stop {
        let b = base[p]
        if b < 0x80 {
          if b == 0 { noteNUL(baseOffset &+ p) }
          previousScalar = UInt32(b)
          p &+= 1
          continue
        }
        if isWestern {
          if b < 0xA0 && !sawC1 {
            sawC1 = true
            firstC1 = baseOffset &+ p
          }
          p &+= 1
          continue
        }
        // A UTF-8 sequence: lead byte, then 1–3 continuation bytes.
        var length = 0
        var scalar: UInt32 = 0
        var valid = true
        if b >= 0xC2 && b <= 0xDF {
          length = 2
          scalar = UInt32(b & 0x1F)
        } else if b >= 0xE0 && b <= 0xEF {
          length = 3
          scalar = UInt32(b & 0x0F)
        } else if b >= 0xF0 && b <= 0xF4 {
          length = 4
          scalar = UInt32(b & 0x07)
        } else {
          valid = false
        }
        if valid {
          if p &+ length > to {
            // Cut by the end of the buffer: valid so far?
            var k = 1
            while p &+ k < to {
              if base[p &+ k] & 0xC0 != 0x80 { valid = false }
              k &+= 1
            }
            if valid && !eof { return p }
            valid = false
          } else {
            let c1 = base[p &+ 1]
            if c1 & 0xC0 != 0x80 || (b == 0xE0 && c1 < 0xA0) || (b == 0xED && c1 > 0x9F)
              || (b == 0xF0 && c1 < 0x90) || (b == 0xF4 && c1 > 0x8F)
            {
              valid = false
            } else {
              scalar = scalar << 6 | UInt32(c1 & 0x3F)
              var k = 2
              while k < length {
                let c = base[p &+ k]
                if c & 0xC0 != 0x80 {
                  valid = false
                  break
                }
                scalar = scalar << 6 | UInt32(c & 0x3F)
                k &+= 1
              }
            }
          }
        }
        if valid {
          let previous = previousScalar
          if previous == 0xC3 || previous == 0xC2 || previous == 0xE2 {
            noteScalarPair(previous, scalar)
          }
          previousScalar = scalar
          previousOffset = baseOffset &+ p
          validSequences &+= 1
          p &+= length
          continue
        }
        // Not UTF-8.
        if case .utf8(let mayFallBack) = mode, mayFallBack, validSequences == 0,
          !(UTF8Census.expectedLength(b) > 1 && p &+ 1 < to && base[p &+ 1] & 0xC0 == 0x80)
        {
          mode = .western
          isWestern = true
          fellBackAt = (baseOffset &+ p, b)
          continue
        }
        var bytes: [UInt8] = []
        var k = p
        while k < to && k < p &+ 4 && base[k] >= 0x80 {
          bytes.append(base[k])
          k &+= 1
        }
        events.append(TextEvent(offset: baseOffset &+ p, kind: .invalidUTF8(bytes: bytes)))
        failed = true
        return to
      }
    }
    return p
  }

  private mutating func noteNUL(_ offset: Int) {
    nulCount &+= 1
    if nulCount <= maxNULEvents {
      events.append(TextEvent(offset: offset, kind: .nul))
    }
  }

  /// Reports `Ã¥`, `Ã–`, `â€“`-style pairs: a UTF-8 lead byte read as Windows-1252 (`Ã`, `Â`,
  /// `â`) followed by a continuation byte read the same way.
  private mutating func noteScalarPair(_ previous: UInt32, _ scalar: UInt32) {
    if (previous == 0xC3 || previous == 0xC2) && Self.isContinuationAsWindows1252(scalar) {
      noteMojibake(at: previousOffset, scalars: [previous, scalar])
    } else if previous == 0xE2 && scalar == 0x20AC {
      noteMojibake(at: previousOffset, scalars: [0xE2, 0x20AC])
    }
  }

  private mutating func noteMojibake(at offset: Int, scalars: [UInt32]) {
    mojibakeCount &+= 1
    if mojibakeCount == 1 {
      var text = ""
      for value in scalars {
        if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
      }
      events.append(TextEvent(offset: offset, kind: .mojibake(sample: text)))
    }
  }

  /// Whether a scalar is what Windows-1252 shows for a UTF-8 continuation byte (0x80–0xBF).
  static func isContinuationAsWindows1252(_ scalar: UInt32) -> Bool {
    if scalar >= 0xA0 && scalar <= 0xBF { return true }
    if scalar >= 0x80 && scalar <= 0x9F { return true }
    return Windows1252.high.contains(UInt16(truncatingIfNeeded: scalar)) && scalar > 0xFF
  }
}
