import Canonical
import Foundation
import Reporting
import Spreadsheet
import TestSupport
import Testing
import Validation

@testable import Pipeline

/// Builds the board report the way `BoardReportWorkbook` does, and keeps it for the test.
final class CapturingReporter: BoardReportWriter, @unchecked Sendable {
  var reports: [BoardReport] = []

  func writeReport(
    dataset: Dataset, diagnostics: [Diagnostic], board: String, period: Period, title: String?,
    asOf: CalendarDate, reportDate: CalendarDate, to url: URL
  ) throws {
    let validator = Validator(
      boardID: board, period: period,
      options: RedThreadChecks.options(asOf: asOf, koladaSuccessions: [:]))
    let validation = ValidationReport(boardID: board, period: period, diagnostics: diagnostics)
    reports.append(
      BoardReport(
        scope: validator.scope(of: dataset), validation: validation, reportDate: reportDate))
    try Workspace.writeAtomically(Data("report".utf8), to: url)
  }
}

/// Several periods through the real pipeline into one workspace: the demo municipality's
/// unit workbooks, re-labelled for kvartal 2, 3 and 4 (or tertial 1, 2, 3) by
/// ``SampleVariant``, then run one period after the other as `redthread run` does.
@Suite struct CrossPeriodTests {
  /// A workspace with the demo's configuration, register and mappings and an empty inbox.
  static func workspace() throws -> Workspace {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent(
      "redthread-periods-\(UUID().uuidString)")
    try fm.createDirectory(at: root, withIntermediateDirectories: true)
    for item in ["redthread.yaml", "reference"] {
      try fm.copyItem(
        at: Fixture.repo("samples/hofors/\(item)"), to: root.appendingPathComponent(item))
    }
    try fm.copyItem(at: Fixture.repo("mappings"), to: root.appendingPathComponent("mappings"))
    let workspace = Workspace(root: root)
    try workspace.createFolders()
    return workspace
  }

  /// Drops the board's verksamhetsplan 2026 and the Kolada export in the inbox.
  static func dropBoardFiles(_ workspace: Workspace) throws {
    for name in ["BUN Verksamhetsplan 2026.xlsx", "Kolada export Hofors 2026-11-20.csv"] {
      try FileManager.default.copyItem(
        at: Fixture.repo("samples/hofors/inbox/\(name)"),
        to: workspace.inbox.appendingPathComponent(name))
    }
  }

  /// One pass for `period`, as `redthread run --period` does, judged as of its last day.
  static func run(
    _ workspace: Workspace, period: Period, reporter: CapturingReporter
  ) throws -> PipelineRunner.Summary {
    var config = try PipelineConfig.load(path: workspace.configFile.path)
    config.period = period
    config.settleSeconds = 0
    return try PipelineRunner(
      workspace: workspace, config: config, converter: try MappingConverter.load(config: config),
      validator: RedThreadChecks(), reporter: reporter,
      now: { Date(timeIntervalSince1970: 1_790_000_000) }, wait: { _ in }, asOf: period.end,
      reportDate: period.end
    ).runOnce()
  }

  /// Petreskolan's N15613 outcome, changed in the kvartal 2 copy so that history shows.
  static let kvartal2Outcome: [(String, String)] = [("92,3 %", "90,1 %")]

  /// A report for a period from a workspace that received only that period's files.
  static func alone(quarter: Int) throws -> BoardReport {
    let workspace = try workspace()
    try dropBoardFiles(workspace)
    try SampleVariant.unitPlans(quarter: quarter, into: workspace.inbox)
    let reporter = CapturingReporter()
    _ = try run(workspace, period: .quarter(quarter, 2026), reporter: reporter)
    return try #require(reporter.reports.last)
  }

