import ArgumentParser
import Canonical
import Foundation
import Pipeline
import Spreadsheet
import Validation

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Process the inbox once and write the board report for the period.",
    discussion: """
      Takes every stable file in DIR/inbox (lock and temporary files are left alone), picks its \
      mapping, converts it, and moves it to DIR/archive/<date>/, or to DIR/rejected/ with a \
      NAME.reason.txt saying why. Nothing is ever deleted. Then validates the red thread for \
      the board and period in DIR/redthread.yaml across everything received so far, and writes \
      DIR/reports/<period>/uppfoljning-<board>-<period>.xlsx with dataset.json beside it.

      Exits 0 when the pass completed, whatever the data held (the report's Kontroll sheet \
      lists the problems); 1 when the configuration or a mapping is broken; 74 when a folder \
      cannot be read or written.

      Example:
        redthread run kvartal3
      """)

  @Argument(help: "The pipeline folder (made by 'redthread init').")
  var dir: String

  @Option(
    help: ArgumentHelp(
      "Judge delayed activities as of this day (YYYY-MM-DD) and print it as the report date.",
      discussion: "Default: the period's last day, and today as the report date."))
  var asOf: String?

  @Option(help: "Override the period in redthread.yaml, e.g. 2026-T2.")
  var period: String?

  @Flag(help: "Print only the report's path.")
  var quiet = false

  func run() throws {
    var day: CalendarDate?
    if let asOf {
      guard let parsed = CalendarDate(iso: asOf) else {
        throw ValidationError("'\(asOf)' is not a date; write YYYY-MM-DD")
      }
      day = parsed
    }
    let workspace = Workspace(root: URL(fileURLWithPath: dir))
    do {
      var config = try PipelineConfig.load(
        path: (dir as NSString).appendingPathComponent("redthread.yaml"))
      if let period {
        guard let parsed = Period(parsing: period) else {
          throw ValidationError("'\(period)' is not a period; write e.g. 2026-Q3, 2026-T2")
        }
        config.period = parsed
      }
      let converter = try MappingConverter.load(config: config)
      let successions = converter.referenceData.kpiSuccession
      let runner = PipelineRunner(
        workspace: workspace, config: config, converter: converter,
        validator: RedThreadChecks(koladaSuccessions: successions),
        reporter: BoardReportWorkbook(koladaSuccessions: successions), asOf: day)
      let summary = try runner.runOnce()
      if !quiet { printSummary(summary, config: config) }
      if let report = summary.reportURL {
        print(quiet ? display(report) : "Report: \(display(report))")
      }
    } catch let error as any LocatedError {
      throw CLIFailure(error).report()
    }
  }

  func display(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
  }

  func printSummary(_ summary: PipelineRunner.Summary, config: PipelineConfig) {
    for name in summary.recovered {
      print("recovered  \(printable(name)) (left by an interrupted run; processed again)")
    }
    for (name, outcome) in summary.files {
      switch outcome {
      case .archived(_, let records, let diagnostics):
        let notes = diagnostics == 0 ? "" : ", \(counted(diagnostics, "note")) from mapping"
        print("archived   \(printable(name)) (\(counted(records, "record"))\(notes))")
      case .duplicate(let of, _):
        print(
          "duplicate  \(printable(name)) (same bytes as '\(printable(of))'; archived, not converted again)"
        )
      case .rejected(let movedTo, let reason):
        print(
          "rejected   \(printable(name)): \(printable(reason))\n           see \(printable(reasonPath(movedTo)))"
        )
      }
    }
    for (name, reason) in summary.skipped {
      print("skipped    \(printable(name)) (\(printable(reason)))")
    }
    if summary.files.isEmpty && summary.skipped.isEmpty {
      print("The inbox is empty.")
    }
    let errors = summary.diagnostics.filter { $0.severity == .error }
    let warnings = summary.diagnostics.filter { $0.severity == .warning }
    print(
      "\nRed thread for \(config.board), \(config.period.swedishLabel): "
        + "\(counted(errors.count, "error")), \(counted(warnings.count, "warning"))")
    for line in DiagnosticDigest(errors + warnings).lines(limit: 40) {
      print(line)
    }
  }

  /// A file name as one printable line: control characters (a newline in a name) are shown
  /// escaped, so that a name cannot forge a line of the summary.
  func printable(_ name: String) -> String {
    var out = ""
    for scalar in name.unicodeScalars {
      if scalar.properties.generalCategory == .control {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The reason file beside a rejected file (`rejected/NAME.reason.txt`).
  func reasonPath(_ movedTo: String) -> String {
    let name = PipelineRunner.reasonFileName(for: (movedTo as NSString).lastPathComponent)
    let folder = (movedTo as NSString).deletingLastPathComponent
    return folder.isEmpty ? name : folder + "/" + name
  }

  /// "1 error", "2 errors".
  func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
