import Spreadsheet
import Testing
import XLSX

@Suite struct SharedStringTableTests {
  @Test func richTextRunsAreJoinedAndPhoneticRunsSkipped() throws {
    let wb = try readFixture("made/shared-strings.xlsx")
    #expect(wb.value("Sheet1", "A1") == .string("Mål 2026"))
    #expect(wb.value("Sheet1", "A2") == .string("東京"))
  }

  @Test func excelMadePhoneticRuns() throws {
    // POI bug 51519: Japanese text with furigana (<rPh>) saved by Excel.
    let wb = try readFixture("corpus/poi/51519.xlsx")
    #expect(wb.value("Sheet1", "B2") == .string("豊田"))
    #expect(wb.value("Sheet1", "C3") == .string("オラクル日本会社"))
  }

  @Test func escapesAreDecoded() throws {
    let wb = try readFixture("made/shared-strings.xlsx")
    #expect(wb.value("Sheet1", "A3") == .string("line\r\nbreak"))
    #expect(wb.value("Sheet1", "A4") == .string("A_x0030_B"))
    // A surrogate pair in two escapes is one character; a lone surrogate stays as written.
    #expect(wb.value("Sheet1", "A7") == .string("😀 and _xD801_ alone"))
  }

  @Test func whitespaceWithoutPreserveIsTrimmed() throws {
    let wb = try readFixture("made/shared-strings.xlsx")
    #expect(wb.value("Sheet1", "A5") == .string("trimmed"))
    #expect(wb.value("Sheet1", "A6") == .string("  kept  "))
  }

  @Test func excelMadeWhitespace() throws {
    // calamine's whitespace_trim.xlsx: inline strings with and without xml:space="preserve".
    let wb = try readFixture("corpus/calamine/whitespace_trim.xlsx")
    #expect(wb.value("inlineStr", "A1") == .string("trimmed value"))
    #expect(wb.value("inlineStr", "C1") == .string(" \t\n"))
    #expect(wb.value("inlineStr", "B2") == .string("  line1\nline2  "))
  }

  @Test func phpSpreadsheetEscapes() throws {
    // PhpSpreadsheet issue 4724: _x000D_, an escaped underscore, and surrogates.
    let wb = try readFixture("corpus/phpspreadsheet/issue.4724.xlsx")
    #expect(wb.value("Worksheet", "A1") == .string("line\r\nwith\r\nbreaks"))
    #expect(wb.value("Worksheet", "A2") == .string("A_x0030_B"))
    #expect(wb.value("Worksheet", "A3") == .string("ABC123DEF"))
    #expect(wb.value("Worksheet", "A6") == .string("_xD801_8"))
    #expect(wb.value("Worksheet", "A8") == .string("_xDF39__xDC05_"))
    // ECMA-376 Part 1 §22.4.2.4 gives `_xHHHH_` for any UTF-16 code unit, not only for
    // characters XML cannot carry; a literal `_xC1EF_` would have been written `_x005F_xC1EF_`.
    // So these are U+C1EF and the pair for U+10405. (The two reference readers keep both as
    // written: on this file python-calamine decodes only escapes below U+0100, and openpyxl
    // only `_x005F_`.)
    #expect(wb.value("Worksheet", "A4") == .string("\u{C1EF}"))
    #expect(wb.value("Worksheet", "A5") == .string("\u{10405}"))
  }

  @Test func tableIsExposed() throws {
    let reader = try XLSXReader(path: xlsxFixture("made/shared-strings.xlsx"))
    let table = try reader.sharedStrings()
    #expect(table.count == 7)
    #expect(table[0] == "Mål 2026")
    #expect(table[7] == nil)
  }

  @Test func missingTableIsEmpty() throws {
    let reader = try XLSXReader(path: xlsxFixture("made/no-optional-parts.xlsx"))
    #expect(try reader.sharedStrings().count == 0)
  }
}
