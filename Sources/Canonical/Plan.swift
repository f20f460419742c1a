/// A plan: a unit's arbetsplan or a board's verksamhetsplan for a period, as delivered in one
/// file.
public struct Plan: Hashable, Sendable, Codable {
  /// The kind of plan.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A board's verksamhetsplan (nämndmål, KPIs, targets).
    case boardPlan
    /// A unit's arbetsplan or follow-up (enhetsmål, KPIs, outcomes, activities).
    case unitPlan
    /// A statistics extract (Kolada, Skolverket): measurements only.
    case statistics
  }

  /// The unit whose plan it is.
  public var unitID: String?
  /// The period the plan (or follow-up) covers.
  public var period: Period?
  /// The kind.
  public var kind: Kind
  /// The title in the file, e.g. `Arbetsplan Petreskolan 2026`.
  public var title: String?
  /// The file it came from.
  public var provenance: Provenance?

  /// Creates a plan.
  public init(
    unitID: String?, period: Period?, kind: Kind, title: String? = nil,
    provenance: Provenance? = nil
  ) {
    self.unitID = unitID
    self.period = period
    self.kind = kind
    self.title = title
    self.provenance = provenance
  }
}
