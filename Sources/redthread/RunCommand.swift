import ArgumentParser
import Canonical
import Foundation
import Pipeline
import Spreadsheet
import Validation

#if canImport(Glibc)
  import Glibc
#endif

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Process the inbox once and write the board report for the period.",
    discussion: """
      Takes every stable file in DIR/inbox (lock and temporary files are left alone), picks its \
      mapping, converts it, and moves it to DIR/archive/<date>/, or to DIR/rejected/ with a \
      NAME.reason.txt saying why. Nothing is ever deleted. Then validates the red thread for \
      the board and period in DIR/redthread.yaml across everything received so far, and writes \
      DIR/reports/<period>/uppfoljning-<board>-<period>-v<N>.xlsx with dataset.json beside it: \
      a new version N when what counts changed, nothing when it did not.

      Exits 0 when the pass completed, whatever the data held (the report's Kontroll sheet \
      lists the problems); 66 when DIR or its redthread.yaml does not exist; 78 when the \
      configuration, a reference file or a mapping is broken; 73 when the report cannot be \
      written; 74 when a file cannot be moved; 75 when another RedThread process works in DIR \
      (workspace-busy; see --wait) (docs/cli.md, docs/operations.md).

      Example:
        redthread run kvartal3
      """)

  @Argument(help: "The pipeline folder (made by 'redthread init').")
  var dir: String

  @Option(
    help: ArgumentHelp(
      "Judge delayed activities as of this day (YYYY-MM-DD) and print it as the report date.",
      discussion: "Default: the period's last day, and today as the report date."))
  var asOf: CalendarDate?

  @Option(help: "Override the period in redthread.yaml, e.g. 2026-T2.")
  var period: Period?

  @Flag(help: "Print only the report's path.")
  var quiet = false

  /// What `run` prints.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Option(help: "text, or json: one machine-readable summary on standard output.")
  var format: Format = .text

  @Option(
    help: ArgumentHelp(
      "Wait up to this many seconds for another RedThread process working in DIR.",
      discussion: "Default 0: exit at once with status 75 (workspace-busy)."))
  var wait: Double = 0

  func run() throws {
    try InputError.requireExisting([dir])
    let day = asOf
    let workspace = Workspace(root: URL(fileURLWithPath: dir))
    var config = try PipelineConfig.load(
      path: (dir as NSString).appendingPathComponent("redthread.yaml"))
    if let period { config.period = period }
    let lock = try WorkspaceLock(workspace, wait: wait)
    var runner = try PipelineRunner.standard(config: config, workspace: workspace, asOf: day)
    if format == .text && !quiet { runner.progress = Progress.make() }
    let summary = try runner.runOnce()
    withExtendedLifetime(lock) {}
    if format == .json {
      print(try PipelineFolder.json(RunReport(summary, config: config)))
      return
    }
    if !quiet { printSummary(summary, config: config) }
    let feedback = summary.feedback
    if !quiet, let first = feedback.first {
      let count = feedback.count == 1 ? "1 workbook" : "\(feedback.count) workbooks"
      print("Feedback: \(count) for the senders in \(display(first.deletingLastPathComponent()))")
    }
    for (name, reason) in summary.feedbackFailures where !quiet {
      print("Feedback: none for \(name): \(reason)")
    }
    if let report = summary.reportURL, quiet || summary.reportWritten {
      print(quiet ? display(report) : "Report: \(display(report))")
    }
    if !quiet, let filled = summary.filledTemplateURL {
      print("Report template filled: \(display(filled))")
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
        let wrongPeriod = summary.diagnostics.first {
          $0.code == DiagnosticCode.wrongPeriod.id && $0.location?.file == name
        }
        let fromMapping = diagnostics - (wrongPeriod == nil ? 0 : 1)
        let notes = fromMapping <= 0 ? "" : ", \(counted(fromMapping, "note")) from mapping"
        print("archived   \(printable(name)) (\(counted(records, "record"))\(notes))")
        if let old = summary.replaces[name] {
          print("           replaces '\(printable(old))' (same unit, plan and period)")
        }
        for (old, count) in summary.measurementsReplaced[name] ?? [] {
          print("           replaces \(counted(count, "value")) from '\(printable(old))'")
        }
        if let wrong = wrongPeriod {
          let own = wrong.arguments?["filePeriod"] ?? wrong.value ?? "another period"
          print(
            "           wrong period: the file is for \(own), not \(config.period.swedishLabel); "
              + "stored under \(own), not counted in this report")
        }
      case .duplicate(let of, _):
        print(
          "duplicate  \(printable(name)) (same bytes as '\(printable(of))'; archived, not converted again)"
        )
      case .superseded(let by, _):
        print(
          "superseded \(printable(name)) (an earlier delivery than '\(printable(by))', which counts)"
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
    if !summary.reportWritten, let version = summary.reportVersion {
      print(
        "\nNothing changed for \(config.period.swedishLabel); report version \(version) stands.")
      return
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

  /// A file name as one printable line (``printableName(_:)``).
  func printable(_ name: String) -> String { printableName(name) }

  /// The reason file beside a rejected file (`rejected/NAME.reason.txt`).
  func reasonPath(_ movedTo: String) -> String {
    let name = PipelineRunner.reasonFileName(for: (movedTo as NSString).lastPathComponent)
    let folder = (movedTo as NSString).deletingLastPathComponent
    return folder.isEmpty ? name : folder + "/" + name
  }

  /// Writes one line to standard output at once. Swift's `print` is block-buffered when the
  /// output is piped to a log (cron, systemd), so nothing would appear until the pass ends;
  /// each line printed by this command reaches the log as it happens.
  func print(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  /// "1 error", "2 errors".
  func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}

/// A file name as one printable line: control characters (a newline in a name) and invisible
/// format characters (a right-to-left override, which would show the name reversed) are shown
/// as `\u{202e}`, so that a name cannot forge or disguise a line of the output or the log.
func printableName(_ name: String) -> String {
  var out = ""
  for scalar in name.unicodeScalars {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator:
      out += "\\u{\(String(scalar.value, radix: 16))}"
    default:
      out.unicodeScalars.append(scalar)
    }
  }
  return out
}

/// The live counter: "312/700 name" rewritten in place on a terminal; on a pipe (cron,
/// systemd), a plain line for each file as it is taken, written at once, so that a log shows
/// the pass as it goes and, after a kill, the file it was at.
enum Progress {
  static func make() -> (@Sendable (Int, Int, String) -> Void)? {
    let terminal = isatty(STDOUT_FILENO) == 1
    return { done, total, name in
      guard total > 1 else { return }
      if terminal {
        let line = done == total ? "" : "\(done + 1)/\(total) \(printableName(name))"
        let clipped = String(line.prefix(100))
        FileHandle.standardOutput.write(Data(("\r\u{1B}[K" + clipped).utf8))
      } else if done < total {
        FileHandle.standardOutput.write(
          Data("\(done + 1)/\(total) \(printableName(name))\n".utf8))
      }
    }
  }
}

/// `run --format json`.
struct RunReport: Encodable {
  struct File: Encodable {
    var name: String
    var outcome: String
    var path: String?
    var records: Int?
    var diagnostics: Int?
    var duplicateOf: String?
    var supersededBy: String?
    var replaces: String?
    var reason: String?
  }
  struct Skipped: Encodable {
    var name: String
    var reason: String
  }
  var board: String
  var period: String
  var files: [File]
  var skipped: [Skipped]
  var recovered: [String]
  var report: String?
  var reportVersion: Int?
  var reportWritten: Bool
  /// The red thread's errors and warnings for the period, when this pass rebuilt its report;
  /// absent when nothing changed (the report version named stands, with its own Kontroll).
  var errors: Int?
  var warnings: Int?
  var diagnostics: [Diagnostic]

  init(_ s: PipelineRunner.Summary, config: PipelineConfig) {
    board = config.board
    period = config.period.id
    files = s.files.map { name, outcome in
      var f = File(name: name, outcome: "")
      switch outcome {
      case .archived(let path, let records, let diagnostics):
        f.outcome = "converted"
        f.path = path
        f.records = records
        f.diagnostics = diagnostics
        f.replaces = s.replaces[name]
      case .duplicate(let of, let path):
        f.outcome = "duplicate"
        f.path = path
        f.duplicateOf = of
      case .rejected(let path, let reason):
        f.outcome = "rejected"
        f.path = path
        f.reason = reason
      case .superseded(let by, let path):
        f.outcome = "superseded"
        f.path = path
        f.supersededBy = by
      }
      return f
    }
    skipped = s.skipped.map { Skipped(name: $0.name, reason: $0.reason) }
    recovered = s.recovered
    report = s.reportURL.map { PipelineFolder.display($0) }
    reportVersion = s.reportVersion
    reportWritten = s.reportWritten
    if s.reportWritten {
      errors = s.diagnostics.filter { $0.severity == .error }.count
      warnings = s.diagnostics.filter { $0.severity == .warning }.count
    }
    diagnostics = s.diagnostics
  }
}
