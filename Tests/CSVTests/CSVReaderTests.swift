import Foundation
import Spreadsheet
import Testing

@testable import CSV

@Suite struct CSVReaderTests {
  @Test func aCSVFileIsAWorkbookOfOneWorksheetNamedAfterTheFile() throws {
    let path = csvFixture("excel-sv-windows-1252.csv")
    let workbook = try CSVReader.read(path: path)
    #expect(workbook.format == .csv)
    #expect(workbook.path == path)
    #expect(workbook.worksheets.map(\.name) == ["excel-sv-windows-1252"])
    let rows = workbook.worksheets[0].rows
    #expect(rows.map(\.number) == [1, 2, 3, 4])
    #expect(rows.map(\.line) == [1, 2, 3, 4])
    // Every field is raw text; empty fields are not cells.
    #expect(rows[3].cells.map(\.column) == [1, 2, 3, 5, 6])
    #expect(rows[3].cells[2].value == .string("1 234,5"))
    #expect(rows[2].cells[2].value == .string("-12,5"))
  }

  @Test func theExampleInTheDocumentation() throws {
    let workbook = try CSVReader.read(path: csvFixture("skolverket-two-row-header.csv"))
    let sheet = workbook.worksheets[0]
    #expect(sheet.name == "skolverket-two-row-header")
    #expect(workbook.textLayout?.encoding == "utf-8-sig")
  }

  @Test func explainSaysWhatWasDetectedAndWhy() throws {
    let text = try CSVReader.explain(path: csvFixture("skolverket-two-row-header.csv"))
    #expect(
      text.contains("encoding   utf-8-sig: a UTF-8 byte-order mark (EF BB BF) opens the file"))
    #expect(text.contains("`;` splits 8 of 10 sampled records of the table into 16 fields"))
    #expect(text.contains("`,` occurs inside values as a decimal comma"))
    #expect(
      text.contains("trailing   every record of the table ends with `;`: field 16 is always empty"))
    #expect(text.contains("3 lines above the table (lines 1–4)"))
    #expect(text.contains("header     most likely line 7 (record 7): \"Kommun;Kommun-kod;Län;"))
    #expect(text.contains("record 6 above it looks like a group row of a two-row header"))
  }

  @Test func explainNamesTheEncodingEvidenceForWindows1252() throws {
    let text = try CSVReader.explain(path: csvFixture("excel-sv-windows-1252.csv"))
    #expect(text.contains("encoding   windows-1252:"))
    #expect(text.contains("which only Windows-1252 prints"))
    #expect(text.contains("lines      CR LF ends every record (4)"))
  }

  @Test func explainStillExplainsAFileItCannotReadToTheEnd() throws {
    let text = try CSVReader.explain(path: csvFixture("unterminated-quote.csv"))
    #expect(text.contains("delimiter"))
    #expect(text.contains("[unterminated-quote]"))
  }

  @Test func explainRefusesWhatItCannotOpen() {
    let error = csvError { _ = try CSVReader.explain(path: csvFixture("binary.csv")) }
    #expect(error?.code == "binary-file")
  }

  @Test func aFileLargerThanTheCapIsNamed() {
    let error = csvError {
      _ = try CSVReader.read(
        path: csvFixture("excel-sv-windows-1252.csv"), options: .init(maxFileBytes: 100))
    }
    #expect(error?.code == "file-too-large")
  }

  @Test func everyThrownCodeIsInTheCatalogue() {
    let codes = Set(CSVError.catalogue.map(\.code))
    #expect(codes == Set(CSVError.Code.allCases.map(\.rawValue)))
    #expect(
      Set(CSVError.diagnosticCatalogue.map(\.code)) == [
        "ragged-row", "nul-byte", "stray-quote", "mojibake", "uncertain-encoding",
      ])
  }

  @Test func formulaGuardIsRemovedOnRequest() throws {
    let path = try temporaryFile(Array("a,b\n'=1+2,''@x\n'-5,-5\n".utf8))
    defer { removeTemporary(path) }
    let plain = cellMap(try CSVReader.read(path: path))
    #expect(plain["A2"] == "'=1+2")
    let removed = cellMap(try CSVReader.read(path: path, options: .init(removeFormulaGuard: true)))
    #expect(removed["A2"] == "=1+2")
    #expect(removed["B2"] == "'@x")
    #expect(removed["A3"] == "-5")
  }
}
