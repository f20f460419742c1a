import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// Whatever the writer writes, the reader reads back identically.
@Suite struct WriterRoundTripTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var seed: UInt64
    var level: Int
    var sharedStrings: Bool
    var testDescription: String { "seed \(seed), level \(level), shared \(sharedStrings)" }
  }

  static let cases: [Case] = [
    Case(seed: 1, level: 6, sharedStrings: true), Case(seed: 2, level: 6, sharedStrings: false),
    Case(seed: 3, level: 1, sharedStrings: true), Case(seed: 4, level: 0, sharedStrings: false),
    Case(seed: 5, level: 9, sharedStrings: true),
  ]

  @Test(arguments: cases)
  func randomValuesReadBackIdentically(_ c: Case) throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/random.xlsx"
    let expected = try RandomWorkbook.write(
      to: path, seed: c.seed,
      options: .init(compressionLevel: c.level, sharedStrings: c.sharedStrings))
    let names = expected.names
    #expect(expected.refusedRows > 0)  // NaN and ±∞ were refused, with their rows
    let workbook = try XLSXReader.read(path: path)
    #expect(workbook.worksheets.map(\.name) == names)
    for worksheet in workbook.worksheets {
      let want = expected.values[worksheet.name] ?? [:]
      var got: [Int: [Int: CellValue]] = [:]
      for row in worksheet.rows {
        got[row.number] = Dictionary(uniqueKeysWithValues: row.cells.map { ($0.column, $0.value) })
      }
      #expect(got.keys.sorted() == want.keys.sorted(), "rows of \(worksheet.name)")
      for (number, cells) in want {
        for (column, value) in cells {
          let reference = "\(worksheet.name)!\(CellReference(row: number, column: column).a1)"
          #expect(got[number]?[column] == value, "\(reference)")
        }
      }
    }
  }

  @Test func leapYearBugBoundary() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/1900.xlsx"
    let writer = try XLSXWriter(path: path)
    try writer.addWorksheet(name: "1900")
    let date = CellStyle(numberFormat: CellStyle.FormatCode.date)
    try writer.writeRow([
      .date(CivilDateTime(year: 1900, month: 2, day: 28)), .number(60, style: date),
      .date(CivilDateTime(year: 1900, month: 3, day: 1)),
    ])
    try writer.close()
    // Serials 59 and 61 as Excel numbers them; 60 (Excel's 1900-02-29) reads as 1900-02-28.
    let sheet = try ZipDirectory.text("xl/worksheets/sheet1.xml", in: path)
    #expect(
      sheet.contains("<v>59</v>") && sheet.contains("<v>60</v>") && sheet.contains("<v>61</v>"))
    let row = try #require(try XLSXReader.read(path: path).worksheets.first?.rows.first)
    #expect(
      row.cells.map(\.value.displayText) == ["1900-02-28", "1900-02-28", "1900-03-01"])
  }
}
