import Canonical
import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import Pipeline

/// A converter that maps by file name: `bad-*` is unreadable, `nomap-*` has no mapping,
/// anything else becomes one plan for a unit named by the file's stem.
struct FakeConverter: SourceConverter {
  var reference = Dataset(units: [OrgUnit(id: "bun", name: "BUN", kind: .board)])

  func convert(file: URL, displayName: String) throws -> Conversion {
    let stem = (displayName as NSString).deletingPathExtension
    if displayName.hasPrefix("bad-") {
      throw PipelineError(
        .invalidConfig, "not a workbook", location: SourceLocation(file: file.path))
    }
    if displayName.hasPrefix("nomap-") {
      return Conversion(
        dataset: Dataset(), diagnostics: [], mappingName: "-", mappingVersion: nil,
        rejection: Diagnostic(
          code: "no-mapping", severity: .error, location: SourceLocation(file: displayName),
          message: "no mapping matches", hint: "add a mapping"))
    }
    let unit = stem.split(separator: "_").first.map(String.init) ?? stem
    let plan = Plan(
      unitID: unit, period: .quarter(3, 2026), kind: .unitPlan,
      provenance: Provenance(file: displayName))
    let goal = Goal(id: "\(unit)-1", title: stem, level: .unit, ownerUnitID: unit)
    return Conversion(
      dataset: Dataset(goals: [goal], plans: [plan]),
      diagnostics: [
        Diagnostic(
          code: "test", severity: .warning,
          location: .cell(displayName, sheet: "Mål", CellReference(row: 2, column: 2)),
          message: "a warning")
      ], mappingName: "fake", mappingVersion: 1)
  }
}

struct FakeValidator: RedThreadValidator {
  func validate(_ dataset: Dataset, board: String, period: Period, asOf: CalendarDate)
    -> [Diagnostic]
  {
    [
      Diagnostic(
        code: "goals-seen", severity: .info, location: nil, message: "\(dataset.goals.count)")
    ]
  }
}

final class RecordingReporter: BoardReportWriter, @unchecked Sendable {
  var goalTitles: [String] = []
  func writeReport(
    dataset: Dataset, diagnostics: [Diagnostic], board: String, period: Period, title: String?,
    asOf: CalendarDate, reportDate: CalendarDate, to url: URL
  ) throws {
    goalTitles = dataset.goals.map(\.title)
    try Workspace.writeAtomically(Data("report".utf8), to: url)
  }
}

