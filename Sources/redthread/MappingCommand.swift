import ArgumentParser

struct MappingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mapping", abstract: "Check, explain and infer mapping files.",
    subcommands: [])
}
