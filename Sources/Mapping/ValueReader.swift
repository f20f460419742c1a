import Canonical
import Foundation
import Spreadsheet

/// A field's value after its transform: typed, or the reason it is missing.
enum FieldValue: Hashable, Sendable {
  case text(String)
  case list([String])
  case number(Double)
  case date(CalendarDate)
  case bool(Bool)
  case period(Period)
  case target(TargetValue)
  case missing(MissingReason, token: String)

  var text: String? {
    switch self {
    case .text(let s): return s
    case .list(let l): return l.joined(separator: ", ")
    case .number(let n): return CellValue.format(n)
    case .date(let d): return d.description
    case .bool(let b): return b ? "true" : "false"
    case .period(let p): return p.id
    case .target(let t): return t.text
    case .missing: return nil
    }
  }
}

/// A parsed target text.
struct TargetValue: Hashable, Sendable {
  var comparison: Target.Comparison
  var value: Double?
  var upperValue: Double?
  var text: String
}

/// Why a value could not be read: the diagnostic code, a message naming the value, a hint.
struct ValueFailure: Error, Hashable {
  var code: String
  var message: String
  var hint: String?
}

/// The raw input of a field: a cell (with its number format) or plain text.
struct RawValue: Hashable, Sendable {
  let value: CellValue?
  let numberFormat: String?
  /// The text as a user reads it (numbers in shortest form, dates ISO), trimmed.
  let text: String

  static let blank = RawValue(value: nil, numberFormat: nil)

  init(value: CellValue?, numberFormat: String? = nil) {
    self.value = value
    self.numberFormat = numberFormat
    text = value.map { TextMatching.trimmed($0.displayText) } ?? ""
  }

  init(text: String?) {
    self.init(value: text.map { .string($0) })
  }

  init(cell: Cell?) {
    self.init(value: cell?.value, numberFormat: cell?.numberFormat)
  }

  var isBlank: Bool { text.isEmpty }

  var isPercentFormatted: Bool {
    guard let code = numberFormat else { return false }
    return NumberFormat(id: 164, formatCode: code).kind == .percent
  }
}

/// Reads raw values by type: Swedish and English numbers, missing tokens, dates, booleans,
/// periods and target texts. Pure functions; the mapper adds maps and lookups around them.
enum ValueReader {
  /// Built-in missing tokens of Swedish official statistics and templates.
  static let missingTokens: [String: MissingReason] = [
    "..": .suppressed, ".": .notApplicable, "-": .dropout, "–": .dropout, "—": .dropout,
    "−": .dropout, "ej mätt": .notMeasured, "ej mätbart": .notMeasured,
    "ej mätt ännu": .notMeasured,
    "not measured": .notMeasured, "saknas": .notMeasured,
  ]

  /// The missing reason of a token (built-ins, `~`-rounded values, and extra tokens).
  static func missingReason(
    _ text: String, extra: [String: MissingReason]
  ) -> MissingReason? {
    if extra.isEmpty, let first = text.utf8.first, first >= 0x30 && first <= 0x39 { return nil }
    let n = TextMatching.normalized(text)
    for (token, reason) in extra where TextMatching.normalized(token) == n { return reason }
    if n.isEmpty { return .blank }
    if let reason = missingTokens[n] { return reason }
    if n.hasPrefix("~") || n.hasPrefix("≈") { return .masked }
    return nil
  }

  // MARK: numbers

  /// Unit words that may follow a number, with their scale.
  static let unitSuffixes: [(String, Double)] = [
    ("mnkr", 1_000_000), ("mkr", 1_000_000), ("msek", 1_000_000), ("miljoner kr", 1_000_000),
    ("tkr", 1000), ("tsek", 1000), ("kr/elev", 1), ("kr/inv", 1), ("kronor", 1), ("kr", 1),
    ("sek", 1), ("st", 1), ("poäng", 1), ("p", 1), ("procentenheter", 1), ("dagar", 1),
    ("timmar", 1), ("antal", 1),
  ]

