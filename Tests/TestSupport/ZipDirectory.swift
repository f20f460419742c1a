import Foundation
import Interop

/// One entry of a zip's central directory, read by hand (APPNOTE.TXT §4.3.12) so that the
/// writer is checked without trusting libzip's own reader.
public struct ZipDirectoryEntry: Sendable {
  public var name: String
  public var method: UInt16
  public var flags: UInt16
  public var dosTime: UInt16
  public var dosDate: UInt16
  public var crc: UInt32
  public var compressedSize: Int
  public var size: Int
  public var localHeaderOffset: Int
  public var localExtraLength: Int
  public var data: [UInt8]
}

public enum ZipDirectory {
  /// The entries of a zip archive held in memory, in central-directory order.
  public static func read(_ bytes: [UInt8]) throws -> [ZipDirectoryEntry] {
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    guard bytes.count >= 22 else { throw ZipTestError.malformed("too short") }
    var end = bytes.count - 22
    while end >= 0 && u32(end) != 0x0605_4b50 { end -= 1 }
    guard end >= 0 else { throw ZipTestError.malformed("no end of central directory") }
    let count = u16(end + 10)
    var offset = u32(end + 16)
    var entries: [ZipDirectoryEntry] = []
    for _ in 0..<count {
      guard u32(offset) == 0x0201_4b50 else { throw ZipTestError.malformed("bad header") }
      let nameLength = u16(offset + 28)
      let extraLength = u16(offset + 30)
      let commentLength = u16(offset + 32)
      let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
      let local = u32(offset + 42)
      guard u32(local) == 0x0403_4b50 else { throw ZipTestError.malformed("bad local header") }
      let localExtra = u16(local + 28)
      let dataStart = local + 30 + u16(local + 26) + localExtra
      let compressedSize = u32(offset + 20)
      entries.append(
        ZipDirectoryEntry(
          name: name, method: UInt16(u16(offset + 10)), flags: UInt16(u16(offset + 8)),
          dosTime: UInt16(u16(offset + 12)), dosDate: UInt16(u16(offset + 14)),
          crc: UInt32(u32(offset + 16)), compressedSize: compressedSize, size: u32(offset + 24),
          localHeaderOffset: local, localExtraLength: localExtra,
          data: Array(bytes[dataStart..<(dataStart + compressedSize)])))
      offset += 46 + nameLength + extraLength + commentLength
    }
    return entries
  }

  /// The uncompressed bytes of an entry, checked against its CRC-32.
  public static func contents(_ entry: ZipDirectoryEntry) throws -> [UInt8] {
    let bytes =
      entry.method == 8 ? try RawInflate.inflate(entry.data, expectedSize: entry.size) : entry.data
    guard RawInflate.crc32(bytes) == entry.crc, bytes.count == entry.size else {
      throw ZipTestError.malformed("CRC or size mismatch in \(entry.name)")
    }
    return bytes
  }
}

/// A zip archive the test reader cannot make sense of.
public enum ZipTestError: Error { case malformed(String) }

/// A scratch folder removed at the end of a test.
public final class ScratchFolder {
  /// The folder's path.
  public let path: String
  /// Creates an empty folder under the temporary directory.
  public init() throws {
    path = NSTemporaryDirectory() + "redthread-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
  /// The names in the folder, sorted.
  public var contents: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }
}

extension ZipDirectory {
  /// The entries of the archive at `path`.
  public static func read(path: String) throws -> [ZipDirectoryEntry] {
    try read(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
  }

  /// The uncompressed text of the entry named `name` in the archive at `path`.
  public static func text(_ name: String, in path: String) throws -> String {
    guard let entry = try read(path: path).first(where: { $0.name == name }) else {
      throw ZipTestError.malformed("no entry \(name)")
    }
    return String(decoding: try contents(entry), as: UTF8.self)
  }
}
