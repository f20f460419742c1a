import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Builds zip archives byte by byte, for tests that need packages no ordinary writer makes:
/// entries whose headers lie about their size, deflate streams that inflate a thousandfold,
/// parts with a DOCTYPE. Pure Swift, no zlib: entries are stored, or carry raw deflate data
/// made by ``DeflateBomb``.
public enum CraftedZip {
  /// One entry of a crafted archive.
  public struct Entry {
    /// The entry name, e.g. `xl/workbook.xml`.
    public var name: String
    /// The bytes written as the entry's data (stored, or raw deflate).
    public var data: [UInt8]
    /// 0 (stored) or 8 (deflate).
    public var method: UInt16
    /// The CRC-32 of the inflated content.
    public var crc: UInt32
    /// The inflated size written in the headers (the truth, or a lie).
    public var declaredSize: UInt32

    /// A stored entry with its true size and CRC.
    public static func stored(_ name: String, _ bytes: [UInt8]) -> Entry {
      Entry(
        name: name, data: bytes, method: 0, crc: CRC32.checksum(bytes),
        declaredSize: UInt32(clamping: bytes.count))
    }

    /// A stored entry from text (UTF-8).
    public static func stored(_ name: String, _ text: String) -> Entry {
      stored(name, Array(text.utf8))
    }

    /// An entry of raw deflate data.
    public static func deflated(
      _ name: String, _ compressed: [UInt8], crc: UInt32, declaredSize: UInt32
    ) -> Entry {
      Entry(name: name, data: compressed, method: 8, crc: crc, declaredSize: declaredSize)
    }
  }

