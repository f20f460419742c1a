import Testing

@testable import Spreadsheet

@Suite struct SourceLocationTests {
  @Test func rendersWorkbookCell() {
    let loc = SourceLocation.cell("inbox/plan.xlsx", sheet: "Mål 2026", CellReference("B7")!)
    #expect(loc.description == "inbox/plan.xlsx: 'Mål 2026'!B7")
  }

  @Test func quotesApostrophes() {
    #expect(SourceLocation.quotedSheetName("Bob's") == "'Bob''s'")
  }

  @Test func rendersTextAndCSV() {
    #expect(
      SourceLocation.text("mappings/a.yaml", line: 12, column: 5).description
        == "mappings/a.yaml:12:5")
    let csv = SourceLocation(file: "k.csv", sheet: "k", cell: CellReference("C13"), line: 14)
    #expect(csv.description == "k.csv:14 (C13)")
  }

  @Test func diagnosticRendersCodeAndHint() {
    let d = Diagnostic(
      code: "unresolved-reference", severity: .error,
      location: .cell("a.xlsx", sheet: "Mål", CellReference("C4")!),
      message: "goal 'NM-9' does not exist", hint: "did you mean 'NM-1'?")
    #expect(
      d.description
        == "a.xlsx: 'Mål'!C4: error: goal 'NM-9' does not exist [unresolved-reference]\n  hint: did you mean 'NM-1'?"
    )
  }
}
