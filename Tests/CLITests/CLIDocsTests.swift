import Foundation
import TestSupport
import Testing

/// `docs/cli.md` is made from the commands' own help, so it cannot drift from them.
@Suite struct CLIDocsTests {
  static let commands: [[String]] = [
    [], ["init"], ["run"], ["watch"], ["status"], ["reprocess"], ["withdraw"], ["inspect"],
    ["mapping", "check"], ["mapping", "explain"], ["mapping", "infer"], ["export"],
    ["plan", "send"], ["plan", "status"],
  ]

  static func markdown() throws -> String {
    var out = """
      # Command line

      `redthread` is one program with subcommands. Every error names where it is
      (`file: 'Sheet'!B7`, `file.csv:12`, `mapping.yaml:12:5`) and carries a code listed in
      [errors.md](errors.md). Exit status (BSD `sysexits.h`; [operations.md](operations.md) has
      the table): 0 success; 1 a command that judges its input found errors; 64 a usage error;
      65 unusable input data; 66 no such input; 73 an output that cannot be created; 74 a file
      or folder that cannot be read or written; 75 the workspace is busy
      (another RedThread process holds its lock); 78 a broken configuration,
      reference file or mapping.

      This page is the commands' own `--help`, collected by a test (`CLIDocsTests`); regenerate
      it with `RECORD_GOLDENS=1 make test`.

      """
    for command in commands {
      let result = try Executable.run(
        "redthread", command + ["--help"], environment: ["COLUMNS": "100"])
      let title = (["redthread"] + command).joined(separator: " ")
      out += "\n## `\(title)`\n\n```text\n\(result.stdout.trimmingCharacters(in: .newlines))\n```\n"
    }
    return out + stratsys
  }

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
