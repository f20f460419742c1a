import CSV
import Canonical
import Foundation
import Spreadsheet
import Testing

@testable import Mapping

/// One test per language feature that the real-file suites do not already show, on small
/// in-memory workbooks shaped like the templates and exports they stand for.
@Suite struct LanguageFeatureTests {
  @Test func headerCellsWithLineBreaksTrailingSpacesAndDuplicates() throws {
    let book = workbook(
      "plan.xlsx",
      worksheet(
        "Nyckeltal",
        [
          ["Nyckeltal ", "Utfall\n2025", "Kommentar", "Kommentar"],
          ["Behöriga lärare", "81,5", "första", "andra"],
        ]))
    let m = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      tables:
        - entity: kpi
          fields:
            name: Nyckeltal
            id: { value: "K-{row}" }
            outcome: { column: Utfall 2025 }
            comment: { column: Kommentar, occurrence: 2 }
      """)
    let r = m.map(book)
    #expect(r.diagnostics.isEmpty)
    #expect(r.dataset.measurements.first?.value == 81.5)
    #expect(r.dataset.measurements.first?.comment == "andra")
    let comment = try #require(r.explanation.tables.first?.columns.first { $0.field == "comment" })
    #expect(comment.column == "D" && comment.how.contains("occurrence 2 of 2"))
    #expect(r.explanation.tables.first?.notes.contains { $0.contains("\"Kommentar\" ×2") } == true)
  }

  @Test func columnsByPositionAndRowFilters() throws {
    let book = workbook(
      "kpi.xlsx",
      worksheet(
        "Data",
        [
          ["Utfall per skola"], [],
          ["Skola", "Värde"],
          ["Petreskolan", "80"], ["Totalt", "160"], [nil, nil], ["Åsens skola", "80"],
          ["Summa", "240"], ["Källa: egen mätning", nil], ["Lillåskolan", "70"],
        ]))
    let m = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      tables:
        - entity: measurement
          header: { row: 3 }
          rows:
            skip_totals: [Totalt, Summa, Riket]
            stop_when: { column: Skola, regex: "^Källa" }
          fields:
            kpi: { value: KPI-1 }
            unit: { position: A }
            value: { position: B }
      """)
    let r = m.map(book)
    #expect(r.diagnostics.isEmpty)
    #expect(r.dataset.measurements.map(\.unitID) == ["Petreskolan", "Åsens skola"])
    let run = try #require(r.explanation.tables.first)
    #expect(run.skipped["total row"] == 2)
    #expect(run.stoppedAt?.hasPrefix("row 9 matches stop_when") == true)

