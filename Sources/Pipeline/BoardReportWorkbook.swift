public import Canonical
public import Foundation
public import Reporting
public import Spreadsheet
public import Validation
import XLSX

/// The pipeline's report writer: computes the board report for the period from everything
/// received (with every diagnostic, from conversion and validation) and writes the workbook.
public struct BoardReportWorkbook: BoardReportWriter {
  /// Replaced Kolada series the municipality names in its reference files, on top of those
  /// the Kolada catalogue states.
  public var koladaSuccessions: [String: String]
  /// The options of `redthread.yaml` (status thresholds, expected units, …).
  public var options: ValidationOptions
  /// A controller's report template filled beside each report (`report: { template: … }`).
  public var template: String?

  /// Creates the writer.
  public init(
    koladaSuccessions: [String: String] = [:], options: ValidationOptions = ValidationOptions(),
    template: String? = nil
  ) {
    self.koladaSuccessions = koladaSuccessions
    self.options = options
    self.template = template
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
    let report = self.report(
      dataset: dataset, diagnostics: diagnostics, board: board, period: period, asOf: asOf,
      reportDate: reportDate)
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
    if let template {
      try Self.fill(
        template: template, report: report, title: title,
        to: folder.appendingPathComponent(Self.templateOutputName(template: template, report: url)))
    }
  }

  /// The board report the workbook shows.
  public func report(
    dataset: Dataset, diagnostics: [Diagnostic], board: String, period: Period,
    asOf: CalendarDate, reportDate: CalendarDate
  ) -> BoardReport {
    let validator = Validator(
      boardID: board, period: period,
      options: RedThreadChecks.options(
        options, asOf: asOf, koladaSuccessions: koladaSuccessions))
    let scope = validator.scope(of: dataset)
    let validation = ValidationReport(boardID: board, period: period, diagnostics: diagnostics)
    return BoardReport(scope: scope, validation: validation, reportDate: reportDate)
  }

  /// Fills a report template with a report (docs/templates.md); nothing is left at `url`
  /// when the template has problems or the write fails.
  ///
  /// - Throws: `TemplateError` for unknown names or broken markup, `XLSXError` otherwise.
  public static func fill(template: String, report: BoardReport, title: String?, to url: URL)
    throws
  {
    var labels = ReportLabels.swedish
    if let title { labels.title = title }
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try XLSXTemplate(path: template).fill(
      BoardReportTemplate.data(for: report, labels: labels),
      contract: BoardReportTemplate.contract, to: url.path)
  }

  /// The filled template's name beside a report: the template's name with the report's
  /// board, period and version (`nämndrapport-bun-2026-Q3-v2.xlsx`).
  public static func templateOutputName(template: String, report url: URL) -> String {
    let stem = ((template as NSString).lastPathComponent as NSString).deletingPathExtension
    var rest = url.lastPathComponent
    if rest.hasPrefix("uppfoljning-") { rest.removeFirst("uppfoljning-".count) }
    return "\(stem)-\(rest)"
  }
}