  /// The bytes of an archive holding `entries` in order.
  public static func archive(_ entries: [Entry]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for entry in entries {
      let offset = UInt32(out.count)
      let name = Array(entry.name.utf8)
      out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(entry.method) + le16(0) + le16(0x21)
      out += le32(entry.crc) + le32(UInt32(entry.data.count)) + le32(entry.declaredSize)
      out += le16(UInt16(name.count)) + le16(0) + name
      out += entry.data
      central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(entry.method)
      central += le16(0) + le16(0x21) + le32(entry.crc) + le32(UInt32(entry.data.count))
      central += le32(entry.declaredSize) + le16(UInt16(name.count)) + le16(0) + le16(0)
      central += le16(0) + le16(0) + le32(0) + le32(offset) + name
    }
    let centralOffset = UInt32(out.count)
    out += central
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count))
    out += le16(UInt16(entries.count)) + le32(UInt32(central.count)) + le32(centralOffset)
    out += le16(0)
    return out
  }

  /// A minimal workbook package: one sheet named `Sheet1` whose part is `sheetXML`, with an
  /// optional shared-string part.
  public static func workbook(sheetXML: Entry, sharedStrings: Entry? = nil) -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    var rels =
      "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" "
      + "Target=\"worksheets/sheet1.xml\"/>"
    if sharedStrings != nil {
      rels +=
        "<Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    }
    rels += "</Relationships>"
    var entries: [Entry] = [
      .stored(
        "_rels/.rels",
        "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" "
          + "Target=\"xl/workbook.xml\"/></Relationships>"),
      .stored(
        "xl/workbook.xml",
        "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"Sheet1\" "
          + "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
      .stored("xl/_rels/workbook.xml.rels", rels),
      sheetXML,
    ]
    if let sharedStrings { entries.append(sharedStrings) }
    return archive(entries)
  }

  /// Writes bytes to a new file in a fresh temporary folder and returns its path.
  public static func write(_ bytes: [UInt8], name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("redthread-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
  static func le32(_ v: UInt32) -> [UInt8] {
    [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
  }
}

/// CRC-32 (ISO 3309, as zip uses), with `combine` to checksum long runs without reading them.
public enum CRC32 {
  static let table: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  /// Tables for slicing-by-8 (eight bytes per step: the tests run unoptimized).
  static let tables: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for n in 0..<256 { t[n] = table[n] }
    for k in 1..<8 {
      for n in 0..<256 {
        let previous = t[(k - 1) * 256 + n]
        t[k * 256 + n] = table[Int(previous & 0xFF)] ^ (previous >> 8)
      }
    }
    return t
  }()

  /// The CRC-32 of `bytes`.
  public static func checksum(_ bytes: [UInt8], initial: UInt32 = 0) -> UInt32 {
    var c = ~initial
    bytes.withUnsafeBufferPointer { buffer in
      tables.withUnsafeBufferPointer { t in
        guard let base = buffer.baseAddress else { return }
        var i = 0
        let n = buffer.count
        while i + 8 <= n {
          let lo =
            c
            ^ (UInt32(base[i]) | UInt32(base[i + 1]) << 8 | UInt32(base[i + 2]) << 16
              | UInt32(base[i + 3]) << 24)
          let hi =
            UInt32(base[i + 4]) | UInt32(base[i + 5]) << 8 | UInt32(base[i + 6]) << 16
            | UInt32(base[i + 7]) << 24
          c =
            t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
            ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
            ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
            ^ t[256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
          i += 8
        }
        while i < n {
          c = t[Int((c ^ UInt32(base[i])) & 0xFF)] ^ (c >> 8)
          i += 1
        }
      }
    }
    return ~c
  }

  /// The CRC-32 of A followed by B, from crc(A), crc(B) and B's length (zlib's
  /// `crc32_combine`, by GF(2) matrix powers).
  public static func combine(_ crc1: UInt32, _ crc2: UInt32, _ length2: Int) -> UInt32 {
    guard length2 > 0 else { return crc1 }
    func times(_ mat: [UInt32], _ vec: UInt32) -> UInt32 {
      var sum: UInt32 = 0
      var v = vec
      var i = 0
      while v != 0 {
        if v & 1 != 0 { sum ^= mat[i] }
        v >>= 1
        i += 1
      }
      return sum
    }
    func square(_ mat: [UInt32]) -> [UInt32] { (0..<32).map { times(mat, mat[$0]) } }
    var odd = [UInt32](repeating: 0, count: 32)
    odd[0] = 0xEDB8_8320
    var row: UInt32 = 1
    for n in 1..<32 {
      odd[n] = row
      row <<= 1
    }
    var even = square(odd)
    odd = square(even)
    var crc = crc1
    var len = length2
    repeat {
      even = square(odd)
      if len & 1 != 0 { crc = times(even, crc) }
      len >>= 1
      if len == 0 { break }
      odd = square(even)
      if len & 1 != 0 { crc = times(odd, crc) }
      len >>= 1
    } while len != 0
    return crc ^ crc2
  }

  /// The CRC-32 of `count` copies of `byte`, in O(log count) steps.
  public static func run(of byte: UInt8, count: Int) -> UInt32 {
    var result: UInt32 = 0
    var resultLength = 0
    var power = checksum([byte])
    var powerLength = 1
    var n = count
    while n > 0 {
      if n & 1 != 0 {
        result = resultLength == 0 ? power : combine(result, power, powerLength)
        resultLength += powerLength
      }
      n >>= 1
      if n > 0 {
        power = combine(power, power, powerLength)
        powerLength *= 2
      }
    }
    return result
  }
}

/// A raw deflate stream (RFC 1951) that inflates to `prefix`, then `count` copies of one byte,
/// then `suffix`, at about 1,030 to 1 (deflate's limit): a stored block with the prefix and the
/// first copy, a dynamic-Huffman block of (length 258, distance 1) matches at two bits each,
/// and a final stored block with the suffix.
public enum DeflateBomb {
  /// The compressed bytes and the CRC-32 and size of what they inflate to.
  public static func make(prefix: [UInt8], byte: UInt8, count: Int, suffix: [UInt8])
    -> (data: [UInt8], crc: UInt32, size: Int)
  {
    precondition(count >= 1)
    var w = BitWriter()
    w.storedBlock(prefix + [byte], final: false)
    let matches = (count - 1) / 258
    let tail = (count - 1) % 258
    // Block 2: BFINAL 0, BTYPE 10 (dynamic); HLIT 29 (286 codes), HDIST 0 (1), HCLEN 14 (18).
    w.bits(0, 1)
    w.bits(2, 2)
    w.bits(29, 5)
    w.bits(0, 5)
    w.bits(14, 4)
    // Code-length code lengths in RFC order 16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1:
    // symbols 18 and 1 get length 1 (codes 1 and 0), the rest 0.
    let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]
    for symbol in order { w.bits(symbol == 18 || symbol == 1 ? 1 : 0, 3) }
    // Literal/length lengths: 0 for 0-255, 1 for 256 (end of block), 0 for 257-284, 1 for 285
    // (length 258); distance lengths: 1 for code 0 (distance 1).
    func zeros(_ n: Int) {
      w.bits(1, 1)  // symbol 18
      w.bits(UInt32(n - 11), 7)
    }
    zeros(138)
    zeros(118)
    w.bits(0, 1)  // symbol 1: length 1 for 256
    zeros(28)
    w.bits(0, 1)  // 285
    w.bits(0, 1)  // distance code 0
    // Matches: code 285 is '1', distance code 0 is '0'.
    var remaining = matches
    while remaining > 0 && !w.isAligned {
      w.bits(1, 1)
      w.bits(0, 1)
      remaining -= 1
    }
    // Four matches fill a byte, least significant bit first: 1,0,1,0,1,0,1,0 = 0x55.
    w.bytes.append(contentsOf: repeatElement(0x55, count: remaining / 4))
    remaining %= 4
    while remaining > 0 {
      w.bits(1, 1)
      w.bits(0, 1)
      remaining -= 1
    }
    w.bits(0, 1)  // end of block (code 256 is '0')
    w.storedBlock(Array(repeating: byte, count: tail) + suffix, final: true)
    let size = prefix.count + count + suffix.count
    var crc = CRC32.checksum(prefix)
    crc = CRC32.combine(crc, CRC32.run(of: byte, count: count), count)
    crc = CRC32.combine(crc, CRC32.checksum(suffix), suffix.count)
    return (w.bytes, crc, size)
  }

  struct BitWriter {
    var bytes: [UInt8] = []
    var current: UInt32 = 0
    var used = 0

    var isAligned: Bool { used == 0 }

    mutating func bits(_ value: UInt32, _ count: Int) {
      for i in 0..<count {
        current |= ((value >> UInt32(i)) & 1) << UInt32(used)
        used += 1
        if used == 8 {
          bytes.append(UInt8(current))
          current = 0
          used = 0
        }
      }
    }

    mutating func align() {
      if used > 0 {
        bytes.append(UInt8(current))
        current = 0
        used = 0
      }
    }

    mutating func storedBlock(_ data: [UInt8], final: Bool) {
      var offset = 0
      repeat {
        let n = min(65_535, data.count - offset)
        let last = final && offset + n == data.count
        bits(last ? 1 : 0, 1)
        bits(0, 2)
        align()
        bytes += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
        bytes += data[offset..<(offset + n)]
        offset += n
      } while offset < data.count
    }
  }
}

/// Peak resident memory of this process, from `/proc/self/status` (Linux).
public enum PeakMemory {
  /// Resets the peak (`VmHWM`) to the current resident size; `false` where unsupported.
  @discardableResult
  public static func reset() -> Bool {
    FileManager.default.isWritableFile(atPath: "/proc/self/clear_refs")
      && (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8))
        != nil
  }

  /// `VmHWM` in bytes, or `nil` where unavailable.
  public static func peakBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let digits = line.filter(\.isNumber)
      return Int(digits).map { $0 * 1024 }
    }
    return nil
  }
}

