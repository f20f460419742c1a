internal import CLibZip

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file a ``ZipWriter`` produces, as a writable libzip source: libzip writes the archive
/// into a temporary file beside the target, and the commit makes it durable and atomic.
///
/// libzip's own file source would do the temporary-file dance too, but it names the file with
/// OpenSSL's random generator (whose set-up alone costs about 2 MiB of memory), does not
/// `fsync` before the rename, and creates the file with mode 0600. Here:
/// - `BEGIN_WRITE` creates `.<name>.XXXXXX.tmp` in the target's folder (`mkstemps`; the
///   pipeline ignores `*.tmp` files) with the usual permissions (0666 less the umask);
/// - `WRITE`, `SEEK_WRITE`, `TELL_WRITE` go through a 32 KiB buffer;
/// - `COMMIT_WRITE` flushes, `fsync`s the file, renames it over the target and `fsync`s the
///   folder, so after a crash the target is either the old file or the complete new one;
/// - `ROLLBACK_WRITE` (any failure inside `zip_close`) and `FREE` remove the temporary file.
///
/// The source never reports an existing archive (`STAT` fails with `ENOENT`), so libzip starts
/// an empty one without reading the old target, which stays untouched until the rename.
///
/// The corresponding C functions are `zip_source_function_create`, `mkstemps`, `write`,
/// `lseek`, `fsync`, `rename` and `unlink`.
final class ZipWriterTarget {
  let path: String
  let folder: String
  private var temporaryPath: String?
  private var descriptor: Int32 = -1
  private let buffer: UnsafeMutableRawPointer
  private let bufferCapacity = 32 * 1024
  private var buffered = 0
  /// The logical write position (file position plus buffered bytes).
  private var position: Int64 = 0
  let error: UnsafeMutablePointer<zip_error_t>

  init(path: String, folder: String) {
    self.path = path
    self.folder = folder
    buffer = UnsafeMutableRawPointer.allocate(byteCount: 32 * 1024, alignment: 16)
    error = UnsafeMutablePointer<zip_error_t>.allocate(capacity: 1)
    zip_error_init(error)
  }

  deinit {
    rollback()
    buffer.deallocate()
    zip_error_fini(error)
    error.deallocate()
  }

  /// A libzip source for this target; libzip owns it from then on (it calls `FREE`).
  func makeSource() -> OpaquePointer? {
    let retained = Unmanaged.passRetained(self)
    var error = zip_error_t()
    zip_error_init(&error)
    defer { zip_error_fini(&error) }
    guard let source = zip_source_function_create(targetCallback, retained.toOpaque(), &error)
    else {
      retained.release()
      return nil
    }
    return source
  }

  // MARK: - Commands

