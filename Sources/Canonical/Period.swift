/// A reporting period: a year, a school year (läsår), a term, a tertial, a quarter or a month.
///
/// Tertials are cumulative, as in Swedish municipal follow-up: T1 is January–April, T2 is
/// January–August (the delårsrapport) and T3 the whole year. Terms are VT (January–June) and
/// HT (August–December). A school year runs from 1 July to 30 June.
///
/// The canonical id, used in JSON and file names, is `2026`, `2025/26`, `2025-VT`, `2026-T2`,
/// `2026-Q3` or `2026-03`.
public struct Period: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  /// The kind of period.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A calendar year.
    case year
    /// A school year, läsår, 1 July – 30 June.
    case schoolYear
    /// A term: VT (index 1) or HT (index 2).
    case term
    /// A cumulative tertial, T1–T3.
    case tertial
    /// A quarter, Q1–Q4.
    case quarter
    /// A calendar month.
    case month
  }

  /// The kind.
  public var kind: Kind
  /// The calendar year; for a school year, the year it starts (2025 for 2025/26).
  public var year: Int
  /// Tertial 1–3, quarter 1–4, month 1–12, term 1 (VT) or 2 (HT); 0 for years.
  public var index: Int

  /// Creates a period; use the static helpers for readability.
  public init(kind: Kind, year: Int, index: Int = 0) {
    self.kind = kind
    self.year = year
    self.index = index
  }

  /// A calendar year.
  public static func year(_ year: Int) -> Period { Period(kind: .year, year: year) }
  /// The school year starting in `startYear` (2025 → 2025/26).
  public static func schoolYear(_ startYear: Int) -> Period {
    Period(kind: .schoolYear, year: startYear)
  }
  /// Tertial 1–3 of a year.
  public static func tertial(_ tertial: Int, _ year: Int) -> Period {
    Period(kind: .tertial, year: year, index: tertial)
  }
  /// Quarter 1–4 of a year.
  public static func quarter(_ quarter: Int, _ year: Int) -> Period {
    Period(kind: .quarter, year: year, index: quarter)
  }
  /// Month 1–12 of a year.
  public static func month(_ month: Int, _ year: Int) -> Period {
    Period(kind: .month, year: year, index: month)
  }

  /// The first day of the period.
  public var start: CalendarDate {
    switch kind {
    case .year, .tertial: return CalendarDate(year: year, month: 1, day: 1)
    case .schoolYear: return CalendarDate(year: year, month: 7, day: 1)
    case .term: return CalendarDate(year: year, month: index == 1 ? 1 : 8, day: 1)
    case .quarter: return CalendarDate(year: year, month: (index - 1) * 3 + 1, day: 1)
    case .month: return CalendarDate(year: year, month: index, day: 1)
    }
  }

  /// The last day of the period.
  public var end: CalendarDate {
    switch kind {
    case .year: return CalendarDate(year: year, month: 12, day: 31)
    case .schoolYear: return CalendarDate(year: year + 1, month: 6, day: 30)
    case .term:
      return index == 1
        ? CalendarDate(year: year, month: 6, day: 30) : CalendarDate(year: year, month: 12, day: 31)
    case .tertial: return CalendarDate.endOfMonth(year: year, month: index * 4)
    case .quarter: return CalendarDate.endOfMonth(year: year, month: index * 3)
    case .month: return CalendarDate.endOfMonth(year: year, month: index)
    }
  }

  /// Whether a day falls inside the period.
  public func contains(_ date: CalendarDate) -> Bool { date >= start && date <= end }

  /// Whether this period lies wholly inside `other` (a quarter inside its year, T1 inside T2).
  public func isWithin(_ other: Period) -> Bool { other.start <= start && end <= other.end }

  /// Whether the two periods share at least one day.
  public func overlaps(_ other: Period) -> Bool { start <= other.end && other.start <= end }

  /// Whether a plan for this period counts in a report for `report`: it is the same period,
  /// or a period of another kind that contains it (the year 2026 for kvartal 3 2026, läsår
  /// 2026/27 for kvartal 3 2026, the year for tertial 3).
  ///
  /// Periods of the same kind never count in one another: tertials are cumulative (tertial
  /// 2 runs from January to August and so contains tertial 1), yet a tertial 2 follow-up is
  /// not part of the tertial 1 report, nor tertial 1's part of tertial 2's. A shorter period
  /// inside the report's (a month in a quarter) does not count either: each delivery is a
  /// snapshot of its own period.
  public func counts(in report: Period) -> Bool {
    self == report || (kind != report.kind && report.isWithin(self))
  }

  /// The period of a kind that contains a date (the smallest cumulative tertial for
  /// tertials; the term for dates in July, which fall between terms, is VT).
  public static func containing(_ date: CalendarDate, kind: Kind) -> Period {
    switch kind {
    case .year: return .year(date.year)
    case .schoolYear: return .schoolYear(date.month >= 7 ? date.year : date.year - 1)
    case .term: return Period(kind: .term, year: date.year, index: date.month >= 8 ? 2 : 1)
    case .tertial: return .tertial((date.month - 1) / 4 + 1, date.year)
    case .quarter: return .quarter((date.month - 1) / 3 + 1, date.year)
    case .month: return .month(date.month, date.year)
    }
  }

  /// The canonical id: `2026`, `2025/26`, `2025-VT`, `2026-T2`, `2026-Q3`, `2026-03`.
  public var id: String {
    switch kind {
    case .year: return String(year)
    case .schoolYear:
      let next = (year + 1) % 100
      return "\(year)/\(next < 10 ? "0" : "")\(next)"
    case .term: return "\(year)-\(index == 1 ? "VT" : "HT")"
    case .tertial: return "\(year)-T\(index)"
    case .quarter: return "\(year)-Q\(index)"
    case .month: return "\(year)-\(index < 10 ? "0" : "")\(index)"
    }
  }

  /// The Swedish label a board reads: `2026`, `läsår 2025/26`, `VT 2025`, `tertial 2 2026`,
  /// `kvartal 3 2026`, `mars 2026`.
  public var swedishLabel: String {
    switch kind {
    case .year: return String(year)
    case .schoolYear: return "läsår \(id)"
    case .term: return "\(index == 1 ? "VT" : "HT") \(year)"
    case .tertial: return "tertial \(index) \(year)"
    case .quarter: return "kvartal \(index) \(year)"
    case .month: return "\(Period.swedishMonths[index - 1]) \(year)"
    }
  }

  /// The canonical id.
  public var description: String { id }

  /// Orders by end date, then by start date (so T1 < Q2 < T2 < year).
  public static func < (lhs: Period, rhs: Period) -> Bool {
    if lhs.end != rhs.end { return lhs.end < rhs.end }
    return lhs.start > rhs.start
  }

  /// Decodes the canonical id.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let period = Period(parsing: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a period: \(text)"))
    }
    self = period
  }

  /// Encodes the canonical id.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(id)
  }

  /// Swedish month names, January first, lower case.
  public static let swedishMonths = [
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
  ]
}
