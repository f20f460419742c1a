import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import XLSX

/// Page setup, print titles, header and footer, row heights and native charts: the parts the
/// writer adds so that a workbook prints and LibreOffice draws its charts without
/// recalculating.
@Suite struct WriterPrintAndChartTests {
  /// Writes a two-sheet workbook, the first with a page setup, a row height and a chart, and
  /// returns its parts by name.
  func parts(setup: PageSetup?, chart: Bool) throws -> [String: String] {
    let folder = try ScratchFolder()
    let path = folder.path + "/print.xlsx"
    let writer = try XLSXWriter(path: path)
    try writer.addWorksheet(
      name: "Nyckeltal", options: WorksheetOptions(frozenRows: 1, pageSetup: setup))
    try writer.writeRow([.string("Nyckeltal"), .string("Utfall")], at: 1)
    try writer.writeRow([.string("N15419"), .number(0.695)], at: 2, height: 45)
    if chart {
      try writer.insertChart(
        Chart(
          kind: .column, title: "NM-1 Kunskaper", categories: ["N15419"],
          categoriesReference: "Nyckeltal!$A$2:$A$2",
          series: [
            .init(
              name: "Utfall", values: [0.695], color: .init(rgb: 0x1F4E78),
              valuesReference: "Nyckeltal!$B$2:$B$2")
          ], numberFormat: "0.0%", minimum: 0),
        at: ChartAnchor(column: 4, row: 1, columns: 6, rows: 12))
    }
    try writer.addWorksheet(name: "Kontroll", options: WorksheetOptions(pageSetup: setup))
    try writer.writeRow([.string("Fel")])
    try writer.close()
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var out: [String: String] = [:]
    for entry in try ZipDirectory.read(bytes) {
      out[entry.name] = String(decoding: try ZipDirectory.contents(entry), as: UTF8.self)
    }
    return out
  }

  let landscape = PageSetup(
    orientation: .landscape, fitToWidth: 1, repeatRows: 1...1,
    header: "&LHofors kommun – Vård && omsorg&Ckvartal 3 2026", footer: "&RSida &P av &N")

