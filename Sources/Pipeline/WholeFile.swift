public import Foundation

/// Tells whether a file in the inbox is whole: the checks a file passes before it is taken,
/// besides keeping its size and time over the settle time.
public enum WholeFile {
  /// Whether bytes look like a zip container (XLSX and its family).
  public static func isZip(_ data: Data) -> Bool {
    data.count >= 4 && data.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04])
  }

  /// Whether a zip's end-of-central-directory record is present and consistent: it ends the
  /// file (after its comment), and the central directory it points to lies before it and
  /// starts with a central-directory header. A copy cut short fails here.
  public static func hasCompleteZipDirectory(_ data: Data) -> Bool {
    let count = data.count
    guard count >= 22 else { return false }
    return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
      func u16(_ i: Int) -> Int { Int(raw[i]) | Int(raw[i + 1]) << 8 }
      func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
      let lowest = max(0, count - 22 - 65_535)
      var i = count - 22
      while i >= lowest {
        if raw[i] == 0x50, raw[i + 1] == 0x4B, raw[i + 2] == 0x05, raw[i + 3] == 0x06 {
          let commentLength = u16(i + 20)
          if i + 22 + commentLength == count {
            let size = u32(i + 12)
            let offset = u32(i + 16)
            if offset == 0xFFFF_FFFF || size == 0xFFFF_FFFF {
              // ZIP64: the locator sits just before; trust it when present.
              return i >= 20 && u32(i - 20) == 0x0706_4B50
            }
            guard offset + size <= i else { return false }
            if size == 0 { return u16(i + 10) == 0 }
            return u32(offset) == 0x0201_4B50
          }
        }
        i -= 1
      }
      return false
    }
  }
}
