import ArgumentParser
import Foundation
import Spreadsheet

/// The `redthread` command: converts municipal planning and follow-up workbooks, checks the
/// red thread and writes board reports.
@main
struct RedThread: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "redthread",
    abstract:
      "Convert planning and follow-up workbooks, check the red thread, write board reports.",
    discussion: """
      Controllers drop units' Excel and CSV files into DIR/inbox; `redthread run DIR` maps each \
      file into the canonical model, validates the red thread for the board and period, and \
      writes the board report to DIR/reports/<period>/.

      Exit status: 0 done; 1 the data has errors (mapping explain); 64 usage; 65 bad input \
      data; 66 no such input; 73 cannot create output; 74 I/O error; 75 busy, \
      try again; 78 configuration (see docs/cli.md).
      """,
    version: "0.1.0",
    subcommands: [
      InitCommand.self, RunCommand.self, WatchCommand.self, StatusCommand.self,
      ReprocessCommand.self, WithdrawCommand.self, InspectCommand.self, MappingCommand.self,
      ExportCommand.self, PlanCommand.self, ReportCommand.self, CodesCommand.self,
    ]
  )

  /// Parses the arguments, runs the command, and prints any error once, through
  /// ``ErrorPrinter``, exiting with the status of its category.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let unknown = Self.unknownSubcommand(in: arguments) {
      FileHandle.standardError.write(Data("redthread: error: \(unknown)\n".utf8))
      Self.exit(withError: ExitCode(DiagnosticCategory.usage.exitStatus))
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch let error as any LocatedError {
      ErrorPrinter.print(error)
      Self.exit(withError: ErrorPrinter.exitCode(error))
    } catch {
      Self.exit(withError: error)
    }
  }

  /// The message for a word where a subcommand belongs that names none (`redthread rnu`),
  /// or `nil`. swift-argument-parser would call it an unexpected argument.
  static func unknownSubcommand(in arguments: [String]) -> String? {
    var subcommands: [any ParsableCommand.Type] = configuration.subcommands
    var path = "redthread"
    for word in arguments {
      guard !subcommands.isEmpty, !word.hasPrefix("-"), word != "help" else { return nil }
      var names: [String] = []
      var next: [any ParsableCommand.Type]?
      for subcommand in subcommands {
        let config = subcommand.configuration
        let name = config.commandName ?? ""
        names.append(name)
        if name == word { next = config.subcommands }
      }
      guard let next else {
        return "unknown command '\(word)' for '\(path)'; the commands are "
          + names.joined(separator: ", ") + " (see '\(path) --help')"
      }
      subcommands = next
      path += " " + word
    }
    return nil
  }
}
