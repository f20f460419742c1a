import Foundation
import TestSupport
import Testing

@testable import Mapping

/// Every mapping under mappings/ loads with no errors (what `redthread mapping check
/// mappings/` reports), and the folder loads as one set with distinct names.
@Suite struct ShippedMappingsTests {
  static let files: [String] = {
    let folder = Fixture.repo("mappings").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }()

  @Test func thereAreShippedMappings() {
    #expect(Self.files.count >= 4)
  }

  @Test(arguments: files)
  func loadsWithoutErrors(_ name: String) {
    let errors = MappingFile.check(path: Fixture.repo("mappings/\(name)").path)
    #expect(errors.isEmpty, "\(errors.map(\.description))")
  }

  @Test func folderLoadsAsASet() throws {
    let set = try MappingSet.load(folder: Fixture.repo("mappings").path)
    #expect(set.mappings.count == Self.files.count)
    #expect(Set(set.mappings.map(\.name)).count == set.mappings.count)
  }
}
