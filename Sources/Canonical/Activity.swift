/// An activity (aktivitet, åtgärd, insats) a unit carries out for its goals.
public struct Activity: Hashable, Sendable, Codable {
  /// Progress of an activity.
  public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
    /// Ej påbörjad.
    case notStarted
    /// Pågår.
    case ongoing
    /// Klar, genomförd.
    case done
    /// Försenad.
    case delayed
    /// Pausad, vilande.
    case onHold
    /// Avbruten, struken.
    case cancelled

    /// The Swedish word a board reads.
    public var swedishLabel: String {
      switch self {
      case .notStarted: return "Ej påbörjad"
      case .ongoing: return "Pågår"
      case .done: return "Klar"
      case .delayed: return "Försenad"
      case .onHold: return "Pausad"
      case .cancelled: return "Avbruten"
      }
    }
  }

  /// Stable id within the unit's plan, e.g. `A3`.
  public var id: String
  /// What is done.
  public var title: String
  /// The goals it serves.
  public var goalIDs: [String]
  /// The unit whose plan holds it.
  public var unitID: String?
  /// Who answers for it (role or name as written).
  public var owner: String?
  /// Who carries it out, when different from the owner.
  public var responsible: String?
  /// First day.
  public var start: CalendarDate?
  /// Last day.
  public var end: CalendarDate?
  /// Status as reported.
  public var status: Status?
  /// The status text as written (`Pågår`, `🟢`).
  public var statusText: String?
  /// A comment.
  public var comment: String?
  /// Where it was read.
  public var provenance: Provenance?

  /// Creates an activity.
  public init(
    id: String, title: String, goalIDs: [String] = [], unitID: String? = nil,
    owner: String? = nil, responsible: String? = nil, start: CalendarDate? = nil,
    end: CalendarDate? = nil, status: Status? = nil, statusText: String? = nil,
    comment: String? = nil, provenance: Provenance? = nil
  ) {
    self.id = id
    self.title = title
    self.goalIDs = goalIDs
    self.unitID = unitID
    self.owner = owner
    self.responsible = responsible
    self.start = start
    self.end = end
    self.status = status
    self.statusText = statusText
    self.comment = comment
    self.provenance = provenance
  }

  /// Whether the activity is past its end on `date` and neither done nor cancelled.
  public func isDelayed(on date: CalendarDate) -> Bool {
    if status == .delayed { return true }
    guard let end, date > end else { return false }
    return status != .done && status != .cancelled
  }
}
