/// The encoding chosen for a file and why.
struct EncodingGuess {
  var encoding: CSVEncoding
  /// Bytes of byte-order mark to skip.
  var bomLength: Int
  /// One sentence: what in the bytes decided it.
  var reason: String
  /// The legacy encodings weighed (best first), when the bytes are not UTF-8; empty otherwise.
  var ranked: [EncodingPlausibility.Score] = []
  /// Whether another encoding of ``ranked`` reads the bytes nearly as plausibly.
  var uncertain = false
  /// The 1-based line of the first byte that is not UTF-8, when ``ranked`` is not empty.
  var firstLegacyLine = 1
}

/// Counts over raw bytes that decide between UTF-8 and single-byte Western text.
struct UTF8Census {
  /// Valid multi-byte sequences.
  var validSequences = 0
  /// Invalid sequences that look like UTF-8 cut short (a lead byte followed by at least one
  /// continuation byte).
  var brokenSequences = 0
  /// Bytes above 0x7F that cannot start or continue UTF-8 here (a lone `å` in Latin-1).
  var loneBytes = 0
  /// Offset of the first invalid byte, or -1.
  var firstInvalid = -1
  /// Bytes 0x80–0x9F, which only Windows-1252 prints.
  var c1Bytes = 0
  /// Offset of the first byte 0x80–0x9F, or -1.
  var firstC1 = -1
  /// Bytes above 0x7F.
  var highBytes = 0
  /// NUL bytes.
  var nulBytes = 0

  var invalid: Int { brokenSequences + loneBytes }

  /// Counts `bytes`; a sequence cut by the end of the sample is ignored unless `complete`.
  init(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool) {
    let n = bytes.count
    var i = 0
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        if b == 0 { nulBytes += 1 }
        i += 1
        continue
      }
      highBytes += 1
      if b < 0xA0 {
        c1Bytes += 1
        if firstC1 < 0 { firstC1 = i }
      }
      let length = UTF8Census.sequenceLength(bytes, at: i)
      if length > 0 {
        validSequences += 1
        for k in 1..<length where bytes[i + k] < 0xA0 {
          c1Bytes += 1
          if firstC1 < 0 { firstC1 = i + k }
        }
        highBytes += length - 1
        i += length
        continue
      }
      if length == 0 && !complete {
        break
      }
      if firstInvalid < 0 { firstInvalid = i }
      let lead = UTF8Census.expectedLength(b)
      if lead > 1 && i + 1 < n && bytes[i + 1] & 0xC0 == 0x80 {
        brokenSequences += 1
        var k = 1
        while k < lead && i + k < n && bytes[i + k] & 0xC0 == 0x80 {
          if bytes[i + k] < 0xA0 { c1Bytes += 1 }
          highBytes += 1
          k += 1
        }
        i += k
      } else {
        loneBytes += 1
        i += 1
      }
    }
  }

  /// The length a lead byte announces (2–4), or 1 for bytes that cannot lead a sequence.
  static func expectedLength(_ b: UInt8) -> Int {
    if b >= 0xC2 && b <= 0xDF { return 2 }
    if b >= 0xE0 && b <= 0xEF { return 3 }
    if b >= 0xF0 && b <= 0xF4 { return 4 }
    return 1
  }

  /// The length of the valid UTF-8 sequence at `i` (2–4); 0 when the buffer ends inside a
  /// sequence that is valid so far; -1 when invalid.
  static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let b0 = bytes[i]
    let length = expectedLength(b0)
    if length == 1 { return -1 }
    let n = bytes.count
    for k in 1..<length {
      if i + k >= n { return 0 }
      let b = bytes[i + k]
      if b & 0xC0 != 0x80 { return -1 }
      if k == 1 {
        if b0 == 0xE0 && b < 0xA0 { return -1 }
        if b0 == 0xED && b > 0x9F { return -1 }
        if b0 == 0xF0 && b < 0x90 { return -1 }
        if b0 == 0xF4 && b > 0x8F { return -1 }
      }
    }
    return length
  }
}

