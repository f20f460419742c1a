import Canonical
import Foundation
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing

@testable import Mapping

/// The second sample municipality's files (samples/ekbacka, made with openpyxl) through its
/// own mappings (mappings/ekbacka): a tree from a Typ column, sections with label/value rows
/// and repeated sub-headers, one-cell `Label: value` context, smileys, traffic lights, Riket
/// rows as a comparison series. Counts are those of samples/ekbacka/README.md.
@Suite struct EkbackaMappingTests {
  static let inbox = Fixture.repo("samples/ekbacka/inbox")
  static let set = Result { try MappingSet.load(folder: Fixture.repo("mappings/ekbacka").path) }
  static let reference = Result {
    try ReferenceData.load(paths: [
      Fixture.repo("samples/ekbacka/reference/units.yaml").path,
      Fixture.repo("samples/ekbacka/reference/national-goals.yaml").path,
    ])
  }

  static func map(_ file: String) throws -> (MappingSet.Selection, MappingResult) {
    let path = inbox.appendingPathComponent(file).path
    let book = try SpreadsheetFile.read(path: path)
    let chosen = try #require(try set.get().select(forFile: path, workbook: book))
    return (chosen, Mapper(mapping: chosen.mapping, reference: try reference.get()).map(book))
  }

  @Test func stratsysExportBecomesATreeWithReadableIDs() throws {
    let (chosen, r) = try Self.map(
      "Utbildningsnämnden verksamhetsplan 2026 (Stratsys-export).xlsx")
    #expect(chosen.mapping.name == "ekbacka-stratsys")
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.dataset.goals.map(\.id) == ["KF-1", "KF-2", "NM-1", "NM-2", "NM-3"])
    #expect(r.dataset.goals.map(\.parentID) == [nil, nil, "KF-1", "KF-1", "KF-2"])
    #expect(r.dataset.goals[3].alignsTo == ["Lgr22 2.1", "Lpfö18 2.1"])
    #expect(r.dataset.kpis.map(\.goalIDs) == [["NM-1"], ["NM-1"], ["NM-2"], ["NM-3"]])
    #expect(r.dataset.targets.count == 4)
    #expect(r.dataset.activities.map(\.goalIDs) == [["NM-1"]])
    #expect(r.explanation.leftOut.isEmpty)
  }

  @Test func sectionedTemplateReadsLabelsSubHeadersAndGenderColumns() throws {
    let (chosen, r) = try Self.map("Uppföljning T2 2026 Björkskolan.xlsx")
    #expect(chosen.mapping.name == "ekbacka-uppfoljning")
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.dataset.goals.map(\.id) == ["bjorkskolan-M1", "bjorkskolan-M2"])
    #expect(r.dataset.goals.first?.alignsTo == ["Alla elever ska nå kunskapskraven i alla ämnen"])
    #expect(r.dataset.goals.first?.provenance?.cells?["aligns_to"] == "B7")
    #expect(r.dataset.assessments.map(\.level) == [.partlyFulfilled, .fulfilled])
    #expect(
      r.dataset.kpis.map(\.goalIDs) == [["bjorkskolan-M1"], ["bjorkskolan-M1"], ["bjorkskolan-M2"]])
    #expect(r.dataset.targets.count == 3)
    #expect(r.dataset.measurements.count == 9)
    #expect(r.dataset.measurements.prefix(3).map(\.gender) == [.total, .female, .male])
    // The activity without a start date is kept; its comment goes on on the next row.
    #expect(r.dataset.activities.count == 3)
    #expect(r.dataset.activities[1].start == nil)
    #expect(
      r.dataset.activities[1].comment
        == "Startdatum ej satt\nStartar när fritids har full bemanning.")
    #expect(r.explanation.leftOut.isEmpty)
  }

  @Test func threeSheetTemplateWithOneCellLabelsSmileysAndTrafficLights() throws {
    let (chosen, r) = try Self.map("Arbetsplan 2026 Ängens förskolor.xlsx")
    #expect(chosen.mapping.name == "ekbacka-arbetsplan")
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.dataset.plans.first?.unitID == "angen")  // "Skolenhet: Ängens förskolor" in A1
    #expect(r.dataset.assessments.map(\.level) == [.partlyFulfilled, .fulfilled])
    #expect(r.dataset.activities.map(\.status) == [.ongoing, .done])
    #expect(r.dataset.targets.count == 1)
    let (_, t) = try Self.map("Tallbackens skola arbetsplan T2 2026.xlsx")
    #expect(t.dataset.plans.first?.unitID == "tallbackens-skola")  // "Tallbackens skola 7–9"
    #expect(
      t.dataset.goals.first?.alignsTo == [
        "Alla elever ska nå kunskapskraven i alla ämnen", "2.2 Kunskaper",
        "2.7 Bedömning och betyg",
      ])
  }

  @Test func wideKoladaKeepsRiketAndTheCountyAsComparisonSeries() throws {
    let (_, r) = try Self.map("Kolada Ekbacka jämförelse 2026-09-20.csv")
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    let m = r.dataset.measurements
    #expect(m.count == 21)
    #expect(m.filter { $0.comparison == nil }.allSatisfy { $0.unitID == "ekbacka" })
    #expect(m.filter { $0.comparison == .nation }.count == 9)
    #expect(m.filter { $0.comparison == .county }.count == 3)
    #expect(m.filter { $0.missingReason == .suppressed }.count == 1)
  }

  @Test func aRenamedUnitFileIsChosenByItsContent() throws {
    let source = Fixture.repo("samples/hofors/inbox/Arbetsplan Petreskolan kvartal 3 2026.xlsx")
    var book = try SpreadsheetFile.read(path: source.path)
    book.path = "Petreskolan uppföljning Q3.xlsx"
    let set = try MappingSet.load(folder: Fixture.repo("mappings").path)
    let chosen = try #require(set.select(forFile: book.path, workbook: book))
    #expect(chosen.mapping.name == "arbetsplan-grundskola")
    #expect(chosen.reason.contains("the content decides"))
  }
}
