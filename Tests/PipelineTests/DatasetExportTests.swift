import CSV
import Canonical
import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Pipeline

@Suite struct DatasetExportTests {
  static let dataset = Dataset(
    goals: [
      Goal(
        id: "NM-1", title: "=Alla elever når målen", level: .board,
        alignsTo: ["KF-1", "LGR22-2.2"],
        provenance: Provenance(file: "BUN.xlsx", sheet: "Nämndmål", cell: "B7", row: 7))
    ],
    measurements: [
      Measurement(kpiID: "N15419", unitID: "hofors", period: .year(2025), value: 69.5),
      Measurement(
        kpiID: "N15419", unitID: "hofors", period: .year(2024), missingReason: .suppressed,
        missingToken: ".."),
    ],
    activities: [
      Activity(
        id: "A1", title: "Läsfrämjande", start: CalendarDate(year: 2026, month: 8, day: 17),
        status: .ongoing)
    ])

  func folder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("redthread-export-\(UUID())")
  }

  @Test func swedishExcelCSVReadsBackWithDecimalCommaAndFormulaGuard() throws {
    let out = folder()
    let written = try DatasetExport.write(
      Self.dataset, format: .csv(.excelSwedish), to: out)
    #expect(written.map(\.lastPathComponent).contains("measurements.csv"))
    let bytes = try Data(contentsOf: out.appendingPathComponent("measurements.csv"))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains(";69,5;"), "decimal comma in the Swedish dialect: \(text)")
    let goals = try CSVReader.read(
      path: out.appendingPathComponent("goals.csv").path,
      options: CSVDialect.excelSwedish.readOptions)
    let row = try #require(goals.worksheets.first?.row(2))
    #expect(row.cell(column: 2)?.value == .string("=Alla elever når målen"))
    #expect(row.cell(column: 7)?.value == .string("KF-1; LGR22-2.2"))
    let raw = try String(contentsOf: out.appendingPathComponent("goals.csv"), encoding: .utf8)
    #expect(raw.contains(";'=Alla elever"), "text that looks like a formula is neutralised")
  }

  @Test func workbookHasOneSheetPerTable() throws {
    let out = folder().appendingPathExtension("xlsx")
    try DatasetExport.write(Self.dataset, format: .xlsx, to: out)
    let workbook = try XLSXReader.read(path: out.path)
    #expect(
      workbook.worksheets.map(\.name) == [
        "units", "goals", "kpis", "targets", "measurements", "activities", "assessments", "plans",
      ])
    let activities = try #require(workbook.worksheet(named: "activities"))
    if case .dateTime(let d) = activities.cell(at: CellReference("G2")!)?.value {
      #expect(d.isoDate == "2026-08-17")
    } else {
      Issue.record("start date is not a date cell")
    }
    let measurements = try #require(workbook.worksheet(named: "measurements"))
    #expect(measurements.cell(at: CellReference("F3")!)?.value == .string("suppressed"))
    #expect(measurements.cell(at: CellReference("E3")!) == nil, "a missing value stays empty")
  }
}
