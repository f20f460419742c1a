import Spreadsheet
import TestSupport
import Testing

@testable import Mapping

@Suite struct MappingFileLoadingTests {
  /// Errors as `line:column code key` triples, for compact assertions.
  func flat(_ errors: [MappingError]) -> [String] {
    errors.map {
      "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code) \($0.keyPath ?? "")"
    }
  }

  @Test func reportsEveryErrorWithLineColumnKeyAndHint() {
    let path = Fixture.url("mapping/unknown-key.yaml").path
    let errors = MappingFile.check(path: path)
    #expect(
      flat(errors) == [
        "9:13 mapping-unknown-key tables[0].fields.id.colum",
        "10:35 mapping-unknown-key tables[0].fields.title.requird",
        "12:13 mapping-invalid-value tables[1].entity",
        "17:20 mapping-wrong-type tables[2].header.row",
        "19:30 mapping-invalid-regex tables[2].fields.title.column_regex",
        "20:39 mapping-invalid-value tables[2].fields.status.type",
      ])
    #expect(errors[0].hint == "did you mean 'column'?")
    #expect(errors[1].hint == "did you mean 'required'?")
    #expect(errors[2].hint == "did you mean 'kpi'?")
    #expect(errors[5].hint == "did you mean 'status'?")
    #expect(errors.allSatisfy { $0.location?.file == path })
    #expect(
      errors[0].description.hasPrefix(
        "\(path):9:13: error: unknown key 'colum' in the field 'id' [mapping-unknown-key]"))
  }

  @Test func loadThrowsTheFirstErrorWithTheOthersAttached() {
    do {
      _ = try MappingFile.load(path: Fixture.url("mapping/unknown-key.yaml").path)
      Issue.record("expected an error")
    } catch let error as MappingError {
      #expect(error.kind == .unknownKey)
      #expect(error.others.count == 5)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func duplicateKeyIsLocatedAtTheSecondOccurrence() {
    let errors = MappingFile.check(path: Fixture.url("mapping/duplicate-key.yaml").path)
    #expect(flat(errors) == ["9:7 mapping-duplicate-key "])
  }

  @Test func syntaxErrorHasLineAndColumn() {
    let errors = MappingFile.check(path: Fixture.url("mapping/syntax-error.yaml").path)
    #expect(errors.count == 1)
    #expect(errors.first?.kind == .yamlSyntax)
    #expect(errors.first?.location?.line == 4)
  }

  @Test func unknownReferencesAreFound() {
    let errors = MappingFile.check(path: Fixture.url("mapping/unknown-reference.yaml").path)
    #expect(
      flat(errors) == [
        "7:5 mapping-unknown-reference tables[0].fill_down",
        "13:7 mapping-unknown-reference tables[0].fields.goal.map",
        "14:7 mapping-unknown-reference tables[0].fields.unit",
        "15:7 mapping-unknown-reference tables[0].fields.comment",
      ])
    #expect(errors[0].hint == "did you mean 'goal'?")
    #expect(errors[2].hint == "did you mean 'unit'?" || errors[2].hint?.contains("unit") == true)
    #expect(errors[3].message.contains("{perod}"))
  }

  @Test func extendsOverridesFieldsByTableAndKeepsSharedMaps() throws {
    let child = try MappingFile.load(path: Fixture.url("mapping/child-plan.yaml").path)
    #expect(child.name == "child-plan")
    #expect(child.version == 1)
    #expect(child.match.files == ["*förskola*plan*.xlsx"])
    #expect(child.tables.map { $0.name ?? "" } == ["goals", "activities", "assessments"])
    let goals = try #require(child.tables.first)
    #expect(goals.fields.map(\.name) == ["id", "title"])
    guard case .column(let selector) = goals.field("title")?.source else {
      Issue.record("title should read a column")
      return
    }
    #expect(selector.names == ["Förskolans mål"])
    #expect(goals.header.find == [["Mål-ID"]])
    #expect(child.valueMaps["traffic-light"]?.value(for: "🟢") == "ongoing")
    #expect(child.context.map(\.name) == ["unit"])
  }

  @Test func extendsCycleIsAnError() {
    let errors = MappingFile.check(path: Fixture.url("mapping/cycle-a.yaml").path)
    #expect(errors.contains { $0.kind == .extendsCycle })
  }

  @Test func shorthandFieldsAndWordsInEitherCase() throws {
    let mapping = try MappingFile.load(
      yaml: """
        mapping: shorthand
        version: 3
        match: { file: ["*.csv", "*.txt"], headers: [Kommun] }
        csv: { ragged_rows: pad }
        tables:
          - entity: measurement
            header: [Kommun, Värde]
            rows: { skip_totals: [Riket, Totalt], stop_at_blank: true }
            fields:
              kpi: [Nyckeltal-ID, KPI]
              unit: { column: Kommun-ID, type: code, digits: 4 }
              gender: { column: Kön, type: gender }
              value: { column: Värde, missing: { "n/a": not-applicable } }
              period: { column: År, period_kind: school-year }
        """)
    #expect(mapping.version == 3)
    #expect(mapping.raggedRows == .pad)
    let table = try #require(mapping.tables.first)
    #expect(table.header.find == [["Kommun"], ["Värde"]])
    #expect(table.rows.skipTotals == ["Riket", "Totalt"])
    #expect(table.rows.stopAtBlank)
    #expect(table.field("value")?.transform.missing["n/a"] == .notApplicable)
    #expect(table.field("period")?.transform.periodKind == .schoolYear)
    #expect(table.field("unit")?.transform.digits == 4)
  }

  @Test func missingTopLevelKeys() {
    do {
      _ = try MappingFile.load(yaml: "description: nothing else\n")
      Issue.record("expected errors")
    } catch let error as MappingError {
      let all = [error] + error.others
      #expect(Set(all.map(\.keyPath)) == ["mapping", "version", "tables", "match"])
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
