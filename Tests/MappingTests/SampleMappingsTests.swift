import Canonical
import Foundation
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing

@testable import Mapping

/// The shipped mappings ingest the sample municipality's workbooks with no diagnostics, with
/// the record counts below, and record the cells of the planted faults for validation.
///
/// Counts made independently with openpyxl (rows with a name in column B below the header;
/// non-empty Målvärde and Utfall cells):
///   python3 -c "import openpyxl,glob; [print(f, [(ws.title, sum(1 for r in ws.iter_rows(
///     min_row=7) if r[1].value)) for ws in openpyxl.load_workbook(f)]) for f in
///     glob.glob('samples/hofors/inbox/*.xlsx') if not f.split('/')[-1].startswith('~')]"
/// (preschool files have their header on row 8; Åsens skola has one empty Målvärde.)
@Suite struct SampleMappingsTests {
  static let inbox = Fixture.repo("samples/hofors/inbox")
  static let set = Result { try MappingSet.load(folder: Fixture.repo("mappings").path) }
  static let reference = Result {
    try ReferenceData.load(paths: [
      Fixture.repo("samples/hofors/reference/units.yaml").path,
      Fixture.repo("samples/hofors/reference/national-goals.yaml").path,
    ])
  }

  struct Expected: Sendable, CustomStringConvertible {
    var file: String
    var mapping: String
    var goals: Int
    var assessments: Int
    var kpis: Int
    var targets: Int
    var measurements: Int
    var activities: Int
    var description: String { file }
  }

  static let expected: [Expected] = [
    Expected(
      file: "BUN Verksamhetsplan 2026.xlsx", mapping: "verksamhetsplan", goals: 4 + 6,
      assessments: 0, kpis: 12, targets: 12, measurements: 0, activities: 0),
    Expected(
      file: "Arbetsplan Petreskolan kvartal 3 2026.xlsx", mapping: "arbetsplan-grundskola",
      goals: 4, assessments: 4, kpis: 4, targets: 4, measurements: 4, activities: 6),
    Expected(
      file: "Arbetsplan Lillåskolan kvartal 3 2026.xlsx", mapping: "arbetsplan-grundskola",
      goals: 3, assessments: 3, kpis: 4, targets: 4, measurements: 4, activities: 4),
    Expected(
      file: "Arbetsplan Hyttbackens skola kvartal 3 2026.xlsx", mapping: "arbetsplan-grundskola",
      goals: 3, assessments: 3, kpis: 3, targets: 3, measurements: 3, activities: 4),
    Expected(
      file: "Arbetsplan Åsens skola kvartal 3 2026.xlsx", mapping: "arbetsplan-grundskola",
      goals: 4, assessments: 4, kpis: 4, targets: 3, measurements: 4, activities: 5),
    Expected(
      file: "Arbetsplan Förskoleområde Centrum kvartal 3 2026.xlsx",
      mapping: "arbetsplan-forskola", goals: 3, assessments: 3, kpis: 3, targets: 3,
      measurements: 3, activities: 4),
    Expected(
      file: "Arbetsplan Förskoleområde Norr kvartal 3 2026.xlsx", mapping: "arbetsplan-forskola",
      goals: 3, assessments: 3, kpis: 3, targets: 3, measurements: 3, activities: 4),
    Expected(
      file: "Arbetsplan Förskoleområde Söder kvartal 3 2026.xlsx", mapping: "arbetsplan-forskola",
      goals: 3, assessments: 3, kpis: 3, targets: 3, measurements: 3, activities: 4),
  ]

  func map(_ file: String) throws -> (MappingSet.Selection, MappingResult) {
    let path = Self.inbox.appendingPathComponent(file).path
    let workbook = try SpreadsheetFile.read(path: path)
    let chosen = try #require(try Self.set.get().select(forFile: path, workbook: workbook))
    let result = Mapper(mapping: chosen.mapping, reference: try Self.reference.get()).map(workbook)
    return (chosen, result)
  }

  @Test(arguments: expected)
  func ingestsWithoutDiagnostics(_ e: Expected) throws {
    let (chosen, result) = try map(e.file)
    #expect(chosen.mapping.name == e.mapping)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    let d = result.dataset
    #expect(d.goals.count == e.goals)
    #expect(d.assessments.count == e.assessments)
    #expect(d.kpis.count == e.kpis)
    #expect(d.targets.count == e.targets)
    #expect(d.measurements.count == e.measurements)
    #expect(d.activities.count == e.activities)
    #expect(d.plans.count == 1)
    #expect(d.plans.first?.unitID != nil)
    let records: [Provenance?] =
      d.goals.map(\.provenance) + d.kpis.map(\.provenance) + d.activities.map(\.provenance)
    #expect(records.allSatisfy { $0?.mapping == e.mapping && $0?.cell != nil })
  }

  @Test func unitsAndPeriodsResolveFromTheTitleBlock() throws {
    let expectations = [
      ("Arbetsplan Åsens skola kvartal 3 2026.xlsx", "asens-skola"),  // B2 "Åsenskolan"
      ("Arbetsplan Hyttbackens skola kvartal 3 2026.xlsx", "hyttbackens-skola"),  // "Hyttbacken"
      ("Arbetsplan Förskoleområde Norr kvartal 3 2026.xlsx", "forskoleomrade-norr"),
      ("BUN Verksamhetsplan 2026.xlsx", "bun"),
    ]
    for (file, unit) in expectations {
      let plan = try #require(try map(file).1.dataset.plans.first)
      #expect(plan.unitID == unit)
      #expect(plan.period?.id == (file.hasPrefix("BUN") ? "2026" : "2026-Q3"))
    }
  }

