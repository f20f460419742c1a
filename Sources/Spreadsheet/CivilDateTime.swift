/// A date and time of day without a time zone, as a spreadsheet shows it.
///
/// Stored as days since 1899-12-30 00:00 (the OLE Automation epoch), the fraction being the
/// time of day. From 1900-03-01 on this equals Excel's serial in the 1900 date system; use
/// ``DateSystem`` to convert workbook serials. Negative values are dates before the epoch.
public struct CivilDateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Days since 1899-12-30 00:00; the fraction is the time of day.
  public var serial: Double

  /// Creates a value from days since 1899-12-30.
  public init(serial: Double) { self.serial = serial }

  /// Creates a value from calendar fields (proleptic Gregorian).
  ///
  /// - Parameters:
  ///   - year: e.g. 2026.
  ///   - month: 1...12.
  ///   - day: 1...31.
  ///   - hour: 0...23.
  ///   - minute: 0...59.
  ///   - second: 0...59, with a fraction.
  public init(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0
  ) {
    let days = CivilDays.days(year: year, month: month, day: day) - Self.epochDays
    serial = Double(days) + (Double(hour) * 3600 + Double(minute) * 60 + second) / 86_400
  }

  /// Orders by time.
  public static func < (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool {
    lhs.serial < rhs.serial
  }

  /// The calendar fields, with the time rounded to the millisecond.
  public var components:
    (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int)
  {
    var totalMilliseconds = (serial * 86_400_000).rounded()
    if !totalMilliseconds.isFinite { totalMilliseconds = 0 }
    // Keep far-out serials (a hostile file's 1e300) inside Int64 and the civil algorithm.
    totalMilliseconds = min(max(totalMilliseconds, -3e17), 3e17)
    let ms = Int64(totalMilliseconds)
    var dayNumber = ms / 86_400_000
    var rest = ms % 86_400_000
    if rest < 0 {
      rest += 86_400_000
      dayNumber -= 1
    }
    let civil = CivilDays.date(days: Int(dayNumber) + Self.epochDays)
    let r = Int(rest)
    return (
      civil.year, civil.month, civil.day, r / 3_600_000, (r / 60_000) % 60, (r / 1000) % 60,
      r % 1000
    )
  }

  /// Whether the time of day is midnight (to the millisecond).
  public var isMidnight: Bool {
    let c = components
    return c.hour == 0 && c.minute == 0 && c.second == 0 && c.millisecond == 0
  }

  /// ISO 8601 date, `2026-03-31`.
  public var isoDate: String {
    let c = components
    return Self.pad(c.year, 4) + "-" + Self.pad(c.month, 2) + "-" + Self.pad(c.day, 2)
  }

  /// ISO 8601 time of day, `10:15:00` or `10:15:00.250`.
  public var isoTime: String {
    let c = components
    var text = Self.pad(c.hour, 2) + ":" + Self.pad(c.minute, 2) + ":" + Self.pad(c.second, 2)
    if c.millisecond != 0 { text += "." + Self.pad(c.millisecond, 3) }
    return text
  }

  /// ISO 8601 date and time, `2026-03-31T10:15:00`.
  public var isoDateTime: String { isoDate + "T" + isoTime }

  /// The ISO form: a date alone at midnight, otherwise date and time.
  public var description: String { isMidnight ? isoDate : isoDateTime }

  /// Excel's day 0, 1899-12-30, in days from 1970-01-01 (``CivilDays``).
  static let epochDays = CivilDays.days(year: 1899, month: 12, day: 30)

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded =
      digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    return value < 0 ? "-" + padded : padded
  }
}
