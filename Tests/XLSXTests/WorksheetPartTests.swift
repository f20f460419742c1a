import Spreadsheet
import Testing
import XLSX

@Suite struct WorksheetPartTests {
  @Test func cellTypes() throws {
    let wb = try readFixture("made/cell-types.xlsx")
    #expect(wb.value("Sheet1", "A1") == .string("shared"))
    #expect(wb.value("Sheet1", "B1") == .number(1.5))
    #expect(wb.value("Sheet1", "C1") == .bool(true))
    #expect(wb.value("Sheet1", "D1") == .bool(false))
    #expect(wb.value("Sheet1", "E1") == .error("#DIV/0!"))
    #expect(wb.value("Sheet1", "C2") == .string("inline"))
    #expect(wb.value("Sheet1", "D2")?.isoText == "2026-03-31T10:15:00")
    #expect(wb.value("Sheet1", "E2")?.isoText == "2026-03-31")
    #expect(wb.value("Sheet1", "F2") == .number(-1.25))
    // Cells without a value (t="s" without <v>, styled empty, empty <v>) are empty.
    #expect(wb.worksheet(named: "Sheet1")?.row(3) == nil)
  }

  @Test func formulasKeepTextAndCachedValue() throws {
    let wb = try readFixture("made/cell-types.xlsx")
    let a2 = wb.cell("Sheet1", "A2")
    #expect(a2?.value == .string("ab"))
    #expect(a2?.formula == "\"a\"&\"b\"")
    #expect(wb.cell("Sheet1", "B2")?.formula == "SUM(B1,1)")
    #expect(wb.cell("Sheet1", "B2")?.value == .number(2.5))
    #expect(wb.cell("Sheet1", "F1")?.value == .error("#N/A"))
    #expect(wb.cell("Sheet1", "F1")?.formula == "NA()")
    #expect(wb.cell("Sheet1", "B1")?.formula == nil)
  }

  @Test func numberFormatIsKeptWhenNotGeneral() throws {
    let wb = try readFixture("made/cell-types.xlsx")
    #expect(wb.cell("Sheet1", "F2")?.numberFormat == "0.00")
    #expect(wb.cell("Sheet1", "B1")?.numberFormat == nil)
  }

  @Test func cellsWithoutReferenceFollowThePreviousCell() throws {
    let ws = try #require(try readFixture("made/no-cell-reference.xlsx").worksheet(named: "Sheet1"))
    // <c s="0"/> is empty but still takes column B, so the next cell is C1.
    #expect(ws.row(1)?.cells.map(\.column) == [1, 3])
    #expect(ws.cell(at: CellReference(row: 2, column: 2))?.value == .string("b"))
    // Rows out of order and a row given twice: sorted and merged when read whole.
    #expect(ws.rows.map(\.number) == [1, 2, 4, 5])
    #expect(ws.row(5)?.cells.map(\.value) == [.number(7), .number(5), .number(6)])
  }

  @Test func excelMadeRowsAndCellsWithoutReference() throws {
    // calamine issue 261: rows and cells without r; empty styled cells take columns.
    let wb = try readFixture("corpus/calamine/issue_261.xlsx")
    #expect(wb.value("Some Sheet", "A1") == .string("String Value 32"))
    #expect(wb.value("Some Sheet", "G7") == .number(901))
    #expect(wb.value("Some Sheet", "B7")?.isoText == "2023-03-15")
    #expect(wb.value("Some Sheet", "G10") == .string("String Value 39"))
  }

  @Test func wrongDimensionIsIgnored() throws {
    // ExcelDataReader issue 271: <dimension> says less than the sheet holds.
    let wb = try readFixture("corpus/exceldatareader/Test_git_issue_271_InvalidDimension.xlsx")
    #expect(wb.value("Sheet1", "A3") == .string("qweqwerqwerqwerqwer"))
    #expect(wb.value("Sheet1", "C9") == .number(3))
  }

  @Test func prefixedNamespace() throws {
    let wb = try readFixture("made/prefixed-namespace.xlsx")
    #expect(wb.worksheets.map(\.name) == ["Data"])
    #expect(wb.value("Data", "A1") == .string("prefixed"))
    #expect(wb.value("Data", "B1") == .number(42))
    #expect(wb.worksheets[0].mergedRanges.map(\.description) == ["A1:B1"])
    let other = try readFixture("corpus/calamine/nonstandard-xml-ns-prefix.xlsx")
    #expect(other.value("Sheet1", "B3") == .number(4))
  }

  @Test func mergedRanges() throws {
    let ws = try #require(try readFixture("made/merged.xlsx").worksheet(named: "Sheet1"))
    #expect(ws.mergedRanges.map(\.description) == ["A1:C1", "A2:A4"])
    #expect(ws.displayedValue(at: CellReference(row: 1, column: 3)) == .string("Mål"))
  }

  @Test func cellBeyondTheLastColumn() {
    let error = readError(xlsxFixture("made/column-out-of-range.xlsx"))
    #expect(error?.kind == .cellOutOfRange)
    #expect(error?.location?.cell?.a1 == "XFE1")
    #expect(error?.location?.sheet == "Sheet1")
  }

  @Test func rowBeyondTheLastRow() {
    let error = readError(xlsxFixture("made/row-out-of-range.xlsx"))
    #expect(error?.kind == .cellOutOfRange)
    #expect(error?.location?.row == 1_048_577)
    #expect(error?.message.contains("1048577") == true)
  }

  @Test func sharedStringIndexPastTheTable() {
    let error = readError(xlsxFixture("made/invalid-shared-string.xlsx"))
    #expect(error?.kind == .invalidSharedString)
    #expect(error?.location?.description.hasSuffix("'Sheet1'!B1") == true)
  }

  @Test func malformedXMLNamesPartLineAndColumn() {
    let error = readError(xlsxFixture("made/malformed-sheet.xlsx"))
    #expect(error?.kind == .malformedXML)
    #expect(error?.message.hasPrefix("xl/worksheets/sheet1.xml:2:") == true)
    #expect(error?.location?.sheet == "Sheet1")
  }

  @Test func outOfRangeCapsAreConfigurable() {
    var options = XLSXReadOptions()
    options.maxRows = 2
    #expect(readErrorCode(xlsxFixture("made/merged.xlsx"), options: options) == .cellOutOfRange)
    options = XLSXReadOptions()
    options.maxColumns = 1
    #expect(readErrorCode(xlsxFixture("made/cell-types.xlsx"), options: options) == .cellOutOfRange)
  }
}
