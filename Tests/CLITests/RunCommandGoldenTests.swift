import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// End to end: the built `redthread` on a fresh copy of the sample municipality, compared with
/// golden files: what it prints, the report workbook byte for byte, and the canonical JSON.
@Suite struct RunCommandGoldenTests {
  static func sampleWorkspace() throws -> URL {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("redthread-cli-\(UUID().uuidString)")
    try fm.createDirectory(at: root, withIntermediateDirectories: true)
    let ws = root.appendingPathComponent("demo")
    try fm.copyItem(at: Fixture.repo("samples/hofors"), to: ws)
    try fm.copyItem(at: Fixture.repo("mappings"), to: ws.appendingPathComponent("mappings"))
    return root
  }

  @Test func demoRunMatchesGoldens() throws {
    let root = try Self.sampleWorkspace()
    let result = try Executable.run(
      "redthread", ["run", "demo", "--as-of", "2026-10-15"], in: root)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    Golden.check(result.stdout, suite: "CLITests", name: "run-demo.stdout.txt")
    let report = root.appendingPathComponent(
      "demo/reports/2026-Q3/uppfoljning-bun-2026-Q3-v1.xlsx")
    let bytes = try Data(contentsOf: report)
    Golden.check(bytes, suite: "CLITests", name: "uppfoljning-bun-2026-Q3.xlsx")
    let json = try Data(
      contentsOf: root.appendingPathComponent("demo/reports/2026-Q3/dataset.json"))
    Golden.check(json, suite: "CLITests", name: "dataset.json")
    // The red thread as a page beside the workbook.
    let page = try String(
      contentsOf: root.appendingPathComponent("demo/reports/2026-Q3/rod-trad-bun-2026-Q3.html"),
      encoding: .utf8)
    #expect(page.contains("<html lang=\"sv\">") && page.contains("Utan koppling"))
    #expect(page.contains("✗ Ej uppnått") && !page.contains("https://"))

    // A second pass over an empty inbox writes nothing: version 1 stands.
    let again = try Executable.run(
      "redthread", ["run", "demo", "--as-of", "2026-10-15", "--quiet"], in: root)
    #expect(again.status == 0)
    #expect(again.stdout == "demo/reports/2026-Q3/uppfoljning-bun-2026-Q3-v1.xlsx\n")
    #expect(try Data(contentsOf: report) == bytes)
    let folder = root.appendingPathComponent("demo/reports/2026-Q3").path
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
        "dataset.json", "rod-trad-bun-2026-Q3.html", "uppfoljning-bun-2026-Q3-v1.xlsx",
      ])
  }

  @Test func droppingTheSameFileAgainIsADuplicate() throws {
    let root = try Self.sampleWorkspace()
    let ws = root.appendingPathComponent("demo")
    let name = "Arbetsplan Petreskolan kvartal 3 2026.xlsx"
    let copy = try Data(contentsOf: ws.appendingPathComponent("inbox/\(name)"))
    _ = try Executable.run("redthread", ["run", "demo", "--quiet"], in: root)
    try copy.write(to: ws.appendingPathComponent("inbox/\(name)"))
    let second = try Executable.run("redthread", ["run", "demo"], in: root)
    #expect(second.stdout.contains("duplicate  \(name) (same bytes as '\(name)'"))
  }

  @Test func brokenConfigurationNamesLineAndColumn() throws {
    let root = try Self.sampleWorkspace()
    let config = root.appendingPathComponent("demo/redthread.yaml")
    try Data("board: bun\nperiod: 2026-Q3\nmapings: [mappings]\n".utf8).write(to: config)
    let result = try Executable.run("redthread", ["run", "demo"], in: root)
    #expect(result.status == 78)  // EX_CONFIG
    #expect(
      result.stderr
        == "redthread: demo/redthread.yaml:3:1: error: unknown key 'mapings'; did you mean "
        + "'mappings'? [invalid-config]\n")
  }

  @Test func aFileForAnotherPeriodIsNamedAsSuch() throws {
    let root = try Self.sampleWorkspace()
    let stray = root.appendingPathComponent("stray")
    try SampleVariant.unitPlans(quarter: 2, into: stray, except: ["Förskoleområde"])
    let name = "Arbetsplan Petreskolan kvartal 2 2026.xlsx"
    try FileManager.default.moveItem(
      at: stray.appendingPathComponent(name),
      to: root.appendingPathComponent("demo/inbox/\(name)"))
    let result = try Executable.run("redthread", ["run", "demo"], in: root)
    #expect(result.status == 0)
    let lines = result.stdout.components(separatedBy: "\n")
    let index = try #require(lines.firstIndex { $0.hasPrefix("archived   \(name) (") })
    #expect(lines[index] == "archived   \(name) (27 records)")  // the warning is no mapping note
    #expect(
      lines[index + 1]
        == "           wrong period: the file is for kvartal 2 2026, not kvartal 3 2026; "
        + "stored under kvartal 2 2026, not counted in this report")
    #expect(result.stdout.contains("[wrong-period]"))
  }

  @Test func exitStatusSaysWhatFailed() throws {
    let root = try Self.sampleWorkspace()
    let missing = try Executable.run("redthread", ["run", "no-such-folder"], in: root)
    #expect(missing.status == 66)  // EX_NOINPUT
    let usage = try Executable.run(
      "redthread", ["export", "demo", "--period", "kvartal fem"], in: root)
    #expect(usage.status == 64)  // EX_USAGE
    #expect(usage.stderr.contains("The value 'kvartal fem' is invalid for '--period <period>'"))
  }

  @Test func aSecondProcessExitsWorkspaceBusy() throws {
    let root = try Self.sampleWorkspace()
    let lockPath = root.appendingPathComponent("demo/.redthread.lock").path
    let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
    #expect(fd >= 0)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX) == 0)
    let busy = try Executable.run("redthread", ["run", "demo", "--quiet"], in: root)
    #expect(busy.status == 75)
    #expect(busy.stderr.hasSuffix("[workspace-busy]\n"))
    let inbox = try FileManager.default.contentsOfDirectory(
      atPath: root.appendingPathComponent("demo/inbox").path)
    #expect(inbox.count == 11, "nothing was taken")
    _ = flock(fd, LOCK_UN)
    let free = try Executable.run("redthread", ["run", "demo", "--quiet"], in: root)
    #expect(free.status == 0)
  }
}
