import Diagnostics
import Foundation
import TestSupport
import Testing

/// The one catalogue of codes: each code once, with Swedish for both readers, an example that
/// renders, and no code written as a literal anywhere else in the sources.
@Suite struct CatalogueTests {
  @Test func idsAreUniqueAndKebabCase() {
    let ids = DiagnosticCode.all.map(\.id)
    var seen: Set<String> = []
    for id in ids {
      #expect(seen.insert(id).inserted, "\(id) is defined twice")
      #expect(
        id.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" },
        "\(id)")
      #expect(!id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--"), "\(id)")
    }
    #expect(ids.count > 100)
  }

  @Test func codesAreGroupedBySectionInOrder() {
    let order = DiagnosticCode.all.map { DiagnosticSection.allCases.firstIndex(of: $0.section)! }
    #expect(order == order.sorted())
    for section in DiagnosticSection.allCases {
      #expect(!DiagnosticCode.codes(in: section).isEmpty, "\(section)")
    }
  }

  @Test func everyCodeHasSwedishForTheSenderAndTheController() {
    for code in DiagnosticCode.all {
      #expect(!code.title.isEmpty && !code.rule.isEmpty && !code.template.isEmpty, "\(code)")
      #expect(!code.swedish.title.isEmpty, "\(code) has no Swedish title")
      for audience in DiagnosticCode.Audience.allCases {
        let voice = code.swedish[audience]
        #expect(!voice.message.isEmpty, "\(code) has no Swedish for the \(audience)")
        #expect(voice.message != code.template, "\(code): the \(audience)'s text is English")
        if code.hintTemplate != nil {
          #expect(voice.hint?.isEmpty == false, "\(code) has no Swedish hint for the \(audience)")
        }
      }
    }
  }

  /// The sender is a rektor: no commands, no library or file-format jargon, nothing only a
  /// controller can do.
  @Test func theSendersTextsAreInPlainWords() {
    let jargon = [
      "redthread", "mappning", "yaml", "konfiguration", "libxml", "libzip", "zlib", "xml",
      "compound", "rejected/", "inkorg", "`", "--", "register", "maxparts", "cfb",
    ]
    for code in DiagnosticCode.all {
      let voice = code.swedish.sender
      for text in [voice.message, voice.hint ?? ""] {
        for word in jargon {
          #expect(!text.lowercased().contains(word), "\(code): '\(word)' in \(text)")
        }
      }
    }
  }

  @Test func everyExampleRendersWithoutAnUnfilledPlaceholder() {
    for code in DiagnosticCode.all {
      let values = code.exampleValues
      var texts = [code.exampleText]
      for audience in DiagnosticCode.Audience.allCases {
        texts.append(code.message(values, in: .swedish, for: audience))
        texts.append(code.hint(values, in: .swedish, for: audience) ?? "")
      }
      for text in texts {
        for name in code.argumentNames {
          #expect(!text.contains("{\(name)"), "\(code): {\(name)} unfilled in \(text)")
        }
      }
    }
  }

  /// Thrown errors and the mapper's diagnostics carry no template arguments: their Swedish
  /// must read whole from the file, the offending value and the worksheet alone. The
  /// validator's codes, and the pipeline's made with ``DiagnosticCode/diagnostic(at:_:value:hint:)``,
  /// carry all of theirs.
  @Test func codesWithoutArgumentsReadWholeInSwedish() {
    let values = ["file": "X.xlsx", "value": "v", "sheet": "Mål"]
    let withArguments = Set(DiagnosticCode.ingestion)
    for code in DiagnosticCode.all
    where code.section != .redThread && !withArguments.contains(code) {
      for audience in DiagnosticCode.Audience.allCases {
        let message = code.message(values, in: .swedish, for: audience)
        let hint = code.hint(values, in: .swedish, for: audience) ?? ""
        #expect(!message.contains("{") && !hint.contains("{"), "\(code): \(message) \(hint)")
      }
    }
  }

  @Test(arguments: [
    (DiagnosticCategory.usage, Int32(64)), (.data, 65), (.noInput, 66), (.cannotCreate, 73),
    (.io, 74), (.busy, 75), (.configuration, 78),
  ])
  func categoriesExitAsSysexits(category: DiagnosticCategory, status: Int32) {
    #expect(category.exitStatus == status)
  }

  @Test func namedCodesAndTheirCategories() throws {
    #expect(DiagnosticCode.named("file-not-found")?.category == .noInput)
    #expect(DiagnosticCode.named("not-a-zip")?.category == .data)
    #expect(DiagnosticCode.named("workspace-busy")?.category == .busy)
    #expect(DiagnosticCode.named("invalid-config")?.category == .configuration)
    #expect(DiagnosticCode.named("no-such-code") == nil)
    let unit = try #require(DiagnosticCode.named("unknown-unit"))
    #expect(unit.section == .mappingData)
    #expect(DiagnosticCode.named("unresolved-unit")?.section == .redThread)
  }

  @Test func explainShowsAnExampleAndBothVoices() {
    let text = DiagnosticCode.typeError.explanation
    #expect(text.hasPrefix("type-error: Value of the wrong type\n"))
    #expect(
      text.contains(
        "    Arbetsplan Lillåskolan.xlsx: 'Mål'!C8: error: 'n/a' is not a number [type-error]"))
    #expect(text.contains("  To the sender:\n    Värdet 'n/a' går inte att läsa.\n"))
    #expect(text.contains("  To the controller:\n    Värdet 'n/a' kan inte läsas som den typ"))
  }

  @Test func explainWrapsTheRuleAtEightyColumns() {
    for code in DiagnosticCode.all {
      let rule = code.explanation.components(separatedBy: "\n\n")[1]
      for line in rule.split(separator: "\n") where line.contains(" ") {
        #expect(line.count <= 80, "\(code): \(line)")
      }
      #expect(rule.split(separator: "\n").joined(separator: " ") == code.rule, "\(code)")
    }
  }

  @Test func docsErrorsIsFresh() throws {
    let url = Fixture.repo("docs/errors.md")
    let generated = DiagnosticCode.markdown()
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
      try Data(generated.utf8).write(to: url)
      Issue.record("recorded docs/errors.md; run again without RECORD_GOLDENS")
      return
    }
    let committed = try String(contentsOf: url, encoding: .utf8)
    #expect(committed == generated, "docs/errors.md is stale: RECORD_GOLDENS=1")
    for code in DiagnosticCode.all {
      #expect(committed.components(separatedBy: "| `\(code.id)` |").count == 2, "\(code)")
    }
  }
}
