public import Canonical
import Feedback
public import Foundation
import Reporting
public import Spreadsheet

/// One pass over a workspace's inbox: take each stable file, convert it, store the result,
/// archive or reject the source; then validate the board's period across everything stored
/// and write the board report.
///
/// ```swift
/// let runner = PipelineRunner(workspace: ws, config: config, converter: c, validator: v,
///                             reporter: r)
/// let summary = try runner.runOnce()
/// print(summary.reportURL?.path ?? "no report")
/// ```
public struct PipelineRunner: Sendable {
  /// What happened to one inbox file.
  public enum Outcome: Sendable, Hashable {
    /// Converted and archived.
    case archived(archivedAs: String, records: Int, diagnostics: Int)
    /// Same bytes as a file already received: archived without converting again.
    case duplicate(of: String, archivedAs: String)
    /// Not usable: moved to rejected/ with a reason file.
    case rejected(movedTo: String, reason: String)
  }

  /// The result of one pass.
  public struct Summary: Sendable {
    /// Files taken, in name order, with what happened.
    public var files: [(name: String, outcome: Outcome)]
    /// Files left in the inbox, with why.
    public var skipped: [(name: String, reason: String)]
    /// Files put back from processing/ after an interrupted run.
    public var recovered: [String]
    /// The report written, if any.
    public var reportURL: URL?
    /// The canonical JSON of everything that counted, beside the report.
    public var datasetURL: URL?
    /// Every diagnostic of the period (conversion and validation).
    public var diagnostics: [Diagnostic]
    /// The senders' feedback workbooks of the period in feedback/ after the pass.
    public var feedback: [URL] = []
    /// Files whose feedback workbook could not be written (a workbook the editor cannot take
    /// apart), with why.
    public var feedbackFailures: [(name: String, reason: String)] = []
  }

  /// The workspace.
  public var workspace: Workspace
  /// Its configuration.
  public var config: PipelineConfig
  /// Reads and maps files.
  public var converter: any SourceConverter
  /// Checks the red thread.
  public var validator: any RedThreadValidator
  /// Writes the report.
  public var reporter: any BoardReportWriter
  /// The time now (injected in tests).
  public var now: @Sendable () -> Date
  /// Waits the settle time between two looks at the inbox (injected in tests).
  public var wait: @Sendable (Double) -> Void
  /// The day activities are judged on; defaults to the period's last day, so a report on a
  /// closed period does not change from day to day.
  public var asOf: CalendarDate?
  /// The day shown in the report's title block; defaults to `asOf` when given, else today.
  public var reportDate: CalendarDate?

  /// Creates a runner.
  public init(
    workspace: Workspace, config: PipelineConfig, converter: any SourceConverter,
    validator: any RedThreadValidator, reporter: any BoardReportWriter,
    now: @escaping @Sendable () -> Date = { Date() },
    wait: @escaping @Sendable (Double) -> Void = { seconds in
      if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    },
    asOf: CalendarDate? = nil, reportDate: CalendarDate? = nil
  ) {
    self.workspace = workspace
    self.config = config
    self.converter = converter
    self.validator = validator
    self.reporter = reporter
    self.now = now
    self.wait = wait
    self.asOf = asOf
    self.reportDate = reportDate
  }

