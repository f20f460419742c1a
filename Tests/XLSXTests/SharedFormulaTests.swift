import Spreadsheet
import Testing

@testable import XLSX

/// Shared formulas: every cell of the range gets its own formula text. Expected values are
/// those of openpyxl's `Translator` for the same formulas.
@Suite struct SharedFormulaTests {
  @Test(arguments: [
    ("B1*2", "C1", "C2", "B2*2"),
    ("$B$1*2", "C1", "D5", "$B$1*2"),
    ("SUM(A1:B2)", "C3", "E4", "SUM(C2:D3)"),
    ("A$1+$A1", "B2", "D4", "C$1+$A3"),
    ("Sheet2!A1+'My Sheet'!B2", "C1", "C3", "Sheet2!A3+'My Sheet'!B4"),
    ("\"A1\"&A1", "B1", "B2", "\"A1\"&A2"),
    ("LOG10(A1)", "B1", "B3", "LOG10(A3)"),
    ("SUM(A:A)+SUM(1:1)", "B2", "C3", "SUM(B:B)+SUM(2:2)"),
    ("Table1[Col]+A1", "B1", "B2", "Table1[Col]+A2"),
    ("IF(A1>0,TRUE,FALSE)", "B1", "C2", "IF(B2>0,TRUE,FALSE)"),
    ("A1+1.5E3", "B1", "B2", "A2+1.5E3"),
    ("SUM($A1:A$2)", "C3", "D4", "SUM($A2:B$2)"),
    ("A1-1", "B2", "B1", "#REF!-1"),
  ])
  func movesRelativeReferences(formula: String, from: String, to: String, expected: String) throws {
    let a = try #require(CellReference(from))
    let b = try #require(CellReference(to))
    #expect(
      SharedFormula.translate(formula, rows: b.row - a.row, columns: b.column - a.column)
        == expected)
  }

  @Test func excelMadeSharedFormulas() throws {
    // calamine's shared_formula_simple.xlsx: B1 holds A1*2 for B1:B3.
    let simple = try readFixture("corpus/calamine/shared_formula_simple.xlsx")
    let sheet = try #require(simple.worksheets.first?.name)
    #expect(simple.cell(sheet, "B1")?.formula == "A1*2")
    #expect(simple.cell(sheet, "B3")?.formula == "A3*2")
    // calamine's column_row_ranges.xlsx: whole-column and whole-row ranges.
    let ranges = try readFixture("corpus/calamine/column_row_ranges.xlsx")
    let first = ranges.worksheets[0].name
    let second = ranges.worksheets[1].name
    #expect(ranges.cell(first, "C1")?.formula == "SUM(G:H)")
    #expect(ranges.cell(first, "A4")?.formula == "SUM(E:F)")
    #expect(ranges.cell(second, "E1")?.formula == "SUM(5:6)")
    #expect(ranges.cell(second, "D3")?.formula == "SUM(7:8)")
  }

  @Test func sharedFormulasAcrossTheTwoParsers() throws {
    let path = xlsxFixture("corpus/calamine/column_row_ranges.xlsx")
    let one = try XLSXReader.read(path: path, options: WorksheetPipelineTests.sequential())
    let two = try XLSXReader.read(
      path: path, options: WorksheetPipelineTests.parallel(segment: 1))
    #expect(one == two)
  }
}
