public import Canonical

/// One cell of a report sheet, before any file format: a value, how numbers are shown, and a
/// tone (the colour of a status).
public struct ReportCell: Hashable, Sendable, CustomStringConvertible {
  /// The value.
  public enum Value: Hashable, Sendable {
    /// No value.
    case empty
    /// Text.
    case text(String)
    /// A number, in the unit the format expects (percent as 0–100).
    case number(Double)
    /// A calendar day.
    case date(CalendarDate)
  }

  /// How a number or date is shown.
  public enum Format: String, Hashable, Sendable, CaseIterable {
    /// As it is.
    case general
    /// A whole number with thousands separators: `1 234`.
    case integer
    /// One decimal: `221,4`.
    case decimal
    /// A share: the value is 0–100 and shown `74,5 %` (written to a workbook as 0.745).
    case percent
    /// Kronor: `128 412 kr`.
    case kronor
    /// A day: `2026-09-30`.
    case date
  }

  /// The colour of a status, in words.
  public enum Tone: String, Hashable, Sendable, CaseIterable {
    /// Green: met, fulfilled, on track, delivered.
    case good
    /// Yellow: partly, a warning.
    case caution
    /// Red: not met, not fulfilled, delayed, missing, an error.
    case bad
    /// Grey: no data, not judged.
    case muted
  }

  /// The value.
  public var value: Value
  /// How it is shown.
  public var format: Format
  /// The status colour, if any.
  public var tone: Tone?
  /// Bold text (titles, totals).
  public var bold: Bool

  /// Creates a cell.
  public init(_ value: Value, format: Format = .general, tone: Tone? = nil, bold: Bool = false) {
    self.value = value
    self.format = format
    self.tone = tone
    self.bold = bold
  }

  /// A text cell (empty text gives an empty cell).
  public static func text(_ text: String?, tone: Tone? = nil, bold: Bool = false) -> ReportCell {
    guard let text, !text.isEmpty else { return ReportCell(.empty, tone: tone) }
    return ReportCell(.text(text), tone: tone, bold: bold)
  }

  /// A number cell (`nil` gives an empty cell).
  public static func number(_ number: Double?, _ format: Format = .general) -> ReportCell {
    guard let number else { return ReportCell(.empty) }
    return ReportCell(.number(number), format: format)
  }

  /// A count.
  public static func count(_ count: Int) -> ReportCell {
    ReportCell(.number(Double(count)), format: .integer)
  }

  /// A date cell (`nil` gives an empty cell).
  public static func date(_ date: CalendarDate?) -> ReportCell {
    guard let date else { return ReportCell(.empty) }
    return ReportCell(.date(date), format: .date)
  }

  /// An empty cell.
  public static let empty = ReportCell(.empty)

  /// The text as a Swedish reader sees it, for widths and tests: `74,5 %`, `128 412 kr`,
  /// `221,4`, `2026-09-30`.
  public var displayText: String {
    switch value {
    case .empty: return ""
    case .text(let text): return text
    case .date(let date): return date.description
    case .number(let n):
      switch format {
      case .general: return Self.swedish(n, decimals: n == n.rounded() ? 0 : 1)
      case .integer: return Self.swedish(n, decimals: 0)
      case .decimal: return Self.swedish(n, decimals: 1)
      case .percent: return Self.swedish(n, decimals: 1) + " %"
      case .kronor: return Self.swedish(n, decimals: 0) + " kr"
      case .date: return Self.swedish(n, decimals: 0)
      }
    }
  }

  /// The display text.
  public var description: String { displayText }

  /// The number as written to a workbook, or `nil` for a cell without one: a share as a
  /// fraction (74.5 → 0.745, for the `0.0 %` format), every number rounded to
  /// ``workbookSignificantDigits`` significant digits, so that binary floating-point noise
  /// (71.2 / 100 = 0.7120000000000001) never reaches the workbook and Excel and LibreOffice
  /// show the value as it was reported.
  public var workbookNumber: Double? {
    guard case .number(let n) = value else { return nil }
    return Self.rounded(format == .percent ? n / 100 : n)
  }

  /// Significant digits kept in a workbook: 10, well inside a `Double`'s 15–17 and beyond any
  /// precision a report shows.
  public static let workbookSignificantDigits = 10

  /// A number rounded to a count of significant digits (half away from zero), as the nearest
  /// `Double` to that decimal: `rounded(0.7120000000000001)` is `0.712`,
  /// `rounded(0.2777777777777778)` is `0.2777777778`. Zero, infinities, NaN and numbers too
  /// small to scale exactly (below about 1e-12 at 10 digits) are returned unchanged.
  ///
  /// - Parameters:
  ///   - x: the number.
  ///   - digits: significant digits, 1–15.
  public static func rounded(_ x: Double, significantDigits digits: Int = workbookSignificantDigits)
    -> Double
  {
    guard x.isFinite, x != 0 else { return x }
    let digits = min(max(digits, 1), 15)
    var magnitude = 0
    var probe = abs(x)
    while probe >= 10 {
      probe /= 10
      magnitude += 1
    }
    while probe < 1 {
      probe *= 10
      magnitude -= 1
    }
    let shift = digits - 1 - magnitude
    guard shift <= 22, shift >= -22 else { return x }
    let scale = Self.powerOfTen(abs(shift))
    if shift >= 0 { return (x * scale).rounded() / scale }
    return (x / scale).rounded() * scale
  }

  /// 10^n for 0 ≤ n ≤ 22, exact (every power up to 10^22 is a `Double`).
  private static func powerOfTen(_ n: Int) -> Double {
    var p = 1.0
    for _ in 0..<n { p *= 10 }
    return p
  }

  /// A number with a decimal comma and a space between thousands.
  static func swedish(_ n: Double, decimals: Int) -> String {
    guard n.isFinite else { return String(n) }
    let scale = decimals == 0 ? 1.0 : 10.0
    let rounded = (abs(n) * scale).rounded() / scale
    let whole = Int64(rounded.rounded(.down))
    var digits = Array(String(whole))
    var grouped = ""
    while digits.count > 3 {
      grouped = " " + String(digits.suffix(3)) + grouped
      digits.removeLast(3)
    }
    grouped = String(digits) + grouped
    var text = (n < 0 && rounded != 0 ? "-" : "") + grouped
    if decimals > 0 {
      let fraction = Int(((rounded - Double(whole)) * scale).rounded())
      text += "," + String(fraction)
    }
    return text
  }
}
