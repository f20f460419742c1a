import Canonical
import Spreadsheet
import Testing

@testable import Mapping

/// The example in `Mapper`'s documentation, run as written.
@Suite struct MapperDocumentationTests {
  @Test func documentedExample() throws {
    let workbook = workbook(
      "kolada.csv",
      worksheet(
        "kolada",
        [
          ["gender", "count", "status", "value", "kpi", "year", "municipality_id"],
          ["T", "1", "", "31.32959689", "N00945", "2000", "180"],
          ["T", "1", "", "28.36722648", "N00945", "2000", "1280"],
          ["T", "1", "", "33.23952169", "N00945", "2000", "1480"],
          ["K", "1", "", "30.1", "N00945", "2001", "180"],
          ["M", "1", "", "29.9", "N00945", "2001", "180"],
          ["T", "1", "", "n/a", "N00945", "2001", "180"],
        ], csvLines: true))
    let mapping = try MappingFile.load(
      yaml: """
        mapping: kolada-values
        version: 1
        match: { file: "*.csv" }
        tables:
          - entity: measurement
            fields:
              kpi: kpi
              unit: { column: municipality_id, type: code, digits: 4 }
              period: year
              gender: gender
              value: value
        """)
    let result = Mapper(mapping: mapping, reference: .empty).map(workbook)
    #expect(result.dataset.measurements.count == 5)  // one per data row
    #expect(result.dataset.measurements.first?.unitID == "0180")
    #expect(result.dataset.measurements.first?.provenance?.cell == "E2")  // the kpi cell
    #expect(
      result.diagnostics.map(\.description) == [
        "kolada.csv:7 (D7): error: 'n/a' is not a number [type-error]\n  hint: write a number such as '4 102' or '47,8'"
      ])
  }
}
