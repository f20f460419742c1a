import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import XLSX

/// Every refusal has its code, names the file, sheet and cell, and leaves nothing behind.
@Suite struct WriterErrorTests {
  func code(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let error as XLSXWriteError {
      return error.code
    } catch {
      return "unexpected: \(error)"
    }
  }

  func error(_ body: () throws -> Void) -> XLSXWriteError? {
    do {
      try body()
      return nil
    } catch {
      return error as? XLSXWriteError
    }
  }

  @Test(
    arguments: [
      ("", "sheet-name-blank"), ("   ", "sheet-name-blank"),
      (String(repeating: "x", count: 32), "sheet-name-too-long"),
      (String(repeating: "å", count: 31), nil),
      (String(repeating: "😀", count: 16), "sheet-name-too-long"),  // 32 UTF-16 units
      ("a[b", "sheet-name-invalid-character"), ("a]b", "sheet-name-invalid-character"),
      ("a:b", "sheet-name-invalid-character"), ("a*b", "sheet-name-invalid-character"),
      ("a?b", "sheet-name-invalid-character"), ("a/b", "sheet-name-invalid-character"),
      ("a\\b", "sheet-name-invalid-character"), ("a\u{1}b", "sheet-name-invalid-character"),
      ("'quoted", "sheet-name-invalid-character"), ("quoted'", "sheet-name-invalid-character"),
      ("it's fine", nil), ("History", "sheet-name-reserved"), ("HISTORY", "sheet-name-reserved"),
      ("Mål & resultat (T1)", nil),
    ] as [(String, String?)])
  func sheetNames(name: String, expected: String?) throws {
    let folder = try ScratchFolder()
    let writer = try XLSXWriter(path: folder.path + "/names.xlsx")
    #expect(code { try writer.addWorksheet(name: name) } == expected)
    writer.discard()
  }

  @Test func duplicateSheetNamesIgnoreCase() throws {
    let folder = try ScratchFolder()
    let writer = try XLSXWriter(path: folder.path + "/dup.xlsx")
    try writer.addWorksheet(name: "Mål")
    let e = error { try writer.addWorksheet(name: "MÅL") }
    #expect(e?.code == "duplicate-sheet-name")
    #expect(e?.location == SourceLocation(file: folder.path + "/dup.xlsx", sheet: "MÅL"))
    writer.discard()
  }