  @Test func boardPlanAlignsToCouncilAndNationalGoals() throws {
    let d = try map("BUN Verksamhetsplan 2026.xlsx").1.dataset
    let nm4 = try #require(d.goals.first { $0.id == "NM-4" })
    #expect(nm4.level == .board)
    #expect(nm4.alignsTo == ["KF-1", "LGR22-2.3", "LGR22-2.4", "LPFO18-2.3", "LPFO18-2.4"])
    #expect(d.goals.filter { $0.level == .council }.allSatisfy { $0.ownerUnitID == "hofors-kf" })
    let range = try #require(d.targets.first { $0.kpiID == "N11010" })
    #expect(range.comparison == .range && range.value == 5.0 && range.upperValue == 5.5)
    let cost = try #require(d.targets.first { $0.kpiID == "N15008" })
    #expect(cost.comparison == .atMost && cost.value == 135_000)
    #expect(d.targets.first { $0.kpiID == "N15485" }?.comparison == .increase)
    #expect(d.kpis.first { $0.id == "N00090" }?.direction == .lower)
  }

  @Test func outcomesAsTextAsPercentCellsAndMissing() throws {
    let hyttbacken = try map("Arbetsplan Hyttbackens skola kvartal 3 2026.xlsx").1.dataset
    #expect(hyttbacken.measurements.allSatisfy { $0.value != nil })
    #expect(hyttbacken.measurements.contains { $0.value == 91.2 })  // 0.912 under 0.0%
    let lilla = try map("Arbetsplan Lillåskolan kvartal 3 2026.xlsx").1.dataset
    let notMeasured = try #require(lilla.measurements.first { $0.kpiID == "N15643" })
    #expect(notMeasured.value == nil && notMeasured.missingReason == .notMeasured)
    #expect(notMeasured.provenance?.cell == "E10")
    let petre = try map("Arbetsplan Petreskolan kvartal 3 2026.xlsx").1.dataset
    let local = try #require(petre.kpis.first { !$0.isKoladaID })
    #expect(local.id == "petreskolan-Nyckeltal-8")  // empty Kolada-ID: an id of its own
  }

  @Test func plantedFaultsKeepTheirCellsForValidation() throws {
    let asen = try map("Arbetsplan Åsens skola kvartal 3 2026.xlsx").1.dataset
    let ase2 = try #require(asen.goals.first { $0.id == "ASE-2" })
    #expect(ase2.alignsTo == ["NM-22"])
    #expect(ase2.provenance?.cells?["aligns_to"] == "C8")
    let ase3 = try #require(asen.goals.first { $0.id == "ASE-3" })
    #expect(ase3.prioritised && ase3.provenance?.cell == "A9")
    let n15814 = try #require(asen.kpis.first { $0.id == "N15814" })
    #expect(n15814.provenance?.cells?["target"] == "D10")
    #expect(!asen.targets.contains { $0.kpiID == "N15814" })
    let late = try #require(asen.activities.first { $0.provenance?.row == 8 })
    #expect(late.end?.description == "2026-10-30" && late.start?.description == "2026-11-02")
    #expect(late.provenance?.cells?["end"] == "E8" && late.provenance?.cells?["start"] == "D8")

    let norr = try map("Arbetsplan Förskoleområde Norr kvartal 3 2026.xlsx").1.dataset
    let orphan = try #require(norr.kpis.first { $0.id == "N11703" })
    #expect(orphan.goalIDs.isEmpty && orphan.provenance?.cells?["goal"] == "A9")
    let overdue = try #require(norr.activities.first { $0.provenance?.row == 9 })
    #expect(overdue.status == .ongoing && overdue.end?.description == "2026-08-31")
    #expect(
      overdue.provenance?.cells?["end"] == "F9" && overdue.provenance?.cells?["status"] == "C9")

    let centrum = try map("Arbetsplan Förskoleområde Centrum kvartal 3 2026.xlsx").1.dataset
    let done = centrum.activities.filter { [10, 11].contains($0.provenance?.row ?? 0) }
    #expect(done.map(\.status) == [.done, .done])  // "Genomförd"
    #expect(centrum.goals.contains { $0.alignsTo == ["NM-4", "LPFO18-2.3"] })
  }

  /// python3 -c "import csv; r=list(csv.DictReader(open('samples/hofors/inbox/Kolada export
  ///   Hofors 2026-11-20.csv', encoding='cp1252'), delimiter=';')); print(len(r),
  ///   sum(x['Värde']=='..' for x in r), sum(x['Värde']=='' for x in r))"  → 54 4 3
  @Test func koladaExportCSV() throws {
    let (chosen, result) = try map("Kolada export Hofors 2026-11-20.csv")
    #expect(chosen.mapping.name == "kolada-export")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    let m = result.dataset.measurements
    #expect(m.count == 54)
    #expect(m.filter { $0.missingReason == .suppressed && $0.missingToken == ".." }.count == 4)
    #expect(m.filter { $0.missingReason == .blank }.count == 3)
    #expect(m.allSatisfy { $0.unitID == "hofors" })
    #expect(Set(m.map(\.kpiID)).count == 8)
    #expect(m.filter { $0.kpiID == "N15008" }.map(\.value) == [128_412, 133_905, 139_210])
    #expect(Set(m.map(\.gender)) == [.total, .female, .male])
    #expect(m.first?.provenance?.line == 2)
    #expect(m.first?.period?.id == "2023")
  }

  @Test func nonPlanWorkbookMatchesNoMapping() throws {
    let path = Self.inbox.appendingPathComponent("Läsårstider 2026-2027.xlsx").path
    let workbook = try SpreadsheetFile.read(path: path)
    #expect(try Self.set.get().select(forFile: path, workbook: workbook) == nil)
  }
}
