/// Where a value or a problem is: a file plus a workbook position or a text position.
///
/// Rendered in compiler style so that editors and `grep` can use it:
/// - workbook cell: `samples/plan.xlsx: 'Mål'!B7`
/// - workbook row or sheet: `samples/plan.xlsx: 'Mål'!7:7`, `samples/plan.xlsx: 'Mål'`
/// - CSV cell: `export.csv:14 (C13)` (line 14 of the file, cell C13 of the table)
/// - text (YAML, CSV without a cell): `mappings/plan.yaml:12:5`
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The path as the user gave it.
  public var file: String
  /// The worksheet name, for workbook positions and CSV tables.
  public var sheet: String?
  /// The cell, when the position is one cell.
  public var cell: CellReference?
  /// The 1-based row, when the position is a whole row.
  public var row: Int?
  /// The 1-based text line (YAML, CSV).
  public var line: Int?
  /// The 1-based text column in characters (YAML).
  public var column: Int?

  /// Creates a location; give the fields that apply.
  public init(
    file: String, sheet: String? = nil, cell: CellReference? = nil, row: Int? = nil,
    line: Int? = nil, column: Int? = nil
  ) {
    self.file = file
    self.sheet = sheet
    self.cell = cell
    self.row = row ?? cell?.row
    self.line = line
    self.column = column
  }

  /// A cell of a workbook.
  public static func cell(_ file: String, sheet: String, _ cell: CellReference) -> SourceLocation {
    SourceLocation(file: file, sheet: sheet, cell: cell)
  }

  /// A position in a text file (1-based line and column).
  public static func text(_ file: String, line: Int, column: Int? = nil) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  /// Quotes a sheet name the way Excel writes it in a reference: `'Mål 2026'`, `'Bob''s'`.
  public static func quotedSheetName(_ name: String) -> String {
    "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
  }

  /// The cell or row part alone, e.g. `'Mål'!B7`, or `nil` for text positions.
  public var reference: String? {
    guard let sheet else { return nil }
    let quoted = Self.quotedSheetName(sheet)
    if let cell { return "\(quoted)!\(cell.a1)" }
    if let row { return "\(quoted)!\(row):\(row)" }
    return quoted
  }

  /// The compiler-style form described above.
  public var description: String {
    if let line {
      var text = "\(file):\(line)"
      if let column { text += ":\(column)" }
      if let cell { text += " (\(cell.a1))" }
      return text
    }
    if let reference { return "\(file): \(reference)" }
    return file
  }
}
