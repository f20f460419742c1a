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
/// DIR/store/           the pipeline store (redthread.sqlite: files, records, reports)
/// DIR/reports/PERIOD/  the board report workbooks
/// DIR/journal.log      one JSON line per event
/// ```
/// Files only ever move inside the workspace, by a hard link to a new name and the removal of
/// the old one, so a move never replaces a file; no source file is deleted. Written files go to a temporary name first and are renamed.
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
  /// extension when the name is taken (shortening the name when the whole would pass the
  /// 255-byte limit). Never replaces a file: the move is a hard link to the new name, which
  /// fails when the name exists, then the removal of the old name.
  ///
  /// - Returns: the new location.
  /// - Throws: ``PipelineError`` `move-failed`; the file is then where it was.
  @discardableResult
  public func move(_ file: URL, into folder: URL, name: String? = nil) throws -> URL {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw PipelineError(
        .moveFailed,
        "cannot move '\(file.lastPathComponent)' to \(folder.lastPathComponent)/: "
          + error.localizedDescription,
        location: SourceLocation(file: file.path), underlying: error)
    }
    let base = name ?? file.lastPathComponent
    var n = 1
    while true {
      let target = folder.appendingPathComponent(Self.numberedName(base, n))
      switch FileMoves.moveNoReplace(from: file.path, to: target.path) {
      case .moved: return target
      case .exists: n += 1
      case .failed(let message):
        throw PipelineError(
          .moveFailed,
          "cannot move '\(file.lastPathComponent)' to \(folder.lastPathComponent)/: \(message)",
          location: SourceLocation(file: file.path))
      }
    }
  }

  /// `name` for n = 1, else `stem (n).ext`; shortened at a character boundary to fit 255 bytes.
  public static func numberedName(_ name: String, _ n: Int) -> String {
    let ext = (name as NSString).pathExtension
    let stem = (name as NSString).deletingPathExtension
    let suffix = (n == 1 ? "" : " (\(n))") + (ext.isEmpty ? "" : "." + ext)
    let whole = (n == 1 ? name : stem + suffix)
    guard whole.utf8.count > 255 else { return whole }
    var kept = ""
    let budget = 255 - suffix.utf8.count - "…".utf8.count
    for character in (n == 1 && ext.isEmpty ? name : stem) {
      if kept.utf8.count + String(character).utf8.count > budget { break }
      kept.append(character)
    }
    return kept + "…" + suffix
  }

  /// Writes data to a file through a temporary file in the same folder
  /// (`.redthread-NAME.tmp`), flushed to disk and renamed, so a reader never sees a
  /// half-written file.
  ///
  /// - Throws: ``PipelineError`` `write-failed`; an earlier file of that name is kept.
  public static func writeAtomically(_ data: Data, to url: URL) throws {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      numberedName(
        ".redthread-\(ProcessInfo.processInfo.processIdentifier)-"
          + url.lastPathComponent + ".tmp", 1))
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try FileMoves.writeDurably(data, to: temporary.path)
      try FileMoves.rename(temporary.path, to: url.path)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw PipelineError(
        .writeFailed, "cannot write: \(error)",
        location: SourceLocation(file: url.path), underlying: error)
    }
  }

  /// Whether a name is one of the temporary files RedThread writes before a rename
  /// (`.redthread-….tmp`, and the report writer's `.NAME.XXXXXX.tmp`).
  public static func isTemporaryName(_ name: String) -> Bool {
    name.hasPrefix(".") && name.hasSuffix(".tmp")
  }
}

extension Workspace {
  /// `DIR/store/redthread.sqlite`: the pipeline store.
  public var storeDatabase: URL { store.appendingPathComponent("redthread.sqlite") }

  /// `DIR/.redthread.lock`: held by every command that changes the workspace.
  public var lockFile: URL { root.appendingPathComponent(".redthread.lock") }

  /// What counts now: the reference records, then the records that count in the store (see
  /// ``PipelineStore``).
  ///
  /// - Throws: ``PipelineError`` when the store cannot be opened.
  public func currentDataset(reference: Dataset) throws -> Dataset {
    var dataset = reference
    dataset.append(contentsOf: try SQLiteStore.open(self).countingDataset())
    return dataset
  }
}
