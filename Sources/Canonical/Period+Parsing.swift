extension Period {
  /// Parses a period as people write it in Swedish and English workbooks.
  ///
  /// Accepted, case-insensitive, with optional words such as `läsår`, `år`, `period`:
  /// - years: `2026`, `år 2026`, `kalenderår 2026`
  /// - school years: `2025/26`, `2025/2026`, `2025-26`, `läsår 2025/26`, `lå 25/26`,
  ///   `2010 to 2011`
  /// - terms: `VT 2025`, `VT25`, `ht2025`, `vårtermin 2025`, `2025-HT`
  /// - tertials: `T2 2026`, `2026-T2`, `tertial 2 2026`, `T2/2026`
  /// - quarters: `2026-Q3`, `Q3 2026`, `kvartal 3 2026`, `kv 3 2026`, `K3 2026`
  /// - months: `2026-03`, `mars 2026`, `march 2026`, `mar 2026`
  ///
  /// - Returns: `nil` when the text is none of these (dates are not periods: use
  ///   ``containing(_:kind:)``).
  public init?(parsing raw: String) {
    let text = raw.lowercased()
      .replacingAll(["\u{00A0}", "\t", ",", ":"], with: " ")
      .trimmingSpaces()
    guard !text.isEmpty else { return nil }
    var tokens = Period.tokenize(text)
    tokens.removeAll { Period.noiseWords.contains($0) }
    guard !tokens.isEmpty, tokens.count <= 3 else { return nil }

    func fourDigitYear(_ s: String) -> Int? {
      guard s.count == 4, s.allSatisfy(\.isASCIIDigit), let y = Int(s), y >= 1900, y <= 2200
      else { return nil }
      return y
    }
    func yearValue(_ s: String) -> Int? {
      if let y = fourDigitYear(s) { return y }
      if s.count == 2, s.allSatisfy(\.isASCIIDigit), let y = Int(s) { return 2000 + y }
      return nil
    }

    // School year: 2025/26, 2025/2026, 2025-26 (a single token keeps its separator).
    if tokens.count == 1 || (tokens.count == 2 && ["läsår", "lå", "lasar"].contains(tokens[0])) {
      guard let t = tokens.last else { return nil }
      for sep: Character in ["/", "-"] {
        let parts = t.split(separator: sep, omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, let a = yearValue(parts[0]) {
          if sep == "-", let first = fourDigitYear(parts[0]), parts[1].count == 2,
            let m = Int(parts[1]), m >= 1 && m <= 12, tokens.count == 1,
            (first + 1) % 100 != m
          {
            self = .month(m, first)
            return
          }
          if let b = yearValue(parts[1]),
            b == a + 1 || (parts[1].count == 2 && (a + 1) % 100 == b % 100)
          {
            self = .schoolYear(a)
            return
          }
          if sep == "-", let y = fourDigitYear(parts[0]),
            let p = Period.suffixPeriod(parts[1], year: y)
          {
            self = p
            return
          }
        }
      }
      if let y = fourDigitYear(t) {
        self = .year(y)
        return
      }
      if let p = Period.compactPrefixed(t) {
        self = p
        return
      }
      return nil
    }

    // An academic year written as a range of two consecutive years: `2010 to 2011`,
    // `2010 till 2011`, `2010 - 2011` (UK SDG data, Swedish prose).
    if tokens.count == 3, ["to", "till", "-", "–", "—"].contains(tokens[1]),
      let a = fourDigitYear(tokens[0]), let b = fourDigitYear(tokens[2]), b == a + 1
    {
      self = .schoolYear(a)
      return
    }

    // Two or three tokens: a kind word (+ number) and a year, in either order.
    var year: Int?
    var rest: [String] = []
    for t in tokens {
      if year == nil, let y = fourDigitYear(t) { year = y } else { rest.append(t) }
    }
    if year == nil, tokens.count == 2, let y = yearValue(tokens[1]) {
      year = y
      rest = [tokens[0]]
    }
    guard let y = year, !rest.isEmpty else { return nil }
    if rest.count == 1 {
      if let p = Period.suffixPeriod(rest[0], year: y) {
        self = p
        return
      }
      if let m = Period.monthNumber(rest[0]) {
        self = .month(m, y)
        return
      }
      if ["år", "kalenderår", "year", "helår", "bokslut"].contains(rest[0]) {
        self = .year(y)
        return
      }
      if ["läsår", "lå"].contains(rest[0]) {
        self = .schoolYear(y)
        return
      }
      return nil
    }
    if rest.count == 2, let n = Int(rest[1]) {
      switch rest[0] {
      case "tertial", "t": if (1...3).contains(n) { self = .tertial(n, y); return }
      case "kvartal", "kv", "q", "quarter", "k":
        if (1...4).contains(n) { self = .quarter(n, y); return }
      case "månad", "month", "m": if (1...12).contains(n) { self = .month(n, y); return }
      default: break
      }
    }
    return nil
  }

  static let noiseWords: Set<String> = ["valt", "period", "perioden", "avser", "uppföljning"]

  static func tokenize(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " }).map(String.init)
  }

  /// `T2`, `Q3`, `VT`, `HT`, `K3`, `kv3` standing alone, with the year given elsewhere.
  static func suffixPeriod(_ token: String, year: Int) -> Period? {
    switch token {
    case "vt", "vår", "vårtermin", "vårterminen", "spring":
      return Period(kind: .term, year: year, index: 1)
    case "ht", "höst", "hösttermin", "höstterminen", "autumn", "fall":
      return Period(kind: .term, year: year, index: 2)
    default: break
    }
    for (prefix, kind, range) in [
      ("tertial", Kind.tertial, 1...3), ("kv", .quarter, 1...4), ("t", .tertial, 1...3),
      ("q", .quarter, 1...4), ("k", .quarter, 1...4),
    ] where token.hasPrefix(prefix) {
      let number = token.dropFirst(prefix.count)
      if let n = Int(number), range.contains(n) { return Period(kind: kind, year: year, index: n) }
    }
    return nil
  }

  /// `vt25`, `ht2025`, `t2/2026`, `q3-2026` written as one token.
  static func compactPrefixed(_ token: String) -> Period? {
    for sep: Character in ["/", "-", "_"] {
      let parts = token.split(separator: sep).map(String.init)
      if parts.count == 2, let y = Int(parts[1]), parts[1].count == 4 || parts[1].count == 2 {
        let year = parts[1].count == 2 ? 2000 + y : y
        if let p = suffixPeriod(parts[0], year: year) { return p }
      }
    }
    for prefix in ["vt", "ht"] where token.hasPrefix(prefix) {
      let digits = token.dropFirst(2)
      if let y = Int(digits), digits.count == 2 || digits.count == 4 {
        return suffixPeriod(prefix, year: digits.count == 2 ? 2000 + y : y)
      }
    }
    return nil
  }

  static func monthNumber(_ token: String) -> Int? {
    let english = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    for (i, name) in swedishMonths.enumerated()
    where token == name || (token.count >= 3 && name.hasPrefix(token)) {
      return i + 1
    }
    for (i, name) in english.enumerated()
    where token == name || (token.count >= 3 && name.hasPrefix(token)) {
      return i + 1
    }
    return nil
  }
}

extension String {
  func replacingAll(_ targets: [Character], with replacement: Character) -> String {
    String(map { targets.contains($0) ? replacement : $0 })
  }

  func trimmingSpaces() -> String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
