import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Every command exits with the status of its error's category, following `sysexits.h`:
/// 64 usage, 65 bad input data, 66 no such input, 73 cannot create output, 78 configuration.
@Suite struct ExitStatusTests {
  static let mapping = Fixture.repo("mappings/arbetsplan-grundskola.yaml").path
  static let workbook = Fixture.repo(
    "samples/hofors/inbox/Arbetsplan Åsens skola kvartal 3 2026.xlsx"
  ).path

  /// A folder with a damaged workbook (`bad.xlsx`, not a zip), a binary file named `.csv`, a
  /// broken mapping, a workspace whose configuration is broken and one that is fine.
  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redthread-exit-\(UUID().uuidString)")
    let fm = FileManager.default
    try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    try Data("hello".utf8).write(to: dir.appendingPathComponent("bad.xlsx"))
    try Data("%PDF-1.4\n%\u{E2}\u{E3}\n".utf8).write(to: dir.appendingPathComponent("bad.csv"))
    try Data("mapping: [unclosed\n".utf8).write(to: dir.appendingPathComponent("broken.yaml"))
    for name in ["broken-ws", "ws"] {
      let ws = dir.appendingPathComponent(name)
      try fm.createDirectory(at: ws, withIntermediateDirectories: true)
      let config = name == "ws" ? "board: bun\nperiod: 2026-Q3\n" : "board: bun\nperiod: Q9\n"
      try Data(config.utf8).write(to: ws.appendingPathComponent("redthread.yaml"))
    }
    return dir
  }

  /// (arguments, expected status) for each command.
  static let cases: [([String], Int32)] = [
    // inspect
    (["inspect", "missing.xlsx"], 66), (["inspect", "bad.xlsx"], 65),
    (["inspect", "--format", "json", "bad.xlsx"], 65), (["inspect", "bad.csv"], 65),
    (["inspect", "--explain", "missing.csv"], 66), (["inspect", "--format", "yaml", "x"], 64),
    // export
    (["export", "missing.xlsx", "--mapping", mapping], 66),
    (["export", "bad.xlsx", "--mapping", mapping], 65),
    (["export", "bad.xlsx", "--mapping", "missing.yaml"], 66),
    (["export", "bad.xlsx", "--mapping", "broken.yaml"], 78),
    (
      ["export", workbook, "--mapping", mapping, "--format", "json", "--out", "bad.xlsx/x.json"], 73
    ),
    (["export", "ws", "--dialect", "excel-fr"], 64),
    // mapping check, explain, infer
    (["mapping", "check", "missing.yaml"], 66), (["mapping", "check", "broken.yaml"], 78),
    (["mapping", "explain", mapping, "missing.xlsx"], 66),
    (["mapping", "explain", mapping, "bad.xlsx"], 65),
    (["mapping", "explain", "broken.yaml", workbook], 78),
    (["mapping", "infer", "missing.xlsx"], 66), (["mapping", "infer", "bad.xlsx"], 65),
    (["mapping", "infer", workbook, "-o", "bad.xlsx/x.yaml"], 73),
    // run
    (["run", "missing"], 66), (["run", "broken-ws"], 78), (["run", "bad.xlsx"], 66),
    (["run", "ws", "--as-of", "2026-13-01"], 64), (["run", "ws", "--period", "Q9"], 64),
    // init
    (["init", "new", "--period", "2026-Q9"], 64), (["init", "ws", "--period", "2026-Q3"], 73),
    (["init", "bad.xlsx/ws", "--period", "2026-Q3"], 73),
    (["init", "new", "--period", "2026-Q3", "--mappings", "missing"], 66),
    (["init", "new", "--period", "2026-Q3", "--municipality-code", "0000x"], 64),
    // status, withdraw, reprocess, watch
    (["status", "missing"], 66), (["status", "broken-ws"], 78),
    (["status", "ws", "--format", "yaml"], 64), (["withdraw", "missing", "x.xlsx"], 66),
    (["reprocess", "missing", "--all"], 66), (["watch", "missing", "--passes", "1"], 66),
    (["watch", "ws", "--log-format", "xml"], 64),
    // plan
    (["plan", "send", "missing"], 66), (["plan", "status", "missing"], 66),
    (["plan", "send", "broken-ws"], 78), (["plan", "status", "ws", "--period", "Q9"], 64),
    (["plan", "send", "ws", "--deadline", "31/12"], 64),
    // report
    (["report", "check", "missing.xlsx"], 66), (["report", "check", "bad.xlsx"], 65),
    (["report", "fill", "missing", "--template", "t.xlsx", "--output", "o.xlsx"], 66),
    // codes, and words that name no command
    (["codes", "no-such-code"], 64), (["rnu", "ws"], 64), (["mapping", "chek", "x"], 64),
  ]

  @Test(arguments: cases)
  func status(arguments: [String], expected: Int32) throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try Executable.run("redthread", arguments, in: dir)
    #expect(result.status == expected, "\(arguments): \(result.stderr)")
  }

  /// Another process holds the workspace lock (`DIR/.redthread.lock`): `run` exits 75 at once,
  /// and changes nothing.
  @Test func aBusyWorkspaceExits75() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lock = dir.appendingPathComponent("ws/.redthread.lock").path
    let fd = open(lock, O_RDWR | O_CREAT, 0o644)
    #expect(fd >= 0)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
    let result = try Executable.run("redthread", ["run", "ws"], in: dir)
    #expect(result.status == 75, "\(result.stderr)")
    #expect(result.stderr.contains("[workspace-busy]"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ws/inbox").path))
  }

  @Test func anErrorIsPrintedOnceWithItsCode() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try Executable.run("redthread", ["inspect", "missing.xlsx"], in: dir)
    #expect(result.stderr == "redthread: missing.xlsx: error: no such file [file-not-found]\n")
    #expect(result.stdout.isEmpty)
  }

  @Test func anUnknownCommandIsNamedAsOne() throws {
    let result = try Executable.run("redthread", ["rnu", "kvartal3"])
    #expect(result.status == 64)
    #expect(
      result.stderr
        == "redthread: error: unknown command 'rnu' for 'redthread'; the commands are init, run, "
        + "watch, status, reprocess, withdraw, inspect, mapping, export, plan, report, codes "
        + "(see 'redthread --help')\n")
    let nested = try Executable.run("redthread", ["mapping", "chek", "x.yaml"])
    #expect(nested.stderr.contains("unknown command 'chek' for 'redthread mapping'"))
    #expect(!nested.stderr.contains("unexpected argument"))
  }
}
