import Foundation
import TestSupport
import Testing

@Suite struct InspectCommandTests {
  @Test func jsonOfASampleWorkbook() throws {
    let file = Fixture.repo("samples/hofors/inbox/Arbetsplan Åsens skola kvartal 3 2026.xlsx")
    let result = try Executable.run(
      "redthread", ["inspect", "--format", "json", "--sheet", "Aktiviteter", file.path])
    #expect(result.status == 0)
    Golden.check(result.stdout, suite: "CLITests", name: "inspect-asen-aktiviteter.json")
  }

  @Test func notAWorkbookIsANamedErrorWithLocation() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redthread-inspect-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try Data("PK\u{3}\u{4}truncated".utf8).write(to: dir.appendingPathComponent("plan.xlsx"))
    let result = try Executable.run(
      "redthread", ["inspect", "--format", "json", "plan.xlsx"], in: dir)
    #expect(result.status == 65)  // EX_DATAERR
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let error = object?["error"] as? [String: Any]
    #expect(error?["code"] as? String != nil)
    #expect((error?["location"] as? String)?.hasPrefix("plan.xlsx") == true)
  }

  @Test func missingFileExitsWithNoInput() throws {
    let result = try Executable.run("redthread", ["inspect", "/nonexistent/plan.xlsx"])
    #expect(result.status == 66)  // EX_NOINPUT
    #expect(result.stderr.contains("/nonexistent/plan.xlsx: error: no such file [file-not-found]"))
  }
}
