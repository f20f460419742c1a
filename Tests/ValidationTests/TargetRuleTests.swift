import Canonical
import Testing
import Validation

@Suite struct TargetRuleTests {
  func dataset(target period: Period?, comparison: Target.Comparison = .atLeast) -> Dataset {
    var d = Mini.dataset()
    d.kpis.append(
      Records.kpi(
        "N15482", "Engelska åk 6, andel (%)", goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 5,
        direction: .higher))
    if let period {
      d.targets.append(
        Records.target(
          "N15482", "Minst 90 %", comparison, 90, unit: "s1", file: Mini.f1, row: 5,
          period: period))
    }
    return d
  }

  @Test(arguments: [Period.quarter(1, 2026), .year(2026), .tertial(1, 2026)])
  func aTargetForThePeriodOrAPeriodContainingItCounts(period: Period) {
    #expect(Mini.run(dataset(target: period), TargetRule()).pairs == [])
  }

  @Test(arguments: [Period.year(2025), .quarter(2, 2026)])
  func aTargetForAnotherPeriodDoesNot(period: Period) {
    #expect(
      Mini.run(dataset(target: period), TargetRule()).pairs
        == pairs(("'Nyckeltal'!D5", "missing-target")))
  }

  @Test func noTargetIsReportedAtTheTargetCell() {
    let report = Mini.run(dataset(target: nil), TargetRule())
    #expect(report.pairs == pairs(("'Nyckeltal'!D5", "missing-target")))
    #expect(
      report.diagnostics.first?.message
        == "nyckeltal 'N15482' (Engelska åk 6, andel (%)) has no målvärde for kvartal 1 2026")
  }

  @Test func anotherUnitsTargetDoesNotCount() {
    var d = dataset(target: nil)
    d.targets.append(
      Records.target("N15482", "Minst 90 %", .atLeast, 90, unit: "s2", file: Mini.f2, row: 5))
    #expect(Mini.run(d, TargetRule()).pairs == pairs(("'Nyckeltal'!D5", "missing-target")))
  }

  @Test func aTargetAgainstTheDirectionIsAWarning() {
    let report = Mini.run(dataset(target: .year(2026), comparison: .atMost), TargetRule())
    #expect(report.pairs == pairs(("'Nyckeltal'!D5", "target-direction-conflict")))
    #expect(report.diagnostics.first?.severity == .warning)
  }

  @Test func theTargetOfTheSameRowComesFirst() {
    var d = dataset(target: .year(2026))
    d.targets.insert(
      Records.target("N15482", "Minst 85 %", .atLeast, 85, unit: "s1", file: Mini.f1, row: 9), at: 0
    )
    let scope = Validator(boardID: "b", period: Mini.period).scope(of: d)
    #expect(scope.targets(for: scope.kpis[0]).map(\.text) == ["Minst 90 %", "Minst 85 %"])
  }
}
