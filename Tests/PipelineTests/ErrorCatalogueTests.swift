import Foundation
import TestSupport
import Testing

@testable import Pipeline

@Suite struct ErrorCatalogueTests {
  @Test func docsErrorsIsFresh() throws {
    let url = Fixture.repo("docs/errors.md")
    let generated = ErrorCatalogue.markdown()
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
      try Data(generated.utf8).write(to: url)
      Issue.record("recorded docs/errors.md; run again without RECORD_GOLDENS")
      return
    }
    let committed = try String(contentsOf: url, encoding: .utf8)
    #expect(committed == generated, "docs/errors.md is stale: RECORD_GOLDENS=1 make test")
  }

  @Test func codesAreKebabCaseAndUniqueWithinASection() {
    for section in ErrorCatalogue.sections {
      let codes = section.entries.map(\.code)
      #expect(Set(codes).count == codes.count, "duplicate code in \(section.title)")
      for code in codes {
        #expect(
          code.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } && !code.hasPrefix("-"),
          "\(code) is not kebab-case")
      }
    }
  }
}
