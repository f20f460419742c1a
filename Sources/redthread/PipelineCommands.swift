import ArgumentParser
import Canonical
import Foundation
import Logging
import Pipeline
import Spreadsheet

#if canImport(Glibc)
  import Glibc
#endif

/// What the pipeline commands share: the folder, the configuration, the lock.
struct PipelineFolder {
  let dir: String
  let workspace: Workspace
  var config: PipelineConfig

  init(_ dir: String, period: Period? = nil) throws {
    try InputError.requireExisting([dir])
    self.dir = dir
    workspace = Workspace(root: URL(fileURLWithPath: dir))
    config = try PipelineConfig.load(
      path: (dir as NSString).appendingPathComponent("redthread.yaml"))
    if let period { config.period = period }
  }

  /// Text or JSON, for `status` and `watch`'s logs.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  /// A path as the user would type it: relative to the current folder when inside it.
  static func display(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
  }

  /// Sorted-key, pretty JSON of a value, with a final newline.
  static func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show what each unit delivered for the period, what is missing, and the reports.",
    discussion: """
      Per unit under the board: the file that counts and when it was received, the deliveries \
      it replaced, or 'missing'. Then the arbetsplan workbooks 'plan send' sent for the period, \
      when and to whom, and whether each came back. Then the statistics and other files of the period, the files \
      lying in rejected/ and why, the files waiting in the inbox, and every report version of \
      the period with the files it was built from. Reads the store only; needs no lock.

      Example:
        redthread status kvartal3 --period 2026-Q3
      """)

  @Argument(help: "The pipeline folder.")
  var dir: String

  @Option(help: "The period, e.g. 2026-Q3 (default: the one in redthread.yaml).")
  var period: Period?

  @Option(help: "text or json.")
  var format: PipelineFolder.Format = .text

  func run() throws {
    do {
      let folder = try PipelineFolder(dir, period: period)
      let converter = try MappingConverter.load(config: folder.config)
      let store = try SQLiteStore.open(folder.workspace)
      let status = try WorkspaceStatus.make(
        store: store, reference: converter.reference, board: folder.config.board,
        period: folder.config.period, workspace: folder.workspace)
      if format == .json {
        print(try PipelineFolder.json(status))
        return
      }
      print("\(folder.config.board), \(folder.config.period.swedishLabel)\n")
      let delivered = status.units.filter { $0.state == "delivered" }.count
      print("Units: \(delivered) of \(status.units.count) delivered")
      for unit in status.units {
        if let file = unit.file {
          print("  delivered  \(unit.name): \(file) (received \(unit.received ?? "-"))")
          for old in unit.replaced { print("             replaces \(old)") }
        } else {
          print("  missing    \(unit.name)")
        }
      }
      // What `plan send` sent for the period (outbox/<period>/sent.json), and whether it came
      // back: the unit's delivery above.
      let sent = PlanSender(
        workspace: folder.workspace, config: folder.config, converter: converter
      ).sentRecords(for: folder.config.period)
      if !sent.isEmpty {
        print("\nArbetsplaner sent (plan send): \(sent.count)")
        for item in sent {
          let back = status.units.first { $0.id == item.unit }?.file
          print(
            "  \(item.unitName): sent \(item.sent), due \(item.deadline); "
              + (back.map { "returned as \($0)" } ?? "not returned"))
        }
      }
      if !status.otherFiles.isEmpty {
        print("\nOther files of the period:")
        for f in status.otherFiles {
          print("  \(f.outcome.padding(toLength: 10, withPad: " ", startingAt: 0)) \(f.name)")
        }
      }
      print("\nRejected: \(status.rejected.count)")
      for f in status.rejected { print("  \(f.name): \(f.detail ?? "-")") }
      print("Waiting in the inbox: \(status.pending.count)")
      for name in status.pending { print("  \(name)") }
      print("\nReports:")
      if status.reports.isEmpty { print("  none yet") }
      for r in status.reports {
        let files = r.files.count == 1 ? "1 file" : "\(r.files.count) files"
        print("  v\(r.version)  \(r.path)  (\(r.written), \(files))")
      }
    }
  }
}

