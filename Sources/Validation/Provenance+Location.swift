public import Canonical
public import Spreadsheet

extension Provenance {
  /// Where a record, or one of its fields, is: the file with the field's cell (or the
  /// record's anchor cell, row or CSV line).
  ///
  /// - Parameter field: the field name as in ``Provenance/cells`` (`alignsTo`, `target`,
  ///   `end`…); `nil` for the record's anchor cell.
  /// - Returns: `file 'Sheet'!B7`, `file 'Sheet'!7:7`, `file.csv:12 (C11)` or the file alone.
  public func location(field: String? = nil) -> SourceLocation {
    let a1 = field.map { cell(for: $0) } ?? cell
    let reference = a1.flatMap { CellReference($0) }
    return SourceLocation(file: file, sheet: sheet, cell: reference, row: row, line: line)
  }
}
