import ArgumentParser
import Foundation
import Spreadsheet

/// Prints a located error the same way for every command and exits with the status of the
/// code's category (``Diagnostics/DiagnosticCategory/exitStatus``, following `sysexits.h`).
struct CLIFailure: Error, CustomStringConvertible {
  let error: any LocatedError

  init(_ error: any LocatedError) { self.error = error }

  var description: String { "\(error)" }
}

extension CLIFailure {
  /// Writes the error to standard error and returns the exit code for it.
  func report() -> ExitCode {
    FileHandle.standardError.write(Data("redthread: \(error)\n".utf8))
    return ExitCode(error.category.exitStatus)
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
