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
}
