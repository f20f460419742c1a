import Canonical
import Reporting
import Testing
import Validation

@Suite struct KPIRowTests {
  /// One school under a board with one nyckeltal, a målvärde and outcomes by period.
  func row(
    direction: KPI.Direction? = nil, target: Target?, outcomes: [(Period, Double?)],
    missing: Measurement.MissingReason? = nil, unitOfMeasure: String = "%",
    thresholds: StatusThresholds? = nil
  ) -> KPIRow? {
    var d = Dataset()
    d.units = [
      OrgUnit(id: "b", name: "Nämnden", kind: .board),
      OrgUnit(id: "s", name: "Skolan", kind: .school, parentID: "b"),
    ]
    d.goals = [Goal(id: "NM-1", title: "Mål", level: .board, ownerUnitID: "b")]
    d.kpis = [
      KPI(
        id: "K", name: "Andel", unitOfMeasure: unitOfMeasure, direction: direction,
        goalIDs: ["NM-1"], unitID: "s")
    ]
    if var target {
      target.unitID = "s"
      d.targets = [target]
    }
    for (period, value) in outcomes {
      d.measurements.append(
        Measurement(
          kpiID: "K", unitID: "s", period: period, value: value,
          missingReason: value == nil ? missing : nil))
    }
    return BoardReport.make(
      dataset: d, boardID: "b", period: .tertial(2, 2026),
      options: ValidationOptions(statusThresholds: thresholds),
      reportDate: CalendarDate(year: 2026, month: 9, day: 15)
    ).kpis.first
  }

  let atLeast80 = Target(
    kpiID: "K", period: .year(2026), comparison: .atLeast, value: 80, text: "Minst 80 %")

  @Test func metAndNotMet() {
    #expect(row(target: atLeast80, outcomes: [(.tertial(2, 2026), 80)])?.status == .met)
    #expect(row(target: atLeast80, outcomes: [(.tertial(2, 2026), 79.9)])?.status == .notMet)
  }

  /// Helsingborg's bands: 100 % of the målvärde or more is met, 91–99 % partly met, 90 % or
  /// less not met; a målvärde to stay under is judged the other way round.
  @Test(arguments: [
    (80.0, KPIStatus.met), (79.9, .partlyMet), (72.8, .partlyMet), (72.7, .notMet),
    (72.0, .notMet),
  ])
  func helsingborgsStatusThresholds(outcome: Double, status: KPIStatus) {
    let bands = StatusThresholds(met: 100, partlyMet: 91)
    #expect(
      row(target: atLeast80, outcomes: [(.tertial(2, 2026), outcome)], thresholds: bands)?
        .status == status)
  }

  @Test func thresholdsForATargetToStayUnderAndOneWithoutBands() {
    let bands = StatusThresholds(met: 100, partlyMet: 91)
    let atMost10 = Target(
      kpiID: "K", period: .year(2026), comparison: .atMost, value: 10, text: "Högst 10")
    #expect(
      row(target: atMost10, outcomes: [(.tertial(2, 2026), 10.5)], thresholds: bands)?
        .status == .partlyMet)
    #expect(
      row(target: atMost10, outcomes: [(.tertial(2, 2026), 12)], thresholds: bands)?
        .status == .notMet)
    let exactly = Target(
      kpiID: "K", period: .year(2026), comparison: .equal, value: 100, text: "100 %")
    #expect(
      row(target: exactly, outcomes: [(.tertial(2, 2026), 95)], thresholds: bands)?
        .status == .notMet)
    // A board that counts 95 % of the målvärde as met, with no partly band.
    #expect(
      row(
        target: atLeast80, outcomes: [(.tertial(2, 2026), 76)],
        thresholds: StatusThresholds(met: 95))?.status == .met)
  }

  @Test func noTargetWinsOverAnOutcome() {
    #expect(row(target: nil, outcomes: [(.tertial(2, 2026), 90)])?.status == .noTarget)
  }

  @Test func aMissingTokenIsNoOutcomeWithItsReason() {
    let r = row(target: atLeast80, outcomes: [(.tertial(2, 2026), nil)], missing: .suppressed)
    #expect(r?.status == .noOutcome)
    #expect(r?.missingReason?.swedishLabel == "Sekretess (..)")
  }

  @Test func theLatestOutcomeUpToThePeriodIsUsed() {
    let r = row(
      target: atLeast80,
      outcomes: [(.year(2024), 70), (.year(2025), 82), (.tertial(3, 2026), 99)])
    #expect(r?.outcome == 82)
    #expect(r?.outcomePeriod == .year(2025))
    #expect(r?.previous == 70)
    #expect(r?.status == .met)
  }

  @Test func increaseNeedsAPreviousOutcome() {
    let increase = Target(kpiID: "K", period: .year(2026), comparison: .increase, text: "Öka")
    #expect(row(target: increase, outcomes: [(.tertial(2, 2026), 50)])?.status == .undetermined)
    let r = row(target: increase, outcomes: [(.tertial(2, 2025), 48), (.tertial(2, 2026), 50)])
    #expect(r?.status == .met)
    #expect(r?.direction == .higher)
    #expect(r?.trend == .improving)
  }

  @Test func trendFollowsTheDirection() {
    let atMost = Target(
      kpiID: "K", period: .year(2026), comparison: .atMost, value: 7.5, text: "Max 7,5 %")
    let r = row(target: atMost, outcomes: [(.tertial(2, 2025), 8.1), (.tertial(2, 2026), 7.2)])
    #expect(r?.trend == .improving)
    #expect(r?.status == .met)
    let neutral = Target(
      kpiID: "K", period: .year(2026), comparison: .range, value: 5, upperValue: 5.5,
      text: "5,0–5,5")
    let n = row(
      direction: .neutral, target: neutral,
      outcomes: [(.tertial(2, 2025), 5.1), (.tertial(2, 2026), 5.3)], unitOfMeasure: "antal")
    #expect(n?.trend == .rising)
    #expect(n?.status == .met)
  }
}
