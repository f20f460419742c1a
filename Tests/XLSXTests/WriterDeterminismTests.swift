import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import XLSX

/// Same input, same bytes: fixed part order and time stamps, whatever the threads, spool or
/// level of parallelism.
@Suite struct WriterDeterminismTests {
  /// A workbook with two sheets, styles, merges, a filter and enough rows for many chunks.
  func write(_ path: String, options: XLSXWriteOptions) throws {
    let writer = try XLSXWriter(path: path, options: options)
    let header = CellStyle(bold: true, fillColor: .init(rgb: 0xDDEBF7), border: .all(.thin))
    try writer.addWorksheet(
      name: "Nyckeltal",
      options: WorksheetOptions(columnWidths: [1: 40, 2: 12], frozenRows: 2))
    try writer.mergeCells(CellRange("A1:D1")!)
    try writer.writeRow([.string("Nyckeltal T1 2026", style: CellStyle(bold: true, fontSize: 14))])
    try writer.writeRow(
      ["Nyckeltal", "Utfall", "Datum", "Klar"].map { .string($0, style: header) })
    let percent = CellStyle(numberFormat: CellStyle.FormatCode.percent)
    for row in 0..<30_000 {
      try writer.writeRow([
        .string("Nyckeltal \(row % 97)"), .number(Double(row % 1000) / 1000, style: percent),
        .date(CivilDateTime(year: 2026, month: 1, day: 1 + row % 28)), .bool(row % 3 == 0),
      ])
    }
    try writer.setAutoFilter(CellRange("A2:D30002")!)
    try writer.addWorksheet(name: "Kontroll")
    try writer.writeRow(["Fil", "Cell", "Fel"])
    try writer.writeRow(["enhet.xlsx", "'Mål'!B7", "value \"n/a\" is not a number"])
    try writer.close()
  }

  func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  @Test(arguments: [0, 1, 6, 9])
  func sameInputSameBytes(level: Int) throws {
    let folder = try ScratchFolder()
    let created = CivilDateTime(year: 2026, month: 4, day: 30)
    try write(folder.path + "/a.xlsx", options: .init(compressionLevel: level, created: created))
    try write(
      folder.path + "/b.xlsx",
      options: .init(compressionLevel: level, created: created, compressionThreads: 0))
    try write(
      folder.path + "/c.xlsx",
      options: .init(compressionLevel: level, created: created, compressionThreads: 3))
    let a = try bytes(folder.path + "/a.xlsx")
    // Enough XML for many 128 KiB deflate chunks, so that threads finish them out of order.
    let sheet = try #require(
      try ZipDirectory.read(path: folder.path + "/a.xlsx").first {
        $0.name == "xl/worksheets/sheet1.xml"
      })
    #expect(sheet.size > 16 * 128 * 1024)
    #expect(try bytes(folder.path + "/b.xlsx") == a)
    #expect(try bytes(folder.path + "/c.xlsx") == a)
    #expect(folder.contents == ["a.xlsx", "b.xlsx", "c.xlsx"])
  }

  @Test func partOrderAndTimeStamps() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/order.xlsx"
    try write(path, options: .init())
    let entries = try ZipDirectory.read(path: path)
    #expect(
      entries.map(\.name) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
        "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
      ])
    // 1980-01-01 00:00 in MS-DOS date and time fields; deflate throughout; no ZIP64 extras.
    #expect(entries.allSatisfy { $0.dosDate == 0x21 && $0.dosTime == 0 })
    #expect(entries.allSatisfy { $0.method == 8 && $0.localExtraLength == 0 })
    for entry in entries { _ = try ZipDirectory.contents(entry) }  // CRC and size check out
    let sheet = try ZipDirectory.text("xl/worksheets/sheet1.xml", in: path)
    #expect(sheet.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"))
    #expect(sheet.contains("<row r=\"30002\">"))
    #expect(sheet.hasSuffix("</worksheet>"))
  }

  @Test func inlineStringsNeedNoSharedStringPart() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/inline.xlsx"
    try write(path, options: .init(sharedStrings: false))
    let names = try ZipDirectory.read(path: path).map(\.name)
    #expect(!names.contains("xl/sharedStrings.xml"))
    #expect(!(try ZipDirectory.text("[Content_Types].xml", in: path)).contains("sharedStrings"))
    #expect(
      try ZipDirectory.text("xl/worksheets/sheet2.xml", in: path).contains(
        "<c r=\"A1\" t=\"inlineStr\"><is><t>Fil</t></is></c>"))
  }

  @Test func replacingAnExistingFile() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/report.xlsx"
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    try write(path, options: .init())
    #expect(try ZipDirectory.read(path: path).count == 10)
    #expect(folder.contents == ["report.xlsx"])
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o044 } == 0o044)
  }
}
