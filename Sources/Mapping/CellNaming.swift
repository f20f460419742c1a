import Canonical
import Spreadsheet

/// Names cells of one workbook the way diagnostics, explanations and provenances do, with
/// column letters computed once per column.
final class CellNaming {
  let workbook: Workbook
  let mapping: MappingFile
  private var letters: [Int: String] = [:]

  init(workbook: Workbook, mapping: MappingFile) {
    self.workbook = workbook
    self.mapping = mapping
  }

  /// `B7`.
  func a1(_ ref: CellReference) -> String {
    if let l = letters[ref.column] { return l + String(ref.row) }
    let l = CellReference.columnLetters(ref.column)
    letters[ref.column] = l
    return l + String(ref.row)
  }

  /// A cell as explanations name it, in the same form as diagnostics: `'Mål'!B7` in a
  /// workbook, `export.csv:14 (C13)` in a CSV file.
  func placeText(sheet: Worksheet, cell: CellReference) -> String {
    if workbook.format == .csv, let line = sheet.row(cell.row)?.line ?? Optional(cell.row) {
      return SourceLocation(file: workbook.path, sheet: sheet.name, cell: cell, line: line)
        .description
    }
    return "\(SourceLocation.quotedSheetName(sheet.name))!\(a1(cell))"
  }

  /// Where a cell is, for a diagnostic.
  func location(sheet: Worksheet, cell: CellReference, line: Int?) -> SourceLocation {
    SourceLocation(file: workbook.path, sheet: sheet.name, cell: cell, line: line)
  }

  /// Where a record came from: the row, its anchor cell and the cell of each field.
  func provenance(
    sheet: Worksheet, row: Row, anchor: CellReference?, cells: [String: CellReference]
  ) -> Provenance {
    Provenance(
      file: workbook.path, sheet: sheet.name, cell: anchor?.a1, row: row.number, line: row.line,
      mapping: mapping.name, mappingVersion: mapping.version,
      cells: cells.isEmpty ? nil : cells.mapValues { a1($0) })
  }
}
