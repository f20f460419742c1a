import Canonical
import Foundation
import Testing

@testable import Pipeline

/// Loose ends of the pipeline: files whose bytes change while they are converted, and a
/// reprocess that changes nothing.
extension PipelineStoreTests {
  // MARK: A workbook whose bytes change while it is converted

  /// Replaces the file it converts with other bytes the first time, as a sender saving the
  /// workbook again while it is read; `failing` makes that conversion fail with an error of
  /// no known location, as a reader meeting a file cut short might.
  final class Resaving: SourceConverter, @unchecked Sendable {
    let inner: any SourceConverter
    let replacement: Data
    let failing: Bool
    var saved = false
    init(_ inner: any SourceConverter, replacement: Data, failing: Bool) {
      self.inner = inner
      self.replacement = replacement
      self.failing = failing
    }
    var reference: Dataset { inner.reference }
    func convert(file: URL, displayName: String) throws -> Conversion {
      if !saved {
        saved = true
        // In place, through the same inode, as Excel saving over a share does.
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: replacement)
        try handle.close()
        if failing { throw CocoaError(.fileReadCorruptFile) }
      }
      return try inner.convert(file: file, displayName: displayName)
    }
  }

  @Test(arguments: [false, true])
  func aWorkbookSavedAgainWhileItIsConvertedIsTakenWholeOnTheNextPass(failing: Bool) throws {
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    let original = try sample(Self.petre)
    let resaved = variant(original, comment: "saved again")
    let converter = Resaving(
      try MappingConverter.load(config: config), replacement: resaved, failing: failing)
    try drop(Self.petre)
    let first = try runner(converter: converter).runOnce()
    #expect(first.files.isEmpty, "not rejected: \(first.files)")
    #expect(first.skipped.first?.reason.contains("changed while it was read") == true)
    #expect(names(workspace.inbox) == [Self.petre])
    #expect(names(workspace.rejected).isEmpty)
    #expect(try SQLiteStore.open(workspace).files(outcome: nil).isEmpty)

    let second = try runner(converter: converter).runOnce()
    guard case .archived(let archivedAs, let records, _) = second.files.first?.outcome else {
      Issue.record("expected archived, got \(second.files)")
      return
    }
    #expect(records > 0)
    #expect(try Data(contentsOf: workspace.root.appendingPathComponent(archivedAs)) == resaved)
    let stored = try SQLiteStore.open(workspace).files(outcome: nil)
    #expect(stored.map(\.sha256) == [SHA256.hex(resaved)])
  }

  // MARK: Reprocess with nothing changed

  @Test func reprocessingWithNothingChangedWritesNoNewReportVersion() throws {
    try drop(Self.petre)
    try drop(Self.kolada)
    let first = try runner().runOnce()
    #expect(first.reportVersion == 1)
    let store = try SQLiteStore.open(workspace)
    let revision = try store.revision()
    let (files, summary) = try runner().reprocess(nil)
    #expect(Set(files.map(\.name)) == [Self.petre, Self.kolada])
    #expect(files.allSatisfy { $0.outcome == .converted && $0.records > 0 })
    #expect(!summary.reportWritten)
    #expect(summary.reportVersion == 1)
    #expect(try store.revision() == revision)
    #expect(try store.reports().map(\.version) == [1])
    // A change is still seen: the register renames the unit, and the next reprocess writes v2.
    let units = root.appendingPathComponent("reference/units.yaml")
    let text = try String(contentsOf: units, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "id: petreskolan,", with: "id: petre-f6,").utf8)
      .write(to: units)
    let changed = try runner().reprocess([Self.petre]).summary
    #expect(changed.reportWritten)
    #expect(changed.reportVersion == 2)
  }
}