/// Decides the encoding of a file from its first bytes.
enum EncodingDetector {
  /// Binary formats that are sometimes dropped with a `.csv` name.
  static let signatures: [(bytes: [UInt8], name: String)] = [
    ([0x25, 0x50, 0x44, 0x46, 0x2D], "a PDF document"),
    ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
    ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
    ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    ([0x1F, 0x8B], "a gzip archive"),
    ([0x50, 0x4B, 0x03, 0x04], "a zip archive (an .xlsx workbook?)"),
    ([0xD0, 0xCF, 0x11, 0xE0], "an OLE compound file (a legacy .xls workbook?)"),
    ([0x37, 0x7A, 0xBC, 0xAF], "a 7-Zip archive"),
    ([0x52, 0x61, 0x72, 0x21], "a RAR archive"),
  ]

  /// Detects the encoding of `sample`, the first bytes of the file.
  ///
  /// - Parameters:
  ///   - sample: the first bytes.
  ///   - complete: whether the sample is the whole file.
  ///   - path: for errors.
  /// - Throws: ``CSVError`` `binary-file`.
  static func detect(_ sample: UnsafeBufferPointer<UInt8>, complete: Bool, path: String) throws
    -> EncodingGuess
  {
    let n = sample.count
    func starts(_ prefix: [UInt8]) -> Bool {
      n >= prefix.count && (0..<prefix.count).allSatisfy { sample[$0] == prefix[$0] }
    }
    if starts([0xEF, 0xBB, 0xBF]) {
      return EncodingGuess(
        encoding: .utf8WithBOM, bomLength: 3,
        reason: "a UTF-8 byte-order mark (EF BB BF) opens the file")
    }
    if starts([0xFF, 0xFE, 0x00, 0x00]) {
      return EncodingGuess(
        encoding: .utf32LE, bomLength: 4,
        reason: "a UTF-32 little-endian byte-order mark (FF FE 00 00) opens the file")
    }
    if starts([0x00, 0x00, 0xFE, 0xFF]) {
      return EncodingGuess(
        encoding: .utf32BE, bomLength: 4,
        reason: "a UTF-32 big-endian byte-order mark (00 00 FE FF) opens the file")
    }
    if starts([0xFF, 0xFE]) {
      return EncodingGuess(
        encoding: .utf16LE, bomLength: 2,
        reason: "a UTF-16 little-endian byte-order mark (FF FE) opens the file")
    }
    if starts([0xFE, 0xFF]) {
      return EncodingGuess(
        encoding: .utf16BE, bomLength: 2,
        reason: "a UTF-16 big-endian byte-order mark (FE FF) opens the file")
    }
    if n == 0 {
      return EncodingGuess(encoding: .utf8, bomLength: 0, reason: "the file is empty")
    }
    for signature in signatures where starts(signature.bytes) {
      throw CSVError(
        code: .binaryFile, path: path,
        message: "the file is \(signature.name), not delimited text (it starts with "
          + signature.bytes.map { hexByte($0) }.joined(separator: " ") + ")")
    }
    if let wide = detectWide(sample) { return wide }
    let census = UTF8Census(sample, complete: complete)
    var controls = 0
    for byte in sample
    where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
      && byte != 0x0C && byte != 0x0B
    {
      controls += 1
    }
    if n >= 32 && controls * 10 > n * 3 {
      throw CSVError(
        code: .binaryFile, path: path,
        message: "\(percent(controls, n)) of the first \(formatBytes(n)) are control bytes "
          + "(\(census.nulBytes) NUL), in no UTF-16 or UTF-32 pattern: this is not text")
    }
    let scope = complete ? "the file" : "the first \(formatBytes(n))"
    if census.invalid == 0 {
      if census.validSequences == 0 {
        return EncodingGuess(
          encoding: .utf8, bomLength: 0,
          reason: "no byte-order mark; every byte of \(scope) is ASCII, read as UTF-8")
      }
      return EncodingGuess(
        encoding: .utf8, bomLength: 0,
        reason: "no byte-order mark; \(scope) holds \(census.validSequences) multi-byte UTF-8 "
          + "sequence\(census.validSequences == 1 ? "" : "s") and no invalid one")
    }
    let utf8Evidence = census.validSequences + census.brokenSequences
    let ranked = EncodingPlausibility.rank(
      sample, complete: complete, western: census.c1Bytes > 0 ? .windows1252 : .iso88591)
    let uncertain = EncodingPlausibility.isUncertain(ranked)
    let best = ranked[0]
    // Shift-JIS lead bytes 0xE0–0xEF followed by 0x80–0xBF look like UTF-8 cut short: they
    // outweigh a broken UTF-8 sequence only when they decode to some Japanese text (two
    // characters or more).
    let japanese = best.encoding == .cp932 && best.invalid == 0 && !uncertain && best.score >= 4
    if utf8Evidence > census.loneBytes && !japanese {
      // Mostly UTF-8: the stream validator reports the first broken sequence as an error.
      return EncodingGuess(
        encoding: .utf8, bomLength: 0,
        reason: "no byte-order mark; \(scope) holds \(census.validSequences) valid multi-byte "
          + "UTF-8 sequence\(census.validSequences == 1 ? "" : "s") but "
          + "\(census.invalid) invalid one\(census.invalid == 1 ? "" : "s") "
          + "(first at byte offset \(census.firstInvalid)): UTF-8 with broken bytes")
    }
    let first = census.firstInvalid
    var reason =
      "no byte-order mark; \(census.loneBytes) byte\(census.loneBytes == 1 ? "" : "s") above 0x7F "
      + "cannot be UTF-8 (first \(hexByte(sample[first])) at byte offset \(first), line "
      + "\(lineNumber(sample, offset: first))) and \(census.validSequences) valid UTF-8 "
      + "sequence\(census.validSequences == 1 ? "" : "s") occur"
    let scores = ranked.map { "\($0.encoding.name) \(formatScore($0.score))" }.joined(
      separator: ", ")
    switch best.encoding {
    case .macRoman:
      reason +=
        "; read as Mac Roman they are the likeliest text (plausibility \(scores))"
        + (EncodingPlausibility.lineEndsOnlyWithCR(sample)
          ? "; lines end with a lone CR, as Excel for Mac wrote Mac Roman" : "")
    case .cp932:
      reason +=
        "; read as Shift-JIS (code page 932) they are the likeliest text: Japanese "
        + "(plausibility \(scores))"
    default:
      reason += ": single-byte Western text"
      if ranked.contains(where: { $0.encoding != best.encoding && $0.score > 0 }) {
        reason += " (plausibility \(scores))"
      }
      if census.c1Bytes > 0 {
        reason +=
          "; bytes 0x80–0x9F occur (first \(hexByte(sample[census.firstC1])) at byte offset "
          + "\(census.firstC1)), which only Windows-1252 prints"
      } else {
        reason += "; no byte 0x80–0x9F occurs, so ISO-8859-1 and Windows-1252 read it the same"
      }
    }
    return EncodingGuess(
      encoding: best.encoding, bomLength: 0, reason: reason, ranked: ranked,
      uncertain: uncertain, firstLegacyLine: lineNumber(sample, offset: first))
  }

