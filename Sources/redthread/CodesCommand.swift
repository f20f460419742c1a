import ArgumentParser
import Foundation
import Spreadsheet

struct CodesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "codes",
    abstract: "Explain the error and diagnostic codes RedThread prints.",
    discussion: """
      Without CODE, lists every code by section with its severity, category and title. With \
      CODE, explains it as `rustc --explain` does: what it means and what to do, its category \
      and exit status, an example as the command line prints it, and its Swedish for the \
      sender of the file and for the controller. --format json prints the catalogue (or the \
      one code) as JSON. The same catalogue is docs/errors.md.

      Examples:
        redthread codes
        redthread codes type-error
        redthread codes --format json
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(
    help: "A code, e.g. type-error.",
    completion: .list(DiagnosticCode.all.map(\.id)))
  var code: String?

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  func validate() throws {
    if let code, DiagnosticCode.named(code) == nil {
      let near = DiagnosticCode.all.map(\.id).filter {
        $0.hasPrefix(code) || code.hasPrefix($0) || $0.contains(code)
      }
      var message = "'\(code)' is not a RedThread code"
      if !near.isEmpty { message += "; did you mean \(near.prefix(5).joined(separator: ", "))?" }
      throw ValidationError(message + " ('redthread codes' lists them all)")
    }
  }

  func run() throws {
    var codes = DiagnosticCode.all
    if let found = code.flatMap(DiagnosticCode.named) { codes = [found] }
    switch format {
    case .json:
      let list: [[String: Any]] = codes.map { Self.json($0) }
      var object: Any = list[0]
      if code == nil { object = ["codes": list] as [String: Any] }
      let data = try JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      FileHandle.standardOutput.write(data + Data("\n".utf8))
    case .text:
      if let only = codes.first, code != nil {
        print(only.explanation, terminator: "")
        return
      }
      for section in DiagnosticSection.allCases {
        print("\(section.title):")
        for c in codes where c.section == section {
          let id = c.id.padding(toLength: 32, withPad: " ", startingAt: 0)
          let severity = c.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
          print("  \(id) \(severity) \(c.title)")
        }
        print()
      }
      print("'redthread codes CODE' explains one code, with an example.")
    }
  }

  /// One code as JSON: every field of the catalogue and the rendered example.
  static func json(_ code: DiagnosticCode) -> [String: Any] {
    let values = code.exampleValues
    func voice(_ audience: DiagnosticCode.Audience) -> [String: Any] {
      var out: [String: Any] = [
        "message": code.swedish[audience].message,
        "example": code.message(values, in: .swedish, for: audience),
      ]
      if let hint = code.swedish[audience].hint {
        out["hint"] = hint
        out["exampleHint"] = code.hint(values, in: .swedish, for: audience) ?? ""
      }
      return out
    }
    var out: [String: Any] = [
      "id": code.id, "section": code.section.rawValue, "category": code.category.rawValue,
      "exitStatus": Int(code.category.exitStatus), "severity": code.severity.rawValue,
      "scope": code.scope.rawValue, "title": code.title, "rule": code.rule,
      "message": code.template, "example": code.exampleText,
      "swedish": [
        "title": code.swedish.title, "sender": voice(.sender), "controller": voice(.controller),
      ],
    ]
    if let hint = code.hintTemplate { out["hint"] = hint }
    return out
  }
}
