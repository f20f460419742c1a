public import Canonical
public import Spreadsheet

extension Provenance {
  /// Where a record, or one of its fields, is: the file with the field's cell (or the
  /// record's anchor cell, row or CSV line).
  ///
  /// - Parameter fields: field names as recorded in ``Provenance/cells`` — the mapping
  ///   language's names (`aligns_to`, `goal`, `target`, `start`, `end`, `value`, `analysis`) —
  ///   tried in order; the record's anchor cell when none is recorded.
  /// - Returns: `file 'Sheet'!B7`, `file 'Sheet'!7:7`, `file.csv:12 (C11)` or the file alone.
  public func location(field fields: String...) -> SourceLocation {
    location(fields: fields)
  }

  /// The same, with the field names as an array.
  public func location(fields: [String]) -> SourceLocation {
    let a1 = fields.lazy.compactMap { self.cells?[$0] }.first ?? cell
    let reference = a1.flatMap { CellReference($0) }
    return SourceLocation(file: file, sheet: sheet, cell: reference, row: row, line: line)
  }
}

/// The field names under which the mapping records a field's cell (``Provenance/cells``), as
/// written in mapping files.
enum Field {
  static let id = "id"
  static let title = "title"
  static let alignsTo = "aligns_to"
  static let parent = "parent"
  static let goal = "goal"
  static let target = "target"
  static let kpi = "kpi"
  static let value = ["value", "outcome"]
  static let start = "start"
  static let end = "end"
  static let status = "status"
  static let level = "level"
  static let analysis = "analysis"
  static let unit = "unit"
}
