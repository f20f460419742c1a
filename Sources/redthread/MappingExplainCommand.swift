import ArgumentParser
import Foundation
import Mapping
import Spreadsheet
import SpreadsheetIO

struct MappingExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Dry-run a mapping on a workbook and explain every choice.",
    discussion: """
      Shows which mapping fits (when MAPPING is a folder) and why, the context values \
      read, and for each table the worksheet and header row chosen and why, which column \
      went to which field, the rows skipped and why, the first records as canonical JSON, \
      and every cell that failed and why. Nothing is written. Exits with status 1 when the \
      data has errors, 66 when a file is not there, 65 when the workbook cannot be read, 78 \
      when the mapping is broken.

      Examples:
        redthread mapping explain mappings/arbetsplan-grundskola.yaml \\
          "samples/hofors/inbox/Arbetsplan Petreskolan kvartal 3 2026.xlsx" \\
          --reference samples/hofors/reference/units.yaml
        redthread mapping explain mappings/ "Kostnader per kommun 2024 Kommun.csv"
      """)

  @Argument(help: "A mapping file, or a folder of mappings to choose from.")
  var mapping: String

  @Argument(help: "The .xlsx or .csv file to map.")
  var workbook: String

  @Option(
    name: .customLong("reference"),
    help: "A reference file (units, goals, KPI succession, registers); repeatable.")
  var references: [String] = []

  @Option(help: "Records shown per table.")
  var samples: Int = 3

  @Option(help: "Diagnostics shown at most.")
  var maxDiagnostics: Int = 50

  func run() throws {
    try InputError.requireExisting([mapping, workbook] + references)
    let reference = try ReferenceData.load(paths: references)
    let book = try SpreadsheetFile.read(path: workbook)
    var isDirectory: ObjCBool = false
    let file: MappingFile
    if FileManager.default.fileExists(atPath: mapping, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      let set = try MappingSet.load(folder: mapping)
      guard let chosen = set.select(forFile: workbook, workbook: book) else {
        print("no mapping in \(mapping) fits \(workbook)")
        for m in set.mappings {
          print("  \(m.name): \(m.match.files.joined(separator: ", "))")
        }
        throw ExitCode(1)
      }
      print("chosen mapping: \(chosen.mapping.name) (\(chosen.mapping.path)): \(chosen.reason)")
      for other in chosen.alsoMatching { print("  also fits: \(other)") }
      print()
      file = chosen.mapping
    } else {
      file = try MappingFile.load(path: mapping)
    }
    let result = Mapper(mapping: file, reference: reference, sampleCount: samples).map(book)
    print(
      result.explanation.render(
        diagnostics: result.diagnostics, samples: samples, maxDiagnostics: maxDiagnostics),
      terminator: "")
    if result.hasErrors { throw ExitCode(1) }
  }
}
