import Diagnostics
import Foundation
import TestSupport
import Testing

/// No code is written as a string literal outside the catalogue: every module names its codes
/// through ``DiagnosticCode``.
@Suite struct CodeLiteralTests {
  @Test func noSourceFileOutsideTheCatalogueQuotesACode() throws {
    let ids = Set(DiagnosticCode.all.map(\.id))
    let sources = Fixture.repo("Sources")
    let catalogue = Fixture.repo("Sources/Diagnostics/Catalogue").path
    var found: [String] = []
    var scanned = 0
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "swift", !url.path.hasPrefix(catalogue + "/") else { continue }
      scanned += 1
      let text = try String(contentsOf: url, encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        let code = line.trimmingCharacters(in: .whitespaces)
        if code.hasPrefix("//") { continue }
        for literal in Self.literals(in: Substring(code)) where ids.contains(literal) {
          found.append(
            "\(url.path.dropFirst(sources.path.count + 1)):\(number + 1): \"\(literal)\"")
        }
      }
    }
    #expect(scanned > 100)
    #expect(found.isEmpty, "code literals outside the catalogue:\n\(found.joined(separator: "\n"))")
  }

  @Test func theScannerFindsALiteral() {
    #expect(Self.literals(in: #"x(code: "type-error", "a\"b")"#) == ["type-error", #"a\"b"#])
  }

  /// The contents of the double-quoted string literals on one line.
  static func literals(in line: Substring) -> [String] {
    var out: [String] = []
    var current: String?
    var escaped = false
    for character in line {
      if var text = current {
        if escaped {
          text.append(character)
          escaped = false
        } else if character == "\\" {
          text.append(character)
          escaped = true
        } else if character == "\"" {
          out.append(text)
          current = nil
          continue
        } else {
          text.append(character)
        }
        current = text
      } else if character == "\"" {
        current = ""
      }
    }
    return out
  }
}
