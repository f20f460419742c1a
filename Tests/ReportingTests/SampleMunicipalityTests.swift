import Canonical
import Foundation
import Reporting
import Spreadsheet
import Testing
import Validation
import XLSX

/// The demo municipality's real files, end to end through mapping, validation and the report.
@Suite struct SampleMunicipalityTests {
  let loaded: SampleMunicipality.Loaded
  let report: ValidationReport

  init() throws {
    loaded = try SampleMunicipality.load()
    report = Validator(boardID: SampleMunicipality.board, period: SampleMunicipality.period)
      .validate(loaded.dataset)
  }

  @Test func everyPlanFileIsMapped() {
    #expect(loaded.mapped.count == 9)
    #expect(
      loaded.skipped == [
        "Läsårstider 2026-2027.xlsx", "~$Arbetsplan Petreskolan kvartal 3 2026.xlsx",
      ])
  }

  @Test func eachPlantedFaultIsFoundAtItsFileAndCell() throws {
    let found = report.diagnostics.compactMap { d -> String? in
      guard let l = d.location, let reference = l.reference else { return nil }
      return "\(l.file) \(reference)"
    }
    for fault in try SampleMunicipality.plantedFaults() {
      let place = "\(fault.file) \(SourceLocation.quotedSheetName(fault.sheet))!\(fault.cell)"
      #expect(found.contains(place), "no diagnostic at \(place)")
    }
  }

  @Test func theFindingsAreThePlantedFaultsAndNothingElse() {
    #expect(
      report.pairs == [
        Pair("'Indikatorer'!A9", "orphan-kpi"),
        Pair("'Insatser'!F9", "activity-delayed"),
        Pair("'Aktiviteter'!E8", "activity-ends-before-start"),
        Pair("'Mål'!C8", "unresolved-reference"),
        Pair("'Mål'!A9", "goal-without-breakdown"),
        Pair("'Nyckeltal'!D10", "missing-target"),
      ])
    #expect(
      report.diagnostics(code: "unresolved-reference").first?.hint?.hasPrefix(
        "did you mean 'NM-2'") == true)
  }

  @Test func theMessagesOfTheSampleQuarter() throws {
    let text = report.diagnostics.map(\.description).joined(separator: "\n") + "\n"
    try Golden.check(text, suite: "SampleMunicipalityTests", name: "hofors-2026-Q3.txt")
  }

  @Test func theBoardReportOfTheSampleQuarter() {
    let board = BoardReport.make(
      dataset: loaded.dataset, boardID: SampleMunicipality.board,
      period: SampleMunicipality.period,
      reportDate: CalendarDate(year: 2026, month: 10, day: 15))
    #expect(board.boardName == "Barn- och utbildningsnämnden")
    #expect(board.units.count == 7 && board.units.allSatisfy(\.delivered))
    #expect(board.summary.kpis[.noTarget] == 1)
    let delayed = board.activities.filter(\.delayed).map(\.title).sorted()
    #expect(delayed.contains("Matematikpromenader i närmiljön"))
    #expect(!board.kpis.isEmpty && !board.paths.isEmpty)
  }
}

extension SampleMunicipalityTests {
  @Test func theWorkbooksKontrollSheetListsEachPlantedFault() throws {
    let board = BoardReport.make(
      dataset: loaded.dataset, boardID: SampleMunicipality.board,
      period: SampleMunicipality.period,
      reportDate: CalendarDate(year: 2026, month: 10, day: 15))
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("redthread-sample-\(UUID().uuidString).xlsx").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ReportWorkbookBuilder(created: CivilDateTime(year: 2026, month: 10, day: 15))
      .write(board, to: path)
    let kontroll = try #require(try XLSXReader.read(path: path).worksheet(named: "Kontroll"))
    let listed = kontroll.rows.map { row in
      "\(row.cell(column: 4)?.value.displayText ?? "") \(row.cell(column: 5)?.value.displayText ?? "")"
    }
    for fault in try SampleMunicipality.plantedFaults() {
      let place = "\(fault.file) \(SourceLocation.quotedSheetName(fault.sheet))!\(fault.cell)"
      #expect(listed.contains(place), "Kontroll does not list \(place)")
    }
  }
}

extension SampleMunicipalityTests {
  /// The Kontroll sheet of the sample quarter as the controller and the nämnd read it, read
  /// back from the written workbook: one line per row, cells separated by tabs.
  @Test func theKontrollSheetMatchesTheGoldenFile() throws {
    let board = BoardReport.make(
      dataset: loaded.dataset, boardID: SampleMunicipality.board,
      period: SampleMunicipality.period,
      reportDate: CalendarDate(year: 2026, month: 10, day: 15),
      diagnostics: loaded.mappingDiagnostics + report.diagnostics)
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("redthread-kontroll-\(UUID().uuidString).xlsx").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ReportWorkbookBuilder(created: CivilDateTime(year: 2026, month: 10, day: 15))
      .write(board, to: path)
    let kontroll = try #require(try XLSXReader.read(path: path).worksheet(named: "Kontroll"))
    let text = kontroll.rows.map { row in
      (1...8).map { row.cell(column: $0)?.value.displayText ?? "" }.joined(separator: "\t")
    }.joined(separator: "\n")
    try Golden.check(text + "\n", suite: "SampleMunicipalityTests", name: "kontroll-2026-Q3.tsv")
  }
}

extension ValidationReport {
  var pairs: [Pair] { flat.map { Pair($0.location, $0.code) } }
}

struct Pair: Hashable, CustomStringConvertible {
  var location: String
  var code: String
  init(_ location: String, _ code: String) {
    self.location = location
    self.code = code
  }
  var description: String { "(\(location), \(code))" }
}
