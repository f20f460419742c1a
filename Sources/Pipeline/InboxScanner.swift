public import Foundation

/// Finds the files in the inbox that are ready to take.
///
/// Office lock and temporary files (`~$*`, `.~lock.*`, `*.tmp`, partial downloads) and hidden
/// files are ignored. A file is taken only once it is stable: its size and modification time
/// are unchanged over the settle time (files copied from SMB or NFS shares arrive in pieces).
public struct InboxScanner: Sendable {
  /// What the scanner saw of a file.
  public struct Snapshot: Hashable, Sendable {
    /// The file.
    public var url: URL
    /// Size in bytes.
    public var size: Int
    /// Modification time.
    public var modified: Date
  }

  /// Why a file in the inbox is not taken.
  public enum Skip: Hashable, Sendable {
    /// An Office lock file, a temporary file or a hidden file.
    case ignored(String)
    /// Still being written: size or time changed during the settle time.
    case unstable
  }

  /// The inbox folder.
  public var inbox: URL

  /// Creates a scanner for an inbox folder.
  public init(inbox: URL) { self.inbox = inbox }

  /// Whether a file name is a lock, temporary or hidden file, and which.
  public static func ignoreReason(forName name: String) -> String? {
    if name.hasPrefix("~$") { return "Office lock file" }
    if name.hasPrefix(".~lock.") { return "LibreOffice lock file" }
    if name.hasPrefix(".") { return "hidden file" }
    let lower = name.lowercased()
    for ext in [".tmp", ".part", ".crdownload", ".partial", ".download"] where lower.hasSuffix(ext)
    {
      return "temporary file"
    }
    if lower.hasSuffix(".reason.txt") { return "reason file" }
    return nil
  }

  /// The regular files of the inbox, sorted by name, with their size and modification time.
  public func snapshot() throws -> [Snapshot] {
    let fm = FileManager.default
    let names = try fm.contentsOfDirectory(atPath: inbox.path).sorted()
    var result: [Snapshot] = []
    for name in names {
      let url = inbox.appendingPathComponent(name)
      guard let attrs = try? fm.attributesOfItem(atPath: url.path),
        (attrs[.type] as? FileAttributeType) == .typeRegular
      else { continue }
      let size = (attrs[.size] as? NSNumber)?.intValue ?? 0
      let modified = attrs[.modificationDate] as? Date ?? .distantPast
      result.append(Snapshot(url: url, size: size, modified: modified))
    }
    return result
  }

  /// The inbox entries that are not regular files (folders, symbolic links, devices), with
  /// why they are left where they are. Links are never followed: a link could point anywhere.
  public func otherEntries() -> [(URL, String)] {
    let fm = FileManager.default
    let names = ((try? fm.contentsOfDirectory(atPath: inbox.path)) ?? []).sorted()
    var result: [(URL, String)] = []
    for name in names {
      let url = inbox.appendingPathComponent(name)
      guard let attrs = try? fm.attributesOfItem(atPath: url.path),
        let type = attrs[.type] as? FileAttributeType, type != .typeRegular
      else { continue }
      switch type {
      case .typeDirectory: result.append((url, "a folder, not a file; put its files in the inbox"))
      case .typeSymbolicLink: result.append((url, "a symbolic link; links are not followed"))
      default: result.append((url, "not a regular file"))
      }
    }
    return result
  }

  /// Splits two snapshots taken a settle time apart into files to take and files to skip.
  ///
  /// - Returns: the stable files to take, in name order, and the others with the reason.
  public static func stableFiles(before: [Snapshot], after: [Snapshot]) -> (
    take: [URL], skipped: [(URL, Skip)]
  ) {
    let earlier = Dictionary(before.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
    var take: [URL] = []
    var skipped: [(URL, Skip)] = []
    for snap in after {
      if let reason = ignoreReason(forName: snap.url.lastPathComponent) {
        skipped.append((snap.url, .ignored(reason)))
      } else if let old = earlier[snap.url], old.size == snap.size, old.modified == snap.modified {
        take.append(snap.url)
      } else {
        skipped.append((snap.url, .unstable))
      }
    }
    return (take, skipped)
  }
}
