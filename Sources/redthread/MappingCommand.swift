import ArgumentParser

struct MappingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mapping", abstract: "Check, explain and infer mapping files.",
    discussion: """
      Mapping files (mappings/*.yaml) say how a family of workbooks becomes canonical \
      records. The language is documented in docs/mapping-language.md; editors can \
      complete and check mapping files with docs/mapping.schema.json.
      """,
    subcommands: [
      MappingCheckCommand.self, MappingExplainCommand.self, MappingInferCommand.self,
    ])
}
