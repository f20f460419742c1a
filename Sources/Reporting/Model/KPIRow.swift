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
  /// The målvärde in the nyckeltal's unit of measure (`Minst 80 %`, never `0.8`), or `nil`.
  public var targetDisplay: String?
  /// The målvärde's value for charts, in the nyckeltal's unit (percent 0–100).
  public var targetValue: Double?
  /// The outcome for women and girls (K), when the source splits by gender.
  public var outcomeFemale: Double?
  /// The outcome for men and boys (M), when the source splits by gender.
  public var outcomeMale: Double?
  /// Comparison values (Riket, the county, similar municipalities) for the outcome's period
  /// or the latest before it.
  public var comparisons: [ComparisonSeries: Double] = [:]
  /// Whether the outcome was compiled from the units' outcomes (``RollUpRule``), and from
  /// how many.
  public var rolledUpFrom: Int?
  /// Set when a roll-up was tried and the rule could not compile the units' outcomes.
  public var notCompiled = false
  /// The outcomes over periods, oldest first, for a line chart: `(period, value)`.
  public var history: [HistoryPoint] = []

  /// One point of a nyckeltal's history, with the nation's value for the same period.
  public struct HistoryPoint: Hashable, Sendable {
    /// The period.
    public var period: Period
    /// The outcome.
    public var value: Double
    /// Riket's value for the period, when the files carry it.
    public var nation: Double?

    /// Creates a point.
    public init(period: Period, value: Double, nation: Double?) {
      self.period = period
      self.value = value
      self.nation = nation
    }
  }

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
