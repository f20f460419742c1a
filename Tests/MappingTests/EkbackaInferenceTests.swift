import Canonical
import Foundation
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing

@testable import Mapping

/// Unedited `mapping infer` drafts (issue #14 item 8): drafted from one of the second sample
/// municipality's files, they load, say honestly how many columns they placed, and map the
/// other units' files of the same template.
@Suite struct EkbackaInferenceTests {
  static let inbox = Fixture.repo("samples/ekbacka/inbox")
  static let reference = Result {
    try ReferenceData.load(paths: [Fixture.repo("samples/ekbacka/reference/units.yaml").path])
  }

  static func draft(_ file: String) throws -> (MappingInference.Draft, MappingFile) {
    let book = try SpreadsheetFile.read(path: inbox.appendingPathComponent(file).path)
    let draft = MappingInference.infer(book)
    return (draft, try MappingFile.load(yaml: draft.yaml))
  }

  static func map(_ mapping: MappingFile, _ file: String) throws -> MappingResult {
    let path = inbox.appendingPathComponent(file).path
    let book = try SpreadsheetFile.read(path: path)
    let set = MappingSet([mapping])
    #expect(set.select(forFile: path, workbook: book) != nil, "\(file) not chosen")
    return Mapper(mapping: mapping, reference: try reference.get()).map(book)
  }

  @Test func threeSheetDraftMapsAnotherUnitsFile() throws {
    let (draft, mapping) = try Self.draft("Arbetsplan 2026 Ängens förskolor.xlsx")
    #expect(mapping.match.files == ["*.xlsx"])
    #expect(draft.yaml.contains("unit: { label: Skolenhet, lookup: units }"))
    #expect(draft.yaml.contains("end: Klart datum"))
    #expect(draft.yaml.contains("title: Vårt mål"))
    #expect(draft.yaml.contains("aligns_to: { columns: [Nämndmål, Läroplan] }"))
    #expect(
      draft.notes.contains { $0.contains("'Aktiviteter': header on row 4, activity table, 5 of 5") }
    )
    let r = try Self.map(mapping, "Tallbackens skola arbetsplan T2 2026.xlsx")
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.dataset.goals.map(\.id) == ["tallbackens-skola-M1", "tallbackens-skola-M2"])
    #expect(r.dataset.assessments.map(\.level) == [.notFulfilled, .fulfilled])  // 🙁, 😊
    #expect(r.dataset.kpis.map(\.goalIDs) == [["tallbackens-skola-M1"], ["tallbackens-skola-M2"]])
    #expect(r.dataset.activities.map(\.status) == [.ongoing, .ongoing])
  }

  @Test func stratsysDraftReadsTheTreeFromTheTypColumn() throws {
    let (draft, mapping) = try Self.draft(
      "Utbildningsnämnden verksamhetsplan 2026 (Stratsys-export).xlsx")
    #expect(draft.notes.first?.contains("level column A \"Typ\"") == true)
    let r = try Self.map(mapping, "Utbildningsnämnden verksamhetsplan 2026 (Stratsys-export).xlsx")
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.dataset.goals.map(\.id) == ["KF-1", "KF-2", "NM-1", "NM-2", "NM-3"])
    #expect(r.dataset.kpis.map(\.goalIDs) == [["NM-1"], ["NM-1"], ["NM-2"], ["NM-3"]])
    #expect(r.dataset.activities.count == 1)
  }

  @Test func sectionedDraftReadsSectionsLabelsAndRepeatedSubHeaders() throws {
    let (draft, mapping) = try Self.draft("Uppföljning T2 2026 Björkskolan.xlsx")
    #expect(draft.notes.first?.contains("2 sections \"Prioriterat mål N: …\" (rows 6, 18)") == true)
    #expect(draft.yaml.contains("columns_regex: \"^(Utfall T\\\\d+ totalt|Flickor|Pojkar)$\""))
    let r = try Self.map(mapping, "Hagaskolan uppföljning T2.xlsx")
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.dataset.goals.map(\.id) == ["hagaskolan-M1", "hagaskolan-M2"])
    #expect(r.dataset.goals.first?.alignsTo == ["Alla elever ska klara kunskapsmålen"])
    #expect(r.dataset.assessments.map(\.level) == [.notFulfilled, .notAssessed])
    #expect(r.dataset.kpis.count == 1 && r.dataset.targets.count == 1)
    #expect(r.dataset.measurements.map(\.gender) == [.total, .female, .male])
    #expect(r.dataset.activities.count == 1)
    #expect(r.explanation.leftOut.isEmpty)
  }

  @Test func aDraftDoesNotCountColumnsItDidNotPlace() throws {
    let (draft, _) = try Self.draft("Kolada Ekbacka jämförelse 2026-09-20.csv")
    // Nyckeltal-ID, Nyckeltal and Kommun-ID are read, and Kommun with Kommun-ID names the
    // comparison series; the three years are unpivoted. Nothing is left, and nothing more is
    // counted than the draft reads.
    #expect(draft.notes.first?.contains("4 of 7 columns placed, 3 period columns") == true)
    #expect(draft.yaml.contains("comparison: { columns: [Kommun-ID, Kommun] }"))
    #expect(!draft.yaml.contains("# not mapped"))
  }
}
