public import Canonical
import Foundation

/// What `redthread status` shows: per unit under the board, what it delivered for the period
/// (which file, when), what was rejected and why, and what is missing; what waits in the inbox;
/// and the latest report version with the files it was built from.
public struct WorkspaceStatus: Sendable, Codable, Hashable {
  /// One unit under the board.
  public struct UnitStatus: Sendable, Codable, Hashable {
    /// The unit's id.
    public var id: String
    /// Its name.
    public var name: String
    /// `delivered` or `missing`.
    public var state: String
    /// The file that counts.
    public var file: String?
    /// When it was received (UTC, ISO 8601).
    public var received: String?
    /// Earlier deliveries it replaced, and withdrawn ones.
    public var replaced: [String]
  }

  /// One file, as listed.
  public struct FileStatus: Sendable, Codable, Hashable {
    /// The name it arrived with.
    public var name: String
    /// What became of it.
    public var outcome: String
    /// When it was received (UTC, ISO 8601).
    public var received: String
    /// Its own period.
    public var period: String?
    /// Its unit.
    public var unit: String?
    /// Where its bytes lie.
    public var storedAs: String?
    /// Why (for rejected, superseded, withdrawn files).
    public var detail: String?
  }

  /// A report version.
  public struct ReportStatus: Sendable, Codable, Hashable {
    /// 1, 2, 3 …
    public var version: Int
    /// The workbook.
    public var path: String
    /// When it was written.
    public var written: String
    /// The names of the files it was built from.
    public var files: [String]
  }

  /// The board.
  public var board: String
  /// The period.
  public var period: String
  /// Units under the board.
  public var units: [UnitStatus]
  /// Statistics extracts and other files without a unit plan, of the period.
  public var otherFiles: [FileStatus]
  /// Files rejected (lying in rejected/).
  public var rejected: [FileStatus]
  /// Files waiting in the inbox.
  public var pending: [String]
  /// Report versions of the period, oldest first.
  public var reports: [ReportStatus]

  /// Builds the status of a period from the store, the unit register and the inbox.
  public static func make(
    store: any PipelineStore, reference: Dataset, board: String, period: Period,
    workspace: Workspace
  ) throws -> WorkspaceStatus {
    let iso = ISO8601DateFormatter()
    let files = try store.files(outcome: nil)
    func overlaps(_ id: String?) -> Bool {
      guard let id, let p = Period(parsing: id) else { return id == nil }
      return p.start <= period.end && period.start <= p.end
    }
    func listed(_ f: ReceivedFile) -> FileStatus {
      FileStatus(
        name: f.name, outcome: f.outcome.rawValue, received: iso.string(from: f.received),
        period: f.period, unit: f.unit, storedAs: f.storedAs, detail: f.detail)
    }
    // Units under the board, at any depth, in register order.
    var under: Set<String> = [board]
    var grew = true
    while grew {
      grew = false
      for u in reference.units where !under.contains(u.id) {
        if let parent = u.parentID, under.contains(parent) {
          under.insert(u.id)
          grew = true
        }
      }
    }
    let ofPeriod = files.filter { overlaps($0.period) }
    var units: [UnitStatus] = []
    for unit in reference.units where under.contains(unit.id) {
      let mine = ofPeriod.filter { $0.unit == unit.id && $0.planKind != "statistics" }
      let counting = mine.last { $0.outcome == .converted }
      units.append(
        UnitStatus(
          id: unit.id, name: unit.name, state: counting == nil ? "missing" : "delivered",
          file: counting?.name, received: counting.map { iso.string(from: $0.received) },
          replaced: mine.filter { $0.outcome == .superseded || $0.outcome == .withdrawn }.map(
            \.name)))
    }
    let other = ofPeriod.filter {
      ($0.unit == nil || !under.contains($0.unit ?? "") || $0.planKind == "statistics")
        && $0.outcome != .rejected && $0.outcome != .duplicate
    }.map(listed)
    let rejected = files.filter {
      $0.outcome == .rejected
        && FileManager.default.fileExists(
          atPath: workspace.root.appendingPathComponent($0.storedAs ?? "-").path)
    }.map(listed)
    let pending = try InboxScanner(inbox: workspace.inbox).snapshot().map(\.url.lastPathComponent)
      .filter { InboxScanner.ignoreReason(forName: $0) == nil }
    let names = Dictionary(files.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let reports = try store.reports().filter { $0.board == board && $0.period == period.id }.map {
      ReportStatus(
        version: $0.version, path: $0.path, written: iso.string(from: $0.written),
        files: $0.fileIDs.compactMap { names[$0] })
    }
    return WorkspaceStatus(
      board: board, period: period.id, units: units, otherFiles: other, rejected: rejected,
      pending: pending, reports: reports)
  }
}
