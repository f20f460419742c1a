import Canonical
import Foundation
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing

@testable import Mapping

/// The Kolada, UN SDG framework and NCDPI strategic-plan mappings ingest their real files with
/// zero diagnostics and the counts below, counted independently with Python:
///
/// - Kolada: `len([r for r in csv.DictReader(open(f)) if any(r.values())])` per file.
/// - UN framework: openpyxl, rows whose B matches `Goal \d+\.` (goals), `\d+\.[0-9a-z]+\s`
///   (targets), and whose C matches `\d+\.[0-9a-z]+\.\d+\s` (indicators): 17, 169, 244.
/// - NCDPI: csv/openpyxl non-blank rows per table; measure goals matching
///   `(?i)\b(increase|decrease|reduce)\b[^.]*?\bto\s+[\d.,]+` (13 of 57, 13 of 49); non-empty
///   ActualValue (21; 15 in the older XLSX) and TargetValue (57) cells.
@Suite struct RealDataMappingTests {
  static let set = Result { try MappingSet.load(folder: Fixture.repo("mappings").path) }

  static func map(_ path: String, reference: ReferenceData = .empty) throws -> (
    String, MappingResult
  ) {
    let workbook = try SpreadsheetFile.read(path: path)
    let chosen = try #require(try set.get().select(forFile: path, workbook: workbook))
    return (
      chosen.mapping.name, Mapper(mapping: chosen.mapping, reference: reference).map(workbook)
    )
  }

  static func counts(_ d: Dataset) -> [String: Int] {
    var c: [String: Int] = [:]
    c["goals"] = d.goals.count
    c["kpis"] = d.kpis.count
    c["targets"] = d.targets.count
    c["measurements"] = d.measurements.count
    c["activities"] = d.activities.count
    c["units"] = d.units.count
    return c.filter { $0.value > 0 }
  }

  // MARK: Kolada

  @Test func koladaCatalogueValuesAndMunicipalities() throws {
    let folder = Fixture.url("mapping/kolada")
    let (m1, catalogue) = try Self.map(folder.appendingPathComponent("sysdata__kpi_df.csv").path)
    #expect(m1 == "kolada-kpi-catalogue")
    #expect(catalogue.diagnostics.isEmpty)
    #expect(Self.counts(catalogue.dataset) == ["kpis": 25])
    let n15419 = try #require(catalogue.dataset.kpis.first { $0.id == "N15419" })
    #expect(n15419.unitOfMeasure == "%")  // "…, andel (%)"
    #expect(catalogue.dataset.kpis.first?.unitOfMeasure == "kr/inv")

    let (m2, values) = try Self.map(folder.appendingPathComponent("sysdata__n00945.csv").path)
    #expect(m2 == "kolada-values")
    #expect(values.diagnostics.isEmpty)
    #expect(Self.counts(values.dataset) == ["measurements": 63])
    let first = try #require(values.dataset.measurements.first)
    #expect(first.unitID == "0180" && first.period?.id == "2000" && first.gender == .total)
    #expect(first.value == 31.32959689)

    let (m3, munic) = try Self.map(folder.appendingPathComponent("sysdata__munic.csv").path)
    #expect(m3 == "kolada-municipalities")
    #expect(munic.diagnostics.isEmpty)
    #expect(Self.counts(munic.dataset) == ["units": 312])
    #expect(munic.dataset.units.filter { $0.kind == .municipality }.count == 290)
    #expect(munic.dataset.units.first?.id == "0000")
  }

  @Test func unitRegisterFromAFile() throws {
    let reference = try ReferenceData.load(paths: [
      Fixture.url("mapping/kolada/registers.yaml").path
    ])
    #expect(reference.units.count == 290)  // type K only
    #expect(reference.unitID(for: "Göteborg") == .found("1480"))
    #expect(reference.unitID(for: "göteborg ") == .found("1480"))
    #expect(reference.unitID(for: "0180") == .found("0180"))
    #expect(reference.unitID(for: "Gotebrg") == .notFound(suggestion: "Göteborg"))
    #expect(reference.unitID(for: "Riket") == .notFound(suggestion: nil))  // a region (L)
  }

