import Foundation
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing

@Suite struct WorkbookJSONTests {
  func json(_ fixture: String) throws -> [String: Any] {
    let workbook = try SpreadsheetFile.read(path: Fixture.url("xlsx/" + fixture).path)
    let text = WorkbookJSON.render(workbook)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  func cells(_ object: [String: Any], sheet: Int = 0) -> [String: [Any]] {
    let sheets = object["sheets"] as? [[String: Any]] ?? []
    return sheets[sheet]["cells"] as? [String: [Any]] ?? [:]
  }

  @Test func shapeForCorpusCheck() throws {
    let object = try json("made/visibility.xlsx")
    #expect(object["format"] as? String == "xlsx")
    #expect(object["dateSystem"] as? String == "date1900")
    let sheets = try #require(object["sheets"] as? [[String: Any]])
    #expect(
      sheets.map { $0["name"] as? String } == ["Synlig", "Dold", "Mycket dold", "Diagram", "R&D"])
    #expect(sheets[2]["visibility"] as? String == "veryHidden")
    #expect(sheets[3]["kind"] as? String == "chartsheet")
    #expect(object["encoding"] == nil)
  }

  @Test func typedValues() throws {
    let c = cells(try json("made/cell-types.xlsx"))
    #expect(c["A1"]?.first as? String == "string")
    #expect(c["B1"]?.last as? Double == 1.5)
    #expect(c["C1"]?.last as? Bool == true)
    #expect(c["E1"]?.last as? String == "#DIV/0!")
    #expect(c["D2"]?.first as? String == "datetime")
    #expect(c["D2"]?.last as? String == "2026-03-31T10:15:00")
    #expect(c["E2"]?.first as? String == "date")
    #expect(c["A3"] == nil)
  }

  @Test func datesTimesAndDurations() throws {
    let c = cells(try json("made/dates-1900.xlsx"))
    #expect(c["B2"]?.first as? String == "date")
    #expect(c["B6"]?.first as? String == "duration")
    #expect(c["B6"]?.last as? Double == 129_600)
    #expect(c["B8"]?.first as? String == "time")
    #expect(c["B8"]?.last as? String == "10:15:00")
    #expect(c["B9"]?.first as? String == "time")
  }

  @Test func mergedRanges() throws {
    let object = try json("made/merged.xlsx")
    let sheets = try #require(object["sheets"] as? [[String: Any]])
    #expect(sheets[0]["merged"] as? [String] == ["A1:C1", "A2:A4"])
  }

  @Test func errorObject() throws {
    let text = WorkbookJSON.renderError(
      code: "legacy-xls", message: "the file is \"old\"", location: "a.xls")
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let error = object?["error"] as? [String: Any]
    #expect(error?["code"] as? String == "legacy-xls")
    #expect(error?["message"] as? String == "the file is \"old\"")
  }

  @Test func controlCharactersAreEscaped() {
    #expect(WorkbookJSON.quote("a\u{0}b\u{1B}\n\"") == "\"a\\u0000b\\u001b\\n\\\"\"")
  }

  /// Every control character, quotes, backslashes and non-ASCII text (two-, three- and
  /// four-byte UTF-8) read back unchanged through a JSON parser, at the start, middle and end.
  @Test func quotedTextReadsBackUnchanged() throws {
    let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
    for text in [
      controls, "\\\"\\", "é\u{0}☃\u{1F}😀\"", "plain", "", "\u{7F}\u{85}\u{2028}",
      String(repeating: "a\tb", count: 5000) + "😀",
    ] {
      let json = "[" + WorkbookJSON.quote(text) + "]"
      let array = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
      #expect(array == [text])
    }
  }
}