  /// Runs one pass.
  ///
  /// - Throws: ``PipelineError`` for an unusable workspace or a failed write of the report;
  ///   problems with single files never stop the pass.
  public func runOnce() throws -> Summary {
    try workspace.createFolders()
    let journal = Journal(url: workspace.journalFile)
    let store = ResultStore(folder: workspace.store)
    var summary = Summary(
      files: [], skipped: [], recovered: [], reportURL: nil, datasetURL: nil, diagnostics: [])

    // A file left in processing/ by an interrupted pass goes back to the inbox.
    let leftovers =
      (try? FileManager.default.contentsOfDirectory(atPath: workspace.processing.path)) ?? []
    let interruptions =
      leftovers.isEmpty
      ? [:]
      : Dictionary(
        journal.entries().filter { $0.event == .recovered }.map { ($0.file, 1) },
        uniquingKeysWith: +)
    for name in leftovers.sorted() {
      let url = workspace.processing.appendingPathComponent(name)
      // A file that was being processed when a run died twice before is set aside, so that a
      // file that always kills the run (too big for the machine) does not hold up the others.
      if (interruptions[name] ?? 0) >= Self.maximumInterruptions {
        if let outcome = try? reject(
          url, name: name, code: "processing-interrupted",
          message: "a run stopped while processing this file "
            + "\((interruptions[name] ?? 0) + 1) times; it is set aside so that the other files "
            + "are processed", location: nil,
          hint: "check the file's size and content; drop it in the inbox again to retry",
          journal: journal)
        {
          summary.files.append((name, outcome))
        }
        continue
      }
      if (try? workspace.move(url, into: workspace.inbox)) != nil {
        journal.append(.recovered, file: name, at: now())
        summary.recovered.append(name)
      }
    }

    let scanner = InboxScanner(inbox: workspace.inbox)
    let first = try inboxSnapshot(scanner)
    if !first.isEmpty { wait(config.settleSeconds) }
    let second = try inboxSnapshot(scanner)
    let (take, skipped) = InboxScanner.stableFiles(before: first, after: second)
    for (url, why) in scanner.otherEntries() {
      summary.skipped.append((url.lastPathComponent, why))
    }
    for (url, why) in skipped {
      switch why {
      case .ignored(let reason): summary.skipped.append((url.lastPathComponent, reason))
      case .unstable:
        summary.skipped.append((url.lastPathComponent, "still being written; taken next run"))
      }
    }

    for url in take {
      let name = url.lastPathComponent
      do {
        let outcome = try process(url, store: store, journal: journal)
        summary.files.append((name, outcome))
      } catch {
        summary.skipped.append((name, "\(error)"))
      }
    }

    // Validate the period across everything that counts, and write the report.
    let dataset = workspace.currentDataset(reference: converter.reference)
    var diagnostics = store.current().flatMap(\.conversion.diagnostics)
    diagnostics += pendingRejections()
    let day = asOf ?? config.period.end
    let printed = reportDate ?? asOf ?? Self.calendarDate(now())
    diagnostics += validator.validate(
      dataset, board: config.board, period: config.period, asOf: day)
    summary.diagnostics = diagnostics
    (summary.feedback, summary.feedbackFailures) = writeFeedback(
      store: store, diagnostics: diagnostics)

    let folder = workspace.reports.appendingPathComponent(Self.folderName(config.period))
    let reportURL = folder.appendingPathComponent(
      "uppfoljning-\(config.board)-\(Self.folderName(config.period)).xlsx")
    try reporter.writeReport(
      dataset: dataset, diagnostics: diagnostics, board: config.board, period: config.period,
      title: config.reportTitle, asOf: day, reportDate: printed, to: reportURL)
    journal.append(
      .report, file: reportURL.lastPathComponent, detail: relative(reportURL), at: now())
    summary.reportURL = reportURL

    let datasetURL = folder.appendingPathComponent("dataset.json")
    do {
      try Workspace.writeAtomically(try dataset.canonicalJSON(), to: datasetURL)
      summary.datasetURL = datasetURL
    } catch let error as PipelineError {
      throw error
    } catch {
      throw PipelineError(.writeFailed, "cannot encode the canonical JSON: \(error)")
    }
    return summary
  }

  func inboxSnapshot(_ scanner: InboxScanner) throws -> [InboxScanner.Snapshot] {
    do {
      return try scanner.snapshot()
    } catch {
      throw PipelineError(
        .workspaceUnusable, "cannot list the inbox: \(error.localizedDescription)",
        location: SourceLocation(file: workspace.inbox.path), underlying: error)
    }
  }