  @Test(.enabled(if: Fixture.shared != nil))
  func koladaWholeFiles() throws {
    guard let shared = Fixture.shared else { return }
    let folder = shared.appendingPathComponent("realdata/kolada-rkolada")
    let expected: [(String, String, [String: Int])] = [
      ("sysdata__kpi_df.csv", "kolada-kpi-catalogue", ["kpis": 6099]),
      ("sysdata__n00945.csv", "kolada-values", ["measurements": 63]),
      ("sysdata__grp_data.csv", "kolada-values", ["measurements": 192]),
      ("sysdata__kld_data.csv", "kolada-values", ["measurements": 48]),
      ("sysdata__munic.csv", "kolada-municipalities", ["units": 312]),
    ]
    for (file, mapping, counts) in expected {
      let (name, result) = try Self.map(folder.appendingPathComponent(file).path)
      #expect(name == mapping, "\(file)")
      #expect(result.diagnostics.isEmpty, "\(file): \(result.diagnostics.prefix(3))")
      #expect(Self.counts(result.dataset) == counts, "\(file)")
    }
  }

  // MARK: UN SDG framework

  static func checkSDG(_ path: String, goals: Int, targets: Int, indicators: Int) throws {
    let (name, result) = try Self.map(path)
    #expect(name == "unsd-sdg-framework")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3))")
    let d = result.dataset
    let topGoals = d.goals.filter { $0.parentID == nil }
    let subGoals = d.goals.filter { $0.parentID != nil }
    #expect(topGoals.count == goals)
    #expect(subGoals.count == targets)
    #expect(d.kpis.count == indicators)
    // Every target's parent is a goal; every indicator's target exists; ids nest by code.
    let ids = Set(d.goals.map(\.id))
    #expect(subGoals.allSatisfy { ids.contains($0.parentID ?? "") })
    #expect(d.kpis.allSatisfy { $0.goalIDs.count == 1 && ids.contains($0.goalIDs[0]) })
    #expect(d.kpis.allSatisfy { $0.id.hasPrefix(($0.goalIDs.first ?? "") + ".") })
    #expect(subGoals.allSatisfy { $0.id.hasPrefix(($0.parentID ?? "") + ".") })
    let first = try #require(topGoals.first)
    #expect(first.id == "SDG-1" && first.title == "End poverty in all its forms everywhere")
    #expect(first.provenance?.cell == "B4")
    // Row 7's target cell is inside the merged B6:B7.
    let k122 = try #require(d.kpis.first { $0.id == "SDG-1.2.2" })
    #expect(k122.goalIDs == ["SDG-1.2"] && k122.provenance?.cells?["goal"] == "B7")
  }

  @Test func sdgFrameworkExcerpt() throws {
    try Self.checkSDG(
      Fixture.url("mapping/unsd/Global Indicator Framework after refinement.English.xlsx").path,
      goals: 3, targets: 21, indicators: 36)
  }

  @Test(.enabled(if: Fixture.shared != nil))
  func sdgFrameworkWholeFile() throws {
    guard let shared = Fixture.shared else { return }
    let path = shared.appendingPathComponent(
      "realdata/unsd-sdg-framework/Global Indicator Framework after refinement.English.xlsx"
    ).path
    try Self.checkSDG(path, goals: 17, targets: 169, indicators: 244)
    let d = try Self.map(path).1.dataset
    // The same UN indicator appears under several targets with different numbers.
    #expect(d.kpis.contains { $0.id == "SDG-1.5.1" } && d.kpis.contains { $0.id == "SDG-11.5.1" })
    #expect(d.goals.first { $0.id == "SDG-17.18" }?.parentID == "SDG-17")  // after "Data, …"
  }

  // MARK: NCDPI

  static func ncdpiReference(statuses: URL) throws -> ReferenceData {
    var reference = ReferenceData()
    let workbook = try SpreadsheetFile.read(path: statuses.path)
    try reference.addRegister(
      workbook,
      spec: .init(
        name: "action-status", file: statuses.path, isUnits: false, sheet: nil, columns: [:],
        key: "ActionID", value: "Status", unitKind: .other, parent: nil, keepColumn: nil,
        keepEquals: []), location: SourceLocation(file: statuses.path))
    return reference
  }

