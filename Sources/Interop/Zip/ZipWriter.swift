internal import CLibZip
internal import CZlib
internal import WorkQueue

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A compressed entry waiting in the writer's spool, ready to be added to the archive.
package struct ZipSpooledEntry: Hashable, Sendable {
  /// Byte offset of the entry's stored data in the spool.
  package var offset: Int
  /// Length in bytes of the stored (compressed or stored) data.
  package var storedSize: Int
  /// Length in bytes of the uncompressed data.
  package var size: UInt64
  /// CRC-32 of the uncompressed data.
  package var crc: UInt32
  /// Whether the stored data is a raw deflate stream (`ZIP_CM_DEFLATE`) rather than the bytes
  /// themselves (`ZIP_CM_STORE`).
  package var isDeflated: Bool
}

/// Writes a zip archive with byte-identical output for identical input, through libzip.
///
/// Entry data is streamed in with ``beginEntry()``, ``write(_:)`` and ``endEntry()``, and is
/// compressed as it arrives (on worker threads, see `ParallelDeflate`) into a spool: memory
/// first, then an unlinked temporary file. ``add(name:entry:)`` then adds a spooled entry
/// under a name, in the order the archive should list them, and ``close()`` has libzip write
/// the archive. libzip writes nothing before `zip_close`; it then writes, through
/// `ZipWriterTarget`, a temporary file beside the target (`.<name>.XXXXXX.tmp`), `fsync`s it
/// and renames it over the target only when everything succeeded, so a failed or abandoned
/// writer leaves no file behind and an existing target untouched, and a crash leaves either
/// the old file or the whole new one.
///
/// Reproducible bytes: entries appear in the order added, every entry's modification time is
/// 1980-01-01 00:00 (the earliest MS-DOS time, in local time as libzip converts it), one
/// compression method and level are used throughout, and the compressed stream depends only
/// on the data. The compressed data is handed to libzip as already compressed: the source
/// reports `ZIP_CM_DEFLATE` with its sizes and CRC in `ZIP_SOURCE_STAT`, which is how libzip
/// copies entries between archives without recompressing them.
///
/// The corresponding C functions are `zip_open_from_source`, `zip_source_function`,
/// `zip_file_add`,
/// `zip_set_file_compression`, `zip_file_set_mtime`, `zip_close` and `zip_discard`
/// (<https://libzip.org/documentation/>).
package final class ZipWriter {
  /// The archive's path, as given.
  package let path: String
  /// 0 (stored) or a deflate level from 1 (fastest) to 9 (smallest).
  package let compressionLevel: Int

  private var archive: OpaquePointer?
  private let spool: ZipWriterSpool
  private let deflate: ParallelDeflate?
  private var entryOffset = 0
  private var storedCRC: uLong = 0
  private var storedSize: UInt64 = 0
  private var inEntry = false
  private let modificationTime: time_t

  /// Starts a new archive for `path` (nothing is written before ``close()``).
  ///
  /// - Parameters:
  ///   - path: the archive to create or replace.
  ///   - compressionLevel: 0 stores; 1...9 deflates (6 is zlib's default balance).
  ///   - compressionThreads: worker threads for deflate; `nil` uses one per processor:
  ///     deflate costs about four times what producing the XML does, so the caller's thread
  ///     spends most of its time waiting for a free chunk, and every core compresses.
  ///   - spoolDirectory: where a temporary spool file goes if needed; `nil` uses the
  ///     archive's own folder.
  ///   - spoolMemoryLimit: compressed bytes kept in memory before spooling to a file.
  /// - Throws: ``ZipWriterError`` when the level is out of range, the folder is missing or
  ///   not writable, or `zip_open_from_source` fails.
  package init(
    path: String, compressionLevel: Int = 6, compressionThreads: Int? = nil,
    spoolDirectory: String? = nil, spoolMemoryLimit: Int = 64 * 1024
  ) throws {
    guard (0...9).contains(compressionLevel) else {
      throw ZipWriterError(
        library: .zlib, function: "deflateInit2", code: Z_STREAM_ERROR,
        message: "compression level \(compressionLevel) is not in 0...9")
    }
    self.path = path
    self.compressionLevel = compressionLevel
    let folder = spoolDirectory ?? Self.folder(of: path)
    try Self.checkWritableFolder(folder)
    try Self.checkWritableFolder(Self.folder(of: path))
    if Self.isFolder(path) {
      throw ZipWriterError(
        library: .posix, function: "open", code: EISDIR, message: "'\(path)' is a folder")
    }
    spool = ZipWriterSpool(directory: folder, memoryLimit: spoolMemoryLimit)
    if compressionLevel > 0 {
      let workers = compressionThreads ?? WorkerThread.processorCount
      // 128 KiB chunks (pigz's size): the compressed stream stays within 0.1 % of one
      // stream's size, the 32 KiB preset dictionary costs little per chunk, and at most
      // workers + 1 chunks (of about 290 KiB with their output and dictionary) are held.
      deflate = ParallelDeflate(
        level: compressionLevel, workers: workers, chunkSize: 128 * 1024, spool: spool)
    } else {
      deflate = nil
    }
    modificationTime = Self.dosEpoch()
    let target = ZipWriterTarget(path: path, folder: Self.folder(of: path))
    guard let source = target.makeSource() else {
      deflate?.shutdown()
      throw Self.libzipError(function: "zip_source_function_create", code: ZIP_ER_MEMORY)
    }
    var error = zip_error_t()
    zip_error_init(&error)
    defer { zip_error_fini(&error) }
    guard let archive = zip_open_from_source(source, ZIP_CREATE | ZIP_TRUNCATE, &error) else {
      zip_source_free(source)
      deflate?.shutdown()
      throw Self.libzipError(function: "zip_open_from_source", code: zip_error_code_zip(&error))
    }
    self.archive = archive
  }

  deinit {
    deflate?.shutdown()
    if let archive { zip_discard(archive) }
  }

  /// Starts streaming the data of a new entry.
  ///
  /// - Throws: ``ZipWriterError`` when an entry is already open or the archive is closed.
  package func beginEntry() throws {
    guard archive != nil, !inEntry else { throw Self.misuse("an entry is already open") }
    inEntry = true
    entryOffset = spool.size
    storedCRC = 0
    storedSize = 0
    deflate?.begin()
  }

  /// Appends data to the open entry; it is compressed as it arrives.
  ///
  /// - Throws: ``ZipWriterError`` from zlib or when the spool cannot be written.
  package func write(_ bytes: UnsafeRawBufferPointer) throws {
    guard inEntry else { throw Self.misuse("no entry is open") }
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    if let deflate {
      try deflate.write(base, count: bytes.count)
    } else {
      storedCRC = crc32(storedCRC, base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
      storedSize += UInt64(bytes.count)
      try spool.append(bytes)
    }
  }

  /// Ends the open entry.
  ///
  /// - Returns: where its data lies in the spool, to pass to ``add(name:entry:)``.
  /// - Throws: ``ZipWriterError`` from zlib or the spool.
  package func endEntry() throws -> ZipSpooledEntry {
    guard inEntry else { throw Self.misuse("no entry is open") }
    inEntry = false
    if let deflate {
      let (crc, size) = try deflate.finish()
      return ZipSpooledEntry(
        offset: entryOffset, storedSize: spool.size - entryOffset, size: size, crc: crc,
        isDeflated: true)
    }
    return ZipSpooledEntry(
      offset: entryOffset, storedSize: spool.size - entryOffset, size: storedSize,
      crc: UInt32(truncatingIfNeeded: storedCRC), isDeflated: false)
  }

  /// Streams a whole entry from memory: ``beginEntry()``, ``write(_:)``, ``endEntry()``.
  package func spool(_ bytes: [UInt8]) throws -> ZipSpooledEntry {
    try beginEntry()
    try bytes.withUnsafeBytes { try write($0) }
    return try endEntry()
  }

  /// Spools an entry copied from another archive as it lies there, without compressing it
  /// again: the new archive holds exactly the same stored bytes, size and CRC.
  ///
  /// - Parameter raw: a value from ``ZipArchive/rawContents(of:)``.
  /// - Returns: where its data lies in the spool, to pass to ``add(name:entry:)``.
  /// - Throws: ``ZipWriterError`` when an entry is open or the spool cannot be written.
  package func spool(raw: ZipRawEntry) throws -> ZipSpooledEntry {
    guard archive != nil, !inEntry else { throw Self.misuse("an entry is open") }
    let offset = spool.size
    try raw.data.withUnsafeBytes { try spool.append($0) }
    return ZipSpooledEntry(
      offset: offset, storedSize: raw.data.count, size: raw.size, crc: raw.crc,
      isDeflated: raw.isDeflated)
  }

  /// Adds a spooled entry to the archive under `name`; entries appear in the order added.
  ///
  /// - Parameters:
  ///   - name: the entry name, UTF-8, `/`-separated, e.g. `xl/workbook.xml`.
  ///   - entry: a value returned by ``endEntry()`` of this writer.
  /// - Throws: ``ZipWriterError`` from `zip_source_function`, `zip_file_add` (e.g. a
  ///   duplicate name), `zip_set_file_compression` or `zip_file_set_mtime`.
  package func add(name: String, entry: ZipSpooledEntry) throws {
    guard let archive else { throw Self.misuse("the archive is closed") }
    let box = SpooledZipSource(spool: spool, entry: entry, modificationTime: modificationTime)
    let retained = Unmanaged.passRetained(box)
    guard let source = zip_source_function(archive, spooledSourceCallback, retained.toOpaque())
    else {
      retained.release()
      throw archiveError(function: "zip_source_function")
    }
    let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
    guard index >= 0 else {
      let error = archiveError(function: "zip_file_add")
      zip_source_free(source)
      throw error
    }
    if !entry.isDeflated {
      guard zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0) == 0 else {
        throw archiveError(function: "zip_set_file_compression")
      }
    }
    guard zip_file_set_mtime(archive, zip_uint64_t(index), modificationTime, 0) == 0 else {
      throw archiveError(function: "zip_file_set_mtime")
    }
  }

  /// Writes the archive: libzip copies every entry from the spool into a temporary file
  /// beside the target, which is made durable and renamed over the target.
  ///
  /// - Throws: ``ZipWriterError`` from `zip_close` (e.g. the disk is full or the folder is
  ///   read-only); the archive is then discarded and no file is left behind.
  package func close() throws {
    guard let archive else { throw Self.misuse("the archive is already closed") }
    guard !inEntry else { throw Self.misuse("an entry is still open") }
    deflate?.shutdown()
    if zip_close(archive) != 0 {
      let error = archiveError(function: "zip_close")
      zip_discard(archive)
      self.archive = nil
      throw error
    }
    self.archive = nil
  }

  /// Abandons the archive: nothing is written and an existing file at the path is untouched.
  package func discard() {
    deflate?.shutdown()
    if let archive { zip_discard(archive) }
    archive = nil
  }

  // MARK: - Helpers

  private func archiveError(function: String) -> ZipWriterError {
    guard let archive, let error = zip_get_error(archive) else {
      return Self.misuse("the archive is closed")
    }
    let message = zip_error_strerror(error).map { String(cString: $0) } ?? "unknown error"
    return ZipWriterError(
      library: .libzip, function: function, code: zip_error_code_zip(error), message: message)
  }

  private static func libzipError(function: String, code: Int32) -> ZipWriterError {
    var error = zip_error_t()
    zip_error_init_with_code(&error, code)
    defer { zip_error_fini(&error) }
    let message = zip_error_strerror(&error).map { String(cString: $0) } ?? "unknown error"
    return ZipWriterError(library: .libzip, function: function, code: code, message: message)
  }

  private static func misuse(_ message: String) -> ZipWriterError {
    ZipWriterError(library: .libzip, function: "ZipWriter", code: ZIP_ER_INVAL, message: message)
  }

  private static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  private static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  private static func checkWritableFolder(_ folder: String) throws {
    guard isFolder(folder) else {
      throw ZipWriterError(
        library: .posix, function: "stat", code: ENOENT, message: "no folder '\(folder)'")
    }
    guard access(folder, W_OK) == 0 else {
      let code = errno
      throw ZipWriterError(
        library: .posix, function: "access", code: code,
        message: "cannot write in '\(folder)': " + String(cString: strerror(code)))
    }
  }

  /// 1980-01-01 00:00 in local time: libzip converts modification times to MS-DOS fields with
  /// `localtime`, so this gives the same bytes in every time zone.
  private static func dosEpoch() -> time_t {
    var fields = tm()
    fields.tm_year = 80
    fields.tm_mon = 0
    fields.tm_mday = 1
    fields.tm_isdst = -1
    return mktime(&fields)
  }
}

