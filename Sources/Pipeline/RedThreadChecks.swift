public import Canonical
public import Spreadsheet
public import Validation

/// The pipeline's validator: the red-thread rules of the `Validation` module, judged as of the
/// report day.
public struct RedThreadChecks: RedThreadValidator {
  /// Replaced Kolada series the municipality names in its reference files
  /// (`kpi_succession`), on top of those the Kolada catalogue states.
  public var koladaSuccessions: [String: String]
  /// The options of `redthread.yaml` (``PipelineConfig/validation``).
  public var options: ValidationOptions

  /// Creates the validator.
  public init(
    koladaSuccessions: [String: String] = [:], options: ValidationOptions = ValidationOptions()
  ) {
    self.koladaSuccessions = koladaSuccessions
    self.options = options
  }

  /// Runs every rule for the board and period.
  public func validate(_ dataset: Dataset, board: String, period: Period, asOf: CalendarDate)
    -> [Diagnostic]
  {
    Validator(
      boardID: board, period: period,
      options: Self.options(options, asOf: asOf, koladaSuccessions: koladaSuccessions)
    ).validate(dataset).diagnostics
  }

  /// Validation options: the configuration's, with the report day and the successions of the
  /// reference files (those of the configuration win).
  static func options(
    _ base: ValidationOptions = ValidationOptions(), asOf: CalendarDate,
    koladaSuccessions: [String: String]
  ) -> ValidationOptions {
    var options = base
    options.asOf = asOf
    for (replaced, successor) in koladaSuccessions
    where base.koladaSuccessions[replaced]?.source.hasPrefix("redthread.yaml") != true {
      options.koladaSuccessions[replaced] = KoladaSuccession(
        replaced: replaced, successor: successor, source: "reference files (kpi_succession)")
    }
    return options
  }
}
