public import Foundation

/// The append-only log of what a pipeline did: one JSON object per line in `DIR/journal.log`.
///
/// `{"time":"2026-11-29T10:15:00Z","event":"archived","file":"Arbetsplan….xlsx","detail":"…"}`
public struct Journal: Sendable {
  /// What happened to a file or a report.
  public enum Event: String, Sendable, Codable {
    /// A file was taken from the inbox.
    case claimed
    /// A converted file was moved to the archive.
    case archived
    /// A file was moved to rejected/ with a reason.
    case rejected
    /// A file held bytes already received; archived without converting again.
    case duplicate
    /// A stored result was replaced by a corrected file for the same unit and period.
    case superseded
    /// A file left in processing/ by an interrupted run was put back in the inbox.
    case recovered
    /// A report workbook was written.
    case report
    /// A file was taken out of its period (`redthread withdraw`).
    case withdrawn
    /// A file was converted again from its archived bytes (`redthread reprocess`).
    case reprocessed
  }

  /// One line of the journal.
  public struct Entry: Sendable, Codable, Hashable {
    /// UTC time, ISO 8601.
    public var time: String
    /// The event.
    public var event: Event
    /// The file concerned (name in the workspace).
    public var file: String
    /// More detail: the reason, the target path.
    public var detail: String?
  }

  /// The journal file.
  public let url: URL

  /// A journal at a file (created on first append).
  public init(url: URL) { self.url = url }

  /// Appends one entry and flushes it to disk.
  public func append(_ event: Event, file: String, detail: String? = nil, at time: Date) {
    let formatter = ISO8601DateFormatter()
    let entry = Entry(time: formatter.string(from: time), event: event, file: file, detail: detail)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard var line = try? encoder.encode(entry) else { return }
    line.append(0x0A)
    if !FileManager.default.fileExists(atPath: url.path) {
      _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    }
    guard let handle = try? FileHandle(forWritingTo: url) else { return }
    defer { try? handle.close() }
    _ = try? handle.seekToEnd()
    try? handle.write(contentsOf: line)
    try? handle.synchronize()
  }

  /// Every entry, oldest first; unreadable lines are skipped.
  public func entries() -> [Entry] {
    guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
    let decoder = JSONDecoder()
    return data.split(separator: 0x0A).compactMap { try? decoder.decode(Entry.self, from: $0) }
  }
}
