import Canonical
import Testing
import Validation

@Suite struct ReferenceRuleTests {
  func dataset() -> Dataset {
    var d = Mini.dataset()
    d.goals.append(
      Records.unitGoal(
        "E1", "Fler läser med flyt", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 5))
    return d
  }

  @Test func resolvedReferencesPass() {
    var d = dataset()
    d.kpis.append(
      Records.kpi("K1", "Läsning, andel (%)", goals: ["E1"], unit: "s1", file: Mini.f1, row: 5))
    d.kpis.append(
      Records.kpi("K2", "Trygghet, andel (%)", goals: ["NM-2"], unit: "s1", file: Mini.f1, row: 6))
    d.targets.append(
      Records.target("K1", "Minst 80 %", .atLeast, 80, unit: "s1", file: Mini.f1, row: 5))
    d.assessments.append(
      Records.assessment("E1", unit: "s1", .fulfilled, analysis: nil, file: Mini.f1, row: 5))
    #expect(Mini.run(d, ReferenceRule()).pairs == [])
  }

  @Test func kpiGoalReferenceIsCheckedAtItsGoalCell() {
    var d = dataset()
    d.kpis.append(
      Records.kpi("K1", "Läsning, andel (%)", goals: ["E-1"], unit: "s1", file: Mini.f1, row: 7))
    let report = Mini.run(d, ReferenceRule())
    #expect(report.pairs == pairs(("'Nyckeltal'!A7", "unresolved-reference")))
    #expect(
      report.diagnostics.first?.message
        == "nyckeltal 'K1' refers to goal 'E-1', which does not exist")
    #expect(report.diagnostics.first?.hint == "did you mean 'E1' (Fler läser med flyt)?")
  }

  @Test func activityAndAssessmentReferences() {
    var d = dataset()
    d.activities.append(
      Records.activity(
        "A1", "Läsläxor", goals: ["E9"], unit: "s1", owner: "Rektor", start: nil, end: nil,
        status: .ongoing, file: Mini.f1, row: 5))
    d.assessments.append(
      Records.assessment("NM-7", unit: "s1", .fulfilled, analysis: nil, file: Mini.f1, row: 6))
    #expect(
      Mini.run(d, ReferenceRule()).pairs
        == pairs(("'Aktiviteter'!A5", "unresolved-reference"), ("'Mål'!E6", "unresolved-reference"))
    )
  }

  @Test func aTargetForAnIndicatorThePlanDoesNotUse() {
    var d = dataset()
    d.kpis.append(
      Records.kpi(
        "N15482", "Engelska åk 6, andel (%)", goals: ["E1"], unit: "s1", file: Mini.f1, row: 5))
    d.targets.append(
      Records.target("N15428", "Minst 90 %", .atLeast, 90, unit: "s1", file: Mini.f1, row: 6))
    let report = Mini.run(d, ReferenceRule())
    #expect(report.pairs == pairs(("'Nyckeltal'!B6", "unresolved-reference")))
    #expect(report.diagnostics.first?.hint == "did you mean 'N15482' (Engelska åk 6, andel (%))?")
  }

  @Test func unknownUnitIsReportedOnceWithAliasSuggestion() {
    var d = dataset()
    d.plans.append(Records.plan("Etan", Mini.period, .unitPlan, file: "Arbetsplan Etan.xlsx"))
    d.goals.append(
      Records.unitGoal(
        "X1", "Mål", unit: "Etan", aligns: ["NM-1"], file: "Arbetsplan Etan.xlsx", row: 5))
    let report = Mini.run(d, ReferenceRule())
    #expect(report.pairs == pairs(("'Mål'!B2", "unresolved-unit")))
    #expect(report.diagnostics.first?.hint == "did you mean 's1' (Ettan)?")
  }

  @Test func noSuggestionListsTheFewKnownIDs() {
    var d = dataset()
    d.kpis.append(
      Records.kpi(
        "K1", "Läsning", goals: ["Ekonomi i balans"], unit: "s1", file: Mini.f1, row: 5))
    #expect(
      Mini.run(d, ReferenceRule()).diagnostics.first?.hint
        == "known goals of Skola Ett: E1, NM-1, NM-2")
  }
}
