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
