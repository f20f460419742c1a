import Canonical
import Spreadsheet
import Testing

@testable import Mapping

/// An outcome's period named in its column's header ("Utfall kvartal 3") takes its year from
/// the file's own period, never from the period being collected.
@Suite struct HeaderPeriodTests {
  @Test(arguments: [
    ("Utfall kvartal 3", Period.quarter(3, 2025), Period.quarter(3, 2025)),
    ("Utfall kvartal 2", .quarter(3, 2026), .quarter(2, 2026)),
    ("Utfall T2 2026", .tertial(2, 2026), .tertial(2, 2026)),
    ("Utfall\n2024", .quarter(3, 2026), .year(2024)),
    ("Utfall kvartal 1", .schoolYear(2025), .quarter(1, 2026)),  // the läsår's spring
    ("Utfall kvartal 3", .schoolYear(2025), .quarter(3, 2025)),  // and its autumn
  ])
  func headerNamesAPeriod(header: String, file: Period, expected: Period) {
    #expect(MappingRun.period(inHeader: header, file: file) == expected)
  }

  @Test(arguments: ["Utfall", "Resultat 3", "Utfall i procent"])
  func headerNamesNoPeriod(header: String) {
    #expect(MappingRun.period(inHeader: header, file: .quarter(3, 2026)) == nil)
  }

  @Test func aYearlessHeaderWithoutAFilePeriodNamesNone() {
    #expect(MappingRun.period(inHeader: "Utfall kvartal 3", file: nil) == nil)
  }

  /// Last year's follow-up: the title block and the header say kvartal 3 of 2025; the
  /// outcomes are 2025's, whatever period is being collected.
  @Test func lastYearsFileKeepsItsOwnYear() throws {
    let book = workbook(
      "Arbetsplan 2025.xlsx",
      worksheet(
        "Nyckeltal",
        [
          ["Period:", "Kvartal 3 2025"], [],
          ["Nyckeltal", "Utfall kvartal 3", "Utfall kvartal 2"],
          ["Behöriga lärare", "81,5", "80"],
        ]))
    let m = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      context:
        period: { label: Period, type: period }
      tables:
        - entity: kpi
          header: { find: [Nyckeltal] }
          fields:
            name: Nyckeltal
            id: { value: "K-{row}" }
            outcome: { column_regex: "^Utfall kvartal 3" }
        - entity: kpi
          header: { find: [Nyckeltal] }
          fields:
            name: Nyckeltal
            id: { value: "K-{row}" }
            outcome: { column_regex: "^Utfall kvartal 2" }
      """)
    let r = m.map(book)
    #expect(r.diagnostics.isEmpty)
    #expect(
      r.dataset.measurements.map { "\($0.period?.id ?? "-") \($0.value ?? 0)" } == [
        "2025-Q3 81.5", "2025-Q2 80.0",
      ])
  }
}