    let stop = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      tables:
        - entity: measurement
          header: { find: [Skola, Värde] }
          rows: { stop_at_blank: true, skip_totals: [Totalt] }
          fields:
            kpi: { value: KPI-1 }
            unit: Skola
            value: Värde
      """
    ).map(book)
    #expect(stop.dataset.measurements.map(\.unitID) == ["Petreskolan"])
    #expect(stop.explanation.tables.first?.stoppedAt == "blank row 6 (stop_at_blank)")
  }

  @Test func fillDownFromBlankCellsAndSectionsWithCodes() throws {
    let book = workbook(
      "plan.xlsx",
      worksheet(
        "Plan",
        [
          ["Kod", "Text"],
          ["Mål 1: Trygghet", nil],
          ["1.1", "Delmål trygg skolgård"], [nil, "(fortsättning)"],
          ["1.1.1", "Andel trygga elever"],
          ["Mål 2: Kunskap", nil],
          ["2.1", "Delmål läsning"],
        ]))
    let m = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      tables:
        - entity: goal
          sections:
            - name: goal
              when: { column: Kod, regex: "^Mål (?<n>\\\\d+): (?<title>.+)$" }
              entity: goal
              fields: { id: { value: "M{n}" }, title: { value: "{title}" }, level: { value: board } }
          fill_down: [id]
          rows: { keep_when: { column: Text, regex: "^[^(]" } }
          fields:
            id: { column: Kod, format: "M{value}" }
            title: Text
            parent: { field: id, hierarchy: "." }
            level: { value: board }
      """)
    let r = m.map(book)
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.dataset.goals.map(\.id) == ["M1", "M1.1", "M1.1.1", "M2", "M2.1"])
    #expect(r.dataset.goals.map(\.parentID) == [nil, "M1", "M1.1", nil, "M2"])
  }

  @Test func unpivotByPeriodAndGenderTogetherWithOrderCheck() throws {
    // "Utfall 2024" and "Utfall 2025" as groups over T/K/M, oldest first; one column moved.
    let book = workbook(
      "utfall.csv",
      worksheet(
        "utfall",
        [
          [nil, "Utfall 2024", "Utfall 2024", "Utfall 2024", "Utfall 2023", "Utfall 2025"],
          ["Nyckeltal", "Totalt", "Flickor", "Pojkar", "Totalt", "Totalt"],
          ["N15419", "71,2", "75,8", "..", "68,4", "69,5"],
        ], csvLines: true))
    let m = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.csv" }
      tables:
        - entity: measurement
          header: { find: [Nyckeltal], rows: 2 }
          fields:
            kpi: Nyckeltal
          unpivot:
            group_regex: "^Utfall (?<period>\\\\d{4})$"
            order: oldest-first
            fields:
              period: { from: period }
              gender: { from: header, type: gender }
      """)
    let r = m.map(book)
    let ms = r.dataset.measurements
    #expect(
      ms.map { "\($0.period?.id ?? "") \($0.gender.rawValue)" } == [
        "2024 T", "2024 K", "2024 M", "2023 T", "2025 T",
      ])
    #expect(ms[2].missingReason == .suppressed && ms[2].value == nil)
    #expect(flat(r.diagnostics) == ["'utfall'!E2 period-order"])
    #expect(r.diagnostics.first?.severity == .warning)
    #expect(ms.first?.provenance?.line == 3)
  }

  @Test func sharedValueMapsReadEmojiAndColours() throws {
    let mapping = try MappingFile.load(path: "mappings/arbetsplan-grundskola.yaml".repoPath)
    let book = workbook(
      "Arbetsplan X.xlsx",
      worksheet(
        "Mål",
        [
          ["Enhet:", "Petreskolan"], ["Period:", "T2 2026"],
          ["Mål-ID", "Enhetsmål", "Nämndmål", "Bedömning"], ["P-1", "Mål", "NM-1", "🟡"],
          ["P-2", "Mål", "NM-2", "röd"],
        ]),
      worksheet("Nyckeltal", [["Mål", "Nyckeltal", "Kolada-ID", "Målvärde", "Utfall"]]),
      worksheet(
        "Aktiviteter",
        [
          ["Mål", "Aktivitet", "Start", "Slut", "Status"], ["P-1", "A", nil, nil, "🟢"],
          ["P-1", "B", nil, nil, "gul"], ["P-2", "C", nil, nil, "Klart"],
        ]))
    let r = Mapper(mapping: mapping, reference: hoforsUnits).map(book)
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.dataset.assessments.map(\.level) == [.partlyFulfilled, .notFulfilled])
    #expect(r.dataset.activities.map(\.status) == [.ongoing, .delayed, .done])
    #expect(r.dataset.activities.map(\.statusText) == ["🟢", "gul", "Klart"])
    #expect(r.dataset.plans.first?.period?.id == "2026-T2")
  }

  @Test func unknownStatusWordHasADidYouMean() throws {
    let m = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      tables:
        - entity: activity
          fields: { title: Aktivitet, status: Status }
      """)
    let r = m.map(
      workbook("a.xlsx", worksheet("A", [["Aktivitet", "Status"], ["Läsfrämjande", "Pågåend"]])))
    #expect(flat(r.diagnostics) == ["'A'!B2 unknown-value"])
    #expect(r.diagnostics.first?.hint == "did you mean 'Pågående'?")
  }

  @Test func contextFromTheFileNameAndConstants() throws {
    let m = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      context:
        period: { file_name: "(?<value>T\\\\d \\\\d{4})", type: period }
        year: { file_name: "(?<value>\\\\d{4})", type: integer }
        unit: hofors
      tables:
        - entity: measurement
          fields: { kpi: KPI, value: Värde, comment: { value: "år {year}" } }
      """)
    let r = m.map(
      workbook("Uppföljning T2 2026.xlsx", worksheet("S", [["KPI", "Värde"], ["N1", "5"]])))
    #expect(r.diagnostics.isEmpty)
    #expect(r.dataset.measurements.first?.period?.id == "2026-T2")
    #expect(r.dataset.measurements.first?.unitID == "hofors")
    #expect(r.dataset.measurements.first?.comment == "år 2026")
  }

  @Test func goalTitleLookupAndKPISuccession() throws {
    let reference = ReferenceData(
      goals: [Goal(id: "LGR22-2.1", title: "Normer och värden", level: .national)],
      kpiSuccession: ["N15419": "N15508"])
    let m = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      tables:
        - entity: kpi
          fields:
            id: { column: KPI, lookup: kpi-succession }
            name: Namn
            goal: { column: Mål, lookup: goals }
      """, reference: reference)
    let book = workbook(
      "k.xlsx",
      worksheet(
        "K",
        [
          ["KPI", "Namn", "Mål"], ["N15419", "Behöriga", "normer och värden"],
          ["N15505", "Meritvärde", "Normer o värden"],
        ]))
    let r = m.map(book)
    #expect(r.dataset.kpis.map(\.id) == ["N15508", "N15505"])
    #expect(r.dataset.kpis.map(\.goalIDs) == [["LGR22-2.1"], []])  // the failed cell is left out
    #expect(flat(r.diagnostics) == ["'K'!C3 unknown-goal"])
    #expect(r.diagnostics.first?.hint == "did you mean 'Normer och värden'?")
  }

  @Test func skolenhetsregisterStyleRegisterFromAWorkbook() throws {
    var reference = ReferenceData()
    let register = workbook(
      "skolenheter.xlsx",
      worksheet(
        "Skolenheter",
        [
          ["Skolenhetsregistret, utdrag"], [],
          ["Skolenhetskod", "Skolenhetens namn", "Kommunkod", "Skolform"],
          ["91450217", "Petreskolan F-6", "2104", "Grundskola"],
          ["91460114", "Förskoleområde Centrum", "2104", "Förskola"],
        ]))
    try reference.addRegister(
      register,
      spec: .init(
        name: "skolenheter", file: "skolenheter.xlsx", isUnits: true, sheet: nil,
        columns: [
          "id": "Skolenhetskod", "name": "Skolenhetens namn", "school_unit_code": "Skolenhetskod",
          "municipality_code": "Kommunkod", "kind": "Skolform",
        ], key: nil, value: nil, unitKind: .school, parent: nil, keepColumn: nil, keepEquals: []),
      location: SourceLocation(file: "registers.yaml"))
    #expect(reference.units.map(\.kind) == [.school, .preschool])
    #expect(reference.unitID(for: "Petre skola") == .found("91450217"))
    #expect(reference.unitID(for: "petreskolan") == .found("91450217"))
    #expect(reference.unitID(for: "91460114") == .found("91460114"))
  }

  @Test func raggedRowsPolicyGoesToTheCSVReader() throws {
    let mapping = try MappingFile.load(
      yaml: """
        mapping: t
        version: 1
        match: { file: "*.csv" }
        csv: { ragged_rows: skip }
        tables: [{ entity: measurement, fields: { kpi: KPI } }]
        """)
    #expect(mapping.csvReadOptions().raggedRows == .skip)
    #expect(MappingFile(name: "d", tables: []).csvReadOptions().raggedRows == .pad)
    let bad = MappingFile.check(path: "x")
    #expect(bad.first?.kind == .fileUnreadable)
  }
}

extension String {
  /// A path under the repository root.
  var repoPath: String { TestSupportRoot.path + "/" + self }
}

enum TestSupportRoot {
  static let path: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()
}
