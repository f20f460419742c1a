public import Canonical
public import Spreadsheet

/// The counts on the report's summary sheet (Sammanfattning).
public struct ReportSummary: Hashable, Sendable {
  /// Nyckeltal per status, every status present (0 when none).
  public var kpis: [KPIStatus: Int]
  /// Goals per fulfilment; `nil` counts rows without one (the computed report gives every goal
  /// one: `.notAssessed` when there is nothing to judge by).
  public var goals: [Assessment.Level?: Int]
  /// Activities in all.
  public var activities: Int
  /// Activities on track (not delayed, not cancelled, not done).
  public var activitiesOngoing: Int
  /// Activities done.
  public var activitiesDone: Int
  /// Activities delayed.
  public var activitiesDelayed: Int
  /// Activities cancelled.
  public var activitiesCancelled: Int
  /// Units expected to deliver.
  public var unitsExpected: Int
  /// Of which delivered.
  public var unitsDelivered: Int
  /// Diagnostics per severity, every severity present.
  public var diagnostics: [Severity: Int]

  /// Counts a report's rows.
  public init(
    kpis: [KPIRow], goals: [GoalRow], activities: [ActivityRow], units: [UnitRow],
    diagnostics: [Diagnostic]
  ) {
    var kpiCounts = Dictionary(uniqueKeysWithValues: KPIStatus.allCases.map { ($0, 0) })
    for row in kpis { kpiCounts[row.status, default: 0] += 1 }
    self.kpis = kpiCounts
    var goalCounts: [Assessment.Level?: Int] = [nil: 0]
    for level in Assessment.Level.allCases { goalCounts[level] = 0 }
    for row in goals { goalCounts[row.fulfilment, default: 0] += 1 }
    self.goals = goalCounts
    self.activities = activities.count
    activitiesDelayed = activities.filter(\.delayed).count
    activitiesDone = activities.filter { !$0.delayed && $0.status == .done }.count
    activitiesCancelled = activities.filter { !$0.delayed && $0.status == .cancelled }.count
    activitiesOngoing =
      activities.count - activitiesDelayed - activitiesDone - activitiesCancelled
    unitsExpected = units.count
    unitsDelivered = units.filter(\.delivered).count
    var severity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
    for d in diagnostics { severity[d.severity, default: 0] += 1 }
    self.diagnostics = severity
  }
}
