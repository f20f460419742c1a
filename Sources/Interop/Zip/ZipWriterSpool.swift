#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Holds the compressed bytes of every entry until `zip_close` copies them into the archive.
///
/// libzip writes nothing before `zip_close`, while the XLSX writer compresses each worksheet as
/// its rows arrive; the spool bridges the two with constant memory. It keeps the first
/// ``memoryLimit`` bytes in memory (a small report never touches the disk) and moves everything
/// to a temporary file once that is exceeded. The file is created in the given folder (the
/// target's folder by default) and unlinked at once, so nothing is left behind even if the
/// process dies.
///
/// The corresponding C functions are `mkstemp`, `unlink`, `write` and `pread`.
final class ZipWriterSpool {
  /// Bytes kept in memory before the spool moves to a file.
  let memoryLimit: Int
  /// Total bytes appended so far; the next append starts at this offset.
  private(set) var size = 0

  private let directory: String
  private var memory: UnsafeMutableRawPointer?
  private var memoryCapacity = 0
  private var fileDescriptor: Int32 = -1

  /// Creates an empty spool.
  ///
  /// - Parameters:
  ///   - directory: the folder for the temporary file, should one be needed.
  ///   - memoryLimit: bytes kept in memory, at most.
  init(directory: String, memoryLimit: Int) {
    self.directory = directory
    self.memoryLimit = memoryLimit
  }

  deinit {
    free(memory)
    if fileDescriptor >= 0 { close(fileDescriptor) }
  }

  /// Whether the spool has moved to a temporary file.
  var isOnDisk: Bool { fileDescriptor >= 0 }

  /// Appends bytes at the end.
  ///
  /// - Throws: ``ZipWriterError`` from `mkstemp` or `write` (e.g. a full disk).
  func append(_ bytes: UnsafeRawBufferPointer) throws {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    if fileDescriptor < 0 && size + bytes.count <= memoryLimit {
      if size + bytes.count > memoryCapacity {
        let capacity = min(memoryLimit, max(size + bytes.count, memoryCapacity * 2, 64 * 1024))
        guard let grown = realloc(memory, capacity) else {
          throw ZipWriterError(
            library: .posix, function: "realloc", code: ENOMEM, message: "out of memory")
        }
        memory = grown
        memoryCapacity = capacity
      }
      guard let memory else { return }
      (memory + size).copyMemory(from: base, byteCount: bytes.count)
      size += bytes.count
      return
    }
    if fileDescriptor < 0 { try moveToFile() }
    try writeAll(base, count: bytes.count)
    size += bytes.count
  }

  /// Copies up to `count` bytes starting at `offset` into `buffer`.
  ///
  /// - Returns: the number of bytes copied (0 at the end), or -1 with `errno` set.
  func read(at offset: Int, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
    let available = min(count, size - offset)
    guard available > 0 else { return 0 }
    if fileDescriptor < 0 {
      guard let memory else { return 0 }
      buffer.copyMemory(from: memory + offset, byteCount: available)
      return available
    }
    while true {
      let n = pread(fileDescriptor, buffer, available, off_t(offset))
      if n < 0 && errno == EINTR { continue }
      return n
    }
  }

  private func moveToFile() throws {
    var template = Array((directory + "/.redthread-spool-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let path = buffer.baseAddress else { return -1 }
      return mkstemp(path)
    }
    guard fd >= 0 else {
      let code = errno
      throw ZipWriterError(
        library: .posix, function: "mkstemp", code: code,
        message: "cannot create a temporary file in '\(directory)': "
          + String(cString: strerror(code)))
    }
    // Unlinked at once: the file lives only as long as the descriptor.
    _ = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { unlink($0) } }
    fileDescriptor = fd
    if let memory, size > 0 { try writeAll(memory, count: size) }
    free(memory)
    memory = nil
    memoryCapacity = 0
  }

  private func writeAll(_ base: UnsafeRawPointer, count: Int) throws {
    var done = 0
    while done < count {
      let n = write(fileDescriptor, base + done, count - done)
      if n < 0 {
        let code = errno
        if code == EINTR { continue }
        throw ZipWriterError(
          library: .posix, function: "write", code: code,
          message: "cannot write the temporary file in '\(directory)': "
            + String(cString: strerror(code)))
      }
      done += n
    }
  }
}
