/// A key performance indicator (nyckeltal, indikator, mätetal, mått) used by a unit or board
/// to follow a goal.
///
/// The same indicator (e.g. Kolada `N15419`) may appear in several units' plans: each use is
/// one record, identified by ``id`` together with ``unitID``.
public struct KPI: Hashable, Sendable, Codable {
  /// Which way is better.
  public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
    /// Higher values are better.
    case higher
    /// Lower values are better.
    case lower
    /// Neither; the target says what is wanted.
    case neutral
  }

  /// Id: the Kolada id (`N15419`, `U15011`) when there is one, otherwise the plan's own id.
  public var id: String
  /// The name, e.g. `Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)`.
  public var name: String
  /// The unit of measure: `%`, `poäng`, `kr`, `antal`, `index`, `procentenheter`, `dagar`.
  public var unitOfMeasure: String?
  /// Which way is better, when known.
  public var direction: Direction?
  /// The goals the indicator follows.
  public var goalIDs: [String]
  /// The unit whose plan uses it.
  public var unitID: String?
  /// Whether the id is a Kolada id (`[NU]\d{5}`).
  public var isKoladaID: Bool {
    let u = Array(id.utf8)
    return u.count == 6 && (u[0] == UInt8(ascii: "N") || u[0] == UInt8(ascii: "U"))
      && u[1...].allSatisfy { $0 >= 48 && $0 <= 57 }
  }
  /// Where the indicator was read.
  public var provenance: Provenance?

  /// Creates an indicator.
  public init(
    id: String, name: String, unitOfMeasure: String? = nil, direction: Direction? = nil,
    goalIDs: [String] = [], unitID: String? = nil, provenance: Provenance? = nil
  ) {
    self.id = id
    self.name = name
    self.unitOfMeasure = unitOfMeasure
    self.direction = direction
    self.goalIDs = goalIDs
    self.unitID = unitID
    self.provenance = provenance
  }

  private enum CodingKeys: String, CodingKey {
    case id, name, unitOfMeasure, direction, goalIDs, unitID, provenance
  }
}
