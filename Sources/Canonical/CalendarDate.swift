import Spreadsheet

/// A calendar day without time or time zone, such as an activity's start date.
///
/// Encoded in JSON as ISO 8601 `2026-03-31`.
public struct CalendarDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  /// The year, e.g. 2026.
  public var year: Int
  /// The month, 1...12.
  public var month: Int
  /// The day of the month, 1...31.
  public var day: Int

  /// Creates a date; the fields are not range-checked (use ``init(iso:)`` for text).
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`, checking that the day exists.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      CalendarDate.isValid(year: y, month: m, day: d)
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Whether the day exists in the proleptic Gregorian calendar.
  public static func isValid(year: Int, month: Int, day: Int) -> Bool {
    guard month >= 1 && month <= 12 && day >= 1 else { return false }
    return day <= daysInMonth(year: year, month: month)
  }

  /// The number of days in a month: 28 to 31.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Whether a year is a leap year in the Gregorian calendar.
  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The last day of a month.
  public static func endOfMonth(year: Int, month: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: daysInMonth(year: year, month: month))
  }

  /// Days since 1970-01-01 (negative before).
  public var daysSinceEpoch: Int {
    CivilDays.days(year: year, month: month, day: day)
  }

  /// The date a number of days since 1970-01-01.
  public init(daysSinceEpoch days: Int) {
    let date = CivilDays.date(days: days)
    self.init(year: date.year, month: date.month, day: date.day)
  }

  /// The date `days` later (earlier when negative).
  public func adding(days: Int) -> CalendarDate {
    CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
  }

  /// Orders by day.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// `2026-03-31`.
  public var description: String {
    func pad(_ v: Int, _ w: Int) -> String {
      let s = String(v)
      return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Decodes `YYYY-MM-DD`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CalendarDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not an ISO date: \(text)"))
    }
    self = date
  }

  /// Encodes `YYYY-MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
