import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import XLSX

/// Shapes of real workbooks that once failed a whole read: an empty shared-string value, and
/// sheets with no relationship to read. Each is read by every path: one parser or two, with
/// and without the element scanner.
@Suite struct ReaderFaultTests {
  static let paths: [(name: String, options: XLSXReadOptions)] = {
    var result: [(String, XLSXReadOptions)] = []
    for scans in [true, false] {
      var one = WorksheetPipelineTests.sequential()
      one.scansPlainRows = scans
      result.append(("one parser, scanner \(scans)", one))
      for segment in [1, 4096] {
        var two = WorksheetPipelineTests.parallel(segment: segment)
        two.scansPlainRows = scans
        result.append(("two parsers (\(segment)), scanner \(scans)", two))
      }
    }
    return result
  }()

  @Test func anEmptySharedStringValueIsAnEmptyCell() throws {
    for path in Self.paths {
      let workbook = try XLSXReader.read(
        path: xlsxFixture("made/empty-shared-string-value.xlsx"), options: path.options)
      let rows = workbook.worksheets[0].rows
      #expect(rows.count == 2, "\(path.name)")
      #expect(rows.first?.cells.map(\.column) == [1, 4], "\(path.name)")
      #expect(workbook.value("Sheet1", "A1") == .string("Mål-id"), "\(path.name)")
      #expect(workbook.value("Sheet1", "B1") == nil, "\(path.name)")
      #expect(workbook.value("Sheet1", "C1") == nil, "\(path.name)")
      #expect(workbook.value("Sheet1", "D1") == .string("Status"), "\(path.name)")
      #expect(workbook.value("Sheet1", "A2") == nil, "\(path.name)")
      #expect(workbook.value("Sheet1", "B2") == .number(42), "\(path.name)")
      #expect(workbook.value("Sheet1", "C2") == .string("Pågår"), "\(path.name)")
    }
  }

  @Test func aSharedStringIndexPastTheTableIsStillAnError() {
    // Only an empty value is an empty cell; a real index outside the table stays an error.
    #expect(readErrorCode(xlsxFixture("made/invalid-shared-string.xlsx")) == .invalidSharedString)
  }

  @Test func sheetsWithNoRelationshipAreSkippedWithAWarning() throws {
    let path = xlsxFixture("made/empty-relationship-id.xlsx")
    for read in Self.paths {
      let reader = try XLSXReader(path: path, options: read.options)
      #expect(reader.sheets.map(\.name) == ["Mål", "Data"], "\(read.name)")
      let workbook = try reader.workbook()
      #expect(workbook.worksheets.map(\.name) == ["Mål", "Data"], "\(read.name)")
      #expect(workbook.value("Mål", "A1") == .string("Mål-id"), "\(read.name)")
      #expect(workbook.value("Data", "A1") == .number(7), "\(read.name)")
    }
    let workbook = try XLSXReader.read(path: path)
    #expect(workbook.diagnostics.map(\.code) == ["skipped-sheet", "skipped-sheet"])
    let hidden = workbook.diagnostics[0]
    #expect(hidden.severity == .warning)
    #expect(hidden.location == SourceLocation(file: path, sheet: "x"))
    #expect(hidden.message.contains("sheet 'x' (veryHidden) has an empty relationship id"))
    let unknown = workbook.diagnostics[1]
    #expect(unknown.location == SourceLocation(file: path, sheet: "Saknas"))
    #expect(
      unknown.message.contains(
        "names relationship 'rId9', which 'xl/_rels/workbook.xml.rels' does not have"))
  }
}
