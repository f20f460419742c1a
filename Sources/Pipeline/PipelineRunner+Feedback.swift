import Feedback
import Foundation
import Spreadsheet

extension PipelineRunner {
  /// Writes the feedback workbook of every file that counts for the period and has errors or
  /// warnings (conversion and red thread), and removes those of files that have none any more.
  ///
  /// A file whose feedback cannot be written is named with the reason in the result (its
  /// diagnostics are still on the report's Kontroll sheet): feedback never stops a run.
  ///
  /// - Returns: every feedback workbook of the period in feedback/ after the run (those of
  ///   files rejected in this run or earlier too), in name order; and the files whose feedback
  ///   could not be written, with why.
  /// - Throws: when the store cannot be read.
  func writeFeedback(store: any PipelineStore, diagnostics: [Diagnostic]) throws -> (
    written: [URL], failed: [(name: String, reason: String)]
  ) {
    let writer = FeedbackWriter(folder: workspace.feedback)
    let period = Self.folderName(config.period)
    var byFile: [String: [Diagnostic]] = [:]
    for d in diagnostics where d.code != DiagnosticCode.fileRejected.id {
      if let file = d.location?.file { byFile[file, default: []].append(d) }
    }
    var failed: [(name: String, reason: String)] = []
    // A workbook whose file and diagnostics are those it was written from is not written
    // again: a late file rewrites its own feedback, not every unit's.
    let folder = workspace.feedback.appendingPathComponent(period)
    let earlier = try store.feedbackDigests(period: period)
    var digests: [String: String] = [:]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for file in try store.files(outcome: .converted) {
      guard let stored = file.storedAs else { continue }
      let source = workspace.root.appendingPathComponent(stored)
      let own = byFile[file.name] ?? []
      let digest = SHA256.hex(
        Data("\(file.id)\n\(stored)\n".utf8) + ((try? encoder.encode(own)) ?? Data()))
      // The workbook's modification time is part of it: a workbook written over since (a
      // rejected file of the same name) is written again.
      let target = writer.url(for: file.name, period: period)
      func stamp() -> String? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: target.path)
        return (attributes?[.modificationDate] as? Date).map {
          "\(digest)|\($0.timeIntervalSince1970)"
        }
      }
      if !own.isEmpty, let now = stamp(), earlier[file.name] == now {
        digests[file.name] = now
        continue
      }
      do {
        if try !writer.write(source: source, name: file.name, diagnostics: own, period: period)
          .isEmpty
        {
          digests[file.name] = stamp()
        }
      } catch {
        failed.append((file.name, "\(error)"))
      }
    }
    if digests != earlier { try store.setFeedbackDigests(digests, period: period) }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let written = names.filter { $0.hasSuffix(".xlsx") && !$0.hasPrefix(".") }.sorted().map {
      folder.appendingPathComponent($0)
    }
    return (written, failed)
  }

  /// Writes the feedback workbook of a rejected file that could be read (from where it lies
  /// now), in feedback/ and in rejected/, where the file goes.
  ///
  /// - Returns: the name of the workbook beside it, or `nil` when none was written.
  func writeRejectedFeedback(_ moved: URL, name: String, diagnostics: [Diagnostic]?) -> String? {
    guard let diagnostics else { return nil }
    let writer = FeedbackWriter(folder: workspace.feedback)
    let located = diagnostics.map { d -> Diagnostic in
      var d = d
      if d.location == nil { d.location = SourceLocation(file: name) }
      return d
    }
    guard
      let urls = try? writer.write(
        source: moved, name: name, diagnostics: located, period: Self.folderName(config.period),
        beside: workspace.rejected),
      let beside = urls.last
    else { return nil }
    return beside.lastPathComponent
  }
}
