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
    abstract: "Write the canonical records as CSV files, a workbook or JSON.",
    discussion: """
      From a pipeline folder, exports everything that counts for its period (the newest file \
      of each unit, the reference units and goals). From a single workbook or CSV file and a \
      mapping, exports what that mapping makes of the file.

      One table per kind of record: units, goals, kpis, targets, measurements, activities, \
      assessments, plans; each row ends with the file, sheet and cell it came from.

      CSV dialects: rfc4180 (UTF-8, ',', '.' decimals), excel-sv (UTF-8 with BOM, ';', decimal \
      comma, CRLF: opens with columns and numbers right in a Swedish Excel), excel-sv-1252 (the \
      same in Windows-1252). Text that a spreadsheet would run as a formula (=, +, -, @, tab, \
      CR first) is written with a leading apostrophe; numbers stay numbers.

      Examples:
        redthread export kvartal3 --format csv --dialect excel-sv
        redthread export "Arbetsplan Petreskolan.xlsx" --mapping mappings/arbetsplan-grundskola.yaml \\
            --reference kvartal3/reference/units.yaml --format xlsx --out petreskolan.xlsx
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv, xlsx, json
  }

  @Argument(help: "A pipeline folder, or a workbook or CSV file (with --mapping).")
  var source: String

  @Option(help: "Output format: csv, xlsx or json.")
  var format: Format = .csv

  @Option(help: "CSV dialect.")
  var dialect: CSVDialect = .rfc4180

  @Option(help: "Where to write: a folder for csv, a file for xlsx and json.")
  var out: String?

  @Option(help: "For a single file: the mapping to apply.")
  var mapping: String?

  @Option(help: "For a single file: a reference file (unit register, goals); repeatable.")
  var reference: [String] = []

  func run() throws {
    try InputError.requireExisting([source] + reference + (mapping.map { [$0] } ?? []))
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory)
    let dataset: Dataset
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
    }
    let written = try DatasetExport.write(
      dataset, format: chosen, to: URL(fileURLWithPath: target))
    for url in written { print(display(url)) }
  }

  func display(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
  }
}
