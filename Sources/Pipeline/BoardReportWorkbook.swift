public import Canonical
public import Foundation
import Reporting
public import Spreadsheet
public import Validation

/// The pipeline's report writer: computes the board report for the period from everything
/// received (with every diagnostic, from conversion and validation) and writes the workbook.
public struct BoardReportWorkbook: BoardReportWriter {
  /// Replaced Kolada series the municipality names in its reference files, on top of those
  /// the Kolada catalogue states.
  public var koladaSuccessions: [String: String]
  /// The options of `redthread.yaml` (status thresholds, expected units, …).
  public var options: ValidationOptions

  /// Creates the writer.
  public init(
    koladaSuccessions: [String: String] = [:], options: ValidationOptions = ValidationOptions()
  ) {
    self.koladaSuccessions = koladaSuccessions
    self.options = options
  }

  /// Writes `reports/<period>/…xlsx` and the red thread as `rod-trad-<board>-<period>.html`
  /// beside it; the creation time is the report date, so the same
  /// inputs on the same report date give the same bytes.
  ///
  /// - Throws: the XLSX writer's errors; nothing is left at `url` on failure.
  public func writeReport(
    dataset: Dataset, diagnostics: [Diagnostic], board: String, period: Period,
    title: String?, asOf: CalendarDate, reportDate: CalendarDate, to url: URL
  ) throws {
    let validator = Validator(
      boardID: board, period: period,
      options: RedThreadChecks.options(
        options, asOf: asOf, koladaSuccessions: koladaSuccessions))
    let scope = validator.scope(of: dataset)
    let validation = ValidationReport(boardID: board, period: period, diagnostics: diagnostics)
    let report = BoardReport(scope: scope, validation: validation, reportDate: reportDate)
    var builder = ReportWorkbookBuilder(
      created: CivilDateTime(year: reportDate.year, month: reportDate.month, day: reportDate.day))
    if let title { builder.labels.title = title }
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try builder.write(report, to: url.path)
    // The red thread as a page beside the workbook: rod-trad-<board>-<period>.html.
    let folder = url.deletingLastPathComponent()
    try Workspace.writeAtomically(
      Data(RedThreadPage(report: report, labels: builder.labels).html.utf8),
      to: folder.appendingPathComponent("rod-trad-\(board)-\(folder.lastPathComponent).html"))
  }
}
