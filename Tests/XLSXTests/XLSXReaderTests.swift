import Spreadsheet
import Testing
import XLSX

@Suite struct XLSXReaderTests {
  @Test func listsSheetsWithVisibilityAndKind() throws {
    let reader = try XLSXReader(path: xlsxFixture("made/visibility.xlsx"))
    #expect(reader.sheets.map(\.name) == ["Synlig", "Dold", "Mycket dold", "Diagram", "R&D"])
    #expect(
      reader.sheets.map(\.visibility) == [.visible, .hidden, .veryHidden, .visible, .visible])
    #expect(
      reader.sheets.map(\.kind) == [.worksheet, .worksheet, .worksheet, .chartsheet, .worksheet])
    #expect(reader.sheets[3].partName == "xl/chartsheets/sheet1.xml")
    #expect(reader.sheet(named: "mycket DOLD")?.index == 2)
  }

  @Test func errorCellsKeepTheirErrorValue() throws {
    // calamine's pivots.xlsx, saved by Excel: `<c t="e"><f>1/0</f><v>#DIV/0!</v></c>` is the
    // error Excel shows (ECMA-376 Part 1 §18.18.11, ST_CellType `e`), not an empty cell.
    // (The shared corpus's only oracle for this file, python-calamine, leaves error cells out.)
    let wb = try readFixture("corpus/calamine/pivots.xlsx")
    for sheet in ["DataSheet", "DataSheet2"] {
      #expect(wb.value(sheet, "J5") == .error("#DIV/0!"))
      #expect(wb.value(sheet, "G8") == .error("#DIV/0!"))
      #expect(wb.value(sheet, "H8") == .bool(false))
    }
  }

  @Test func chartsheetHasNoRows() throws {
    let reader = try XLSXReader(path: xlsxFixture("made/visibility.xlsx"))
    let rows = try reader.rows(of: reader.sheets[3])
    #expect(try rows.next() == nil)
    let workbook = try reader.workbook()
    #expect(workbook.worksheets[3].rows.isEmpty)
    #expect(workbook.value("Mycket dold", "A1") == .number(3))
  }

  @Test func excelMadeVisibilityAndChartsheet() throws {
    // calamine's any_sheets.xlsx: saved by Excel 16 with hidden, very hidden and chart tabs.
    let workbook = try readFixture("corpus/calamine/any_sheets.xlsx")
    #expect(workbook.worksheets.map(\.name) == ["Visible", "Hidden", "VeryHidden", "Chart"])
    #expect(workbook.worksheets.map(\.visibility) == [.visible, .hidden, .veryHidden, .visible])
    #expect(workbook.worksheets[3].kind == .chartsheet)
    #expect(workbook.value("Visible", "B3") == .number(6))
  }

  @Test func streamsRowsOneAtATime() throws {
    let reader = try XLSXReader(path: xlsxFixture("made/merged.xlsx"))
    let rows = try reader.rows(of: reader.sheets[0])
    let first = try rows.next()
    #expect(first?.number == 1)
    #expect(first?.cells.map(\.value) == [.string("Mål")])
    let second = try rows.next()
    #expect(second?.number == 3)
    #expect(try rows.next() == nil)
    #expect(try rows.next() == nil)
    #expect(rows.mergedRanges.map(\.description) == ["A1:C1", "A2:A4"])
  }

  @Test func forEachVisitsEveryRow() throws {
    let reader = try XLSXReader(path: xlsxFixture("corpus/calamine/issue_261.xlsx"))
    var numbers: [Int] = []
    try reader.rows(of: reader.sheets[0]).forEach { numbers.append($0.number) }
    #expect(numbers.first == 1)
    #expect(numbers == numbers.sorted())
    #expect(numbers.count > 20)
  }

  @Test func readWholeWorkbook() throws {
    let workbook = try XLSXReader.read(path: xlsxFixture("made/cell-types.xlsx"))
    #expect(workbook.format == .xlsx)
    #expect(workbook.dateSystem == .date1900)
    #expect(workbook.path.hasSuffix("cell-types.xlsx"))
    #expect(workbook.worksheets.count == 1)
  }

  @Test func readmeExample() throws {
    // The example of XLSXReader's documentation.
    let reader = try XLSXReader(path: xlsxFixture("made/visibility.xlsx"))
    var seen: [String] = []
    for sheet in reader.sheets where sheet.kind == .worksheet {
      let rows = try reader.rows(of: sheet)
      while let row = try rows.next() {
        seen.append("\(sheet.name) \(row.number) \(row.cells.count)")
      }
    }
    #expect(seen == ["Synlig 1 1", "Dold 1 1", "Mycket dold 1 1", "R&D 1 1"])
  }
}
