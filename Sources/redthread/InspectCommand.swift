import ArgumentParser

struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect", abstract: "Not yet available.")

  func run() throws {
    throw ValidationError("'inspect' is not built yet")
  }
}
