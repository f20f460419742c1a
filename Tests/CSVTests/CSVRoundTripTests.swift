import Foundation
import Spreadsheet
import Testing

@testable import CSV

/// Property test: a worksheet written in a dialect and read back gives the same cells.
/// Strings come back as written (the formula guard undone by the dialect's read options);
/// numbers, booleans and dates come back as the dialect's text, which reads back to the same
/// value.
@Suite struct CSVRoundTripTests {
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let latin: [String] = [
    "a", "Z", "å", "ä", "ö", "Å", "é", "ü", "ß", "€", "–", "”", " ", ",", ";", "\t", "|", ":",
    "\"", "'", "=", "+", "-", "@", "\r", "\n", "\r\n", "0", "7", ".", "#", "sep=",
  ]
  static let wide: [String] = ["Ω", "ł", "中", "😀", "\u{200B}", "ŋ", "Ж"]

  func randomValue(_ g: inout Generator, latinOnly: Bool) -> CellValue {
    switch Int.random(in: 0..<10, using: &g) {
    case 0...4:
      let pool = latinOnly ? Self.latin : Self.latin + Self.wide
      var text = ""
      for _ in 0..<Int.random(in: 1...8, using: &g) { text += pool.randomElement(using: &g) ?? "" }
      return .string(text)
    case 5:
      return .number(Double(Int.random(in: -1_000_000...1_000_000, using: &g)))
    case 6:
      let mantissa = Double(Int.random(in: -99_999_999...99_999_999, using: &g))
      return .number(mantissa * pow(10, Double(Int.random(in: -12...12, using: &g))))
    case 7:
      return .number(
        Double(bitPattern: g.next() & 0x7FEF_FFFF_FFFF_FFFF) * (g.next() & 1 == 0 ? 1 : -1))
    case 8:
      return .bool(g.next() & 1 == 0)
    default:
      return .dateTime(
        CivilDateTime(
          year: Int.random(in: 1950...2100, using: &g), month: Int.random(in: 1...12, using: &g),
          day: Int.random(in: 1...28, using: &g), hour: Int.random(in: 0...1, using: &g) * 13,
          minute: Int.random(in: 0...59, using: &g)))
    }
  }

  func randomSheet(_ g: inout Generator, latinOnly: Bool) -> Worksheet {
    var rows: [Row] = []
    var number = 0
    for _ in 0..<Int.random(in: 1...12, using: &g) {
      number += Int.random(in: 1...2, using: &g)
      var cells: [Cell] = []
      for column in 1...Int.random(in: 1...6, using: &g) where g.next() % 5 != 0 {
        cells.append(Cell(column: column, value: randomValue(&g, latinOnly: latinOnly)))
      }
      if !cells.isEmpty { rows.append(Row(number: number, cells: cells)) }
    }
    return Worksheet(name: "prop", rows: rows)
  }

  /// What reading back must give for a cell: the text the dialect writes, guard removed.
  func expectedText(_ value: CellValue, _ dialect: CSVDialect) -> String {
    if case .string(let s) = value { return s }
    return dialect.text(for: value)
  }

  func roundTrip(_ dialect: CSVDialect, latinOnly: Bool, seed: UInt64, cases: Int) throws {
    var g = Generator(state: seed)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "csv-roundtrip-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for k in 0..<cases {
      let sheet = randomSheet(&g, latinOnly: latinOnly)
      let path = folder.appendingPathComponent("case\(k).csv").path
      try CSVWriter.write(sheet, to: path, dialect: dialect)
      let read = try CSVReader.read(path: path, options: dialect.readOptions)
      var expected: [String: String] = [:]
      for row in sheet.rows {
        for cell in row.cells {
          let text = expectedText(cell.value, dialect)
          if !text.isEmpty {
            expected[CellReference(row: row.number, column: cell.column).a1] = text
          }
        }
      }
      let got = cellMap(read)
      #expect(got == expected, "case \(k) in \(dialect.name)")
      if got != expected { return }
      // Numbers read back to the same Double in the dialect's notation.
      for row in sheet.rows {
        for cell in row.cells {
          guard case .number(let x) = cell.value,
            let text = got[CellReference(row: row.number, column: cell.column).a1]
          else { continue }
          var bytes = Array(text.utf8)
          let back = bytes.withUnsafeMutableBufferPointer { b in
            DecimalParser.parse(
              b.baseAddress!, b.count, decimal: dialect.decimalSeparator.asciiByte!)
          }
          #expect(back == x, "\(text) in \(dialect.name)")
        }
      }
    }
  }

  @Test func rfc4180RoundTrips() throws {
    try roundTrip(.rfc4180, latinOnly: false, seed: 1, cases: 300)
  }

  @Test func excelSwedishRoundTrips() throws {
    try roundTrip(.excelSwedish, latinOnly: false, seed: 2, cases: 300)
  }

  @Test func excelSwedishWindows1252RoundTripsRepresentableText() throws {
    try roundTrip(.excelSwedishWindows1252, latinOnly: true, seed: 3, cases: 300)
  }

  @Test func aRealSkolverketFileRoundTripsThroughExcelSwedish() throws {
    let original = try CSVReader.read(path: csvFixture("skolverket-two-row-header.csv"))
    for dialect in CSVDialect.builtIn {
      let path = try temporaryFile([], name: "skolverket.csv")
      defer { removeTemporary(path) }
      try CSVWriter.write(original.worksheets[0], to: path, dialect: dialect)
      // Detected, not told: the written file must be recognised as the dialect it is.
      let again = try CSVReader.read(path: path, options: .init(removeFormulaGuard: true))
      #expect(cellMap(again) == cellMap(original), "\(dialect.name)")
      #expect(again.textLayout?.delimiter == String(dialect.delimiter))
    }
  }
}