  /// Parses a number written in Swedish or English notation.
  ///
  /// - Returns: the value (scaled by `tkr`/`mnkr`), and whether a `%` sign was present; `nil`
  ///   when the text is not a number.
  static func parseNumber(_ raw: String) -> (value: Double, percent: Bool)? {
    if let fast = parsePlainNumber(raw) { return (fast, false) }
    var s = TextMatching.normalized(raw)
    guard !s.isEmpty else { return nil }
    var percent = false
    var scale = 1.0
    if s.hasSuffix("%") {
      percent = true
      s.removeLast()
      s = TextMatching.trimmed(s)
    } else {
      for (suffix, factor) in unitSuffixes where s.hasSuffix(suffix) {
        let before = s.dropLast(suffix.count)
        guard let last = before.last, last == " " || last.isNumber || last == "," || last == "."
        else { continue }
        s = TextMatching.trimmed(String(before))
        scale = factor
        break
      }
    }
    var negative = false
    if let first = s.first, first == "-" || first == "+" {
      negative = first == "-"
      s.removeFirst()
      s = TextMatching.trimmed(s)
    }
    // Digits with separators: space, NBSP (normalized to space), apostrophe, comma, dot.
    var digits: [Character] = []
    var commas = 0
    var dots = 0
    var lastComma = -1
    var lastDot = -1
    for ch in s {
      switch ch {
      case "0"..."9": digits.append(ch)
      case ",":
        commas += 1
        lastComma = digits.count
        digits.append(",")
      case ".":
        dots += 1
        lastDot = digits.count
        digits.append(".")
      case " ", "'", "’": continue
      default: return nil
      }
    }
    guard digits.contains(where: { $0.isNumber }) else { return nil }
    var decimalAt: Int?
    if commas > 0 && dots > 0 {
      decimalAt = max(lastComma, lastDot)
      let decimalChar: Character = lastComma > lastDot ? "," : "."
      if (decimalChar == "," ? commas : dots) > 1 { return nil }
    } else if commas == 1 {
      decimalAt = lastComma
    } else if dots == 1 {
      decimalAt = lastDot
    } else if commas > 1 || dots > 1 {
      decimalAt = nil  // 1,234,567 or 1.234.567: thousands separators
      if !validGroups(digits) { return nil }
    }
    var plain = ""
    for (i, ch) in digits.enumerated() {
      if ch.isNumber {
        plain.append(ch)
      } else if i == decimalAt {
        plain.append(".")
      }
    }
    if plain.hasPrefix(".") { plain = "0" + plain }
    guard var value = Double(plain), value.isFinite else { return nil }
    if negative { value = -value }
    return (value * scale, percent)
  }

