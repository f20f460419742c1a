public import Canonical
public import Spreadsheet
import Validation

/// The pipeline's validator: the red-thread rules of the `Validation` module, judged as of the
/// report day.
public struct RedThreadChecks: RedThreadValidator {
  /// Replaced Kolada series the municipality names in its reference files
  /// (`kpi_succession`), on top of those the Kolada catalogue states.
  public var koladaSuccessions: [String: String]

  /// Creates the validator.
  public init(koladaSuccessions: [String: String] = [:]) {
    self.koladaSuccessions = koladaSuccessions
  }

  /// Runs every rule for the board and period.
  public func validate(_ dataset: Dataset, board: String, period: Period, asOf: CalendarDate)
    -> [Diagnostic]
  {
    Validator(
      boardID: board, period: period,
      options: Self.options(asOf: asOf, koladaSuccessions: koladaSuccessions)
    ).validate(dataset).diagnostics
  }

  /// Validation options with the catalogue's successions and the municipality's own.
  static func options(asOf: CalendarDate, koladaSuccessions: [String: String])
    -> ValidationOptions
  {
    var options = ValidationOptions(asOf: asOf)
    for (replaced, successor) in koladaSuccessions {
      options.koladaSuccessions[replaced] = KoladaSuccession(
        replaced: replaced, successor: successor, source: "reference files (kpi_succession)")
    }
    return options
  }
}
