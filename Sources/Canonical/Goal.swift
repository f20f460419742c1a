/// A goal at one of four levels: national (läroplan), council (KF-mål), board (nämndmål) or
/// unit (enhetsmål).
///
/// The red thread runs upward through ``alignsTo``: a unit goal aligns to board or national
/// goals, a board goal to council and national goals.
public struct Goal: Hashable, Sendable, Codable, Identifiable {
  /// The level of a goal, from the top.
  public enum Level: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// National goals: Lgr22 and Lpfö18 headings, e.g. `LGR22-2.2`.
    case national
    /// Council goals (kommunfullmäktiges mål).
    case council
    /// Board goals (nämndmål).
    case board
    /// Unit goals (enhetsmål) in a unit's arbetsplan.
    case unit

    /// The depth: national 0 … unit 3.
    public var rank: Int {
      switch self {
      case .national: return 0
      case .council: return 1
      case .board: return 2
      case .unit: return 3
      }
    }

    /// Orders from the top (national) down (unit).
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }

    /// The Swedish word: `nationellt mål`, `KF-mål`, `nämndmål`, `enhetsmål`.
    public var swedishLabel: String {
      switch self {
      case .national: return "nationellt mål"
      case .council: return "KF-mål"
      case .board: return "nämndmål"
      case .unit: return "enhetsmål"
      }
    }
  }

  /// Stable id, e.g. `NM-2` or `LGR22-2.2`; unit goals are usually prefixed by the unit.
  public var id: String
  /// The short title.
  public var title: String
  /// The full text, when longer than the title.
  public var text: String?
  /// The level.
  public var level: Level
  /// The unit that owns the goal (the board for nämndmål, the school for enhetsmål).
  public var ownerUnitID: String?
  /// The goal above it at the same level, for hierarchies such as goal → target.
  public var parentID: String?
  /// Ids of the goals above it that it contributes to (many-to-many).
  public var alignsTo: [String]
  /// Whether the unit has prioritised the goal in its plan for the period.
  public var prioritised: Bool
  /// The period the goal is valid for (e.g. the plan's year), when stated.
  public var period: Period?
  /// Where the goal was read.
  public var provenance: Provenance?

  /// Creates a goal.
  public init(
    id: String, title: String, text: String? = nil, level: Level, ownerUnitID: String? = nil,
    parentID: String? = nil, alignsTo: [String] = [], prioritised: Bool = false,
    period: Period? = nil, provenance: Provenance? = nil
  ) {
    self.id = id
    self.title = title
    self.text = text
    self.level = level
    self.ownerUnitID = ownerUnitID
    self.parentID = parentID
    self.alignsTo = alignsTo
    self.prioritised = prioritised
    self.period = period
    self.provenance = provenance
  }
}
