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
      let hintLevels: Set<Goal.Level> = goal.level == .unit ? [.board] : [.council]
      let names = scope.candidates(levels: hintLevels, from: nil).candidates.map(\.id)
      var arguments = ["goal": goal.id]
      if !reached.isEmpty {
        arguments["reached"] = DiagnosticTemplate.list(
          reached.map { "\($0.level.swedishLabel) '\($0.id)'" })
      }
      if !names.isEmpty { arguments["options"] = DiagnosticTemplate.list(names.prefix(8)) }
      out.append(
        code.diagnostic(
          at: goal.provenance?.location(field: Field.alignsTo), arguments,
          value: goal.alignsTo.isEmpty ? nil : goal.alignsTo.joined(separator: ", ")))
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
      noun = "boardOrNational"
    case .board:
      levels = field == Field.parent ? [.board, .council, .national] : [.council, .national]
      noun = "councilOrNational"
    case .council, .national:
      levels = [.national, .council]
      noun = "goals"
    }
    var arguments = scope.candidates(levels: levels, from: scope.unitID(of: goal))
      .arguments(for: reference, candidates: noun)
    arguments["kind"] = goal.level.swedishLabel
    arguments["owner"] = goal.id
    arguments["targetKind"] = "goal"
    arguments["reference"] = reference
    return DiagnosticCode.unresolvedReference.diagnostic(
      at: goal.provenance?.location(field: field), arguments, value: reference)
  }

  private func notUpward(_ goal: Goal, _ target: Goal, field: String)
    -> Diagnostic
  {
    return DiagnosticCode.alignmentNotUpward.diagnostic(
      at: goal.provenance?.location(field: field),
      [
        "level": goal.level.swedishLabel, "goal": goal.id,
        "link": field == Field.parent ? "parent" : "alignsTo",
        "targetLevel": target.level.swedishLabel, "reference": target.id,
        "relation": target.level == goal.level ? "same" : "below",
      ], value: target.id)
  }
}
