import Canonical
public import Spreadsheet

/// Every prioritised goal is broken down into at least one nyckeltal or activity, of its own
/// or of a sub-goal (a goal whose parent it is).
public struct BreakdownRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `goal-without-breakdown`.
  public var codes: [DiagnosticCode] { [.goalWithoutBreakdown] }

  /// Checks every prioritised goal in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var followed = [Bool](repeating: false, count: scope.goals.count)
    for kpi in scope.kpis {
      for reference in kpi.goalIDs {
        if let index = scope.goalIndex(reference.trimmedSpaces, from: kpi.unitID) {
          followed[index] = true
        }
      }
    }
    for activity in scope.activities {
      for reference in activity.goalIDs {
        if let index = scope.goalIndex(reference.trimmedSpaces, from: activity.unitID) {
          followed[index] = true
        }
      }
    }
    var changed = true
    while changed {
      changed = false
      for (index, goal) in scope.goals.enumerated() where followed[index] {
        guard let parent = goal.parentID,
          let p = scope.goalIndex(parent, from: scope.unitID(of: goal)), !followed[p]
        else { continue }
        followed[p] = true
        changed = true
      }
    }
    var out: [Diagnostic] = []
    for (index, goal) in scope.goals.enumerated() where goal.prioritised && !followed[index] {
      out.append(
        DiagnosticCode.goalWithoutBreakdown.diagnostic(
          at: goal.provenance?.location(field: Field.id),
          ["level": goal.level.swedishLabel, "goal": goal.id],
          value: goal.title))
    }
    return out
  }
}
