import Canonical
import Testing
import Validation

@Suite struct BreakdownRuleTests {
  func dataset(prioritised: Bool = true) -> Dataset {
    var d = Mini.dataset()
    d.goals += [
      Records.unitGoal(
        "E1", "Läsning", unit: "s1", aligns: ["NM-1"], prioritised: prioritised, file: Mini.f1,
        row: 5),
      Records.unitGoal(
        "E2", "Trygghet", unit: "s1", aligns: ["NM-2"], prioritised: prioritised, file: Mini.f1,
        row: 6),
    ]
    return d
  }

  @Test func prioritisedGoalWithNothingUnderItIsReportedAtItsIDCell() {
    var d = dataset()
    d.kpis.append(Records.kpi("K1", "Läsning", goals: ["E1"], unit: "s1", file: Mini.f1, row: 5))
    let report = Mini.run(d, BreakdownRule())
    #expect(report.pairs == pairs(("'Mål'!A6", "goal-without-breakdown")))
    #expect(report.diagnostics.first?.severity == .warning)
  }

  @Test func anActivityIsEnough() {
    var d = dataset()
    d.kpis.append(Records.kpi("K1", "Läsning", goals: ["E1"], unit: "s1", file: Mini.f1, row: 5))
    d.activities.append(
      Records.activity(
        "A1", "Rastvakter", goals: ["E2"], unit: "s1", owner: "Rektor", start: nil, end: nil,
        status: .ongoing, file: Mini.f1, row: 5))
    #expect(Mini.run(d, BreakdownRule()).pairs == [])
  }

  @Test func aSubGoalsIndicatorCountsForItsParent() {
    var d = dataset()
    d.goals.append(
      Records.unitGoal(
        "E2.1", "Trygga raster", unit: "s1", aligns: [], prioritised: false, file: Mini.f1, row: 7,
        parent: "E2"))
    d.kpis += [
      Records.kpi("K1", "Läsning", goals: ["E1"], unit: "s1", file: Mini.f1, row: 5),
      Records.kpi("K2", "Trygga raster", goals: ["E2.1"], unit: "s1", file: Mini.f1, row: 6),
    ]
    #expect(Mini.run(d, BreakdownRule()).pairs == [])
  }

  @Test func goalsNotPrioritisedNeedNoBreakdown() {
    #expect(Mini.run(dataset(prioritised: false), BreakdownRule()).pairs == [])
  }

  @Test func anotherUnitsIndicatorDoesNotCount() {
    var d = dataset()
    d.kpis += [
      Records.kpi("K1", "Läsning", goals: ["E1"], unit: "s1", file: Mini.f1, row: 5),
      Records.kpi("K2", "Trygghet", goals: ["E2"], unit: "s2", file: Mini.f2, row: 5),
    ]
    #expect(Mini.run(d, BreakdownRule()).pairs == pairs(("'Mål'!A6", "goal-without-breakdown")))
  }
}
