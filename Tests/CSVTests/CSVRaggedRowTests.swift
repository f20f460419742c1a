import Spreadsheet
import Testing

@testable import CSV

@Suite struct CSVRaggedRowTests {
  let path = csvFixture("ragged.csv")

  @Test func padKeepsEveryFieldAndReports() throws {
    let result = try CSVReader.readResult(path: path)
    let cells = cellMap(result.workbook)
    #expect(cells["B3"] == "2" && cells["C3"] == nil)
    #expect(cells["D4"] == "extra")
    #expect(
      result.diagnostics.map { [$0.location?.line, $0.location?.row] } == [[3, 3], [4, 4]])
    #expect(result.diagnostics.allSatisfy { $0.code == "ragged-row" && $0.severity == .warning })
  }

  @Test func skipLeavesRaggedRecordsOut() throws {
    let result = try CSVReader.readResult(path: path, options: .init(raggedRows: .skip))
    #expect(result.workbook.worksheets[0].rows.map(\.number) == [1, 2, 6])
    #expect(result.diagnostics.count == 2)
  }

  @Test func errorStopsAtTheFirstRaggedRecord() {
    let error = csvError { _ = try CSVReader.read(path: path, options: .init(raggedRows: .error)) }
    #expect(error?.code == "ragged-row")
    #expect(error?.location == .text(path, line: 3))
  }

  @Test func titleLinesAboveTheTableAreNotRagged() throws {
    let result = try CSVReader.readResult(
      path: csvFixture("skolverket-two-row-header.csv"), options: .init(raggedRows: .skip))
    let numbers = result.workbook.worksheets[0].rows.map(\.number)
    #expect(numbers.prefix(5) == [1, 3, 4, 6, 7])
    #expect(result.diagnostics.map(\.location?.line) == [15, 17])
  }

  @Test func policyNamesAreTheMappingWords() {
    #expect(CSVReadOptions.RaggedRowPolicy.allCases.map(\.rawValue) == ["pad", "error", "skip"])
  }
}
