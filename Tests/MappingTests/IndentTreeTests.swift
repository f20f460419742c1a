import Canonical
import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import Mapping

/// `tree: { indent: … }` (levels from the cells' indentation) and `tree_level` in row
/// conditions: what `mapping check` accepts and rejects, and what they read.
@Suite struct IndentTreeTests {
  static func sheet(_ rows: [(String, UInt8, String?)]) -> Workbook {
    var out = [
      Row(
        number: 1,
        cells: [
          Cell(column: 1, value: .string("Rubrik")), Cell(column: 2, value: .string("Målvärde")),
        ])
    ]
    for (i, (title, indent, target)) in rows.enumerated() {
      var cells = [Cell(column: 1, value: .string(title), indent: indent)]
      if let target { cells.append(Cell(column: 2, value: .string(target))) }
      out.append(Row(number: i + 2, cells: cells))
    }
    return Workbook(
      path: "plan.xlsx", format: .xlsx, worksheets: [Worksheet(name: "Plan", rows: out)])
  }

  static let yaml = """
    mapping: plan
    version: 1
    match: { file: "*.xlsx" }
    tables:
      - name: nämndmål
        entity: goal
        header: { find: [Rubrik] }
        tree: &tree
          indent: Rubrik
          levels:
            - { name: Nämndmål, id: "NM-{tree_number}" }
            - { name: Indikator }
        rows: { keep_when: { tree_level: Nämndmål } }
        fields:
          id: { value: "{tree_id}" }
          title: Rubrik
      - name: nyckeltal
        entity: kpi
        header: { find: [Rubrik] }
        tree: *tree
        rows: { keep_when: { tree_level: Indikator } }
        fields:
          id: { value: "{tree_parent}-K{tree_number}" }
          name: Rubrik
          goal: { value: "{tree_parent}" }
          target: Målvärde
    """

  @Test func theLevelIsTheRankOfTheIndent() throws {
    // Indents 1 and 3: the smaller is the first level whatever its value; a row indented
    // deeper than the levels listed is taken by no table.
    let book = Self.sheet([
      ("Trygghet", 1, nil), ("Andel trygga", 3, "90"), ("Studiero", 1, nil),
      ("Andel med studiero", 3, "80"), ("En fotnot", 5, nil),
    ])
    let r = Mapper(mapping: try MappingFile.load(yaml: Self.yaml), reference: ReferenceData())
      .map(book)
    #expect(r.dataset.goals.map(\.id) == ["NM-1", "NM-2"])
    #expect(r.dataset.kpis.map(\.goalIDs) == [["NM-1"], ["NM-2"]])
    #expect(r.dataset.kpis.map(\.id) == ["NM-1-K1", "NM-2-K2"])
    #expect(r.explanation.leftOut.map(\.row) == [6])
  }

  @Test func checkRejectsLevelAndIndentTogether() {
    let yaml = Self.yaml.replacingOccurrences(
      of: "      indent: Rubrik\n", with: "      indent: Rubrik\n      level: Typ\n")
    #expect("\(Self.loadError(yaml))".contains("not both"))
  }

  static func loadError(_ yaml: String) -> String {
    do {
      _ = try MappingFile.load(yaml: yaml)
      return "loaded"
    } catch {
      return "\(error)"
    }
  }

  @Test func checkRejectsATreeLevelThatIsNotALevel() throws {
    let yaml = Self.yaml.replacingOccurrences(
      of: "keep_when: { tree_level: Indikator }", with: "keep_when: { tree_level: Indikatorer }")
    do {
      _ = try MappingFile.load(yaml: yaml)
      Issue.record("loaded")
    } catch {
      #expect("\(error)".contains("'tree_level' names 'Indikatorer'"), "\(error)")
      #expect("\(error)".contains("did you mean 'Indikator'"), "\(error)")
    }
  }

  @Test func checkRejectsATreeLevelWithoutATree() {
    let yaml = """
      mapping: plan
      version: 1
      match: { file: "*.xlsx" }
      tables:
        - entity: goal
          header: { find: [Rubrik] }
          rows: { keep_when: { tree_level: Nämndmål } }
          fields:
            id: Rubrik
            title: Rubrik
      """
    #expect(Self.loadError(yaml).contains("but the table has no 'tree'"))
  }
}
