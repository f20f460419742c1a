import Canonical
public import Spreadsheet

/// A goal assessed as partly fulfilled or not fulfilled carries an analysis: what the unit
/// thinks caused it and what it will do.
public struct AssessmentRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `missing-analysis`.
  public var codes: [DiagnosticCode] { [.missingAnalysis] }

  /// Checks every assessment in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for assessment in scope.assessments
    where assessment.level == .partlyFulfilled || assessment.level == .notFulfilled {
      guard assessment.analysis?.isBlank ?? true else { continue }
      let goal = scope.goal(assessment.goalID, from: assessment.unitID)
      out.append(
        DiagnosticCode.missingAnalysis.diagnostic(
          at: assessment.provenance?.location(field: Field.analysis),
          [
            "level": goal?.level.swedishLabel ?? "goal", "goal": assessment.goalID,
            "assessment": assessment.level.swedishLabel,
          ], value: assessment.level.swedishLabel))
    }
    return out
  }
}
