import Spreadsheet
import Testing
import XLSX

/// Files that are not readable XLSX packages get a named error each.
@Suite struct ContainerErrorTests {
  @Test(arguments: [
    ("made/encrypted.xlsx", XLSXError.Code.encryptedWorkbook),
    ("corpus/calamine/pass_protected.xlsx", .encryptedWorkbook),
    ("made/legacy.xls", .legacyXLS),
    ("made/binary.xlsb", .xlsbWorkbook),
    ("made/opendocument.ods", .odsWorkbook),
    ("corpus/roo/type_openoffice.xlsx", .odsWorkbook),
    ("made/csv-named-xlsx.xlsx", .notAZip),
    ("made/truncated.xlsx", .truncatedZip),
    ("made/missing-workbook.xlsx", .missingPart),
    ("made/missing-sheet-part.xlsx", .missingPart),
    ("corpus/tealeg-xlsx/badfile_noWorkbookRels.xlsx", .missingPart),
    ("corpus/exceljs/missing-bits.xlsx", .missingPart),
    ("made/doctype.xlsx", .doctypeRefused),
    ("corpus/poi/poc-xmlbomb.xlsx", .doctypeRefused),
    ("made/malformed-sheet.xlsx", .malformedXML),
  ])
  func namedError(fixture: String, code: XLSXError.Code) {
    let error = readError(xlsxFixture(fixture))
    #expect(error?.kind == code)
    #expect(error?.location?.file == xlsxFixture(fixture))
    #expect(error?.message.isEmpty == false)
  }

  @Test func missingWorkbookRelationshipsNamesThePart() {
    let error = readError(xlsxFixture("corpus/tealeg-xlsx/badfile_noWorkbookRels.xlsx"))
    #expect(error?.message.contains("xl/_rels/workbook.xml.rels") == true)
  }

  @Test func notAZipNamesTheFirstBytes() {
    let error = readError(xlsxFixture("made/csv-named-xlsx.xlsx"))
    #expect(error?.message.contains("45 6E 68 65") == true)
  }

  @Test func missingFileIsUnreadable() {
    #expect(readErrorCode(xlsxFixture("made/no-such-file.xlsx")) == .unreadableFile)
  }

  @Test func errorsRenderInCompilerStyle() {
    let error = readError(xlsxFixture("made/legacy.xls"))
    #expect(error?.description.hasSuffix("[legacy-xls]") == true)
    #expect(error?.description.contains(": error: ") == true)
  }
}
