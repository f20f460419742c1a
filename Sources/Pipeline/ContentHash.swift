public import Foundation

/// A content fingerprint of a source file: its size and a 64-bit FNV-1a hash of its bytes.
///
/// Used to recognise the same bytes dropped twice. It is an index, not a proof: a match is
/// confirmed by comparing the bytes with the archived copy before a file counts as a duplicate.
public struct ContentHash: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Size in bytes.
  public var size: Int
  /// FNV-1a 64 of the bytes.
  public var fnv1a: UInt64

  /// Fingerprints bytes.
  public init(_ data: Data) {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    data.withUnsafeBytes { raw in
      for byte in raw {
        h ^= UInt64(byte)
        h = h &* 0x0000_0100_0000_01B3
      }
    }
    size = data.count
    fnv1a = h
  }

  /// `size-hash`, e.g. `12345-00ab34…`: used as the stored result's file name.
  public var description: String {
    let hex = String(fnv1a, radix: 16)
    return "\(size)-" + String(repeating: "0", count: 16 - hex.count) + hex
  }
}