/// The state behind one `zip_source_function`: a spooled entry and a read position.
private final class SpooledZipSource {
  let spool: ZipWriterSpool
  let entry: ZipSpooledEntry
  let modificationTime: time_t
  var position = 0
  let error: UnsafeMutablePointer<zip_error_t>

  init(spool: ZipWriterSpool, entry: ZipSpooledEntry, modificationTime: time_t) {
    self.spool = spool
    self.entry = entry
    self.modificationTime = modificationTime
    error = UnsafeMutablePointer<zip_error_t>.allocate(capacity: 1)
    zip_error_init(error)
  }

  deinit {
    zip_error_fini(error)
    error.deallocate()
  }
}

/// The `zip_source_callback` for spooled entries: libzip calls it inside `zip_close`.
private let spooledSourceCallback: zip_source_callback = { userdata, data, length, command in
  guard let userdata else { return -1 }
  let unmanaged = Unmanaged<SpooledZipSource>.fromOpaque(userdata)
  let source = unmanaged.takeUnretainedValue()
  switch command {
  case ZIP_SOURCE_OPEN:
    source.position = 0
    return 0
  case ZIP_SOURCE_READ:
    guard let data else {
      zip_error_set(source.error, ZIP_ER_INVAL, 0)
      return -1
    }
    let wanted = min(Int(clamping: length), source.entry.storedSize - source.position)
    let n = source.spool.read(
      at: source.entry.offset + source.position, into: data, count: wanted)
    if n < 0 {
      zip_error_set(source.error, ZIP_ER_READ, errno)
      return -1
    }
    source.position += n
    return zip_int64_t(n)
  case ZIP_SOURCE_CLOSE:
    return 0
  case ZIP_SOURCE_STAT:
    guard let data, length >= zip_uint64_t(MemoryLayout<zip_stat_t>.size) else {
      zip_error_set(source.error, ZIP_ER_INVAL, 0)
      return -1
    }
    let stat = data.assumingMemoryBound(to: zip_stat_t.self)
    zip_stat_init(stat)
    let entry = source.entry
    stat.pointee.valid = zip_uint64_t(
      ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_MTIME
        | ZIP_STAT_ENCRYPTION_METHOD)
    stat.pointee.size = entry.size
    stat.pointee.comp_size = zip_uint64_t(entry.storedSize)
    stat.pointee.comp_method = zip_uint16_t(entry.isDeflated ? ZIP_CM_DEFLATE : ZIP_CM_STORE)
    stat.pointee.encryption_method = zip_uint16_t(ZIP_EM_NONE)
    stat.pointee.crc = entry.crc
    stat.pointee.mtime = source.modificationTime
    return zip_int64_t(MemoryLayout<zip_stat_t>.size)
  case ZIP_SOURCE_ERROR:
    return zip_error_to_data(source.error, data, length)
  case ZIP_SOURCE_FREE:
    unmanaged.release()
    return 0
  case ZIP_SOURCE_SUPPORTS:
    return clibzip_supports_readable()
  default:
    zip_error_set(source.error, ZIP_ER_OPNOTSUPP, 0)
    return -1
  }
}
