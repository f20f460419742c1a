import Foundation

/// Programs the tests use from `PATH` (python3 with openpyxl, LibreOffice's `soffice`), run to
/// their end.
public enum ExternalProgram {
  /// Runs `program` with `arguments` through `/usr/bin/env`.
  ///
  /// - Returns: the exit status, standard output and standard error as UTF-8 text.
  /// - Throws: when the program cannot be started.
  public static func run(_ program: String, _ arguments: [String]) throws -> (
    status: Int32, output: String, error: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: out, as: UTF8.self),
      String(decoding: err, as: UTF8.self)
    )
  }

  /// Whether `python3 -c "import openpyxl"` works.
  public static let hasOpenpyxl: Bool = {
    (try? run("python3", ["-c", "import openpyxl"]).status) == 0
  }()

  /// Whether `soffice --version` works.
  public static let hasLibreOffice: Bool = {
    (try? run("soffice", ["--version"]).status) == 0
  }()
}
