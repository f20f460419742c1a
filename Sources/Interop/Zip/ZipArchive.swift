internal import CLibZip
import Foundation

/// One entry of a zip archive's central directory, as the archive declares it.
public struct ZipEntry: Sendable, Hashable {
  /// 0-based index in the central directory.
  public var index: Int
  /// The name as stored (UTF-8, or CP437 converted to UTF-8), e.g. `xl/workbook.xml`; some
  /// producers write `xl\workbook.xml`.
  public var name: String
  /// The declared inflated size in bytes; a hostile archive may lie.
  public var declaredSize: Int
  /// The compressed size in bytes.
  public var compressedSize: Int
  /// Whether the entry is encrypted with a zip password.
  public var isEncrypted: Bool
  /// Whether the name ends in `/` (a folder entry).
  public var isDirectory: Bool { name.hasSuffix("/") || name.hasSuffix("\\") }
}

/// A zip archive opened read-only with libzip; owns the `zip_t *` and frees it.
///
/// Reading an entry counts the bytes actually inflated against ``ZipLimits`` (per entry, for
/// the whole archive, and as a compression ratio), because the sizes in the directory can lie.
///
/// The corresponding C functions are `zip_open` (with `ZIP_RDONLY`), `zip_get_num_entries`,
/// `zip_stat_index` and `zip_discard` (<https://libzip.org/documentation/>).
public final class ZipArchive {
  let handle: OpaquePointer
  /// The path as given.
  public let path: String
  /// The entries in central-directory order (duplicates included).
  public let entries: [ZipEntry]
  /// The caps in force.
  public let limits: ZipLimits
  /// Counts the bytes inflated from all entries, shared by archives opened on the same file.
  public let budget: ZipByteBudget

  /// Bytes inflated so far from all entries of this archive (and of the archives sharing its
  /// budget).
  public var totalBytesRead: Int { budget.total }

  /// Opens an archive.
  ///
  /// - Parameters:
  ///   - path: a file path.
  ///   - limits: the caps to apply while reading entries.
  ///   - budget: the counter of inflated bytes to share with other archives opened on the same
  ///     file (another thread may read from its own `zip_t`), or a new one.
  /// - Throws: ``ZipError`` (`notAZip`, `truncated`, `corrupt`, `unreadable`,
  ///   `tooManyEntries`).
  public init(path: String, limits: ZipLimits, budget: ZipByteBudget = ZipByteBudget()) throws {
    self.budget = budget
    var code: Int32 = 0
    guard let handle = zip_open(path, ZIP_RDONLY, &code) else {
      throw ZipError.libzip(code, function: "zip_open")
    }
    self.handle = handle
    self.path = path
    self.limits = limits
    let count = zip_get_num_entries(handle, 0)
    if count < 0 {
      zip_discard(handle)
      throw ZipError(
        .corrupt, message: "zip_get_num_entries failed", function: "zip_get_num_entries")
    }
    if count > limits.maxEntries {
      zip_discard(handle)
      throw ZipError(
        .tooManyEntries,
        message: "the archive lists \(count) entries, more than the limit of \(limits.maxEntries)",
        limit: limits.maxEntries)
    }
    var list: [ZipEntry] = []
    list.reserveCapacity(Int(count))
    for i in 0..<count {
      var st = zip_stat_t()
      zip_stat_init(&st)
      guard zip_stat_index(handle, zip_uint64_t(i), 0, &st) == 0 else { continue }
      let name = st.name.map { String(cString: $0) } ?? ""
      let valid = st.valid
      list.append(
        ZipEntry(
          index: Int(i), name: name,
          declaredSize: valid & zip_uint64_t(ZIP_STAT_SIZE) != 0 ? Int(clamping: st.size) : 0,
          compressedSize: valid & zip_uint64_t(ZIP_STAT_COMP_SIZE) != 0
            ? Int(clamping: st.comp_size) : 0,
          isEncrypted: valid & zip_uint64_t(ZIP_STAT_ENCRYPTION_METHOD) != 0
            && st.encryption_method != UInt16(ZIP_EM_NONE)))
    }
    entries = list
  }

  deinit {
    zip_discard(handle)
  }

