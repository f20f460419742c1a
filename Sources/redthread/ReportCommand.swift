import ArgumentParser
import Canonical
import Foundation
import Pipeline
import Reporting
import Spreadsheet
import XLSX

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Fill a controller's own report template, or check one before filling.",
    subcommands: [ReportFillCommand.self, ReportCheckCommand.self])
}

struct ReportCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "List a report template's placeholders, unknown names and problems.",
    discussion: """
      Reads an .xlsx template and lists every {{placeholder}}, {{#each}} and {{#if}} block \
      with its sheet and cell, then every problem: a name the board report does not have \
      (with the closest name it has), a block that is never closed, a marker that is not \
      alone in the first filled cell of its row. Exits with status 65 when there are \
      problems. The names are listed in docs/templates.md.

      Example:
        redthread report check mall/nämndrapport.xlsx
      """)

  @Argument(help: "The template workbook (.xlsx).")
  var file: String

  func run() throws {
    try InputError.requireExisting([file])
    let template = try XLSXTemplate(path: file)
    let placeholders = template.placeholders
    for p in placeholders {
      let place = p.location.reference ?? p.location.sheet.map { "'\($0)'" } ?? ""
      print("\(place)\(p.inHeaderFooter ? " (header/footer)" : "")  \(p.markup)")
    }
    let problems = template.check(BoardReportTemplate.contract)
    for problem in problems {
      let error = TemplateError(
        kind: problem.kind, location: problem.location, message: problem.message)
      ErrorPrinter.print(error, stopping: false)
    }
    let noun = placeholders.count == 1 ? "placeholder" : "placeholders"
    print(
      "\(placeholders.count) \(noun), \(problems.count) "
        + (problems.count == 1 ? "problem" : "problems"))
    if !problems.isEmpty {
      throw ExitCode(DiagnosticCategory.data.exitStatus)
    }
  }
}

struct ReportFillCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fill",
    abstract: "Fill a report template with the board report of a pipeline folder.",
    discussion: """
      Computes the board report of the period from what DIR's store holds (the same figures \
      as the report 'redthread run' writes) and fills the template with it: placeholders, \
      repeated rows, conditional rows and one sheet per unit; formulas, defined names, \
      merged cells, conditional formats, validations, tables, hyperlinks, charts and \
      drawings follow the rows. The output is written to a temporary file and renamed, so a \
      template with problems leaves nothing behind. 'report: { template: … }' in \
      redthread.yaml makes 'run' fill it beside each new report version.

      Example:
        redthread report fill kvartal3 --template mall/nämndrapport.xlsx \\
            --output nämndrapport-Q3.xlsx --period 2026-Q3
      """)

  @Argument(help: "The pipeline folder (made by 'redthread init').")
  var dir: String

  @Option(help: "The template workbook (.xlsx).")
  var template: String

  @Option(help: "Where to write the filled workbook.")
  var output: String

  @Option(help: "The period, e.g. 2026-Q3. Default: the period in redthread.yaml.")
  var period: Period?

  @Option(
    name: .customLong("as-of"),
    help: "The day activities are judged on and shown as the report date (YYYY-MM-DD).")
  var asOf: CalendarDate?

  func run() throws {
    try InputError.requireExisting([dir, template])
    let workspace = Workspace(root: URL(fileURLWithPath: dir))
    var config = try PipelineConfig.load(
      path: (dir as NSString).appendingPathComponent("redthread.yaml"))
    if let period { config.period = period }
    let runner = try PipelineRunner.standard(config: config, workspace: workspace, asOf: asOf)
    let report = try runner.currentReport(store: try runner.resolvedStore())
    try BoardReportWorkbook.fill(
      template: template, report: report, title: config.reportTitle,
      to: URL(fileURLWithPath: output))
    print(
      "filled     \(output) (\(report.kpis.count) nyckeltal, \(report.goals.count) mål, "
        + "\(report.activities.count) aktiviteter, \(report.units.count) enheter, "
        + "\(report.diagnostics.count) kontrollrader)")
  }
}
