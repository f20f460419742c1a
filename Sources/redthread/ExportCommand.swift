import ArgumentParser
import CSV
import Canonical
import Foundation
import Mapping
import Pipeline
import Spreadsheet
import SpreadsheetIO

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Write the canonical records as CSV files, a workbook, JSON or Stratsys import files.",
    discussion: """
      From a pipeline folder, exports what is stored (the newest file of each unit and \
      period, the reference units and goals), for every period or for those chosen with \
      --period or --from/--to. From a single workbook or CSV file and a mapping, exports what \
      that mapping makes of the file.

      --period P selects what the board report for P counts: the files for P and for periods \
      containing it (the verksamhetsplan for the year), and the outcomes of P and of periods \
      inside it. --from A --to B selects the files and outcomes from the first day of A to \
      the last day of B (either may be left out).

      One table per kind of record: units, goals, kpis, targets, measurements, activities, \
      assessments, plans; each row ends with the file, sheet and cell it came from.

      CSV dialects: rfc4180 (UTF-8, ',', '.' decimals), excel-sv (UTF-8 with BOM, ';', decimal \
      comma, CRLF: opens with columns and numbers right in a Swedish Excel), excel-sv-1252 (the \
      same in Windows-1252). Text that a spreadsheet would run as a formula (=, +, -, @, tab, \
      CR first) is written with a leading apostrophe; numbers stay numbers.

      stratsys-matt writes Stratsys's "Importera måttdata" file: tab-separated unit name, a \
      date inside the period (its last day), the nyckeltal's name, the value (totals only). \
      stratsys-integration writes Stratsys's KPI-integration rows: date; unit id; nyckeltal \
      id; series (T, K, M); value. Both with decimal comma, UTF-8, no header line; outcomes \
      without a value are left out and counted on standard error.

      Examples:
        redthread export kvartal3 --format csv --dialect excel-sv
        redthread export kvartal3 --format stratsys-matt --period 2026-Q3 --out matt.txt
        redthread export kvartal3 --format stratsys-integration --from 2024 --to 2026-Q3
        redthread export "Arbetsplan Petreskolan.xlsx" --mapping mappings/arbetsplan-grundskola.yaml \\
            --reference kvartal3/reference/units.yaml --format xlsx --out petreskolan.xlsx
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv, xlsx, json
    case stratsysMatt = "stratsys-matt"
    case stratsysIntegration = "stratsys-integration"
  }

  @Argument(help: "A pipeline folder, or a workbook or CSV file (with --mapping).")
  var source: String

  @Option(help: "Output format: csv, xlsx, json, stratsys-matt or stratsys-integration.")
  var format: Format = .csv

  @Option(help: "Only what the report for this period counts, e.g. 2026-Q3.")
  var period: Period?

  @Option(help: "Only files and outcomes from the start of this period, e.g. 2026-Q2.")
  var from: Period?

  @Option(help: "Only files and outcomes up to the end of this period, e.g. 2026-Q4.")
  var to: Period?

  @Option(help: "CSV dialect.")
  var dialect: CSVDialect = .rfc4180

  @Option(
    help: ArgumentHelp(
      "Where to write: a folder for csv, a file for xlsx, json and the Stratsys formats.",
      discussion:
        "Default: for a pipeline folder DIR/reports/<period>/tables (tables.xlsx, "
        + "tables.json, tables-<format>.txt); for a single file <name>-tables in the "
        + "current folder."))
  var out: String?

  @Option(help: "For a single file: the mapping to apply.")
  var mapping: String?

  @Option(help: "For a single file: a reference file (unit register, goals); repeatable.")
  var reference: [String] = []

  func run() throws {
    let selection = try periodSelection()
    try InputError.requireExisting([source] + reference + (mapping.map { [$0] } ?? []))
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory)
    var dataset: Dataset
    let defaultOut: String
    if exists && isDirectory.boolValue {
      guard mapping == nil else {
        throw ValidationError("--mapping applies to a single file, not a pipeline folder")
      }
      let config = try PipelineConfig.load(
        path: (source as NSString).appendingPathComponent("redthread.yaml"))
      let converter = try MappingConverter.load(config: config)
      dataset = try Workspace(root: URL(fileURLWithPath: source)).currentDataset(
        reference: converter.reference)
      let folder = (source as NSString).appendingPathComponent(
        "reports/\(PipelineRunner.folderName(config.period))")
      defaultOut = (folder as NSString).appendingPathComponent("tables")
    } else {
      guard let mapping else {
        throw ValidationError(
          "'\(source)' is not a pipeline folder; to export a single file give --mapping")
      }
      let file = try MappingFile.load(path: mapping)
      let referenceData = try ReferenceData.load(paths: reference)
      let workbook = try SpreadsheetFile.read(path: source)
      let result = Mapper(mapping: file, reference: referenceData).map(workbook)
      for d in result.diagnostics where d.severity >= .warning {
        FileHandle.standardError.write(Data("\(d)\n".utf8))
      }
      dataset = result.dataset
      defaultOut =
        ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        + "-tables"
    }
    if let selection { dataset = dataset.selecting(selection) }
    let target: String
    let chosen: DatasetExport.Format
    switch format {
    case .csv:
      chosen = .csv(dialect)
      target = out ?? defaultOut
    case .xlsx:
      chosen = .xlsx
      target = out ?? defaultOut + ".xlsx"
    case .json:
      chosen = .json
      target = out ?? defaultOut + ".json"
    case .stratsysMatt, .stratsysIntegration:
      let stratsys: StratsysExport.Format =
        format == .stratsysMatt ? .measureData : .kpiIntegration
      let url = URL(fileURLWithPath: out ?? defaultOut + "-\(format.rawValue).txt")
      let summary = try StratsysExport.write(dataset, format: stratsys, to: url)
      report(summary)
      print(display(url))
      return
    }
    let written = try DatasetExport.write(
      dataset, format: chosen, to: URL(fileURLWithPath: target))
    for url in written { print(display(url)) }
  }

  /// The periods chosen by --period, --from and --to; `nil` for all.
  func periodSelection() throws -> Dataset.PeriodSelection? {
    let (single, first, last) = (period, from, to)
    if let single {
      guard first == nil && last == nil else {
        throw ValidationError("give either --period or --from/--to, not both")
      }
      return .period(single)
    }
    if let first, let last, last.end < first.start {
      throw ValidationError("--to \(last.id) ends before --from \(first.id) starts")
    }
    return first == nil && last == nil ? nil : .range(from: first, to: last)
  }

  /// What a Stratsys export left out, on standard error.
  func report(_ summary: StratsysExport.Summary) {
    var lines: [String] = []
    if summary.withoutValue > 0 {
      lines.append(
        "\(counted(summary.withoutValue, "outcome")) without a value (.., -, Ej mätt) left out")
    }
    if summary.withoutPeriod > 0 {
      lines.append("\(counted(summary.withoutPeriod, "outcome")) without a period left out")
    }
    if summary.genderSeries > 0 {
      lines.append(
        "\(counted(summary.genderSeries, "outcome")) of the K and M series left out "
          + "(stratsys-matt holds one series; stratsys-integration writes all)")
    }
    if !summary.unknownUnits.isEmpty {
      lines.append(
        "outcomes of units not in the register left out: "
          + summary.unknownUnits.map { "'\($0)'" }.joined(separator: ", "))
    }
    if summary.replaced > 0 {
      lines.append(
        "\(counted(summary.replaced, "outcome")) given again by a later file: the later counts")
    }
    lines.append("\(counted(summary.written, "value")) written")
    FileHandle.standardError.write(Data(lines.map { $0 + "\n" }.joined().utf8))
  }

  /// "1 value", "2 values".
  func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

  func display(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
  }
}
