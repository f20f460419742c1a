import Canonical

/// One path of the red thread, from the national goals through a KF-mål, a nämndmål and an
/// enhetsmål to a nyckeltal or an activity; missing links are `nil`, so a broken thread
/// shows as a gap.
public struct RedThreadPath: Hashable, Sendable {
  /// A link of the path: a goal's id and title.
  public struct Link: Hashable, Sendable {
    /// The id.
    public var id: String
    /// The title.
    public var title: String

    /// Creates a link.
    public init(id: String, title: String) {
      self.id = id
      self.title = title
    }
  }

  /// What ends a path.
  public enum Leaf: Hashable, Sendable {
    /// A nyckeltal with its status.
    case kpi(id: String, name: String, status: KPIStatus)
    /// An activity with its status and whether it is delayed.
    case activity(id: String, title: String, status: String, delayed: Bool)
  }

  /// The national goals the path serves (through the enhetsmål and the nämndmål).
  public var national: [Link]
  /// The KF-mål.
  public var council: Link?
  /// The nämndmål.
  public var board: Link?
  /// The unit of the enhetsmål (or of the nyckeltal, for the board's own).
  public var unitID: String?
  /// The unit's name.
  public var unitName: String?
  /// The enhetsmål.
  public var unitGoal: Link?
  /// The nyckeltal or activity.
  public var leaf: Leaf?

  /// Creates a path.
  public init(
    national: [Link] = [], council: Link? = nil, board: Link? = nil, unitID: String? = nil,
    unitName: String? = nil, unitGoal: Link? = nil, leaf: Leaf? = nil
  ) {
    self.national = national
    self.council = council
    self.board = board
    self.unitID = unitID
    self.unitName = unitName
    self.unitGoal = unitGoal
    self.leaf = leaf
  }

  /// Whether a link is missing between the top and the leaf: nothing below a goal, a
  /// nyckeltal or activity under no goal, an enhetsmål under no nämndmål and no national
  /// goal, or a nämndmål under no KF-mål.
  public var isBroken: Bool {
    if leaf == nil { return true }
    if unitGoal == nil && board == nil { return true }
    if unitGoal != nil && board == nil && national.isEmpty { return true }
    return board != nil && council == nil
  }
}
