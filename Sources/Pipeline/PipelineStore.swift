public import Canonical
public import Foundation
public import Spreadsheet

/// One file received from the inbox, as the store remembers it.
public struct ReceivedFile: Sendable, Hashable, Codable {
  /// What became of a received file.
  public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Converted; its records count (unless a later delivery replaced it).
    case converted
    /// Not usable; it lies in rejected/ with a reason file.
    case rejected
    /// The same bytes as a file received before; archived, not converted again.
    case duplicate
    /// A later delivery for the same unit, plan kind and period replaced it.
    case superseded
    /// Taken out of its period by `redthread withdraw`; its bytes stay in the archive.
    case withdrawn
  }

  /// The store's id: higher means received later.
  public var id: Int64
  /// SHA-256 of its bytes, as hex.
  public var sha256: String
  /// The name it arrived with.
  public var name: String
  /// Size in bytes.
  public var size: Int
  /// Its modification time in the inbox.
  public var modified: Date?
  /// When it was taken from the inbox.
  public var received: Date
  /// What became of it.
  public var outcome: Outcome
  /// The unit of its plan, when it holds one.
  public var unit: String?
  /// The plan kind (`unitPlan`, `boardPlan`, `statistics`), when it holds a plan.
  public var planKind: String?
  /// Its own period (of its plan), canonical id (`2026-Q3`).
  public var period: String?
  /// The mapping used.
  public var mapping: String?
  /// The mapping's version.
  public var mappingVersion: Int?
  /// Where its bytes lie now, relative to the workspace (`archive/2026-09-21/x.xlsx`).
  public var storedAs: String?
  /// Why: the rejection reason, the file it duplicates, the file that replaced it.
  public var detail: String?
  /// The delivery it belongs to: `plan|unit|kind|period`, or `file|mapping|name` for a file
  /// without a plan; statistics extracts have none (their measurements have identities).
  public var deliveryKey: String?

  /// Creates a record of a received file (``id`` is set by the store).
  public init(
    id: Int64 = 0, sha256: String, name: String, size: Int, modified: Date?, received: Date,
    outcome: Outcome, unit: String? = nil, planKind: String? = nil, period: String? = nil,
    mapping: String? = nil, mappingVersion: Int? = nil, storedAs: String? = nil,
    detail: String? = nil, deliveryKey: String? = nil
  ) {
    self.id = id
    self.sha256 = sha256
    self.name = name
    self.size = size
    self.modified = modified
    self.received = received
    self.outcome = outcome
    self.unit = unit
    self.planKind = planKind
    self.period = period
    self.mapping = mapping
    self.mappingVersion = mappingVersion
    self.storedAs = storedAs
    self.detail = detail
    self.deliveryKey = deliveryKey
  }
}

/// What storing a converted file changed.
public struct IngestResult: Sendable, Hashable {
  /// The new file's id.
  public var fileID: Int64
  /// The stored delivery this file replaced (now superseded), if any.
  public var replaces: ReceivedFile?
  /// A stored delivery received later than this one (this file is then stored as superseded).
  public var replacedBy: ReceivedFile?
  /// Earlier files some of whose measurements this file gives again, with how many.
  public var replacedMeasurements: [(file: ReceivedFile, count: Int)]

  /// Creates a result.
  public init(
    fileID: Int64, replaces: ReceivedFile? = nil, replacedBy: ReceivedFile? = nil,
    replacedMeasurements: [(file: ReceivedFile, count: Int)] = []
  ) {
    self.fileID = fileID
    self.replaces = replaces
    self.replacedBy = replacedBy
    self.replacedMeasurements = replacedMeasurements
  }

  /// Equal when they name the same files and counts.
  public static func == (a: IngestResult, b: IngestResult) -> Bool {
    a.fileID == b.fileID && a.replaces == b.replaces && a.replacedBy == b.replacedBy
      && a.replacedMeasurements.map(\.file) == b.replacedMeasurements.map(\.file)
      && a.replacedMeasurements.map(\.count) == b.replacedMeasurements.map(\.count)
  }