  fileprivate func beginWrite() -> Int64 {
    rollback()
    let base = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init)
    var template = Array((folder + "/." + (base ?? "archive") + ".XXXXXX.tmp").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let name = buffer.baseAddress else { return -1 }
      return mkstemps(name, 4)
    }
    guard fd >= 0 else { return fail(ZIP_ER_TMPOPEN) }
    descriptor = fd
    temporaryPath = template.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map { String(cString: $0) }
    }
    _ = fchmod(fd, mode_t(0o666) & ~Self.umask)
    buffered = 0
    position = 0
    return 0
  }

  fileprivate func write(_ data: UnsafeRawPointer, _ count: Int) -> Int64 {
    guard descriptor >= 0 else { return fail(ZIP_ER_INTERNAL, 0) }
    if buffered + count > bufferCapacity {
      guard flush() else { return fail(ZIP_ER_WRITE) }
    }
    if count >= bufferCapacity {
      guard writeAll(data, count) else { return fail(ZIP_ER_WRITE) }
    } else {
      (buffer + buffered).copyMemory(from: data, byteCount: count)
      buffered += count
    }
    position += Int64(count)
    return Int64(count)
  }

  fileprivate func seekWrite(offset: Int64, whence: Int32) -> Int64 {
    guard descriptor >= 0, flush() else { return fail(ZIP_ER_SEEK) }
    let result = lseek(descriptor, off_t(offset), whence)
    guard result >= 0 else { return fail(ZIP_ER_SEEK) }
    position = Int64(result)
    return 0
  }

  fileprivate func tellWrite() -> Int64 {
    descriptor >= 0 ? position : fail(ZIP_ER_TELL, 0)
  }

  fileprivate func commitWrite() -> Int64 {
    guard descriptor >= 0, let temporaryPath else { return fail(ZIP_ER_INTERNAL, 0) }
    guard flush() else { return fail(ZIP_ER_WRITE) }
    guard fsync(descriptor) == 0 else { return fail(ZIP_ER_WRITE) }
    guard close(descriptor) == 0 else {
      descriptor = -1
      return fail(ZIP_ER_CLOSE)
    }
    descriptor = -1
    guard rename(temporaryPath, path) == 0 else { return fail(ZIP_ER_RENAME) }
    self.temporaryPath = nil
    let directory = open(folder, O_RDONLY)
    if directory >= 0 {
      _ = fsync(directory)
      close(directory)
    }
    return 0
  }

  /// Closes and removes the temporary file, if any.
  fileprivate func rollback() {
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
    if let temporaryPath {
      unlink(temporaryPath)
      self.temporaryPath = nil
    }
    buffered = 0
  }

  private func flush() -> Bool {
    guard buffered > 0 else { return true }
    let ok = writeAll(buffer, buffered)
    buffered = 0
    return ok
  }

  private func writeAll(_ data: UnsafeRawPointer, _ count: Int) -> Bool {
    var done = 0
    while done < count {
      let n = writeToDescriptor(descriptor, data + done, count - done)
      if n < 0 {
        if errno == EINTR { continue }
        return false
      }
      done += n
    }
    return true
  }

  /// Records a libzip error with the current `errno` (or `system`) and returns -1.
  fileprivate func fail(_ code: Int32, _ system: Int32? = nil) -> Int64 {
    zip_error_set(error, code, system ?? errno)
    return -1
  }

  /// The process's file-creation mask, read without changing it (`/proc/self/status`), or
  /// 022 when it cannot be read.
  static let umask: mode_t = {
    guard let file = fopen("/proc/self/status", "r") else { return 0o022 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
      let bytes = line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
      guard bytes.starts(with: Array("Umask:".utf8)) else { continue }
      var mask: mode_t = 0
      for byte in bytes.dropFirst(6) where byte >= 48 && byte <= 55 {
        mask = mask * 8 + mode_t(byte - 48)
      }
      return mask
    }
    return 0o022
  }()

  static let supported: zip_int64_t = {
    let commands: [zip_source_cmd_t] = [
      ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
      ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
      ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE,
      ZIP_SOURCE_WRITE, ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE,
    ]
    return commands.reduce(0) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
  }()
}

/// `write(2)`, out of reach of the method of the same name.
private func writeToDescriptor(_ fd: Int32, _ data: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, data, count)
}

/// The `zip_source_callback` of ``ZipWriterTarget``.
private let targetCallback: zip_source_callback = { userdata, data, length, command in
  guard let userdata else { return -1 }
  let unmanaged = Unmanaged<ZipWriterTarget>.fromOpaque(userdata)
  let target = unmanaged.takeUnretainedValue()
  switch command {
  case ZIP_SOURCE_STAT:
    // No archive exists yet: libzip starts an empty one and never reads the old target.
    zip_error_set(target.error, ZIP_ER_READ, ENOENT)
    return -1
  case ZIP_SOURCE_BEGIN_WRITE:
    return target.beginWrite()
  case ZIP_SOURCE_WRITE:
    guard let data else { return target.fail(ZIP_ER_INVAL, 0) }
    return target.write(data, Int(length))
  case ZIP_SOURCE_SEEK_WRITE:
    guard let data, length >= zip_uint64_t(MemoryLayout<zip_source_args_seek_t>.size) else {
      return target.fail(ZIP_ER_INVAL, 0)
    }
    let args = data.assumingMemoryBound(to: zip_source_args_seek_t.self).pointee
    return target.seekWrite(offset: args.offset, whence: args.whence)
  case ZIP_SOURCE_TELL_WRITE:
    return target.tellWrite()
  case ZIP_SOURCE_COMMIT_WRITE:
    return target.commitWrite()
  case ZIP_SOURCE_ROLLBACK_WRITE:
    target.rollback()
    return 0
  case ZIP_SOURCE_REMOVE:
    return unlink(target.path) == 0 || errno == ENOENT ? 0 : target.fail(ZIP_ER_REMOVE)
  case ZIP_SOURCE_ERROR:
    return zip_error_to_data(target.error, data, length)
  case ZIP_SOURCE_FREE:
    target.rollback()
    unmanaged.release()
    return 0
  case ZIP_SOURCE_SUPPORTS:
    return ZipWriterTarget.supported
  default:
    return target.fail(ZIP_ER_OPNOTSUPP, 0)
  }
}
