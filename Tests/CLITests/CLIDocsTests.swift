import Foundation
import TestSupport
import Testing

/// `docs/cli.md` is made from the commands' own help, so it cannot drift from them.
@Suite struct CLIDocsTests {
  static let commands: [[String]] = [
    [], ["init"], ["run"], ["watch"], ["status"], ["reprocess"], ["withdraw"], ["inspect"],
    ["mapping", "check"], ["mapping", "explain"], ["mapping", "infer"], ["export"],
    ["plan", "send"], ["plan", "status"], ["report", "fill"], ["report", "check"], ["codes"],
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
      report: { title: Uppföljning kvartal 3 2026, language: sv, template: mall/nämndrapport.xlsx }
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

      `template` names the controller's own report template (relative to this file): every
      new report version is followed by the template filled with it, beside it in
      `reports/<period>/` (see [templates.md](templates.md)).

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
    return out + pipelineCommands + stratsys
  }

  /// The pipeline commands on the demo (`make demo`, then the commands shown), as they printed.
  static let pipelineCommands = """

    ## The pipeline commands on the demo

    Output of `make demo` followed by the commands below, in this order, on the demo folder.

    ```text
    $ redthread run demo --quiet
    demo/reports/2026-Q3/uppfoljning-bun-2026-Q3-v1.xlsx
    $ redthread status demo
    bun, kvartal 3 2026

    Units: 8 of 8 delivered
      delivered  Barn- och utbildningsnämnden: BUN Verksamhetsplan 2026.xlsx (received 2026-12-07T22:12:47Z)
      delivered  Petreskolan: Arbetsplan Petreskolan kvartal 3 2026.xlsx (received 2026-12-07T22:12:47Z)
      delivered  Lillåskolan: Arbetsplan Lillåskolan kvartal 3 2026.xlsx (received 2026-12-07T22:12:47Z)
      …
      delivered  Förskoleområde Söder: Arbetsplan Förskoleområde Söder kvartal 3 2026.xlsx (received 2026-12-07T22:12:47Z)

    Other files of the period:
      converted  Kolada export Hofors 2026-11-20.csv

    Rejected: 1
      Läsårstider 2026-2027.xlsx: no-matching-mapping: no mapping matches this file (its name, worksheets and header words)
    Waiting in the inbox: 0

    Reports:
      v1  reports/2026-Q3/uppfoljning-bun-2026-Q3-v1.xlsx  (2026-12-07T22:12:47Z, 9 files)
    $ redthread withdraw demo "Arbetsplan Petreskolan kvartal 3 2026.xlsx"
    withdrawn  Arbetsplan Petreskolan kvartal 3 2026.xlsx (bytes kept in archive/2026-12-07/Arbetsplan Petreskolan kvartal 3 2026.xlsx)
    Report: demo/reports/2026-Q3/uppfoljning-bun-2026-Q3-v2.xlsx
    $ redthread reprocess demo --all
    converted  Arbetsplan Förskoleområde Centrum kvartal 3 2026.xlsx (20 records)
    …
    converted  Kolada export Hofors 2026-11-20.csv (55 records)
    Report: demo/reports/2026-Q3/uppfoljning-bun-2026-Q3-v3.xlsx
    $ redthread run demo
    skipped    ~$Arbetsplan Petreskolan kvartal 3 2026.xlsx (Office lock file)

    Nothing changed for kvartal 3 2026; report version 3 stands.
    $ redthread run demo --format json
    {
      "board" : "bun",
      "diagnostics" : [

      ],
      "files" : [

      ],
      "period" : "2026-Q3",
      "recovered" : [

      ],
      "report" : "demo/reports/2026-Q3/uppfoljning-bun-2026-Q3-v3.xlsx",
      "reportVersion" : 3,
      "reportWritten" : false,
      …
    }
    $ redthread watch demo --interval 1 --log-format json      # stopped with Ctrl-C
    {"dir":"demo","interval":"1.0","level":"info","logger":"redthread.watch","message":"watching","time":"2026-12-07T22:12:55Z"}
    {"file":"~$Arbetsplan Petreskolan kvartal 3 2026.xlsx","level":"info","logger":"redthread.watch","message":"skipped","reason":"Office lock file","time":"2026-12-07T22:13:00Z"}
    {"level":"info","logger":"redthread.watch","message":"stopped","passes":"1","time":"2026-12-07T22:13:00Z"}
    ```

    `reprocess` writes a new version only when the records, diagnostics or plans it made differ
    from those stored. `run --format json` gives `errors` and `warnings` only when the pass
    rebuilt the report. `run` counts "312/700 …" in place on a terminal, and prints a plain line
    per file as it is taken when its output goes to a pipe or a log.

    """

