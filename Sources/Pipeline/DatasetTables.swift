public import Canonical
public import Spreadsheet

/// The canonical records as tables, one per kind of record, for export to CSV or XLSX.
///
/// Column names are the canonical field names of `docs/canonical-model.md`; every table ends
/// with the provenance columns `file`, `sheet`, `cell`, `line` and `mapping`, so a value can be
/// traced back to its cell. Lists (`alignsTo`, `goalIDs`) are joined with `; `.
public enum DatasetTables {
  /// One exported table.
  public struct Table: Sendable {
    /// The table's name and file stem: `units`, `goals`, `kpis`, `targets`, `measurements`,
    /// `activities`, `assessments`, `plans`.
    public var name: String
    /// The header.
    public var columns: [String]
    /// The rows, each with `columns.count` values; `nil` is an empty cell.
    public var rows: [[CellValue?]]

    /// The table as a worksheet: the header in row 1, data from row 2.
    public var worksheet: Worksheet {
      var out = [
        Row(number: 1, cells: columns.enumerated().map { Cell(column: $0 + 1, value: .string($1)) })
      ]
      for (i, values) in rows.enumerated() {
        let cells = values.enumerated().compactMap { column, value in
          value.map { Cell(column: column + 1, value: $0) }
        }
        out.append(Row(number: i + 2, cells: cells))
      }
      return Worksheet(name: name, rows: out)
    }
  }

  static let provenanceColumns = ["file", "sheet", "cell", "line", "mapping"]

  static func text(_ s: String?) -> CellValue? {
    guard let s, !s.isEmpty else { return nil }
    return .string(s)
  }

  static func number(_ x: Double?) -> CellValue? { x.map { .number($0) } }

  static func date(_ d: CalendarDate?) -> CellValue? {
    d.map { .dateTime(CivilDateTime(year: $0.year, month: $0.month, day: $0.day)) }
  }

  static func list(_ items: [String]) -> CellValue? { text(items.joined(separator: "; ")) }

  static func provenance(_ p: Provenance?) -> [CellValue?] {
    [
      text(p?.file), text(p?.sheet), text(p?.cell), p?.line.map { .number(Double($0)) },
      text(p?.mapping),
    ]
  }

  /// Every table of a dataset, in the order of the model.
  public static func tables(_ d: Dataset) -> [Table] {
    [
      Table(
        name: "units",
        columns: [
          "id", "name", "aliases", "kind", "parentID", "municipalityCode", "schoolUnitCode",
          "koladaID",
        ] + provenanceColumns,
        rows: d.units.map {
          [
            text($0.id), text($0.name), list($0.aliases), text($0.kind.rawValue),
            text($0.parentID), text($0.municipalityCode), text($0.schoolUnitCode),
            text($0.koladaID),
          ] + provenance($0.provenance)
        }),
      Table(
        name: "goals",
        columns: [
          "id", "title", "text", "level", "ownerUnitID", "parentID", "alignsTo", "prioritised",
          "period",
        ] + provenanceColumns,
        rows: d.goals.map {
          [
            text($0.id), text($0.title), text($0.text), text($0.level.rawValue),
            text($0.ownerUnitID), text($0.parentID), list($0.alignsTo), .bool($0.prioritised),
            text($0.period?.id),
          ] + provenance($0.provenance)
        }),
      Table(
        name: "kpis",
        columns: ["id", "name", "unitOfMeasure", "direction", "goalIDs", "unitID"]
          + provenanceColumns,
        rows: d.kpis.map {
          [
            text($0.id), text($0.name), text($0.unitOfMeasure), text($0.direction?.rawValue),
            list($0.goalIDs), text($0.unitID),
          ] + provenance($0.provenance)
        }),
      Table(
        name: "targets",
        columns: ["kpiID", "unitID", "period", "comparison", "value", "upperValue", "text"]
          + provenanceColumns,
        rows: d.targets.map {
          [
            text($0.kpiID), text($0.unitID), text($0.period?.id), text($0.comparison.rawValue),
            number($0.value), number($0.upperValue), text($0.text),
          ] + provenance($0.provenance)
        }),
      Table(
        name: "measurements",
        columns: [
          "kpiID", "unitID", "period", "gender", "value", "missingReason", "missingToken",
          "comment", "dimensions",
        ] + provenanceColumns,
        rows: d.measurements.map { m in
          let dims = (m.dimensions ?? [:]).sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value)"
          }
          return [
            text(m.kpiID), text(m.unitID), text(m.period?.id), text(m.gender.rawValue),
            number(m.value), text(m.missingReason?.rawValue), text(m.missingToken),
            text(m.comment), list(dims),
          ] + provenance(m.provenance)
        }),
      Table(
        name: "activities",
        columns: [
          "id", "title", "goalIDs", "unitID", "owner", "responsible", "start", "end", "status",
          "statusText", "comment",
        ] + provenanceColumns,
        rows: d.activities.map {
          [
            text($0.id), text($0.title), list($0.goalIDs), text($0.unitID), text($0.owner),
            text($0.responsible), date($0.start), date($0.end), text($0.status?.rawValue),
            text($0.statusText), text($0.comment),
          ] + provenance($0.provenance)
        }),
      Table(
        name: "assessments",
        columns: ["goalID", "unitID", "period", "level", "analysis"] + provenanceColumns,
        rows: d.assessments.map {
          [
            text($0.goalID), text($0.unitID), text($0.period?.id), text($0.level.rawValue),
            text($0.analysis),
          ] + provenance($0.provenance)
        }),
      Table(
        name: "plans",
        columns: ["unitID", "period", "kind", "title"] + provenanceColumns,
        rows: d.plans.map {
          [text($0.unitID), text($0.period?.id), text($0.kind.rawValue), text($0.title)]
            + provenance($0.provenance)
        }),
    ]
  }
}
