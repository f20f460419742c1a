import Canonical
import Foundation
import Mapping
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing

@testable import Pipeline

/// Runs the real converter and validator over samples/ekbacka — a second municipality whose
/// four layout families are not Hofors' (a Stratsys export, a sectioned one-sheet template, a
/// three-sheet template with other words, a wide Kolada CSV) — and holds its planted faults
/// (samples/ekbacka/planted-faults.json): once with its own mappings (mappings/ekbacka), once
/// with nothing but the unedited `mapping infer` drafts of one file of each family.
@Suite struct SecondSampleMunicipalityTests {
  static let draftSources = [
    "Utbildningsnämnden verksamhetsplan 2026 (Stratsys-export).xlsx",
    "Uppföljning T2 2026 Björkskolan.xlsx", "Arbetsplan 2026 Ängens förskolor.xlsx",
    "Kolada Ekbacka jämförelse 2026-09-20.csv",
  ]

  static func run(withDrafts: Bool = false) throws -> (PipelineRunner.Summary, Workspace) {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent(
      "redthread-ekbacka-\(UUID().uuidString)")
    try fm.copyItem(at: Fixture.repo("samples/ekbacka"), to: root)
    let mappings = root.appendingPathComponent("mappings")
    if withDrafts {
      try fm.createDirectory(at: mappings, withIntermediateDirectories: true)
      for (i, file) in draftSources.enumerated() {
        let book = try SpreadsheetFile.read(
          path: Fixture.repo("samples/ekbacka/inbox").appendingPathComponent(file).path)
        try Data(MappingInference.infer(book).yaml.utf8).write(
          to: mappings.appendingPathComponent("draft-\(i).yaml"))
      }
    } else {
      try fm.copyItem(at: Fixture.repo("mappings/ekbacka"), to: mappings)
      try fm.copyItem(
        at: Fixture.repo("mappings/shared"), to: root.appendingPathComponent("shared"))
    }
    let workspace = Workspace(root: root)
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    let runner = PipelineRunner(
      workspace: workspace, config: config, converter: try MappingConverter.load(config: config),
      validator: RedThreadChecks(), reporter: RecordingReporter(),
      now: { Date(timeIntervalSince1970: 1_790_000_000) }, wait: { _ in },
      asOf: CalendarDate(year: 2026, month: 9, day: 18))
    return (try runner.runOnce(), workspace)
  }

  @Test(arguments: [false, true])
  func everyPlantedFaultIsFoundAtItsCellAndNothingElse(withDrafts: Bool) throws {
    let data = try Data(contentsOf: Fixture.repo("samples/ekbacka/planted-faults.json"))
    let planted = try JSONDecoder().decode(SampleMunicipalityTests.Planted.self, from: data)
    let (summary, _) = try Self.run(withDrafts: withDrafts)
    // The duplicate delivery is reported on the later received of the two files, and both
    // are copied into the inbox at once: either may be it.
    let copies = Set([
      "Uppföljning T2 2026 Björkskolan.xlsx", "Björkskolan uppföljning T2 rättad.xlsx",
    ])
    let found = summary.diagnostics.filter { $0.severity >= .warning }.map { d -> [String] in
      var file = d.location?.file ?? ""
      if d.code == "duplicate-delivery", copies.contains(file) {
        file = "Björkskolan uppföljning T2 rättad.xlsx"
      }
      return [file, d.location?.reference ?? "", d.code]
    }
    // A fault of a whole file (the duplicate delivery) has no sheet and no cell.
    let expected = planted.faults.map {
      [
        $0.file, $0.sheet.isEmpty ? "" : SourceLocation.quotedSheetName($0.sheet) + "!" + $0.cell,
        $0.code,
      ]
    }
    #expect(Set(found) == Set(expected), "\(summary.diagnostics.map(\.description))")
    #expect(found.count == expected.count)
  }

  @Test func noFileIsRejectedAndNoRowIsLeftOut() throws {
    let (summary, _) = try Self.run()
    #expect(summary.files.count == 7)
    let rejected = summary.files.filter {
      if case .rejected = $0.outcome { return true } else { return false }
    }
    #expect(rejected.isEmpty, "\(summary.files)")
    #expect(!summary.diagnostics.contains { $0.code == "rows-left-out" })
  }
}
