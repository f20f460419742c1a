import Canonical
public import Spreadsheet

/// Every nyckeltal and every activity of a plan is linked to at least one goal.
///
/// A link that does not resolve is reported by ``ReferenceRule`` instead.
public struct OrphanRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `orphan-kpi`, `orphan-activity`.
  public var codes: [DiagnosticCode] { [.orphanKPI, .orphanActivity] }

  /// Checks every nyckeltal and activity in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for kpi in scope.kpis where kpi.goalIDs.allSatisfy(\.isBlank) {
      out.append(
        DiagnosticCode.orphanKPI.diagnostic(
          at: kpi.provenance?.location(field: Field.goal), ["kpi": kpi.id, "name": kpi.name],
          value: kpi.id))
    }
    for activity in scope.activities where activity.goalIDs.allSatisfy(\.isBlank) {
      out.append(
        DiagnosticCode.orphanActivity.diagnostic(
          at: activity.provenance?.location(field: Field.goal),
          ["activity": activity.label], value: activity.id))
    }
    return out
  }
}
