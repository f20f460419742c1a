public import Canonical
public import Spreadsheet
import Validation

/// The pipeline's validator: the red-thread rules of the `Validation` module, judged as of the
/// report day.
public struct RedThreadChecks: RedThreadValidator {
  /// Creates the validator.
  public init() {}

  /// Runs every rule for the board and period.
  public func validate(_ dataset: Dataset, board: String, period: Period, asOf: CalendarDate)
    -> [Diagnostic]
  {
    Validator(boardID: board, period: period, options: ValidationOptions(asOf: asOf))
      .validate(dataset).diagnostics
  }
}