struct WithdrawCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "withdraw",
    abstract: "Take a file out of its period and rebuild the report.",
    discussion: """
      The file's records stop counting; its bytes stay in the archive, and the store keeps it \
      as 'withdrawn'. When it was the delivery that counted for its unit, the delivery it \
      replaced counts again. A new report version is written when that changes the period. \
      FILE is the name the file arrived with, or its path in the archive. A name that starts       with '-' is given after '--': redthread withdraw kvartal3 -- "-utkast.xlsx".

      Example:
        redthread withdraw kvartal3 "Arbetsplan Petreskolan kvartal 3 2026.xlsx"
      """)

  @Argument(help: "The pipeline folder.")
  var dir: String

  @Argument(help: "The file to withdraw.")
  var file: String

  @Option(help: "Wait up to this many seconds for another RedThread process working in DIR.")
  var wait: Double = 0

  func run() throws {
    do {
      let folder = try PipelineFolder(dir)
      let lock = try WorkspaceLock(folder.workspace, wait: wait)
      defer { withExtendedLifetime(lock) {} }
      let runner = try PipelineRunner.standard(config: folder.config, workspace: folder.workspace)
      let (files, summary) = try runner.withdraw(file)
      for f in files { print("withdrawn  \(f.name) (bytes kept in \(f.storedAs ?? "-"))") }
      if files.isEmpty { print("'\(file)' was already withdrawn") }
      printReport(summary)
    }
  }
}

struct ReprocessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reprocess",
    abstract: "Convert stored files again from their archived bytes, and rebuild the report.",
    discussion: """
      After the unit register or a mapping changed: converts each named file (or every \
      converted file with --all) again from the bytes in the archive, replaces its records in \
      the store, and writes a new report version when that changes the period. A file that \
      can no longer be used is withdrawn, with the reason.

      Example:
        redthread reprocess kvartal3 --all
      """)

  @Argument(help: "The pipeline folder.")
  var dir: String

  @Argument(help: "Files to convert again (their names as received).")
  var files: [String] = []

  @Flag(help: "Convert every converted file again.")
  var all = false

  @Option(help: "Wait up to this many seconds for another RedThread process working in DIR.")
  var wait: Double = 0

  func validate() throws {
    if all == !files.isEmpty { throw ValidationError("give FILE… or --all (not both)") }
  }

  func run() throws {
    do {
      let folder = try PipelineFolder(dir)
      let lock = try WorkspaceLock(folder.workspace, wait: wait)
      defer { withExtendedLifetime(lock) {} }
      let runner = try PipelineRunner.standard(config: folder.config, workspace: folder.workspace)
      let (done, summary) = try runner.reprocess(all ? nil : files)
      for f in done {
        if let reason = f.reason {
          print("withdrawn  \(f.name): \(reason)")
        } else {
          print("converted  \(f.name) (\(f.records) records)")
        }
      }
      printReport(summary)
    }
  }
}

/// "Report: …" or "Nothing changed; report version N stands."
func printReport(_ summary: PipelineRunner.Summary) {
  guard let url = summary.reportURL else { return }
  if summary.reportWritten {
    print("Report: \(PipelineFolder.display(url))")
    if let filled = summary.filledTemplateURL {
      print("Report template filled: \(PipelineFolder.display(filled))")
    }
  } else {
    print(
      "Nothing changed; report version \(summary.reportVersion ?? 0) stands: "
        + PipelineFolder.display(url))
  }
}

/// Set by SIGINT and SIGTERM: the watch finishes the file at hand and stops.
final class StopFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var stopped = false
  var isSet: Bool { lock.withLock { stopped } }
  func set() { lock.withLock { stopped = true } }
}

