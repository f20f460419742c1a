import Spreadsheet
import Testing
import XLSX

/// Finding parts through relationships, whatever the zip looks like.
@Suite struct PackageTests {
  @Test func partsAtUnusualPlacesAreFoundThroughRelationships() throws {
    let reader = try XLSXReader(path: xlsxFixture("made/unusual-paths.xlsx"))
    #expect(reader.workbookPartName == "data/book.xml")
    #expect(reader.sheets.map(\.partName) == ["data/sheets/first sheet.xml", "other/second.xml"])
    let wb = try reader.workbook()
    #expect(wb.value("Första", "A1") == .string("found"))
    #expect(wb.value("Andra", "B2") == .number(2))
  }

  @Test func excelMadeWorkbookInAnotherFolder() throws {
    // SheetJS wtf_path.xlsx: the workbook lives in wtf/, not xl/.
    let wb = try readFixture("corpus/sheetjs/wtf_path.xlsx")
    #expect(wb.worksheets.map(\.name) == ["SheetJS", "Hidden"])
    #expect(wb.value("SheetJS", "D2") == .string("sheetjs"))
    #expect(wb.value("SheetJS", "C3")?.isoText == "2014-02-19T10:30:00")
    #expect(wb.worksheets[1].visibility == .hidden)
  }

  @Test func backslashZipPaths() throws {
    let wb = try readFixture("made/backslash-paths.xlsx")
    #expect(wb.value("Sheet1", "A1") == .number(1))
    let other = try readFixture("corpus/phpspreadsheet/Zip-Windows-Directory-Separator.xlsx")
    #expect(other.value("Sheet", "A1") == .string("Key ID"))
  }

  @Test func duplicateEntriesLastWins() throws {
    let wb = try readFixture("made/duplicate-entries.xlsx")
    #expect(wb.value("Sheet1", "A1") == .number(2))
    // POI's duplicate-filename.xlsx: the later sheet1.xml holds an inlineStr with only <v>.
    let poi = try readFixture("corpus/poi/duplicate-filename.xlsx")
    #expect(poi.worksheets[0].rows.isEmpty)
  }

  @Test func missingOptionalPartsAreNotErrors() throws {
    let wb = try readFixture("made/no-optional-parts.xlsx")
    #expect(wb.value("Sheet1", "A1") == .string("x"))
    #expect(wb.value("Sheet1", "B1") == .number(2))
  }

  @Test func utf16Parts() throws {
    let wb = try readFixture("made/utf16-parts.xlsx")
    #expect(wb.worksheets.map(\.name) == ["Blad1 åäö"])
    #expect(wb.value("Blad1 åäö", "A1") == .string("Förskola 🎈"))
    let php = try readFixture("corpus/phpspreadsheet/utf16be.xlsx")
    #expect(php.value("Sheet1", "A1") == .number(1))
  }

  @Test func ampersandInSheetName() throws {
    let reader = try XLSXReader(path: xlsxFixture("made/visibility.xlsx"))
    #expect(reader.sheets.last?.name == "R&D")
  }
}