  /// Hashes the file id.
  public func hash(into hasher: inout Hasher) { hasher.combine(fileID) }
}

/// A board report written for a period, with the files it was built from.
public struct ReportVersion: Sendable, Hashable, Codable {
  /// The board.
  public var board: String
  /// The period id.
  public var period: String
  /// 1, 2, 3 …
  public var version: Int
  /// The workbook, relative to the workspace.
  public var path: String
  /// When it was written.
  public var written: Date
  /// What it was built from (files, reference data, settings), as a digest: a run whose
  /// fingerprint equals the latest version's writes nothing.
  public var fingerprint: String
  /// The ids of the files whose records it holds.
  public var fileIDs: [Int64]

  /// Creates a report version.
  public init(
    board: String, period: String, version: Int, path: String, written: Date,
    fingerprint: String, fileIDs: [Int64]
  ) {
    self.board = board
    self.period = period
    self.version = version
    self.path = path
    self.written = written
    self.fingerprint = fingerprint
    self.fileIDs = fileIDs
  }
}

/// The pipeline's memory: every file received and what became of it, every canonical record
/// with its provenance, every diagnostic, and every report version.
///
/// ``SQLiteStore`` is the implementation for one machine; the protocol keeps the rest of the
/// pipeline free of SQL so that a PostgreSQL store can follow (docs/scaling.md).
///
/// Which records count: the records of files whose outcome is `converted`; of two
/// measurements with the same identity (unit, KPI, period, gender, comparison series and
/// further dimensions) in different files, only the one from the file received later.
public protocol PipelineStore: Sendable {
  /// The stored file with these bytes whose records were kept (converted or superseded).
  func file(sha256: String) throws -> ReceivedFile?

  /// The file with an id.
  func file(id: Int64) throws -> ReceivedFile?

  /// Every stored file with these bytes, whatever became of it, in the order received.
  func files(sha256: String) throws -> [ReceivedFile]

  /// Every stored file, in the order received; with `outcome`, only those.
  func files(outcome: ReceivedFile.Outcome?) throws -> [ReceivedFile]

  /// Stores a converted file with its records and diagnostics, in one transaction; settles
  /// which delivery counts and which measurements it replaces, and records
  /// `duplicate-delivery` and `measurement-replaced` warnings for it.
  func ingest(_ file: ReceivedFile, conversion: Conversion) throws -> IngestResult

  /// Stores a file that was not converted (rejected or a duplicate) with its diagnostics.
  @discardableResult
  func add(_ file: ReceivedFile, diagnostics: [Diagnostic]) throws -> Int64

  /// Sets a stored file's outcome (withdrawn, …) and where its bytes lie.
  func update(fileID: Int64, outcome: ReceivedFile.Outcome, storedAs: String?, detail: String?)
    throws

  /// Removes a file's records and diagnostics, to convert it again (`reprocess`).
  func replaceConversion(fileID: Int64, conversion: Conversion) throws

  /// The records that count, by file name and then in the order read.
  func countingDataset() throws -> Dataset

  /// The diagnostics of the files that count.
  func countingDiagnostics() throws -> [Diagnostic]

  /// The ids of the files that count.
  func countingFileIDs() throws -> [Int64]

  /// A number that changes whenever stored records are replaced without a change of files
  /// (`reprocess`), so that the next publish sees the change.
  func revision() throws -> Int

  /// The diagnostics stored for one file.
  func diagnostics(fileID: Int64) throws -> [Diagnostic]

  /// How many records of each kind a file holds (`measurement`: 54).
  func recordCounts(fileID: Int64) throws -> [String: Int]

  /// The latest report version for a board and period.
  func latestReport(board: String, period: String) throws -> ReportVersion?

  /// Every report version, oldest first.
  func reports() throws -> [ReportVersion]

  /// Records a report version.
  func addReport(_ report: ReportVersion) throws
}
