import Canonical
import Testing

@testable import Pipeline

/// What `plan send` carries forward into a unit's workbook: the unit's plans that count, by
/// the report's rule (``Dataset/planFiles(countingIn:)``), in the latest period it planned
/// for up to the period sent.
@Suite struct PlanCarryForwardTests {
  /// A plan of `unit` for `period` read from `file`, with one activity.
  func delivery(_ unit: String, _ period: Period, _ file: String, kind: Plan.Kind = .unitPlan)
    -> Dataset
  {
    var d = Dataset()
    let from = Provenance(file: file)
    d.plans = [Plan(unitID: unit, period: period, kind: kind, provenance: from)]
    d.activities = [Activity(id: "\(file)-a", title: file, unitID: unit, provenance: from)]
    return d
  }

  func dataset(_ parts: [Dataset]) -> Dataset {
    var all = Dataset()
    for part in parts { all.append(contentsOf: part) }
    return all
  }

  @Test func theLatestPlanUpToThePeriodIsCarriedNotTheYearItRestatesNorALaterOne() {
    let all = dataset([
      delivery("petre", .year(2026), "petre-2026.xlsx"),
      delivery("petre", .quarter(2, 2026), "petre-q2.xlsx"),
      delivery("petre", .quarter(3, 2026), "petre-q3.xlsx"),
      delivery("petre", .quarter(1, 2027), "petre-2027-q1.xlsx"),
      // A unit that planned for the year only: its year plan is carried.
      delivery("asen", .year(2026), "asen-2026.xlsx"),
      // Two files for the same latest period both count (duplicate-delivery says so).
      delivery("norr", .quarter(3, 2026), "norr-q3.xlsx"),
      delivery("norr", .quarter(3, 2026), "norr-q3-rättad.xlsx"),
      // The board's plans are not a unit's: every one stays.
      delivery("bun", .year(2026), "bun-2026.xlsx", kind: .boardPlan),
      delivery("bun", .year(2025), "bun-2025.xlsx", kind: .boardPlan),
    ])
    let sent = PlanSender.carriedForward(all, to: .quarter(4, 2026))
    #expect(
      Set(sent.activities.map(\.title)) == [
        "petre-q3.xlsx", "asen-2026.xlsx", "norr-q3.xlsx", "norr-q3-rättad.xlsx",
        "bun-2026.xlsx", "bun-2025.xlsx",
      ])
    #expect(Set(sent.plans.compactMap(\.provenance?.file)) == Set(sent.activities.map(\.title)))
  }

  @Test func ofTwoPlansStartingTheSameDayTheShorterIsCarried() {
    let all = dataset([
      delivery("petre", .year(2026), "petre-2026.xlsx"),
      delivery("petre", .tertial(1, 2026), "petre-t1.xlsx"),
    ])
    #expect(
      PlanSender.carriedForward(all, to: .tertial(2, 2026)).activities.map(\.title)
        == ["petre-t1.xlsx"])
    // Before any plan of the unit starts, nothing of it is carried.
    #expect(PlanSender.carriedForward(all, to: .quarter(4, 2025)).activities.isEmpty)
  }
}
