public import Canonical
public import Spreadsheet
public import Validation

/// The board report (nämndrapport) for one board and one period, independent of any file
/// format: nyckeltal with status and trend, goal fulfilment, activities, units, the paths of
/// the red thread, and the validation's diagnostics.
///
/// ```swift
/// let report = BoardReport.make(
///   dataset: dataset, boardID: "bun", period: .quarter(3, 2026),
///   reportDate: CalendarDate(year: 2026, month: 10, day: 15))
/// report.summary.kpis[.met]          // nyckeltal that met their målvärde
/// try ReportWorkbookBuilder().write(report, to: "reports/2026-Q3/BUN.xlsx")
/// ```
///
/// How each figure is computed is described in `docs/board-report.md`.
public struct BoardReport: Hashable, Sendable {
  /// The board's unit id.
  public var boardID: String
  /// The board's name (`Barn- och utbildningsnämnden`).
  public var boardName: String
  /// The municipality's name, when the register has it.
  public var municipalityName: String?
  /// The period reported.
  public var period: Period
  /// The day activities are judged on.
  public var asOf: CalendarDate
  /// The day the report is made (shown in its title block).
  public var reportDate: CalendarDate
  /// Nyckeltal: the board's first, then each unit's, in register order.
  public var kpis: [KPIRow]
  /// Goals: nämndmål first, then each unit's enhetsmål.
  public var goals: [GoalRow]
  /// Activities, unit by unit.
  public var activities: [ActivityRow]
  /// Units under the board that are expected to deliver, and any other that delivered.
  public var units: [UnitRow]
  /// Red-thread paths, KF-mål by KF-mål.
  public var paths: [RedThreadPath]
  /// The validation's diagnostics: errors first, then warnings and information, each by
  /// place.
  public var diagnostics: [Diagnostic]

  /// The counts of the summary sheet.
  public var summary: ReportSummary {
    ReportSummary(
      kpis: kpis, goals: goals, activities: activities, units: units, diagnostics: diagnostics)
  }

  /// Creates a report from its parts.
  public init(
    boardID: String, boardName: String, municipalityName: String?, period: Period,
    asOf: CalendarDate, reportDate: CalendarDate, kpis: [KPIRow], goals: [GoalRow],
    activities: [ActivityRow], units: [UnitRow], paths: [RedThreadPath], diagnostics: [Diagnostic]
  ) {
    self.boardID = boardID
    self.boardName = boardName
    self.municipalityName = municipalityName
    self.period = period
    self.asOf = asOf
    self.reportDate = reportDate
    self.kpis = kpis
    self.goals = goals
    self.activities = activities
    self.units = units
    self.paths = paths
    self.diagnostics = diagnostics
  }

  /// Validates a dataset for a board and period and computes its report.
  ///
  /// - Parameters:
  ///   - dataset: everything received, merged.
  ///   - boardID: the board's unit id.
  ///   - period: the period reported.
  ///   - options: validation settings (report day, expected units, Kolada successions).
  ///   - reportDate: the day shown in the title block; pass it in (no clock is read), so the
  ///     same inputs give the same report.
  ///   - diagnostics: the diagnostics to list on the Kontroll sheet, when the caller already
  ///     has them (the validation's together with those of reading and mapping the files);
  ///     `nil` runs the validation and lists its diagnostics.
  public static func make(
    dataset: Dataset, boardID: String, period: Period,
    options: ValidationOptions = ValidationOptions(), reportDate: CalendarDate,
    diagnostics: [Diagnostic]? = nil
  ) -> BoardReport {
    let validator = Validator(boardID: boardID, period: period, options: options)
    let scope = validator.scope(of: dataset)
    let validation =
      diagnostics.map { ValidationReport(boardID: boardID, period: period, diagnostics: $0) }
      ?? validator.validate(scope)
    return BoardReport(scope: scope, validation: validation, reportDate: reportDate)
  }

  /// Computes the report of a board's scope, with the diagnostics of its validation.
  public init(scope: BoardScope, validation: ValidationReport, reportDate: CalendarDate) {
    self = ReportComputation(scope: scope, validation: validation).report(reportDate: reportDate)
  }
}