  /// Claims, converts, stores and archives (or rejects) one file.
  func process(_ url: URL, store: ResultStore, journal: Journal) throws -> Outcome {
    let name = url.lastPathComponent
    let claimed = try workspace.move(url, into: workspace.processing)
    journal.append(.claimed, file: name, at: now())
    let time = now()
    let dayFolder = workspace.archive.appendingPathComponent(Self.isoDay(time))

    let data = FileManager.default.contents(atPath: claimed.path) ?? Data()
    let hash = ContentHash(data)
    if let earlier = store.entry(matching: hash), isSameBytes(data, as: earlier) {
      let archived = try workspace.move(claimed, into: dayFolder, name: name)
      journal.append(
        .duplicate, file: name, detail: "same bytes as '\(earlier.source)'", at: now())
      return .duplicate(of: earlier.source, archivedAs: relative(archived))
    }

    let conversion: Conversion
    do {
      conversion = try converter.convert(file: claimed, displayName: name)
    } catch let error as any LocatedError {
      return try reject(
        claimed, name: name, code: error.code, message: error.message,
        location: error.location.map { relocate($0, to: name) }, hint: nil, journal: journal)
    } catch {
      return try reject(
        claimed, name: name, code: "unreadable-file", message: "\(error)", location: nil,
        hint: nil, journal: journal)
    }
    if let rejection = conversion.rejection {
      return try reject(
        claimed, name: name, code: rejection.code, message: rejection.message,
        location: rejection.location, hint: rejection.hint, journal: journal,
        diagnostic: rejection, feedback: [rejection] + conversion.diagnostics)
    }

    let previous = store.current()
    var entry = ResultStore.Entry(
      source: name, hash: hash, received: ISO8601DateFormatter().string(from: time),
      sequence: store.nextSequence(), archivedAs: nil, conversion: conversion)
    let target = Self.uniqueTarget(in: dayFolder, name: name)
    entry.archivedAs = relative(target)
    try store.save(entry)
    if let old = previous.first(where: { $0.supersedeKey == entry.supersedeKey }) {
      journal.append(.superseded, file: old.source, detail: "by '\(name)'", at: now())
    }
    let archived = try workspace.move(claimed, into: dayFolder, name: target.lastPathComponent)
    journal.append(.archived, file: name, detail: relative(archived), at: now())
    let d = conversion.dataset
    let records =
      d.units.count + d.goals.count + d.kpis.count + d.targets.count + d.measurements.count
      + d.activities.count + d.assessments.count
    return .archived(
      archivedAs: relative(archived), records: records, diagnostics: conversion.diagnostics.count)
  }

  func reject(
    _ claimed: URL, name: String, code: String, message: String, location: SourceLocation?,
    hint: String?, journal: Journal, diagnostic: Diagnostic? = nil,
    feedback: [Diagnostic]? = nil
  ) throws -> Outcome {
    let moved = try workspace.move(claimed, into: workspace.rejected, name: name)
    let feedbackName = writeRejectedFeedback(moved, name: name, diagnostics: feedback)
    let text = ReasonFile.text(
      name: name,
      diagnostic: diagnostic
        ?? Diagnostic(code: code, severity: .error, location: location, message: message),
      received: now(), feedbackName: feedbackName)
    let reasonURL = moved.deletingLastPathComponent().appendingPathComponent(
      Self.reasonFileName(for: moved.lastPathComponent))
    try Workspace.writeAtomically(Data(text.utf8), to: reasonURL)
    let record = Self.rejectionDiagnostic(
      file: moved.lastPathComponent, code: code, message: message, location: location, hint: hint)
    if let data = try? JSONEncoder().encode(record) {
      try? Workspace.writeAtomically(data, to: rejectionRecordURL(moved.lastPathComponent))
    }
    journal.append(.rejected, file: name, detail: "\(code): \(message)", at: now())
    return .rejected(movedTo: relative(moved), reason: "\(message) [\(code)]")
  }

  /// `store/rejected/NAME.json`: the diagnostic for a file in rejected/.
  func rejectionRecordURL(_ name: String) -> URL {
    workspace.store.appendingPathComponent("rejected").appendingPathComponent(
      Self.sidecarName(for: name, suffix: ".json"))
  }

