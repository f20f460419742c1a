import Canonical
import Spreadsheet
import Testing

@testable import Mapping

@Suite struct MapperTests {
  /// A unit plan in the shape of a school template: title block, instruction line, header on
  /// row 6, a vertically merged goal column, percent cells and text percentages.
  let plan = workbook(
    "Arbetsplan Petreskolan kvartal 3 2026.xlsx",
    worksheet(
      "Mål",
      [
        ["Arbetsplan 2026 – grundskola"], ["Enhet:", "Petre skola F-6"],
        ["Period:", "Kvartal 3 2026"],
        [], ["Fyll i de gula cellerna."],
        ["Mål-ID", "Enhetsmål", "Nämndmål", "Prioriterat", "Bedömning", "Analys"],
        [
          "PET-1", "Alla elever ska nå målen", "NM-1", "Ja", "Delvis uppfyllt",
          "Matematiken släpar.",
        ],
        [
          "PET-2", "Trygg skola", "NM-2; LGR22-2.1", "Nej", "Uppfyllt",
          "Enkäten visar ökad trygghet.",
        ],
      ]),
    worksheet(
      "Nyckeltal",
      [
        ["Arbetsplan 2026 – grundskola"], ["Enhet:", "Petre skola F-6"],
        ["Period:", "Kvartal 3 2026"],
        [], ["Fyll i de gula cellerna."],
        ["Mål", "Nyckeltal", "Kolada-ID", "Målvärde", "Utfall kvartal 3 ", "Kommentar"],
        ["PET-1", "Behöriga lärare", "N15814", "Minst 80 %", 0.912, nil],
        [nil, "Egen lässcreening", nil, "Minst 90 %", "86,4 %", "Egen mätning"],
        ["PET-2", "Trygghet åk 5", "N15643", "Minst 85 %", "Ej mätt", nil],
      ], merged: ["A7:A8"], formats: ["E7": "0.0%"]))

  let planMapping = """
    mapping: school-plan
    version: 2
    match: { file: "Arbetsplan*.xlsx", sheets: [Mål, Nyckeltal] }
    context:
      unit: { cell: "Mål!B2", lookup: units, required: true }
      period: { label: "Period", type: period }
    plan: { kind: unit-plan, title: "Arbetsplan {unit} {period}" }
    tables:
      - name: goals
        sheet: Mål
        entity: goal
        header: { find: [Mål-ID, [Enhetsmål, Förskolans mål]] }
        fields:
          id: { column: [Mål-ID, Målnr], required: true }
          title: [Enhetsmål, Förskolans mål]
          aligns_to: Nämndmål
          prioritised: Prioriterat
      - name: assessments
        sheet: Mål
        entity: assessment
        fields:
          goal: Mål-ID
          level: Bedömning
          analysis: Analys
      - name: kpis
        sheet: Nyckeltal
        entity: kpi
        fill_down: [goal]
        fields:
          goal: Mål
          name: Nyckeltal
          id: { column: Kolada-ID, default: "{unit}-K{row}", pattern: "^([NU]\\\\d{5}|.+-K\\\\d+)$" }
          target: Målvärde
          outcome: { column: [Utfall kvartal 3, Utfall], type: percent }
          comment: Kommentar
    """

