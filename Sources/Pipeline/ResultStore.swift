public import Canonical
public import Foundation

/// The converted results of every source received, one JSON file each in `DIR/store/`.
///
/// A result is written (atomically) before its source is archived, so a crash between the two
/// leaves the source in processing/, to be converted again, never a lost file. A corrected file
/// for the same unit, plan kind and period supersedes the earlier one: both stay in the store,
/// and only the newest counts.
public struct ResultStore: Sendable {
  /// One stored result.
  public struct Entry: Sendable, Codable, Hashable {
    /// The file name the source arrived with.
    public var source: String
    /// Its fingerprint.
    public var hash: ContentHash
    /// When it was taken from the inbox (UTC, ISO 8601).
    public var received: String
    /// Sequence number: higher means received later.
    public var sequence: Int
    /// Where the source was archived, relative to the workspace.
    public var archivedAs: String?
    /// The conversion.
    public var conversion: Conversion

    /// What a corrected file must share to supersede this one: unit, plan kind and period of
    /// its plan, or the mapping and source name for files without a plan.
    public var supersedeKey: String {
      if let plan = conversion.dataset.plans.first {
        return "plan|\(plan.unitID ?? "-")|\(plan.kind.rawValue)|\(plan.period?.id ?? "-")"
      }
      return "file|\(conversion.mappingName)|\(source)"
    }
  }

  /// The store folder.
  public let folder: URL

  /// A store in a folder.
  public init(folder: URL) { self.folder = folder }

  /// Every stored entry, in the order received.
  public func entries() -> [Entry] {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return [] }
    let decoder = JSONDecoder()
    return names.filter { $0.hasSuffix(".json") }.compactMap { name in
      guard let data = fm.contents(atPath: folder.appendingPathComponent(name).path) else {
        return nil
      }
      return try? decoder.decode(Entry.self, from: data)
    }.sorted { $0.sequence < $1.sequence }
  }

  /// The entries that count: for each supersede key, the one received last.
  public func current() -> [Entry] {
    var latest: [String: Entry] = [:]
    for entry in entries() { latest[entry.supersedeKey] = entry }
    return latest.values.sorted { $0.sequence < $1.sequence }
  }

  /// The entries that count for a period: as ``current()``, but of each unit's plans (of one
  /// kind) only the one for the latest period that starts on or before the period's end, so
  /// that the arbetsplan a unit returned for kvartal 4 replaces its plan for kvartal 3, and a
  /// plan for a later period does not count for an earlier one. Board plans for a year count
  /// in every period of it, as before; files without a plan always count.
  public func current(for period: Period) -> [Entry] {
    let entries = current()
    var newest: [String: Period] = [:]
    for entry in entries {
      guard let plan = entry.conversion.dataset.plans.first, plan.kind == .unitPlan,
        let planned = plan.period, planned.start <= period.end
      else { continue }
      let key = "\(plan.unitID ?? "-")|\(plan.kind.rawValue)"
      if let seen = newest[key], seen.start >= planned.start { continue }
      newest[key] = planned
    }
    return entries.filter { entry in
      guard let plan = entry.conversion.dataset.plans.first, plan.kind == .unitPlan,
        let planned = plan.period
      else { return true }
      return newest["\(plan.unitID ?? "-")|\(plan.kind.rawValue)"] == planned
    }
  }

  /// The stored entry with the same fingerprint, if any.
  public func entry(matching hash: ContentHash) -> Entry? {
    entries().first { $0.hash == hash }
  }

  /// The next sequence number.
  public func nextSequence() -> Int { (entries().map(\.sequence).max() ?? 0) + 1 }

  /// Writes an entry as `<sequence>-<hash>.json`, atomically.
  ///
  /// - Throws: ``PipelineError`` `write-failed`.
  public func save(_ entry: Entry) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data: Data
    do {
      data = try encoder.encode(entry)
    } catch {
      throw PipelineError(.writeFailed, "cannot encode the result of '\(entry.source)': \(error)")
    }
    let name = String(format: "%06d", entry.sequence) + "-\(entry.hash).json"
    try Workspace.writeAtomically(data, to: folder.appendingPathComponent(name))
  }
}
