import Foundation
import TestSupport
import Testing

@testable import CSV

/// docs/csv.md shows `redthread inspect --explain` for three Skolverket files: the text shown
/// must be exactly what the reader prints for them now.
@Suite(.enabled(if: Fixture.shared != nil)) struct CSVDocsTests {
  /// The `$ redthread inspect --explain "NAME"` examples of docs/csv.md: name and output.
  func documentedExamples() throws -> [(name: String, output: String)] {
    let doc = try String(contentsOf: Fixture.repo("docs/csv.md"), encoding: .utf8)
    let prompt = "$ redthread inspect --explain \""
    var examples: [(String, String)] = []
    var name: String?
    var output: [Substring] = []
    func close() {
      if let name {
        while output.last == "" { output.removeLast() }
        examples.append((name, output.joined(separator: "\n") + "\n"))
      }
      name = nil
      output = []
    }
    for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix(prompt) {
        close()
        name = String(line.dropFirst(prompt.count).dropLast())
      } else if line == "```" {
        close()
      } else if name != nil {
        output.append(line)
      }
    }
    return examples
  }

  @Test func explainExamplesAreWhatTheReaderPrints() throws {
    let shared = try #require(Fixture.shared)
    let examples = try documentedExamples()
    #expect(examples.count == 3)
    for (name, documented) in examples {
      let path = shared.appendingPathComponent("realdata/skolverket-kommun/" + name).path
      var printed = try CSVReader.explain(path: path)
      if printed.hasPrefix(path) { printed = name + printed.dropFirst(path.count) }
      #expect(printed == documented, "docs/csv.md shows other --explain output for \(name)")
    }
  }
}
