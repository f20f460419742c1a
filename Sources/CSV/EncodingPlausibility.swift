/// How plausible a file's first bytes are as text in each legacy encoding the reader knows:
/// Windows-1252 (or ISO-8859-1), Mac Roman and Shift-JIS (code page 932).
///
/// Each candidate decodes the sample and scores every non-ASCII character it gets:
///
/// | character | score |
/// |---|---|
/// | a Swedish letter `å ä ö Å Ä Ö é` next to another letter | +2 |
/// | another common Latin letter (`ü`, `ñ`, `ø`, `è`, …) next to another letter | +1 |
/// | one of those letters with no letter beside it (`1.00 Ä`) | 0 |
/// | a rare letter (`Œ`, `Š`, `Ž`, `Â`, `ı`, …) | −0.5 |
/// | common punctuation and signs (`–`, `”`, `…`, `€`, `£`, `¥`, `°`, `§`, `©`, no-break space) | +0.5 |
/// | another symbol (`‰`, `ˆ`, `≈`, `÷`, `™`, …) | −1 |
/// | a C1 control or a private-use character (`Å` of Mac Roman read as Windows-1252) | −3 |
/// | kana, or a kanji next to other Japanese text or standing alone in a field | +2 |
/// | full-width punctuation and forms (`、`, `。`, `（`, `１`) | +1 |
/// | half-width katakana in a run | +1 |
/// | a lone kanji next to a Latin letter or digit (`M畦-id`), lone half-width katakana | −1 |
/// | other double-byte symbols (Greek, Cyrillic, box drawing) | −0.5 |
/// | a byte pair Shift-JIS cannot decode | −10 |
///
/// Windows-1252 starts with 1 point, being the most common by far. A sample whose lines end
/// with a lone CR and never with LF adds 3 to Mac Roman: Excel for Mac wrote Mac Roman with CR
/// line ends. The highest score wins; the guess is *uncertain* when a runner-up that reads the
/// sample differently is within 1.5 points, or within a quarter of the winner's score.
enum EncodingPlausibility {
  /// One candidate's score and how its first non-ASCII text reads.
  struct Score {
    var encoding: CSVEncoding
    var score: Double
    /// Byte pairs that do not decode (Shift-JIS only).
    var invalid = 0
    /// The first line holding non-ASCII text, decoded, at most 60 characters.
    var example = ""
    /// The decoded sample.
    var text: [UInt32] = []
  }

  /// The candidates, best first.
  static func rank(
    _ sample: UnsafeBufferPointer<UInt8>, complete: Bool, western: CSVEncoding
  ) -> [Score] {
    let crOnly = lineEndsOnlyWithCR(sample)
    var western = score(sample, as: western, complete: complete)
    western.score += 1
    var mac = score(sample, as: .macRoman, complete: complete)
    if crOnly { mac.score += 3 }
    let japanese = score(sample, as: .cp932, complete: complete)
    western.score = rounded(western.score)
    mac.score = rounded(mac.score)
    // Ties go to Windows-1252, then Mac Roman: the order they are most often met in.
    return [western, mac, japanese].enumerated().sorted {
      $0.element.score != $1.element.score
        ? $0.element.score > $1.element.score : $0.offset < $1.offset
    }.map(\.element)
  }

  /// Whether `ranked` (best first) leaves the choice open.
  static func isUncertain(_ ranked: [Score]) -> Bool {
    guard let best = ranked.first else { return false }
    for other in ranked.dropFirst() where other.text != best.text {
      let margin = best.score - other.score
      if margin < 1.5 || margin < best.score / 4 { return true }
    }
    return false
  }

