import Canonical
import Spreadsheet
import Testing
import Validation

@Suite struct DiagnosticCodeTests {
  @Test func idsAreUniqueAndKebabCase() {
    let ids = DiagnosticCode.codes(in: .redThread).map(\.id)
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(id.allSatisfy { ($0 >= "a" && $0 <= "z") || $0 == "-" }, "\(id)")
      #expect(!id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--"), "\(id)")
    }
  }

  @Test func everyRuleCodeIsCataloguedAndEveryCodeHasARule() {
    let fromRules = Validator.defaultRules.flatMap(\.codes)
    #expect(Set(fromRules.map(\.id)) == Set(DiagnosticCode.codes(in: .redThread).map(\.id)))
  }

  @Test func templatesFillEveryPlaceholder() {
    let code = DiagnosticCode.unresolvedReference
    #expect(code.placeholders == ["kind", "owner", "targetKind", "reference"])
    #expect(
      code.message(["kind": "nyckeltal", "owner": "K1", "targetKind": "goal", "reference": "E9"])
        == "nyckeltal 'K1' refers to goal 'E9', which does not exist")
    #expect(code.message([:]).contains("{owner}"))
  }

  @Test func theHoforsReportLeavesNoPlaceholderUnfilled() {
    let report = Validator(boardID: Hofors.board, period: Hofors.period, options: Hofors.options)
      .validate(Hofors.dataset())
    for d in report.diagnostics {
      #expect(!d.message.contains("{") && !d.message.contains("}"), "\(d.message)")
      #expect(d.hint != nil, "\(d.code) has no hint")
      #expect(d.severity == DiagnosticCode.named(d.code)?.severity)
    }
  }
}
