public import Canonical
public import Spreadsheet
public import Validation

/// One nyckeltal of one unit (or of the board) in the report: målvärde, outcome, previous
/// outcome, trend and status.
public struct KPIRow: Hashable, Sendable {
  /// The unit whose plan holds it (the board for the board's own nyckeltal).
  public var unitID: String?
  /// The unit's name.
  public var unitName: String
  /// The goals it follows, as written.
  public var goalIDs: [String]
  /// The nyckeltal's id (Kolada id when there is one).
  public var kpiID: String
  /// Its name.
  public var name: String
  /// What it measures (for number formats: shares, kronor).
  public var measure: MeasureKind
  /// Its unit of measure as written (`%`, `poäng`, `kr`).
  public var unitOfMeasure: String?
  /// Which way is better, from the nyckeltal or implied by its målvärde.
  public var direction: KPI.Direction?
  /// The målvärde as written (`Minst 80 %`), or `nil`.
  public var targetText: String?
  /// The outcome's value, in the nyckeltal's unit (percent as 0–100).
  public var outcome: Double?
  /// The period of the outcome (the latest up to the report's period).
  public var outcomePeriod: Period?
  /// Why the outcome is missing, when it is (`Sekretess`, `Ej mätt`).
  public var missingReason: Measurement.MissingReason?
  /// The previous outcome's value.
  public var previous: Double?
  /// The previous outcome's period.
  public var previousPeriod: Period?
  /// The movement from the previous outcome.
  public var trend: Trend?
  /// The status against the målvärde.
  public var status: KPIStatus
  /// Where the nyckeltal was read.
  public var location: SourceLocation?

  /// Creates a row.
  public init(
    unitID: String?, unitName: String, goalIDs: [String], kpiID: String, name: String,
    measure: MeasureKind, unitOfMeasure: String? = nil, direction: KPI.Direction? = nil,
    targetText: String? = nil, outcome: Double? = nil, outcomePeriod: Period? = nil,
    missingReason: Measurement.MissingReason? = nil, previous: Double? = nil,
    previousPeriod: Period? = nil, trend: Trend? = nil, status: KPIStatus,
    location: SourceLocation? = nil
  ) {
    self.unitID = unitID
    self.unitName = unitName
    self.goalIDs = goalIDs
    self.kpiID = kpiID
    self.name = name
    self.measure = measure
    self.unitOfMeasure = unitOfMeasure
    self.direction = direction
    self.targetText = targetText
    self.outcome = outcome
    self.outcomePeriod = outcomePeriod
    self.missingReason = missingReason
    self.previous = previous
    self.previousPeriod = previousPeriod
    self.trend = trend
    self.status = status
    self.location = location
  }
}

extension Measurement.MissingReason {
  /// The Swedish words for a missing outcome: `Sekretess`, `Ej tillämpligt`, `Bortfall`,
  /// `Maskerat`, `Ej mätt`, `Ej ifyllt`.
  public var swedishLabel: String {
    switch self {
    case .suppressed: return "Sekretess (..)"
    case .notApplicable: return "Ej tillämpligt (.)"
    case .dropout: return "Bortfall (-)"
    case .masked: return "Maskerat (~100)"
    case .notMeasured: return "Ej mätt"
    case .blank: return "Ej ifyllt"
    }
  }
}