/// One JSON object per line on standard error: time, level, message, metadata.
struct JSONLinesLogHandler: LogHandler {
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level = .info
  let label: String

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var object: [String: String] = [
      "time": ISO8601DateFormatter().string(from: Date()), "level": event.level.rawValue,
      "message": event.message.description, "logger": label,
    ]
    for (k, v) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, b in b }) {
      object[k] = v.description
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard var data = try? encoder.encode(object) else { return }
    data.append(0x0A)
    FileHandle.standardError.write(data)
  }
}

struct WatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Keep processing the inbox: poll, take stable files, rebuild the report.",
    discussion: """
      Polls DIR/inbox every --interval seconds (network shares send no file events). Each \
      pass takes the workspace lock, processes every whole, stable file as 'run' does, and \
      writes a new report version when anything changed; between passes the lock is free for \
      'run', 'withdraw' and 'reprocess'. SIGINT or SIGTERM lets the file at hand finish, then \
      stops. Logs go to standard error through swift-log, as text or as JSON lines \
      (--log-format json).

      Example:
        redthread watch kvartal3 --interval 30 --log-format json
      """)

  @Argument(help: "The pipeline folder.")
  var dir: String

  @Option(help: "Seconds between two looks at the inbox.")
  var interval: Double = 10

  @Option(help: "text or json (one JSON object per line).")
  var logFormat: PipelineFolder.Format = .text

  @Option(help: "Stop after this many passes (default: until SIGINT or SIGTERM).")
  var passes: Int?

  func run() throws {
    let json = logFormat == .json
    var logger = Logger(label: "redthread.watch") { label in
      json
        ? JSONLinesLogHandler(label: label)
        : StreamLogHandler.standardError(label: label) as any LogHandler
    }
    logger.logLevel = .info
    let stop = StopFlag()
    signal(SIGINT, SIG_IGN)
    signal(SIGTERM, SIG_IGN)
    var sources: [any DispatchSourceSignal] = []
    for sig in [SIGINT, SIGTERM] {
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler { stop.set() }
      source.resume()
      sources.append(source)
    }
    defer { sources.forEach { $0.cancel() } }
    do {
      let folder = try PipelineFolder(dir)
      var runner = try PipelineRunner.standard(config: folder.config, workspace: folder.workspace)
      runner.shouldStop = { stop.isSet }
      logger.info(
        "watching", metadata: ["dir": "\(dir)", "interval": "\(interval)"])
      var pass = 0
      while !stop.isSet {
        pass += 1
        do {
          let lock = try WorkspaceLock(folder.workspace, wait: interval)
          let summary = try runner.runOnce()
          withExtendedLifetime(lock) {}
          for (name, outcome) in summary.files {
            logger.info("file", metadata: ["file": "\(name)", "outcome": "\(describe(outcome))"])
          }
          for (name, reason) in summary.skipped {
            logger.info("skipped", metadata: ["file": "\(name)", "reason": "\(reason)"])
          }
          if summary.reportWritten, let url = summary.reportURL {
            logger.notice(
              "report",
              metadata: [
                "path": "\(PipelineFolder.display(url))",
                "version": "\(summary.reportVersion ?? 0)",
              ])
          }
        } catch let error as PipelineError where error.kind == .workspaceBusy {
          logger.info("busy", metadata: ["reason": "\(error.message)"])
        } catch let error as any LocatedError {
          logger.error("pass failed", metadata: ["error": "\(error)"])
        }
        if let passes, pass >= passes { break }
        var slept = 0.0
        while slept < interval && !stop.isSet {
          Thread.sleep(forTimeInterval: min(0.2, interval - slept))
          slept += 0.2
        }
      }
      logger.info("stopped", metadata: ["passes": "\(pass)"])
    }
  }

  func describe(_ outcome: PipelineRunner.Outcome) -> String {
    switch outcome {
    case .archived: return "archived"
    case .duplicate(let of, _): return "duplicate of \(of)"
    case .rejected(_, let reason): return "rejected: \(reason)"
    case .superseded(let by, _): return "superseded by \(by)"
    }
  }
}