  static func checkNCDPI(folder: URL, csv: [String: [String: Int]], xlsx: [String: Int]) throws {
    let reference = try ncdpiReference(
      statuses: folder.appendingPathComponent("action-statuses.csv"))
    var all = Dataset()
    for (file, counts) in csv {
      let (name, result) = try Self.map(
        folder.appendingPathComponent(file).path, reference: reference)
      #expect(name == "ncdpi-strategic-plan", "\(file)")
      #expect(result.diagnostics.isEmpty, "\(file): \(result.diagnostics.prefix(3))")
      #expect(Self.counts(result.dataset) == counts, "\(file)")
      all.append(contentsOf: result.dataset)
    }
    let (_, book) = try Self.map(
      folder.appendingPathComponent("DIM_TablesForTableau.xlsx").path, reference: reference)
    #expect(book.diagnostics.isEmpty, "\(book.diagnostics.prefix(3))")
    #expect(Self.counts(book.dataset) == xlsx)

    // pillars → focus areas (parent-id column) → actions (from their code) with a status.
    let pillars = Set(all.goals.filter { $0.parentID == nil }.map(\.id))
    let focus = all.goals.filter { $0.parentID != nil }
    #expect(focus.allSatisfy { pillars.contains($0.parentID ?? "") })
    let focusIDs = Set(focus.map(\.id))
    #expect(all.activities.allSatisfy { $0.goalIDs.count == 1 && focusIDs.contains($0.goalIDs[0]) })
    #expect(all.activities.allSatisfy { $0.status != nil && $0.start != nil })
    let grad = try #require(all.targets.first { $0.kpiID == "P1.M1" && $0.period?.id == "2030" })
    #expect(grad.comparison == .atLeast && grad.value == 92)
    #expect(all.kpis.first { $0.id == "P1.M1" }?.direction == .higher)
    #expect(
      all.measurements.contains {
        $0.kpiID == "P1.M1" && $0.period?.id == "2025" && $0.value == 87.7
      })
  }

  @Test func ncdpiExcerpts() throws {
    try Self.checkNCDPI(
      folder: Fixture.url("mapping/ncdpi"),
      csv: [
        "DIM_Pillars.csv": ["goals": 3], "DIM_FocusAreas.csv": ["goals": 9],
        "DIM_Actions.csv": ["activities": 12], "DIM_Measures.csv": ["kpis": 29, "targets": 12],
        "LandingPage_MeasureResults.csv": ["measurements": 6, "targets": 15],
      ],
      xlsx: ["goals": 8 + 11, "activities": 11, "kpis": 11, "targets": 9 + 7, "measurements": 3])
  }

  @Test(.enabled(if: Fixture.shared != nil))
  func ncdpiWholeFiles() throws {
    guard let shared = Fixture.shared else { return }
    try Self.checkNCDPI(
      folder: shared.appendingPathComponent("realdata/ncdpi-strategic-plan/data"),
      csv: [
        "DIM_Pillars.csv": ["goals": 8], "DIM_FocusAreas.csv": ["goals": 26],
        "DIM_Actions.csv": ["activities": 109], "DIM_Measures.csv": ["kpis": 57, "targets": 13],
        "LandingPage_MeasureResults.csv": ["measurements": 21, "targets": 57],
      ],
      xlsx: [
        "goals": 8 + 26, "activities": 109, "kpis": 49, "targets": 13 + 57, "measurements": 15,
      ])
  }

  @Test func ncdpiReferenceFileLoadsTheRegister() throws {
    let reference = try ReferenceData.load(paths: [
      Fixture.url("mapping/ncdpi/reference.yaml").path
    ])
    #expect(reference.value(in: "action-status", for: "P5.F3.A1") == .found("Complete"))
    #expect(reference.value(in: "action-status", for: "p5.f3.a1") == .found("Complete"))
  }
}
