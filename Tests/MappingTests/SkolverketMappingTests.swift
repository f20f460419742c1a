import Canonical
import Foundation
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing

@testable import Mapping

/// The Skolverket mappings ingest every report family, CSV and XLSX, with zero diagnostics.
///
/// Expected counts come from `Tests/Fixtures/mapping/count_records.py` (Python's csv module and
/// openpyxl; it counts non-empty measure cells between the header and the first blank row):
///   python3 Tests/Fixtures/mapping/count_records.py Tests/Fixtures/mapping/skolverket/*
///   python3 Tests/Fixtures/mapping/count_records.py ../shared/realdata/skolverket-kommun/*
/// The excerpts (committed) run everywhere; the whole files run when ../shared is present.
@Suite struct SkolverketMappingTests {
  struct Case: Sendable, CustomStringConvertible {
    var file: String
    var mapping: String
    var period: String
    var measurements: Int
    var suppressed: Int
    var noData: Int
    var masked: Int
    var description: String { file }
  }

  static let set = Result { try MappingSet.load(folder: Fixture.repo("mappings").path) }

  static func map(_ path: String) throws -> (MappingSet.Selection, MappingResult) {
    let workbook = try SpreadsheetFile.read(path: path)
    let chosen = try #require(try set.get().select(forFile: path, workbook: workbook))
    return (chosen, Mapper(mapping: chosen.mapping).map(workbook))
  }

  static func check(_ c: Case, in folder: URL) throws {
    let (chosen, result) = try map(folder.appendingPathComponent(c.file).path)
    #expect(chosen.mapping.name == c.mapping)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(5).map(\.description))")
    let m = result.dataset.measurements
    #expect(m.count == c.measurements)
    #expect(m.filter { $0.missingReason == .suppressed }.count == c.suppressed)
    #expect(m.filter { $0.missingReason == .notApplicable }.count == c.noData)
    #expect(m.filter { $0.missingReason == .masked }.count == c.masked)
    #expect(m.allSatisfy { ($0.value == nil) != ($0.missingReason == nil) })
    if c.mapping.hasSuffix("over-tid") {
      #expect(Set(m.compactMap { $0.period?.id }).count == 10)
    } else {
      #expect(m.allSatisfy { $0.period?.id == c.period })
    }
    #expect(result.dataset.plans.first?.kind == .statistics)
    #expect(!result.dataset.kpis.isEmpty)
  }

