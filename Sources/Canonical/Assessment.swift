/// An assessment (bedömning) of how far a goal is fulfilled for a unit and period, with its
/// analysis.
public struct Assessment: Hashable, Sendable, Codable {
  /// Degree of fulfilment (måluppfyllelse).
  public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
    /// Uppfyllt.
    case fulfilled
    /// Delvis uppfyllt.
    case partlyFulfilled
    /// Ej uppfyllt.
    case notFulfilled
    /// Ej bedömt.
    case notAssessed

    /// The Swedish words a board reads.
    public var swedishLabel: String {
      switch self {
      case .fulfilled: return "Uppfyllt"
      case .partlyFulfilled: return "Delvis uppfyllt"
      case .notFulfilled: return "Ej uppfyllt"
      case .notAssessed: return "Ej bedömt"
      }
    }
  }

  /// The goal assessed.
  public var goalID: String
  /// The unit assessing.
  public var unitID: String?
  /// The period.
  public var period: Period?
  /// The degree of fulfilment.
  public var level: Level
  /// The analysis text.
  public var analysis: String?
  /// Where it was read.
  public var provenance: Provenance?

  /// Creates an assessment.
  public init(
    goalID: String, unitID: String? = nil, period: Period? = nil, level: Level,
    analysis: String? = nil, provenance: Provenance? = nil
  ) {
    self.goalID = goalID
    self.unitID = unitID
    self.period = period
    self.level = level
    self.analysis = analysis
    self.provenance = provenance
  }
}
