import Foundation
import TestSupport
import Testing

/// `docs/cli.md` is made from the commands' own help, so it cannot drift from them.
@Suite struct CLIDocsTests {
  static let commands: [[String]] = [
    [], ["init"], ["run"], ["inspect"], ["mapping", "check"], ["mapping", "explain"],
    ["mapping", "infer"], ["export"], ["codes"],
  ]

  static func markdown() throws -> String {
    var out = """
      # Command line

      `redthread` is one program with subcommands. Every error names where it is
      (`file: 'Sheet'!B7`, `file.csv:12`, `mapping.yaml:12:5`) and carries a code listed in
      [errors.md](errors.md) (`redthread codes CODE` explains one, with an example). An error
      that stops a command is printed once, on standard error, as
      `redthread: location: error: message [code]`.

      ## Exit status

      The exit status comes from the category of the error's code, following `sysexits.h`:

      | status | meaning | for example |
      |---|---|---|
      | 0 | done | `run` completed its pass, whatever the data held (the report's Kontroll sheet lists the problems) |
      | 1 | the data has errors | `mapping explain` on a file with cells that fail |
      | 64 | usage | an unknown command or option, `--period Q9`, `--as-of 2026-13-01`, an unknown code for `codes` |
      | 65 | bad input data | a damaged or password-protected workbook (`not-a-zip`, `encrypted-workbook`), a binary file read as CSV |
      | 66 | no such input | a file or folder named on the command line is not there (`file-not-found`) |
      | 73 | cannot create output | `init` on a folder that has a configuration (`already-initialised`), an output that cannot be written (`write-failed`, `workspace-unusable`) |
      | 74 | I/O error | a file could not be moved between the workspace's folders (`move-failed`) |
      | 75 | busy, try again | another run holds the workspace (`workspace-busy`) |
      | 78 | configuration | `redthread.yaml`, a mapping or a reference file is missing or broken (`invalid-config`, `mapping-*`) |

      Each command's statuses are tested (`ExitStatusTests`).

      ## The workspace configuration, `redthread.yaml`

      ```yaml
      municipality: hofors                  # id of the municipality in the unit register
      board: bun                            # id of the board (nämnd) whose report is written
      period: 2026-Q3                       # the follow-up period: 2026, 2026-T2, 2026-Q3, 2025/26
      reference: [reference/units.yaml, reference/national-goals.yaml]
      mappings: [mappings]                  # folders of mapping files, relative to this file
      report: { title: Uppföljning kvartal 3 2026, language: sv }
      inbox: { settle_seconds: 1 }          # a file must keep its size this long before it is taken
      validation:                           # every key optional
        kept_series: [N15419]               # replaced Kolada series the board keeps on purpose
        successions: { N15419: N15508 }     # replaced series → successor, besides Kolada's own
        expected_units: [petreskolan]       # units that must deliver (default: every school and preschool)
        suppress: [activity-delayed]        # red-thread codes left out of the report
        severity: { goal-without-breakdown: info }  # a code's severity when not its default
        status_thresholds: { met: 100, partly_met: 91 }  # % of the målvärde, see below
      ```

      `status_thresholds` judges a nyckeltal's outcome as a percentage of its målvärde:
      Helsingborg's `{ met: 100, partly_met: 91 }` reads 100 % or more as *Uppnått*, 91–99 %
      as *Delvis uppnått* and 90 % or less as *Ej uppnått* in the report. For a målvärde to stay
      under (`Högst 5`) the percentage is the målvärde over the outcome. Targets without a single
      value to reach (`= 100`, a range, `Öka`, `Minska`) are judged as they say. Without
      `status_thresholds` an outcome either meets its målvärde or does not.

      Only the red-thread validation's codes can be suppressed or given another severity. Every
      mistake in the file is an `invalid-config` error at `redthread.yaml:line:column` naming
      the value, e.g. `redthread.yaml:9:14: error: 'activity-delayd' is not a code of the
      red-thread validation; did you mean 'activity-delayed'?`.

      The sections below are the commands' own `--help`, collected by a test
      (`CLIDocsTests`); regenerate this page with `RECORD_GOLDENS=1 swift test --filter
      CLIDocsTests`.

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
