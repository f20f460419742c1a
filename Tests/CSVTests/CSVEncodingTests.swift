import Foundation
import Spreadsheet
import Testing

@testable import CSV

@Suite struct CSVEncodingTests {
  @Test(
    arguments: [
      ("utf16le-bom.csv", "utf-16-le", ","),
      ("utf16le-no-bom.csv", "utf-16-le", "\t"),
      ("utf16be-no-bom.csv", "utf-16-be", ","),
      ("utf32be-bom.csv", "utf-32-be", ","),
      ("utf32be-no-bom.csv", "utf-32-be", ","),
      ("iso-8859-1.csv", "iso-8859-1", ","),
      ("windows-1252-excel-mac.csv", "windows-1252", ","),
      ("excel-sv-windows-1252.csv", "windows-1252", ";"),
      ("skolverket-two-row-header.csv", "utf-8-sig", ";"),
      ("nul-not-utf16.csv", "utf-8", ","),
      ("empty.csv", "utf-8", ","),
    ])
  func detectsEncodingAndDelimiter(file: String, encoding: String, delimiter: String) throws {
    let workbook = try CSVReader.read(path: csvFixture(file))
    #expect(workbook.textLayout == Workbook.TextLayout(encoding: encoding, delimiter: delimiter))
  }

  @Test func decodesUTF16WithoutBOM() throws {
    let cells = cellMap(try CSVReader.read(path: csvFixture("utf16le-no-bom.csv")))
    #expect(cells["A2"] == "Åre")
    #expect(cells["B3"] == "52,1")
  }

  @Test func utf16LargerThanTheBufferIsReadToTheEnd() throws {
    var units = Array("Kommun\tAndel\r\n".utf16)
    var count = 0
    while units.count < 1_700_000 {
      units += "Åre \(count)\t4\(count % 10),8 😀\r\n".utf16
      count += 1
    }
    var bytes: [UInt8] = [0xFF, 0xFE]
    bytes.reserveCapacity(units.count * 2 + 2)
    for unit in units { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let path = try temporaryFile(bytes)
    defer { removeTemporary(path) }
    let workbook = try CSVReader.read(path: path)
    #expect(workbook.textLayout?.encoding == "utf-16-le")
    let rows = workbook.worksheets[0].rows
    #expect(rows.count == count + 1)
    #expect(
      rows.last?.cells.map(\.value) == [
        .string("Åre \(count - 1)"), .string("4\((count - 1) % 10),8 😀"),
      ])
  }

  @Test func decodesWindows1252HighBytes() throws {
    let cells = cellMap(try CSVReader.read(path: csvFixture("excel-sv-windows-1252.csv")))
    #expect(cells["A1"] == "Förvaltning")
    #expect(cells["G2"] == "Ökning – se bilaga")
    #expect(cells["G3"] == "\"Mätt\" i april; preliminärt")
    let mac = cellMap(try CSVReader.read(path: csvFixture("windows-1252-excel-mac.csv")))
    #expect(mac["B20"] == "1.00 €")
  }

  @Test func mostlyUTF8WithABadByteIsAnErrorWithLineAndOffset() throws {
    let path = csvFixture("invalid-utf8-mostly.csv")
    let error = csvError { _ = try CSVReader.read(path: path) }
    #expect(error?.code == "invalid-utf8")
    #expect(error?.location == .text(path, line: 3, column: 5))
    #expect(error?.byteOffset == 44)
    #expect(error?.message.contains("0xF6") == true)
  }

  @Test func aCutShortSequenceIsInvalidUTF8NotWestern() throws {
    let path = csvFixture("invalid-utf8-cut-short.csv")
    let error = csvError { _ = try CSVReader.read(path: path) }
    #expect(error?.code == "invalid-utf8")
    #expect(error?.location == .text(path, line: 1, column: 8))
    #expect(error?.byteOffset == 7)
  }

