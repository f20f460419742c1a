import Canonical
import Foundation
import Spreadsheet

extension PipelineRunner {
  /// What `reprocess` did with one file.
  public struct Reprocessed: Sendable, Hashable, Codable {
    /// The file's name.
    public var name: String
    /// Its outcome after converting it again.
    public var outcome: ReceivedFile.Outcome
    /// Records it now holds.
    public var records: Int
    /// Why it is rejected now, when it is.
    public var reason: String?
  }

  /// The stored files a name on the command line means: the files received under that name
  /// (or stored at that path, `archive/2026-09-21/x.xlsx`) whose bytes are in the archive.
  ///
  /// - Throws: ``PipelineError`` `file-not-found` naming the file.
  public func storedFiles(named name: String, store: any PipelineStore) throws -> [ReceivedFile] {
    let wanted = (name as NSString).lastPathComponent
    let found = try store.files(outcome: nil).filter {
      ($0.name == name || $0.storedAs == name
        || ($0.storedAs as NSString?)?.lastPathComponent
          == wanted
        || $0.name == wanted)
        && [.converted, .superseded, .withdrawn].contains($0.outcome)
    }
    guard !found.isEmpty else {
      throw PipelineError(
        .fileNotFound,
        "no converted file named '\(name)' in this workspace; 'redthread status' lists them",
        location: SourceLocation(file: workspace.root.path))
    }
    return found
  }

  /// Takes a file out of its period: its records stop counting, its bytes stay in the
  /// archive. When it was the delivery that counted, the delivery it replaced counts again.
  /// Then publishes (a new report version when that changes the period).
  ///
  /// - Returns: the files withdrawn, and the pass summary of the publish.
  /// - Throws: ``PipelineError`` `file-not-found`.
  public func withdraw(_ name: String) throws -> (withdrawn: [ReceivedFile], summary: Summary) {
    let store = try resolvedStore()
    let files = try storedFiles(named: name, store: store).filter { $0.outcome != .withdrawn }
    let journal = Journal(url: workspace.journalFile)
    for file in files {
      try store.update(
        fileID: file.id, outcome: .withdrawn, storedAs: nil,
        detail: "withdrawn \(ISO8601DateFormatter().string(from: now()))")
      journal.append(.withdrawn, file: file.name, detail: file.storedAs, at: now())
      // The delivery this one replaced counts again.
      if file.outcome == .converted, let key = file.deliveryKey {
        let same = try store.files(outcome: nil).filter { $0.deliveryKey == key }
        if !same.contains(where: { $0.outcome == .converted }),
          let previous = same.last(where: { $0.outcome == .superseded })
        {
          try store.update(
            fileID: previous.id, outcome: .converted, storedAs: nil,
            detail: "counts again: '\(file.name)' was withdrawn")
        }
      }
    }
    var summary = Self.emptySummary()
    try publish(store: store, into: &summary)
    return (files, summary)
  }

  /// Converts stored files again from their archived bytes (after the unit register or a
  /// mapping changed), then publishes.
  ///
  /// - Parameter names: the files; `nil` for every converted or superseded file.
  /// - Throws: ``PipelineError`` `file-not-found`.
  public func reprocess(_ names: [String]?) throws -> (files: [Reprocessed], summary: Summary) {
    let store = try resolvedStore()
    var files: [ReceivedFile] = []
    if let names {
      for name in names { files += try storedFiles(named: name, store: store) }
    } else {
      files = try store.files(outcome: nil).filter {
        $0.outcome == .converted || $0.outcome == .superseded
      }
    }
    var seen: Set<Int64> = []
    var done: [Reprocessed] = []
    for file in files where seen.insert(file.id).inserted {
      guard let path = file.storedAs else { continue }
      let url = workspace.root.appendingPathComponent(path)
      var result = Reprocessed(name: file.name, outcome: file.outcome, records: 0, reason: nil)
      do {
        let conversion = try converter.convert(file: url, displayName: file.name)
        if let rejection = conversion.rejection {
          try store.update(
            fileID: file.id, outcome: .withdrawn, storedAs: nil,
            detail: "reprocessed: \(rejection.message) [\(rejection.code)]")
          result.outcome = .withdrawn
          result.reason = "\(rejection.message) [\(rejection.code)]"
        } else {
          try store.replaceConversion(fileID: file.id, conversion: conversion)
          result.records = try store.recordCounts(fileID: file.id).values.reduce(0, +)
        }
      } catch let error as any LocatedError {
        try store.update(
          fileID: file.id, outcome: .withdrawn, storedAs: nil,
          detail: "reprocessed: \(error.message) [\(error.code)]")
        result.outcome = .withdrawn
        result.reason = "\(error.message) [\(error.code)]"
      }
      done.append(result)
    }
    var summary = Self.emptySummary()
    try publish(store: store, into: &summary)
    return (done, summary)
  }

  static func emptySummary() -> Summary {
    Summary(
      files: [], skipped: [], recovered: [], reportURL: nil, reportVersion: nil,
      reportWritten: false, datasetURL: nil, diagnostics: [], replaces: [:],
      measurementsReplaced: [:])
  }
}
