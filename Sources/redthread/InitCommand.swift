import ArgumentParser
import Canonical
import Foundation
import Pipeline
import Spreadsheet

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a pipeline folder: inbox, archive, rejected, reports, store and a config.",
    discussion: """
      Makes DIR/redthread.yaml, the folders a pass uses, a unit register template \
      (reference/units.yaml) to fill in, the national goals (Lgr22 and Lpfö18 chapter 2) and a \
      copy of the shipped mappings in DIR/mappings for the municipality to adapt. An existing \
      configuration is never overwritten: --update completes an existing workspace (missing \
      folders, reference files and shipped mapping files) and leaves what is there alone.

      Example:
        redthread init kvartal3 --municipality hofors --board bun --period 2026-Q3
      """)

  @Argument(help: "The folder to create or complete.")
  var dir: String

  @Option(help: "Id of the municipality, e.g. hofors.")
  var municipality = "kommun"

  @Option(help: "The municipality's kommunkod (SCB, four digits), e.g. 2104 for Hofors.")
  var municipalityCode = "2104"

  @Option(help: "Id of the board (nämnd) whose report is written, e.g. bun.")
  var board = "bun"

  @Option(help: "The follow-up period, e.g. 2026-Q3, 2026-T2, 2025/26.")
  var period: Period

  @Option(help: "Folder of shipped mapping files to copy (found next to the program if not given).")
  var mappings: String?

  @Flag(help: "Complete an existing workspace: add what is missing, change nothing that is there.")
  var update = false

  func validate() throws {
    guard municipalityCode.count == 4, municipalityCode.allSatisfy(\.isASCII),
      municipalityCode.allSatisfy(\.isNumber)
    else {
      throw ValidationError(
        "'\(municipalityCode)' is not a kommunkod; write its four digits, e.g. 2104 or 0180")
    }
  }

  func run() throws {
    if let mappings { try InputError.requireExisting([mappings]) }
    let workspace = Workspace(root: URL(fileURLWithPath: dir))
    let shipped = mappings.map { URL(fileURLWithPath: $0) } ?? ShippedFiles.mappingsFolder()
    let result = try workspace.initialise(
      municipality: municipality, municipalityCode: municipalityCode, board: board,
      period: period, shippedMappings: shipped, update: update)
    if result.created.isEmpty {
      print("Nothing was missing in \(dir).")
    } else {
      print("Created in \(dir): " + result.created.joined(separator: ", "))
    }
    if result.mappingsCopied > 0 {
      print("Copied \(result.mappingsCopied) mapping files into \(dir)/mappings.")
    } else if shipped == nil {
      print("No shipped mappings found: put mapping files in \(dir)/mappings.")
    }
    print("Next: fill in \(dir)/reference/units.yaml, drop files into \(dir)/inbox, then run")
    print("  redthread run \(dir)")
  }
}
