import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// The example of docs/xlsx-writer.md, kept here so that the documentation cannot rot.
@Suite struct WriterExampleTests {
  /// Writes a small board report sheet; returns the path.
  static func writeExample(to path: String) throws {
    // --- docs/xlsx-writer.md: example begins
    let writer = try XLSXWriter(
      path: path,
      options: XLSXWriteOptions(
        created: CivilDateTime(year: 2026, month: 5, day: 4), title: "Nämndrapport T1 2026"))

    let title = CellStyle(bold: true, fontSize: 14)
    let header = CellStyle(
      bold: true, fillColor: CellStyle.Color(rgb: 0xDDEBF7),
      border: .init(bottom: .init(.medium)), wrapText: true)
    let percent = CellStyle(numberFormat: CellStyle.FormatCode.percentOneDecimal)
    let kronor = CellStyle(numberFormat: CellStyle.FormatCode.kronor)
    let status = ConditionalFormat(
      range: CellRange("F3:F4")!,
      rules: [
        .init(
          .textEquals("Uppnått"),
          style: CellStyle(fontColor: .init(rgb: 0x006100), fillColor: .init(rgb: 0xC6EFCE))),
        .init(
          .textEquals("Ej uppnått"),
          style: CellStyle(fontColor: .init(rgb: 0x9C0006), fillColor: .init(rgb: 0xFFC7CE))),
      ])

    try writer.addWorksheet(
      name: "Nyckeltal",
      options: WorksheetOptions(
        columnWidths: [1: 44, 2: 12, 3: 12, 4: 14, 5: 12, 6: 14], frozenRows: 2,
        mergedRanges: [CellRange("A1:F1")!], conditionalFormats: [status]))
    try writer.writeRow([.string("Nyckeltal, Barn- och utbildningsnämnden, T1 2026", style: title)])
    try writer.writeRow(
      ["Nyckeltal", "Målvärde", "Utfall", "Kostnad", "Mätdatum", "Status"].map {
        .string($0, style: header)
      })
    try writer.writeRow([
      "Andel behöriga till yrkesprogram (N15419)", .number(0.88, style: percent),
      .number(0.842, style: percent), .number(1_250_000, style: kronor),
      .date(CivilDateTime(year: 2026, month: 4, day: 30)), "Ej uppnått",
    ])
    try writer.writeRow([
      "=Andel elever med godkänt", .number(0.9, style: percent), .number(0.93, style: percent),
      nil, .date(CivilDateTime(year: 2026, month: 4, day: 30)), "Uppnått",
    ])
    try writer.setAutoFilter(CellRange("A2:F4")!)
    try writer.close()
    // --- docs/xlsx-writer.md: example ends
  }

  @Test func exampleWritesTheReport() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/rapport.xlsx"
    try Self.writeExample(to: path)
    #expect(folder.contents == ["rapport.xlsx"])
    let sheet = try ZipDirectory.text("xl/worksheets/sheet1.xml", in: path)
    #expect(sheet.contains("<pane ySplit=\"2\" topLeftCell=\"A3\""))
    #expect(sheet.contains("<autoFilter ref=\"A2:F4\"/><mergeCells count=\"1\">"))
    #expect(sheet.contains("<c r=\"B3\" s=\"3\"><v>0.88</v></c>"))
    // Text that looks like a formula stays text, marked with quotePrefix.
    #expect(sheet.contains("<c r=\"A4\" s=\"6\" t=\"s\">"))
    #expect(!sheet.contains("<f>"))
    let styles = try ZipDirectory.text("xl/styles.xml", in: path)
    #expect(styles.contains("<numFmt numFmtId=\"165\" formatCode=\"#,##0\\ &quot;kr&quot;\"/>"))
    #expect(styles.contains("quotePrefix=\"1\""))
    let core = try ZipDirectory.text("docProps/core.xml", in: path)
    #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-05-04T00:00:00Z"))
  }
}
