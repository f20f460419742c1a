import Foundation
import TestSupport
import Testing

/// `docs/cli.md` is made from the commands' own help, so it cannot drift from them.
@Suite struct CLIDocsTests {
  static let commands: [[String]] = [
    [], ["init"], ["run"], ["inspect"], ["mapping", "check"], ["mapping", "explain"],
    ["mapping", "infer"], ["export"],
  ]

  static func markdown() throws -> String {
    var out = """
      # Command line

      `redthread` is one program with subcommands. Every error names where it is
      (`file: 'Sheet'!B7`, `file.csv:12`, `mapping.yaml:12:5`) and carries a code listed in
      [errors.md](errors.md). Exit status: 0 success; 1 an error in the input (a broken file,
      mapping or configuration); 64 a usage error; 74 a file or folder that cannot be read or
      written; 75 the workspace is busy (another RedThread process holds its lock).

      This page is the commands' own `--help`, collected by a test (`CLIDocsTests`); regenerate
      it with `RECORD_GOLDENS=1 make test`.

      """
    for command in commands {
      let result = try Executable.run(
        "redthread", command + ["--help"], environment: ["COLUMNS": "100"])
      let title = (["redthread"] + command).joined(separator: " ")
      out += "\n## `\(title)`\n\n```text\n\(result.stdout.trimmingCharacters(in: .newlines))\n```\n"
    }
    return out
  }

  @Test func docsCLIIsFresh() throws {
    let generated = try Self.markdown()
    let url = Fixture.repo("docs/cli.md")
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
      try Data(generated.utf8).write(to: url)
      Issue.record("recorded docs/cli.md")
      return
    }
    let committed = try String(contentsOf: url, encoding: .utf8)
    #expect(committed == generated, "docs/cli.md is stale: RECORD_GOLDENS=1 make test")
  }
}
