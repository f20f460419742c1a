import Canonical
import Testing
import Validation

@Suite struct AssessmentRuleTests {
  @Test(arguments: [
    (Assessment.Level.partlyFulfilled, nil as String?, true),
    (.notFulfilled, "  ", true),
    (.notFulfilled, "Färre elever nådde målen; vi sätter in läsfrämjande insatser.", false),
    (.fulfilled, nil, false),
    (.notAssessed, nil, false),
  ])
  func partlyOrNotFulfilledNeedsAnAnalysis(
    level: Assessment.Level, analysis: String?, reported: Bool
  ) {
    var d = Mini.dataset()
    d.goals.append(
      Records.unitGoal("E1", "Läsning", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 5))
    d.assessments.append(
      Records.assessment("E1", unit: "s1", level, analysis: analysis, file: Mini.f1, row: 5))
    let report = Mini.run(d, AssessmentRule())
    #expect(report.pairs == (reported ? pairs(("'Mål'!F5", "missing-analysis")) : []))
  }

  @Test func messageNamesTheLevelAndAssessment() {
    var d = Mini.dataset()
    d.assessments.append(
      Assessment(
        goalID: "NM-2", unitID: "b", period: Mini.period, level: .partlyFulfilled,
        provenance: Records.at(
          Mini.boardFile, "Nämndmål", row: 5, ["analysis": "F"], anchor: "analysis")))
    #expect(
      Mini.run(d, AssessmentRule()).diagnostics.map(\.description) == [
        "Verksamhetsplan.xlsx: 'Nämndmål'!F5: warning: nämndmål 'NM-2' is assessed 'Delvis uppfyllt' without an analysis [missing-analysis]\n  hint: write what explains the result and what the unit will do"
      ])
  }
}
