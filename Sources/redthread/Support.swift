import ArgumentParser
import Foundation
import Spreadsheet

/// Prints a located error the same way for every command and exits with a status that says
/// what failed, from BSD's `sysexits.h` (docs/operations.md has the table).
struct CLIFailure: Error, CustomStringConvertible {
  let error: any LocatedError

  init(_ error: any LocatedError) { self.error = error }

  var description: String { "\(error)" }
}

extension CLIFailure {
  /// `EX_DATAERR`: the input named on the command line is unusable.
  static let dataError: Int32 = 65
  /// `EX_NOINPUT`: a file or folder named on the command line does not exist.
  static let noInput: Int32 = 66
  /// `EX_CANTCREAT`: an output file cannot be created.
  static let cannotCreate: Int32 = 73
  /// `EX_IOERR`: a folder or file cannot be read or written during the work.
  static let ioError: Int32 = 74
  /// `EX_TEMPFAIL`: the workspace is busy; try again later.
  static let tryAgain: Int32 = 75
  /// `EX_CONFIG`: the configuration, a reference file or a mapping is broken.
  static let configuration: Int32 = 78

  /// The exit status for an error code.
  static func status(for code: String) -> Int32 {
    switch code {
    case "file-not-found", "config-not-found": return noInput
    case "write-failed", "already-initialised": return cannotCreate
    case "unreadable-file", "workspace-unusable", "move-failed": return ioError
    case "workspace-busy": return tryAgain
    case "invalid-config", "reference-unreadable": return configuration
    case _ where code.hasPrefix("mapping-"): return configuration
    default: return dataError
    }
  }

  /// Writes the error to standard error and returns the exit code for it.
  func report() -> ExitCode {
    FileHandle.standardError.write(Data("redthread: \(error)\n".utf8))
    return ExitCode(Self.status(for: error.code))
  }
}

/// Files shipped with RedThread, found relative to the program.
enum ShippedFiles {
  /// The shipped `mappings/` folder: `REDTHREAD_MAPPINGS`, then `../share/redthread/mappings`
  /// next to the program, then the source tree the program was built in.
  static func mappingsFolder() -> URL? {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment["REDTHREAD_MAPPINGS"] {
      return URL(fileURLWithPath: env)
    }
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
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
}
