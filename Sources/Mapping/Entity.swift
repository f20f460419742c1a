/// The kind of canonical record a table row becomes, and the fields it can fill.
///
/// Field names are the mapping language's words (`snake_case`); docs/mapping-language.md lists
/// them with their default types.
public enum Entity: String, Sendable, Hashable, CaseIterable {
  /// A goal (``Canonical/Goal``): national, council, board or unit level.
  case goal
  /// An indicator use (``Canonical/KPI``); a row may also carry its target and an outcome.
  case kpi
  /// A target value (``Canonical/Target``) on its own row.
  case target
  /// An outcome (``Canonical/Measurement``), usually from a statistics table.
  case measurement
  /// An activity (``Canonical/Activity``).
  case activity
  /// An assessment of goal fulfilment (``Canonical/Assessment``).
  case assessment
  /// An organisational unit (``Canonical/OrgUnit``).
  case unit

  /// The fields a table of this entity may map.
  public var fields: [String] {
    switch self {
    case .goal:
      return [
        "id", "title", "text", "level", "owner", "parent", "aligns_to", "prioritised", "period",
      ]
    case .kpi:
      return [
        "id", "name", "unit_of_measure", "direction", "goal", "unit", "target", "target_period",
        "outcome", "outcome_period", "gender", "comment", "comparison",
      ]
    case .target: return ["kpi", "unit", "period", "target"]
    case .measurement:
      return ["kpi", "kpi_name", "unit", "period", "gender", "value", "comment", "comparison"]
    case .activity:
      return [
        "id", "title", "goal", "unit", "owner", "responsible", "start", "end", "status", "comment",
      ]
    case .assessment: return ["goal", "unit", "period", "level", "analysis"]
    case .unit:
      return [
        "id", "name", "aliases", "kind", "parent", "municipality_code", "school_unit_code",
        "kolada_id",
      ]
    }
  }

  /// The fields a row must yield for a record to be made (blank → a `missing-value`
  /// diagnostic).
  public var essentialFields: [String] {
    switch self {
    case .goal: return ["id", "title"]
    case .kpi: return ["id", "name"]
    case .target: return ["kpi", "target"]
    case .measurement: return ["kpi"]
    case .activity: return ["title"]
    case .assessment: return ["goal", "level"]
    case .unit: return ["id", "name"]
    }
  }

  /// The type a field has when the mapping does not say.
  public func defaultType(of field: String) -> ValueType {
    switch (self, field) {
    case (_, "period"), (_, "target_period"), (_, "outcome_period"): return .period
    case (_, "start"), (_, "end"): return .date
    case (_, "status"): return .status
    case (.assessment, "level"): return .assessment
    case (.goal, "level"): return .goalLevel
    case (_, "gender"): return .gender
    case (_, "direction"): return .direction
    case (_, "prioritised"): return .boolean
    case (_, "value"), (_, "outcome"): return .number
    case (_, "target"): return .target
    case (.unit, "kind"): return .unitKind
    case (.unit, "municipality_code"), (.unit, "school_unit_code"): return .code
    default: return .text
    }
  }

  /// Whether a field holds several values (split on `,`, `;` or line breaks by default).
  public func isList(_ field: String) -> Bool {
    switch (self, field) {
    case (.goal, "aligns_to"), (.kpi, "goal"), (.activity, "goal"), (.unit, "aliases"): return true
    default: return false
    }
  }
}
