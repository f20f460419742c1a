import Canonical
import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import Pipeline

#if canImport(Glibc)
  import Glibc
#endif

/// The SQLite store under the pipeline, on the sample municipality's real files.
@Suite struct PipelineStoreTests {
  let root: URL
  let workspace: Workspace
  let sampleInbox = Fixture.repo("samples/hofors/inbox")
  static let kolada = "Kolada export Hofors 2026-11-20.csv"
  static let petre = "Arbetsplan Petreskolan kvartal 3 2026.xlsx"

  /// A copy of samples/hofors with an empty inbox.
  init() throws {
    root = try SampleMunicipalityTests.copySample()
    workspace = Workspace(root: root)
    let fm = FileManager.default
    for name in try fm.contentsOfDirectory(atPath: workspace.inbox.path) {
      try fm.removeItem(at: workspace.inbox.appendingPathComponent(name))
    }
  }

  func runner(
    _ reporter: RecordingReporter = RecordingReporter(),
    converter: (any SourceConverter)? = nil,
    wait: @escaping @Sendable (Double) -> Void = { _ in }
  ) throws -> PipelineRunner {
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    return PipelineRunner(
      workspace: workspace, config: config,
      converter: try converter ?? MappingConverter.load(config: config),
      validator: RedThreadChecks(), reporter: reporter,
      now: { Date(timeIntervalSince1970: 1_790_000_000) }, wait: wait,
      asOf: CalendarDate(year: 2026, month: 10, day: 15))
  }

  /// Copies a sample file into the inbox, under another name, with a modification time.
  @discardableResult
  func drop(_ sample: String, as name: String? = nil, data: Data? = nil, modified: Date? = nil)
    throws -> URL
  {
    let url = workspace.inbox.appendingPathComponent(name ?? sample)
    let bytes = try data ?? Data(contentsOf: sampleInbox.appendingPathComponent(sample))
    // Written in place: Foundation's writes go through a temporary name, which a 255-byte
    // name leaves no room for.
    let handle = try #require(fopen(url.path, "wb"))
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
    fclose(handle)
    if let modified {
      try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
    }
    return url
  }

  func sample(_ name: String) throws -> Data {
    try Data(contentsOf: sampleInbox.appendingPathComponent(name))
  }

  /// The same workbook with other bytes: a zip comment added to its end-of-directory record.
  func variant(_ data: Data, comment: String) -> Data {
    var bytes = [UInt8](data)
    let c = Array(comment.utf8)
    bytes[bytes.count - 2] = UInt8(c.count & 0xFF)
    bytes[bytes.count - 1] = UInt8(c.count >> 8)
    return Data(bytes + c)
  }

  func names(_ folder: URL) -> [String] {
    let fm = FileManager.default
    let all = fm.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
    return all.filter {
      var isDirectory: ObjCBool = false
      return fm.fileExists(
        atPath: folder.appendingPathComponent($0).path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }.sorted()
  }

  // MARK: Import

  @Test func aJSONStoreOfAnEarlierVersionIsImportedOnceLosingNothing() throws {
    let fm = FileManager.default
    let legacy = Fixture.repo("Tests/Fixtures/legacy-json-store")
    try? fm.removeItem(at: workspace.store)
    try fm.copyItem(at: legacy.appendingPathComponent("store"), to: workspace.store)
    let day = workspace.archive.appendingPathComponent("2026-12-07")
    try fm.createDirectory(at: day, withIntermediateDirectories: true)
    for name in try fm.contentsOfDirectory(atPath: sampleInbox.path) where !name.hasPrefix("~$") {
      let target =
        name.hasPrefix("Läsårstider")
        ? workspace.rejected.appendingPathComponent(name) : day.appendingPathComponent(name)
      try fm.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try fm.copyItem(at: sampleInbox.appendingPathComponent(name), to: target)
    }

    let store = try SQLiteStore.open(workspace)
    let converted = try store.files(outcome: .converted)
    #expect(converted.count == 9)
    #expect(converted.map(\.name).contains(Self.kolada))
    for file in converted {
      let bytes = try Data(contentsOf: workspace.root.appendingPathComponent(file.storedAs ?? "-"))
      #expect(file.sha256 == SHA256.hex(bytes), "\(file.name) keeps its bytes' identity")
    }
    #expect(try store.files(outcome: .rejected).map(\.name) == ["Läsårstider 2026-2027.xlsx"])
    // Everything the earlier version counted still counts, in the same order.
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    let reference = try MappingConverter.load(config: config).reference
    var dataset = reference
    dataset.append(contentsOf: try store.countingDataset())
    let before = try JSONDecoder().decode(
      Dataset.self, from: Data(contentsOf: legacy.appendingPathComponent("dataset.json")))
    #expect(dataset == before)
    // Once: a second opening imports nothing more.
    _ = try SQLiteStore.open(workspace)
    #expect(try SQLiteStore.open(workspace).files(outcome: nil).count == 10)
    // The earlier rejection is still listed for the report.
    let summary = try runner().runOnce()
    #expect(
      summary.diagnostics.filter { $0.code == "file-rejected" }.compactMap(\.arguments?["file"])
        == ["Läsårstider 2026-2027.xlsx"])
  }

