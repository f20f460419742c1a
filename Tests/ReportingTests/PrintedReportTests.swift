import Canonical
import Foundation
import Reporting
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// What makes the report print: every sheet has a page setup (landscape A4, one page wide),
/// repeated header rows (print titles), a header and footer with page numbers, and row
/// heights for wrapped text; the charts sheet holds native charts.
@Suite struct PrintedReportTests {
  func written() throws -> (ScratchFolder, String) {
    let folder = try ScratchFolder()
    let path = folder.path + "/rapport.xlsx"
    try ReportWorkbookBuilder(created: ReportWorkbookBuilderTests.created)
      .write(try HoforsFixture.report(), to: path)
    return (folder, path)
  }

  @Test func everySheetHasPageSetupPrintTitlesAndPageNumbers() throws {
    let (folder, path) = try written()
    defer { _ = folder }
    let entries = try ZipDirectory.read(path: path)
    let sheets = entries.filter {
      $0.name.hasPrefix("xl/worksheets/sheet") && $0.name.hasSuffix(".xml")
    }
    #expect(sheets.count >= 7)
    for entry in sheets {
      let xml = String(decoding: try ZipDirectory.contents(entry), as: UTF8.self)
      // Landscape A4; tables one page wide, the charts sheet at 80 % with a page break after
      // every second chart (a fitted sheet would ignore the breaks and cut charts in two).
      #expect(xml.contains("<pageSetup paperSize=\"9\""), "\(entry.name)")
      #expect(xml.contains("orientation=\"landscape\"/>"), "\(entry.name)")
      let fitted =
        xml.contains("<pageSetUpPr fitToPage=\"1\"/>")
        && xml.contains("fitToWidth=\"1\" fitToHeight=\"0\"")
      let charts = xml.contains("scale=\"80\"") && xml.contains("<rowBreaks count=")
      #expect(fitted || charts, "\(entry.name)")
      #expect(xml.contains("Sida &amp;P av &amp;N"), "\(entry.name)")
      #expect(xml.contains("Hofors kommun – Barn- och utbildningsnämnden"), "\(entry.name)")
      #expect(xml.contains("Rapportdatum 2026-04-15"), "\(entry.name)")
    }
    let workbook = try ZipDirectory.text("xl/workbook.xml", in: path)
    // Every sheet repeats its header row; the charts sheet its heading row.
    let titles = workbook.components(separatedBy: "_xlnm.Print_Titles").count - 1
    #expect(titles == sheets.count)
    #expect(workbook.contains("'Diagram'!$1:$1</definedName>"))
    #expect(workbook.contains("localSheetId=\"1\">'Måluppfyllelse'!$1:$1</definedName>"))
  }

  @Test func wrappedTextGetsARowHeight() throws {
    let (folder, path) = try written()
    defer { _ = folder }
    let goals = try ZipDirectory.text("xl/worksheets/sheet2.xml", in: path)
    #expect(goals.contains("customHeight=\"1\""))
    let kontroll = try ZipDirectory.text("xl/worksheets/sheet8.xml", in: path)
    #expect(kontroll.contains(" ht=\"30\"") || kontroll.contains(" ht=\"45\""))
  }

  @Test func theChartsSheetHasAColumnChartPerNämndmålWithCachedValues() throws {
    let (folder, path) = try written()
    defer { _ = folder }
    let entries = try ZipDirectory.read(path: path)
    let charts = entries.filter { $0.name.hasPrefix("xl/charts/chart") }
    #expect(!charts.isEmpty)
    let first = String(decoding: try ZipDirectory.contents(charts[0]), as: UTF8.self)
    #expect(first.contains("<c:barChart>"))
    #expect(first.contains("<c:numCache>") && first.contains("<c:strCache>"))
    #expect(first.contains("<c:v>Utfall</c:v>") && first.contains("<c:v>Målvärde</c:v>"))
    let workbook = try XLSXReader(path: path).workbook()
    #expect(workbook.worksheets.map(\.name).contains("Diagram"))
  }
}
