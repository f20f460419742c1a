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
    // The planted faults, and the file no mapping knows (Läsårstider), listed as rejected.
    let expected =
      planted.faults.map {
        [$0.file, SourceLocation.quotedSheetName($0.sheet) + "!" + $0.cell, $0.code]
      } + [["Läsårstider 2026-2027.xlsx", "", "file-rejected"]]
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

/// A mapping's `csv: { ragged_rows: error }` reaches the CSV reader through the pipeline.
@Suite struct RaggedRowPolicyTests {
  @Test func raggedRowsRejectTheFileWhenTheMappingSaysError() throws {
    let root = try SampleMunicipalityTests.copySample()
    let workspace = Workspace(root: root)
    let inbox = workspace.inbox
    for name in try FileManager.default.contentsOfDirectory(atPath: inbox.path) {
      try FileManager.default.removeItem(at: inbox.appendingPathComponent(name))
    }
    let mappingURL = root.appendingPathComponent("mappings/kolada-export.yaml")
    let mapping = try String(contentsOf: mappingURL, encoding: .utf8)
      .replacingOccurrences(of: "ragged_rows: pad", with: "ragged_rows: error")
    try Data(mapping.utf8).write(to: mappingURL)
    let csv =
      "Kommun;Kommun-ID;Nyckeltal-ID;Nyckeltal;År;Kön;Värde\r\n"
      + "Hofors;2104;N15419;Elever;2025;T;69,5\r\n" + "Hofors;2104;N15419;Elever;2024\r\n"
    try Data(csv.utf8).write(to: inbox.appendingPathComponent("Kolada ragged.csv"))
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    let runner = PipelineRunner(
      workspace: workspace, config: config, converter: try MappingConverter.load(config: config),
      validator: RedThreadChecks(), reporter: RecordingReporter(), wait: { _ in })
    let summary = try runner.runOnce()
    guard case .rejected(_, let reason) = summary.files.first?.outcome else {
      Issue.record("expected a rejection, got \(summary.files)")
      return
    }
    #expect(reason.hasSuffix("[ragged-row]"))
  }
}