  static let excerpts: [Case] = [
    Case(
      file: "Grundskola - Antal elever per årskurs 2024 Kommun.csv", mapping: "skolverket-kommun",
      period: "2024/25", measurements: 117, suppressed: 0, noData: 3, masked: 0),
    Case(
      file:
        "Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), samtliga elever 2020 Kommun.csv",
      mapping: "skolverket-kommun", period: "2019/20", measurements: 45, suppressed: 7,
      noData: 0, masked: 1),
    Case(
      file:
        "Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), samtliga elever 2025 Kommun.xlsx",
      mapping: "skolverket-kommun", period: "2024/25", measurements: 30, suppressed: 1,
      noData: 1, masked: 1),
    Case(
      file:
        "Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), per kön 2025 Kommun.csv",
      mapping: "skolverket-per-kon", period: "2024/25", measurements: 90, suppressed: 8,
      noData: 2, masked: 2),
    Case(
      file:
        "Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), per kön 2025 Kommun.xlsx",
      mapping: "skolverket-per-kon", period: "2024/25", measurements: 60, suppressed: 2,
      noData: 2, masked: 2),
    Case(
      file: "Grundskola - Jämförelse av ämnesbetyg över tid 2025 Kommun_Åk9.csv",
      mapping: "skolverket-amnesbetyg-over-tid", period: "", measurements: 120, suppressed: 0,
      noData: 0, masked: 0),
    Case(
      file: "Grundskola - Jämförelse av betygsresultat över tid 2025 Kommun_Åk9.xlsx",
      mapping: "skolverket-betygsresultat-over-tid", period: "", measurements: 360,
      suppressed: 17, noData: 5, masked: 7),
    Case(
      file: "Gymnasieskola - Kostnader per kommun 2022 Kommun.csv", mapping: "skolverket-kommun",
      period: "2022", measurements: 90, suppressed: 0, noData: 11, masked: 0),
    Case(
      file: "Grundskola - Personalstatistik med lärarlegitimation och behörighet 2024 Kommun.csv",
      mapping: "skolverket-personal", period: "2024/25", measurements: 72, suppressed: 0,
      noData: 0, masked: 0),
    Case(
      file:
        "Grundskola - Resultat nationella prov årskurs 9, provbetyg per kön - Engelska, Matematik och Svenska_svenska som andraspråk 2018 Kommun.csv",
      mapping: "skolverket-nationella-prov", period: "2017/18", measurements: 96, suppressed: 13,
      noData: 0, masked: 13),
    Case(
      file:
        "Grundskola - Resultat nationella prov årskurs 9, provbetyg per kön - Engelska, Matematik och Svenska_svenska som andraspråk 2024 Kommun.csv",
      mapping: "skolverket-nationella-prov", period: "2023/24", measurements: 96, suppressed: 0,
      noData: 0, masked: 8),
    Case(
      file: "behorighet_grundskola_2024_25.csv", mapping: "skolverket-kommun", period: "2024/25",
      measurements: 45, suppressed: 0, noData: 0, masked: 12),
  ]

  @Test(arguments: excerpts)
  func excerpt(_ c: Case) throws {
    try Self.check(c, in: Fixture.url("mapping/skolverket"))
  }

  static let folder = Fixture.url("mapping/skolverket")

  @Test func periodComesFromThePreambleNotTheFileName() throws {
    let file =
      "Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), samtliga elever 2020 Kommun.csv"
    let (_, result) = try Self.map(Self.folder.appendingPathComponent(file).path)
    #expect(result.dataset.plans.first?.period?.id == "2019/20")
    let ctx = try #require(result.explanation.context.first { $0.name == "period" })
    #expect(ctx.source.hasPrefix("label \"Valt läsår\" at"))
  }

