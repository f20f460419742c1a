import Canonical
import Foundation
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing

@testable import Mapping

/// `mapping infer` drafts mappings that load without errors and, on the sample templates, map
/// their own file with no diagnostics and the same records as the shipped mappings.
@Suite struct MappingInferenceTests {
  static let inbox = Fixture.repo("samples/hofors/inbox")
  static let reference = Result {
    try ReferenceData.load(paths: [Fixture.repo("samples/hofors/reference/units.yaml").path])
  }

  static let samples = [
    "BUN Verksamhetsplan 2026.xlsx", "Arbetsplan Petreskolan kvartal 3 2026.xlsx",
    "Arbetsplan Åsens skola kvartal 3 2026.xlsx",
    "Arbetsplan Förskoleområde Norr kvartal 3 2026.xlsx", "Kolada export Hofors 2026-11-20.csv",
  ]

  func draft(_ path: String) throws -> (MappingInference.Draft, MappingFile, Workbook) {
    let workbook = try SpreadsheetFile.read(path: path)
    let draft = MappingInference.infer(workbook)
    let mapping = try MappingFile.load(yaml: draft.yaml, path: "draft.yaml")
    return (draft, mapping, workbook)
  }

  @Test(arguments: samples)
  func draftsMapTheirOwnFileLikeTheShippedMapping(_ file: String) throws {
    let path = Self.inbox.appendingPathComponent(file).path
    let (_, mapping, workbook) = try draft(path)
    let reference = try Self.reference.get()
    let drafted = Mapper(mapping: mapping, reference: reference).map(workbook)
    #expect(drafted.diagnostics.isEmpty, "\(drafted.diagnostics.prefix(3).map(\.description))")
    let set = try MappingSet.load(folder: Fixture.repo("mappings").path)
    let shipped = try #require(set.select(forFile: path, workbook: workbook))
    let expected = Mapper(mapping: shipped.mapping, reference: reference).map(workbook).dataset
    let d = drafted.dataset
    #expect(d.goals.map(\.id) == expected.goals.map(\.id))
    #expect(d.kpis.map(\.id) == expected.kpis.map(\.id))
    #expect(d.activities.map(\.title) == expected.activities.map(\.title))
    #expect(d.measurements.count == expected.measurements.count)
    #expect(d.assessments.count == expected.assessments.count)
  }

  @Test func recognisesTitleBlockMergedGoalsAndSynonyms() throws {
    let (draft, mapping, _) = try draft(
      Self.inbox.appendingPathComponent("Arbetsplan Förskoleområde Norr kvartal 3 2026.xlsx").path)
    #expect(draft.yaml.contains("unit: { label: Förskoleområde, lookup: units }"))
    #expect(draft.yaml.contains("period: { label: Period, type: period }"))
    #expect(mapping.plan?.kind == .unitPlan)
    #expect(mapping.tables.map(\.entity) == [.goal, .assessment, .kpi, .activity])
    #expect(mapping.tables[2].fillDown == ["goal"])
    #expect(mapping.tables[0].field("aligns_to") != nil)  // "Koppling till nämndmål"
    #expect(mapping.tables[3].field("start") != nil)  // "Startdatum"
    #expect(draft.notes.count == 3)
  }

  @Test func twoRowHeadersAndPeriodColumns() throws {
    let folder = Fixture.url("mapping/skolverket")
    let (perKon, m1, _) = try draft(
      folder.appendingPathComponent(
        "Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), per kön 2025 Kommun.csv"
      ).path)
    #expect(m1.tables.first?.header.rows == 2)
    #expect(m1.tables.first?.unpivot?.groupRegex != nil)
    #expect(perKon.yaml.contains("period: { label: Valt läsår, type: period }"))
    let (_, m2, book) = try draft(
      folder.appendingPathComponent(
        "Grundskola - Jämförelse av ämnesbetyg över tid 2025 Kommun_Åk9.csv"
      )
      .path)
    #expect(m2.tables.first?.unpivot?.order == .newestFirst)
    let result = Mapper(mapping: m2).map(book)
    #expect(result.diagnostics.isEmpty)
    #expect(result.dataset.measurements.count == 120)
  }

  @Test func aFileWithNoPlanTableGivesAnEmptyDraftThatLoads() throws {
    let (draft, mapping, _) = try draft(
      Self.inbox.appendingPathComponent("Läsårstider 2026-2027.xlsx").path)
    #expect(mapping.tables.isEmpty)
    #expect(draft.notes.first?.contains("names no goal, KPI or activity") == true)
  }
}
