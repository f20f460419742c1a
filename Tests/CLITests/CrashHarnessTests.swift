import Foundation
import TestSupport
import Testing

/// The crash-safety and concurrency harness (`Tests/Harness/kill_harness.py`) on the built
/// `redthread`: runs killed with SIGKILL at random points of a 50-file burst, and two `watch`
/// processes with a `run` on one inbox. Each needs python3 with openpyxl (the harness writes
/// the unit workbooks and opens every report with it) and is skipped without.
///
/// CI runs the short forms; `HARNESS_CYCLES=100` and `HARNESS_FILES=200` run the long ones
/// (docs/operations.md has their figures).
@Suite(.serialized) struct CrashHarnessTests {
  static let script = Fixture.repo("Tests/Harness/kill_harness.py").path

  static let hasPythonWithOpenpyxl = ExternalProgram.hasOpenpyxl

  /// Runs the harness and returns its status and output (both streams).
  func harness(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", Self.script] + arguments + ["--binary", Executable.url("redthread").path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test(.enabled(if: hasPythonWithOpenpyxl, "needs python3 with openpyxl"))
  func runsKilledAtRandomPointsLoseNothingAndEndAsACleanRun() throws {
    let cycles = ProcessInfo.processInfo.environment["HARNESS_CYCLES"] ?? "10"
    let result = try harness(["kill", "--cycles", cycles])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("harness: \(cycles) cycles"), "\(result.output)")
    #expect(result.output.contains("0 cycles with faults, 0 faults"), "\(result.output)")
    // The clean run converted, replaced, found the duplicate and rejected what it had to.
    #expect(
      result.output.contains(
        "outcomes {'superseded': 1, 'converted': 44, 'rejected': 4, 'duplicate': 1}"),
      "\(result.output)")
  }

  @Test(.enabled(if: hasPythonWithOpenpyxl, "needs python3 with openpyxl"))
  func twoWatchesAndARunTakeEachFileExactlyOnce() throws {
    let files = ProcessInfo.processInfo.environment["HARNESS_FILES"] ?? "40"
    let result = try harness(["three", "--files", files])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("harness: three processes, \(files) files"), "\(result.output)")
    #expect(result.output.contains(" 0 faults;"), "\(result.output)")
  }
}