  @Test func everySheetWithAPageSetupPrintsLandscapeA4OnePageWide() throws {
    let parts = try parts(setup: landscape, chart: false)
    for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
      let xml = try #require(parts[sheet])
      #expect(xml.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"), "\(sheet)")
      #expect(
        xml.contains(
          "<pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\"/>"
        ), "\(sheet)")
      #expect(
        xml.contains(
          "<headerFooter><oddHeader>&amp;LHofors kommun – Vård &amp;&amp; omsorg&amp;Ckvartal 3 2026"
            + "</oddHeader><oddFooter>&amp;RSida &amp;P av &amp;N</oddFooter></headerFooter>"),
        "\(sheet)")
      // pageMargins, pageSetup, headerFooter: the order ECMA-376 requires.
      let margins = try #require(xml.range(of: "<pageMargins"))
      let page = try #require(xml.range(of: "<pageSetup "))
      #expect(margins.lowerBound < page.lowerBound)
    }
    let workbook = try #require(parts["xl/workbook.xml"])
    #expect(
      workbook.contains(
        "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Nyckeltal'!$1:$1</definedName>"
      ))
    #expect(
      workbook.contains(
        "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'Kontroll'!$1:$1</definedName>"
      ))
  }

  @Test func manualPageBreaksAndAScale() throws {
    var setup = PageSetup(orientation: .landscape, rowBreaks: [31, 1, 16], scale: 80)
    setup.header = nil
    let xml = try #require(try parts(setup: setup, chart: false)["xl/worksheets/sheet1.xml"])
    #expect(xml.contains("<pageSetup paperSize=\"9\" scale=\"80\" orientation=\"landscape\"/>"))
    #expect(
      xml.contains(
        "<rowBreaks count=\"2\" manualBreakCount=\"2\"><brk id=\"15\" max=\"16383\" man=\"1\"/>"
          + "<brk id=\"30\" max=\"16383\" man=\"1\"/></rowBreaks>"))
    #expect(!xml.contains("fitToPage"))
  }

  @Test func withoutAPageSetupNothingChanges() throws {
    let parts = try parts(setup: nil, chart: false)
    let xml = try #require(parts["xl/worksheets/sheet1.xml"])
    #expect(!xml.contains("<pageSetup") && !xml.contains("<sheetPr>"))
    #expect(!(parts["xl/workbook.xml"] ?? "").contains("Print_Titles"))
  }

  @Test func aRowHeightIsWrittenOnItsRow() throws {
    let xml = try #require(try parts(setup: nil, chart: false)["xl/worksheets/sheet1.xml"])
    #expect(xml.contains("<row r=\"2\" ht=\"45\" customHeight=\"1\">"))
    #expect(xml.contains("<row r=\"1\">"))
  }

  @Test func aRowHeightOutsideExcelsRangeIsRefused() throws {
    let folder = try ScratchFolder()
    let writer = try XLSXWriter(path: folder.path + "/h.xlsx")
    try writer.addWorksheet(name: "A")
    #expect(throws: XLSXWriteError.self) { try writer.writeRow([.string("x")], at: 1, height: 500) }
    writer.discard()
  }

  @Test func aChartIsANativeDrawingMLPartWithCachedValuesAndExplicitColours() throws {
    let parts = try parts(setup: landscape, chart: true)
    let chart = try #require(parts["xl/charts/chart1.xml"])
    #expect(chart.contains("<c:barChart><c:barDir val=\"col\"/>"))
    #expect(chart.contains("<c:f>Nyckeltal!$B$2:$B$2</c:f><c:numCache>"))
    #expect(chart.contains("<c:pt idx=\"0\"><c:v>0.695</c:v></c:pt>"))
    #expect(chart.contains("<c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>N15419</c:v>"))
    #expect(chart.contains("<a:srgbClr val=\"1F4E78\"/>"))
    #expect(chart.contains("<c:min val=\"0\"/>"))
    #expect(!chart.contains("schemeClr"))
    let drawing = try #require(parts["xl/drawings/drawing1.xml"])
    #expect(drawing.contains("<xdr:from><xdr:col>3</xdr:col>"))
    #expect(drawing.contains("r:id=\"rId1\""))
    #expect(
      parts["xl/drawings/_rels/drawing1.xml.rels"]?.contains("Target=\"../charts/chart1.xml\"")
        == true)
    #expect(
      parts["xl/worksheets/_rels/sheet1.xml.rels"]?.contains(
        "Target=\"../drawings/drawing1.xml\"") == true)
    #expect(parts["xl/worksheets/_rels/sheet2.xml.rels"] == nil)
    let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
    #expect(sheet.hasSuffix("<drawing r:id=\"rId1\"/></worksheet>"))
    let types = try #require(parts["[Content_Types].xml"])
    #expect(types.contains("PartName=\"/xl/charts/chart1.xml\""))
    #expect(types.contains("PartName=\"/xl/drawings/drawing1.xml\""))
  }

  @Test func ourReaderStillReadsAWorkbookWithChartsAndPageSetup() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/read.xlsx"
    let writer = try XLSXWriter(path: path)
    try writer.addWorksheet(name: "A", options: WorksheetOptions(pageSetup: landscape))
    try writer.writeRow([.string("Utfall"), .number(3)], at: 1, height: 30)
    try writer.insertChart(
      Chart(
        kind: .line, categories: ["2025"],
        series: [.init(name: "Utfall", values: [3], color: .init(rgb: 0x000000))]),
      at: ChartAnchor(column: 3, row: 1, columns: 4, rows: 4))
    try writer.close()
    let workbook = try XLSXReader(path: path).workbook()
    #expect(workbook.worksheets.first?.cell(at: CellReference("B1")!)?.value == .number(3))
  }

  @Test func aChartWithoutSeriesIsRefused() throws {
    let folder = try ScratchFolder()
    let writer = try XLSXWriter(path: folder.path + "/c.xlsx")
    try writer.addWorksheet(name: "A")
    #expect(throws: XLSXWriteError.self) {
      try writer.insertChart(
        Chart(kind: .column, categories: ["a"], series: []),
        at: ChartAnchor(column: 1, row: 1, columns: 2, rows: 2))
    }
    writer.discard()
  }

  // MARK: Text width

  @Test(arguments: [
    ("Minst 80 %", 20.0, 1), ("", 10.0, 1),
    ("Eleverna i årskurs 9 som uppnått kunskapskraven i alla ämnen", 20.0, 4),
    ("rad ett\nrad två\nrad tre", 40.0, 3),
  ])
  func linesOfWrappedText(text: String, width: Double, lines: Int) {
    #expect(TextWidth.lines(text, width: width) == lines)
  }

  @Test func widthsFollowExcelsCalibriMetrics() {
    // rust_xlsxwriter's pixel widths: 'W' 13, 'i' 4, a digit 7.
    #expect(TextWidth.pixels("Wi0") == 24)
    #expect(TextWidth.columnPixels(8.43) == 64)
    #expect(TextWidth.rowHeight(String(repeating: "abcdefgh ", count: 10), width: 20) == 75)
  }
}
