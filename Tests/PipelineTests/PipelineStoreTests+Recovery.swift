import Canonical
import Foundation
import Testing

@testable import Pipeline

#if canImport(Glibc)
  import Glibc
#endif

/// A run killed inside a move (between the link to the new name and the removal of the old),
/// the window the kill harness (Tests/Harness/kill_harness.py) aims at, each move as a test.
extension PipelineStoreTests {
  // MARK: A run killed between a move's link and its unlink

  @Test func aClaimKilledAfterItsLinkLeavesTheFileInTheInboxOnly() throws {
    let url = try drop(Self.petre)
    // The claim made processing/NAME and was killed before it removed inbox/NAME.
    let claimed = workspace.processing.appendingPathComponent(Self.petre)
    try FileManager.default.createDirectory(
      at: workspace.processing, withIntermediateDirectories: true)
    #expect(link(url.path, claimed.path) == 0)
    let summary = try runner().runOnce()
    #expect(summary.files.map(\.name) == [Self.petre])
    #expect(names(workspace.processing).isEmpty)
    #expect(names(workspace.inbox).isEmpty)
    #expect(names(workspace.archive).map { ($0 as NSString).lastPathComponent } == [Self.petre])
    #expect(try SQLiteStore.open(workspace).files(outcome: nil).map(\.name) == [Self.petre])
  }

  @Test func anArchiveMoveKilledAfterItsLinkIsFinishedNotConvertedAgain() throws {
    try drop(Self.petre)
    let first = try runner().runOnce()
    guard case .archived(let archivedAs, _, _) = first.files.first?.outcome else {
      Issue.record("expected archived, got \(first.files)")
      return
    }
    // The move to archive/ made its link and was killed before it removed processing/NAME.
    let archived = workspace.root.appendingPathComponent(archivedAs)
    let left = workspace.processing.appendingPathComponent(Self.petre)
    #expect(link(archived.path, left.path) == 0)
    let second = try runner().runOnce()
    #expect(second.files.isEmpty)
    #expect(second.recovered.isEmpty)
    #expect(names(workspace.processing).isEmpty)
    #expect(names(workspace.inbox).isEmpty)
    #expect(names(workspace.archive) == [archivedAs.replacingOccurrences(of: "archive/", with: "")])
    let rows = try SQLiteStore.open(workspace).files(outcome: nil)
    #expect(rows.map(\.name) == [Self.petre])
    #expect(rows.map(\.outcome) == [.converted])
  }

  @Test func aRejectionKilledAfterItsLinkKeepsOneFileAndItsReason() throws {
    try drop("bad.xlsx", data: Data("not a workbook\n".utf8))
    let first = try runner().runOnce()
    guard case .rejected(let movedTo, _) = first.files.first?.outcome else {
      Issue.record("expected rejected, got \(first.files)")
      return
    }
    let left = workspace.processing.appendingPathComponent("bad.xlsx")
    #expect(link(workspace.root.appendingPathComponent(movedTo).path, left.path) == 0)
    _ = try runner().runOnce()
    #expect(names(workspace.processing).isEmpty)
    #expect(names(workspace.rejected) == ["bad.xlsx", "bad.xlsx.reason.txt"])
    #expect(try SQLiteStore.open(workspace).files(outcome: nil).map(\.outcome) == [.rejected])
  }

  // MARK: A run killed while writing a feedback workbook

  /// Found by the kill harness (seeds 139266 and 306154564 of its 100-cycle run): a kill
  /// while a sender's feedback workbook was written left its temporary file in
  /// feedback/PERIOD/, and no pass removed it.
  @Test func aFeedbackWorkbookKilledMidWriteLeavesNoTemporaryFile() throws {
    try drop(Self.petre)
    _ = try runner().runOnce()
    let folder = workspace.feedback.appendingPathComponent("2026-Q3")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(
      ".Arbetsplan Petreskolan kvartal 3 2026 – återkoppling.xlsx.2fDQe8.tmp")
    try Data("PK".utf8).write(to: temporary)
    _ = try runner().runOnce()
    #expect(!FileManager.default.fileExists(atPath: temporary.path))
    #expect(names(folder).allSatisfy { !$0.hasPrefix(".") })
  }
}
