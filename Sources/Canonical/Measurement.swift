/// An outcome (utfall) of an indicator for a unit, a period and a gender, or the reason it is
/// missing.
public struct Measurement: Hashable, Sendable, Codable {
  /// The gender split of Swedish statistics (Kolada's T/K/M).
  public enum Gender: String, Hashable, Sendable, Codable, CaseIterable {
    /// Totalt: everyone.
    case total = "T"
    /// Kvinnor / flickor.
    case female = "K"
    /// Män / pojkar.
    case male = "M"
  }

  /// Why a value is missing, from the suppression tokens of Swedish official statistics.
  public enum MissingReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// `..`: suppressed for confidentiality (too few individuals; sekretess).
    case suppressed
    /// `.`: no data, or not applicable.
    case notApplicable
    /// `-`, `–`: dropout, nothing reported (bortfall).
    case dropout
    /// `~100`: rounded to hide a value near 100 %.
    case masked
    /// `Ej mätt`: not measured this period.
    case notMeasured
    /// An empty cell.
    case blank
  }

  /// The indicator's id.
  public var kpiID: String
  /// The unit measured (a school, or a municipality by kommunkod).
  public var unitID: String?
  /// The period.
  public var period: Period?
  /// The gender split; `total` when not split.
  public var gender: Gender
  /// The value in the indicator's unit (percent as 0–100), or `nil` when missing.
  public var value: Double?
  /// Why ``value`` is missing.
  public var missingReason: MissingReason?
  /// The original token when missing (`..`, `~100`).
  public var missingToken: String?
  /// A comment written beside the value.
  public var comment: String?
  /// Further dimensions (`huvudman: Kommunal`, `ämne: Matematik`).
  public var dimensions: [String: String]?
  /// Where the value was read.
  public var provenance: Provenance?
  /// The comparison series the value belongs to; `nil` for the unit's own value.
  public var comparison: ComparisonSeries?

  /// Creates a measurement.
  public init(
    kpiID: String, unitID: String? = nil, period: Period? = nil, gender: Gender = .total,
    value: Double? = nil, missingReason: MissingReason? = nil, missingToken: String? = nil,
    comment: String? = nil, dimensions: [String: String]? = nil, provenance: Provenance? = nil,
    comparison: ComparisonSeries? = nil
  ) {
    self.kpiID = kpiID
    self.unitID = unitID
    self.period = period
    self.gender = gender
    self.value = value
    self.missingReason = missingReason
    self.missingToken = missingToken
    self.comment = comment
    self.dimensions = dimensions
    self.provenance = provenance
    self.comparison = comparison
  }
}
