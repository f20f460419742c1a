import ArgumentParser
import Foundation
import Mapping
import Spreadsheet
import SpreadsheetIO

struct MappingInferCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "infer",
    abstract: "Draft a mapping file from a workbook's header rows.",
    discussion: """
      Finds each worksheet's header row, recognises Swedish and English names for goals, \
      KPIs (nyckeltal), targets (målvärde), outcomes (utfall), activities, owners, status, \
      dates and periods, and writes a starter mapping with a comment on every choice and a \
      list of the columns it could not place. Edit the draft, then check it with \
      `redthread mapping check` and try it with `redthread mapping explain`.

      Examples:
        redthread mapping infer "Arbetsplan Petreskolan kvartal 3 2026.xlsx"
        redthread mapping infer plan.xlsx --output mappings/plan.yaml
      """)

  @Argument(help: "The .xlsx or .csv file to draft a mapping for.")
  var workbook: String

  @Option(name: .shortAndLong, help: "Write the draft to this file instead of standard output.")
  var output: String?

  @Option(help: "The mapping's name (default: from the file name).")
  var name: String?

  func run() throws {
    let book = try SpreadsheetFile.read(path: workbook)
    let draft = MappingInference.infer(book, name: name)
    for note in draft.notes {
      FileHandle.standardError.write(Data("\(workbook): \(note)\n".utf8))
    }
    let problems =
      (try? MappingFile.load(yaml: draft.yaml)).map { _ in [] } ?? [
        "the draft does not load; fix it by hand"
      ]
    for p in problems { FileHandle.standardError.write(Data("warning: \(p)\n".utf8)) }
    guard let output else {
      print(draft.yaml, terminator: "")
      return
    }
    // Written to a temporary file beside the target, then renamed: never half a file.
    try OutputError.write(Data(draft.yaml.utf8), to: output)
    FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
  }
}
