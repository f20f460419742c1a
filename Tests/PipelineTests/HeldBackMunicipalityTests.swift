import Canonical
import Foundation
import Mapping
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing

@testable import Pipeline

/// The held-back municipality (Tests/Fixtures/lindvik, made by `make_lindvik.py` without
/// looking at what RedThread accepts): the four layout families in other words. Run two ways —
/// with mappings written for it (Tests/Fixtures/lindvik/mappings) and with nothing but the
/// UNEDITED `mapping infer` drafts of one file of each family — every planted fault
/// (planted-faults.json, a duplicate delivery included) is found at its cell, and nothing else
/// at warning or error but what a planted fault causes.
@Suite struct HeldBackMunicipalityTests {
  static let fixture = Fixture.repo("Tests/Fixtures/lindvik")

  static func run(withDrafts: Bool) throws -> PipelineRunner.Summary {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent(
      "redthread-lindvik-\(UUID().uuidString)")
    try fm.createDirectory(at: root, withIntermediateDirectories: true)
    for item in ["inbox", "reference", "redthread.yaml"] {
      try fm.copyItem(
        at: fixture.appendingPathComponent(item), to: root.appendingPathComponent(item))
    }
    let mappings = root.appendingPathComponent("mappings")
    if withDrafts {
      try fm.createDirectory(at: mappings, withIntermediateDirectories: true)
      for (i, file) in HeldBackSources.draftSources.enumerated() {
        let book = try SpreadsheetFile.read(
          path: fixture.appendingPathComponent("inbox").appendingPathComponent(file).path)
        try Data(MappingInference.infer(book).yaml.utf8).write(
          to: mappings.appendingPathComponent("draft-\(i).yaml"))
      }
    } else {
      try fm.copyItem(at: fixture.appendingPathComponent("mappings"), to: mappings)
      let shared = root.appendingPathComponent("shared")
      try fm.createDirectory(at: shared, withIntermediateDirectories: true)
      try fm.copyItem(
        at: Fixture.repo("mappings/shared/values.yaml"),
        to: shared.appendingPathComponent("values.yaml"))
    }
    let workspace = Workspace(root: root)
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    let runner = PipelineRunner(
      workspace: workspace, config: config, converter: try MappingConverter.load(config: config),
      validator: RedThreadChecks(), reporter: RecordingReporter(),
      now: { Date(timeIntervalSince1970: 1_790_000_000) }, wait: { _ in },
      asOf: CalendarDate(year: 2026, month: 9, day: 18))
    return try runner.runOnce()
  }

  @Test(arguments: [false, true])
  func everyPlantedFaultIsFoundAtItsCell(withDrafts: Bool) throws {
    let data = try Data(contentsOf: Self.fixture.appendingPathComponent("planted-faults.json"))
    let planted = try JSONDecoder().decode(SampleMunicipalityTests.Planted.self, from: data)
    let summary = try Self.run(withDrafts: withDrafts)
    // A rejected file is reported as file-rejected at the cell that made it so; the reason
    // ends with the code of the fault ("… [unknown-unit]").
    var rejectedBecause: [String: String] = [:]
    for file in summary.files {
      if case .rejected(_, let reason) = file.outcome,
        let open = reason.lastIndex(of: "["), reason.hasSuffix("]")
      {
        rejectedBecause[file.name] = String(
          reason[reason.index(after: open)..<reason.index(before: reason.endIndex)])
      }
    }
    // Both copies of Strandskolan arrive at once: either may be the later received.
    let copies = Set([
      "Strandskolan uppföljning T2 2026.xlsx", "Strandskolan T2 2026 slutversion.xlsx",
    ])
    let found = summary.diagnostics.filter { $0.severity >= .warning }.map { d -> [String] in
      var file = d.location?.file ?? ""
      var code = d.code
      if code == DiagnosticCode.duplicateDelivery.id, copies.contains(file) {
        file = "Strandskolan T2 2026 slutversion.xlsx"
      }
      if code == DiagnosticCode.fileRejected.id, let cause = rejectedBecause[file] { code = cause }
      return [file, d.location?.reference ?? "", code]
    }
    let expected = planted.faults.map {
      [
        $0.file, $0.sheet.isEmpty ? "" : SourceLocation.quotedSheetName($0.sheet) + "!" + $0.cell,
        $0.code,
      ]
    }
    #expect(Set(expected).isSubset(of: Set(found)), "\(summary.diagnostics.map(\.description))")
    // Beyond the planted faults, only what they cause: the unit whose file was rejected for
    // its misspelt name has delivered nothing.
    let extra = found.filter { !expected.contains($0) }
    #expect(extra.map(\.last) == [DiagnosticCode.missingDelivery.id], "\(extra)")
    #expect(
      summary.diagnostics.contains {
        $0.code == DiagnosticCode.missingDelivery.id && $0.message.contains("Åsens skola")
      })
  }

  @Test func aTreeGivenOnlyByIndentationIsRead() throws {
    let path = Self.fixture.appendingPathComponent("variants/Verksamhetsplan indrag.xlsx").path
    let book = try SpreadsheetFile.read(path: path)
    let draft = MappingInference.infer(book)
    #expect(draft.yaml.contains("indent: Mål och mått"), "\(draft.yaml)")
    let mapping = try MappingFile.load(yaml: draft.yaml)
    let reference = try ReferenceData.load(paths: [
      Self.fixture.appendingPathComponent("reference/units.yaml").path
    ])
    let r = Mapper(mapping: mapping, reference: reference).map(book)
    #expect(r.dataset.goals.map(\.id) == ["KF-1", "KF-2", "NM-1", "NM-2", "NM-3"])
    #expect(r.dataset.goals.map(\.parentID) == [nil, nil, "KF-1", "KF-1", "KF-2"])
    #expect(r.dataset.kpis.map(\.goalIDs) == [["NM-1"], ["NM-1"], ["NM-2"], ["NM-3"]])
    #expect(r.dataset.targets.count == 4)
  }
}

/// The files the drafts are made from: one of each layout family.
enum HeldBackSources {
  static let draftSources = [
    "BUN verksamhetsplan 2026.xlsx", "Strandskolan uppföljning T2 2026.xlsx",
    "Solrosen arbetsplan 2026.xlsx", "kolada_jamforelse_lindvik.csv",
  ]
}
