import Canonical
import Foundation
import Reporting
import Spreadsheet
import TestSupport
import Testing
import XLSX

@Suite struct ReportWorkbookBuilderTests {
  static let created = CivilDateTime(year: 2026, month: 4, day: 15, hour: 8)

  /// Writes the Hofors report into a fresh temporary folder and returns its path.
  func written() throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("redthread-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("Nämndrapport BUN 2026-Q1.xlsx").path
    try ReportWorkbookBuilder(created: Self.created).write(try HoforsFixture.report(), to: path)
    return path
  }

  @Test func theWorkbookIsAGoldenFile() throws {
    let path = try written()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Golden.check(
      try Data(contentsOf: URL(fileURLWithPath: path)), suite: "ReportWorkbookBuilderTests",
      name: "hofors-2026-Q1.xlsx")
  }

  @Test func writingTwiceGivesTheSameBytes() throws {
    let a = try written()
    let b = try written()
    defer {
      try? FileManager.default.removeItem(atPath: a)
      try? FileManager.default.removeItem(atPath: b)
    }
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
  }

  @Test func ourReaderReadsTheSheetsHeadersAndKeyCells() throws {
    let path = try written()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let workbook = try XLSXReader(path: path).workbook()
    #expect(
      workbook.worksheets.map(\.name) == [
        "Sammanfattning", "Måluppfyllelse", "Nyckeltal", "Diagram", "Enheter", "Aktiviteter",
        "Röd tråd", "Kontroll",
      ])
    func text(_ sheet: String, _ a1: String) -> String? {
      workbook.worksheet(named: sheet)?.cell(at: CellReference(a1)!)?.value.displayText
    }
    #expect(text("Sammanfattning", "A1") == "Nämndrapport – Barn- och utbildningsnämnden")
    #expect(text("Sammanfattning", "A8") == "Nämndmål")
    #expect(text("Nyckeltal", "K1") == "Status")
    #expect(text("Kontroll", "A1") == "Allvarlighet")
    let kontroll = try #require(workbook.worksheet(named: "Kontroll"))
    let missing = try #require(
      kontroll.rows.first { $0.cell(column: 3)?.value == .string("missing-target") })
    #expect(missing.cell(column: 4)?.value == .string("Arbetsplan Petreskolan 2026.xlsx"))
    #expect(missing.cell(column: 5)?.value == .string("'Nyckeltal'!D7"))
    #expect(missing.cell(column: 1)?.value == .string("Fel"))
    let aktiviteter = try #require(workbook.worksheet(named: "Aktiviteter"))
    let delayed = try #require(
      aktiviteter.rows.first { $0.cell(column: 8)?.value == .string("Ja") })
    #expect(
      delayed.cell(column: 6)?.value == .dateTime(CivilDateTime(year: 2026, month: 2, day: 28)))
    let nyckeltal = try #require(workbook.worksheet(named: "Nyckeltal"))
    let petre = try #require(
      nyckeltal.rows.first { $0.cell(column: 1)?.value == .string("Petreskolan") })
    let outcome = try #require(petre.cell(column: 6)?.value.numberValue)
    #expect(outcome == 0.883)
    #expect(petre.cell(column: 6)?.numberFormat == "0.0\\ %")
  }

  /// Shares are written as fractions (74.5 % → 0.745); no number carries binary noise such
  /// as 0.7120000000000001 (71.2 / 100) into the workbook.
  @Test func numbersCarryNoFloatingPointNoise() throws {
    let path = try written()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let workbook = try XLSXReader(path: path).workbook()
    var count = 0
    for sheet in workbook.worksheets {
      for row in sheet.rows {
        for cell in row.cells {
          guard case .number(let n) = cell.value else { continue }
          count += 1
          #expect(ReportCell.rounded(n) == n, "\(sheet.name)!\(row.number): \(n)")
          #expect("\(n)".count <= 14, "\(sheet.name)!\(row.number): \(n)")
        }
      }
    }
    #expect(count > 50)
    let nyckeltal = try #require(workbook.worksheet(named: "Nyckeltal"))
    let n15419 = try #require(
      nyckeltal.rows.first { $0.cell(column: 3)?.value == .string("N15419") })
    #expect(n15419.cell(column: 8)?.value == .number(0.712))
    let summary = try #require(workbook.worksheet(named: "Sammanfattning"))
    let share = try #require(
      summary.rows.first { $0.cell(column: 2)?.value == .string("✓ Uppnått") })
    #expect(share.cell(column: 4)?.value == .number(0.1428571429))
  }

  static let openpyxl = ExternalProgram.hasOpenpyxl

  @Test(.enabled(if: openpyxl)) func openpyxlSeesFrozenBoldHeadersFiltersFormatsAndColours()
    throws
  {
    let path = try written()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Fixture.url("reporting/check_report.py").path, path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(
      json["sheets"] as? [String] == [
        "Sammanfattning", "Måluppfyllelse", "Nyckeltal", "Diagram", "Enheter", "Aktiviteter",
        "Röd tråd", "Kontroll",
      ])
    let details = try #require(json["details"] as? [String: [String: Any]])
    let nyckeltal = try #require(details["Nyckeltal"])
    #expect(nyckeltal["freeze"] as? String == "A2")
    #expect(nyckeltal["autofilter"] as? String == "A1:N15")
    #expect(nyckeltal["headerBold"] as? Bool == true)
    #expect((nyckeltal["header"] as? [String])?.first == "Enhet")
    let summary = try #require(details["Sammanfattning"])
    #expect(summary["freeze"] as? String == "A9")
    // Sheets of blocks (the summary, Måluppfyllelse) have no filter; tables do.
    for name in ["Nyckeltal", "Enheter", "Aktiviteter", "Röd tråd", "Kontroll"] {
      let detail = try #require(details[name])
      #expect(detail["autofilter"] as? String != nil, "\(name) has no autofilter")
      #expect(detail["headerBold"] as? Bool == true, "\(name) header not bold")
    }
    for (name, detail) in details {
      #expect(!(detail["widths"] as? [String: Double] ?? [:]).isEmpty, "\(name) has no widths")
    }
    #expect(nyckeltal["conditional"] as? [String] == ["K2:K15"])
    let fills = try #require(nyckeltal["fills"] as? [String])
    #expect(fills.contains("FFFFC7CE") && fills.contains("FFC6EFCE") && fills.contains("FF1F4E78"))
    let n15482 = try #require(json["nyckeltal_n15482"] as? [String: Any])
    #expect(n15482["status"] as? String == "✗ Ej uppnått")
    #expect(n15482["statusFill"] as? String == "FFFFC7CE")
    #expect(n15482["format"] as? String == "0.0\\ %")
    let delayed = try #require(json["aktivitet_delayed"] as? [String: Any])
    #expect(delayed["end"] as? String == "2026-02-28T00:00:00")
    #expect(delayed["endFormat"] as? String == "yyyy-mm-dd")
    #expect(delayed["fill"] as? String == "FFFFC7CE")
    let kontroll = try #require(json["kontroll_missing_target"] as? [String?])
    #expect(
      kontroll.prefix(5).map { $0 ?? "" } == [
        "Fel", "Målvärde saknas", "missing-target", "Arbetsplan Petreskolan 2026.xlsx",
        "'Nyckeltal'!D7",
      ])
  }
}
