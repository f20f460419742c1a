import Canonical
import Foundation
import Spreadsheet
import Testing

@testable import Mapping

/// The fixes of issue #14 item 5 and the account of rows left out (item 4), on workbooks
/// shaped like the second municipality's templates.
@Suite struct OnboardingFixesTests {
  @Test func unpivotInAKPITableKeepsTheKPIAndItsTarget() throws {
    let book = workbook(
      "uppfoljning.xlsx",
      worksheet(
        "Nyckeltal",
        [
          ["Indikator", "Målnivå", "Utfall T2 totalt", "Flickor", "Pojkar"],
          ["Andel behöriga till gymnasiet", "Minst 85 %", "82,5", "85,0", "80,1"],
          ["Meritvärde åk 9", "Lägst 225", "219", nil, nil],
        ]))
    let r = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      tables:
        - entity: kpi
          fields:
            name: Indikator
            id: { value: "{row}", format: "K-{value}" }
            target: Målnivå
          unpivot:
            columns_regex: "^(Utfall.*totalt|Flickor|Pojkar)$"
            fields:
              gender: { from: header, type: gender }
      """
    ).map(book)
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.dataset.kpis.map(\.id) == ["K-2", "K-3"])
    #expect(r.dataset.targets.map(\.value) == [85, 225])
    #expect(r.dataset.targets.map(\.provenance?.cell) == ["B2", "B3"])
    #expect(r.dataset.measurements.map(\.gender) == [.total, .female, .male, .total])
    #expect(r.dataset.measurements.map(\.value) == [82.5, 85, 80.1, 219])
  }

  @Test func checkRejectsAColumnUnderUnpivotFieldsAtItsLine() throws {
    let error = #expect(throws: MappingError.self) {
      try MappingFile.load(
        yaml: """
          mapping: t
          version: 1
          match: { file: "*.xlsx" }
          tables:
            - entity: measurement
              fields:
                kpi: KPI
              unpivot:
                columns_regex: "^\\\\d{4}$"
                fields:
                  gender: { column: Kön }
          """, path: "m.yaml")
    }
    let errors = error.map { [$0] + $0.others } ?? []
    #expect(
      errors.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code)" } == [
        "11:19 mapping-invalid-value"
      ])
  }

  @Test func sectionFieldsReadOtherColumnsAndWhenTestsSeveralCells() throws {
    let book = workbook(
      "plan.xlsx",
      worksheet(
        "Plan",
        [
          ["Typ", "Rubrik", "Ansvarig"],
          ["Nämndmål", "Alla elever ska nå kunskapsmålen", "Förvaltningschef"],
          ["Indikator", "Behöriga till gymnasiet", nil],
          ["Nämndmål", "Trygg skola", nil],
          ["Indikator", "Trygghet åk 5", nil],
          ["Aktivitet", "Nämndmål", nil],
        ]))
    let r = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      tables:
        - entity: kpi
          sections:
            - name: goal
              when: [{ column: Typ, equals: Nämndmål }, { column: Rubrik, blank: false }]
              fields:
                title: { column: Rubrik }
                owner: { column: Ansvarig, optional: true }
          rows: { keep_when: { column: Typ, equals: Indikator } }
          fields:
            name: Rubrik
            id: { value: "{row}", format: "K{value}" }
            goal: { section: goal.title }
      """
    ).map(book)
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(
      r.dataset.kpis.map(\.goalIDs) == [["Alla elever ska nå kunskapsmålen"], ["Trygg skola"]])
    // The activity titled "Nämndmål" is not a section row: its Typ is Aktivitet.
    #expect(
      r.explanation.leftOut.map { "\($0.row) \($0.reason)" } == [
        "6 does not match keep_when (table tables[0])"
      ])
    #expect(r.leftOutSummary?.code == "rows-left-out")
    #expect(r.leftOutSummary?.severity == .info)
    #expect(r.explanation.render(diagnostics: []).contains("'Plan'!6:6: does not match keep_when"))
  }

  @Test func eachColumnOfAColumnsListHasItsOwnTransform() throws {
    let reference = ReferenceData(goals: [
      Goal(id: "NM-1", title: "Alla elever ska nå kunskapsmålen", level: .board),
      Goal(id: "LGR22-2.2", title: "Kunskaper", level: .national),
      Goal(id: "LGR22-2.7", title: "Bedömning och betyg", level: .national),
    ])
    let book = workbook(
      "mal.xlsx",
      worksheet(
        "Mål",
        [
          ["Mål", "Nämndmål", "Läroplan"],
          [
            "Läsa mer", "alla elever ska nå kunskapsmålen",
            "2.2 Kunskaper; 2.7 Bedömning och betyg",
          ],
          ["Räkna mer", "Alla elever ska nå kunskapsmål", nil],
        ]))
    let r = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      tables:
        - entity: goal
          fields:
            title: Mål
            id: { value: "{row}", format: "M{value}" }
            aligns_to:
              columns:
                - { column: Nämndmål, lookup: goals }
                - { column: Läroplan, extract: "^(?<value>\\\\d\\\\.\\\\d)", format: "LGR22-{value}" }
      """, reference: reference
    ).map(book)
    #expect(r.dataset.goals.first?.alignsTo == ["NM-1", "LGR22-2.2", "LGR22-2.7"])
    #expect(flat(r.diagnostics) == ["'Mål'!B3 unknown-goal"])
    #expect(r.diagnostics.first?.hint == "did you mean 'Alla elever ska nå kunskapsmålen'?")
  }

  @Test(arguments: [
    ("Ängens förskolor", "angen"), ("Förskoleenhet Ängen", "angen"), ("ängens förskola", "angen"),
    ("Björkskolan F–9", "bjorkskolan"), ("Björkskolan 7-9", "bjorkskolan"),
    ("Björk skola", "bjorkskolan"), ("Hagen", "hagens-skola"),
  ])
  func unitNamesAreNormalisedBeforeMatching(written: String, id: String) {
    let reference = ReferenceData(units: [
      OrgUnit(id: "angen", name: "Förskoleenhet Ängen", kind: .preschool),
      OrgUnit(id: "bjorkskolan", name: "Björkskolan F-9", kind: .school),
      OrgUnit(id: "hagens-skola", name: "Hagens skola", kind: .school),
      OrgUnit(id: "centrum-fsk", name: "Förskoleområde Centrum", kind: .preschool),
    ])
    #expect(reference.unitID(for: written) == .found(id))
    // A school name does not find a preschool area of the same place (only suggests it).
    #expect(
      reference.unitID(for: "Centrumskolan") == .notFound(suggestion: "Förskoleområde Centrum"))
  }

  @Test func unknownUnitOnAContextValueHasADidYouMean() throws {
    let reference = ReferenceData(units: [
      OrgUnit(id: "angen", name: "Förskoleenhet Ängen", kind: .preschool)
    ])
    let r = try mapper(
      """
      mapping: t
      version: 1
      match: { file: "*.xlsx" }
      context:
        unit: { label: Förskola, lookup: units }
      tables:
        - entity: goal
          fields: { id: Nr, title: Mål }
      """, reference: reference
    ).map(
      workbook(
        "a.xlsx",
        worksheet("Mål", [["Förskola:", "Änges förskolor"], [], ["Nr", "Mål"], ["1", "Lek"]])))
    #expect(flat(r.diagnostics) == ["'Mål'!B1 unknown-unit"])
    #expect(r.diagnostics.first?.hint?.hasPrefix("did you mean 'Förskoleenhet Ängen'?") == true)
  }

  @Test func koladaRiketAndCountyRowsAreComparisonSeries() throws {
    let csv = worksheet(
      "kolada",
      [
        ["Kommun", "Kommun-ID", "Nyckeltal-ID", "År", "Kön", "Värde"],
        ["Ekbacka", "2199", "N15419", "2025", "T", "70,1"],
        ["Riket", "0000", "N15419", "2025", "T", "73,4"],
        ["Gävleborgs län", "0021", "N15419", "2025", "T", "69,8"],
        ["Liknande kommuner, grundskola", "G12345", "N15419", "2025", "T", "71,0"],
      ], csvLines: true)
    let mappings = URL(filePath: #filePath).deletingLastPathComponent()
      .appending(path: "../../mappings/kolada-export.yaml").standardized.path
    let m = try MappingFile.load(path: mappings)
    let reference = ReferenceData(units: [
      OrgUnit(id: "ekbacka", name: "Ekbacka kommun", kind: .municipality, municipalityCode: "2199")
    ])
    let r = Mapper(mapping: m, reference: reference).map(workbook("kolada.csv", csv))
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(
      r.dataset.measurements.map(\.comparison) == [nil, .nation, .county, .similarMunicipalities])
    #expect(r.dataset.measurements.map(\.unitID) == ["ekbacka", "0000", "0021", "G12345"])
    // explain names CSV cells as run does: file:line (cell).
    #expect(r.explanation.tables.first?.samples.first?.hasPrefix("kolada.csv:2 (C2): ") == true)
  }
}
