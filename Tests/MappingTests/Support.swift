import Canonical
import Spreadsheet

@testable import Mapping

/// Builds an in-memory worksheet from rows of values (`String`, `Int`, `Double`, `Bool`,
/// `CellValue`, or `nil` for an empty cell), as the XLSX reader would give it.
func worksheet(
  _ name: String, _ grid: [[Any?]], merged: [String] = [], formats: [String: String] = [:],
  firstRow: Int = 1, csvLines: Bool = false
) -> Worksheet {
  var rows: [Row] = []
  for (i, values) in grid.enumerated() {
    let number = firstRow + i
    var cells: [Cell] = []
    for (j, value) in values.enumerated() {
      let column = j + 1
      let cellValue: CellValue?
      switch value {
      case let s as String: cellValue = s.isEmpty && !csvLines ? nil : .string(s)
      case let n as Int: cellValue = .number(Double(n))
      case let d as Double: cellValue = .number(d)
      case let b as Bool: cellValue = .bool(b)
      case let c as CellValue: cellValue = c
      default: cellValue = nil
      }
      guard let cellValue else { continue }
      let ref = CellReference(row: number, column: column).a1
      cells.append(Cell(column: column, value: cellValue, numberFormat: formats[ref]))
    }
    if !cells.isEmpty || csvLines {
      rows.append(Row(number: number, cells: cells, line: csvLines ? number : nil))
    }
  }
  return Worksheet(name: name, rows: rows, mergedRanges: merged.compactMap { CellRange($0) })
}

func workbook(_ path: String, _ sheets: Worksheet...) -> Workbook {
  Workbook(path: path, format: path.hasSuffix(".csv") ? .csv : .xlsx, worksheets: sheets)
}

func mapper(_ yaml: String, reference: ReferenceData = .empty) throws -> Mapper {
  Mapper(mapping: try MappingFile.load(yaml: yaml), reference: reference)
}

/// Diagnostics flattened to `location code` pairs (STYLE §7.6).
func flat(_ diagnostics: [Diagnostic]) -> [String] {
  diagnostics.map { "\($0.location?.reference ?? $0.location?.description ?? "-") \($0.code)" }
}

let hoforsUnits = ReferenceData(units: [
  OrgUnit(id: "hofors", name: "Hofors kommun", kind: .municipality, municipalityCode: "2104"),
  OrgUnit(id: "bun", name: "Barn- och utbildningsnämnden", aliases: ["BUN"], kind: .board),
  OrgUnit(
    id: "petreskolan", name: "Petreskolan", aliases: ["Petre skola"], kind: .school,
    schoolUnitCode: "91450217"),
  OrgUnit(id: "asens-skola", name: "Åsens skola", kind: .school),
])

extension Workbook {
  /// Replaces (or adds) the value of one cell, e.g. `set("Nyckeltal", "D7", "Bra")`.
  mutating func set(_ sheet: String, _ a1: String, _ value: CellValue) {
    guard let s = worksheets.firstIndex(where: { $0.name == sheet }), let ref = CellReference(a1)
    else { return }
    var ws = worksheets[s]
    if let r = ws.rows.firstIndex(where: { $0.number == ref.row }) {
      if let c = ws.rows[r].cells.firstIndex(where: { $0.column == ref.column }) {
        ws.rows[r].cells[c].value = value
      } else {
        ws.rows[r].cells.append(Cell(column: ref.column, value: value))
        ws.rows[r].cells.sort { $0.column < $1.column }
      }
    }
    worksheets[s] = ws
  }
}