  // MARK: Measurements

  /// The Kolada export split in two, then a third file giving ten of its values again.
  @Test func statisticsFilesKeepTheirOwnValuesAndALaterFileReplacesTheSameMeasurement()
    throws
  {
    let lines = try sample(Self.kolada).split(separator: 0x0A, omittingEmptySubsequences: false)
    let header = lines[0]
    let rows = lines.dropFirst().filter { !$0.isEmpty }
    #expect(rows.count == 54)
    func csv(_ part: ArraySlice<Data.SubSequence>) -> Data {
      Data(([header] + part).joined(separator: [0x0A])) + Data([0x0A])
    }
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    try drop(Self.kolada, as: "Kolada del 1.csv", data: csv(rows.prefix(30)), modified: t0)
    try drop(
      Self.kolada, as: "Kolada del 2.csv", data: csv(rows.dropFirst(30)),
      modified: t0.addingTimeInterval(60))
    _ = try runner().runOnce()
    let store = try SQLiteStore.open(workspace)
    #expect(try store.countingDataset().measurements.count == 54, "both halves count")

    // Ten values again, changed: the later file counts, and says so.
    let again = rows.prefix(10).map { line -> Data.SubSequence in
      var text = String(decoding: line, as: UTF8.self)
      text = String(text[..<(text.lastIndex(of: ";") ?? text.endIndex)]) + ";99,9\r"
      return Data(text.utf8)[...]
    }
    try drop(Self.kolada, as: "Kolada rättelse.csv", data: csv(again[...]))
    let summary = try runner().runOnce()
    let measurements = try store.countingDataset().measurements
    #expect(measurements.count == 54)
    #expect(measurements.filter { $0.value == 99.9 }.count == 10)
    #expect(
      summary.measurementsReplaced["Kolada rättelse.csv"]?.map { "\($0.file):\($0.count)" }
        == ["Kolada del 1.csv:10"])
    let replaced = summary.diagnostics.filter { $0.code == "measurement-replaced" }
    #expect(replaced.count == 1)
    #expect(replaced.first?.arguments?["file"] == "Kolada rättelse.csv")
    #expect(replaced.first?.arguments?["replaced"] == "Kolada del 1.csv")
    #expect(replaced.first?.arguments?["count"] == "10")
    #expect(replaced.first?.severity == .warning)

