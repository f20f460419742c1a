import Spreadsheet
import Testing
import XLSX

@Suite struct XLSXErrorTests {
  @Test func everyCodeIsCataloguedOnce() {
    let codes = XLSXError.Code.allCases.map(\.diagnosticCode)
    #expect(Set(codes).count == codes.count)
    for code in codes {
      #expect(DiagnosticCode.named(code.id) == code)
      #expect(code.rule.count > 40)
      #expect([.opening, .readingWorkbooks].contains(code.section), "\(code)")
    }
  }

  @Test func readerCodesAreStable() {
    // Released codes never change: these are the names users and scripts match on.
    let expected = [
      "not-a-zip", "truncated-zip", "corrupt-zip", "unreadable-file", "encrypted-workbook",
      "legacy-xls", "not-a-workbook", "xlsb-workbook", "ods-workbook", "missing-part",
      "malformed-xml", "doctype-refused", "invalid-shared-string", "part-too-large",
      "workbook-too-large", "compression-ratio-exceeded", "too-many-parts",
      "too-many-shared-strings", "shared-strings-too-large", "cell-text-too-large",
      "cell-out-of-range",
    ]
    let codes = Set(XLSXError.Code.allCases.map(\.rawValue))
    for code in expected { #expect(codes.contains(code), "\(code)") }
  }

  @Test func description() {
    let error = XLSXError(
      .cellOutOfRange,
      location: .cell("plan.xlsx", sheet: "Mål", CellReference(row: 1, column: 16_385)),
      message: "cell XFE1 lies beyond the grid")
    #expect(
      error.description
        == "plan.xlsx: 'Mål'!XFE1: error: cell XFE1 lies beyond the grid [cell-out-of-range]")
  }
}