  @Test func rowOrderAndGridLimits() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/rows.xlsx"
    let writer = try XLSXWriter(path: path)
    #expect(code { try writer.writeRow(["x"]) } == "no-worksheet")
    try writer.addWorksheet(name: "Data")
    try writer.writeRow(["a"], at: 5)
    #expect(writer.lastRow == 5)
    let outOfOrder = error { try writer.writeRow(["b"], at: 5) }
    #expect(outOfOrder?.code == "row-out-of-order")
    #expect(
      outOfOrder?.description
        == "\(path): 'Data'!5:5: error: row 5 comes after row 5; rows are written in ascending order [row-out-of-order]"
    )
    #expect(code { try writer.writeRow(["b"], at: 0) } == "too-many-rows")
    #expect(code { try writer.writeRow(["b"], at: 1_048_577) } == "too-many-rows")
    try writer.writeRow(["last"], at: 1_048_576)
    #expect(code { try writer.writeRow(["b"]) } == "too-many-rows")
    writer.discard()

    let wide = try XLSXWriter(path: path)
    try wide.addWorksheet(name: "Wide")
    try wide.writeRow(Array(repeating: nil, count: 16_383) + ["XFD"])
    #expect(code { try wide.writeRow(Array(repeating: "x", count: 16_385)) } == "too-many-columns")
    wide.discard()
    #expect(folder.contents.isEmpty)
  }

  @Test func valuesOutsideExcelAreRefusedWithTheirCell() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/values.xlsx"
    let writer = try XLSXWriter(path: path)
    try writer.addWorksheet(name: "Nyckeltal")
    let cases: [(WriteCell, String)] = [
      (.number(.nan), "non-finite-number"), (.number(.infinity), "non-finite-number"),
      (.number(-.infinity), "non-finite-number"),
      (.init(.duration(seconds: .infinity)), "non-finite-number"),
      (.string(String(repeating: "a", count: 32_768)), "cell-text-too-long"),
      (.string(String(repeating: "😀", count: 16_384)), "cell-text-too-long"),
      (.date(CivilDateTime(year: 1899, month: 12, day: 31)), "date-out-of-range"),
      (.date(CivilDateTime(year: 1899, month: 12, day: 29, hour: 12)), "date-out-of-range"),
      (.date(CivilDateTime(year: 10_000, month: 1, day: 1)), "date-out-of-range"),
      (.date(CivilDateTime(serial: .nan)), "date-out-of-range"),
      (.init(.error("#BOGUS!")), "invalid-error-value"),
      (.number(1, style: CellStyle(fontSize: 0.5)), "invalid-style"),
      (.number(1, style: CellStyle(numberFormat: "")), "invalid-style"),
      (
        .number(1, style: CellStyle(numberFormat: String(repeating: "0", count: 256))),
        "invalid-style"
      ),
    ]
    for (offset, (cell, expected)) in cases.enumerated() {
      let row = offset + 1
      let e = error { try writer.writeRow(["ok", cell], at: row) }
      #expect(e?.code == expected, "\(cell.value)")
      #expect(e?.location?.cell == CellReference(row: row, column: 2))
      #expect(e?.location?.sheet == "Nyckeltal")
    }
    // The refused rows were not written; the writer goes on.
    #expect(writer.lastRow == 0)
    try writer.writeRow([
      .string(String(repeating: "a", count: 32_767)), .number(.greatestFiniteMagnitude),
    ])
    try writer.writeRow([
      .string(String(repeating: "😀", count: 16_383)),
      .date(CivilDateTime(year: 1900, month: 1, day: 1)),
      .date(CivilDateTime(year: 1899, month: 12, day: 30, hour: 23, minute: 59)),
      .date(CivilDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59)),
    ])
    try writer.close()
    #expect(folder.contents == ["values.xlsx"])
  }

  @Test func textLengthMessageNamesTheLimit() throws {
    let folder = try ScratchFolder()
    let writer = try XLSXWriter(path: folder.path + "/long.xlsx")
    try writer.addWorksheet(name: "S")
    let e = error {
      try writer.writeRow([nil, nil, .string(String(repeating: "x", count: 40_000))], at: 7)
    }
    #expect(
      e?.description
        == "\(folder.path)/long.xlsx: 'S'!C7: error: cell text has 40000 characters; Excel's limit "
        + "is 32,767: \"\(String(repeating: "x", count: 30))…\" [cell-text-too-long]")
    writer.discard()
  }

  @Test func rangesOutsideTheGridOrOverlapping() throws {
    let folder = try ScratchFolder()
    let writer = try XLSXWriter(path: folder.path + "/ranges.xlsx")
    let bad = CellRange(CellReference(row: 0, column: 1), CellReference(row: 3, column: 3))
    #expect(
      code { try writer.addWorksheet(name: "A", options: .init(autoFilter: bad)) }
        == "invalid-range")
    #expect(
      code { try writer.addWorksheet(name: "A", options: .init(columnWidths: [0: 10])) }
        == "invalid-range")
    #expect(
      code { try writer.addWorksheet(name: "A", options: .init(columnWidths: [1: 300])) }
        == "invalid-range")
    #expect(
      code { try writer.addWorksheet(name: "A", options: .init(frozenRows: -1)) } == "invalid-range"
    )
    #expect(
      code {
        try writer.addWorksheet(
          name: "A", options: .init(mergedRanges: [CellRange("A1:C1")!, CellRange("C1:D2")!]))
      } == "invalid-range")
    #expect(
      code { try writer.addWorksheet(name: "A", options: .init(mergedRanges: [CellRange("B2")!])) }
        == "invalid-range")
    try writer.addWorksheet(name: "A", options: .init(mergedRanges: [CellRange("A1:C1")!]))
    #expect(code { try writer.mergeCells(CellRange("B1:B5")!) } == "invalid-range")
    try writer.mergeCells(CellRange("D1:E1")!)
    #expect(code { try writer.setAutoFilter(bad) } == "invalid-range")
    let badStyle = ConditionalFormat(
      range: CellRange("A1:A9")!, rules: [.init(.equal(1), style: CellStyle(wrapText: true))])
    #expect(code { try writer.addConditionalFormat(badStyle) } == "invalid-style")
    let badNumber = ConditionalFormat(
      range: CellRange("A1:A9")!, rules: [.init(.greaterThan(.nan), style: CellStyle(bold: true))])
    #expect(code { try writer.addConditionalFormat(badNumber) } == "non-finite-number")
    writer.discard()
  }

  @Test func optionsAndLifecycle() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/life.xlsx"
    #expect(
      code { _ = try XLSXWriter(path: path, options: .init(compressionLevel: 10)) }
        == "invalid-option")
    #expect(
      code { _ = try XLSXWriter(path: path, options: .init(compressionThreads: -1)) }
        == "invalid-option")
    #expect(code { _ = try XLSXWriter(path: folder.path + "/missing/x.xlsx") } == "write-failed")
    #expect(code { _ = try XLSXWriter(path: folder.path) } == "write-failed")

    let empty = try XLSXWriter(path: path)
    #expect(code { try empty.close() } == "no-worksheet")
    try empty.addWorksheet(name: "Dold", options: .init(visibility: .hidden))
    #expect(code { try empty.close() } == "invalid-option")
    try empty.addWorksheet(name: "Synlig")
    try empty.close()
    #expect(code { try empty.writeRow(["x"]) } == "writer-closed")
    #expect(code { try empty.close() } == "writer-closed")
    #expect(code { try empty.addWorksheet(name: "B") } == "writer-closed")

    let dropped = try XLSXWriter(path: folder.path + "/dropped.xlsx")
    try dropped.addWorksheet(name: "S")
    dropped.discard()
    #expect(code { try dropped.writeRow(["x"]) } == "writer-closed")
    #expect(folder.contents == ["life.xlsx"])
  }

  @Test func failedWriteLeavesNothingAndKeepsTheOldFile() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/report.xlsx"
    try Data("previous report".utf8).write(to: URL(fileURLWithPath: path))
    let writer = try XLSXWriter(path: path, options: .init(temporaryDirectory: folder.path))
    try writer.addWorksheet(name: "S")
    for row in 1...20_000 { try writer.writeRow([.number(Double(row)), "rad \(row)"]) }
    // The folder disappears before the workbook is assembled: libzip cannot create its
    // temporary file, and the error says so.
    try FileManager.default.removeItem(atPath: folder.path)
    let e = error { try writer.close() }
    #expect(e?.code == "write-failed")
    #expect(e?.underlying != nil)
    #expect(code { try writer.writeRow(["x"]) } == "writer-closed")
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }

  @Test func abandonedWriterLeavesNothing() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/abandoned.xlsx"
    do {
      let writer = try XLSXWriter(path: path)
      try writer.addWorksheet(name: "S")
      for row in 1...50_000 { try writer.writeRow([.number(Double(row)), "text \(row)"]) }
    }
    #expect(folder.contents.isEmpty)
  }

  @Test func catalogueListsEveryCodeOnce() {
    let codes = XLSXWriteError.Code.allCases.map(\.diagnosticCode)
    #expect(Set(codes).count == codes.count)
    #expect(codes.allSatisfy { DiagnosticCode.named($0.id) == $0 && !$0.rule.isEmpty })
    #expect(codes.map(\.id).contains("cell-text-too-long"))
  }
}
