import Foundation
import Spreadsheet
import Testing

@testable import CSV

@Suite struct CSVRecordStreamTests {
  @Test func quotedNewlinesKeepTheLineWhereTheRecordStarts() throws {
    let records = try allRecords(csvFixture("quoted-newline-crlf.csv"))
    #expect(records.map(\.number) == [1, 2, 3, 4])
    #expect(records.map(\.line) == [1, 2, 3, 5])
    #expect(records[2].fields == ["Once upon \r\na time", "5", "6"])
    let workbook = try CSVReader.read(path: csvFixture("quoted-newline-crlf.csv"))
    #expect(workbook.worksheets[0].rows.map(\.line) == [1, 2, 3, 5])
  }

  @Test func rfc4180Quoting() throws {
    let bytes = Array("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"x\r\ny\",,\"\"\r\n".utf8)
    let path = try temporaryFile(bytes)
    defer { removeTemporary(path) }
    let records = try allRecords(path)
    #expect(records.map(\.fields) == [["a", "b,c", "say \"hi\""], ["x\r\ny", "", ""]])
    #expect(records.map(\.line) == [1, 2])
  }

  @Test func blankLinesAreRecordsWithoutFields() throws {
    let records = try allRecords(csvFixture("blank-first-line.csv"))
    #expect(records.map(\.fields) == [[], ["a 1"], ["b 2"], ["c 3"]])
    let workbook = try CSVReader.read(path: csvFixture("blank-first-line.csv"))
    #expect(workbook.worksheets[0].rows.map(\.number) == [2, 3, 4])
  }

