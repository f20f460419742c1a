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

  /// Appends one entry. The journal is a log for people; the store is the pipeline's memory,
  /// so a line is written through but not flushed to disk one by one.
  public func append(_ event: Event, file: String, detail: String? = nil, at time: Date) {
    let entry = Entry(time: Self.timestamp(time), event: event, file: file, detail: detail)
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
  }

  /// `2026-11-29T10:15:00Z`, without the cost of a date formatter per line.
  static func timestamp(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let day = CalendarDateParts(
      daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    let s = ((seconds % 86_400) + 86_400) % 86_400
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return
      "\(day.year)-\(two(day.month))-\(two(day.day))T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))Z"
  }
}

extension Journal {
  /// Every entry, oldest first; unreadable lines are skipped.
  public func entries() -> [Entry] {
    guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
    let decoder = JSONDecoder()
    return data.split(separator: 0x0A).compactMap { try? decoder.decode(Entry.self, from: $0) }
  }
}

/// Year, month and day of a count of days since 1970-01-01 (proleptic Gregorian).
struct CalendarDateParts {
  var year: Int
  var month: Int
  var day: Int

  init(daysSinceEpoch z0: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }

}
