import Canonical
import Spreadsheet
import Validation

/// Builders for canonical records as the mapping engine produces them from the workbook
/// templates: provenance with the file, sheet, row, the anchor cell and one cell per field.
enum Records {
  /// A provenance for a worksheet row: `columns` maps field names to column letters; the
  /// anchor is the `anchor` field's cell.
  static func at(
    _ file: String, _ sheet: String, row: Int, _ columns: [String: String],
    anchor: String = "id"
  ) -> Provenance {
    var cells: [String: String] = [:]
    for (field, column) in columns { cells[field] = "\(column)\(row)" }
    return Provenance(
      file: file, sheet: sheet, cell: cells[anchor], row: row, mapping: "test",
      mappingVersion: 1, cells: cells)
  }

  /// A provenance for a CSV record on a text line.
  static func line(_ file: String, _ line: Int, column: String = "E") -> Provenance {
    Provenance(
      file: file, sheet: String(file.split(separator: ".").first ?? ""),
      cell: "\(column)\(line)", line: line, mapping: "test", mappingVersion: 1,
      cells: ["value": "\(column)\(line)"])
  }

  // Field names as in mapping files (`aligns_to`, `goal`), the keys of `Provenance.cells`.
  static let goalColumns = [
    "id": "A", "title": "B", "aligns_to": "C", "prioritised": "D", "level": "E", "analysis": "F",
  ]
  static let kpiColumns = ["goal": "A", "id": "B", "kpi": "B", "name": "C", "target": "D"]
  static let activityColumns = [
    "goal": "A", "id": "B", "title": "C", "owner": "D", "start": "E", "end": "F", "status": "G",
  ]

  static func unitGoal(
    _ id: String, _ title: String, unit: String, aligns: [String], prioritised: Bool = true,
    file: String, row: Int, parent: String? = nil
  ) -> Goal {
    Goal(
      id: id, title: title, level: .unit, ownerUnitID: unit, parentID: parent, alignsTo: aligns,
      prioritised: prioritised, period: .year(2026),
      provenance: at(file, "Mål", row: row, goalColumns))
  }

  static func assessment(
    _ goal: String, unit: String, _ level: Assessment.Level, analysis: String?, file: String,
    row: Int, period: Period = .quarter(1, 2026)
  ) -> Assessment {
    Assessment(
      goalID: goal, unitID: unit, period: period, level: level, analysis: analysis,
      provenance: at(file, "Mål", row: row, goalColumns, anchor: "level"))
  }

  static func kpi(
    _ id: String, _ name: String, goals: [String], unit: String, file: String, row: Int,
    sheet: String = "Nyckeltal", direction: KPI.Direction? = nil, unitOfMeasure: String? = nil
  ) -> KPI {
    KPI(
      id: id, name: name, unitOfMeasure: unitOfMeasure, direction: direction, goalIDs: goals,
      unitID: unit, provenance: at(file, sheet, row: row, kpiColumns))
  }

  static func target(
    _ kpi: String, _ text: String, _ comparison: Target.Comparison, _ value: Double?,
    unit: String, file: String, row: Int, sheet: String = "Nyckeltal",
    period: Period = .year(2026)
  ) -> Target {
    Target(
      kpiID: kpi, unitID: unit, period: period, comparison: comparison, value: value, text: text,
      provenance: at(file, sheet, row: row, kpiColumns, anchor: "target"))
  }

  /// An outcome from an unpivoted `Utfall <period>` column.
  static func outcome(
    _ kpi: String, _ value: Double?, period: Period, unit: String, file: String, row: Int,
    column: String, gender: Measurement.Gender = .total
  ) -> Measurement {
    Measurement(
      kpiID: kpi, unitID: unit, period: period, gender: gender, value: value,
      provenance: at(file, "Nyckeltal", row: row, ["value": column], anchor: "value"))
  }

  static func activity(
    _ id: String, _ title: String, goals: [String], unit: String, owner: String,
    start: String?, end: String?, status: Activity.Status?, file: String, row: Int
  ) -> Activity {
    Activity(
      id: id, title: title, goalIDs: goals, unitID: unit, owner: owner,
      start: start.flatMap { CalendarDate(iso: $0) }, end: end.flatMap { CalendarDate(iso: $0) },
      status: status, statusText: status?.swedishLabel,
      provenance: at(file, "Aktiviteter", row: row, activityColumns))
  }

  static func plan(_ unit: String?, _ period: Period, _ kind: Plan.Kind, file: String) -> Plan {
    Plan(
      unitID: unit, period: period, kind: kind, title: file,
      provenance: Provenance(file: file, sheet: "Mål", cell: "B2", row: 2))
  }
}

extension ValidationReport {
  /// `(location, code)` pairs as plain tuples, for comparison in `#expect`.
  var pairs: [Pair] { flat.map { Pair($0.location, $0.code) } }
}

/// A `(location, code)` pair that `#expect` can compare and print.
struct Pair: Hashable, CustomStringConvertible {
  var location: String
  var code: String
  init(_ location: String, _ code: String) {
    self.location = location
    self.code = code
  }
  var description: String { "(\(location), \(code))" }
}

/// Pairs from tuple literals: `pairs(("'Mål'!C5", "unresolved-reference"))`.
func pairs(_ list: (String, String)...) -> [Pair] { list.map { Pair($0.0, $0.1) } }