  /// Opens an entry for streaming reads.
  ///
  /// - Throws: ``ZipError`` (`unsupportedEntry` for encrypted entries or unknown compression,
  ///   `corrupt`).
  public func open(_ entry: ZipEntry) throws -> ZipEntryStream {
    guard let file = zip_fopen_index(handle, zip_uint64_t(entry.index), 0) else {
      let error = zip_get_error(handle)
      let code = error.map { zip_error_code_zip($0) } ?? ZIP_ER_INTERNAL
      throw ZipError.libzip(code, function: "zip_fopen_index", entry: entry.name)
    }
    return ZipEntryStream(file: file, archive: self, entry: entry)
  }

  /// Reads a whole entry into memory, under the same caps as a stream.
  ///
  /// - Throws: ``ZipError``.
  public func contents(of entry: ZipEntry) throws -> [UInt8] {
    let stream = try open(entry)
    var out: [UInt8] = []
    out.reserveCapacity(min(entry.declaredSize, 1 << 20))
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let n = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }
}

/// A streaming read of one zip entry; owns the `zip_file_t *` and closes it.
///
/// Counts the inflated bytes and stops with a ``ZipError`` as soon as a cap of the archive's
/// ``ZipLimits`` is passed, whatever the directory declared.
///
/// The corresponding C functions are `zip_fopen_index`, `zip_fread` and `zip_fclose`.
public final class ZipEntryStream: XMLByteSource {
  let file: OpaquePointer
  let archive: ZipArchive
  /// The entry being read.
  public let entry: ZipEntry
  /// Bytes inflated so far.
  public private(set) var bytesRead = 0

  init(file: OpaquePointer, archive: ZipArchive, entry: ZipEntry) {
    self.file = file
    self.archive = archive
    self.entry = entry
  }

  deinit {
    zip_fclose(file)
  }

  /// Inflates the next bytes into `buffer`.
  ///
  /// - Returns: how many bytes were written; 0 at the end of the entry.
  /// - Throws: ``ZipError`` (`entryTooLarge`, `totalTooLarge`, `compressionRatioTooHigh`,
  ///   `corrupt`, `truncated`).
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    let limits = archive.limits
    // Never ask for more than one byte past the tightest cap, so a bomb is stopped early.
    let room = min(
      limits.maxEntryBytes - bytesRead, limits.maxTotalBytes - archive.budget.total)
    let request = max(1, min(buffer.count, room + 1))
    let n = zip_fread(file, base, zip_uint64_t(request))
    if n < 0 {
      let code = zip_file_get_error(file).map { zip_error_code_zip($0) } ?? ZIP_ER_INTERNAL
      throw ZipError.libzip(code, function: "zip_fread", entry: entry.name)
    }
    let count = Int(n)
    bytesRead += count
    let total = archive.budget.add(count)
    if bytesRead > limits.maxEntryBytes {
      throw ZipError(
        .entryTooLarge, entry: entry.name,
        message: "\(entry.name) inflates past the limit of \(limits.maxEntryBytes) bytes "
          + "(the archive declares \(entry.declaredSize) bytes)",
        limit: limits.maxEntryBytes)
    }
    if total > limits.maxTotalBytes {
      throw ZipError(
        .totalTooLarge, entry: entry.name,
        message: "the archive inflates past the limit of \(limits.maxTotalBytes) bytes in total "
          + "(reached while reading \(entry.name))",
        limit: limits.maxTotalBytes)
    }
    if bytesRead > limits.ratioGraceBytes,
      bytesRead / max(1, entry.compressedSize) > limits.maxCompressionRatio
    {
      throw ZipError(
        .compressionRatioTooHigh, entry: entry.name,
        message: "\(entry.name) inflates more than \(limits.maxCompressionRatio) times its "
          + "compressed size of \(entry.compressedSize) bytes",
        limit: limits.maxCompressionRatio)
    }
    return count
  }
}

/// A thread-safe count of inflated bytes, shared by the archives that read one file (each
/// thread has its own `zip_t`, since libzip archives are not thread-safe).
public final class ZipByteBudget: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  /// Creates a budget at 0 bytes.
  public init() {}

  /// The bytes counted so far.
  public var total: Int {
    lock.lock()
    defer { lock.unlock() }
    return count
  }

  /// Adds `bytes` and returns the new total.
  public func add(_ bytes: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    count += bytes
    return count
  }
}
