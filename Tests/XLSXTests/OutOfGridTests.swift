import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import XLSX

/// Row numbers and cell references that no grid has are named errors whose message and
/// location agree, with one parser and with two (the same error, first in the part).
@Suite struct OutOfGridTests {
  static let main = HostileFileTests.main

  func book(_ rows: String) throws -> String {
    try CraftedZip.write(
      CraftedZip.workbook(
        sheetXML: .stored(
          "xl/worksheets/sheet1.xml",
          "<worksheet xmlns=\"\(Self.main)\"><sheetData>\(rows)</sheetData></worksheet>")),
      name: "grid.xlsx")
  }

  /// The error of a one-parser read, checked to be the error of a two-parser read too.
  func error(_ path: String) -> XLSXError? {
    let one = readError(path, options: WorksheetPipelineTests.sequential())
    let two = readError(path, options: WorksheetPipelineTests.parallel(segment: 16))
    #expect(one?.kind == two?.kind)
    #expect(one?.message == two?.message)
    #expect(one?.location == two?.location)
    return one
  }

  @Test(arguments: ["0", "-5", "99999999999999999999999", "1048577"])
  func rowNumberOffTheGrid(number: String) throws {
    let path = try book(
      "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row r=\"\(number)\"><c><v>1</v></c></row>")
    let e = error(path)
    #expect(e?.kind == .cellOutOfRange)
    #expect(e?.message.contains(number) == true)
    // The location names the sheet and no cell that the message does not name.
    #expect(e?.location?.sheet == "Sheet1")
    if let cell = e?.location?.cell { #expect(e?.message.contains(cell.a1) == true) }
  }

  @Test(arguments: [
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1", "A99999999999999999999999999", "A0", "XFE1", "A1048577",
  ])
  func cellReferenceOffTheGrid(reference: String) throws {
    let path = try book("<row r=\"1\"><c r=\"\(reference)\"><v>1</v></c></row>")
    let e = error(path)
    #expect(e?.kind == .cellOutOfRange)
    #expect(e?.message.contains(reference) == true)
    if let cell = e?.location?.cell {
      #expect(e?.message.contains(cell.a1) == true)
    }
  }

  @Test func rowsWithinTheGridRead() throws {
    let path = try book(
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\"><c r=\"XFD1048576\"><v>2</v>"
        + "</c></row><row><c><v>3</v></c></row>")
    let e = error(path)
    #expect(e?.kind == .cellOutOfRange)  // the row after 1,048,576
    let ok = try book(
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\"><c r=\"XFD1048576\"><v>2</v>"
        + "</c></row>")
    let workbook = try XLSXReader.read(path: ok)
    #expect(workbook.value("Sheet1", "XFD1048576") == .number(2))
  }

  @Test func longInlineStringInAnOrdinarySheet() throws {
    // 2 MiB of text in one inline string: refused with the cell, by one parser and by two.
    let text = String(repeating: "x", count: 2 << 20)
    let path = try book(
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"3\"><c r=\"C3\" t=\"inlineStr\"><is>"
        + "<t>\(text)</t></is></c></row>")
    let e = error(path)
    #expect(e?.kind == .cellTextTooLong)
    #expect(e?.location?.cell == CellReference(row: 3, column: 3))
    var options = XLSXReadOptions()
    options.maxStringBytes = 4 << 20
    #expect(
      try XLSXReader.read(path: path, options: options).value("Sheet1", "C3") == .string(text))
  }

  @Test func sheetPartWhoseRootIsNotAWorksheet() throws {
    let path = try CraftedZip.write(
      CraftedZip.workbook(
        sheetXML: .stored(
          "xl/worksheets/sheet1.xml",
          "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>x</Application></Properties>")),
      name: "root.xlsx")
    let e = error(path)
    #expect(e?.kind == .notAWorksheet)
    #expect(e?.message.contains("<Properties>") == true)
  }
}