  @Test func codesKeepLeadingZerosAndDecimalCommaAndThousands() throws {
    let (_, result) = try Self.map(
      Self.folder.appendingPathComponent("Grundskola - Antal elever per årskurs 2024 Kommun.csv")
        .path)
    let m = result.dataset.measurements
    #expect(m.contains { $0.unitID == "0764" })  // Alvesta
    let ale = m.filter { $0.unitID == "1440" && $0.dimensions?["huvudman"] == "Samtliga" }
    #expect(ale.contains { $0.value == 47.8 })  // "47,8"
    #expect(ale.contains { $0.value == 4102 })  // "4 102"
    let kpi = try #require(result.dataset.kpis.first { $0.name == "Elever, årskurs 1-9" })
    #expect(kpi.id == "grundskola-antal-elever-per-arskurs-elever-arskurs-1-9")
    #expect(
      result.dataset.kpis.first { $0.name.hasPrefix("Andel (%) flickor") }?.unitOfMeasure == "%")
  }

  @Test func twoRowHeadersGiveGenderFromCSVAndMergedXLSXAlike() throws {
    let base =
      "Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), per kön 2025 Kommun"
    let csv = try Self.map(Self.folder.appendingPathComponent(base + ".csv").path).1
    let xlsx = try Self.map(Self.folder.appendingPathComponent(base + ".xlsx").path).1
    #expect(Set(csv.dataset.measurements.map(\.gender)) == [.female, .male])
    #expect(Set(csv.dataset.kpis.map(\.id)) == Set(xlsx.dataset.kpis.map(\.id)))  // "Antal elever "
    #expect(csv.dataset.kpis.count == 5)
    func ale(_ r: MappingResult) -> [Double?] {
      r.dataset.measurements.filter {
        $0.unitID == "1440" && $0.dimensions?["huvudman"] == "Samtliga"
      }
      .map(\.value)
    }
    #expect(ale(csv) == ale(xlsx))
    #expect(ale(csv).prefix(5) == [217, 17.1, 82.0, 8.3, 9.7])
  }

  @Test func measureGroupsAreReadByNameWhenTheirOrderChanges() throws {
    let stem =
      "Grundskola - Resultat nationella prov årskurs 9, provbetyg per kön - Engelska, Matematik och Svenska_svenska som andraspråk "
    let y2018 = try Self.map(Self.folder.appendingPathComponent(stem + "2018 Kommun.csv").path).1
    let y2024 = try Self.map(Self.folder.appendingPathComponent(stem + "2024 Kommun.csv").path).1
    #expect(Set(y2018.dataset.kpis.map(\.id)) == Set(y2024.dataset.kpis.map(\.id)))
    // 2024, Ale, Samtliga, Engelska: Antal med provbetyg 371/186/185, deltagit 89,2/87,7/90,7.
    let antal = y2024.dataset.measurements.filter {
      $0.unitID == "1440" && $0.dimensions?["ämne"] == "Engelska"
        && $0.dimensions?["huvudman"] == "Samtliga"
        && $0.kpiID.hasSuffix("antal-elever-med-provbetyg-a-f")
    }
    #expect(antal.map(\.gender) == [.total, .female, .male])
    #expect(antal.map(\.value) == [371, 186, 185])
    let deltagit = y2024.dataset.measurements.filter {
      $0.unitID == "1440" && $0.dimensions?["ämne"] == "Engelska"
        && $0.dimensions?["huvudman"] == "Samtliga" && $0.kpiID.hasSuffix("elever-som-deltagit")
    }
    #expect(deltagit.map(\.value) == [89.2, 87.7, 90.7])
  }

  @Test func kommunalforbundRowsAndNegativeValues() throws {
    let (_, result) = try Self.map(
      Self.folder.appendingPathComponent("Gymnasieskola - Kostnader per kommun 2022 Kommun.csv")
        .path)
    let m = result.dataset.measurements
    #expect(m.contains { $0.unitID == "Hälsinglands Utbildningsförbund" })
    #expect(m.contains { $0.value == -600 })  // Södra Lapplands Gymnasieförbund, Måltider per elev
    #expect(m.contains { $0.value == 526708 || $0.value == 24314 || $0.value != nil })
  }

  @Test func sheetNameIsTheHuvudmanDimension() throws {
    let (_, result) = try Self.map(
      Self.folder.appendingPathComponent(
        "Grundskola - Jämförelse av betygsresultat över tid 2025 Kommun_Åk9.xlsx"
      ).path)
    #expect(
      Set(result.dataset.measurements.compactMap { $0.dimensions?["huvudman"] }) == [
        "Samtliga", "Kommunal", "Enskild",
      ])
    let sheets = result.explanation.tables.map { $0.sheet ?? "" }
    #expect(
      sheets == ["Samtliga", "Kommunal", "Enskild", "Rapportbeskrivning och def."]
        || sheets == ["Samtliga", "Kommunal", "Enskild"])
    let first = try #require(result.dataset.measurements.first)
    #expect(first.period?.id == "2024/25" && first.provenance?.cell == "F9")
  }

  // MARK: whole files

  static let wholeFiles: [Case] = {
    let nat =
      "Grundskola - Resultat nationella prov årskurs 9, provbetyg per kön - Engelska, Matematik och Svenska_svenska som andraspråk "
    let g6 = "Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), "
    return [
      Case(
        file: "Grundskola - Antal elever per årskurs 2020 Kommun.csv", mapping: "skolverket-kommun",
        period: "2020/21", measurements: 10127, suppressed: 52, noData: 232, masked: 0),
      Case(
        file: "Grundskola - Antal elever per årskurs 2021 Kommun.csv", mapping: "skolverket-kommun",
        period: "2021/22", measurements: 10140, suppressed: 63, noData: 238, masked: 0),
      Case(
        file: "Grundskola - Antal elever per årskurs 2022 Kommun.csv", mapping: "skolverket-kommun",
        period: "2022/23", measurements: 10101, suppressed: 52, noData: 216, masked: 2),
      Case(
        file: "Grundskola - Antal elever per årskurs 2023 Kommun.csv", mapping: "skolverket-kommun",
        period: "2023/24", measurements: 10114, suppressed: 53, noData: 215, masked: 3),
      Case(
        file: "Grundskola - Antal elever per årskurs 2024 Kommun.csv", mapping: "skolverket-kommun",
        period: "2024/25", measurements: 10114, suppressed: 52, noData: 217, masked: 2),
      Case(
        file: g6 + "per kön 2025 Kommun.csv", mapping: "skolverket-per-kon", period: "2024/25",
        measurements: 7610, suppressed: 959, noData: 240, masked: 113),
      Case(
        file: g6 + "per kön 2025 Kommun.xlsx", mapping: "skolverket-per-kon", period: "2024/25",
        measurements: 7610, suppressed: 959, noData: 240, masked: 113),
      Case(
        file: g6 + "samtliga elever 2020 Kommun.csv", mapping: "skolverket-kommun",
        period: "2019/20", measurements: 3810, suppressed: 609, noData: 79, masked: 39),
      Case(
        file: g6 + "samtliga elever 2021 Kommun.csv", mapping: "skolverket-kommun",
        period: "2020/21", measurements: 3795, suppressed: 568, noData: 72, masked: 48),
      Case(
        file: g6 + "samtliga elever 2022 Kommun.csv", mapping: "skolverket-kommun",
        period: "2021/22", measurements: 3815, suppressed: 562, noData: 64, masked: 36),
      Case(
        file: g6 + "samtliga elever 2023 Kommun.csv", mapping: "skolverket-kommun",
        period: "2022/23", measurements: 3815, suppressed: 570, noData: 59, masked: 26),
      Case(
        file: g6 + "samtliga elever 2024 Kommun.csv", mapping: "skolverket-kommun",
        period: "2023/24", measurements: 3805, suppressed: 264, noData: 50, masked: 39),
      Case(
        file: g6 + "samtliga elever 2025 Kommun.csv", mapping: "skolverket-kommun",
        period: "2024/25", measurements: 3805, suppressed: 272, noData: 64, masked: 46),
      Case(
        file: g6 + "samtliga elever 2025 Kommun.xlsx", mapping: "skolverket-kommun",
        period: "2024/25", measurements: 3805, suppressed: 272, noData: 64, masked: 46),
      Case(
        file: "Grundskola - Jämförelse av betygsresultat över tid 2025 Kommun_Åk9.xlsx",
        mapping: "skolverket-betygsresultat-over-tid", period: "", measurements: 64710,
        suppressed: 2912, noData: 519, masked: 555),
      Case(
        file: "Grundskola - Jämförelse av ämnesbetyg över tid 2025 Kommun_Åk9.csv",
        mapping: "skolverket-amnesbetyg-over-tid", period: "", measurements: 141050,
        suppressed: 7387, noData: 5723, masked: 0),
      Case(
        file: "Grundskola - Kostnader per kommun 2024 Kommun.csv", mapping: "skolverket-kommun",
        period: "2024", measurements: 2900, suppressed: 0, noData: 0, masked: 0),
      Case(
        file: "Grundskola - Personalstatistik med lärarlegitimation och behörighet 2020 Kommun.csv",
        mapping: "skolverket-personal", period: "2020/21", measurements: 6136, suppressed: 0,
        noData: 90, masked: 0),
      Case(
        file: "Grundskola - Personalstatistik med lärarlegitimation och behörighet 2021 Kommun.csv",
        mapping: "skolverket-personal", period: "2021/22", measurements: 6136, suppressed: 0,
        noData: 86, masked: 0),
      Case(
        file: "Grundskola - Personalstatistik med lärarlegitimation och behörighet 2022 Kommun.csv",
        mapping: "skolverket-personal", period: "2022/23", measurements: 6160, suppressed: 0,
        noData: 84, masked: 0),
      Case(
        file: "Grundskola - Personalstatistik med lärarlegitimation och behörighet 2023 Kommun.csv",
        mapping: "skolverket-personal", period: "2023/24", measurements: 6160, suppressed: 0,
        noData: 76, masked: 0),
      Case(
        file: "Grundskola - Personalstatistik med lärarlegitimation och behörighet 2024 Kommun.csv",
        mapping: "skolverket-personal", period: "2024/25", measurements: 6152, suppressed: 72,
        noData: 86, masked: 0),
      Case(
        file: nat + "2018 Kommun.csv", mapping: "skolverket-nationella-prov", period: "2017/18",
        measurements: 24432, suppressed: 4977, noData: 369, masked: 1826),
      Case(
        file: nat + "2019 Kommun.csv", mapping: "skolverket-nationella-prov", period: "2018/19",
        measurements: 33168, suppressed: 5344, noData: 386, masked: 1953),
      Case(
        file: nat + "2022 Kommun.csv", mapping: "skolverket-nationella-prov", period: "2021/22",
        measurements: 33576, suppressed: 5320, noData: 388, masked: 1982),
      Case(
        file: nat + "2023 Kommun.csv", mapping: "skolverket-nationella-prov", period: "2022/23",
        measurements: 33420, suppressed: 5125, noData: 312, masked: 2387),
      Case(
        file: nat + "2024 Kommun.csv", mapping: "skolverket-nationella-prov", period: "2023/24",
        measurements: 33504, suppressed: 5221, noData: 332, masked: 2094),
      Case(
        file: "Gymnasieskola - Kostnader per kommun 2020 Kommun.csv", mapping: "skolverket-kommun",
        period: "2020", measurements: 3000, suppressed: 0, noData: 546, masked: 0),
      Case(
        file: "Gymnasieskola - Kostnader per kommun 2021 Kommun.csv", mapping: "skolverket-kommun",
        period: "2021", measurements: 2990, suppressed: 0, noData: 550, masked: 0),
      Case(
        file: "Gymnasieskola - Kostnader per kommun 2022 Kommun.csv", mapping: "skolverket-kommun",
        period: "2022", measurements: 2990, suppressed: 0, noData: 529, masked: 0),
      Case(
        file: "Gymnasieskola - Kostnader per kommun 2023 Kommun.csv", mapping: "skolverket-kommun",
        period: "2023", measurements: 2990, suppressed: 0, noData: 541, masked: 0),
      Case(
        file: "behorighet_grundskola_2024_25.csv", mapping: "skolverket-kommun", period: "2024/25",
        measurements: 10695, suppressed: 371, noData: 28, masked: 899),
    ]
  }()

  @Test(.enabled(if: Fixture.shared != nil), arguments: wholeFiles)
  func wholeFile(_ c: Case) throws {
    guard let shared = Fixture.shared else { return }
    try Self.check(c, in: shared.appendingPathComponent("realdata/skolverket-kommun"))
  }

  @Test(.enabled(if: Fixture.shared != nil))
  func everyFileOfTheFolderIsCovered() throws {
    guard let shared = Fixture.shared else { return }
    let names = try FileManager.default.contentsOfDirectory(
      atPath: shared.appendingPathComponent("realdata/skolverket-kommun").path)
    #expect(Set(names) == Set(Self.wholeFiles.map(\.file)))
  }
}
