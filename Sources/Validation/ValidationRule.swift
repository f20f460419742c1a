public import Spreadsheet

/// One check of the red thread or of data quality, run over a board's scope.
///
/// Rules are pure: the same scope gives the same diagnostics in the same order.
public protocol ValidationRule: Sendable {
  /// The codes the rule can produce.
  var codes: [DiagnosticCode] { get }

  /// Checks the scope.
  ///
  /// - Parameters:
  ///   - scope: the board's records for the period.
  ///   - options: the run's settings.
  /// - Returns: the problems found (never thrown).
  func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic]
}
