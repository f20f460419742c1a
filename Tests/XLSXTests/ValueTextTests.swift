import Foundation
import Spreadsheet
import Testing

@testable import XLSX

/// Byte-level parsing of cell values: numbers, `_xHHHH_` escapes, ISO dates, part names.
@Suite struct ValueTextTests {
  func number(_ text: String) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { NumberText.parseDouble($0) }
  }

  @Test(arguments: [
    ("0", 0.0), ("1", 1.0), ("-1.25", -1.25), ("0.1", 0.1), ("3.14159", 3.14159),
    ("1E3", 1000.0), ("1.5e-3", 0.0015), ("+7", 7.0), (" 42 ", 42.0), ("1e22", 1e22),
    ("123456789012345678", 123_456_789_012_345_678.0), ("0.30000000000000004", 0.30000000000000004),
    ("1.7976931348623157E+308", 1.7976931348623157e308),
    ("4.9406564584124654E-324", Double.leastNonzeroMagnitude),
    ("12345678901234567890123", 12_345_678_901_234_567_890_123.0), (".5", 0.5),
  ])
  func parsesNumbersLikeStrtod(text: String, value: Double) {
    #expect(number(text) == value)
    #expect(number(text) == Double(text.trimmingCharacters(in: .whitespaces)))
  }

  @Test(arguments: ["", "abc", "1.2.3", "1e", "--1", "NaN", "inf", "1e999", "0x10", "1,5"])
  func rejectsNonNumbers(text: String) {
    #expect(number(text) == nil)
  }

  @Test func fastPathMatchesTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
      let text = "\(value)"
      #expect(number(text) == value, "\(text)")
      let short = String(format: "%.6g", value)
      #expect(number(short) == Double(short), "\(short)")
    }
  }

  @Test(arguments: [
    ("plain", "plain"), ("a_x000D_b", "a\rb"), ("_x005F_x0041_", "_x0041_"), ("_x0041_", "A"),
    ("_xd83d__xde00_", "😀"), ("_xD801_8", "_xD801_8"), ("_xDC05_", "_xDC05_"),
    ("_x12G4_", "_x12G4_"), ("x_x0009", "x_x0009"), ("Mål_x000A_", "Mål\n"),
  ])
  func decodesEscapes(text: String, expected: String) {
    #expect(EscapedText.decode(Array(text.utf8)) == expected)
  }

  @Test(arguments: [
    ("2026-03-31", "2026-03-31"), ("2026-03-31T10:15:00", "2026-03-31T10:15:00"),
    ("2026-03-31T10:15:00.250Z", "2026-03-31T10:15:00.250"), ("1899-12-30", "1899-12-30"),
  ])
  func parsesISODates(text: String, expected: String) {
    #expect(ISODateText.parse(text)?.description == expected)
  }

  @Test func parsesISOTimes() {
    #expect(ISODateText.parse("10:15:30")?.isoTime == "10:15:30")
    #expect(ISODateText.parse("2026-13-01") == nil)
    #expect(ISODateText.parse("tomorrow") == nil)
  }

  @Test(arguments: [
    ("xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"),
    ("xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"),
    ("xl/workbook.xml", "../other/a.xml", "other/a.xml"),
    ("xl/workbook.xml", "./sheets/a%20b.xml", "xl/sheets/a b.xml"),
    ("workbook.xml", "sheet1.xml", "sheet1.xml"),
    ("/", "xl\\workbook.xml", "xl/workbook.xml"),
  ])
  func resolvesRelationshipTargets(source: String, target: String, expected: String) {
    #expect(PartName(source).resolve(target).path == expected)
  }

  @Test func relationshipsPartAndCaseFolding() {
    #expect(PartName("xl/workbook.xml").relationshipsPart.path == "xl/_rels/workbook.xml.rels")
    #expect(PartName("/XL\\Workbook.xml").key == "xl/workbook.xml")
  }
}
