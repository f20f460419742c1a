import Spreadsheet
import Testing

@testable import Mapping

@Suite struct MappingSetTests {
  func mapping(_ name: String, _ match: MatchRule) -> MappingFile {
    MappingFile(
      name: name, match: match,
      tables: [TableMapping(entity: .measurement, fields: [.column("kpi", ["KPI"])])])
  }

  @Test func choosesByGlobSheetsAndHeadersWithAReason() throws {
    let set = MappingSet([
      mapping("plans", MatchRule(files: ["*arbetsplan*.xlsx"], sheets: ["Mål", "Nyckeltal"])),
      mapping("any-xlsx", MatchRule(files: ["*.xlsx"])),
      mapping("kolada", MatchRule(files: ["*.csv"], headers: ["Nyckeltal-ID", "Värde"])),
    ])
    let plan = workbook(
      "inbox/Arbetsplan Åsens skola.XLSX", worksheet("Mål", [["x"]]),
      worksheet("Nyckeltal", [["y"]]))
    let chosen = try #require(set.select(forFile: plan.path, workbook: plan))
    #expect(chosen.mapping.name == "plans")
    #expect(chosen.reason == "file name matches '*arbetsplan*.xlsx'; has sheets Mål, Nyckeltal")
    #expect(
      chosen.alsoMatching == [
        "any-xlsx: file name matches '*.xlsx' — not chosen: fewer criteria met (1 < 3)"
      ])

    let csv = workbook(
      "kolada.csv", worksheet("kolada", [["Kommun", "Nyckeltal-ID", "År", "Värde"]]))
    #expect(set.select(forFile: csv.path, workbook: csv)?.mapping.name == "kolada")
    let other = workbook("other.csv", worksheet("other", [["a", "b"]]))
    #expect(set.select(forFile: other.path, workbook: other) == nil)
  }

  @Test func priorityBreaksTies() {
    let set = MappingSet([
      mapping("a", MatchRule(files: ["*.xlsx"])),
      mapping("b", MatchRule(files: ["*.xlsx"], priority: 5)),
    ])
    let book = workbook("x.xlsx", worksheet("S", [["v"]]))
    #expect(set.select(forFile: book.path, workbook: book)?.mapping.name == "b")
  }

  @Test(arguments: [
    ("*arbetsplan*.xlsx", "Arbetsplan Åsens skola kvartal 3 2026.xlsx", true),
    ("Grundskola - Betyg*.csv", "Grundskola - Betyg årskurs 6 2025 Kommun.csv", true),
    ("*.{csv,txt}", "data.TXT", true), ("data-[0-9].csv", "data-7.csv", true),
    ("data-[!0-9].csv", "data-7.csv", false), ("?.csv", "ab.csv", false),
    ("*Åsens*", "arbetsplan åsens skola.xlsx", true), ("*.xlsx", "plan.xlsx.tmp", false),
  ])
  func globs(pattern: String, name: String, matches: Bool) {
    #expect(Glob(pattern).matches(name) == matches)
  }
}