  /// A `file-rejected` diagnostic for every file still in rejected/: the Kontroll sheet lists
  /// files that arrived but could not be used, so their units do not look as if they sent
  /// nothing.
  func pendingRejections() -> [Diagnostic] {
    let fm = FileManager.default
    let names = (try? fm.contentsOfDirectory(atPath: workspace.rejected.path)) ?? []
    return names.sorted().filter {
      !$0.hasSuffix(".reason.txt") && !$0.hasPrefix(".")
        && !$0.hasSuffix(FeedbackWriter.fileName(for: ""))
    }.map {
      name in
      if let data = fm.contents(atPath: rejectionRecordURL(name).path),
        let record = try? JSONDecoder().decode(Diagnostic.self, from: data)
      {
        return record
      }
      return Self.rejectionDiagnostic(
        file: name, code: "unknown", message: "see \(name).reason.txt", location: nil, hint: nil)
    }
  }

  /// How many interrupted runs a file in processing/ survives before it is rejected.
  public static let maximumInterruptions = 2

  /// The reason file beside a rejected file: `NAME.reason.txt`, NAME shortened when needed.
  public static func reasonFileName(for name: String) -> String {
    sidecarName(for: name, suffix: ".reason.txt")
  }

  /// `NAME` + `suffix`, with NAME shortened (at a character boundary, marked `…`) when the
  /// whole would pass the 255-byte limit of file names.
  public static func sidecarName(for name: String, suffix: String) -> String {
    let whole = name + suffix
    guard whole.utf8.count > 255 else { return whole }
    var kept = ""
    let budget = 255 - suffix.utf8.count - "…".utf8.count
    for character in name {
      if kept.utf8.count + String(character).utf8.count > budget { break }
      kept.append(character)
    }
    return kept + "…" + suffix
  }

  static func rejectionDiagnostic(
    file: String, code: String, message: String, location: SourceLocation?, hint: String?
  ) -> Diagnostic {
    var at = location ?? SourceLocation(file: file)
    at.file = file
    return Diagnostic(
      code: "file-rejected", severity: .error, location: at,
      message: "the file was received but could not be used (\(code)): \(message)",
      hint: "correct the file and drop it in the inbox again; "
        + "rejected/\(reasonFileName(for: file)) says why",
      value: code, arguments: ["file": file, "code": code, "reason": message])
  }

  func isSameBytes(_ data: Data, as entry: ResultStore.Entry) -> Bool {
    guard let archived = entry.archivedAs else { return false }
    let url = workspace.root.appendingPathComponent(archived)
    return FileManager.default.contents(atPath: url.path) == data
  }

  /// A location inside the processing folder reported under the name the file arrived with.
  func relocate(_ location: SourceLocation, to name: String) -> SourceLocation {
    var l = location
    l.file = name
    return l
  }

  func relative(_ url: URL) -> String {
    let root = workspace.root.standardizedFileURL.path
    let path = url.standardizedFileURL.path
    return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }

  static func uniqueTarget(in folder: URL, name: String) -> URL {
    var target = folder.appendingPathComponent(name)
    var n = 2
    let ext = (name as NSString).pathExtension
    let stem = (name as NSString).deletingPathExtension
    while FileManager.default.fileExists(atPath: target.path) {
      target = folder.appendingPathComponent(
        ext.isEmpty ? "\(stem) (\(n))" : "\(stem) (\(n)).\(ext)")
      n += 1
    }
    return target
  }

  /// A period id usable as a folder name: `2025/26` → `2025-26`.
  public static func folderName(_ period: Period) -> String {
    period.id.replacingOccurrences(of: "/", with: "-")
  }

  static func isoDay(_ date: Date) -> String {
    String(ISO8601DateFormatter().string(from: date).prefix(10))
  }

  /// Today's date in UTC.
  public static func calendarDate(_ date: Date) -> CalendarDate {
    let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    return CalendarDate(daysSinceEpoch: days)
  }
}
