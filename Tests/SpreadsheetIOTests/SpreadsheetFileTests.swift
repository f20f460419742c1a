import Foundation
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing
import XLSX

@Suite struct SpreadsheetFileTests {
  func code(_ path: String) -> String? {
    do {
      _ = try SpreadsheetFile.read(path: path)
      return nil
    } catch let error as any LocatedError {
      return error.code
    } catch {
      return "\(error)"
    }
  }

  @Test func workbooksGoToTheXLSXReader() throws {
    let path = Fixture.url("xlsx/made/merged.xlsx").path
    #expect(try SpreadsheetFile.kind(ofFileAt: path) == .workbook)
    #expect(try SpreadsheetFile.read(path: path).format == .xlsx)
  }

  @Test(arguments: [
    ("made/legacy.xls", "legacy-xls"), ("made/encrypted.xlsx", "encrypted-workbook"),
    ("made/opendocument.ods", "ods-workbook"), ("made/binary.xlsb", "xlsb-workbook"),
    ("made/csv-named-xlsx.xlsx", "not-a-zip"), ("made/truncated.xlsx", "truncated-zip"),
  ])
  func namedErrorsReachTheCaller(fixture: String, expected: String) {
    #expect(code(Fixture.url("xlsx/" + fixture).path) == expected)
  }

  @Test func lockFileIsRefusedByName() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let lock = folder.appendingPathComponent("~$plan.xlsx")
    try Data([0x14, 0x00]).write(to: lock)
    #expect(code(lock.path) == "office-lock-file")
  }

  @Test func xlsxOptionsArePassedOn() {
    var options = XLSXReadOptions()
    options.maxParts = 2
    #expect {
      _ = try SpreadsheetFile.read(
        path: Fixture.url("xlsx/made/merged.xlsx").path, xlsxOptions: options)
    } throws: { error in
      (error as? XLSXError)?.kind == .tooManyParts
    }
  }
}
