import Spreadsheet
import Testing
import XLSX

/// Numbers under date, time and elapsed-time number formats (openpyxl-made fixtures, and
/// Excel-made ones from the corpus).
@Suite struct DateCellTests {
  // Row of dates-1900.xlsx / dates-1904.xlsx → (1900 result, 1904 result).
  static let rows: [(Int, String, String)] = [
    (2, "2026-03-31", "2030-04-01"),  // yyyy-mm-dd
    (3, "2026-03-31", "2030-04-01"),  // [$-41D]yyyy-mm-dd
    (4, "2026-03-31", "2030-04-01"),  // [$-41D]d mmmm yyyy
    (5, "2026-03-31T10:15:00", "2030-04-01T10:15:00"),  // [$-sv-SE]yyyy-mm-dd hh:mm
    (8, "10:15:00", "10:15:00"),  // h:mm, a time of day
    (9, "12:00:00", "12:00:00"),  // serial 0.5 under yyyy-mm-dd: a time of day
    (10, "1900-02-28", "1904-03-01"),  // serial 60 (Excel's 1900-02-29)
    (11, "1900-03-01", "1904-03-02"),
    (17, "2026-03-31", "2030-04-01"),  // built-in mm-dd-yy (id 14)
  ]

  @Test(arguments: rows)
  func dateFormats(row: Int, in1900: String, in1904: String) throws {
    let a = try readFixture("made/dates-1900.xlsx")
    let b = try readFixture("made/dates-1904.xlsx")
    #expect(a.dateSystem == .date1900)
    #expect(b.dateSystem == .date1904)
    #expect(a.value("Datum", "B\(row)")?.isoText == in1900)
    #expect(b.value("Datum", "B\(row)")?.isoText == in1904)
  }

  @Test func elapsedTimeFormatsAreDurations() throws {
    let wb = try readFixture("made/dates-1900.xlsx")
    #expect(wb.value("Datum", "B6") == .duration(seconds: 129_600))  // [h]:mm, 1.5 days
    #expect(wb.value("Datum", "B7") == .duration(seconds: 5_400))  // [mm]:ss
  }

  @Test func numbersStayNumbers() throws {
    let wb = try readFixture("made/dates-1900.xlsx")
    #expect(wb.value("Datum", "B12") == .number(1e12))  // beyond 9999-12-31
    #expect(wb.value("Datum", "B13") == .number(0.88))
    #expect(wb.cell("Datum", "B13")?.numberFormat == "0%")
    #expect(wb.value("Datum", "B14") == .number(0.125))
    #expect(wb.value("Datum", "B15") == .number(1234))
    #expect(wb.value("Datum", "B16") == .number(7))  // "Datum: "0, quoted text
    #expect(wb.value("Datum", "B18") == .number(3.25))
    #expect(wb.cell("Datum", "B18")?.numberFormat == nil)
  }

  @Test func strictWith1904() throws {
    let wb = try readFixture("made/strict-1904.xlsx")
    #expect(wb.dateSystem == .date1904)
    #expect(wb.value("Strict", "A1")?.isoText == "00:00:00")
    #expect(wb.value("Strict", "B1")?.isoText == "2026-03-28")
    #expect(wb.value("Strict", "C1") == .number(1))
  }

  @Test func excelMadeStrict1904() throws {
    // ExcelDataReader's Strict copy of roo's 1904 workbook.
    let wb = try readFixture("corpus/exceldatareader-strict/roo_1904_base.xlsx")
    #expect(wb.dateSystem == .date1904)
    #expect(wb.value("Prices", "A1")?.isoText == "2009-06-15")
    #expect(wb.value("Prices", "A2")?.isoText == "2013-04-19")
  }

  @Test func excelMadeTimeSpans() throws {
    // ExcelDataReader issue 283: [h]:mm:ss durations beside dates at the 1900 leap-year bug.
    let wb = try readFixture("corpus/exceldatareader/Test_git_issue_283_TimeSpan.xlsx")
    #expect(wb.value("Sheet1", "A2") == .duration(seconds: 86_400))
    #expect(wb.value("Sheet1", "C1")?.isoText == "00:00:00")
    #expect(wb.value("Sheet1", "C5")?.isoText == "1900-02-28")
    #expect(wb.value("Sheet1", "C6")?.isoText == "1900-02-28")
    #expect(wb.value("Sheet1", "D6") == .number(60))
  }

  @Test func excelMade1904TimeOfDay() throws {
    let wb = try readFixture("corpus/exceljs/1904.xlsx")
    #expect(wb.dateSystem == .date1904)
    #expect(wb.value("Sheet1", "B4")?.isoText == "00:00:00")
  }

  @Test func issueInvalidOADateDoesNotCrash() throws {
    // ExcelDataReader issue 14: 1e12 under a date format crashed the first version (a
    // Double-to-Int64 trap in the civil-date conversion). It stays a number, as in calamine.
    let wb = try readFixture("corpus/exceldatareader/Test_git_issue_14_InvalidOADate.xlsx")
    #expect(wb.value("Sheet1", "A1") == .number(1e12))
  }
}
