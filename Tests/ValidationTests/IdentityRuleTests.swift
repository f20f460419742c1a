import Canonical
import Testing
import Validation

@Suite struct IdentityRuleTests {
  @Test func successionsAreTheCataloguesOwn() {
    #expect(KoladaSeries.successions.count == 28)
    #expect(KoladaSeries.successionsByReplacedID["N17494"]?.successor == "N17690")
    #expect(KoladaSeries.successionsByReplacedID["N15419"] == nil)
  }

  @Test func duplicateGoalIDsWithinAUnitFile() {
    var d = Mini.dataset()
    d.goals += [
      Records.unitGoal("E1", "Läsning", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 5),
      Records.unitGoal("E1", "Trygghet", unit: "s1", aligns: ["NM-2"], file: Mini.f1, row: 6),
      Records.unitGoal("E1", "Läsning", unit: "s2", aligns: ["NM-1"], file: Mini.f2, row: 5),
    ]
    let report = Mini.run(d, IdentityRule())
    #expect(report.pairs == pairs(("'Mål'!A6", "duplicate-id")))
    #expect(
      report.diagnostics.first?.message
        == "enhetsmål id 'E1' is used twice by Skola Ett; first at Arbetsplan S1.xlsx: 'Mål'!A5")
  }

  @Test func aKPIMayFollowTwoGoalsButNotOneTwice() {
    var d = Mini.dataset()
    d.kpis += [
      Records.kpi("N15482", "Engelska", goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 5),
      Records.kpi("N15482", "Engelska", goals: ["NM-2"], unit: "s1", file: Mini.f1, row: 6),
      Records.kpi("N15482", "Engelska", goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 7),
    ]
    #expect(Mini.run(d, IdentityRule()).pairs == pairs(("'Nyckeltal'!B7", "duplicate-id")))
  }

  @Test func duplicateActivityIDs() {
    var d = Mini.dataset()
    for row in [5, 6] {
      d.activities.append(
        Records.activity(
          "A1", "Aktivitet \(row)", goals: ["NM-1"], unit: "s1", owner: "Rektor", start: nil,
          end: nil, status: nil, file: Mini.f1, row: row))
    }
    #expect(Mini.run(d, IdentityRule()).pairs == pairs(("'Aktiviteter'!B6", "duplicate-id")))
  }

  @Test func theSameGoalUnderTwoIDs() {
    var d = Mini.dataset()
    d.goals += [
      Records.unitGoal(
        "E1", "Fler elever läser", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 5),
      Records.unitGoal(
        "E2", "Fler  elever LÄSER", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 6),
    ]
    let report = Mini.run(d, IdentityRule())
    #expect(report.pairs == pairs(("'Mål'!B6", "duplicate-goal")))
  }

  @Test func replacedKoladaSeriesUnlessKept() {
    var d = Mini.dataset()
    d.kpis += [
      Records.kpi("N15419", "Behöriga", goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 5),
      Records.kpi("N15419", "Behöriga", goals: ["NM-2"], unit: "s1", file: Mini.f1, row: 6),
      Records.kpi("N17494", "GBP", goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 7),
    ]
    // By default only the catalogue's own successions count: N17494 → N17690.
    let byDefault = Mini.run(d, IdentityRule())
    #expect(byDefault.pairs == pairs(("'Nyckeltal'!B7", "replaced-kolada-series")))
    #expect(
      byDefault.diagnostics.first?.message
        == "nyckeltal 'N17494' is a Kolada series replaced by 'N17690'")
    // A municipality that decided to follow N15508 configures the pair; each unit hears once.
    var successions = KoladaSeries.successionsByReplacedID
    successions["N15419"] = KoladaSuccession(replaced: "N15419", successor: "N15508", source: "BUN")
    let configured = Mini.run(
      d, IdentityRule(), options: ValidationOptions(koladaSuccessions: successions))
    #expect(
      configured.pairs
        == pairs(
          ("'Nyckeltal'!B5", "replaced-kolada-series"), ("'Nyckeltal'!B7", "replaced-kolada-series")
        ))
    let kept = Mini.run(
      d, IdentityRule(),
      options: ValidationOptions(koladaSuccessions: successions, keptSeries: ["N15419", "N17494"]))
    #expect(kept.pairs == [])
  }
}
