public import Canonical
public import Spreadsheet

/// Every nyckeltal has a målvärde valid in the period, and the målvärde asks for the
/// direction the nyckeltal calls better.
public struct TargetRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `missing-target`, `target-direction-conflict`.
  public var codes: [DiagnosticCode] { [.missingTarget, .targetDirectionConflict] }

  /// The direction a comparison asks for: `Minst`/`Över`/`Öka` want higher values,
  /// `Högst`/`Under`/`Minska` lower ones, `=` and ranges neither.
  public static func impliedDirection(_ comparison: Target.Comparison) -> KPI.Direction? {
    switch comparison {
    case .atLeast, .above, .increase: return .higher
    case .atMost, .below, .decrease: return .lower
    case .equal, .range: return nil
    }
  }

  /// Checks every nyckeltal in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for kpi in scope.kpis {
      guard let target = scope.targets(for: kpi).first else {
        out.append(
          DiagnosticCode.missingTarget.diagnostic(
            at: kpi.provenance?.location(field: Field.target),
            ["kpi": kpi.id, "name": kpi.name, "period": scope.period.swedishLabel],
            value: kpi.id))
        continue
      }
      if let direction = kpi.direction, direction != .neutral,
        let wanted = Self.impliedDirection(target.comparison), wanted != direction
      {
        out.append(
          DiagnosticCode.targetDirectionConflict.diagnostic(
            at: target.provenance?.location(field: Field.target) ?? kpi.provenance?.location(),
            [
              "target": target.text, "kpi": kpi.id, "wanted": Self.word(wanted),
              "direction": Self.word(direction),
            ], value: target.text))
      }
    }
    return out
  }

  private static func word(_ direction: KPI.Direction) -> String {
    switch direction {
    case .higher: return "higher"
    case .lower: return "lower"
    case .neutral: return "neutral"
    }
  }
}
