import Canonical
import Foundation
import TestSupport
import Testing
import XLSX

@testable import Pipeline

/// The run writes each sender's feedback workbook: the demo's accepted files with problems,
/// and the rejected file that could be read.
@Suite struct FeedbackRunTests {
  @Test func everyFileWithProblemsGetsItsFeedbackWorkbook() throws {
    let (summary, workspace) = try SampleMunicipalityTests.run()
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let folder = workspace.feedback.appendingPathComponent("2026-Q3")
    let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    // Files with errors or warnings at their cells, and the readable rejected file.
    let withProblems = Set(
      summary.diagnostics.filter { $0.severity >= .warning && $0.code != "file-rejected" }
        .compactMap { $0.location?.file })
    let expected = Set(
      (withProblems + ["Läsårstider 2026-2027.xlsx"]).map {
        ($0 as NSString).deletingPathExtension + " – återkoppling.xlsx"
      })
    #expect(names == expected)
    #expect(summary.feedbackFailures.isEmpty)
    #expect(!names.isEmpty)
    for name in names {
      let workbook = try XLSXReader.read(path: folder.appendingPathComponent(name).path)
      #expect(workbook.worksheets.first?.name == "Återkoppling", "\(name)")
    }
    // The rejected file's feedback lies beside it and its reason file, which names it; the
    // rejected list does not take the feedback workbook for a rejected file.
    let rejected = try FileManager.default.contentsOfDirectory(atPath: workspace.rejected.path)
    #expect(rejected.contains("Läsårstider 2026-2027 – återkoppling.xlsx"))
    let reason = try String(
      contentsOf: workspace.rejected.appendingPathComponent(
        "Läsårstider 2026-2027.xlsx.reason.txt"), encoding: .utf8)
    #expect(reason.contains("Läsårstider 2026-2027 – återkoppling.xlsx"))
    #expect(!reason.contains("Reason"))
    #expect(
      summary.diagnostics.filter { $0.code == "file-rejected" }.count == 1)
  }
}

/// Files with nothing in them.
@Suite struct EmptyFileRunTests {
  /// An empty CSV is an empty file, as an empty .xlsx is, not a template no mapping knows;
  /// its sender gets the reason file and no feedback workbook.
  @Test func anEmptyCSVIsRejectedAsEmpty() throws {
    let root = try SampleMunicipalityTests.copySample()
    defer { try? FileManager.default.removeItem(at: root) }
    let workspace = Workspace(root: root)
    for name in try FileManager.default.contentsOfDirectory(atPath: workspace.inbox.path) {
      try FileManager.default.removeItem(at: workspace.inbox.appendingPathComponent(name))
    }
    try Data().write(to: workspace.inbox.appendingPathComponent("tom.csv"))
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    let runner = PipelineRunner(
      workspace: workspace, config: config, converter: try MappingConverter.load(config: config),
      validator: RedThreadChecks(), reporter: RecordingReporter(),
      now: { Date(timeIntervalSince1970: 1_790_000_000) }, wait: { _ in },
      asOf: CalendarDate(year: 2026, month: 10, day: 15))
    let summary = try runner.runOnce()
    guard case .rejected(_, let reason)? = summary.files.first?.1 else {
      Issue.record("expected tom.csv to be rejected: \(summary.files)")
      return
    }
    #expect(reason.contains("empty (0 bytes)"), "\(reason)")
    let rejected = try FileManager.default.contentsOfDirectory(atPath: workspace.rejected.path)
    #expect(Set(rejected) == ["tom.csv", "tom.csv.reason.txt"])
    let text = try String(
      contentsOf: workspace.rejected.appendingPathComponent("tom.csv.reason.txt"), encoding: .utf8)
    #expect(text.contains("tom"), "\(text)")
    #expect(!text.contains("mall"), "an empty file is not a template problem: \(text)")
  }
}
