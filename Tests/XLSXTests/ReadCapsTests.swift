import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// Every cap of `XLSXReadOptions` stops a read with its own code.
@Suite struct ReadCapsTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

  func workbook(rows: Int, sharedStrings: Int = 0, text: String = "x") throws -> String {
    var data = ""
    for r in 1...rows {
      data += "<row r=\"\(r)\"><c r=\"A\(r)\"><v>\(r)</v></c>"
      if sharedStrings > 0 { data += "<c r=\"B\(r)\" t=\"s\"><v>0</v></c>" }
      data += "</row>"
    }
    let sheetXML = CraftedZip.Entry.stored(
      "xl/worksheets/sheet1.xml",
      "<worksheet xmlns=\"\(Self.main)\"><sheetData>\(data)</sheetData></worksheet>")
    var sst: CraftedZip.Entry?
    if sharedStrings > 0 {
      sst = .stored(
        "xl/sharedStrings.xml",
        "<sst xmlns=\"\(Self.main)\">"
          + String(repeating: "<si><t>\(text)</t></si>", count: sharedStrings) + "</sst>")
    }
    return try CraftedZip.write(
      CraftedZip.workbook(sheetXML: sheetXML, sharedStrings: sst), name: "caps.xlsx")
  }

  @Test func defaultsReadTheWorkbook() throws {
    let path = try workbook(rows: 100, sharedStrings: 10)
    let wb = try XLSXReader.read(path: path)
    #expect(wb.worksheets[0].rows.count == 100)
  }

  @Test func partBytes() throws {
    var options = XLSXReadOptions()
    options.maxPartBytes = 1000
    let error = readError(try workbook(rows: 100), options: options)
    #expect(error?.kind == .partTooLarge)
    #expect(error?.message.contains("xl/worksheets/sheet1.xml") == true)
  }

  @Test func totalBytes() throws {
    var options = XLSXReadOptions()
    options.maxTotalBytes = 2000
    #expect(readErrorCode(try workbook(rows: 100), options: options) == .workbookTooLarge)
  }

  @Test func compressionRatio() throws {
    // Stored entries have ratio 1: a cap below that trips once the grace is spent.
    var options = XLSXReadOptions()
    options.maxCompressionRatio = 0
    options.compressionRatioGraceBytes = 100
    #expect(
      readErrorCode(try workbook(rows: 100), options: options) == .compressionRatioExceeded)
  }

  @Test func partCount() throws {
    var options = XLSXReadOptions()
    options.maxParts = 3
    #expect(readErrorCode(try workbook(rows: 1), options: options) == .tooManyParts)
  }

  @Test func sharedStringCount() throws {
    var options = XLSXReadOptions()
    options.maxSharedStrings = 9
    #expect(
      readErrorCode(try workbook(rows: 1, sharedStrings: 10), options: options)
        == .tooManySharedStrings)
  }

  @Test func sharedStringBytes() throws {
    var options = XLSXReadOptions()
    options.maxSharedStringBytes = 99
    #expect(
      readErrorCode(try workbook(rows: 1, sharedStrings: 10, text: "0123456789"), options: options)
        == .sharedStringsTooLarge)
  }

  @Test func cellText() throws {
    // 100 cells refer to one 1,000-byte shared string: 100,000 bytes of cell text.
    let path = try workbook(rows: 100, sharedStrings: 1, text: String(repeating: "x", count: 1000))
    var options = XLSXReadOptions()
    options.maxCellTextBytes = 50_000
    let error = readError(path, options: options)
    #expect(error?.kind == .cellTextTooLarge)
    #expect(error?.location?.cell?.a1 == "B51")
  }

  @Test func cellCount() throws {
    // 100 rows of two cells: the 152nd cell, B76, passes a cap of 151.
    let path = try workbook(rows: 100, sharedStrings: 1)
    var options = XLSXReadOptions()
    options.maxCells = 151
    let error = readError(path, options: options)
    #expect(error?.kind == .tooManyCells)
    #expect(error?.location?.sheet == "Sheet1")
    #expect(error?.location?.cell?.a1 == "B76")
    #expect(error?.message.contains("151") == true)
    options.maxCells = 200
    #expect(readErrorCode(path, options: options) == nil)
  }

  @Test func rowsAndColumns() throws {
    var options = XLSXReadOptions()
    options.maxRows = 10
    #expect(readErrorCode(try workbook(rows: 11), options: options) == .cellOutOfRange)
    options.maxRows = 11
    #expect(readErrorCode(try workbook(rows: 11), options: options) == nil)
  }
}
