import Canonical
public import Spreadsheet

/// Identity: ids are unique within a unit's plan, one goal is not entered twice under two
/// ids, and replaced Kolada series are not used without a decision to keep them.
///
/// National goals are exempt from the title check: Lgr22 and Lpfö18 share headings
/// (`Normer och värden`). Goal and activity ids are unique per unit and file; a nyckeltal id may recur in a plan
/// under different goals, not twice under the same goals. (The same unit delivering two
/// files is `duplicate-delivery`.)
public struct IdentityRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `duplicate-id`, `duplicate-goal`, `replaced-kolada-series`.
  public var codes: [DiagnosticCode] { [.duplicateID, .duplicateGoal, .replacedKoladaSeries] }

  private struct Key: Hashable {
    var kind: String
    var owner: String
    var file: String
    var id: String
  }

  /// Checks the ids and titles in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var first: [Key: Provenance?] = [:]
    func note(
      _ key: Key, kind: String, id: String, unit: String?, provenance: Provenance?
    ) {
      guard !id.isBlank else { return }
      guard let earlier = first[key] else {
        first[key] = provenance
        return
      }
      var arguments = ["kind": kind, "id": id, "unit": scope.unitName(unit)]
      if let earlier { arguments["first"] = earlier.location(field: Field.id).description }
      out.append(
        DiagnosticCode.duplicateID.diagnostic(
          at: provenance?.location(field: Field.id), arguments, value: id))
    }
    func ownerKey(_ goal: Goal) -> String {
      switch goal.level {
      case .unit: return goal.ownerUnitID ?? ""
      case .board: return scope.boardID
      case .council, .national: return ""
      }
    }
    for goal in scope.goals {
      note(
        Key(
          kind: goal.level.rawValue, owner: ownerKey(goal), file: goal.provenance?.file ?? "",
          id: goal.id), kind: goal.level.swedishLabel, id: goal.id, unit: scope.unitID(of: goal),
        provenance: goal.provenance)
    }
    for kpi in scope.kpis {
      let goals = kpi.goalIDs.map(\.trimmedSpaces).sorted().joined(separator: "|")
      note(
        Key(
          kind: "kpi", owner: kpi.unitID ?? "", file: kpi.provenance?.file ?? "",
          id: kpi.id + "\u{1F}" + goals), kind: "nyckeltal", id: kpi.id, unit: kpi.unitID,
        provenance: kpi.provenance)
    }
    for activity in scope.activities {
      note(
        Key(
          kind: "activity", owner: activity.unitID ?? "", file: activity.provenance?.file ?? "",
          id: activity.id), kind: "activity", id: activity.id, unit: activity.unitID,
        provenance: activity.provenance)
    }

    struct TitleKey: Hashable {
      var level: Goal.Level
      var owner: String
      var title: String
    }
    var titles: [TitleKey: Goal] = [:]
    for goal in scope.goals where goal.level != .national {
      let title = goal.title.lowercased().split(whereSeparator: \.isWhitespace).joined(
        separator: " ")
      guard title.count >= 3 else { continue }
      let key = TitleKey(level: goal.level, owner: ownerKey(goal), title: title)
      guard let other = titles[key] else {
        titles[key] = goal
        continue
      }
      guard other.id != goal.id else { continue }
      out.append(
        DiagnosticCode.duplicateGoal.diagnostic(
          at: goal.provenance?.location(field: Field.title),
          [
            "level": goal.level.swedishLabel, "goal": goal.id, "other": other.id,
            "title": goal.title,
          ], value: goal.title))
    }

    var reported: Set<String> = []
    for kpi in scope.kpis {
      guard let succession = options.koladaSuccessions[kpi.id],
        !options.keptSeries.contains(kpi.id),
        reported.insert((kpi.unitID ?? "") + "\u{1F}" + kpi.id).inserted
      else { continue }
      out.append(
        DiagnosticCode.replacedKoladaSeries.diagnostic(
          at: kpi.provenance?.location(field: Field.id),
          [
            "kpi": kpi.id, "successor": succession.successor, "source": succession.source,
          ], value: kpi.id))
    }
    return out
  }
}
