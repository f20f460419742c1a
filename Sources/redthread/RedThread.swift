import ArgumentParser

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
      """,
    version: "0.1.0",
    subcommands: [
      InitCommand.self, RunCommand.self, WatchCommand.self, StatusCommand.self,
      ReprocessCommand.self, WithdrawCommand.self, InspectCommand.self, MappingCommand.self,
      ExportCommand.self, PlanCommand.self,
    ]
  )
}
