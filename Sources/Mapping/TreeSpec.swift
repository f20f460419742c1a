public import Spreadsheet

/// A tree given by a flat list: a level column (`Typ`: KF-mål, Nämndmål, Indikator,
/// Aktivitet) and the order of the rows. Each row's parent is the nearest row above it at the
/// level above, as in a Stratsys export of a verksamhetsplan.
///
/// ```yaml
/// tree:
///   level: Typ
///   levels:
///     - { name: KF-mål, id: "KF-{tree_number}" }
///     - { name: Nämndmål, id: "NM-{tree_number}" }
///     - { name: [Indikator, Aktivitet] }
/// ```
///
/// The level may instead come from the indentation of a column's cells (the alignment's
/// `indent`, as a Stratsys export or a hand-made plan indents its titles):
/// `indent: Benämning` — the smallest indent is the first level, the next larger the second,
/// and so on; a row indented deeper than the levels listed has no known level.
///
/// Every row of the sheet with a known level gets the template names `tree_level` (the level
/// as written), `tree_number` (1-based, among the rows of its level), `tree_id` (its level's
/// `id` template) and `tree_parent` (the parent row's `tree_id`, blank at the top or when no
/// row of the level above precedes it).
public struct TreeSpec: Sendable, Hashable {
  /// One level of the tree, top first.
  public struct Level: Sendable, Hashable {
    /// The words of the level column that name it (compared normalized).
    public var names: [String]
    /// A template for the ids of its rows (`NM-{tree_number}`), or `nil`.
    public var id: String?

    /// Creates a level.
    public init(names: [String], id: String? = nil) {
      self.names = names
      self.id = id
    }
  }

  /// The column whose text names each row's level, or (``byIndent``) whose indentation gives it.
  public var level: ColumnSelector
  /// Whether the level comes from the indentation of ``level``'s cells, not from their text.
  public var byIndent: Bool
  /// The levels, top first.
  public var levels: [Level]
  /// Where it is declared.
  public var location: SourceLocation?

  /// The template names a tree gives every row.
  public static let templateNames: Set<String> = [
    "tree_level", "tree_number", "tree_id", "tree_parent",
  ]

  /// Creates a tree spec.
  public init(
    level: ColumnSelector, levels: [Level], byIndent: Bool = false,
    location: SourceLocation? = nil
  ) {
    self.level = level
    self.levels = levels
    self.byIndent = byIndent
    self.location = location
  }
}
