import Canonical
import Testing

/// Which delivered plan counts in which report (``Period/counts(in:)``) and what a period
/// selection keeps (``Dataset/selecting(_:)``).
@Suite struct PeriodCountingTests {
  @Test(arguments: [
    (Period.quarter(3, 2026), Period.quarter(3, 2026), true),
    (.year(2026), .quarter(3, 2026), true),  // the verksamhetsplan in each quarter
    (.schoolYear(2026), .quarter(3, 2026), true),  // läsår 2026/27 contains July–September
    (.schoolYear(2025), .quarter(3, 2026), false),
    (.quarter(2, 2026), .quarter(3, 2026), false),  // history, not the period's
    (.quarter(3, 2025), .quarter(3, 2026), false),
    (.tertial(1, 2026), .tertial(2, 2026), false),  // cumulative, yet its own follow-up
    (.tertial(2, 2026), .tertial(1, 2026), false),
    (.year(2026), .tertial(3, 2026), true),
    (.month(8, 2026), .quarter(3, 2026), false),  // a shorter snapshot inside
  ])
  func planCounts(plan: Period, report: Period, expected: Bool) {
    #expect(plan.counts(in: report) == expected)
  }

  static func dataset() -> Dataset {
    var d = Dataset(units: [OrgUnit(id: "s1", name: "Skola 1", kind: .school)])
    for (file, period) in [("q2.xlsx", Period.quarter(2, 2026)), ("q3.xlsx", .quarter(3, 2026))] {
      let p = Provenance(file: file)
      d.plans.append(Plan(unitID: "s1", period: period, kind: .unitPlan, provenance: p))
      d.kpis.append(KPI(id: "K-\(file)", name: "K", provenance: p))
      d.activities.append(Activity(id: "A-\(file)", title: "A", provenance: p))
      d.measurements.append(Measurement(kpiID: "K", unitID: "s1", period: period, value: 1))
    }
    let board = Provenance(file: "vp.xlsx")
    d.plans.append(Plan(unitID: "b", period: .year(2026), kind: .boardPlan, provenance: board))
    d.kpis.append(KPI(id: "K-vp", name: "K", provenance: board))
    d.measurements.append(Measurement(kpiID: "K", unitID: "m", period: .year(2025), value: 2))
    return d
  }

  @Test func onePeriodKeepsItsFilesTheYearPlanAndItsOwnOutcomes() {
    let q3 = Self.dataset().selecting(.period(.quarter(3, 2026)))
    #expect(q3.kpis.map(\.id) == ["K-q3.xlsx", "K-vp"])
    #expect(q3.activities.map(\.id) == ["A-q3.xlsx"])
    #expect(q3.plans.compactMap(\.provenance?.file) == ["q3.xlsx", "vp.xlsx"])
    #expect(q3.measurements.compactMap(\.period) == [.quarter(3, 2026)])
    #expect(q3.units.count == 1)
  }

  @Test func aRangeKeepsEveryFileAndOutcomeInsideIt() {
    let range = Self.dataset().selecting(.range(from: .year(2025), to: .quarter(2, 2026)))
    #expect(range.kpis.map(\.id) == ["K-q2.xlsx", "K-vp"])
    #expect(range.measurements.compactMap(\.period) == [.quarter(2, 2026), .year(2025)])
    let open = Self.dataset().selecting(.range(from: .quarter(2, 2026), to: nil))
    #expect(open.kpis.map(\.id) == ["K-q2.xlsx", "K-q3.xlsx", "K-vp"])
  }
}
