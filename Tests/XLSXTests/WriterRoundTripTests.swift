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

  /// Random text of exactly 32,767 UTF-16 units (Excel's limit) made of control characters,
  /// XML specials, look-alike escapes and astral characters reads back as itself, shared or
  /// inline; one unit more is refused with `cell-text-too-long` and the row is not written.
  @Test(arguments: [21, 22, 23, 24] as [UInt64])
  func longestTextsReadBackIdentically(seed: UInt64) throws {
    var rng = SplitMix64(state: seed)
    let folder = try ScratchFolder()
    let path = folder.path + "/long.xlsx"
    let writer = try XLSXWriter(path: path, options: .init(sharedStrings: seed % 2 == 0))
    try writer.addWorksheet(name: "Text")
    var expected: [CellValue] = []
    for _ in 0..<3 {
      var text = ""
      while true {
        let piece = RandomCells.pieces[rng.below(RandomCells.pieces.count)]
        if text.utf16.count + piece.utf16.count > 32_767 { break }
        text += piece
      }
      text += String(repeating: "a", count: 32_767 - text.utf16.count)
      #expect(text.utf16.count == 32_767)
      let error = #expect(throws: XLSXWriteError.self) {
        try writer.writeRow([.string(text + "😀")])
      }
      #expect(error?.code == "cell-text-too-long")
      try writer.writeRow([.string(text)])
      expected.append(.string(text))
    }
    try writer.close()
    let rows = try #require(try XLSXReader.read(path: path).worksheets.first).rows
    #expect(rows.map(\.number) == [1, 2, 3])
    #expect(rows.map { $0.cells.first?.value } == expected)
  }

  /// Random instants from 1900-02-27 to 1900-03-02, across the day Excel invented
  /// (1900-02-29, serial 60): each reads back as itself, and no written serial falls on
  /// day 60, so Excel shows the same dates.
  @Test(arguments: [31, 32, 33] as [UInt64])
  func datesAcrossTheLeapYearBugReadBackIdentically(seed: UInt64) throws {
    var rng = SplitMix64(state: seed)
    let folder = try ScratchFolder()
    let path = folder.path + "/1900.xlsx"
    let writer = try XLSXWriter(path: path, options: .init(compressionLevel: 1))
    try writer.addWorksheet(name: "1900")
    var expected: [CellValue] = []
    for _ in 0..<500 {
      // Days 59...62 after 1899-12-30 are 1900-02-27 ... 1900-03-02; times to the second.
      let date = CivilDateTime(
        serial: Double(59 + rng.below(4)) + Double(rng.below(86_400)) / 86_400)
      try writer.writeRow([.date(date)])
      expected.append(.dateTime(date))
    }
    try writer.close()
    let sheet = try ZipDirectory.text("xl/worksheets/sheet1.xml", in: path)
    let serials = sheet.components(separatedBy: "<v>").dropFirst().compactMap {
      Double($0.prefix { $0 != "<" })
    }
    #expect(serials.count == 500)
    #expect(serials.allSatisfy { $0 >= 58 && $0 < 63 && !($0 >= 60 && $0 < 61) })
    let rows = try #require(try XLSXReader.read(path: path).worksheets.first).rows
    #expect(rows.map { $0.cells.first?.value } == expected)
  }
}
