import ArgumentParser
import Canonical
import Foundation
import Pipeline

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a pipeline folder: inbox, archive, rejected, reports, store and a config.",
    discussion: """
      Makes DIR/redthread.yaml, the folders a pass uses, a unit register template \
      (reference/units.yaml) to fill in, the national goals (Lgr22 and Lpfö18 chapter 2) and a \
      copy of the shipped mappings in DIR/mappings for the municipality to adapt. An existing \
      configuration is never overwritten.

      Example:
        redthread init kvartal3 --municipality hofors --board bun --period 2026-Q3
      """)

  @Argument(help: "The folder to create or complete.")
  var dir: String

  @Option(help: "Id of the municipality, e.g. hofors.")
  var municipality = "kommun"

  @Option(help: "Id of the board (nämnd) whose report is written, e.g. bun.")
  var board = "bun"

  @Option(help: "The follow-up period, e.g. 2026-Q3, 2026-T2, 2025/26.")
  var period: String

  @Option(help: "Folder of shipped mapping files to copy (found next to the program if not given).")
  var mappings: String?

  func run() throws {
    guard let parsed = Period(parsing: period) else {
      throw ValidationError("'\(period)' is not a period; write e.g. 2026-Q3, 2026-T2, 2025/26")
    }
    let workspace = Workspace(root: URL(fileURLWithPath: dir))
    let shipped = mappings.map { URL(fileURLWithPath: $0) } ?? ShippedFiles.mappingsFolder()
    do {
      let result = try workspace.initialise(
        municipality: municipality, board: board, period: parsed, shippedMappings: shipped)
      print("Created in \(dir): " + result.created.joined(separator: ", "))
      if result.mappingsCopied > 0 {
        print("Copied \(result.mappingsCopied) mapping files into \(dir)/mappings.")
      } else if shipped == nil {
        print("No shipped mappings found: put mapping files in \(dir)/mappings.")
      }
      print("Next: fill in \(dir)/reference/units.yaml, drop files into \(dir)/inbox, then run")
      print("  redthread run \(dir)")
    } catch let error as PipelineError {
      throw CLIFailure(error).report()
    }
  }
}
