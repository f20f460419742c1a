import Reporting
import Testing

/// Numbers as the workbook gets them: shares as fractions, rounded to 10 significant digits.
@Suite struct ReportCellTests {
  @Test(
    arguments: [
      (71.2 / 100, 0.712), (0.7120000000000001, 0.712), (81.9 / 100, 0.819),
      (0.2777777777777778, 0.2777777778), (0.33333333333333337, 0.3333333333),
      (-0.30000000000000004, -0.3), (139_210, 139_210), (211.3, 211.3), (5.4, 5.4),
      (123_456_789_012.5, 123_456_789_000), (0.000_012_345_678_901_23, 0.000_012_345_678_90),
      (0, 0), (1, 1), (99_999_999_995, 100_000_000_000),
    ] as [(Double, Double)])
  func roundsToTenSignificantDigits(value: Double, expected: Double) {
    #expect(ReportCell.rounded(value) == expected)
  }

  @Test func infinitiesAndTinyNumbersAreLeftAlone() {
    #expect(ReportCell.rounded(.infinity) == .infinity)
    #expect(ReportCell.rounded(.nan).isNaN)
    #expect(ReportCell.rounded(1e-300) == 1e-300)
  }

  @Test func fewerDigitsOnRequest() {
    #expect(ReportCell.rounded(2.0 / 3, significantDigits: 3) == 0.667)
    #expect(ReportCell.rounded(1234.5, significantDigits: 2) == 1200)
  }

  @Test func aShareIsWrittenAsAFraction() {
    #expect(ReportCell.number(71.2, .percent).workbookNumber == 0.712)
    #expect(ReportCell.number(74.5, .percent).workbookNumber == 0.745)
    #expect(ReportCell.number(221.4, .decimal).workbookNumber == 221.4)
    #expect(ReportCell.count(7).workbookNumber == 7)
    #expect(ReportCell.text("7").workbookNumber == nil)
    #expect(ReportCell.number(nil).workbookNumber == nil)
  }
}
