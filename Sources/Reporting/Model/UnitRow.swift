public import Canonical

/// One unit's line in the report: whether it delivered, and how its plan stands.
public struct UnitRow: Hashable, Sendable {
  /// The unit's id.
  public var unitID: String
  /// Its name.
  public var name: String
  /// Its kind.
  public var kind: OrgUnit.Kind
  /// Whether it delivered a file for the period.
  public var delivered: Bool
  /// The files it delivered, sorted.
  public var files: [String]
  /// Its goals in the report's scope.
  public var goals: Int
  /// Of which prioritised.
  public var prioritisedGoals: Int
  /// Its nyckeltal.
  public var kpis: Int
  /// Nyckeltal that met their målvärde.
  public var kpisMet: Int
  /// Nyckeltal with an outcome and a målvärde (judged met or not).
  public var kpisJudged: Int
  /// Its activities.
  public var activities: Int
  /// Activities on track (not delayed, not cancelled).
  public var activitiesOnTrack: Int
  /// Activities delayed.
  public var activitiesDelayed: Int
  /// Errors found in its files.
  public var errors: Int
  /// Warnings found in its files.
  public var warnings: Int

  /// Creates a row.
  public init(
    unitID: String, name: String, kind: OrgUnit.Kind, delivered: Bool, files: [String] = [],
    goals: Int = 0, prioritisedGoals: Int = 0, kpis: Int = 0, kpisMet: Int = 0,
    kpisJudged: Int = 0, activities: Int = 0, activitiesOnTrack: Int = 0,
    activitiesDelayed: Int = 0, errors: Int = 0, warnings: Int = 0
  ) {
    self.unitID = unitID
    self.name = name
    self.kind = kind
    self.delivered = delivered
    self.files = files
    self.goals = goals
    self.prioritisedGoals = prioritisedGoals
    self.kpis = kpis
    self.kpisMet = kpisMet
    self.kpisJudged = kpisJudged
    self.activities = activities
    self.activitiesOnTrack = activitiesOnTrack
    self.activitiesDelayed = activitiesDelayed
    self.errors = errors
    self.warnings = warnings
  }
}

extension OrgUnit.Kind {
  /// The Swedish word: `Skola`, `Förskola`, `Nämnd`, …
  public var swedishLabel: String {
    switch self {
    case .municipality: return "Kommun"
    case .council: return "Fullmäktige"
    case .board: return "Nämnd"
    case .administration: return "Förvaltning"
    case .school: return "Skola"
    case .preschool: return "Förskola"
    case .area: return "Område"
    case .other: return "Övrig"
    }
  }
}
