import Foundation
import Testing

/// Golden files under `Tests/Fixtures/golden/<suite>/<name>`: the expected output of a
/// deterministic producer, compared byte for byte.
///
/// Run with `RECORD_GOLDENS=1` to write the current output as the new golden; a recording run
/// records an issue so that it never passes by accident.
public enum Golden {
  /// The golden file's location.
  public static func url(suite: String, name: String) -> URL {
    Fixture.url("golden/\(suite)/\(name)")
  }

  /// Compares `actual` with the golden file, or records it when `RECORD_GOLDENS=1`.
  public static func check(
    _ actual: Data, suite: String, name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = url(suite: suite, name: name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
      try? FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? actual.write(to: url)
      Issue.record("recorded golden \(suite)/\(name)", sourceLocation: sourceLocation)
      return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
      Issue.record(
        "missing golden \(suite)/\(name): run with RECORD_GOLDENS=1", sourceLocation: sourceLocation
      )
      return
    }
    if expected != actual {
      let text = String(decoding: actual, as: UTF8.self)
      let want = String(decoding: expected, as: UTF8.self)
      let firstDifference = zip(
        text.split(separator: "\n", omittingEmptySubsequences: false),
        want.split(separator: "\n", omittingEmptySubsequences: false)
      ).enumerated()
        .first { $0.element.0 != $0.element.1 }
      var detail = "golden \(suite)/\(name) differs (\(actual.count) bytes vs \(expected.count))"
      if let d = firstDifference {
        detail += " at line \(d.offset + 1):\n  got:  \(d.element.0)\n  want: \(d.element.1)"
      }
      Issue.record(Comment(rawValue: detail), sourceLocation: sourceLocation)
    }
  }

  /// Compares text with the golden file.
  public static func check(
    _ actual: String, suite: String, name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    check(Data(actual.utf8), suite: suite, name: name, sourceLocation: sourceLocation)
  }
}

/// Runs a program built by this package (`redthread`).
public enum Executable {
  /// The result of a run.
  public struct Result: Sendable {
    /// Exit status.
    public var status: Int32
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String
  }

  /// The built product next to the running test bundle.
  public static func url(_ product: String) -> URL {
    let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for dir in [bundleDir, bundleDir.deletingLastPathComponent()] {
      let candidate = dir.appendingPathComponent(product)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return Fixture.root.appendingPathComponent(".build/debug/\(product)")
  }

  /// Runs a product with arguments in a working folder and waits for it.
  public static func run(
    _ product: String, _ arguments: [String], in directory: URL? = nil,
    environment: [String: String] = [:]
  ) throws -> Result {
    let process = Process()
    process.executableURL = url(product)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
