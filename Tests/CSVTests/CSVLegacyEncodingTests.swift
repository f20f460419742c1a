import Foundation
import Spreadsheet
import Testing

@testable import CSV

/// Mac Roman and Shift-JIS (code page 932) files, and files whose encoding is a close call.
@Suite struct CSVLegacyEncodingTests {
  @Test func macRomanWithCRLineEndsReadsSwedishLetters() throws {
    let result = try CSVReader.readResult(path: csvFixture("mac-roman-cr.csv"))
    #expect(result.workbook.textLayout?.encoding == "mac-roman")
    #expect(result.workbook.textLayout?.delimiter == ";")
    let cells = cellMap(result.workbook)
    #expect(cells["A1"] == "Mål-id")
    #expect(cells["C1"] == "Ansvarig nämnd")
    #expect(cells["B2"] == "Ökad måluppfyllelse i grundskolan")
    #expect(cells["D3"] == "Ej påbörjad")
    #expect(cells["B4"] == "Äldreomsorg med hög kvalitet")
    #expect(cells["B5"] == "Öppen och effektiv förvaltning – även på Åland")
    #expect(cells["B6"] == "Café och kultur för unga")
    #expect(result.workbook.worksheets[0].rows.count == 6)
    #expect(!result.diagnostics.contains { $0.code == "uncertain-encoding" })
  }

  @Test func macRomanWithLFLineEndsIsStillMacRoman() throws {
    let workbook = try CSVReader.read(path: csvFixture("mac-roman-lf.csv"))
    #expect(workbook.textLayout?.encoding == "mac-roman")
    let cells = cellMap(workbook)
    #expect(cells["A1"] == "Mål-id")
    #expect(cells["B1"] == "Benämning")
    #expect(cells["B2"] == "Elever i åk 9 som är behöriga")
    #expect(cells["B3"] == "Nöjdhet med förskolan")
    #expect(cells["B4"] == "Väntetid till särskilt boende")
  }

  @Test func shiftJISDecodesJapaneseExactly() throws {
    let workbook = try CSVReader.read(path: csvFixture("shift-jis-cp932.csv"))
    #expect(workbook.textLayout?.encoding == "cp932")
    #expect(workbook.textLayout?.delimiter == ",")
    let cells = cellMap(workbook)
    #expect(cells["A1"] == "id")
    #expect(cells["D1"] == "note")
    #expect(cells["B2"] == "東京都の学校")
    #expect(cells["C2"] == "ひらがなとカタカナ")
    // 表 and 能 end in the byte 0x5C (`\`); the backslash between them is a real one.
    #expect(cells["D2"] == "表示\\能力")
    #expect(cells["B3"] == "ｶﾀｶﾅ")
    // ポ ends in 0x7C (`|`); ～ and ① are code page 932's, not JIS X 0208's.
    #expect(cells["C3"] == "ポイント～①")
    #expect(cells["D3"] == "㈱髙﨑")
    #expect(cells["B4"] == "大阪府")
    #expect(cells["C4"] == "ソフトウェア")
    #expect(workbook.worksheets[0].rows.count == 4)
  }

  @Test func shiftJISTableAgreesWithFoundationOnEveryJISX0208Character() throws {
    // Foundation decodes `.shiftJIS` on Linux through ICU; every double-byte code both define
    // must give the same character.
    var compared = 0
    for lead in Array(UInt8(0x81)...0x9F) + Array(UInt8(0xE0)...0xEA) {
      for trail in Array(UInt8(0x40)...0x7E) + Array(UInt8(0x80)...0xFC) {
        let bytes = [lead, trail]
        guard let foundation = String(data: Data(bytes), encoding: .shiftJIS),
          foundation.unicodeScalars.count == 1
        else { continue }
        let ours = bytes.withUnsafeBufferPointer { ShiftJIS.decode($0) }
        if foundation.unicodeScalars.first?.value == 0xFF5E || ours == "\u{FFFD}" { continue }
        compared += 1
        #expect(ours == foundation, "0x\(String(lead, radix: 16))\(String(trail, radix: 16))")
      }
    }
    #expect(compared > 6_000)
  }

  @Test func shiftJISWithAnUndefinedPairIsAnErrorWithItsOffset() throws {
    // 0x85 0x40 is not defined in code page 932.
    var bytes = Array("id,name\r\n1,".utf8)
    bytes += "東京".data(using: .shiftJIS).map(Array.init) ?? []
    bytes += "\r\n2,".utf8
    bytes += "大阪".data(using: .shiftJIS).map(Array.init) ?? []
    bytes += [0x85, 0x40]
    bytes += "\r\n".utf8
    let path = try temporaryFile(bytes)
    defer { removeTemporary(path) }
    let options = CSVReadOptions(encoding: .cp932)
    let error = csvError { _ = try CSVReader.read(path: path, options: options) }
    #expect(error?.code == "invalid-shift-jis")
    #expect(error?.byteOffset == 23)
    #expect(error?.message.contains("0x85 0x40") == true)
  }

  @Test func windows1252SwedishIsNotMistakenForMacRomanOrShiftJIS() throws {
    let cells = cellMap(try CSVReader.read(path: csvFixture("excel-sv-windows-1252.csv")))
    #expect(cells["A1"] == "Förvaltning")
    let result = try CSVReader.readResult(path: csvFixture("excel-sv-windows-1252.csv"))
    #expect(result.workbook.textLayout?.encoding == "windows-1252")
    #expect(!result.diagnostics.contains { $0.code == "uncertain-encoding" })
    // `€` 0x80, `£` 0xA3 and `¥` 0xA5: Mac Roman would read `Ä`, `£` and `•`.
    let mac = try CSVReader.read(path: csvFixture("windows-1252-excel-mac.csv"))
    #expect(mac.textLayout?.encoding == "windows-1252")
  }

  @Test func anUncertainGuessWarnsAndNamesTheAlternatives() throws {
    let path = csvFixture("uncertain-encoding.csv")
    let result = try CSVReader.readResult(path: path)
    #expect(result.workbook.textLayout?.encoding == "iso-8859-1")
    #expect(cellMap(result.workbook)["A2"] == "Hauptstra§e 1")
    let warning = result.diagnostics.first { $0.code == "uncertain-encoding" }
    #expect(warning?.severity == .warning)
    #expect(warning?.location?.line == 2)
    #expect(warning?.message.contains("mac-roman reads \"Hauptstraße 1;Berlin\"") == true)
    let explanation = try CSVReader.explain(path: path)
    #expect(explanation.contains("uncertain: another encoding reads the text nearly as plausibly"))
    #expect(explanation.contains("mac-roman (1): \"Hauptstraße 1;Berlin\""))
    // Given as an option, the same bytes read as Mac Roman, with no warning.
    let forced = try CSVReader.readResult(path: path, options: CSVReadOptions(encoding: .macRoman))
    #expect(cellMap(forced.workbook)["A2"] == "Hauptstraße 1")
    #expect(!forced.diagnostics.contains { $0.code == "uncertain-encoding" })
  }

  @Test func encodingNamesAsUsersWriteThem() {
    #expect(CSVEncoding(name: "MacRoman") == .macRoman)
    #expect(CSVEncoding(name: "mac_roman") == .macRoman)
    #expect(CSVEncoding(name: "macintosh") == .macRoman)
    #expect(CSVEncoding(name: "Shift_JIS") == .cp932)
    #expect(CSVEncoding(name: "CP932") == .cp932)
    #expect(CSVEncoding(name: "Windows-31J") == .cp932)
  }
}
