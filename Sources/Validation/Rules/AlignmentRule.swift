import Canonical
public import Spreadsheet

/// The red thread upward: enhetsmål align to a nämndmål or a national goal, nämndmål trace to
/// a KF-mål, every `alignsTo` and parent reference resolves, and links point upward.
///
/// A goal counts as aligned through its own `alignsTo`, through a parent at a higher level,
/// and through the alignment of a parent at the same level (a sub-goal inherits its goal's
/// thread).
public struct AlignmentRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `unit-goal-not-aligned`, `board-goal-not-traced`, `alignment-not-upward`,
  /// `unresolved-reference`.
  public var codes: [DiagnosticCode] {
    [.unitGoalNotAligned, .boardGoalNotTraced, .alignmentNotUpward, .unresolvedReference]
  }

  /// Checks every goal in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var hasUnresolved = [Bool](repeating: false, count: scope.goals.count)
    for (index, goal) in scope.goals.enumerated() {
      let from = scope.unitID(of: goal)
      for reference in goal.alignsTo {
        guard let target = scope.goal(reference, from: from) else {
          hasUnresolved[index] = true
          out.append(unresolved(goal, reference, field: Field.alignsTo, scope: scope))
          continue
        }
        if target.level >= goal.level {
          out.append(notUpward(goal, target, field: Field.alignsTo))
        }
      }
      if let parent = goal.parentID {
        if let target = scope.goal(parent, from: from) {
          if target.level > goal.level {
            out.append(notUpward(goal, target, field: Field.parent))
          }
        } else {
          hasUnresolved[index] = true
          out.append(unresolved(goal, parent, field: Field.parent, scope: scope))
        }
      }
    }

    for (index, goal) in scope.goals.enumerated() where !hasUnresolved[index] {
      let wanted: Set<Goal.Level>
      let code: DiagnosticCode
      switch goal.level {
      case .unit:
        wanted = [.board, .national]
        code = .unitGoalNotAligned
      case .board:
        wanted = [.council]
        code = .boardGoalNotTraced
      case .council, .national: continue
      }
      let reached = upwardTargets(of: index, scope: scope)
      guard !reached.contains(where: { wanted.contains($0.level) }) else { continue }
      let detail: String
      if reached.isEmpty {
        detail = ""
      } else {
        detail =
          "; it aligns only to "
          + reached.map { "\($0.level.swedishLabel) '\($0.id)'" }.joined(separator: ", ")
      }
      let hintLevels: Set<Goal.Level> = goal.level == .unit ? [.board] : [.council]
      let names = scope.candidates(levels: hintLevels, from: nil).candidates.map(\.id)
      let hint =
        names.isEmpty
        ? nil
        : "align it to one of " + names.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
          + (goal.level == .unit ? " or to a national goal" : "")
      out.append(
        code.diagnostic(
          at: goal.provenance?.location(field: Field.alignsTo),
          ["goal": goal.id, "detail": detail],
          value: goal.alignsTo.isEmpty ? nil : goal.alignsTo.joined(separator: ", "), hint: hint))
    }
    return out
  }

  /// The goals above a goal that it reaches through `alignsTo`, higher-level parents and the
  /// alignment of same-level parents, in the order met.
  private func upwardTargets(of start: Int, scope: BoardScope) -> [Goal] {
    var reached: [Goal] = []
    var visited: Set<Int> = []
    var cursor: Int? = start
    while let index = cursor, visited.insert(index).inserted {
      let goal = scope.goals[index]
      let from = scope.unitID(of: goal)
      for reference in goal.alignsTo {
        if let target = scope.goal(reference, from: from), target.level < goal.level,
          !reached.contains(where: { $0.id == target.id && $0.level == target.level })
        {
          reached.append(target)
        }
      }
      cursor = nil
      if let parent = goal.parentID, let p = scope.goalIndex(parent, from: from) {
        let parentGoal = scope.goals[p]
        if parentGoal.level < goal.level {
          reached.append(parentGoal)
        } else if parentGoal.level == goal.level {
          cursor = p
        }
      }
    }
    return reached
  }

  private func unresolved(_ goal: Goal, _ reference: String, field: String, scope: BoardScope)
    -> Diagnostic
  {
    let levels: Set<Goal.Level>
    let noun: String
    switch goal.level {
    case .unit:
      levels = field == Field.parent ? [.unit, .board, .national] : [.board, .national]
      noun = "nämndmål and national goals"
    case .board:
      levels = field == Field.parent ? [.board, .council, .national] : [.council, .national]
      noun = "KF-mål and national goals"
    case .council, .national:
      levels = [.national, .council]
      noun = "goals"
    }
    let hint = scope.candidates(levels: levels, from: scope.unitID(of: goal))
      .hint(for: reference, noun: noun)
    return DiagnosticCode.unresolvedReference.diagnostic(
      at: goal.provenance?.location(field: field),
      [
        "kind": goal.level.swedishLabel, "owner": goal.id, "targetKind": "goal",
        "reference": reference,
      ], value: reference, hint: hint)
  }

  private func notUpward(_ goal: Goal, _ target: Goal, field: String)
    -> Diagnostic
  {
    let relation = target.level == goal.level ? "at the same level as" : "below"
    let hint =
      field == Field.alignsTo
      ? "a \(goal.level.swedishLabel) aligns to goals of a higher level only"
      : "a parent goal is at the same level or above"
    return DiagnosticCode.alignmentNotUpward.diagnostic(
      at: goal.provenance?.location(field: field),
      [
        "level": goal.level.swedishLabel, "goal": goal.id,
        "link": field == Field.parent ? "has the parent" : "aligns to",
        "targetLevel": target.level.swedishLabel, "reference": target.id, "relation": relation,
      ], value: target.id, hint: hint)
  }
}
