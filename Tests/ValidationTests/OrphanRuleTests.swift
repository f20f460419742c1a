import Canonical
import Testing
import Validation

@Suite struct OrphanRuleTests {
  @Test func kpiAndActivityWithoutGoalAreReportedAtTheGoalColumn() {
    var d = Mini.dataset()
    d.kpis += [
      Records.kpi("K1", "Närvaro, andel (%)", goals: [], unit: "s1", file: Mini.f1, row: 5),
      Records.kpi("K2", "Läsning", goals: [" "], unit: "s1", file: Mini.f1, row: 6),
      Records.kpi("K3", "Trygghet", goals: ["NM-2"], unit: "s1", file: Mini.f1, row: 7),
    ]
    d.activities.append(
      Records.activity(
        "A1", "Fortbildning", goals: [], unit: "s1", owner: "Rektor", start: nil, end: nil,
        status: nil, file: Mini.f1, row: 5))
    let report = Mini.run(d, OrphanRule())
    #expect(
      report.pairs
        == pairs(
          ("'Aktiviteter'!A5", "orphan-activity"), ("'Nyckeltal'!A5", "orphan-kpi"),
          ("'Nyckeltal'!A6", "orphan-kpi")))
    #expect(
      report.diagnostics.last?.message == "nyckeltal 'K2' (Läsning) is linked to no goal")
  }

  @Test func anUnresolvedLinkIsNotAnOrphan() {
    var d = Mini.dataset()
    d.kpis.append(Records.kpi("K1", "Läsning", goals: ["E9"], unit: "s1", file: Mini.f1, row: 5))
    #expect(Mini.run(d, OrphanRule()).pairs == [])
  }
}
