public import Canonical
import Spreadsheet

/// Checks the red thread — national goal → KF-mål → nämndmål → enhetsmål → nyckeltal and
/// activity — and the quality of the data for one board and one period, across every file
/// received.
///
/// ```swift
/// let validator = Validator(boardID: "hofors-bun", period: .quarter(1, 2026))
/// let report = validator.validate(dataset)
/// for diagnostic in report.diagnostics { print(diagnostic) }
/// // Arbetsplan Petreskolan 2026.xlsx: 'Mål'!C6: error: enhetsmål 'PE-2' refers to goal
/// //   'NM-9', which does not exist [unresolved-reference]
/// //   hint: did you mean 'NM-1', 'NM-2' or 'NM-3'?
/// ```
///
/// Every rule and code is listed in ``DiagnosticCode/all`` and `docs/validation.md`.
/// Validation never throws: problems in the data are diagnostics.
public struct Validator: Sendable {
  /// The board's unit id.
  public var boardID: String
  /// The period of the report.
  public var period: Period
  /// Settings.
  public var options: ValidationOptions
  /// The rules run, in order.
  public var rules: [any ValidationRule]

  /// The rules run by default, covering every code of ``DiagnosticCode/all``.
  public static let defaultRules: [any ValidationRule] = [
    CoverageRule(), AlignmentRule(), ReferenceRule(), CycleRule(), BreakdownRule(),
    OrphanRule(), TargetRule(), TargetConsistencyRule(), OutcomeRule(), ActivityRule(),
    AssessmentRule(),
    IdentityRule(),
  ]

  /// Creates a validator with the default rules.
  ///
  /// - Parameters:
  ///   - boardID: the board's (nämndens) unit id, e.g. `hofors-bun`.
  ///   - period: the period of the report, e.g. `.quarter(1, 2026)` or `.tertial(2, 2026)`.
  ///   - options: settings; the defaults judge activities on the period's last day.
  public init(boardID: String, period: Period, options: ValidationOptions = ValidationOptions()) {
    self.boardID = boardID
    self.period = period
    self.options = options
    self.rules = Self.defaultRules
  }

  /// The board's records for the period, as the rules see them.
  public func scope(of dataset: Dataset) -> BoardScope {
    var scope = BoardScope(
      dataset: GoalTitleResolver.resolvingTitles(in: dataset), boardID: boardID, period: period,
      asOf: options.asOf,
      expectedUnitIDs: options.expectedUnitIDs)
    scope.statusThresholds = options.statusThresholds
    return scope
  }

  /// Validates everything received for the board and period.
  ///
  /// - Parameter dataset: the records of every file received, merged.
  /// - Returns: the report, diagnostics sorted by place; codes in
  ///   ``ValidationOptions/suppressedCodes`` left out, severities of
  ///   ``ValidationOptions/severityByCode`` applied.
  public func validate(_ dataset: Dataset) -> ValidationReport {
    validate(scope(of: dataset))
  }

  /// Validates an already built scope (the report builder shares it).
  public func validate(_ scope: BoardScope) -> ValidationReport {
    var diagnostics: [Diagnostic] = []
    for rule in rules {
      for var d in rule.check(scope, options: options)
      where !options.suppressedCodes.contains(d.code) {
        if let severity = options.severityByCode[d.code] { d.severity = severity }
        diagnostics.append(d)
      }
    }
    return ValidationReport(boardID: boardID, period: period, diagnostics: diagnostics)
  }
}
