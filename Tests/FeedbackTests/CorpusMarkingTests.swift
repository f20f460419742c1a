import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Feedback

/// Every workbook of the shared corpus (files from other projects' test suites and bug
/// reports, made by many producers) that the reader reads can be marked: its first cell of
/// each sheet filled with a note, the list sheet added, and every value read back unchanged.
@Suite(.enabled(if: Fixture.shared != nil, "the shared corpus is not next to the repository"))
struct CorpusMarkingTests {
  static func workbooks() -> [URL] {
    guard let shared = Fixture.shared else { return [] }
    let root = shared.appendingPathComponent("corpus/xlsx")
    let all = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
    return all.filter { $0.lowercased().hasSuffix(".xlsx") }.sorted().map {
      root.appendingPathComponent($0)
    }
  }

  @Test func everyReadableCorpusWorkbookCanBeMarkedWithItsValuesKept() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redthread-corpus-marking-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var marked = 0
    var refused: [String] = []
    for url in Self.workbooks() {
      guard let source = try? XLSXReader.read(path: url.path),
        source.worksheets.contains(where: { $0.kind == .worksheet })
      else { continue }
      let diagnostics = source.worksheets.filter { $0.kind == .worksheet }.map {
        Diagnostic(
          code: "missing-value", severity: .error,
          location: Spreadsheet.SourceLocation(
            file: url.lastPathComponent, sheet: $0.name, cell: CellReference(row: 1, column: 1)),
          message: "x")
      }
      let out = folder.appendingPathComponent("\(marked)-\(url.lastPathComponent)")
      do {
        try FeedbackWorkbook.write(source: url, diagnostics: diagnostics, to: out)
      } catch {
        // A package the editor cannot take apart is refused with an error, never half done.
        refused.append("\(url.lastPathComponent): \(error)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        continue
      }
      // Our deflate can pack a very repetitive part tighter than its producer did, past the
      // reader's ratio cap for untrusted files: read the copy back without that cap.
      var relaxed = XLSXReadOptions()
      relaxed.maxCompressionRatio = 100_000
      let back = try XLSXReader.read(path: out.path, options: relaxed)
      var values = back.cellValuesBySheet
      #expect(values.removeValue(forKey: "Återkoppling") != nil, "\(url.lastPathComponent)")
      #expect(values == source.cellValuesBySheet, "\(url.lastPathComponent)")
      marked += 1
    }
    #expect(marked > 200)
    // Refused today: a workbook with UTF-16 parts (phpspreadsheet's utf16be.xlsx).
    #expect(refused.count <= 1, "\(refused)")
  }
}
