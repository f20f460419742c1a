import Canonical
import Spreadsheet
import Testing
import Validation

@Suite struct CoverageRuleTests {
  @Test func everyUnitDeliveredAndEveryCouncilGoalCovered() {
    #expect(Mini.run(Mini.dataset(), CoverageRule()).pairs == [])
  }

  @Test func aUnitWithoutAFileIsMissing() {
    var d = Mini.dataset()
    d.plans.removeAll { $0.unitID == "s2" }
    let report = Mini.run(d, CoverageRule())
    #expect(report.pairs == pairs(("", "missing-delivery")))
    #expect(
      report.diagnostics.first?.message == "Skola Två (s2) delivered no file for kvartal 1 2026")
  }

  @Test func aStatisticsExtractIsNotADelivery() {
    var d = Mini.dataset()
    d.plans.removeAll { $0.unitID == "s2" }
    d.plans.append(Records.plan("s2", Mini.period, .statistics, file: "skolverket.csv"))
    #expect(Mini.run(d, CoverageRule()).pairs.map(\.code) == ["missing-delivery"])
  }

  @Test func aYearPlanCoversItsQuarters() {
    var d = Mini.dataset()
    d.plans[2].period = .year(2026)
    #expect(Mini.run(d, CoverageRule()).pairs == [])
  }

  @Test func aPlanOfAnotherYearDoesNotCount() {
    var d = Mini.dataset()
    d.plans[2].period = .quarter(1, 2025)
    #expect(Mini.run(d, CoverageRule()).pairs.map(\.code) == ["missing-delivery"])
  }

  @Test func expectedUnitsCanBeGiven() {
    var d = Mini.dataset()
    d.plans.removeAll { $0.unitID == "s2" }
    #expect(
      Mini.run(d, CoverageRule(), options: ValidationOptions(expectedUnitIDs: ["s1"])).pairs == [])
  }

  @Test func onlyLeafUnitsDeliver() {
    var d = Mini.dataset()
    d.units.append(OrgUnit(id: "area", name: "Område", kind: .area, parentID: "b"))
    d.units[2].parentID = "area"
    d.units.append(OrgUnit(id: "adm", name: "Förvaltningen", kind: .administration, parentID: "b"))
    let scope = Validator(boardID: "b", period: Mini.period).scope(of: d)
    #expect(scope.expectedUnits.map(\.id) == ["s1", "s2"])
    #expect(Mini.run(d, CoverageRule()).pairs == [])
  }

  @Test func twoFilesFromOneUnit() {
    var d = Mini.dataset()
    d.plans.append(Records.plan("s1", Mini.period, .unitPlan, file: "Arbetsplan S1 rättad.xlsx"))
    let report = Mini.run(d, CoverageRule())
    #expect(report.pairs == pairs(("Arbetsplan S1 rättad.xlsx", "duplicate-delivery")))
  }

  @Test func aFileOfAnotherBoardsUnit() {
    var d = Mini.dataset()
    d.units.append(OrgUnit(id: "ks", name: "Kommunstyrelsen", kind: .board, parentID: "m"))
    d.units.append(OrgUnit(id: "musik", name: "Musikskolan", kind: .school, parentID: "ks"))
    d.plans.append(
      Records.plan("musik", Mini.period, .unitPlan, file: "Arbetsplan Musikskolan.xlsx"))
    d.goals.append(
      Records.unitGoal(
        "MU-1", "Fler spelar", unit: "musik", aligns: [], file: "Arbetsplan Musikskolan.xlsx",
        row: 5))
    let report = Validator(boardID: "b", period: Mini.period).validate(d)
    #expect(report.pairs == pairs(("Arbetsplan Musikskolan.xlsx", "unit-outside-board")))
  }

  @Test func anUncoveredCouncilGoal() {
    var d = Mini.dataset()
    d.goals.append(
      Goal(
        id: "KF-2", title: "Ekonomi i balans", level: .council,
        provenance: Records.at(Mini.boardFile, "KF-mål", row: 3, ["id": "A"])))
    #expect(Mini.run(d, CoverageRule()).pairs == pairs(("'KF-mål'!A3", "uncovered-council-goal")))
  }

  @Test func aBoardWithoutNamndmalMustDeliver() {
    var d = Mini.dataset()
    d.goals.removeAll { $0.level == .board }
    d.plans.removeAll { $0.kind == .boardPlan }
    #expect(
      Mini.run(d, CoverageRule()).diagnostics.map(\.message) == [
        "Nämnden (b) delivered no file for kvartal 1 2026"
      ])
  }

  @Test func anUnknownBoard() {
    let report = Validator(boardID: "bun", period: Mini.period).validate(Mini.dataset())
    #expect(report.pairs.first == Pair("", "unknown-board"))
    #expect(report.diagnostics.first?.hint == "known boards: b")
  }
}
