import Foundation
import Interop

/// The parts of a zip package, for comparing an edited workbook with its source part by part.
public struct PackageParts {
  /// Inflated bytes by entry name.
  public var contents: [String: [UInt8]] = [:]
  /// Stored (compressed) bytes by entry name.
  public var stored: [String: [UInt8]] = [:]
  /// Entry names in archive order.
  public var names: [String] = []

  /// Reads every entry of a package.
  public init(path: String) throws {
    let archive = try ZipArchive(
      path: path,
      limits: ZipLimits(
        maxEntryBytes: 1 << 30, maxTotalBytes: 1 << 31, maxCompressionRatio: 10_000,
        ratioGraceBytes: 1 << 20, maxEntries: 100_000))
    for entry in archive.entries {
      names.append(entry.name)
      contents[entry.name] = try archive.contents(of: entry)
      stored[entry.name] = try archive.rawContents(of: entry).data
    }
  }

  /// A part as text.
  public func text(_ name: String) -> String {
    String(decoding: contents[name] ?? [], as: UTF8.self)
  }

  /// The parts of `self` whose inflated bytes differ from `other`'s, or that `other` lacks.
  public func changed(from other: PackageParts) -> Set<String> {
    Set(names.filter { contents[$0] != other.contents[$0] })
  }
}