  private static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }

  /// Whether some line of the sample ends with a lone CR and none with LF.
  static func lineEndsOnlyWithCR(_ sample: UnsafeBufferPointer<UInt8>) -> Bool {
    var cr = false
    for byte in sample {
      if byte == 0x0A { return false }
      if byte == 0x0D { cr = true }
    }
    return cr
  }

  /// Decodes the sample as `encoding` and scores it.
  static func score(
    _ sample: UnsafeBufferPointer<UInt8>, as encoding: CSVEncoding, complete: Bool
  ) -> Score {
    var result = Score(encoding: encoding, score: 0)
    // The decoded text, with its offsets: a scalar per character; invalid Shift-JIS is FFFD.
    var scalars: [UInt32] = []
    scalars.reserveCapacity(sample.count)
    var invalidAt: Set<Int> = []
    var i = 0
    while i < sample.count {
      let b = sample[i]
      if b < 0x80 {
        scalars.append(UInt32(b))
        i += 1
        continue
      }
      switch encoding {
      case .macRoman:
        scalars.append(MacRoman.scalarValue(b))
        i += 1
      case .cp932:
        switch ShiftJIS.step(sample, at: i) {
        case .scalar(let value, let length):
          scalars.append(value)
          i += length
        case .incomplete:
          if complete {
            invalidAt.insert(scalars.count)
            scalars.append(0xFFFD)
          }
          i += 1
        case .invalid:
          invalidAt.insert(scalars.count)
          scalars.append(0xFFFD)
          i += 1
        }
      default:
        scalars.append(UInt32(Windows1252.scalarValue(b)))
        i += 1
      }
    }
    var exampleLine: (start: Int, end: Int)?
    var lineStart = 0
    for (k, scalar) in scalars.enumerated() {
      if scalar == 0x0A || scalar == 0x0D {
        lineStart = k + 1
        continue
      }
      guard scalar >= 0x80 else { continue }
      if exampleLine == nil {
        var end = k
        while end < scalars.count && scalars[end] != 0x0A && scalars[end] != 0x0D { end += 1 }
        exampleLine = (lineStart, end)
      }
      if invalidAt.contains(k) {
        result.invalid += 1
        result.score -= 10
        continue
      }
      let before = k > 0 ? scalars[k - 1] : 0x0A
      let after = k + 1 < scalars.count ? scalars[k + 1] : 0x0A
      result.score +=
        encoding == .cp932
        ? japaneseScore(scalar, before: before, after: after)
        : latinScore(scalar, besideLetter: isLetter(before) || isLetter(after))
    }
    if let line = exampleLine {
      var text = String.UnicodeScalarView()
      for scalar in scalars[line.start..<min(line.end, line.start + 60)] {
        text.append(Unicode.Scalar(scalar) ?? "\u{FFFD}")
      }
      result.example = String(text)
    }
    result.text = scalars
    return result
  }

  /// Swedish letters.
  static let swedish: Set<UInt32> = Set("åäöÅÄÖé".unicodeScalars.map(\.value))
  /// Other letters common in Western European text.
  static let commonLatin: Set<UInt32> = Set(
    "üÜèÉêëáàâíìîïóòôõúùûñÑçÇßøØæÆãÿœ".unicodeScalars.map(\.value))
  /// Punctuation common in Swedish office text.
  static let commonPunctuation: Set<UInt32> = Set(
    "–—“”‘’…€£¥°§©®«»±·\u{00A0}".unicodeScalars.map(\.value))

  /// The score of a non-ASCII character of single-byte text.
  static func latinScore(_ scalar: UInt32, besideLetter: Bool) -> Double {
    if swedish.contains(scalar) { return besideLetter ? 2 : 0 }
    if commonLatin.contains(scalar) { return besideLetter ? 1 : 0 }
    if commonPunctuation.contains(scalar) { return 0.5 }
    if scalar < 0xA0 || (scalar >= 0xE000 && scalar <= 0xF8FF) { return -3 }
    if isLetter(scalar) { return -0.5 }
    return -1
  }

  /// Whether a scalar of the single-byte tables is a letter.
  static func isLetter(_ scalar: UInt32) -> Bool {
    guard let s = Unicode.Scalar(scalar) else { return false }
    return s.properties.isAlphabetic
  }

  /// The score of a non-ASCII character of Shift-JIS text, with its neighbours.
  static func japaneseScore(_ scalar: UInt32, before: UInt32, after: UInt32) -> Double {
    func isJapanese(_ s: UInt32) -> Bool {
      (s >= 0x3000 && s <= 0x30FF) || (s >= 0x4E00 && s <= 0x9FFF) || (s >= 0xFF01 && s <= 0xFF9F)
    }
    func isWordASCII(_ s: UInt32) -> Bool {
      s < 0x80 && ((s >= 0x30 && s <= 0x39) || (s | 0x20 >= 0x61 && s | 0x20 <= 0x7A))
    }
    let squeezed = isWordASCII(before) || isWordASCII(after)
    switch scalar {
    case 0x3040...0x30FF:
      // Hiragana and katakana (and the prolonged sound mark).
      return 2
    case 0x4E00...0x9FFF, 0xF900...0xFAFF:
      if isJapanese(before) || isJapanese(after) { return 2 }
      return squeezed ? -1 : 2
    case 0x3000...0x303F, 0xFF01...0xFF5E:
      return squeezed ? -0.5 : 1
    case 0xFF61...0xFF9F:
      let run = (before >= 0xFF61 && before <= 0xFF9F) || (after >= 0xFF61 && after <= 0xFF9F)
      return run ? 1 : -1
    case 0xE000...0xF8FF, 0x80:
      return -3
    default:
      return -0.5
    }
  }
}
