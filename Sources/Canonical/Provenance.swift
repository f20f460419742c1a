/// Where a canonical record came from: the file, the sheet and cell (or CSV line), and the
/// mapping that produced it.
///
/// Kept on every record so that validation and reports point back to the exact cell.
public struct Provenance: Hashable, Sendable, Codable {
  /// The source file's path as received (for the inbox: the file name).
  public var file: String
  /// The worksheet name (for CSV: the file's table name), when the source is tabular.
  public var sheet: String?
  /// The A1 reference of the cell the record was anchored at, e.g. `B7`.
  public var cell: String?
  /// The 1-based worksheet row.
  public var row: Int?
  /// The 1-based text line, for CSV and YAML sources.
  public var line: Int?
  /// The name of the mapping that produced the record.
  public var mapping: String?
  /// The mapping's version.
  public var mappingVersion: Int?
  /// The A1 reference of the cell each field was read from, by the mapping's field name
  /// (`title`, `aligns_to`, `target`, `end`), including fields whose cell was blank, so that a
  /// finding about one field ("no target", "ends before it starts") names its exact cell.
  public var cells: [String: String]?

  /// Creates a provenance.
  public init(
    file: String, sheet: String? = nil, cell: String? = nil, row: Int? = nil, line: Int? = nil,
    mapping: String? = nil, mappingVersion: Int? = nil, cells: [String: String]? = nil
  ) {
    self.file = file
    self.sheet = sheet
    self.cell = cell
    self.row = row
    self.line = line
    self.mapping = mapping
    self.mappingVersion = mappingVersion
    self.cells = cells
  }

  /// The A1 reference of the cell a field was read from, or the record's anchor cell.
  public func cell(forField field: String) -> String? { cells?[field] ?? cell }
}
