import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// A cell's indentation comes from its cell format's alignment (`styles.xml` `<cellXfs><xf>
/// <alignment indent="n"/>`, ECMA-376 Part 1 §18.8.1): a flat list may give its tree by it.
@Suite struct CellIndentTests {
  /// A board plan made by openpyxl whose titles are indented 0, 2 and 4 steps by level.
  @Test func indentIsReadFromTheCellFormat() throws {
    let path = Fixture.repo("Tests/Fixtures/lindvik/variants/Verksamhetsplan indrag.xlsx").path
    let sheet = try #require(try XLSXReader.read(path: path).worksheets.first)
    let titles = sheet.rows.filter { $0.number >= 3 }.compactMap { $0.cell(column: 1) }
    #expect(titles.map(\.indent) == [0, 2, 4, 4, 2, 4, 0, 2, 4])
    // Cells of formats without an alignment, and the header row, are not indented.
    #expect(sheet.rows.flatMap(\.cells).filter { $0.column > 1 }.allSatisfy { $0.indent == 0 })
    #expect(sheet.row(2)?.cells.allSatisfy { $0.indent == 0 } == true)
  }

  @Test func aStyleSheetWithoutIndentsKeepsNoTable() {
    #expect(StyleSheet(cellFormats: [nil, nil], indents: [0, 0]).indents.isEmpty)
    let styles = StyleSheet(cellFormats: [nil, nil], indents: [0, 3])
    #expect(styles.indent(style: 1) == 3)
    #expect(styles.indent(style: 7) == 0)
  }
}
