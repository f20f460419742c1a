import Canonical
import Foundation
import Spreadsheet
import Testing

@testable import Mapping

/// A tree from a level column and row order (issue #14 item 1), on a Stratsys-style flat list.
@Suite struct LevelTreeTests {
  static let mapping = """
    mapping: stratsys
    version: 1
    match: { file: "*.xlsx" }
    plan: { kind: board-plan }
    tables:
      - name: kf
        entity: goal
        tree: &tree
          level: Typ
          levels:
            - { name: KF-mål, id: "KF-{tree_number}" }
            - { name: Nämndmål, id: "NM-{tree_number}" }
            - { name: [Indikator, Aktivitet] }
        rows: { keep_when: { column: Typ, equals: KF-mål } }
        fields:
          id: { value: "{tree_id}" }
          title: Namn
          level: { value: council }
      - name: nm
        entity: goal
        tree: *tree
        rows: { keep_when: { column: Typ, equals: Nämndmål } }
        fields:
          id: { value: "{tree_id}" }
          title: Namn
          parent: { value: "{tree_parent}" }
      - name: kpis
        entity: kpi
        tree: *tree
        rows: { keep_when: { column: Typ, equals: Indikator } }
        fields:
          id: { column: Kolada-ID, default: "{tree_parent}-K{row}" }
          name: Namn
          goal: { value: "{tree_parent}" }
      - name: activities
        entity: activity
        tree: *tree
        rows: { keep_when: { column: Typ, equals: Aktivitet } }
        fields:
          title: Namn
          goal: { value: "{tree_parent}" }
    """

  static func sheet(renamed: Bool = false) -> Workbook {
    workbook(
      "Verksamhetsplan.xlsx",
      worksheet(
        "Plan",
        [
          ["Typ", "Namn", "Kolada-ID"],
          ["KF-mål", "Ett gott liv för alla", nil],
          ["Nämndmål", renamed ? "Fler elever når målen" : "Alla elever når målen", nil],
          ["Indikator", "Behöriga till gymnasiet", "N15428"],
          ["Aktivitet", "Läsfrämjande insatser", nil],
          ["Nämndmål", "Trygg skola", nil],
          ["Indikator", "Trygghet åk 5", nil],
          ["KF-mål", "Hållbar kommun", nil],
          ["Indikator", "Kostnad per elev", "N15008"],
          ["Uppdrag", "Utred skolskjuts", nil],
        ]))
  }

  @Test func parentIsTheNearestRowAboveAtTheLevelAbove() throws {
    let r = try mapper(Self.mapping).map(Self.sheet())
    #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
    #expect(r.dataset.goals.map(\.id) == ["KF-1", "KF-2", "NM-1", "NM-2"])
    #expect(r.dataset.goals.map(\.parentID) == [nil, nil, "KF-1", "KF-1"])
    #expect(r.dataset.kpis.map(\.id) == ["N15428", "NM-2-K7", "N15008"])
    // The last indicator follows KF-2 and no nämndmål: it belongs to none, and says so.
    #expect(r.dataset.kpis.map(\.goalIDs) == [["NM-1"], ["NM-2"], []])
    #expect(r.dataset.activities.map(\.goalIDs) == [["NM-1"]])
    // The row of an unknown level is listed, not lost.
    #expect(r.explanation.leftOut.map(\.row) == [10])
  }

  @Test func aRewordedTitleKeepsItsIndicatorsUnderIt() throws {
    let r = try mapper(Self.mapping).map(Self.sheet(renamed: true))
    #expect(r.dataset.goals.first { $0.id == "NM-1" }?.title == "Fler elever når målen")
    #expect(r.dataset.kpis.first?.goalIDs == ["NM-1"])
  }

  @Test func checkWantsALevelColumnAndTwoLevels() {
    #expect(throws: MappingError.self) {
      try MappingFile.load(
        yaml: """
          mapping: t
          version: 1
          match: { file: "*.xlsx" }
          tables:
            - entity: goal
              tree: { level: Typ, levels: [KF-mål] }
              fields: { id: A, title: B }
          """)
    }
  }
}
