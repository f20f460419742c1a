import ArgumentParser
import Foundation
import Mapping
import Spreadsheet

/// The one place the command line prints an error: `redthread: location: error: message
/// [code]` on standard error, and the exit status of the code's category
/// (``Diagnostics/DiagnosticCategory/exitStatus``, following `sysexits.h`).
enum ErrorPrinter {
  /// The error as printed: `location: error: message [code]` in compiler style, with a
  /// mapping error's key path and hint on the lines below.
  static func text(_ error: any LocatedError) -> String {
    guard let mapping = error as? MappingError else { return "\(error)" }
    var text = "\(mapping.location.map { "\($0): " } ?? "")error: \(mapping.message) "
    text += "[\(mapping.code)]"
    if let key = mapping.keyPath { text += "\n  key: \(key)" }
    if let hint = mapping.hint { text += "\n  hint: \(hint)" }
    return text
  }

  /// Writes the error to standard error; `redthread: ` first when it stops the command, none
  /// in a list of findings (`mapping check`), so that each line starts with its location.
  static func print(_ error: any LocatedError, stopping: Bool = true) {
    let line = (stopping ? "redthread: " : "") + text(error) + "\n"
    FileHandle.standardError.write(Data(line.utf8))
  }

  /// The exit status for the error.
  static func exitCode(_ error: any LocatedError) -> ExitCode {
    ExitCode(error.category.exitStatus)
  }
}

/// A command's input that is not there: a file or folder named on the command line.
struct InputError: LocatedError {
  let code: String
  let location: SourceLocation?
  let message: String

  /// `file-not-found` for a path that does not exist.
  static func missing(_ path: String, what: String = "file or folder") -> InputError {
    InputError(
      code: DiagnosticCode.fileNotFound.id, location: SourceLocation(file: path),
      message: "no such \(what)")
  }

  /// Throws `file-not-found` unless every path exists.
  static func requireExisting(_ paths: [String]) throws {
    for path in paths where !FileManager.default.fileExists(atPath: path) {
      throw missing(path)
    }
  }
}

/// A command's output that cannot be written: `write-failed`, exit status 73.
struct OutputError: LocatedError {
  let code = DiagnosticCode.writeFailed.id
  let location: SourceLocation?
  let message: String

  /// Writes `data` to `path` whole (a temporary file beside it, then renamed), creating the
  /// folders above it; a failure is a located `write-failed` error.
  static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
    } catch {
      let reason =
        (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" }
        ?? error.localizedDescription
      throw OutputError(
        location: SourceLocation(file: path), message: "cannot write the file: \(reason)")
    }
  }
}

/// Files shipped with RedThread, found relative to the program.
enum ShippedFiles {
  /// The shipped `mappings/` folder: `REDTHREAD_MAPPINGS`, then `../share/redthread/mappings`
  /// next to the program, then the source tree the program was built in (up to four folders
  /// above it).
  ///
  /// The program is found through its real path (``executablePath()``), so a `redthread`
  /// called through `PATH` or a symbolic link finds the mappings beside its real file.
  static func mappingsFolder() -> URL? {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment["REDTHREAD_MAPPINGS"] {
      return URL(fileURLWithPath: env)
    }
    guard let exe = executablePath() else { return nil }
    var candidates = [
      exe.deletingLastPathComponent().appendingPathComponent("../share/redthread/mappings")
    ]
    var dir = exe.deletingLastPathComponent()
    for _ in 0..<4 {
      dir = dir.deletingLastPathComponent()
      candidates.append(dir.appendingPathComponent("mappings"))
    }
    return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent(".").path) }?
      .standardizedFileURL
  }

  /// The running program's real path, symbolic links resolved: `/proc/self/exe` on Linux,
  /// else `argv[0]` — looked up in `PATH` when it names no folder.
  static func executablePath() -> URL? {
    let fm = FileManager.default
    if let linked = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: linked)
    }
    let name = CommandLine.arguments.first ?? "redthread"
    if name.contains("/") {
      return URL(fileURLWithPath: name).resolvingSymlinksInPath()
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if fm.isExecutableFile(atPath: candidate.path) {
        return candidate.resolvingSymlinksInPath()
      }
    }
    return nil
  }
}
