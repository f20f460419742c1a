import Foundation
import Spreadsheet
import Testing

@testable import CSV

@Suite struct CSVWriterTests {
  let sheet = Worksheet(
    name: "Nyckeltal",
    rows: [
      Row(
        number: 1,
        cells: [
          Cell(column: 1, value: .string("Nyckeltal")), Cell(column: 2, value: .string("Utfall")),
          Cell(column: 3, value: .string("Klar")), Cell(column: 4, value: .string("Datum")),
        ]),
      Row(
        number: 2,
        cells: [
          Cell(column: 1, value: .string("Väntetid, dagar")),
          Cell(column: 2, value: .number(-12.5)),
          Cell(column: 3, value: .bool(true)),
          Cell(column: 4, value: .dateTime(CivilDateTime(year: 2026, month: 3, day: 31))),
        ]),
      Row(
        number: 4,
        cells: [
          Cell(column: 1, value: .string("=HYPERLINK(\"x\")")),
          Cell(column: 2, value: .number(1e-9)),
          Cell(
            column: 4,
            value: .dateTime(CivilDateTime(year: 2026, month: 4, day: 1, hour: 10, minute: 15))),
        ]),
    ])

  @Test func rfc4180() throws {
    let text = String(decoding: try CSVWriter.bytes(sheet, dialect: .rfc4180), as: UTF8.self)
    #expect(
      text == "Nyckeltal,Utfall,Klar,Datum\r\n\"Väntetid, dagar\",-12.5,TRUE,2026-03-31\r\n"
        + ",,,\r\n\"'=HYPERLINK(\"\"x\"\")\",1E-09,,2026-04-01T10:15:00\r\n")
  }

  @Test func excelSwedishWithBOM() throws {
    let bytes = try CSVWriter.bytes(sheet, dialect: .excelSwedish)
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    #expect(
      text == "Nyckeltal;Utfall;Klar;Datum\r\nVäntetid, dagar;-12,5;SANT;2026-03-31\r\n"
        + ";;;\r\n\"'=HYPERLINK(\"\"x\"\")\";1E-09;;2026-04-01 10:15:00\r\n")
  }

  @Test func excelSwedishWindows1252() throws {
    let bytes = try CSVWriter.bytes(sheet, dialect: .excelSwedishWindows1252)
    #expect(Array(bytes.prefix(9)) == Array("Nyckeltal".utf8))
    #expect(bytes.contains(0xE4))  // ä
    #expect(!bytes.contains(0xC3))
  }

  @Test func aCharacterWindows1252LacksIsANamedErrorAtItsCell() throws {
    let polish = Worksheet(
      name: "x", rows: [Row(number: 1, cells: [Cell(column: 2, value: .string("Łódź"))])])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("out.csv").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: target))
    let error = csvError {
      try CSVWriter.write(polish, to: target, dialect: .excelSwedishWindows1252)
    }
    #expect(error?.code == "unrepresentable-character")
    #expect(error?.location?.cell == CellReference("B1"))
    #expect(error?.message.contains("U+0141") == true)
    // The target is untouched and no temporary file is left.
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
  }

  @Test func aWriterDroppedWithoutCloseLeavesNothing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("out.csv").path
    do {
      let writer = try CSVWriter(path: target, dialect: .rfc4180)
      try writer.writeRow([.string("a")])
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aMissingFolderIsAWriteError() {
    let error = csvError { _ = try CSVWriter(path: "/no/such/folder/out.csv", dialect: .rfc4180) }
    #expect(error?.code == "write-failed")
  }

  @Test(
    arguments: [
      (0.1, "0.1", "0,1"), (-12.5, "-12.5", "-12,5"), (0.000125, "0.000125", "0,000125"),
      (1e-7, "0.0000001", "0,0000001"), (1e-8, "1E-08", "1E-08"), (1.5e25, "1.5E+25", "1,5E+25"),
      (1_250_000, "1250000", "1250000"),
      (1.2345678901234568e20, "123456789012345680000", "123456789012345680000"),
      (175.08142105268598, "175.08142105268598", "175,08142105268598"), (-0.0, "0", "0"),
    ])
  func numbers(value: Double, rfc: String, swedish: String) {
    #expect(CSVDialect.rfc4180.format(value) == rfc)
    #expect(CSVDialect.excelSwedish.format(value) == swedish)
  }

  @Test(
    arguments: [
      ("=1+2", "'=1+2"), ("+46 70 123 45 67", "'+46 70 123 45 67"), ("-5", "-5"),
      ("-1,5", "-1,5"), ("-2.5E-3", "-2.5E-3"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
      ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"), ("'=x", "''=x"), ("'plain", "'plain"),
      ("plain", "plain"), ("a=b", "a=b"), ("", ""),
    ])
  func formulaGuard(text: String, written: String) {
    #expect(FormulaGuard.apply(text) == written)
    #expect(FormulaGuard.remove(written) == text)
  }

  @Test func numbersAreNeverGuarded() {
    #expect(CSVDialect.excelSwedish.text(for: .number(-5)) == "-5")
    #expect(CSVDialect.excelSwedish.text(for: .string("=A1")) == "'=A1")
  }

  @Test func aFirstFieldThatLooksLikeASepLineIsQuoted() throws {
    let tricky = Worksheet(
      name: "x", rows: [Row(number: 1, cells: [Cell(column: 1, value: .string("sep=;"))])])
    let text = String(decoding: try CSVWriter.bytes(tricky), as: UTF8.self)
    #expect(text == "\"sep=;\"\r\n")
    let path = try temporaryFile(Array(text.utf8))
    defer { removeTemporary(path) }
    #expect(cellMap(try CSVReader.read(path: path))["A1"] == "sep=;")
  }

  @Test func dialectNames() {
    #expect(CSVDialect(named: "rfc4180") == .rfc4180)
    #expect(CSVDialect(named: "excel-sv") == .excelSwedish)
    #expect(CSVDialect(named: "Excel-SV-Windows-1252") == .excelSwedishWindows1252)
    #expect(CSVDialect(named: "tsv") == nil)
  }
}
