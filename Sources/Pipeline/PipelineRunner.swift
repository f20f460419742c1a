public import Canonical
import Feedback
public import Foundation
public import Reporting
public import Spreadsheet
import Validation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One pass over a workspace's inbox, in three steps over the injected store:
///
/// 1. **recover**: finish or undo what an interrupted pass left (files in processing/,
///    temporary files, reason files without their file);
/// 2. **ingest**: take each whole, stable file, convert it, store the result, archive or
///    reject the source;
/// 3. **publish**: when what counts for the period changed, validate it and write the next
///    version of the board report.
///
/// The caller holds the workspace lock (``WorkspaceLock``) around a pass.
///
/// ```swift
/// let runner = try PipelineRunner.standard(config: config, workspace: ws)
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
    /// Converted and archived, but a delivery received later (for the same unit, plan kind
    /// and period) counts instead.
    case superseded(by: String, archivedAs: String)
  }

  /// The result of one pass.
  public struct Summary: Sendable {
    /// Files taken, in name order, with what happened.
    public var files: [(name: String, outcome: Outcome)]
    /// Files left in the inbox, with why.
    public var skipped: [(name: String, reason: String)]
    /// Files put back from processing/ after an interrupted run.
    public var recovered: [String]
    /// The report of the period: the one written, or the latest when nothing changed.
    public var reportURL: URL?
    /// The report's version number.
    public var reportVersion: Int?
    /// Whether this pass wrote the report (false: nothing changed since the latest version).
    public var reportWritten: Bool
    /// The canonical JSON of everything that counted, beside the report.
    public var datasetURL: URL?
    /// Every diagnostic of the period (conversion and validation); empty when no report was
    /// written.
    public var diagnostics: [Diagnostic]
    /// For files that replaced an earlier delivery: the file's name → the replaced file.
    public var replaces: [String: String]
    /// For files that gave measurements again: the file's name → (earlier file, count).
    public var measurementsReplaced: [String: [(file: String, count: Int)]]
    /// The senders' feedback workbooks of the period in feedback/ after the pass.
    public var feedback: [URL] = []
    /// Files whose feedback workbook could not be written (a workbook the editor cannot take
    /// apart), with why.
    public var feedbackFailures: [(name: String, reason: String)] = []
    /// The controller's template filled beside the report (`report: { template: … }`), when
    /// this pass wrote the report.
    public var filledTemplateURL: URL?
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
  /// The store; `nil` opens the workspace's SQLite store when a pass starts.
  public var store: (any PipelineStore)?
  /// The time now (injected in tests).
  public var now: @Sendable () -> Date
  /// Waits the settle time between two looks at the inbox (injected in tests).
  public var wait: @Sendable (Double) -> Void
  /// The day activities are judged on; defaults to the period's last day, so a report on a
  /// closed period does not change from day to day.
  public var asOf: CalendarDate?
  /// The day shown in the report's title block; defaults to `asOf` when given, else today.
  public var reportDate: CalendarDate?
  /// Told before each file is converted: (files done, files to do, name).
  public var progress: (@Sendable (Int, Int, String) -> Void)?
  /// Asked between files; when it returns true the pass stops taking files (watch's SIGINT).
  public var shouldStop: @Sendable () -> Bool = { false }

  /// Creates a runner.
  public init(
    workspace: Workspace, config: PipelineConfig, converter: any SourceConverter,
    validator: any RedThreadValidator, reporter: any BoardReportWriter,
    store: (any PipelineStore)? = nil,
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
    self.store = store
    self.now = now
    self.wait = wait
    self.asOf = asOf
    self.reportDate = reportDate
  }

  /// The runner a workspace's configuration describes: its mappings and reference files, the
  /// red-thread checks, the board report workbook, and the workspace's SQLite store.
  ///
  /// - Throws: ``PipelineError`` and `MappingError` for a broken configuration or mapping.
  public static func standard(
    config: PipelineConfig, workspace: Workspace, asOf: CalendarDate? = nil
  ) throws -> PipelineRunner {
    let converter = try MappingConverter.load(config: config)
    let successions = converter.referenceData.kpiSuccession
    try workspace.createFolders()
    return PipelineRunner(
      workspace: workspace, config: config, converter: converter,
      validator: RedThreadChecks(koladaSuccessions: successions, options: config.validation),
      reporter: BoardReportWorkbook(
        koladaSuccessions: successions, options: config.validation,
        template: config.reportTemplate),
      store: try SQLiteStore.open(workspace), asOf: asOf)
  }

  /// The store to use: the injected one, or the workspace's SQLite store.
  public func resolvedStore() throws -> any PipelineStore {
    if let store { return store }
    return try SQLiteStore.open(workspace)
  }

  /// Runs one pass: recover, ingest, publish.
  ///
  /// - Throws: ``PipelineError`` for an unusable workspace or a failed write of the report;
  ///   problems with single files never stop the pass.
  public func runOnce() throws -> Summary {
    try workspace.createFolders()
    let store = try resolvedStore()
    var summary = Self.emptySummary()
    try recover(store: store, into: &summary)
    try ingest(store: store, into: &summary)
    try publish(store: store, into: &summary)
    return summary
  }

  // MARK: Recover

  /// Finishes or undoes what an interrupted pass left: a file in processing/ whose result is
  /// stored goes where the store says; any other goes back to the inbox (or, after
  /// ``maximumInterruptions``, to rejected/); temporary files are removed; a reason file
  /// whose file never reached rejected/ is removed.
  public func recover(store: any PipelineStore, into summary: inout Summary) throws {
    let journal = Journal(url: workspace.journalFile)
    let fm = FileManager.default
    let leftovers = ((try? fm.contentsOfDirectory(atPath: workspace.processing.path)) ?? [])
      .sorted()
    var interruptions: [String: Int] = [:]
    if !leftovers.isEmpty {
      interruptions = Dictionary(
        journal.entries().filter { $0.event == .recovered }.map { ($0.file, 1) },
        uniquingKeysWith: +)
    }
    for name in leftovers {
      let url = workspace.processing.appendingPathComponent(name)
      if Workspace.isTemporaryName(name) {
        try? fm.removeItem(at: url)
        continue
      }
      // A move is a link to the new name, then the removal of the old one: a run killed in
      // between left the file under both names. The other name is where it was going (or
      // the inbox it came from); only the name in processing/ goes.
      if let other = try otherName(of: url, store: store) {
        if unlink(url.path) == 0 {
          journal.append(.recovered, file: name, detail: relative(other), at: now())
        }
        continue
      }
      // The result was committed and only the move was left to do: do it.
      if let data = fm.contents(atPath: url.path),
        let stored = try store.files(sha256: SHA256.hex(data)).last(where: {
          $0.storedAs != nil && $0.outcome != .withdrawn
        }),
        let target = stored.storedAs,
        !fm.fileExists(atPath: workspace.root.appendingPathComponent(target).path)
      {
        let destination = workspace.root.appendingPathComponent(target)
        let moved = try workspace.move(
          url, into: destination.deletingLastPathComponent(),
          name: destination.lastPathComponent)
        if moved.path != destination.path {
          try store.update(
            fileID: stored.id, outcome: stored.outcome, storedAs: relative(moved), detail: nil)
        }
        journal.append(.archived, file: name, detail: relative(moved), at: now())
        continue
      }
      // A file that was being processed when a run died twice before is set aside, so that a
      // file that always kills the run (too big for the machine) does not hold up the others.
      if (interruptions[name] ?? 0) >= Self.maximumInterruptions {
        let data = fm.contents(atPath: url.path) ?? Data()
        let file = ReceivedFile(
          sha256: SHA256.hex(data), name: name, size: data.count, modified: nil,
          received: now(), outcome: .rejected)
        if let outcome = try? reject(
          url, file: file, code: DiagnosticCode.processingInterrupted.id,
          message: "a run stopped while processing this file "
            + "\((interruptions[name] ?? 0) + 1) times; it is set aside so that the other files "
            + "are processed", location: nil,
          hint: "check the file's size and content; drop it in the inbox again to retry",
          store: store, journal: journal)
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
    // Temporary files of writes that never reached their rename.
    for folder in [workspace.rejected, workspace.root, workspace.store, workspace.inbox] {
      removeTemporaryFiles(in: folder, ownOnly: folder == workspace.inbox)
    }
    // Reports and the senders' feedback workbooks, by period.
    for parent in [workspace.reports, workspace.feedback] {
      for period in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
        removeTemporaryFiles(in: parent.appendingPathComponent(period), ownOnly: false)
      }
    }
    // And of feedback workbooks (with the hidden XLSX copy of a CSV sender's file): an
    // unchanged workbook is not written again, so no later write clears them.
    let feedbackFolders = (try? fm.contentsOfDirectory(atPath: workspace.feedback.path)) ?? []
    for period in feedbackFolders {
      let folder = workspace.feedback.appendingPathComponent(period)
      removeTemporaryFiles(in: folder, ownOnly: false)
      for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
      where name.hasPrefix(".") && name.hasSuffix(".csv-copy.xlsx") {
        try? fm.removeItem(at: folder.appendingPathComponent(name))
      }
    }
    // A reason file is written before its file is moved to rejected/: one without its file
    // belongs to a rejection that did not happen.
    let rejected = (try? fm.contentsOfDirectory(atPath: workspace.rejected.path)) ?? []
    let files = rejected.filter { !$0.hasSuffix(".reason.txt") && !$0.hasPrefix(".") }
    let expected = Set(files.map(Self.reasonFileName(for:)))
    for name in rejected where name.hasSuffix(".reason.txt") && !expected.contains(name) {
      try? fm.removeItem(at: workspace.rejected.appendingPathComponent(name))
    }
  }

  /// Where else a file in processing/ lies under another name of the same inode (a move
  /// that made its link and was killed before the unlink): in the inbox under its name, or
  /// where the store says its bytes went.
  func otherName(of url: URL, store: any PipelineStore) throws -> URL? {
    var info = stat()
    guard lstat(url.path, &info) == 0, info.st_nlink > 1 else { return nil }
    func isSame(_ candidate: URL) -> Bool {
      var other = stat()
      return lstat(candidate.path, &other) == 0 && other.st_dev == info.st_dev
        && other.st_ino == info.st_ino
    }
    let inbox = workspace.inbox.appendingPathComponent(url.lastPathComponent)
    if isSame(inbox) { return inbox }
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    for stored in try store.files(sha256: SHA256.hex(data)) {
      if let path = stored.storedAs {
        let target = workspace.root.appendingPathComponent(path)
        if isSame(target) { return target }
      }
    }
    return nil
  }

  func removeTemporaryFiles(in folder: URL, ownOnly: Bool) {
    let fm = FileManager.default
    for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
    where Workspace.isTemporaryName(name) && (!ownOnly || name.hasPrefix(".redthread-")) {
      try? fm.removeItem(at: folder.appendingPathComponent(name))
    }
  }

  // MARK: Ingest

  /// Takes each stable, whole file from the inbox, in the order received (modification time,
  /// then name), and converts, stores and archives or rejects it.
  public func ingest(store: any PipelineStore, into summary: inout Summary) throws {
    let journal = Journal(url: workspace.journalFile)
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
        summary.skipped.append(
          (url.lastPathComponent, "still being written; taken on the next pass"))
      }
    }
    let snapshots = Dictionary(second.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
    let ordered = take.sorted {
      let a = snapshots[$0]?.modified ?? .distantPast
      let b = snapshots[$1]?.modified ?? .distantPast
      return a != b ? a < b : $0.lastPathComponent < $1.lastPathComponent
    }
    var taken: [(name: String, outcome: Outcome)] = []
    for (index, url) in ordered.enumerated() {
      if shouldStop() { break }
      let name = url.lastPathComponent
      progress?(index, ordered.count, name)
      do {
        if let outcome = try process(
          url, snapshot: snapshots[url], store: store, journal: journal, summary: &summary)
        {
          taken.append((name, outcome))
        }
      } catch {
        summary.skipped.append((name, "\(error)"))
      }
    }
    progress?(ordered.count, ordered.count, "")
    summary.files += taken.sorted { $0.name < $1.name }
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

  /// Claims, checks, converts, stores and archives (or rejects) one file; `nil` when the file
  /// turned out not to be whole and went back to the inbox.
  func process(
    _ url: URL, snapshot: InboxScanner.Snapshot?, store: any PipelineStore, journal: Journal,
    summary: inout Summary
  ) throws -> Outcome? {
    let name = url.lastPathComponent
    let claimed = try workspace.move(url, into: workspace.processing)
    journal.append(.claimed, file: name, at: now())
    let time = now()
    let dayFolder = workspace.archive.appendingPathComponent(Self.isoDay(time))

    let data = FileManager.default.contents(atPath: claimed.path) ?? Data()
    func putBack(_ why: String) throws -> Outcome? {
      try workspace.move(claimed, into: workspace.inbox, name: name)
      summary.skipped.append((name, why))
      return nil
    }
    if let snapshot, snapshot.size != data.count {
      return try putBack("still being written; taken on the next pass")
    }
    if WholeFile.isZip(data), !WholeFile.hasCompleteZipDirectory(data) {
      return try putBack("incomplete: the zip directory at its end is missing; taken when whole")
    }
    let sha = SHA256.hex(data)
    var file = ReceivedFile(
      sha256: sha, name: name, size: data.count, modified: snapshot?.modified, received: time,
      outcome: .converted)

    if let earlier = try store.file(sha256: sha) {
      let target = Self.uniqueTarget(in: dayFolder, name: name)
      file.outcome = .duplicate
      file.storedAs = relative(target)
      file.detail = "same bytes as '\(earlier.name)'"
      try store.add(file, diagnostics: [])
      let archived = try workspace.move(claimed, into: dayFolder, name: target.lastPathComponent)
      journal.append(
        .duplicate, file: name, detail: "same bytes as '\(earlier.name)'", at: now())
      return .duplicate(of: earlier.name, archivedAs: relative(archived))
    }

    var conversion: Conversion
    do {
      conversion = try converter.convert(file: claimed, displayName: name)
    } catch let error as any LocatedError {
      if let changed = try changedWhileConverting(claimed, sha: sha) {
        return try putBack(changed)
      }
      file.outcome = .rejected
      return try reject(
        claimed, file: file, code: error.code, message: error.message,
        location: error.location.map { relocate($0, to: name) }, hint: nil, store: store,
        journal: journal)
    } catch {
      if let changed = try changedWhileConverting(claimed, sha: sha) {
        return try putBack(changed)
      }
      file.outcome = .rejected
      return try reject(
        claimed, file: file, code: DiagnosticCode.unreadableFile.id, message: "\(error)",
        location: nil,
        hint: nil, store: store, journal: journal)
    }
    if let changed = try changedWhileConverting(claimed, sha: sha) {
      return try putBack(changed)
    }
    if let rejection = conversion.rejection {
      file.outcome = .rejected
      file.mapping = conversion.mappingName
      file.mappingVersion = conversion.mappingVersion
      return try reject(
        claimed, file: file, code: rejection.code, message: rejection.message,
        location: rejection.location, hint: rejection.hint, store: store, journal: journal,
        diagnostic: rejection,
        // An empty file has nothing to mark up: its sender gets the reason file only.
        feedback: rejection.code == DiagnosticCode.emptyFile.id
          ? nil : [rejection] + conversion.diagnostics)
    }
    // A file for another period is stored under its own period, with a warning.
    conversion = conversion.checkingPeriod(collected: config.period, file: name)

    let target = Self.uniqueTarget(in: dayFolder, name: name)
    file.storedAs = relative(target)
    let result = try store.ingest(file, conversion: conversion)
    if let old = result.replaces {
      journal.append(.superseded, file: old.name, detail: "by '\(name)'", at: now())
      summary.replaces[name] = old.name
    }
    if !result.replacedMeasurements.isEmpty {
      summary.measurementsReplaced[name] = result.replacedMeasurements.map {
        ($0.file.name, $0.count)
      }
    }
    let archived = try workspace.move(claimed, into: dayFolder, name: target.lastPathComponent)
    if archived.path != target.path {
      try store.update(
        fileID: result.fileID, outcome: result.replacedBy == nil ? .converted : .superseded,
        storedAs: relative(archived), detail: nil)
    }
    journal.append(.archived, file: name, detail: relative(archived), at: now())
    if let winner = result.replacedBy {
      journal.append(.superseded, file: name, detail: "by '\(winner.name)'", at: now())
      return .superseded(by: winner.name, archivedAs: relative(archived))
    }
    return .archived(
      archivedAs: relative(archived), records: conversion.dataset.recordCount,
      diagnostics: conversion.diagnostics.count)
  }

  /// Why a claimed file is not the file that was hashed before its conversion (a writer still
  /// had it open), or nil when its bytes are unchanged.
  func changedWhileConverting(_ url: URL, sha: String) throws -> String? {
    let after = FileManager.default.contents(atPath: url.path) ?? Data()
    return SHA256.hex(after) == sha ? nil : "changed while it was read; taken when it stays whole"
  }

  // MARK: Publish

  /// Validates the period across everything that counts and writes the next version of the
  /// board report, unless nothing changed since the latest version.
  public func publish(store: any PipelineStore, into summary: inout Summary) throws {
    let journal = Journal(url: workspace.journalFile)
    let reference = converter.reference
    let counting = try store.countingFileIDs()
    let rejectedFiles = try pendingRejectedFiles(store)
    let day = asOf ?? config.period.end
    var basis = "board=\(config.board)\nperiod=\(config.period.id)\n"
    basis += "title=\(config.reportTitle ?? "-")\nasOf=\(day)\n"
    basis += "files=\(counting.map(String.init).joined(separator: ","))\n"
    basis += "revision=\(try store.revision())\n"
    basis += "rejected=\(rejectedFiles.map(\.name).joined(separator: "\u{1F}"))\n"
    basis += "reference=\(SHA256.hex((try? reference.canonicalJSON()) ?? Data()))\n"
    if let template = config.reportTemplate {
      // A changed template is a new version (the line is left out without one, so that
      // workspaces without a template keep their fingerprints).
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: template))) ?? Data()
      basis += "template=\(template) \(SHA256.hex(bytes))\n"
    }
    let fingerprint = SHA256.hex(Data(basis.utf8))
    let folder = workspace.reports.appendingPathComponent(Self.folderName(config.period))
    let latest = try store.latestReport(board: config.board, period: config.period.id)
    if let latest, latest.fingerprint == fingerprint,
      FileManager.default.fileExists(
        atPath: workspace.root.appendingPathComponent(latest.path).path)
    {
      summary.reportURL = workspace.root.appendingPathComponent(latest.path)
      summary.reportVersion = latest.version
      let json = folder.appendingPathComponent("dataset.json")
      if FileManager.default.fileExists(atPath: json.path) { summary.datasetURL = json }
      return
    }

    let printed = reportDate ?? asOf ?? Self.calendarDate(now())
    let (dataset, diagnostics) = try periodInputs(store: store, rejectedFiles: rejectedFiles)
    summary.diagnostics = diagnostics
    (summary.feedback, summary.feedbackFailures) = try writeFeedback(
      store: store, diagnostics: diagnostics)

    let version = (latest?.version ?? 0) + 1
    let reportURL = folder.appendingPathComponent(
      Self.reportFileName(board: config.board, period: config.period, version: version))
    try reporter.writeReport(
      dataset: dataset, diagnostics: diagnostics, board: config.board, period: config.period,
      title: config.reportTitle, asOf: day, reportDate: printed, to: reportURL)
    let datasetURL = folder.appendingPathComponent("dataset.json")
    do {
      try Workspace.writeAtomically(try dataset.canonicalJSON(), to: datasetURL)
      summary.datasetURL = datasetURL
    } catch let error as PipelineError {
      throw error
    } catch {
      throw PipelineError(.writeFailed, "cannot encode the canonical JSON: \(error)")
    }
    try store.addReport(
      ReportVersion(
        board: config.board, period: config.period.id, version: version,
        path: relative(reportURL), written: now(), fingerprint: fingerprint, fileIDs: counting))
    journal.append(
      .report, file: reportURL.lastPathComponent, detail: relative(reportURL), at: now())
    summary.reportURL = reportURL
    summary.reportVersion = version
    summary.reportWritten = true
    if let template = config.reportTemplate, reporter is BoardReportWorkbook {
      summary.filledTemplateURL = folder.appendingPathComponent(
        BoardReportWorkbook.templateOutputName(template: template, report: reportURL))
    }
  }

  /// What the report of the configured period is made from: the reference and the counting
  /// files' records, and every diagnostic (conversion, rejected files, validation).
  func periodInputs(store: any PipelineStore, rejectedFiles: [ReceivedFile]) throws -> (
    Dataset, [Diagnostic]
  ) {
    let day = asOf ?? config.period.end
    let reference = converter.reference
    // Only the measurements the board's report can use are loaded (BoardScope's rule): a
    // statistics extract of every municipality gives only the board's, its units' and the
    // comparison series'.
    var dataset = reference
    let board = config.board
    dataset.append(
      contentsOf: try store.countingDataset(measurementsOf: { units in
        BoardScope.measuredUnitKeys(units: reference.units + units, boardID: board)
      }))
    // Only the diagnostics of files that count in the period (and wrong-period warnings given
    // while it was collected): a kvartal 2 file's notes are not kvartal 3's.
    var diagnostics = Conversion.diagnostics(
      try store.countingDiagnostics(), of: dataset, in: config.period)
    diagnostics += try rejectedFiles.flatMap { file in
      let stored = try store.diagnostics(fileID: file.id)
      return stored.isEmpty
        ? [
          Self.rejectionDiagnostic(
            file: file.name, code: DiagnosticCode.rejectionReasonMissing.id,
            message: "see \(file.name).reason.txt",
            location: nil, hint: nil)
        ] : stored
    }
    diagnostics += validator.validate(
      dataset, board: config.board, period: config.period, asOf: day)
    return (dataset, diagnostics)
  }

  /// The board report of the configured period as the next published version would show it
  /// (the same figures), without writing anything.
  ///
  /// - Throws: ``PipelineError`` for an unusable store.
  public func currentReport(store: any PipelineStore) throws -> BoardReport {
    let (dataset, diagnostics) = try periodInputs(
      store: store, rejectedFiles: try pendingRejectedFiles(store))
    let day = asOf ?? config.period.end
    let workbook =
      reporter as? BoardReportWorkbook ?? BoardReportWorkbook(options: config.validation)
    return workbook.report(
      dataset: dataset, diagnostics: diagnostics, board: config.board, period: config.period,
      asOf: day, reportDate: reportDate ?? asOf ?? Self.calendarDate(now()))
  }

  /// `uppfoljning-BOARD-PERIOD-vN.xlsx`.
  public static func reportFileName(board: String, period: Period, version: Int) -> String {
    "uppfoljning-\(board)-\(folderName(period))-v\(version).xlsx"
  }

  /// The files lying in rejected/ now, as the store knows them (a file the store does not
  /// know, from an earlier version, with id 0).
  func pendingRejectedFiles(_ store: any PipelineStore) throws -> [ReceivedFile] {
    let fm = FileManager.default
    let names = ((try? fm.contentsOfDirectory(atPath: workspace.rejected.path)) ?? []).filter {
      !$0.hasSuffix(".reason.txt") && !$0.hasPrefix(".")
        && !$0.hasSuffix(FeedbackWriter.fileName(for: ""))
    }.sorted()
    guard !names.isEmpty else { return [] }
    var known: [String: ReceivedFile] = [:]
    for file in try store.files(outcome: .rejected) {
      if let path = file.storedAs { known[(path as NSString).lastPathComponent] = file }
    }
    return names.map {
      known[$0]
        ?? ReceivedFile(
          id: 0, sha256: "-", name: $0, size: 0, modified: nil, received: now(),
          outcome: .rejected)
    }
  }

  /// Moves a file to rejected/ with its reason file. The reason file is written first, then
  /// the store records the rejection, then the file moves: a crash in between leaves the file
  /// in processing/ and a reason file that recovery removes, never a rejected file without
  /// its reason.
  func reject(
    _ claimed: URL, file: ReceivedFile, code: String, message: String,
    location: SourceLocation?, hint: String?, store: any PipelineStore, journal: Journal,
    diagnostic: Diagnostic? = nil, feedback: [Diagnostic]? = nil
  ) throws -> Outcome {
    let name = file.name
    let target = Self.uniqueTarget(in: workspace.rejected, name: name)
    // A readable file's feedback workbook is written from it while it is still in
    // processing/, into feedback/ and beside where it goes in rejected/.
    let feedbackName = writeRejectedFeedback(claimed, name: name, diagnostics: feedback)
    let text = ReasonFile.text(
      name: name,
      diagnostic: diagnostic
        ?? Diagnostic(code: code, severity: .error, location: location, message: message),
      received: now(), feedbackName: feedbackName)
    let reasonURL = workspace.rejected.appendingPathComponent(
      Self.reasonFileName(for: target.lastPathComponent))
    try Workspace.writeAtomically(Data(text.utf8), to: reasonURL)
    let record = Self.rejectionDiagnostic(
      file: target.lastPathComponent, code: code, message: message, location: location,
      hint: hint)
    var stored = file
    stored.outcome = .rejected
    stored.storedAs = relative(target)
    stored.detail = "\(code): \(message)"
    let id = try store.add(stored, diagnostics: [record])
    let moved = try workspace.move(
      claimed, into: workspace.rejected, name: target.lastPathComponent)
    if moved.path != target.path {
      // The name was taken after all: the reason file follows the file.
      try? FileManager.default.removeItem(at: reasonURL)
      try Workspace.writeAtomically(
        Data(text.utf8),
        to: workspace.rejected.appendingPathComponent(
          Self.reasonFileName(for: moved.lastPathComponent)))
      try store.update(fileID: id, outcome: .rejected, storedAs: relative(moved), detail: nil)
    }
    journal.append(.rejected, file: name, detail: "\(code): \(message)", at: now())
    return .rejected(movedTo: relative(moved), reason: "\(message) [\(code)]")
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
    FileNames.fitting(name, suffix: suffix)
  }

  static func rejectionDiagnostic(
    file: String, code: String, message: String, location: SourceLocation?, hint: String?
  ) -> Diagnostic {
    var at = location ?? SourceLocation(file: file)
    at.file = file
    return Diagnostic(
      code: DiagnosticCode.fileRejected.id, severity: .error, location: at,
      message: "the file was received but could not be used (\(code)): \(message)",
      hint: "correct the file and drop it in the inbox again; "
        + "rejected/\(reasonFileName(for: file)) says why",
      value: code, arguments: ["file": file, "code": code, "reason": message])
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

  /// The first free name in a folder for a file (see ``Workspace/numberedName(_:_:)``).
  static func uniqueTarget(in folder: URL, name: String) -> URL {
    var n = 1
    while true {
      let target = folder.appendingPathComponent(Workspace.numberedName(name, n))
      if !FileManager.default.fileExists(atPath: target.path) { return target }
      n += 1
    }
  }

  /// A period id usable as a folder name: `2025/26` → `2025-26`.
  public static func folderName(_ period: Period) -> String {
    period.id.replacingOccurrences(of: "/", with: "-")
  }

  static func isoDay(_ date: Date) -> String {
    String(Journal.timestamp(date).prefix(10))
  }

  /// Today's date in UTC.
  public static func calendarDate(_ date: Date) -> CalendarDate {
    let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    return CalendarDate(daysSinceEpoch: days)
  }
}
