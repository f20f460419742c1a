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
