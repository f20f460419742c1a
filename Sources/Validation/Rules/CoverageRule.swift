import Canonical
public import Spreadsheet

/// Coverage: the board is known, every unit under it delivered a file for the period (and
/// only one), no file of another board's unit slipped in, and every KF-mål is covered by a
/// nämndmål of the board.
///
/// A delivery is a unit plan or board plan (``Plan``) whose period overlaps the period; a
/// statistics extract is not one. The board itself must deliver when no nämndmål is in scope.
public struct CoverageRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `unknown-board`, `unit-outside-board`, `missing-delivery`, `duplicate-delivery`,
  /// `uncovered-council-goal`.
  public var codes: [DiagnosticCode] {
    [.unknownBoard, .unitOutsideBoard, .missingDelivery, .duplicateDelivery, .uncoveredCouncilGoal]
  }

  /// Checks the deliveries and the council goals.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let boardName = scope.board?.name ?? scope.boardID
    if scope.board == nil {
      let boards = scope.register.values.filter { $0.kind == .board }.sorted { $0.id < $1.id }
      var arguments = Suggestion(candidates: boards.map { .init(id: $0.id, title: $0.name) })
        .arguments(for: scope.boardID, candidates: "boards")
      arguments["board"] = scope.boardID
      out.append(
        DiagnosticCode.unknownBoard.diagnostic(at: nil, arguments, value: scope.boardID))
    }
    for plan in scope.outsidePlans {
      let file = plan.provenance?.file ?? ""
      out.append(
        DiagnosticCode.unitOutsideBoard.diagnostic(
          at: SourceLocation(file: file),
          ["unit": scope.unitName(plan.unitID), "board": boardName], value: plan.unitID))
    }

    let deliveries = scope.plans.filter { $0.kind != .statistics }
    var filesByUnit: [String: [String]] = [:]
    var unitOrder: [String] = []
    for plan in deliveries {
      guard let unit = plan.unitID, let file = plan.provenance?.file else { continue }
      if filesByUnit[unit] == nil { unitOrder.append(unit) }
      if !(filesByUnit[unit] ?? []).contains(file) { filesByUnit[unit, default: []].append(file) }
    }
    for unit in scope.expectedUnits where filesByUnit[unit.id] == nil {
      out.append(
        DiagnosticCode.missingDelivery.diagnostic(
          at: unit.provenance?.location(),
          [
            "unit": unit.name, "unitID": unit.id, "period": scope.period.swedishLabel,
            "deliverer": "unit",
          ], value: unit.name))
    }
    let hasBoardGoals = scope.goals.contains { $0.level == .board }
    if scope.board != nil, !hasBoardGoals, filesByUnit[scope.boardID] == nil {
      out.append(
        DiagnosticCode.missingDelivery.diagnostic(
          at: scope.board?.provenance?.location(),
          [
            "unit": boardName, "unitID": scope.boardID, "period": scope.period.swedishLabel,
            "deliverer": "board",
          ], value: boardName))
    }
    for unit in unitOrder {
      guard let files = filesByUnit[unit], files.count > 1, let last = files.last else { continue }
      out.append(
        DiagnosticCode.duplicateDelivery.diagnostic(
          at: SourceLocation(file: last),
          [
            "unit": scope.unitName(unit), "count": String(files.count),
            "period": scope.period.swedishLabel,
            "files": DiagnosticTemplate.list(files.sorted()),
          ], value: last))
    }

    if hasBoardGoals {
      var covered: Set<Int> = []
      for goal in scope.goals where goal.level == .board {
        for reference in goal.alignsTo + (goal.parentID.map { [$0] } ?? []) {
          if let index = scope.goalIndex(reference, from: scope.boardID) {
            covered.insert(index)
          }
        }
      }
      for (index, goal) in scope.goals.enumerated()
      where goal.level == .council && !covered.contains(index) {
        out.append(
          DiagnosticCode.uncoveredCouncilGoal.diagnostic(
            at: goal.provenance?.location(field: Field.id), ["goal": goal.id, "board": boardName],
            value: goal.title))
      }
    }
    return out
  }
}