@Suite struct PipelineRunnerTests {
  let root: URL
  let workspace: Workspace
  let config: PipelineConfig

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redthread-pipeline-\(UUID().uuidString)")
    workspace = Workspace(root: root)
    try workspace.createFolders()
    config = PipelineConfig(
      municipality: "hofors", board: "bun", period: .quarter(3, 2026), referenceFiles: [],
      mappingPaths: [], settleSeconds: 0, path: workspace.configFile.path)
  }

  func drop(_ name: String, _ text: String? = nil, modified: Date? = nil) throws {
    let url = workspace.inbox.appendingPathComponent(name)
    try Data((text ?? name).utf8).write(to: url)
    if let modified {
      try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
    }
  }

  func runner(
    _ reporter: RecordingReporter = RecordingReporter(),
    wait: @escaping @Sendable (Double) -> Void = { _ in }
  ) -> PipelineRunner {
    PipelineRunner(
      workspace: workspace, config: config, converter: FakeConverter(), validator: FakeValidator(),
      reporter: reporter, now: { Date(timeIntervalSince1970: 1_790_000_000) }, wait: wait,
      asOf: CalendarDate(year: 2026, month: 10, day: 1))
  }

  func names(_ folder: URL) -> [String] {
    let all = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
    return all.filter {
      !$0.hasSuffix("/")
        && !(try! FileManager.default.attributesOfItem(
          atPath: folder.appendingPathComponent($0).path)[.type] as? FileAttributeType
          == .typeDirectory)
    }.sorted()
  }

  @Test func archivesConvertedAndRejectsUnusableWithReason() throws {
    try drop("petre_plan.xlsx")
    try drop("bad-file.xlsx")
    try drop("nomap-semester.xlsx")
    let summary = try runner().runOnce()

    #expect(summary.files.count == 3)
    #expect(names(workspace.inbox).isEmpty)
    #expect(names(workspace.processing).isEmpty)
    #expect(names(workspace.archive) == ["2026-09-21/petre_plan.xlsx"])
    #expect(
      names(workspace.rejected) == [
        "bad-file.xlsx", "bad-file.xlsx.reason.txt", "nomap-semester.xlsx",
        "nomap-semester.xlsx.reason.txt",
      ])
    let reason = try String(
      contentsOf: workspace.rejected.appendingPathComponent("nomap-semester.xlsx.reason.txt"),
      encoding: .utf8)
    // Swedish only, in the sender's words: no English message, hint or code.
    #expect(reason.hasPrefix("Filen kunde inte tas emot\n"))
    #expect(reason.contains("Vad är fel: "))
    #expect(!reason.contains("no mapping matches"))
    #expect(!reason.contains("Hint"))
    #expect(!reason.contains("no-mapping"))
    let bad = try String(
      contentsOf: workspace.rejected.appendingPathComponent("bad-file.xlsx.reason.txt"),
      encoding: .utf8)
    #expect(bad.contains("Fil: bad-file.xlsx"), "the file is named as it arrived")
    #expect(!bad.contains("processing"))
    #expect(summary.reportURL?.lastPathComponent == "uppfoljning-bun-2026-Q3-v1.xlsx")
    // Each file lying in rejected/ is listed for the report, so that its unit is not taken
    // for one that sent nothing.
    #expect(
      summary.diagnostics.map(\.code) == ["test", "file-rejected", "file-rejected", "goals-seen"])
    #expect(
      summary.diagnostics.filter { $0.code == "file-rejected" }.compactMap(\.arguments?["file"])
        == ["bad-file.xlsx", "nomap-semester.xlsx"])
  }

  @Test func ignoresLockFilesAndWaitsForUnstableFiles() throws {
    try drop("~$petre_plan.xlsx", "lock")
    try drop("growing.xlsx", "a")
    let inbox = workspace.inbox
    let summary = try runner(wait: { _ in
      // Another program is still writing during the settle time.
      try? Data("ab".utf8).write(to: inbox.appendingPathComponent("growing.xlsx"))
    }).runOnce()
    #expect(summary.files.isEmpty)
    #expect(Set(summary.skipped.map(\.name)) == ["~$petre_plan.xlsx", "growing.xlsx"])
    #expect(names(workspace.inbox) == ["growing.xlsx", "~$petre_plan.xlsx"])
  }

  @Test func sameBytesTwiceIsADuplicateAndNothingIsDeleted() throws {
    try drop("petre_plan.xlsx", "v1")
    _ = try runner().runOnce()
    try drop("petre_plan.xlsx", "v1")
    let summary = try runner().runOnce()
    guard case .duplicate(let of, _) = summary.files.first?.outcome else {
      Issue.record("expected a duplicate, got \(summary.files)")
      return
    }
    #expect(of == "petre_plan.xlsx")
    #expect(
      names(workspace.archive) == ["2026-09-21/petre_plan (2).xlsx", "2026-09-21/petre_plan.xlsx"])
    let store = try SQLiteStore.open(workspace)
    #expect(try store.files(outcome: .converted).count == 1)
    #expect(try store.files(outcome: .duplicate).map(\.name) == ["petre_plan.xlsx"])
  }

  @Test func correctedFileSupersedesTheEarlierOne() throws {
    try drop("petre_v1.xlsx", "first")
    _ = try runner().runOnce()
    try drop("petre_v2.xlsx", "second")
    let reporter = RecordingReporter()
    _ = try runner(reporter).runOnce()
    // Same unit ("petre"), kind and period: only the newer file counts, both are kept.
    #expect(reporter.goalTitles == ["petre_v2"])
    let store = try SQLiteStore.open(workspace)
    #expect(try store.files(outcome: .converted).map(\.name) == ["petre_v2.xlsx"])
    #expect(try store.files(outcome: .superseded).map(\.name) == ["petre_v1.xlsx"])
    let events = Journal(url: workspace.journalFile).entries().map(\.event)
    #expect(events.contains(.superseded))
  }

  @Test func fileLeftInProcessingIsRecovered() throws {
    try Data("x".utf8).write(to: workspace.processing.appendingPathComponent("petre_plan.xlsx"))
    let summary = try runner().runOnce()
    #expect(summary.recovered == ["petre_plan.xlsx"])
    #expect(names(workspace.archive) == ["2026-09-21/petre_plan.xlsx"])
  }

  @Test func aFileThatInterruptedTwoRunsIsSetAsideNotRetriedForEver() throws {
    let journal = Journal(url: workspace.journalFile)
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    journal.append(.recovered, file: "huge.csv", at: now)
    journal.append(.recovered, file: "huge.csv", at: now)
    try Data("x".utf8).write(to: workspace.processing.appendingPathComponent("huge.csv"))
    try drop("petre_plan.xlsx")
    let summary = try runner().runOnce()
    #expect(summary.recovered.isEmpty)
    #expect(names(workspace.rejected) == ["huge.csv", "huge.csv.reason.txt"])
    #expect(names(workspace.archive) == ["2026-09-21/petre_plan.xlsx"])
    let reason = try String(
      contentsOf: workspace.rejected.appendingPathComponent("huge.csv.reason.txt"), encoding: .utf8)
    #expect(reason.contains("Filen kunde inte behandlas klart"))
  }

  @Test func aNameTooLongForItsReasonFileStillGetsOne() throws {
    let name = String(repeating: "R", count: 248) + ".xlsx"
    try drop("nomap-" + name.dropFirst(6))
    let summary = try runner().runOnce()
    let rejected = names(workspace.rejected)
    #expect(rejected.count == 2)
    #expect(rejected.contains { $0.hasSuffix("….reason.txt") && $0.utf8.count <= 255 })
    #expect(summary.files.count == 1)
    #expect(summary.skipped.isEmpty)
    #expect(PipelineRunner.sidecarName(for: "a.xlsx", suffix: ".reason.txt") == "a.xlsx.reason.txt")
  }

  @Test func foldersAndLinksInTheInboxAreNamedAndLeftAlone() throws {
    let folder = workspace.inbox.appendingPathComponent("x.xlsx")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: workspace.inbox.appendingPathComponent("a.csv").path,
      withDestinationPath: "/etc/hostname")
    let summary = try runner().runOnce()
    #expect(summary.files.isEmpty)
    #expect(summary.skipped.map(\.0).sorted() == ["a.csv", "x.xlsx"])
    #expect(FileManager.default.fileExists(atPath: folder.path))
  }

  @Test func initCopiesTheShippedMappingsWithTheFilesTheyShareAndTheWorkspaceRuns() throws {
    let fresh = Workspace(root: root.appendingPathComponent("fresh"))
    let result = try fresh.initialise(
      municipality: "hofors", board: "bun", period: .quarter(3, 2026),
      shippedMappings: Fixture.repo("mappings"))
    let mappings = fresh.root.appendingPathComponent("mappings")
    #expect(FileManager.default.fileExists(atPath: mappings.appendingPathComponent("shared").path))
    #expect(result.mappingsCopied >= 10)
    // Every copied mapping loads: the files it extends and includes came along.
    let config = try PipelineConfig.load(path: fresh.configFile.path)
    _ = try MappingConverter.load(config: config)
  }
}
