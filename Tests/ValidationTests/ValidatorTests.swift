import Canonical
import Foundation
import Spreadsheet
import TestSupport
import Testing
import Validation

@Suite struct ValidatorTests {
  let report = Validator(boardID: Hofors.board, period: Hofors.period, options: Hofors.options)
    .validate(Hofors.dataset())

  @Test func findsEveryPlantedFaultWithItsCell() {
    #expect(
      report.pairs
        == pairs(
          ("'Mål'!A6", "goal-without-breakdown"),
          ("'Aktiviteter'!F6", "activity-delayed"),
          ("'Aktiviteter'!F7", "activity-ends-before-start"),
          ("'Mål'!C6", "unresolved-reference"),
          ("'Mål'!F6", "missing-analysis"),
          ("'Nyckeltal'!D7", "missing-target"),
          ("'Nyckeltal'!F5", "implausible-outcome"),
          ("'Aktiviteter'!A6", "orphan-activity"),
          ("'Mål'!C6", "unit-goal-not-aligned"),
          ("'KF-mål'!A4", "uncovered-council-goal"),
          ("'Nyckeltal'!B4", "replaced-kolada-series"),
          ("kolada-2104.csv:12", "total-outside-gender-range"),
          ("units.yaml:27", "missing-delivery")
        ))
  }

  @Test func namesTheFileOfEachFault() {
    let files = report.diagnostics.map { $0.location?.file ?? "" }
    #expect(
      files == [
        "Arbetsplan Förskoleområde Norr 2026.xlsx",
        "Arbetsplan Petreskolan 2026.xlsx", "Arbetsplan Petreskolan 2026.xlsx",
        "Arbetsplan Petreskolan 2026.xlsx", "Arbetsplan Petreskolan 2026.xlsx",
        "Arbetsplan Petreskolan 2026.xlsx",
        "Arbetsplan Robertsholmsskolan 2026.xlsx",
        "Arbetsplan Torsåkers skola 2026.xlsx", "Arbetsplan Torsåkers skola 2026.xlsx",
        "Verksamhetsplan BUN 2026.xlsx", "Verksamhetsplan BUN 2026.xlsx",
        "kolada-2104.csv", "units.yaml",
      ])
  }

  @Test func countsBySeverity() {
    #expect(report.count(.error) == 7)
    #expect(report.count(.warning) == 6)
    #expect(report.hasErrors)
  }

  @Test func messagesMatchTheGoldenFile() throws {
    let text = report.diagnostics.map(\.description).joined(separator: "\n") + "\n"
    try Golden.check(text, suite: "ValidatorTests", name: "hofors-2026-Q1.txt")
  }

  @Test func theDocumentedExampleHolds() {
    let validator = Validator(boardID: "hofors-bun", period: .quarter(1, 2026))
    let report = validator.validate(Hofors.dataset())
    #expect(
      report.diagnostics.map(\.description).contains(
        "Arbetsplan Petreskolan 2026.xlsx: 'Mål'!C6: error: enhetsmål 'PE-2' refers to goal "
          + "'NM-9', which does not exist [unresolved-reference]\n"
          + "  hint: did you mean 'NM-1', 'NM-2' or 'NM-3'?"))
  }

  @Test func docsDescribeEveryCode() throws {
    let text = try String(contentsOf: Fixture.repo("docs/validation.md"), encoding: .utf8)
    for code in DiagnosticCode.codes(in: .redThread) {
      #expect(text.contains("`\(code.id)`"), "docs/validation.md does not describe \(code.id)")
    }
  }

  @Test func withDefaultSettingsN15419IsNotReplaced() {
    let plain = Validator(boardID: Hofors.board, period: Hofors.period).validate(Hofors.dataset())
    #expect(plain.diagnostics(code: "replaced-kolada-series").isEmpty)
    #expect(plain.diagnostics.count == report.diagnostics.count - 1)
  }

  @Test func suppressedCodesAreLeftOut() {
    var options = Hofors.options
    options.suppressedCodes = ["activity-delayed", "missing-delivery"]
    let quiet = Validator(boardID: Hofors.board, period: Hofors.period, options: options)
      .validate(Hofors.dataset())
    #expect(quiet.diagnostics.count == report.diagnostics.count - 2)
    #expect(quiet.diagnostics(code: "activity-delayed").isEmpty)
  }

  @Test func cleanDatasetGivesNoDiagnostics() {
    var d = Hofors.dataset()
    d.goals.removeAll { ["PE-2", "TO-2", "FN-2"].contains($0.id) }
    d.goals = d.goals.filter { $0.id != "KF-3" }
    d.assessments.removeAll { $0.goalID == "PE-2" }
    d.kpis.removeAll { ["PE-N3", "PE-T1", "N15419"].contains($0.id) }
    d.targets.removeAll { $0.kpiID == "N15419" || $0.kpiID == "PE-T1" }
    d.activities.removeAll { $0.unitID == "petreskolan" && $0.id != "A1" }
    d.activities.removeAll { $0.unitID == "torsaker" && $0.id == "A2" }
    d.measurements.removeAll {
      $0.value == 812 || ($0.kpiID == "N15814" && $0.period == .year(2024))
    }
    d.units.removeAll { $0.id == "fo-torsaker" }
    let clean = Validator(boardID: Hofors.board, period: Hofors.period, options: Hofors.options)
      .validate(d)
    #expect(clean.diagnostics.map(\.description) == [])
    #expect(!clean.hasErrors)
  }

  @Test func validationIsDeterministic() {
    let again = Validator(boardID: Hofors.board, period: Hofors.period, options: Hofors.options)
      .validate(Hofors.dataset())
    #expect(again == report)
  }
}