  /// `4`, `-2.5`.
  static func formatScore(_ x: Double) -> String {
    x == x.rounded() ? String(Int(x)) : String(x)
  }

  /// UTF-16 or UTF-32 without a byte-order mark, from where the NUL bytes fall.
  static func detectWide(_ sample: UnsafeBufferPointer<UInt8>) -> EncodingGuess? {
    let n = sample.count - sample.count % 4
    guard n >= 4 else {
      if sample.count == 2 || sample.count == 3 {
        if sample[0] == 0 && sample[1] != 0 {
          return EncodingGuess(
            encoding: .utf16BE, bomLength: 0, reason: "no byte-order mark; NUL before the byte")
        }
        if sample[0] != 0 && sample[1] == 0 {
          return EncodingGuess(
            encoding: .utf16LE, bomLength: 0, reason: "no byte-order mark; NUL after the byte")
        }
      }
      return nil
    }
    var nul = [0, 0, 0, 0]
    for i in 0..<n where sample[i] == 0 { nul[i & 3] += 1 }
    let total = nul.reduce(0, +)
    if total == 0 { return nil }
    let units = n / 4
    if nul[0] == units && nul[1] * 10 >= units * 9 && nul[3] * 2 < units {
      return EncodingGuess(
        encoding: .utf32BE, bomLength: 0,
        reason: "no byte-order mark; the first two bytes of every 4-byte unit are NUL and the "
          + "last is not: UTF-32 big-endian")
    }
    if nul[3] == units && nul[2] * 10 >= units * 9 && nul[0] * 2 < units {
      return EncodingGuess(
        encoding: .utf32LE, bomLength: 0,
        reason: "no byte-order mark; the last two bytes of every 4-byte unit are NUL and the "
          + "first is not: UTF-32 little-endian")
    }
    let even = nul[0] + nul[2]
    let odd = nul[1] + nul[3]
    let half = n / 2
    if odd * 5 >= half && even * 20 <= odd && plausibleUTF16(sample, bigEndian: false) {
      return EncodingGuess(
        encoding: .utf16LE, bomLength: 0,
        reason: "no byte-order mark; \(percent(odd, half)) of the odd bytes are NUL and "
          + "\(percent(even, half)) of the even ones: UTF-16 little-endian")
    }
    if even * 5 >= half && odd * 20 <= even && plausibleUTF16(sample, bigEndian: true) {
      return EncodingGuess(
        encoding: .utf16BE, bomLength: 0,
        reason: "no byte-order mark; \(percent(even, half)) of the even bytes are NUL and "
          + "\(percent(odd, half)) of the odd ones: UTF-16 big-endian")
    }
    return nil
  }