  @Test func asciiStartThenLatin1AfterTheSampleFallsBackToWestern() throws {
    var bytes = Array("Kommun,Kod\n".utf8)
    let line = Array("Ale,1440\n".utf8)
    while bytes.count < 1_200_000 { bytes += line }
    bytes += [0x4D, 0x61, 0x6C, 0x6D, 0xF6, 0x2C, 0x31, 0x32, 0x38, 0x30, 0x0A]  // Malmö,1280
    let path = try temporaryFile(bytes)
    defer { removeTemporary(path) }
    let result = try CSVReader.readResult(path: path)
    #expect(result.workbook.textLayout?.encoding == "iso-8859-1")
    let last = try #require(result.workbook.worksheets[0].rows.last)
    #expect(last.cells.first?.value == .string("Malmö"))
    #expect(result.detection.encodingReason.contains("0xF6"))
  }

  @Test func aByteInC1RangeLaterNamesWindows1252() throws {
    var bytes = Array("a;b\n".utf8)
    while bytes.count < 1_100_000 { bytes += Array("x;1\n".utf8) }
    bytes += [0xE5, 0x3B, 0x96, 0x0A]  // å;–
    let path = try temporaryFile(bytes)
    defer { removeTemporary(path) }
    let workbook = try CSVReader.read(path: path)
    #expect(workbook.textLayout?.encoding == "windows-1252")
    #expect(workbook.worksheets[0].rows.last?.cells.map(\.value) == [.string("å"), .string("–")])
  }

  @Test func aBrokenSequenceAfterUTF8IsAnErrorEvenPastTheSample() throws {
    var bytes = Array("namn,ort\nÅsa,Umeå\n".utf8)
    while bytes.count < 1_100_000 { bytes += Array("Per,Luleå\n".utf8) }
    bytes += [0x4F, 0x6C, 0x61, 0x2C, 0xE5, 0x0A]
    let path = try temporaryFile(bytes)
    defer { removeTemporary(path) }
    let error = csvError { _ = try CSVReader.read(path: path) }
    #expect(error?.code == "invalid-utf8")
    #expect(error?.byteOffset == bytes.count - 2)
    #expect(error?.location?.line == bytes.filter { $0 == 0x0A }.count)
  }

  @Test func binaryFilesAreRefused() {
    let error = csvError { _ = try CSVReader.read(path: csvFixture("binary.csv")) }
    #expect(error?.code == "binary-file")
    #expect(error?.message.contains("PNG") == true)
  }

  @Test func missingFileIsNamed() {
    let error = csvError { _ = try CSVReader.read(path: "/no/such/file.csv") }
    #expect(error?.code == "file-not-found")
  }

  @Test func anEncodingGivenAsOptionWins() throws {
    let options = CSVReadOptions(encoding: .windows1252)
    let cells = cellMap(try CSVReader.read(path: csvFixture("iso-8859-1.csv"), options: options))
    let detected = cellMap(try CSVReader.read(path: csvFixture("iso-8859-1.csv")))
    #expect(cells == detected)
  }

  @Test(
    arguments: [
      ("UTF8", CSVEncoding.utf8), ("utf-8-sig", .utf8WithBOM), ("cp1252", .windows1252),
      ("Windows-1252", .windows1252), ("latin1", .iso88591), ("ISO-8859-1", .iso88591),
      ("utf-16le", .utf16LE), ("UTF-16 BE", .utf16BE), ("utf_32_be", .utf32BE),
    ])
  func encodingNames(name: String, encoding: CSVEncoding) {
    #expect(CSVEncoding(name: name) == encoding)
  }

  @Test func unknownEncodingNameIsNil() {
    #expect(CSVEncoding(name: "ebcdic") == nil)
  }

  @Test func windows1252Table() {
    #expect(Windows1252.scalarValue(0x80) == 0x20AC)
    #expect(Windows1252.scalarValue(0x96) == 0x2013)
    #expect(Windows1252.scalarValue(0xE5) == 0xE5)
    #expect(Windows1252.byte(for: "€") == 0x80)
    #expect(Windows1252.byte(for: "ł") == nil)
  }
}
