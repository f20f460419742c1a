import Canonical
public import Foundation
public import Spreadsheet

/// The JSON store of RedThread before the SQLite store: one JSON file per converted source in
/// `DIR/store/`, and one per rejected file in `DIR/store/rejected/`. Read only, once, to import
/// it into ``SQLiteStore``.
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

  /// The diagnostic kept for each file rejected before, by its name in rejected/.
  public func rejections() -> [(name: String, diagnostic: Diagnostic)] {
    let folder = folder.appendingPathComponent("rejected")
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return [] }
    return names.sorted().filter { $0.hasSuffix(".json") }.compactMap { name in
      guard let data = fm.contents(atPath: folder.appendingPathComponent(name).path),
        let d = try? JSONDecoder().decode(Diagnostic.self, from: data)
      else { return nil }
      return (String(name.dropLast(5)), d)
    }
  }
}
