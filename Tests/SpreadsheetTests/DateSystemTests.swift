import Testing

@testable import Spreadsheet

@Suite struct DateSystemTests {
  @Test(arguments: [
    (1.0, "1900-01-01"), (59.0, "1900-02-28"), (61.0, "1900-03-01"), (45_658.0, "2025-01-01"),
    (45_747.0, "2025-03-31"),
  ])
  func date1900Serials(serial: Double, iso: String) {
    #expect(DateSystem.date1900.dateTime(fromSerial: serial).isoDate == iso)
  }

  @Test func leapYearBugSerial60() {
    // Excel's 1900-02-29 does not exist: it reads as 1900-02-28, as calamine and openpyxl do.
    #expect(DateSystem.date1900.dateTime(fromSerial: 60).isoDate == "1900-02-28")
    #expect(DateSystem.date1900.dateTime(fromSerial: 59.5).isoDateTime == "1900-02-28T12:00:00")
  }

  @Test func date1904() {
    #expect(DateSystem.date1904.dateTime(fromSerial: 0).isoDate == "1904-01-01")
    let d = CivilDateTime(year: 2026, month: 8, day: 31)
    #expect(DateSystem.date1904.dateTime(fromSerial: DateSystem.date1904.serial(from: d)) == d)
  }

  @Test func timeOfDay() {
    let t = DateSystem.date1900.dateTime(fromSerial: 45_658.75)
    #expect(t.isoDateTime == "2025-01-01T18:00:00")
    #expect(CivilDateTime(serial: 0.5).isoTime == "12:00:00")
  }
}
