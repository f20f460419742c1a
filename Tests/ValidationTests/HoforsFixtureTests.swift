import Canonical
import Foundation
import TestSupport
import Testing
import Validation

/// The Hofors dataset is also committed as canonical JSON (`Tests/Fixtures/validation/`), for
/// the report tests; this keeps the two the same. `RECORD_GOLDENS=1` rewrites the JSON.
@Suite struct HoforsFixtureTests {
  @Test func canonicalJSONFixtureMatchesTheRecords() throws {
    let url = Fixture.url("validation/hofors-2026-Q1.json")
    let data = try Hofors.dataset().canonicalJSON()
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
      try data.write(to: url, options: .atomic)
      Issue.record("recorded \(url.path); run again without RECORD_GOLDENS")
      return
    }
    let committed = try Data(contentsOf: url)
    #expect(committed == data)
    #expect(try JSONDecoder().decode(Dataset.self, from: committed) == Hofors.dataset())
  }
}
