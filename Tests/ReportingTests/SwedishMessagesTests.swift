import Canonical
import Mapping
import Reporting
import Spreadsheet
import Testing
import Validation

/// The Kontroll sheet speaks Swedish: the validator's codes from their templates and
/// arguments, the mapping's codes from a Swedish catalogue keyed by code.
@Suite struct SwedishMessagesTests {
  @Test func everyMappingAndPipelineCodeHasSwedishSentences() {
    for code in DiagnosticCode.codes(in: .mappingData) + DiagnosticCode.codes(in: .pipeline) {
      #expect(!code.swedish.title.isEmpty, "\(code)")
      for audience in DiagnosticCode.Audience.allCases {
        let voice = code.swedish[audience]
        for template in [voice.message, voice.hint].compactMap({ $0 }) {
          #expect(template.hasSuffix("."), "\(code): \(template)")
        }
      }
    }
  }

  @Test func aMappingDiagnosticInSwedish() throws {
    let withValue = Diagnostic(
      code: MappingDiagnostics.unknownValue, severity: .error,
      location: .cell("Arbetsplan X.xlsx", sheet: "Aktiviteter", CellReference("G7")!),
      message: "'Påbörjad' is not one of the values the mapping knows",
      hint: "did you mean 'Pågår'?", value: "Påbörjad")
    let text = try #require(SwedishMessages.text(for: withValue))
    #expect(text.title == "Okänt värde")
    #expect(text.message == "Värdet 'Påbörjad' finns inte bland de värden som fältet tar emot.")
    #expect(text.hint?.hasPrefix("Välj ett av mallens värden") == true)
    let blank = Diagnostic(
      code: MappingDiagnostics.headerNotFound, severity: .error,
      location: SourceLocation(file: "X.xlsx"), message: "no header row")
    #expect(
      SwedishMessages.text(for: blank)?.message
        == "Ingen rad har de rubriker som mappningen söker efter.")
  }

  @Test func aValidationDiagnosticInSwedishAndOtherCodesInEnglish() throws {
    let report = try HoforsFixture.report()
    let missing = try #require(report.diagnostics.first { $0.code == "missing-target" })
    let text = try #require(SwedishMessages.text(for: missing))
    #expect(text.title == "Målvärde saknas")
    #expect(text.message.hasPrefix("Nyckeltalet PE-N3 (") && text.message.hasSuffix("."))
    let csv = Diagnostic(
      code: "ragged-row", severity: .warning, location: nil, message: "line 4 has 3 fields")
    #expect(SwedishMessages.text(for: csv)?.title == "Rad med fel antal fält")
    let unknown = Diagnostic(
      code: "not-a-code", severity: .warning, location: nil, message: "line 4 has 3 fields")
    #expect(SwedishMessages.text(for: unknown) == nil)
  }

  @Test func theKontrollSheetIsSwedishUnlessAskedForEnglish() throws {
    let report = try HoforsFixture.report()
    func row(_ labels: ReportLabels, _ code: String) throws -> [String] {
      let sheet = try #require(ReportLayout(labels: labels).sheets(for: report).last)
      return try #require(sheet.rows.first { $0[2].displayText == code }).map(\.displayText)
    }
    let swedish = try row(.swedish, "unresolved-reference")
    #expect(
      swedish.suffix(2) == [
        "Enhetsmålet PE-2 hänvisar till målet 'NM-9', som inte finns.",
        "Menade du NM-1, NM-2 eller NM-3?",
      ])
    var labels = ReportLabels.swedish
    labels.swedishMessages = false
    let english = try row(labels, "unresolved-reference")
    #expect(
      english.suffix(2) == [
        "enhetsmål 'PE-2' refers to goal 'NM-9', which does not exist",
        "did you mean 'NM-1', 'NM-2' or 'NM-3'?",
      ])
    #expect(english[1] == "Hänvisning till något som inte finns")
  }

  @Test func aRejectedFileInSwedish() throws {
    let diagnostic = Diagnostic(
      code: "file-rejected", severity: .error, location: SourceLocation(file: "Läsårstider.xlsx"),
      message: "'Läsårstider.xlsx' was received but could not be used",
      value: "no-matching-mapping",
      arguments: [
        "file": "Läsårstider.xlsx", "code": "no-matching-mapping", "reason": "no mapping matches",
      ])
    let text = try #require(SwedishMessages.text(for: diagnostic))
    #expect(text.title == "Filen avvisades")
    #expect(
      text.message
        == "Filen 'Läsårstider.xlsx' togs emot men kunde inte användas: ingen mappning känner "
        + "igen filen: varken filnamnet, bladens namn eller rubrikerna stämmer med en känd mall.")
    #expect(text.hint?.contains("rejected/Läsårstider.xlsx.reason.txt") == true)
  }

  @Test func aMissingColumnIsNamedWithItsLikelyNewHeader() throws {
    let diagnostic = Diagnostic(
      code: MappingDiagnostics.columnNotFound, severity: .error,
      location: .cell("Arbetsplan X.xlsx", sheet: "Aktiviteter", CellReference("A6")!),
      message: "no column", arguments: ["column": "Start", "suggestion": "Startdag"])
    let text = try #require(SwedishMessages.text(for: diagnostic))
    #expect(
      text.message
        == "En kolumn som mappningen läser saknas i rubrikraden i bladet 'Aktiviteter': 'Start'.")
    #expect(text.hint?.hasPrefix("Menade du 'Startdag'? ") == true)
  }
}
