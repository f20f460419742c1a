import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// `redthread report fill` and `report check` on a fresh copy of the sample municipality, and
/// `report: { template: … }` in redthread.yaml making `run` fill the template too.
@Suite struct ReportCommandTests {
  static let template = Fixture.repo("samples/templates/nämndrapport-mall.xlsx").path

  /// The nyckeltal ids, in order, of the board report's Nyckeltal sheet (column C below its
  /// header) and of the filled template's Nyckeltal block (column A from row 4).
  static func ids(report: String, filled: String) throws -> ([String], [String]) {
    let r = try #require(try Workbook.cellValuesBySheet(at: report)["Nyckeltal"])
    let f = try #require(try Workbook.cellValuesBySheet(at: filled)["Nyckeltal"])
    let headerRow = try #require(
      r.first { $0.value == .string("Nyckeltal") && $0.key.hasPrefix("D") }.map {
        Int($0.key.dropFirst())!
      })
    var fromReport: [String] = []
    var row = headerRow + 1
    while let id = r["C\(row)"]?.stringValue {
      fromReport.append(id)
      row += 1
    }
    var fromTemplate: [String] = []
    row = 4
    while let id = f["A\(row)"]?.stringValue, id != "Antal" {
      fromTemplate.append(id)
      row += 1
    }
    return (fromReport, fromTemplate)
  }

  @Test func fillUsesTheSameFiguresAsTheBoardReport() throws {
    let root = try RunCommandGoldenTests.sampleWorkspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try Executable.run(
      "redthread", ["run", "demo", "--quiet", "--as-of", "2026-10-15"], in: root)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let out = root.appendingPathComponent("nämndrapport.xlsx").path
    let fill = try Executable.run(
      "redthread",
      [
        "report", "fill", "demo", "--template", Self.template, "--output", out, "--period",
        "2026-Q3", "--as-of", "2026-10-15",
      ], in: root)
    #expect(fill.status == 0, "stderr: \(fill.stderr)")
    #expect(
      fill.stdout
        == "filled     \(out) (36 nyckeltal, 29 mål, 31 aktiviteter, 7 enheter, 7 kontrollrader)\n"
    )
    let report = root.appendingPathComponent("demo/reports/2026-Q3/uppfoljning-bun-2026-Q3-v1.xlsx")
    let (fromReport, fromTemplate) = try Self.ids(report: report.path, filled: out)
    #expect(fromReport.count == 36)
    #expect(fromTemplate == fromReport)
    let values = try Workbook.cellValuesBySheet(at: out)
    #expect(values["Rapport"]?["A2"] == .string("Hofors kommun · Barn- och utbildningsnämnden"))
    #expect(values["Rapport"]?["B5"] == .dateTime(CivilDateTime(year: 2026, month: 10, day: 15)))
    #expect(values["Petreskolan"]?["A1"] == .string("Petreskolan"))
  }

  @Test func checkListsPlaceholdersAndLocatedProblems() throws {
    let root = FileManager.default.temporaryDirectory
    let ok = try Executable.run("redthread", ["report", "check", Self.template], in: root)
    #expect(ok.status == 0, "stderr: \(ok.stderr)")
    #expect(ok.stdout.contains("'Nyckeltal'!A4  {{#each nyckeltal}}\n"))
    #expect(ok.stdout.contains("'Rapport' (header/footer)  {{kommun}}\n"))
    // 85: the six sheets each have {{rapportdatum}} in their page header.
    #expect(ok.stdout.hasSuffix("85 placeholders, 0 problems\n"))
    let broken = Fixture.url("templates/trasig-mall.xlsx").path
    let bad = try Executable.run("redthread", ["report", "check", broken], in: root)
    #expect(bad.status == 65)
    #expect(
      bad.stderr.contains(
        "trasig-mall.xlsx: 'Fel'!B4: error: unknown name 'utfal' in {{#each nyckeltal}}; did "
          + "you mean 'utfall'?"))
    #expect(bad.stdout.hasSuffix("10 placeholders, 7 problems\n"))
  }

  @Test func aBrokenTemplateStopsFillWithNothingWritten() throws {
    let root = try RunCommandGoldenTests.sampleWorkspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("x.xlsx").path
    let fill = try Executable.run(
      "redthread",
      [
        "report", "fill", "demo", "--template", Fixture.url("templates/trasig-mall.xlsx").path,
        "--output", out,
      ], in: root)
    #expect(fill.status == 65)
    #expect(
      fill.stderr.contains("'Fel'!A1: error: unknown name 'kommunen'; did you mean 'kommun'?"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func runFillsTheConfiguredTemplateBesideEachReportVersion() throws {
    let root = try RunCommandGoldenTests.sampleWorkspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let demo = root.appendingPathComponent("demo")
    let fm = FileManager.default
    try fm.createDirectory(
      at: demo.appendingPathComponent("mall"), withIntermediateDirectories: true)
    try fm.copyItem(
      atPath: Self.template, toPath: demo.appendingPathComponent("mall/nämndrapport.xlsx").path)
    let config = demo.appendingPathComponent("redthread.yaml")
    var yaml = try String(contentsOf: config, encoding: .utf8)
    yaml = yaml.replacingOccurrences(
      of: "report: { language: sv }",
      with: "report: { language: sv, template: mall/nämndrapport.xlsx }")
    try yaml.write(to: config, atomically: true, encoding: .utf8)
    let run = try Executable.run("redthread", ["run", "demo", "--as-of", "2026-10-15"], in: root)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(
      run.stdout.hasSuffix(
        "Report: demo/reports/2026-Q3/uppfoljning-bun-2026-Q3-v1.xlsx\n"
          + "Report template filled: demo/reports/2026-Q3/nämndrapport-bun-2026-Q3-v1.xlsx\n"))
    let folder = demo.appendingPathComponent("reports/2026-Q3")
    let filled = folder.appendingPathComponent("nämndrapport-bun-2026-Q3-v1.xlsx").path
    #expect(fm.fileExists(atPath: filled))
    let (fromReport, fromTemplate) = try Self.ids(
      report: folder.appendingPathComponent("uppfoljning-bun-2026-Q3-v1.xlsx").path,
      filled: filled)
    #expect(fromTemplate == fromReport)
    // A template that does not exist is a configuration error at its line and column.
    try yaml.replacingOccurrences(of: "mall/nämndrapport.xlsx", with: "mall/saknas.xlsx")
      .write(to: config, atomically: true, encoding: .utf8)
    let broken = try Executable.run("redthread", ["run", "demo", "--quiet"], in: root)
    #expect(broken.status == 78)
    #expect(broken.stderr.contains("redthread.yaml:"))
    #expect(broken.stderr.contains("the report template 'mall/saknas.xlsx' does not exist"))
  }
}
