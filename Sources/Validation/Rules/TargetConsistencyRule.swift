import Canonical
public import Spreadsheet

/// A målvärde agrees with its nyckeltal and with the board: it is written in the
/// nyckeltal's unit of measure, and a unit's målvärde for one of the board's nyckeltal asks
/// for the same direction as the board's.
public struct TargetConsistencyRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `target-unit-mismatch`, `target-against-board`.
  public var codes: [DiagnosticCode] { [.targetUnitMismatch, .targetAgainstBoard] }

  /// The unit of measure a målvärde's text names, when it names one: `%` is a share, `kr`
  /// (`tkr`, `mnkr`, `kronor`) a cost; a bare number names none.
  public static func measure(ofTargetText text: String) -> MeasureKind? {
    let lower = text.lowercased()
    if lower.contains("%") || lower.contains("procent") { return .percent }
    let words = lower.split { !$0.isLetter }
    if words.contains(where: { ["kr", "tkr", "mnkr", "mkr", "kronor"].contains($0) }) {
      return .cost
    }
    return nil
  }

  /// Checks every målvärde in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let boardKPIs = scope.kpis.filter { $0.unitID == nil || $0.unitID == scope.boardID }
    var boardDirection: [String: KPI.Direction] = [:]
    for kpi in boardKPIs {
      let implied = scope.targets(for: kpi).first.flatMap {
        TargetRule.impliedDirection($0.comparison)
      }
      if let direction = kpi.direction ?? implied, direction != .neutral {
        boardDirection[kpi.id] = boardDirection[kpi.id] ?? direction
      }
    }
    for kpi in scope.kpis {
      guard let target = scope.targets(for: kpi).first else { continue }
      let place = target.provenance?.location(field: Field.target) ?? kpi.provenance?.location()
      let kpiMeasure = MeasureKind.of(kpi)
      if let targetMeasure = Self.measure(ofTargetText: target.text),
        kpiMeasure != .other, targetMeasure != kpiMeasure
      {
        out.append(
          DiagnosticCode.targetUnitMismatch.diagnostic(
            at: place,
            [
              "target": target.text, "kpi": kpi.id, "targetUnit": Self.unit(targetMeasure),
              "kpiUnit": kpi.unitOfMeasure ?? Self.unit(kpiMeasure),
            ], value: target.text))
      }
      guard kpi.unitID != nil, kpi.unitID != scope.boardID,
        let board = boardDirection[kpi.id],
        let wanted = TargetRule.impliedDirection(target.comparison), wanted != board
      else { continue }
      out.append(
        DiagnosticCode.targetAgainstBoard.diagnostic(
          at: place,
          [
            "target": target.text, "kpi": kpi.id, "unit": scope.unitName(kpi.unitID),
            "wanted": Self.word(wanted), "direction": Self.word(board),
          ], value: target.text))
    }
    return out
  }

  private static func unit(_ measure: MeasureKind) -> String {
    switch measure {
    case .percent: return "%"
    case .cost: return "kr"
    default: return measure.rawValue
    }
  }

  private static func word(_ direction: KPI.Direction) -> String {
    switch direction {
    case .higher: return "higher"
    case .lower: return "lower"
    case .neutral: return "neutral"
    }
  }
}
