import Foundation
import TestSupport
import Testing

/// The help of every command, held in golden files so that a change to it is reviewed.
@Suite struct HelpGoldenTests {
  @Test(arguments: [
    [], ["init"], ["run"], ["watch"], ["status"], ["reprocess"], ["withdraw"], ["inspect"],
    ["mapping"], ["mapping", "check"], ["mapping", "explain"], ["mapping", "infer"], ["export"],
    ["plan", "send"], ["plan", "status"], ["report", "fill"], ["report", "check"], ["codes"],
  ])
  func help(command: [String]) throws {
    let result = try Executable.run(
      "redthread", command + ["--help"], environment: ["COLUMNS": "100"])
    #expect(result.status == 0)
    let name = (["redthread"] + command).joined(separator: "-") + ".help.txt"
    Golden.check(result.stdout, suite: "CLITests", name: name)
  }
}
