public import Canonical
public import Spreadsheet

/// One goal's fulfilment (måluppfyllelse) in the report: a nämndmål or an enhetsmål.
public struct GoalRow: Hashable, Sendable {
  /// The goal's id.
  public var goalID: String
  /// Its title.
  public var title: String
  /// Its level (board or unit).
  public var level: Goal.Level
  /// The unit it belongs to (the board for nämndmål).
  public var unitID: String?
  /// The unit's name.
  public var unitName: String
  /// Whether the unit prioritised it.
  public var prioritised: Bool
  /// The goals above it, as written in `alignsTo`.
  public var alignsTo: [String]
  /// The fulfilment: assessed, or derived (``FulfilmentRule``; `.notAssessed` when there is
  /// nothing to judge by); `nil` only in rows built by hand.
  public var fulfilment: Assessment.Level?
  /// Where the fulfilment comes from.
  public var source: FulfilmentSource
  /// The analysis text of the assessment.
  public var analysis: String?
  /// Nyckeltal following the goal, and how many met their målvärde.
  public var kpiCount: Int
  /// Nyckeltal that met their målvärde.
  public var kpisMet: Int
  /// Nyckeltal that could be judged: with an outcome and a målvärde (uppnått or ej uppnått).
  public var kpisJudged: Int
  /// Activities serving the goal.
  public var activityCount: Int
  /// Activities that are delayed.
  public var activitiesDelayed: Int
  /// Where the goal was read.
  public var location: SourceLocation?

  /// Creates a row.
  public init(
    goalID: String, title: String, level: Goal.Level, unitID: String?, unitName: String,
    prioritised: Bool, alignsTo: [String], fulfilment: Assessment.Level?,
    source: FulfilmentSource, analysis: String? = nil, kpiCount: Int = 0, kpisMet: Int = 0,
    kpisJudged: Int = 0, activityCount: Int = 0, activitiesDelayed: Int = 0,
    location: SourceLocation? = nil
  ) {
    self.goalID = goalID
    self.title = title
    self.level = level
    self.unitID = unitID
    self.unitName = unitName
    self.prioritised = prioritised
    self.alignsTo = alignsTo
    self.fulfilment = fulfilment
    self.source = source
    self.analysis = analysis
    self.kpiCount = kpiCount
    self.kpisMet = kpisMet
    self.kpisJudged = kpisJudged
    self.activityCount = activityCount
    self.activitiesDelayed = activitiesDelayed
    self.location = location
  }
}
