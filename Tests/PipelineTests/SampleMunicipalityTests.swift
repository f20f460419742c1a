import Canonical
import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import Pipeline

/// Runs the real converter and validator over a copy of samples/hofors, the demo municipality,
/// and holds the planted faults listed in samples/planted-faults.json.
@Suite struct SampleMunicipalityTests {
  struct Planted: Decodable {
    struct Fault: Decodable {
      var code: String
      var file: String
      var sheet: String
      var cell: String
    }
    var faults: [Fault]
  }

  static func copySample() throws -> URL {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent(
      "redthread-sample-\(UUID().uuidString)")
    try fm.copyItem(at: Fixture.repo("samples/hofors"), to: root)
    try fm.copyItem(at: Fixture.repo("mappings"), to: root.appendingPathComponent("mappings"))
    return root
  }

  static func run() throws -> (PipelineRunner.Summary, Workspace) {
    let root = try copySample()
    let workspace = Workspace(root: root)
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    let runner = PipelineRunner(
      workspace: workspace, config: config, converter: try MappingConverter.load(config: config),
      validator: RedThreadChecks(), reporter: RecordingReporter(),
      now: { Date(timeIntervalSince1970: 1_790_000_000) }, wait: { _ in },
      asOf: CalendarDate(year: 2026, month: 10, day: 15))
    return (try runner.runOnce(), workspace)
  }

  @Test func everyPlantedFaultIsFoundAtItsCellAndNothingElse() throws {
    let data = try Data(contentsOf: Fixture.repo("samples/planted-faults.json"))
    let planted = try JSONDecoder().decode(Planted.self, from: data)
    let (summary, _) = try Self.run()
    let found = summary.diagnostics.filter { $0.severity >= .warning }.map {
      [$0.location?.file ?? "", $0.location?.reference ?? "", $0.code]
    }
    let expected = planted.faults.map {
      [$0.file, SourceLocation.quotedSheetName($0.sheet) + "!" + $0.cell, $0.code]
    }
    #expect(Set(found) == Set(expected))
    #expect(found.count == expected.count)
  }

  @Test func cleanFilesAreArchivedTheUnmatchedOneRejectedTheLockFileLeft() throws {
    let (summary, workspace) = try Self.run()
    let archived = summary.files.filter {
      if case .archived = $0.outcome { return true } else { return false }
    }.map(\.name)
    #expect(archived.count == 9)
    #expect(archived.contains("Kolada export Hofors 2026-11-20.csv"))
    let rejected = summary.files.compactMap { file -> String? in
      if case .rejected(_, let reason) = file.outcome { return file.name + ": " + reason }
      return nil
    }
    #expect(rejected.count == 1)
    #expect(rejected.first?.hasPrefix("Läsårstider 2026-2027.xlsx:") == true)
    #expect(rejected.first?.hasSuffix("[no-matching-mapping]") == true)
    #expect(summary.skipped.map(\.name) == ["~$Arbetsplan Petreskolan kvartal 3 2026.xlsx"])
    let reason = workspace.rejected.appendingPathComponent("Läsårstider 2026-2027.xlsx.reason.txt")
    #expect(FileManager.default.fileExists(atPath: reason.path))
    let inbox = try FileManager.default.contentsOfDirectory(atPath: workspace.inbox.path)
    #expect(inbox == ["~$Arbetsplan Petreskolan kvartal 3 2026.xlsx"])
  }
}
