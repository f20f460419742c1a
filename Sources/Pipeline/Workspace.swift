public import Canonical
public import Foundation
import Spreadsheet

/// The folders of a pipeline workspace and the safe file operations between them.
///
/// ```
/// DIR/redthread.yaml   configuration
/// DIR/inbox/           files dropped by controllers and units
/// DIR/processing/      files claimed by a running pass (moved back to inbox after a crash)
/// DIR/archive/         sources that were converted, by date received
/// DIR/rejected/        sources that could not be used, each with NAME.reason.txt
/// DIR/store/           one stored result per converted source (canonical JSON)
/// DIR/reports/PERIOD/  the board report workbooks
/// DIR/journal.log      one JSON line per event
/// ```
/// Files only ever move by `rename` inside the workspace, which is atomic on one file system;
/// no source file is deleted. Written files go to a temporary name first and are renamed.
public struct Workspace: Sendable {
  /// The workspace root.
  public let root: URL

  /// Creates a workspace at a folder (nothing is created yet).
  public init(root: URL) { self.root = root }

  /// `DIR/redthread.yaml`.
  public var configFile: URL { root.appendingPathComponent("redthread.yaml") }
  /// `DIR/inbox`.
  public var inbox: URL { root.appendingPathComponent("inbox") }
  /// `DIR/processing`.
  public var processing: URL { root.appendingPathComponent("processing") }
  /// `DIR/archive`.
  public var archive: URL { root.appendingPathComponent("archive") }
  /// `DIR/rejected`.
  public var rejected: URL { root.appendingPathComponent("rejected") }
  /// `DIR/store`.
  public var store: URL { root.appendingPathComponent("store") }
  /// `DIR/reports`.
  public var reports: URL { root.appendingPathComponent("reports") }
  /// `DIR/feedback`: the senders' workbooks returned with their problems marked, by period.
  public var feedback: URL { root.appendingPathComponent("feedback") }
  /// `DIR/journal.log`.
  public var journalFile: URL { root.appendingPathComponent("journal.log") }

  /// Creates every folder that is missing.
  ///
  /// - Throws: ``PipelineError`` `workspace-unusable`.
  public func createFolders() throws {
    for folder in [inbox, processing, archive, rejected, store, reports] {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw PipelineError(
          .workspaceUnusable, "cannot create folder: \(error.localizedDescription)",
          location: SourceLocation(file: folder.path), underlying: error)
      }
    }
  }

  /// Moves a file into a folder, keeping its name, or adding ` (2)`, ` (3)` … before the
  /// extension when the name is taken. Never overwrites.
  ///
  /// - Returns: the new location.
  /// - Throws: ``PipelineError`` `move-failed`; the file is then where it was.
  @discardableResult
  public func move(_ file: URL, into folder: URL, name: String? = nil) throws -> URL {
    let fm = FileManager.default
    do {
      try fm.createDirectory(at: folder, withIntermediateDirectories: true)
      let base = name ?? file.lastPathComponent
      var target = folder.appendingPathComponent(base)
      var n = 2
      while fm.fileExists(atPath: target.path) {
        let ext = (base as NSString).pathExtension
        let stem = (base as NSString).deletingPathExtension
        target = folder.appendingPathComponent(
          ext.isEmpty ? "\(stem) (\(n))" : "\(stem) (\(n)).\(ext)")
        n += 1
      }
      try fm.moveItem(at: file, to: target)
      return target
    } catch {
      throw PipelineError(
        .moveFailed,
        "cannot move '\(file.lastPathComponent)' to \(folder.lastPathComponent)/: "
          + error.localizedDescription,
        location: SourceLocation(file: file.path), underlying: error)
    }
  }

  /// Writes data to a file through a temporary file in the same folder and a rename, so a
  /// reader never sees a half-written file.
  ///
  /// - Throws: ``PipelineError`` `write-failed`; an earlier file of that name is kept.
  public static func writeAtomically(_ data: Data, to url: URL) throws {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
    } catch {
      throw PipelineError(
        .writeFailed, "cannot write: \(error.localizedDescription)",
        location: SourceLocation(file: url.path), underlying: error)
    }
  }
}

extension Workspace {
  /// What counts now: the reference records, then the newest stored result for each unit, plan
  /// kind and period (see ``ResultStore``).
  public func currentDataset(reference: Dataset) -> Dataset {
    var dataset = reference
    for entry in ResultStore(folder: store).current() {
      dataset.append(contentsOf: entry.conversion.dataset)
    }
    return dataset
  }
}