    // Withdrawing the correction brings the earlier values back.
    let correction = try #require(
      try store.files(outcome: .converted).first { $0.name == "Kolada rättelse.csv" })
    try store.update(fileID: correction.id, outcome: .withdrawn, storedAs: nil, detail: nil)
    #expect(try store.countingDataset().measurements.filter { $0.value == 99.9 }.isEmpty)
    #expect(try store.countingDataset().measurements.count == 54)
  }

  @Test func theIdentityOfAMeasurementHoldsItsComparisonSeries() {
    let own = Canonical.Measurement(
      kpiID: "N15419", unitID: "2104", period: .year(2025), gender: .total, value: 70)
    var nation = own
    nation.comparison = .nation
    #expect(SQLiteStore.identity(of: own) != SQLiteStore.identity(of: nation))
    var female = own
    female.gender = .female
    #expect(SQLiteStore.identity(of: own) != SQLiteStore.identity(of: female))
    var other = own
    other.value = 12
    #expect(SQLiteStore.identity(of: own) == SQLiteStore.identity(of: other))
  }

  // MARK: Deliveries

  @Test func twoFilesOfOneUnitAndPeriodGiveADuplicateDeliveryAndTheLaterReceivedCounts()
    throws
  {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    let original = try sample(Self.petre)
    // The corrected file is dropped first but was saved later: it counts.
    try drop(
      Self.petre, as: "Arbetsplan Petreskolan rättad.xlsx", data: variant(original, comment: "v2"),
      modified: t0.addingTimeInterval(3600))
    try drop(Self.petre, modified: t0)
    let summary = try runner().runOnce()
    let store = try SQLiteStore.open(workspace)
    #expect(
      try store.files(outcome: .converted).map(\.name) == ["Arbetsplan Petreskolan rättad.xlsx"])
    #expect(try store.files(outcome: .superseded).map(\.name) == [Self.petre])
    #expect(summary.replaces["Arbetsplan Petreskolan rättad.xlsx"] == Self.petre)
    let warnings = summary.diagnostics.filter { $0.code == "duplicate-delivery" }
    #expect(warnings.count == 1)
    #expect(warnings.first?.message.contains("Arbetsplan Petreskolan rättad.xlsx") == true)
    #expect(warnings.first?.message.contains(Self.petre) == true)
    #expect(warnings.first?.location?.file == "Arbetsplan Petreskolan rättad.xlsx")
    // Only the counting file's plan is in the period's dataset.
    let plans = try store.countingDataset().plans.filter { $0.unitID == "petreskolan" }
    #expect(plans.map(\.provenance?.file) == ["Arbetsplan Petreskolan rättad.xlsx"])

    // An older copy arriving later still loses to the later received file.
    try drop(
      Self.petre, as: "Arbetsplan Petreskolan gammal.xlsx", data: variant(original, comment: "v0"),
      modified: t0.addingTimeInterval(-3600))
    let second = try runner().runOnce()
    guard case .superseded(let by, _) = second.files.first?.outcome else {
      Issue.record("expected superseded, got \(second.files)")
      return
    }
    #expect(by == "Arbetsplan Petreskolan rättad.xlsx")
    #expect(
      try store.files(outcome: .converted).map(\.name) == ["Arbetsplan Petreskolan rättad.xlsx"])
  }

  // MARK: Report versions

  @Test func aChangeWritesTheNextReportVersionAndARerunWithNothingNewWritesNothing() throws {
    try drop(Self.petre)
    let first = try runner().runOnce()
    #expect(first.reportURL?.lastPathComponent == "uppfoljning-bun-2026-Q3-v1.xlsx")
    #expect(first.reportWritten)

    let reporter = RecordingReporter()
    let rerun = try runner(reporter).runOnce()
    #expect(!rerun.reportWritten)
    #expect(rerun.reportVersion == 1)
    #expect(reporter.goalTitles.isEmpty, "the reporter was not called")

    try drop("Arbetsplan Lillåskolan kvartal 3 2026.xlsx")
    let second = try runner().runOnce()
    #expect(second.reportURL?.lastPathComponent == "uppfoljning-bun-2026-Q3-v2.xlsx")
    let folder = workspace.reports.appendingPathComponent("2026-Q3")
    #expect(
      names(folder) == [
        "dataset.json", "uppfoljning-bun-2026-Q3-v1.xlsx", "uppfoljning-bun-2026-Q3-v2.xlsx",
      ])
    let store = try SQLiteStore.open(workspace)
    let versions = try store.reports()
    #expect(versions.map(\.version) == [1, 2])
    #expect(versions.map(\.fileIDs.count) == [1, 2])
  }

  // MARK: Whole files

  @Test func aHalfCopiedWorkbookStaysInTheInboxUntilItIsWhole() throws {
    let whole = try sample(Self.petre)
    let url = try drop(Self.petre, data: whole.prefix(whole.count / 2))
    let first = try runner().runOnce()
    #expect(first.files.isEmpty)
    #expect(first.skipped.map(\.name) == [Self.petre])
    #expect(names(workspace.inbox) == [Self.petre])
    #expect(names(workspace.rejected).isEmpty)

    try whole.write(to: url)
    let second = try runner().runOnce()
    guard case .archived(let archivedAs, _, _) = second.files.first?.outcome else {
      Issue.record("expected archived, got \(second.files)")
      return
    }
    #expect(try Data(contentsOf: workspace.root.appendingPathComponent(archivedAs)) == whole)
  }

  @Test func aFileThatChangesWhileItIsConvertedGoesBackToTheInbox() throws {
    /// Appends to the file it converts, the first time, as a writer still at work would.
    final class Growing: SourceConverter, @unchecked Sendable {
      let inner: any SourceConverter
      var grown = false
      init(_ inner: any SourceConverter) { self.inner = inner }
      var reference: Dataset { inner.reference }
      func convert(file: URL, displayName: String) throws -> Conversion {
        let result = try inner.convert(file: file, displayName: displayName)
        if !grown {
          grown = true
          let handle = try FileHandle(forWritingTo: file)
          try handle.seekToEnd()
          try handle.write(contentsOf: Data("Hofors;2104;N15419;x;2025;T;70,0\r\n".utf8))
          try handle.close()
        }
        return result
      }
    }
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    let growing = Growing(try MappingConverter.load(config: config))
    try drop(Self.kolada)
    let first = try runner(converter: growing).runOnce()
    #expect(first.files.isEmpty)
    #expect(first.skipped.first?.reason.contains("changed while it was read") == true)
    #expect(names(workspace.inbox) == [Self.kolada])
    let second = try runner(converter: growing).runOnce()
    #expect(second.files.count == 1)
    let archived = try #require(names(workspace.archive).first)
    let inbox = try Data(contentsOf: workspace.archive.appendingPathComponent(archived))
    #expect(inbox.count == (try sample(Self.kolada)).count + 34, "the whole file, as converted")
  }

  // MARK: Concurrency and recovery

  @Test func aSecondProcessFindsTheWorkspaceBusy() throws {
    let held = try WorkspaceLock(workspace)
    var slept = 0.0
    #expect(throws: PipelineError.self) {
      _ = try WorkspaceLock(workspace, wait: 1, sleep: { slept += $0 })
    }
    #expect(slept >= 1)
    do {
      _ = try WorkspaceLock(workspace)
    } catch let error as PipelineError {
      #expect(error.code == "workspace-busy")
    }
    withExtendedLifetime(held) {}
  }

  @Test func aMoveNeverReplacesAFile() throws {
    let folder = root.appendingPathComponent("moves")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let a = folder.appendingPathComponent("a.txt")
    let b = root.appendingPathComponent("a.txt")
    try Data("first".utf8).write(to: a)
    try Data("second".utf8).write(to: b)
    let moved = try workspace.move(b, into: folder)
    #expect(moved.lastPathComponent == "a (2).txt")
    #expect(try String(contentsOf: a, encoding: .utf8) == "first")
    let long = String(repeating: "Å", count: 125) + ".xlsx"
    #expect(long.utf8.count == 255)
    #expect(Workspace.numberedName(long, 2).utf8.count <= 255)
    #expect(Workspace.numberedName(long, 2).hasSuffix("… (2).xlsx"))
  }

  @Test func aFileWithA255ByteNameSentAgainIsArchivedNotRetried() throws {
    let name = "Arbetsplan " + String(repeating: "P", count: 239) + ".xlsx"
    let original = try sample(Self.petre)
    try drop(Self.petre, as: name)
    _ = try runner().runOnce()
    try drop(Self.petre, as: name, data: variant(original, comment: "again"))
    let second = try runner().runOnce()
    guard case .archived = second.files.first?.outcome else {
      Issue.record("expected archived, got \(second.files)")
      return
    }
    #expect(names(workspace.processing).isEmpty)
    #expect(names(workspace.archive).count == 2)
    #expect(
      names(workspace.archive).allSatisfy { $0.split(separator: "/").last!.utf8.count <= 255 })
  }

  @Test func recoveryFinishesAStoredFilesMoveAndCleansLeftovers() throws {
    // A pass died after committing a result and before archiving its source.
    try drop(Self.petre)
    _ = try runner().runOnce()
    let store = try SQLiteStore.open(workspace)
    let stored = try #require(try store.files(outcome: .converted).first)
    let archived = workspace.root.appendingPathComponent(try #require(stored.storedAs))
    try FileManager.default.moveItem(
      at: archived, to: workspace.processing.appendingPathComponent(Self.petre))
    // … and one died after writing a reason file, before moving its file; and temporary files.
    try Data("x".utf8).write(to: workspace.rejected.appendingPathComponent("gone.xlsx.reason.txt"))
    try Data("x".utf8).write(to: workspace.rejected.appendingPathComponent(".redthread-1-a.tmp"))
    let reports = workspace.reports.appendingPathComponent("2026-Q3")
    try Data("x".utf8).write(to: reports.appendingPathComponent(".r.xlsx.AbC123.tmp"))

    let summary = try runner().runOnce()
    #expect(summary.recovered.isEmpty)
    #expect(FileManager.default.fileExists(atPath: archived.path))
    #expect(try store.files(outcome: nil).count == 1, "no second row, no duplicate")
    #expect(names(workspace.rejected).isEmpty)
    #expect(names(reports).allSatisfy { !$0.hasSuffix(".tmp") })
  }

  // MARK: Corrections and status

  @Test func withdrawingTheCountingDeliveryBringsBackTheOneItReplacedInANewVersion() throws {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    try drop(Self.petre, modified: t0)
    _ = try runner().runOnce()
    try drop(
      Self.petre, as: "Arbetsplan Petreskolan rättad.xlsx",
      data: variant(try sample(Self.petre), comment: "v2"), modified: t0.addingTimeInterval(60))
    _ = try runner().runOnce()
    let (withdrawn, summary) = try runner().withdraw("Arbetsplan Petreskolan rättad.xlsx")
    #expect(withdrawn.map(\.name) == ["Arbetsplan Petreskolan rättad.xlsx"])
    #expect(summary.reportVersion == 3)
    let store = try SQLiteStore.open(workspace)
    #expect(try store.files(outcome: .converted).map(\.name) == [Self.petre])
    #expect(try store.files(outcome: .withdrawn).count == 1)
    // The bytes stay in the archive.
    let path = try #require(withdrawn.first?.storedAs)
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path))
    #expect(throws: PipelineError.self) { try runner().withdraw("nothing.xlsx") }

    let config = try PipelineConfig.load(path: workspace.configFile.path)
    let status = try WorkspaceStatus.make(
      store: store, reference: try MappingConverter.load(config: config).reference,
      board: "bun", period: .quarter(3, 2026), workspace: workspace)
    let petre = try #require(status.units.first { $0.id == "petreskolan" })
    #expect(petre.state == "delivered")
    #expect(petre.file == Self.petre)
    #expect(petre.replaced == ["Arbetsplan Petreskolan rättad.xlsx"])
    #expect(status.units.first { $0.id == "lillaskolan" }?.state == "missing")
    #expect(status.reports.map(\.version) == [1, 2, 3])
    #expect(status.reports.last?.files == [Self.petre])
  }

  @Test func reprocessingAfterTheRegisterChangedConvertsFromTheArchivedBytes() throws {
    try drop(Self.petre)
    _ = try runner().runOnce()
    // The register gives the unit a new id.
    let units = root.appendingPathComponent("reference/units.yaml")
    let text = try String(contentsOf: units, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "id: petreskolan,", with: "id: petre-f6,").utf8)
      .write(to: units)
    let (files, summary) = try runner().reprocess(nil)
    #expect(files.map(\.name) == [Self.petre])
    #expect(files.first?.outcome == .converted)
    #expect(summary.reportWritten)
    #expect(summary.reportVersion == 2)
    let store = try SQLiteStore.open(workspace)
    #expect(try store.countingDataset().plans.map(\.unitID) == ["petre-f6"])
    #expect(try store.files(outcome: .converted).map(\.unit) == ["petre-f6"])
    // The same again changes nothing.
    let again = try runner().reprocess([Self.petre])
    #expect(again.files.first?.outcome == .converted)
    #expect(try store.countingDataset().plans.map(\.unitID) == ["petre-f6"])
  }

  @Test func journalTimesAreISO8601InUTC() {
    let formatter = ISO8601DateFormatter()
    for seconds in [0, 1_790_000_000, 951_782_400, 4_107_542_399, -86_401] {
      let date = Date(timeIntervalSince1970: Double(seconds))
      #expect(Journal.timestamp(date) == formatter.string(from: date), "\(seconds)")
    }
  }
}
