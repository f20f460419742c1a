import Canonical
import Testing
import Validation

@Suite struct BoardScopeTests {
  let scope = Validator(boardID: Hofors.board, period: Hofors.period).scope(of: Hofors.dataset())

  @Test func membersAncestorsAndExpectedUnits() {
    #expect(scope.memberUnitIDs.count == 7)
    #expect(scope.ancestorUnitIDs == ["hofors"])
    #expect(
      scope.expectedUnits.map(\.id) == [
        "petreskolan", "robertsholm", "lillaskolan", "torsaker", "fo-norr", "fo-soder",
        "fo-torsaker",
      ])
  }

  @Test func recordsWithoutAUnitTakeTheUnitOfTheirFilesPlan() {
    var d = Mini.dataset()
    var kpi = Records.kpi("K1", "Läsning", goals: ["NM-1"], unit: "s1", file: Mini.f2, row: 5)
    kpi.unitID = nil
    d.kpis.append(kpi)
    let scope = Validator(boardID: "b", period: Mini.period).scope(of: d)
    #expect(scope.kpis.map(\.unitID) == ["s2"])
  }

  @Test func aStatisticsExtractsNyckeltalAreContextNotThePlansToFollowUp() {
    // A Skolverket or Kolada extract defines its nyckeltal as a catalogue; they are not the
    // board's, so they must not be asked for a målvärde or a goal (missing-target, orphan-kpi).
    var d = Mini.dataset()
    let file = "Grundskola - Kostnader per kommun 2024 Kommun.csv"
    d.plans.append(
      Plan(unitID: nil, period: .year(2024), kind: .statistics, provenance: Provenance(file: file)))
    var kpi = Records.kpi(
      "Kostnad per elev", "Kostnad per elev", goals: [], unit: "m", file: file, row: 7)
    kpi.unitID = nil
    d.kpis.append(kpi)
    let scope = Validator(boardID: "b", period: Mini.period).scope(of: d)
    #expect(!scope.kpis.contains { $0.id == "Kostnad per elev" })
    let codes = Validator(boardID: "b", period: Mini.period).validate(d).diagnostics.filter {
      $0.value == "Kostnad per elev"
    }.map(\.code)
    #expect(codes.isEmpty)
  }

  @Test func goalsOfOtherPeriodsAndBoardsAreLeftOut() {
    var d = Mini.dataset()
    d.goals.append(
      Goal(id: "NM-1", title: "Gammalt", level: .board, ownerUnitID: "b", period: .year(2025)))
    d.goals.append(Goal(id: "SN-1", title: "Annan nämnd", level: .board, ownerUnitID: "sn"))
    let scope = Validator(boardID: "b", period: Mini.period).scope(of: d)
    #expect(scope.goals.map(\.id) == ["LGR22-2.2", "KF-1", "NM-1", "NM-2"])
    #expect(scope.goal("NM-1", from: "s1")?.title == "Fler elever når kunskapskraven")
  }

  @Test func kommunkodOutcomesAreTheMunicipalitysAndServeTheBoard() {
    let outcome = scope.outcome(kpiID: "N15419", unitID: Hofors.board, period: .year(2025))
    #expect(outcome?.value == 74.5)
    #expect(outcome?.unitID == "hofors")
    let latest = scope.latestOutcome(kpiID: "N15419", unitID: Hofors.board)
    #expect(latest?.value == 74.5)
    #expect(
      scope.previousOutcome(kpiID: "N15419", unitID: Hofors.board, before: latest?.period)?.value
        == 71.2)
    #expect(scope.outcome(kpiID: "N15419", unitID: Hofors.board) == nil)
  }

  @Test func previousOutcomePrefersTheSameKindOfPeriod() {
    var d = Mini.dataset()
    let values: [(Period, Double)] = [
      (.year(2025), 70), (.quarter(4, 2025), 71), (.quarter(1, 2026), 72), (.quarter(3, 2025), 69),
    ]
    for (p, v) in values {
      d.measurements.append(Measurement(kpiID: "K", unitID: "s1", period: p, value: v))
    }
    let scope = Validator(boardID: "b", period: Mini.period).scope(of: d)
    #expect(scope.outcome(kpiID: "K", unitID: "s1")?.value == 72)
    #expect(scope.latestOutcome(kpiID: "K", unitID: "s1")?.value == 72)
    #expect(scope.previousOutcome(kpiID: "K", unitID: "s1")?.value == 71)
    let yearly = Validator(boardID: "b", period: .tertial(1, 2026)).scope(of: d)
    #expect(yearly.previousOutcome(kpiID: "K", unitID: "s1")?.value == 70)
  }

  @Test func nyckeltalAndActivitiesCountOnlyInTheirFilesPeriod() {
    // s1 delivered for kvartal 4 2025 and kvartal 1 2026; s2 only for kvartal 4 2025 (not
    // delivered in kvartal 1). The board's verksamhetsplan 2026 counts in every quarter of 2026.
    var d = Mini.dataset()
    let old1 = "Arbetsplan S1 Q4 2025.xlsx"
    let old2 = "Arbetsplan S2 Q4 2025.xlsx"
    d.plans.removeAll { $0.unitID == "s2" }
    d.plans.append(Records.plan("s1", .quarter(4, 2025), .unitPlan, file: old1))
    d.plans.append(Records.plan("s2", .quarter(4, 2025), .unitPlan, file: old2))
    for (file, unit, row) in [(Mini.f1, "s1", 5), (old1, "s1", 5), (old2, "s2", 5)] {
      var kpi = Records.kpi("K1", "Läsning", goals: ["NM-1"], unit: unit, file: file, row: row)
      kpi.unitID = nil
      d.kpis.append(kpi)
      var activity = Records.activity(
        "A1", "Läsfrämjande", goals: ["NM-1"], unit: unit, owner: "Rektor", start: "2025-10-01",
        end: "2025-12-31", status: .ongoing, file: file, row: 9)
      activity.unitID = nil
      d.activities.append(activity)
    }
    d.kpis.append(
      Records.kpi("N15419", "Behörighet", goals: ["NM-1"], unit: "b", file: Mini.boardFile, row: 7))
    let scope = Validator(boardID: "b", period: Mini.period).scope(of: d)
    #expect(scope.kpis.map { $0.provenance?.file ?? "" } == [Mini.f1, Mini.boardFile])
    #expect(scope.activities.map { $0.provenance?.file ?? "" } == [Mini.f1])
    #expect(scope.plans.compactMap(\.unitID) == ["b", "s1"])
    let found = Validator(boardID: "b", period: Mini.period).validate(d).diagnostics
    #expect(found.filter { $0.code == "missing-delivery" }.compactMap(\.value) == ["Skola Två"])
    // Only s1's own kvartal 1 activity is judged (it ended 2025-12-31 and is still ongoing).
    let delayed = found.filter { $0.code == "activity-delayed" }
    #expect(delayed.compactMap(\.location?.file) == [Mini.f1])
    // In kvartal 4 2025 the old files count, and the verksamhetsplan 2026 does not.
    let q4 = Validator(boardID: "b", period: .quarter(4, 2025)).scope(of: d)
    #expect(Set(q4.kpis.compactMap(\.provenance?.file)) == [old1, old2])
  }

  @Test func anEarlierQuartersValueIsHistoryNotTheOutcome() {
    var d = Mini.dataset()
    d.measurements.append(
      Measurement(kpiID: "K", unitID: "s1", period: .quarter(4, 2025), value: 70))
    let scope = Validator(boardID: "b", period: Mini.period).scope(of: d)
    #expect(scope.latestOutcome(kpiID: "K", unitID: "s1") == nil)
    #expect(scope.previousOutcome(kpiID: "K", unitID: "s1")?.value == 70)
  }
}
