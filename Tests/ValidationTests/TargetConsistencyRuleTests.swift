import Canonical
import Testing
import Validation

/// A målvärde in another unit than its nyckeltal, and a unit's målvärde against the board's
/// direction.
@Suite struct TargetConsistencyRuleTests {
  func dataset(
    unitTarget: (String, Target.Comparison, Double), kpiUnit: String? = nil,
    name: String = "Meritvärde åk 9"
  ) -> Dataset {
    var d = Mini.dataset()
    d.kpis.append(
      Records.kpi(
        "N15505", "Meritvärde åk 9", goals: ["NM-1"], unit: "b", file: "BUN.xlsx", row: 4,
        direction: .higher))
    d.targets.append(
      Records.target("N15505", "Minst 230", .atLeast, 230, unit: "b", file: "BUN.xlsx", row: 4))
    d.kpis.append(
      Records.kpi(
        "N15505", name, goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 5,
        unitOfMeasure: kpiUnit))
    d.targets.append(
      Records.target(
        "N15505", unitTarget.0, unitTarget.1, unitTarget.2, unit: "s1", file: Mini.f1, row: 5))
    return d
  }

  @Test func aUnitTargetAskingTheOppositeOfTheBoardIsAWarning() {
    let report = Mini.run(dataset(unitTarget: ("Högst 230", .atMost, 230)), TargetConsistencyRule())
    #expect(report.pairs == pairs(("'Nyckeltal'!D5", "target-against-board")))
    #expect(report.diagnostics.first?.severity == .warning)
    #expect(
      report.diagnostics.first?.message
        == "målvärde 'Högst 230' of unit 'Skola Ett' for nyckeltal 'N15505' asks for lower values, "
        + "but the board wants higher values")
  }

  @Test func aUnitTargetInTheBoardsDirectionIsFine() {
    #expect(
      Mini.run(dataset(unitTarget: ("Minst 235", .atLeast, 235)), TargetConsistencyRule()).pairs
        == [])
  }

  @Test func aPercentTargetOnAKronorKPIIsAnError() {
    let report = Mini.run(
      dataset(
        unitTarget: ("Minst 80 %", .atLeast, 80), kpiUnit: "kr", name: "Kostnad per elev"),
      TargetConsistencyRule())
    #expect(report.pairs == pairs(("'Nyckeltal'!D5", "target-unit-mismatch")))
    #expect(report.diagnostics.first?.severity == .error)
  }

  @Test(arguments: [
    ("Minst 80 %", MeasureKind.percent), ("Högst 12 000 kr", .cost), ("Minst 230", nil),
    ("Max 5 tkr", .cost), ("Öka", nil),
  ])
  func theUnitATargetNames(text: String, measure: MeasureKind?) {
    #expect(TargetConsistencyRule.measure(ofTargetText: text) == measure)
  }
}