  @Test func strayQuotesAreKeptAsPythonAndExcelReadThemAndReported() throws {
    let path = csvFixture("doubled-and-stray-quotes.csv")
    let stream = try CSVRecordStream(path: path)
    var values: [String] = []
    while let record = try stream.next() { values += record.fields }
    #expect(values == ["Pedro the\"", "Pedro \"the\" legend", "Pedro the\""])
    #expect(
      stream.diagnostics.map { [$0.location?.description, $0.code] } == [
        ["\(path):1:8", "stray-quote"], ["\(path):3:8", "stray-quote"],
      ])
  }

  @Test func unterminatedQuoteIsAnErrorAtTheOpeningQuote() {
    let path = csvFixture("unterminated-quote.csv")
    let error = csvError { _ = try CSVReader.read(path: path) }
    #expect(error?.code == "unterminated-quote")
    #expect(error?.location == .text(path, line: 1, column: 1))
  }

  @Test func unterminatedQuoteLaterInTheFileNamesItsLineAndColumn() throws {
    let path = try temporaryFile(Array("a,b\n1,2\n3,\"open\n4,5\n".utf8))
    defer { removeTemporary(path) }
    let error = csvError { _ = try CSVReader.read(path: path) }
    #expect(error?.code == "unterminated-quote")
    #expect(error?.location == .text(path, line: 3, column: 3))
  }

  @Test func nulBytesAreKeptAndReportedOrRefused() throws {
    let path = csvFixture("nul-byte.csv")
    let result = try CSVReader.readResult(path: path)
    #expect(cellMap(result.workbook)["B2"] == "val\u{0}2")
    #expect(
      result.diagnostics.map { [$0.location?.description, $0.code] } == [
        ["\(path):2:9", "nul-byte"]
      ])
    let error = csvError {
      _ = try CSVReader.read(path: path, options: .init(nulBytes: .error))
    }
    #expect(error?.code == "nul-byte")
    #expect(error?.location == .text(path, line: 2, column: 9))
    #expect(error?.byteOffset == 23)
  }

  @Test func recordsCrossingBufferRefillsAreSplitTheSame() throws {
    // About 3 MiB, so that records cross the 1 MiB reads at every kind of boundary: inside
    // quoted fields, between CR and LF, inside doubled quotes and multi-byte characters.
    var text = ""
    var expected: [[String]] = []
    var lines: [Int] = []
    var line = 1
    var i = 0
    while text.utf8.count < 3_000_000 {
      let fields = [
        "r\(i)", "Umeå ö \(i % 7)", "say \"\(i)\"", i % 3 == 0 ? "two\r\nlines" : "one",
        String(repeating: "x", count: i % 11),
      ]
      expected.append(fields)
      lines.append(line)
      text +=
        fields.map { f in
          f.contains(where: { $0 == "\"" || $0 == "," || $0 == "\r\n" || $0 == "\n" })
            ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + (i % 5 == 0 ? "\r" : "\r\n")
      line += i % 3 == 0 ? 2 : 1
      i += 1
    }
    let path = try temporaryFile(Array(text.utf8))
    defer { removeTemporary(path) }
    let records = try allRecords(path)
    #expect(records.count == expected.count)
    #expect(records.map(\.fields) == expected)
    #expect(records.map(\.line) == lines)
  }

  @Test func rawRecordsGiveBytesInPlaceAndUTF8OnDemand() throws {
    let stream = try CSVRecordStream(path: csvFixture("excel-sv-windows-1252.csv"))
    var firstFieldBytes: [UInt8] = []
    var firstFieldUTF8: [UInt8] = []
    var quoted: [Bool] = []
    try stream.forEachRecord { record in
      if record.number == 1 {
        record.withBytes(0) { firstFieldBytes = Array($0) }
        record.withUTF8(0) { firstFieldUTF8 = Array($0) }
      }
      if record.number == 3 { quoted = (0..<record.count).map { record.isQuoted($0) } }
    }
    #expect(firstFieldBytes == Array("Förvaltning".data(using: .windowsCP1252) ?? Data()))
    #expect(firstFieldUTF8 == Array("Förvaltning".utf8))
    #expect(quoted == [false, false, false, false, false, false, true])
  }

  @Test func tooManyFieldsIsNamed() throws {
    let path = try temporaryFile(Array("a,b,c,d\n1,2,3,4\n".utf8))
    defer { removeTemporary(path) }
    let error = csvError { _ = try CSVReader.read(path: path, options: .init(maxFields: 3)) }
    #expect(error?.code == "too-many-fields")
  }

  @Test func aFirstRecordWiderThanTheSampleIsTooManyFields() throws {
    // No record ends within the 1 MiB sample, so no delimiter wins by votes; `;` splits the
    // first record past maxFields (16,384), and the read says so instead of taking each line
    // as one field.
    let header = "Kommun;" + (0..<200_000).map { "c\($0)" }.joined(separator: ";") + "\n"
    var bytes = Array(header.utf8)
    bytes += Array("2104;".utf8) + [UInt8](repeating: 0, count: 1000) + Array(";1\n".utf8)
    let wide = Array(
      ([String](repeating: "x", count: 1_000_000).joined(separator: ";") + "\n").utf8)
    for content in [bytes, wide] {
      let path = try temporaryFile(content)
      defer { removeTemporary(path) }
      let error = csvError { _ = try CSVReader.read(path: path) }
      #expect(error?.code == "too-many-fields")
      #expect(error?.location?.line == 1)
    }
  }

  @Test func aRecordLargerThanTheCapIsNamed() throws {
    var bytes = Array("a,b\n1,\"".utf8)
    bytes += [UInt8](repeating: 0x78, count: 3_000_000)
    bytes += Array("\"\n".utf8)
    let path = try temporaryFile(bytes)
    defer { removeTemporary(path) }
    let error = csvError {
      _ = try CSVReader.read(path: path, options: .init(maxRecordBytes: 1 << 20))
    }
    #expect(error?.code == "record-too-large")
    #expect(error?.location?.line == 2)
    #expect(try CSVReader.read(path: path).worksheets[0].rows.count == 2)
  }

  @Test func crAloneEndsRecords() throws {
    let records = try allRecords(csvFixture("cr-line-endings.csv"))
    #expect(
      records.map(\.fields) == [
        ["a", "b", "c"], ["1", "2", "3"], ["Once upon\ra time", "5", "6"],
      ])
    #expect(records.map(\.line) == [1, 2, 3])
  }
}
