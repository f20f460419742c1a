import Foundation
import TestSupport
import Testing

/// `redthread init` as the README runs it: through `PATH`.
@Suite struct InitCommandTests {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redthread-init-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Runs `redthread ARGS` through a shell that finds the program in `PATH` only, so that
  /// `argv[0]` is the bare word `redthread`.
  static func throughPath(_ arguments: [String], in dir: URL) throws -> Run {
    let folder = Executable.url("redthread").deletingLastPathComponent().path
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = folder + ":/usr/bin:/bin"
    environment["REDTHREAD_MAPPINGS"] = nil
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "exec redthread \"$@\"", "sh"] + arguments
    process.currentDirectoryURL = dir
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  static func files(under url: URL) -> Set<String> {
    let fm = FileManager.default
    var out: Set<String> = []
    let walker = fm.enumerator(at: url, includingPropertiesForKeys: nil)
    while let item = walker?.nextObject() as? URL {
      var isFolder: ObjCBool = false
      if fm.fileExists(atPath: item.path, isDirectory: &isFolder), !isFolder.boolValue {
        out.insert(String(item.path.dropFirst(url.path.count + 1)))
      }
    }
    return out
  }

  @Test func initThroughPathCopiesTheShippedMappings() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try Self.throughPath(["init", "X", "--period", "2026-Q3"], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let shipped = Self.files(under: Fixture.repo("mappings")).filter { $0.hasSuffix(".yaml") }
    let copied = Self.files(under: dir.appendingPathComponent("X/mappings"))
    #expect(!shipped.isEmpty && copied == shipped)
    #expect(result.stdout.contains("Copied \(shipped.count) mapping files into X/mappings."))
  }

  @Test func theRegisterUsesAKommunkodNotRiketsCode() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try Self.throughPath(
      ["init", "X", "--period", "2026-Q3", "--municipality", "hofors"], in: dir)
    #expect(result.status == 0)
    let units = try String(
      contentsOf: dir.appendingPathComponent("X/reference/units.yaml"), encoding: .utf8)
    #expect(units.contains("municipality: { id: hofors, name: hofors, code: \"2104\" }"))
    #expect(!units.contains("\"0000\""))
    let other = try Self.throughPath(
      ["init", "Y", "--period", "2026-Q3", "--municipality-code", "0180"], in: dir)
    #expect(other.status == 0)
    let stockholm = try String(
      contentsOf: dir.appendingPathComponent("Y/reference/units.yaml"), encoding: .utf8)
    #expect(stockholm.contains("code: \"0180\""))
  }

  @Test func updateCompletesAWorkspaceAndTouchesNothingThere() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fm = FileManager.default
    #expect(try Self.throughPath(["init", "X", "--period", "2026-Q3"], in: dir).status == 0)
    let root = dir.appendingPathComponent("X")
    // The controller edits the configuration and a mapping, and loses a folder, a reference
    // file and two mapping files.
    let config = root.appendingPathComponent("redthread.yaml")
    try Data("board: bun\nperiod: 2026-T2\n".utf8).write(to: config)
    let edited = root.appendingPathComponent("mappings/arbetsplan-grundskola.yaml")
    try Data("# ours\n".utf8).write(to: edited)
    try fm.removeItem(at: root.appendingPathComponent("rejected"))
    try fm.removeItem(at: root.appendingPathComponent("reference/national-goals.yaml"))
    try fm.removeItem(at: root.appendingPathComponent("mappings/kolada-values.yaml"))
    let shared = try #require(
      fm.contentsOfDirectory(atPath: root.appendingPathComponent("mappings/shared").path)
        .first)
    try fm.removeItem(at: root.appendingPathComponent("mappings/shared/\(shared)"))

    let again = try Self.throughPath(["init", "X", "--period", "2026-Q3"], in: dir)
    #expect(again.status == 73)
    #expect(again.stderr.contains("[already-initialised]"))

    let update = try Self.throughPath(["init", "X", "--period", "2026-Q3", "--update"], in: dir)
    #expect(update.status == 0, "\(update.stderr)")
    #expect(update.stdout.contains("Copied 2 mapping files into X/mappings."))
    #expect(fm.fileExists(atPath: root.appendingPathComponent("rejected").path))
    #expect(
      fm.fileExists(atPath: root.appendingPathComponent("reference/national-goals.yaml").path))
    #expect(fm.fileExists(atPath: root.appendingPathComponent("mappings/kolada-values.yaml").path))
    #expect(fm.fileExists(atPath: root.appendingPathComponent("mappings/shared/\(shared)").path))
    #expect(try String(contentsOf: config, encoding: .utf8) == "board: bun\nperiod: 2026-T2\n")
    #expect(try String(contentsOf: edited, encoding: .utf8) == "# ours\n")

    let nothing = try Self.throughPath(["init", "X", "--period", "2026-Q3", "--update"], in: dir)
    #expect(nothing.stdout.hasPrefix("Nothing was missing in X."))
  }
}
