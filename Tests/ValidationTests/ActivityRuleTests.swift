import Canonical
import Testing
import Validation

@Suite struct ActivityRuleTests {
  func run(
    start: String?, end: String?, status: Activity.Status?, asOf: CalendarDate? = nil
  ) -> ValidationReport {
    var d = Mini.dataset()
    d.activities.append(
      Records.activity(
        "A1", "Läsfrämjande insatser", goals: ["NM-1"], unit: "s1", owner: "Rektor",
        start: start, end: end, status: status, file: Mini.f1, row: 5))
    return Mini.run(d, ActivityRule(), options: ValidationOptions(asOf: asOf))
  }

  @Test func endBeforeStartIsAnErrorAtTheEndCell() {
    let report = run(start: "2026-03-01", end: "2026-02-01", status: .notStarted)
    #expect(report.pairs == pairs(("'Aktiviteter'!F5", "activity-ends-before-start")))
    #expect(report.diagnostics.first?.severity == .error)
  }

  @Test(arguments: [Activity.Status.ongoing, .notStarted, .onHold, .delayed])
  func pastItsEndAndNotDoneIsDelayed(status: Activity.Status) {
    let report = run(start: "2025-08-18", end: "2026-02-28", status: status)
    #expect(report.pairs == pairs(("'Aktiviteter'!F5", "activity-delayed")))
    #expect(report.diagnostics.first?.severity == .warning)
  }

  @Test(arguments: [Activity.Status.done, .cancelled])
  func doneOrCancelledIsNotDelayed(status: Activity.Status) {
    #expect(run(start: "2025-08-18", end: "2026-02-28", status: status).pairs == [])
  }

  @Test func judgedOnThePeriodEndUnlessAnotherDayIsGiven() {
    #expect(run(start: "2026-01-08", end: "2026-03-31", status: .ongoing).pairs == [])
    #expect(
      run(
        start: "2026-01-08", end: "2026-03-31", status: .ongoing,
        asOf: CalendarDate(year: 2026, month: 4, day: 15)
      ).diagnostics.map(\.message) == [
        "activity 'Läsfrämjande insatser' ended 2026-03-31 but is 'Pågår' on 2026-04-15"
      ])
  }

  @Test func noStatusPastItsEndIsDelayed() {
    #expect(
      run(start: nil, end: "2026-01-31", status: nil).diagnostics.map(\.message) == [
        "activity 'Läsfrämjande insatser' ended 2026-01-31 but is 'ingen status' on 2026-03-31"
      ])
  }

  @Test func ongoingBeforeItStarts() {
    #expect(
      run(start: "2026-05-01", end: "2026-06-30", status: .ongoing).pairs
        == pairs(("'Aktiviteter'!G5", "activity-status-inconsistent")))
  }

  @Test func isDelayedAgreesWithTheRule() {
    let day = CalendarDate(year: 2026, month: 3, day: 31)
    let swapped = Activity(
      id: "A", title: "t", start: CalendarDate(iso: "2026-03-01"),
      end: CalendarDate(iso: "2026-02-01"),
      status: .ongoing)
    #expect(!ActivityRule.isDelayed(swapped, on: day))
    let late = Activity(id: "A", title: "t", end: CalendarDate(iso: "2026-02-01"), status: .ongoing)
    #expect(ActivityRule.isDelayed(late, on: day))
  }
}