/// Runs an executable and reports its exit status and peak resident memory, from `wait4`'s
/// resource usage: a measurement that other tests running in this process cannot disturb.
public enum ChildProcess {
  /// The outcome of a run.
  public struct Outcome {
    /// The exit status (or 128 + signal).
    public var status: Int32
    /// Peak resident memory in bytes (`ru_maxrss`).
    public var peakBytes: Int
    /// Everything the child wrote to standard output.
    public var output: String
  }

  /// The `redthread` executable built next to the test bundle, when there is one.
  public static var redthread: String? {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = bundle.deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("redthread").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }

  /// Runs `path` with `arguments`, its standard output captured in a temporary file.
  ///
  /// The peak comes from `/usr/bin/time -f %M` when it is installed: a child spawned from this
  /// (large, multi-threaded) process with `posix_spawn` would otherwise inherit this process's
  /// high-water mark through `vfork` semantics.
  public static func run(_ path: String, _ arguments: [String]) throws -> Outcome {
    #if canImport(Glibc)
      let folder = FileManager.default.temporaryDirectory
      let outputPath = folder.appendingPathComponent("redthread-child-\(UUID().uuidString).out")
        .path
      let errorPath = folder.appendingPathComponent("redthread-child-\(UUID().uuidString).err").path
      let timer = "/usr/bin/time"
      let useTimer = FileManager.default.isExecutableFile(atPath: timer)
      let command = useTimer ? [timer, "-f", "REDTHREAD_MAXRSS_KB=%M", path] : [path]
      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      let argv: [UnsafeMutablePointer<CChar>?] = (command + arguments).map { strdup($0) } + [nil]
      defer { for p in argv { free(p) } }
      var pid: pid_t = 0
      let rc = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
      guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
      var status: Int32 = 0
      var usage = rusage()
      while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
      let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
      let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
      try? FileManager.default.removeItem(atPath: outputPath)
      try? FileManager.default.removeItem(atPath: errorPath)
      var peak = Int(usage.ru_maxrss) * 1024
      if useTimer,
        let line = errors.split(separator: "\n").last(where: {
          $0.hasPrefix("REDTHREAD_MAXRSS_KB=")
        }),
        let kb = Int(line.dropFirst("REDTHREAD_MAXRSS_KB=".count))
      {
        peak = kb * 1024
      }
      let exited = status & 0x7F == 0
      return Outcome(
        status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), peakBytes: peak,
        output: output)
    #else
      throw POSIXError(.ENOSYS)
    #endif
  }
}