  /// The Stratsys import files, with output of the demo (`make demo`, then the commands shown);
  /// `StratsysExportTests` checks these lines against an export of the same data.
  static let stratsys = """

    ## Stratsys import files

    `redthread export DIR --format stratsys-matt` and `--format stratsys-integration` write the
    outcomes (utfall) RedThread collected as files Stratsys imports, so that RedThread can feed a
    municipality's Stratsys instead of replacing it. Both have one line per value, no header line,
    UTF-8, CRLF line ends and decimal comma. From the canonical model:

    | Stratsys column | from |
    |---|---|
    | organisation (unit name) | the unit register's `name` (`units.yaml`); spell it as in Stratsys's organisation tree |
    | unit external code | the unit register's `id` (`petreskolan`); enter it as the unit's external code in Stratsys |
    | period / date | the period's last day: `2026-09-30` for kvartal 3 2026, `2025-12-31` for 2025, `2026-06-30` for läsår 2025/26; it lies in the same month, quarter or year whatever the measure's periodicity |
    | measure name (mått) | the nyckeltal's name as first read (the verksamhetsplan's Kolada title) |
    | measure external code | the nyckeltal's id (`N15419`, or a unit's own id for a local nyckeltal) |
    | measure-column external code | the series: `T` total, `K` women/girls, `M` men/boys |
    | value | the outcome; outcomes without a value (`..`, `-`, `Ej mätt`) are left out and counted on standard error |

    An outcome given by kommunkod (`2104`), skolenhetskod or Kolada id is the register unit's
    with that code. When two files give the same value (unit, nyckeltal, period, series), the one
    read last is written. `--period P` exports the outcomes of P (and of periods inside it);
    `--from A --to B` those from the first day of A to the last day of B.

    ### `--format stratsys-matt`: "Importera måttdata"

    Stratsys's manual import (Måttinställningar → Importera måttdata): tab-separated organisation,
    period, mått, value. The measure column is chosen in the import dialog, so the file holds one
    series, the totals (`T`); the `K` and `M` values are counted as left out. Sorted by date, unit
    name and nyckeltal name.

    ```text
    $ redthread export demo --format stratsys-matt --period 2026-Q3 --out matt.txt
    1 outcome without a value (.., -, Ej mätt) left out
    23 values written
    matt.txt
    $ head -3 matt.txt
    Förskoleområde Centrum	2026-09-30	Barn per barngrupp	15,8
    Förskoleområde Centrum	2026-09-30	Heltidstjänster med förskollärarexamen, andel (%)	41,8
    Förskoleområde Centrum	2026-09-30	Inskrivna barn per årsarbetare	5,4
    ```

    The fields are separated by tab characters. The one left out is Lillåskolan's N15643,
    written `Ej mätt`.

    ### `--format stratsys-integration`: KPI integration

    Stratsys's KPI integration from file (an SFTP folder or its web service): semicolon-separated
    date; unit external code; measure external code; measure-column external code; value. Every
    series is written. Sorted by date, unit id, nyckeltal id and series.

    ```text
    $ redthread export demo --format stratsys-integration --from 2025 --to 2026-Q3 --out integration.txt
    5 outcomes without a value (.., -, Ej mätt) left out
    37 values written
    integration.txt
    $ head -4 integration.txt
    2025-12-31;hofors;N00090;T;8,1
    2025-12-31;hofors;N00090;K;9,2
    2025-12-31;hofors;N00090;M;4,8
    2025-12-31;hofors;N11043;T;42,5
    $ grep '^2026-09-30;petreskolan' integration.txt
    2026-09-30;petreskolan;N15485;T;86,4
    2026-09-30;petreskolan;N15613;T;92,3
    2026-09-30;petreskolan;N15814;T;74,5
    2026-09-30;petreskolan;petreskolan-Nyckeltal-8;T;81
    ```

    The 2025 values are the Kolada export's (kommunkod 2104 is the municipality, `hofors`); the
    four left out there are suppressed (`..`, small groups). `petreskolan-Nyckeltal-8` is a
    nyckeltal of Petreskolan's own without a Kolada id (the mapping's default id).

    """

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