  @Test func unitPlanBecomesCanonicalRecordsWithProvenance() throws {
    let result = try mapper(planMapping, reference: hoforsUnits).map(plan)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let d = result.dataset
    #expect(d.plans.count == 1)
    #expect(d.plans.first?.unitID == "petreskolan")
    #expect(d.plans.first?.period?.id == "2026-Q3")
    #expect(d.plans.first?.title == "Arbetsplan petreskolan 2026-Q3")

    #expect(d.goals.map(\.id) == ["PET-1", "PET-2"])
    #expect(d.goals[1].alignsTo == ["NM-2", "LGR22-2.1"])
    #expect(d.goals.map(\.prioritised) == [true, false])
    #expect(d.goals.allSatisfy { $0.level == .unit && $0.ownerUnitID == "petreskolan" })
    #expect(d.goals[1].provenance?.cells?["aligns_to"] == "C8")
    #expect(d.goals[0].provenance?.cell == "A7")
    #expect(d.goals[0].provenance?.mapping == "school-plan")
    #expect(d.goals[0].provenance?.mappingVersion == 2)

    #expect(d.assessments.map(\.level) == [.partlyFulfilled, .fulfilled])

    #expect(d.kpis.map(\.id) == ["N15814", "petreskolan-K8", "N15643"])
    #expect(d.kpis.map(\.goalIDs) == [["PET-1"], ["PET-1"], ["PET-2"]])  // A8 is inside A7:A8
    #expect(d.targets.map(\.comparison) == [.atLeast, .atLeast, .atLeast])
    #expect(d.targets.map(\.value) == [80, 90, 85])
    #expect(d.targets[0].provenance?.cell == "D7")
    #expect(d.measurements.map(\.value) == [91.2, 86.4, nil])
    #expect(d.measurements[2].missingReason == .notMeasured)
    #expect(d.measurements.allSatisfy { $0.period?.id == "2026-Q3" && $0.unitID == "petreskolan" })
    #expect(d.kpis[1].provenance?.cells?["goal"] == "A8")
  }

  @Test func dataProblemsAreLocatedWithHints() throws {
    var broken = plan
    broken.set("Mål", "B2", .string("Petersskolan"))
    broken.set("Nyckeltal", "D7", .string("Bra"))  // not a target
    broken.set("Nyckeltal", "C7", .string("N1581"))  // not a Kolada id
    broken.set("Mål", "D7", .string("Kanske"))  // not yes or no
    let result = try mapper(planMapping, reference: hoforsUnits).map(broken)
    #expect(
      flat(result.diagnostics) == [
        "'Mål'!B2 unknown-unit", "'Mål'!D7 type-error", "'Nyckeltal'!C7 pattern-mismatch",
        "'Nyckeltal'!D7 type-error",
      ])
    #expect(result.diagnostics[0].hint?.contains("did you mean 'Petreskolan'?") == true)
    #expect(result.diagnostics[3].value == "Bra")
    #expect(
      result.diagnostics[3].description.hasPrefix(
        "Arbetsplan Petreskolan kvartal 3 2026.xlsx: 'Nyckeltal'!D7: error: 'Bra' is not a target"))
  }

  @Test func missingColumnNamesTheHeaderWithADidYouMean() throws {
    var renamed = plan
    renamed.set("Nyckeltal", "D6", .string("Målvärden"))
    let result = try mapper(planMapping, reference: hoforsUnits).map(renamed)
    #expect(flat(result.diagnostics) == ["'Nyckeltal'!6:6 column-not-found"])
    #expect(result.diagnostics[0].hint?.contains("did you mean 'Målvärden'?") == true)
    #expect(result.dataset.kpis.count == 3)  // the table is still read, without targets
    #expect(result.dataset.targets.isEmpty)
  }

  @Test func explanationSaysWhy() throws {
    let result = try mapper(planMapping, reference: hoforsUnits).map(plan)
    let kpis = try #require(result.explanation.tables.first { $0.table == "kpis" })
    #expect(kpis.headerRow == 6)
    #expect(kpis.sheet == "Nyckeltal")
    let outcome = try #require(kpis.columns.first { $0.field == "outcome" })
    #expect(outcome.column == "E")
    #expect(outcome.how == "name")  // "Utfall kvartal 3 " with a trailing space
    #expect(kpis.records == 3 + 3 + 3)
    let text = result.explanation.render(diagnostics: result.diagnostics)
    #expect(text.contains("header row: 6  ← names"))
    #expect(text.contains("unit = \"petreskolan\"  ← cell 'Mål'!B2"))
  }
}