  @Test func kvartal3AfterKvartal2HasTheRowsOfAKvartal3OnlyRunAndKvartal2AsHistory() throws {
    let workspace = try Self.workspace()
    let reporter = CapturingReporter()
    try Self.dropBoardFiles(workspace)
    try SampleVariant.unitPlans(quarter: 2, into: workspace.inbox, extra: Self.kvartal2Outcome)
    _ = try Self.run(workspace, period: .quarter(2, 2026), reporter: reporter)
    try SampleVariant.unitPlans(quarter: 3, into: workspace.inbox)
    let summary = try Self.run(workspace, period: .quarter(3, 2026), reporter: reporter)
    let q3 = try #require(reporter.reports.last)
    let only = try Self.alone(quarter: 3)

    #expect(summary.files.count == 7)
    #expect(q3.units == only.units)
    #expect(q3.units.count == 7)
    #expect(q3.units.allSatisfy { $0.delivered && $0.files.count == 1 })
    #expect(q3.units.allSatisfy { $0.files[0].hasSuffix("kvartal 3 2026.xlsx") })
    #expect(q3.kpis.count == only.kpis.count)
    #expect(q3.activities == only.activities)
    #expect(q3.goals.map(\.goalID) == only.goals.map(\.goalID))
    // The kvartal 2 outcome is the previous value, not a second row.
    let petre = try #require(
      q3.kpis.first { $0.unitID == "petreskolan" && $0.kpiID == "N15613" })
    #expect(petre.outcome == 92.3)
    #expect(petre.previous == 90.1)
    #expect(petre.previousPeriod == .quarter(2, 2026))
    let alonePetre = only.kpis.first { $0.unitID == "petreskolan" && $0.kpiID == "N15613" }
    #expect(alonePetre?.previous == nil)
    // Kvartal 2's mapping notes and findings are kvartal 2's.
    let files = Set(q3.diagnostics.compactMap { $0.location?.file })
    #expect(!files.contains { $0.contains("kvartal 2 2026") })
    #expect(q3.diagnostics.map(\.code).sorted() == only.diagnostics.map(\.code).sorted())
  }

  @Test func aUnitWithNoKvartal4FileIsNotDeliveredAndHasNoActivitiesThere() throws {
    let workspace = try Self.workspace()
    let reporter = CapturingReporter()
    try Self.dropBoardFiles(workspace)
    try SampleVariant.unitPlans(quarter: 2, into: workspace.inbox, extra: Self.kvartal2Outcome)
    _ = try Self.run(workspace, period: .quarter(2, 2026), reporter: reporter)
    try SampleVariant.unitPlans(quarter: 3, into: workspace.inbox)
    _ = try Self.run(workspace, period: .quarter(3, 2026), reporter: reporter)
    try SampleVariant.unitPlans(quarter: 4, into: workspace.inbox, except: ["Petreskolan"])
    let summary = try Self.run(workspace, period: .quarter(4, 2026), reporter: reporter)
    let q4 = try #require(reporter.reports.last)

    #expect(summary.files.count == 6)
    let petre = try #require(q4.units.first { $0.unitID == "petreskolan" })
    #expect(!petre.delivered)
    #expect(petre.files.isEmpty)
    #expect(petre.kpis == 0 && petre.activities == 0 && petre.goals == 0)
    #expect(petre.activitiesDelayed == 0)
    #expect(!q4.activities.contains { $0.unitID == "petreskolan" })
    #expect(!q4.kpis.contains { $0.unitID == "petreskolan" })
    let missing = q4.diagnostics.filter { $0.code == "missing-delivery" }
    #expect(missing.compactMap { $0.arguments?["unitID"] } == ["petreskolan"])
    // The other six delivered once each, and count as much as in kvartal 3.
    let q3 = reporter.reports[1]
    for row in q4.units where row.unitID != "petreskolan" {
      let before = try #require(q3.units.first { $0.unitID == row.unitID })
      #expect(row.delivered && row.files.count == 1)
      #expect(row.kpis == before.kpis && row.activities == before.activities)
    }
    // With kvartal 2, 3 and 4 stored, kvartal 3's report, built again, is still a kvartal 3
    // only run's: later files do not leak backwards either.
    _ = try Self.run(workspace, period: .quarter(3, 2026), reporter: reporter)
    let again = try #require(reporter.reports.last)
    #expect(again.units == (try Self.alone(quarter: 3)).units)
    #expect(again.units.allSatisfy { $0.files.count == 1 && $0.files[0].contains("kvartal 3") })
  }

  @Test func tertialsCountEachOnItsOwnThoughTheyAreCumulative() throws {
    // Tertial 2 runs from January to August and so contains tertial 1; tertial 3 is the
    // year. Each is still its own follow-up.
    let workspace = try Self.workspace()
    let reporter = CapturingReporter()
    try Self.dropBoardFiles(workspace)
    for tertial in 1...3 {
      try SampleVariant.unitPlans(
        tertial: tertial, into: workspace.inbox, except: tertial == 3 ? ["Lillåskolan"] : [])
      _ = try Self.run(workspace, period: .tertial(tertial, 2026), reporter: reporter)
    }
    #expect(reporter.reports.count == 3)
    let (t1, t2, t3) = (reporter.reports[0], reporter.reports[1], reporter.reports[2])
    #expect(t1.units.map(\.kpis) == t2.units.map(\.kpis))
    #expect(t1.units.map(\.activities) == t2.units.map(\.activities))
    #expect(t2.units.allSatisfy { $0.files.count == 1 && $0.files[0].contains("tertial 2") })
    let lilla = try #require(t3.units.first { $0.unitID == "lillaskolan" })
    #expect(!lilla.delivered && lilla.kpis == 0 && lilla.activities == 0)
    // The verksamhetsplan 2026 counts in every tertial: its nämndmål and nyckeltal are there.
    for report in reporter.reports {
      #expect(report.goals.contains { $0.goalID == "NM-1" })
      #expect(report.kpis.contains { $0.unitID == "bun" || $0.unitID == nil })
    }
    let hyttbacken = t2.kpis.filter { $0.unitID == "hyttbackens-skola" }
    #expect(!hyttbacken.isEmpty)
    #expect(
      hyttbacken.allSatisfy { $0.outcomePeriod == nil || $0.outcomePeriod == .tertial(2, 2026) })
  }

  @Test func aFileForAnotherPeriodIsStoredUnderItsOwnWithAWarningAndNeverCounted() throws {
    let workspace = try Self.workspace()
    let reporter = CapturingReporter()
    try Self.dropBoardFiles(workspace)
    try SampleVariant.unitPlans(quarter: 3, into: workspace.inbox)
    // Hyttbackens skola's kvartal 2 file and Lillåskolan's kvartal 3 file of 2025, dropped
    // among kvartal 3's.
    let stray = workspace.root.appendingPathComponent("stray")
    try SampleVariant.unitPlans(quarter: 2, into: stray, extra: Self.kvartal2Outcome)
    try SampleVariant.unitPlans(quarter: 3, year: 2025, into: stray)
    let q2File = "Arbetsplan Hyttbackens skola kvartal 2 2026.xlsx"
    let lastYear = "Arbetsplan Lillåskolan kvartal 3 2025.xlsx"
    for name in [q2File, lastYear] {
      try FileManager.default.moveItem(
        at: stray.appendingPathComponent(name), to: workspace.inbox.appendingPathComponent(name))
    }
    let summary = try Self.run(workspace, period: .quarter(3, 2026), reporter: reporter)
    let q3 = try #require(reporter.reports.last)

    // Both are archived (kept), not rejected, and each gives one warning at its period cell.
    #expect(summary.files.count == 11)
    let archived = summary.files.filter {
      if case .archived = $0.outcome { return true } else { return false }
    }
    #expect(archived.count == 11)
    let wrong = summary.diagnostics.filter { $0.code == "wrong-period" }
    let b3 = SourceLocation.quotedSheetName("Mål") + "!B3"
    let found: [String] = wrong.map {
      "\($0.location?.file ?? "") \($0.location?.reference ?? "") \($0.value ?? "")"
    }
    #expect(found.sorted() == ["\(q2File) \(b3) 2026-Q2", "\(lastYear) \(b3) 2025-Q3"])
    #expect(wrong.allSatisfy { $0.severity == .warning })
    #expect(q3.diagnostics.filter { $0.code == "wrong-period" }.count == 2)
    let q2Warning = try #require(wrong.first { $0.location?.file == q2File })
    let swedish = try #require(SwedishMessages.text(for: q2Warning))
    #expect(swedish.title == "Fil för en annan period")
    #expect(
      swedish.message
        == "Filen gäller kvartal 2 2026, inte kvartal 3 2026 som samlas in nu. Den sparas "
        + "under kvartal 2 2026 och räknas inte med i kvartal 3 2026.")

    // Kvartal 3 is as if they had never come.
    let only = try Self.alone(quarter: 3)
    #expect(q3.units == only.units)
    #expect(q3.units.allSatisfy { $0.files.count == 1 })

    // The 2025 file's outcomes are 2025's: the file's own year, not the workspace's.
    let stored = try workspace.currentDataset(reference: Dataset())
    let outcomes = stored.measurements.filter { $0.provenance?.file == lastYear }
    #expect(!outcomes.isEmpty)
    #expect(Set(outcomes.compactMap(\.period)) == [.quarter(3, 2025)])
    #expect(stored.plans.first { $0.provenance?.file == lastYear }?.period == .quarter(3, 2025))

    // Stored under its own period: the kvartal 2 report counts it, without the warning.
    let q2Summary = try Self.run(workspace, period: .quarter(2, 2026), reporter: reporter)
    let q2 = try #require(reporter.reports.last)
    let hyttbacken = try #require(q2.units.first { $0.unitID == "hyttbackens-skola" })
    #expect(hyttbacken.delivered && hyttbacken.files == [q2File])
    #expect(!q2Summary.diagnostics.contains { $0.code == "wrong-period" })
    #expect(q2.units.filter(\.delivered).map(\.unitID) == ["hyttbackens-skola"])
  }
}