  /// The common case quickly: ASCII digits with an optional sign, at most one decimal comma
  /// or point, and single spaces between groups of three digits (`-3,5`, `4 102`, `87.7`).
  static func parsePlainNumber(_ text: String) -> Double? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    var sawDecimal = false
    var digitsSinceSpace = 0
    var sawSpace = false
    var index = 0
    for b in text.utf8 {
      defer { index += 1 }
      switch b {
      case 0x30...0x39:
        bytes.append(b)
        digitsSinceSpace += 1
      case 0x2C, 0x2E:
        guard !sawDecimal, !bytes.isEmpty || index == 0 else { return nil }
        if sawSpace && digitsSinceSpace != 3 { return nil }
        sawDecimal = true
        bytes.append(0x2E)
      case 0x20:
        guard !sawDecimal, !bytes.isEmpty, digitsSinceSpace >= 1 else { return nil }
        if sawSpace && digitsSinceSpace != 3 { return nil }
        if !sawSpace && digitsSinceSpace > 3 { return nil }
        sawSpace = true
        digitsSinceSpace = 0
      case 0x2D where index == 0:
        bytes.append(b)
      default:
        return nil
      }
    }
    if sawSpace && !sawDecimal && digitsSinceSpace != 3 { return nil }
    guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    if bytes.first == 0x2E { bytes.insert(0x30, at: 0) }
    if bytes.count >= 2, bytes[0] == 0x2D, bytes[1] == 0x2E { bytes.insert(0x30, at: 1) }
    guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else {
      return nil
    }
    return value
  }

  private static func validGroups(_ digits: [Character]) -> Bool {
    let groups = String(digits).split(whereSeparator: { $0 == "," || $0 == "." })
    guard let first = groups.first, first.count <= 3 else { return false }
    return groups.dropFirst().allSatisfy { $0.count == 3 }
  }

  /// Rounds away binary noise from scaling (`0.463 * 100` is 46.3, not 46.300000000000004):
  /// 12 significant digits are kept.
  static func clean(_ x: Double) -> Double {
    guard x != 0, x.isFinite else { return x }
    let magnitude = (log10(abs(x))).rounded(.down)
    let scale = pow(10, 11 - magnitude)
    guard scale.isFinite, scale > 0 else { return x }
    return (x * scale).rounded() / scale
  }

  /// Reads a number: a number cell as is (a percent-formatted cell × 100 when `percent`),
  /// text in Swedish or English notation.
  static func number(
    _ raw: RawValue, percent: Bool, input: PercentInput, multiply: Double?
  ) -> Result<Double, ValueFailure> {
    var result: Double
    switch raw.value {
    case .number(let n):
      result = n
      if percent && (raw.isPercentFormatted || input == .fraction) { result = n * 100 }
    case .bool(let b):
      result = b ? 1 : 0
    default:
      guard let parsed = parseNumber(raw.text) else {
        return .failure(
          ValueFailure(
            code: MappingDiagnostics.typeError, message: "'\(raw.text)' is not a number",
            hint: percent
              ? "write a percentage such as '87,5 %' or 87.5"
              : "write a number such as '4 102' or '47,8'"))
      }
      result = parsed.value
      if percent && !parsed.percent && input == .fraction { result *= 100 }
    }
    if let multiply { result *= multiply }
    return .success(clean(result))
  }

  // MARK: dates

  static let monthNames: [(String, Int)] = {
    var out: [(String, Int)] = []
    let english = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    for (i, m) in Period.swedishMonths.enumerated() { out.append((m, i + 1)) }
    for (i, m) in english.enumerated() { out.append((m, i + 1)) }
    return out
  }()

  static func month(_ token: String) -> Int? {
    let t = token.trimmingCharacters(in: CharacterSet(charactersIn: "."))
    guard t.count >= 3 else { return nil }
    for (name, n) in monthNames where name == t || name.hasPrefix(t) { return n }
    return nil
  }

  /// Reads a calendar day from a date cell, an Excel serial, or text (ISO, Swedish or English
  /// month names, day-first `d/m/yyyy`).
  static func date(_ raw: RawValue, dateSystem: DateSystem) -> Result<CalendarDate, ValueFailure> {
    switch raw.value {
    case .dateTime(let d):
      let c = d.components
      return .success(CalendarDate(year: c.year, month: c.month, day: c.day))
    case .number(let n) where n >= 1 && n < 2_958_466:
      let c = dateSystem.dateTime(fromSerial: n.rounded(.down)).components
      return .success(CalendarDate(year: c.year, month: c.month, day: c.day))
    default: break
    }
    let text = TextMatching.normalized(raw.text)
    if let d = parseDateText(text) { return .success(d) }
    return .failure(
      ValueFailure(
        code: MappingDiagnostics.typeError, message: "'\(raw.text)' is not a date",
        hint: "write a date such as 2026-03-03 or 3 mars 2026"))
  }

  static func parseDateText(_ text: String) -> CalendarDate? {
    var t = text
    if let tIndex = t.firstIndex(of: "t"), t.distance(from: t.startIndex, to: tIndex) == 10,
      CalendarDate(iso: String(t.prefix(10))) != nil
    {
      t = String(t[..<tIndex])
    }
    if t.count > 10, t.dropFirst(10).first == " ", CalendarDate(iso: String(t.prefix(10))) != nil,
      t.dropFirst(11).allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." })
    {
      t = String(t.prefix(10))
    }
    if let d = CalendarDate(iso: t) { return d }
    let isoSlash = t.replacingOccurrences(of: "/", with: "-")
    if isoSlash.split(separator: "-").first?.count == 4, let d = CalendarDate(iso: isoSlash) {
      return d
    }
    if t.count == 8, t.allSatisfy(\.isNumber), let y = Int(t.prefix(4)),
      let m = Int(t.dropFirst(4).prefix(2)), let d = Int(t.suffix(2)),
      CalendarDate.isValid(year: y, month: m, day: d)
    {
      return CalendarDate(year: y, month: m, day: d)
    }
    // d/m/yyyy or d.m.yyyy (day first, as in Swedish and most of Europe).
    for sep: Character in ["/", "."] {
      let parts = t.split(separator: sep).map(String.init)
      if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
        parts[2].count == 4, CalendarDate.isValid(year: y, month: m, day: d)
      {
        return CalendarDate(year: y, month: m, day: d)
      }
    }
    // 3 mars 2026, den 3 mars 2026, march 3, 2026, 3 mar. 2026
    let tokens = t.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
      .filter { $0 != "den" }
    if tokens.count == 3 {
      if let d = Int(tokens[0].trimmingCharacters(in: CharacterSet(charactersIn: ".:e"))),
        let m = month(tokens[1]), let y = Int(tokens[2]),
        CalendarDate.isValid(year: y, month: m, day: d)
      {
        return CalendarDate(year: y, month: m, day: d)
      }
      if let m = month(tokens[0]), let d = Int(tokens[1]), let y = Int(tokens[2]),
        CalendarDate.isValid(year: y, month: m, day: d)
      {
        return CalendarDate(year: y, month: m, day: d)
      }
    }
    return nil
  }

  // MARK: booleans

  static let trueWords: Set<String> = [
    "ja", "j", "yes", "y", "x", "sant", "true", "1", "✓", "✔", "☑", "✅", "prioriterad",
    "prioriterat",
  ]
  static let falseWords: Set<String> = [
    "nej", "n", "no", "falskt", "false", "0", "✗", "✘", "☐", "-", "–", "ej prioriterad",
    "ej prioriterat",
  ]

  static func bool(_ raw: RawValue) -> Result<Bool, ValueFailure> {
    if case .bool(let b) = raw.value { return .success(b) }
    if case .number(let n) = raw.value, n == 0 || n == 1 { return .success(n == 1) }
    let t = TextMatching.normalized(raw.text)
    if t.isEmpty { return .success(false) }
    if trueWords.contains(t) { return .success(true) }
    if falseWords.contains(t) { return .success(false) }
    return .failure(
      ValueFailure(
        code: MappingDiagnostics.typeError, message: "'\(raw.text)' is not yes or no",
        hint: "write Ja or Nej (or X for yes and leave blank for no)"))
  }

  // MARK: periods

  static func period(
    _ raw: RawValue, kind: Period.Kind?, dateSystem: DateSystem
  ) -> Result<Period, ValueFailure> {
    switch raw.value {
    case .number(let n) where n == n.rounded() && n >= 1900 && n <= 2200:
      return .success(.year(Int(n)))
    case .dateTime, .number:
      if let kind, case .success(let d) = date(raw, dateSystem: dateSystem) {
        return .success(Period.containing(d, kind: kind))
      }
    default: break
    }
    let text = raw.text
    if let p = Period(parsing: text) { return .success(p) }
    if let kind, let d = parseDateText(TextMatching.normalized(text)) {
      return .success(Period.containing(d, kind: kind))
    }
    return .failure(
      ValueFailure(
        code: MappingDiagnostics.typeError, message: "'\(text)' is not a period",
        hint: "write e.g. 2026, 2025/26, VT 2026, T2 2026, 2026-Q3 or kvartal 3 2026"))
  }

  // MARK: targets

  static let comparisonWords: [(String, Target.Comparison)] = [
    ("minst", .atLeast), ("lägst", .atLeast), ("minimum", .atLeast), ("min", .atLeast),
    ("at least", .atLeast), ("no less than", .atLeast), (">=", .atLeast), ("≥", .atLeast),
    ("öka till", .atLeast), ("höja till", .atLeast), ("förbättra till", .atLeast),
    ("max", .atMost), ("maximalt", .atMost), ("högst", .atMost), ("maximum", .atMost),
    ("at most", .atMost), ("no more than", .atMost), ("<=", .atMost), ("≤", .atMost),
    ("minska till", .atMost), ("sänka till", .atMost), ("reduce to", .atMost),
    ("under", .below), ("mindre än", .below), ("lägre än", .below), ("färre än", .below),
    ("below", .below), ("less than", .below), ("fewer than", .below), ("<", .below),
    ("över", .above), ("mer än", .above), ("fler än", .above), ("högre än", .above),
    ("above", .above), ("more than", .above), ("greater than", .above), (">", .above),
    ("=", .equal), ("exakt", .equal), ("lika med", .equal), ("exactly", .equal),
  ]

  static let increaseWords = ["öka", "höja", "förbättra", "increase", "raise", "improve", "grow"]
  static let decreaseWords = ["minska", "sänka", "reduce", "decrease", "lower", "cut"]

  /// Parses a target text (`Minst 88 %`, `Max 13,2 %`, `Under 5`, `80–90 %`, `Öka`,
  /// `Increase … to 92% by 2030`) or a number cell (`0.88` under `0%` is 88).
  ///
  /// - Parameter bare: the comparison of a bare number (`88 %`).
  static func target(_ raw: RawValue, bare: Target.Comparison) -> Result<TargetValue, ValueFailure>
  {
    let original = raw.text
    if case .number(let n) = raw.value {
      let v = raw.isPercentFormatted ? clean(n * 100) : n
      return .success(TargetValue(comparison: bare, value: v, upperValue: nil, text: original))
    }
    let t = TextMatching.normalized(original)
    let failure = ValueFailure(
      code: MappingDiagnostics.typeError, message: "'\(original)' is not a target",
      hint: "write e.g. 'Minst 88 %', 'Max 13,2 %', 'Under 5', '80–90 %', 'Öka' or 'Minska'")
    guard !t.isEmpty else { return .failure(failure) }
    // Range: 80-90, 80–90 %, mellan 80 och 90, between 80 and 90, 80 till 90.
    if let range = parseRange(t) {
      return .success(
        TargetValue(comparison: .range, value: range.0, upperValue: range.1, text: original))
    }
    for (word, comparison) in comparisonWords {
      guard t.hasPrefix(word) else { continue }
      let rest = TextMatching.trimmed(String(t.dropFirst(word.count)))
      let boundary = word.last.map { !$0.isLetter } ?? true
      guard boundary || rest.isEmpty || t.dropFirst(word.count).first == " " else { continue }
      if let n = firstNumber(in: rest) {
        return .success(
          TargetValue(comparison: comparison, value: n, upperValue: nil, text: original))
      }
    }
    let firstWord = t.split(separator: " ").first.map(String.init) ?? t
    let isIncrease = increaseWords.contains { firstWord.hasPrefix($0) }
    let isDecrease = decreaseWords.contains { firstWord.hasPrefix($0) }
    if isIncrease || isDecrease {
      // "Increase the rate to 92% by 2030", "Öka andelen till 90 %".
      if let toRange = t.range(of: " till ") ?? t.range(of: " to "),
        let n = firstNumber(in: String(t[toRange.upperBound...]))
      {
        return .success(
          TargetValue(
            comparison: isIncrease ? .atLeast : .atMost, value: n, upperValue: nil, text: original))
      }
      return .success(
        TargetValue(
          comparison: isIncrease ? .increase : .decrease, value: nil, upperValue: nil,
          text: original))
    }
    if let parsed = parseNumber(t) {
      return .success(
        TargetValue(comparison: bare, value: parsed.value, upperValue: nil, text: original))
    }
    return .failure(failure)
  }

  /// The first number in a text (Swedish or English notation, `%` and units allowed after it).
  static func firstNumber(in text: String) -> Double? {
    var token = ""
    var started = false
    var result: Double?
    let chars = Array(text)
    var i = 0
    while i < chars.count {
      let ch = chars[i]
      if ch.isNumber || (started && (ch == "," || ch == ".")) {
        token.append(ch)
        started = true
      } else if started && ch == " ", i + 1 < chars.count, chars[i + 1].isNumber,
        token.split(whereSeparator: { $0 == " " }).last.map({ $0.count <= 3 }) ?? false,
        i + 4 <= chars.count, chars[(i + 1)..<min(i + 4, chars.count)].allSatisfy(\.isNumber),
        i + 4 == chars.count || !chars[i + 4].isNumber
      {
        token.append(" ")
      } else if started {
        break
      }
      i += 1
    }
    while token.last == "," || token.last == "." || token.last == " " { token.removeLast() }
    if !token.isEmpty { result = parseNumber(token)?.value }
    return result
  }

  static func parseRange(_ t: String) -> (Double, Double)? {
    var s = t
    for prefix in ["mellan ", "between ", "inom ", "within "] where s.hasPrefix(prefix) {
      s = String(s.dropFirst(prefix.count))
    }
    for sep in [" och ", " and ", " till ", " to ", "-", "–"] {
      guard let r = s.range(of: sep) else { continue }
      let left = TextMatching.trimmed(String(s[..<r.lowerBound]))
      let right = TextMatching.trimmed(String(s[r.upperBound...]))
      guard !left.isEmpty, left.last?.isNumber == true || left.hasSuffix("%"),
        let a = parseNumber(left)?.value, let b = firstNumber(in: right),
        right.first?.isNumber == true, a <= b
      else { continue }
      // the right side must be only a number (with a unit), not prose
      if parseNumber(right) == nil, right.contains(where: { $0.isLetter && $0 != "p" }) { continue }
      return (a, b)
    }
    return nil
  }

  // MARK: codes

  /// A code as text: numbers without a decimal part, leading zeros restored to `digits`.
  static func code(_ raw: RawValue, digits: Int?) -> Result<String, ValueFailure> {
    var text = raw.text
    if case .number(let n) = raw.value, n == n.rounded(), abs(n) < 1e15 {
      text = String(Int64(n))
    }
    guard let digits else { return .success(text) }
    if text.allSatisfy(\.isNumber), !text.isEmpty {
      if text.count > digits {
        return .failure(
          ValueFailure(
            code: MappingDiagnostics.typeError, message: "'\(text)' has more than \(digits) digits",
            hint: "a code of \(digits) digits was expected"))
      }
      return .success(String(repeating: "0", count: digits - text.count) + text)
    }
    return .success(text)
  }
}
