import Foundation
import Spreadsheet
import Testing

@testable import CSV

@Suite struct CSVDialectTests {
  @Test func excelSepLineSetsTheDelimiterAndIsNotARecord() throws {
    let stream = try CSVRecordStream(path: csvFixture("sep-line.csv"))
    #expect(stream.detection.excelSeparatorLine)
    #expect(stream.detection.delimiter == ";")
    let first = try #require(try stream.next())
    #expect(first == CSVRecord(number: 1, line: 2, fields: ["Kommun", "Värde"]))
    #expect(try stream.next()?.fields == ["Ale", "1,5"])
  }

  @Test func singleQuotesAreDetectedWhenFieldsAreWrappedInThem() throws {
    let stream = try CSVRecordStream(path: csvFixture("single-quote.csv"))
    #expect(stream.detection.quote == "'")
    _ = try stream.next()
    #expect(try stream.next()?.fields == ["TRUE", "7", "0.181526642525569", "m"])
  }

  @Test func backslashEscapesAreDetected() throws {
    let stream = try CSVRecordStream(path: csvFixture("backslash-escape.csv"))
    #expect(stream.detection.escape == .backslash)
    let records = try allRecordsOf(stream)
    #expect(records[1].fields == ["1", "say \"hi\" now", "2"])
    #expect(records[2].fields == ["2", "a \"b\", c", "3"])
    #expect(stream.diagnostics.isEmpty)
  }

  @Test func timesInAOneColumnListDoNotMakeColonTheDelimiter() throws {
    let cells = cellMap(try CSVReader.read(path: csvFixture("times-not-delimiter.csv")))
    #expect(cells["A3"] == "2019-11-04T10:17:55")
  }

  @Test(
    arguments: [
      ("colon-delimiter.csv", ":"), ("comment-lines-semicolon.csv", ";"),
      ("pipe-trailing-delimiter.csv", "|"), ("nul-byte.csv", "|"),
      ("quoted-control-characters.csv", ","), ("stray-quote.csv", ";"),
      ("utf16le-no-bom.csv", "\t"),
    ])
  func delimiter(file: String, expected: Character) throws {
    #expect(try CSVRecordStream(path: csvFixture(file)).detection.delimiter == expected)
  }

  @Test func skolverketTitleLinesTwoRowHeaderAndTrailingDelimiter() throws {
    let detection = try CSVRecordStream(path: csvFixture("skolverket-two-row-header.csv"))
      .detection
    #expect(detection.encoding == .utf8WithBOM)
    #expect(detection.delimiter == ";")
    #expect(detection.fieldCount == 16)
    #expect(detection.trailingDelimiter)
    #expect(detection.titleLines.map(\.line) == [1, 3, 4])
    #expect(
      detection.titleLines.first?.text == "Statistik från Skolverket, https://www.skolverket.se")
    #expect(detection.tableStartRecord == 6)
    #expect(detection.headerRecord == 7)
    #expect(detection.headerLine == 7)
    #expect(detection.headerText.hasPrefix("Kommun;Kommun-kod;Län;"))
    #expect(detection.headerGroupRecords == [6])
    #expect(detection.decimalSeparator == ",")
    #expect(detection.lineEnding == .lf)
  }

  @Test func theTitleLinesStayRowsOfTheTable() throws {
    let cells = cellMap(try CSVReader.read(path: csvFixture("skolverket-two-row-header.csv")))
    #expect(cells["A1"] == "Statistik från Skolverket, https://www.skolverket.se")
    #expect(cells["A4"] == "Valt läsår: 2024/25")
    #expect(cells["F6"] == "Flickor")
    #expect(cells["A7"] == "Kommun")
    #expect(cells["G8"] == "17,1")
  }

  @Test func decimalCommasWithoutAHeaderStillMeanSemicolon() throws {
    let path = try temporaryFile(Array("1,5;2,5;3,5\n4,5;5,5;6,5\n7,25;8,5;9,5\n".utf8))
    defer { removeTemporary(path) }
    let detection = try CSVRecordStream(path: path).detection
    #expect(detection.delimiter == ";")
    #expect(detection.decimalSeparator == ",")
  }

  @Test func commasInTextDoNotBeatTheSemicolon() throws {
    let path = try temporaryFile(Array("a;b,c;d\ne;f,g;h\n".utf8))
    defer { removeTemporary(path) }
    #expect(try CSVRecordStream(path: path).detection.delimiter == ";")
  }

  @Test func swedishExcelDialect() throws {
    let detection = try CSVRecordStream(path: csvFixture("excel-sv-windows-1252.csv")).detection
    #expect(detection.delimiter == ";")
    #expect(detection.decimalSeparator == ",")
    #expect(detection.spaceThousandsSeparator)
    #expect(detection.headerRecord == 1)
    #expect(detection.candidates.map(\.delimiter) == [",", ";", "\t", "|", ":"])
  }

  @Test(
    arguments: [
      ("cr-line-endings.csv", CSVDetection.LineEnding.cr),
      ("mixed-line-endings.csv", .mixed), ("quoted-newline-crlf.csv", .crlf),
      ("skolverket-two-row-header.csv", .lf), ("empty.csv", .none),
    ])
  func lineEndingsOfTheWholeFile(file: String, expected: CSVDetection.LineEnding) throws {
    let stream = try CSVRecordStream(path: csvFixture(file))
    try stream.drain()
    #expect(stream.detection.lineEnding == expected)
  }

  @Test func optionsOverrideDetection() throws {
    let options = CSVReadOptions(delimiter: ",", quote: "'")
    let stream = try CSVRecordStream(path: csvFixture("sep-line.csv"), options: options)
    #expect(stream.detection.delimiter == ",")
    #expect(stream.detection.delimiterReason == "given as an option")
  }

  @Test func aDelimiterThatIsNotOneASCIICharacterIsRefused() {
    let error = csvError {
      _ = try CSVRecordStream(path: csvFixture("sep-line.csv"), options: .init(delimiter: "§"))
    }
    #expect(error?.code == "invalid-option")
  }

  private func allRecordsOf(_ stream: CSVRecordStream) throws -> [CSVRecord] {
    var records: [CSVRecord] = []
    while let record = try stream.next() { records.append(record) }
    return records
  }
}