  /// Whether the sample read as UTF-16 looks like delimited text: at least 40 % of the code
  /// units are ASCII, and among them a line break or a candidate delimiter.
  static func plausibleUTF16(_ sample: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> Bool {
    let units = sample.count / 2
    guard units > 0 else { return false }
    var ascii = 0
    var structural = false
    for i in 0..<units {
      let hi = bigEndian ? sample[2 * i] : sample[2 * i + 1]
      let lo = bigEndian ? sample[2 * i + 1] : sample[2 * i]
      guard hi == 0 && lo < 0x80 else { continue }
      ascii += 1
      switch lo {
      case 0x0A, 0x0D, 0x2C, 0x3B, 0x09, 0x7C, 0x3A: structural = true
      default: break
      }
    }
    return structural && ascii * 10 >= units * 4
  }

  /// The 1-based line of a byte offset in the sample (LF, CR LF and CR end lines).
  static func lineNumber(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> Int {
    var line = 1
    var i = 0
    while i < offset && i < bytes.count {
      if bytes[i] == 0x0A {
        line += 1
      } else if bytes[i] == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A) {
        line += 1
      }
      i += 1
    }
    return line
  }
}

/// `0xE5`.
func hexByte(_ b: UInt8) -> String {
  let digits = String(b, radix: 16, uppercase: true)
  return "0x" + (digits.count == 1 ? "0" + digits : digits)
}

/// `12 %`, `0.4 %`.
func percent(_ part: Int, _ whole: Int) -> String {
  guard whole > 0 else { return "0 %" }
  let value = Double(part) * 100 / Double(whole)
  if value >= 10 || value == 0 { return "\(Int(value.rounded())) %" }
  return "\((value * 10).rounded() / 10) %"
}

/// `1 MiB`, `64 KiB`, `812 bytes`.
func formatBytes(_ n: Int) -> String {
  if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
  if n >= 1 << 10 && n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
  return "\(n) bytes"
}

/// `12,345`: thousands grouped with commas, as the English prose of `--explain` writes them.
func grouped(_ n: Int) -> String {
  let digits = String(n)
  var out = ""
  for (i, c) in digits.enumerated() {
    if i > 0 && c != "-" && (digits.count - i) % 3 == 0 { out.append(",") }
    out.append(c)
  }
  return out
}
