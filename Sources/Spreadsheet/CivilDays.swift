/// Days since 1970-01-01 and back, in the proleptic Gregorian calendar: the one civil-date
/// algorithm of RedThread, used by ``CivilDateTime`` (Excel serials) and by the canonical
/// model's calendar dates.
///
/// H. Hinnant's `days_from_civil` and `civil_from_days` ("chrono-compatible low-level date
/// algorithms"): exact for every year, with eras of 400 years counted from 0000-03-01.
package enum CivilDays {
  /// Days from 1970-01-01 to a date (negative before it).
  package static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The date a number of days after 1970-01-01 (before it when negative).
  package static func date(days z0: Int) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }
}
