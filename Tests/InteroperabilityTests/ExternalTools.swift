import Foundation

/// The outside programs that check written workbooks: Python with openpyxl, and LibreOffice.
/// Each test is enabled only when its tool is installed, and says so when skipped.
enum ExternalTools {
  /// Runs a program and returns its exit status, standard output and standard error.
  ///
  /// - Parameters:
  ///   - executable: a name looked up in `PATH`, or a path.
  ///   - arguments: the arguments.
  ///   - environment: variables added to the inherited environment.
  ///   - timeout: seconds before the process is terminated.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    timeout: Double = 180
  ) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Read while the process runs, so that a large output cannot fill the pipe and block it.
    let outputData = ReadAll(output.fileHandleForReading)
    let errorData = ReadAll(error.fileHandleForReading)
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outputData.wait(), as: UTF8.self),
      String(decoding: errorData.wait(), as: UTF8.self)
    )
  }

  /// Reads a pipe to its end on a background thread.
  final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    init(_ handle: FileHandle) {
      Thread.detachNewThread { [self] in
        data = handle.readDataToEndOfFile()
        done.signal()
      }
    }
    func wait() -> Data {
      done.wait()
      return data
    }
  }

  /// Whether `python3 -c "import openpyxl"` works.
  static let hasOpenpyxl: Bool = {
    (try? run("python3", ["-c", "import openpyxl"], timeout: 60).status) == 0
  }()

  /// Whether `soffice --version` works.
  static let hasLibreOffice: Bool = {
    (try? run("soffice", ["--version"], timeout: 60).status) == 0
  }()
}
