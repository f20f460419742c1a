public import Foundation
import Spreadsheet

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few system calls the pipeline needs beyond Foundation: a move that never replaces a
/// file, a durable write, and an advisory lock on a file.
enum FileMoves {
  /// What a move did.
  enum MoveResult: Equatable {
    /// The file is at its new name and gone from the old one.
    case moved
    /// The new name exists; nothing changed.
    case exists
    /// Another failure; nothing changed.
    case failed(String)
  }

  /// Moves `from` to `to` unless `to` exists: `link` then `unlink`. Where the file system has
  /// no hard links, a `rename` after checking that the target does not exist (the workspace
  /// lock keeps other RedThread processes out in between).
  static func moveNoReplace(from: String, to: String) -> MoveResult {
    if link(from, to) == 0 {
      if unlink(from) != 0 {
        let message = errorText(errno)
        _ = unlink(to)
        return .failed(message)
      }
      return .moved
    }
    let code = errno
    if code == EEXIST { return .exists }
    if code == EPERM || code == EOPNOTSUPP || code == EMLINK || code == ENOSYS {
      var info = stat()
      if lstat(to, &info) == 0 { return .exists }
      if Foundation.rename(from, to) == 0 { return .moved }
      return .failed(errorText(errno))
    }
    return .failed(errorText(code))
  }

  /// `rename(2)`, replacing `to` (for a temporary file taking its final name).
  static func rename(_ from: String, to: String) throws {
    if Foundation.rename(from, to) != 0 {
      throw PipelineError(.writeFailed, "cannot rename: \(errorText(errno))")
    }
  }

  /// Writes bytes to a new file and flushes them to disk.
  static func writeDurably(_ data: Data, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw PipelineError(.writeFailed, "cannot create: \(errorText(errno))") }
    defer { close(fd) }
    try data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        guard let base = raw.baseAddress else { break }
        let n = write(fd, base + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          throw PipelineError(.writeFailed, "cannot write: \(errorText(errno))")
        }
        offset += n
      }
    }
    if fsync(fd) != 0 { throw PipelineError(.writeFailed, "cannot flush: \(errorText(errno))") }
  }

  static func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}

/// The workspace lock: an exclusive `flock` on `DIR/.redthread.lock`, held by run, watch,
/// reprocess and withdraw for as long as they change the workspace. The kernel releases it
/// when the process ends, however it ends, so a crash never leaves the workspace locked.
public final class WorkspaceLock: @unchecked Sendable {
  let fd: Int32
  /// The lock file.
  public let url: URL

  /// Takes the lock, waiting up to `wait` seconds for another process to release it.
  ///
  /// - Parameters:
  ///   - sleep: waits between tries (injected in tests).
  /// - Throws: ``PipelineError`` `workspace-busy` when another process holds it past the wait;
  ///   `workspace-unusable` when the lock file cannot be opened.
  public init(
    _ workspace: Workspace, wait: Double = 0,
    sleep: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
  ) throws {
    url = workspace.lockFile
    try? FileManager.default.createDirectory(at: workspace.root, withIntermediateDirectories: true)
    fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw PipelineError(
        .workspaceUnusable, "cannot open the lock file: \(FileMoves.errorText(errno))",
        location: SourceLocation(file: url.path))
    }
    var waited = 0.0
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      guard code == EWOULDBLOCK || code == EINTR else {
        close(fd)
        throw PipelineError(
          .workspaceUnusable, "cannot lock the workspace: \(FileMoves.errorText(code))",
          location: SourceLocation(file: url.path))
      }
      if waited >= wait {
        close(fd)
        throw PipelineError(
          .workspaceBusy,
          "another RedThread process is working in this folder"
            + (wait > 0 ? " (waited \(Int(wait)) s)" : "") + "; try again when it is done",
          location: SourceLocation(file: workspace.root.path))
      }
      let step = min(0.1, wait - waited)
      sleep(step)
      waited += step
    }
  }

  /// Releases the lock.
  deinit {
    _ = flock(fd, LOCK_UN)
    close(fd)
  }
}
