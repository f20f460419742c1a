/// A worksheet held in memory: its name, visibility, rows and merged ranges.
///
/// Models a sheet of `xl/workbook.xml` (`<sheet>`, ECMA-376 Part 1 §18.2.19) with its part,
/// or the single table of a CSV file. Large files should be streamed with the readers'
/// row iterators instead.
public struct Worksheet: Hashable, Sendable {
  /// Whether the user sees the sheet (`<sheet state=…>`).
  public enum Visibility: String, Hashable, Sendable, Codable {
    /// Shown as a tab.
    case visible
    /// Hidden, but the user can unhide it in Excel.
    case hidden
    /// Hidden, and only VBA can unhide it.
    case veryHidden
  }

  /// What kind of sheet the tab is.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// A grid of cells.
    case worksheet
    /// A chart on its own tab: no cells.
    case chartsheet
    /// A dialog or macro sheet: read as a grid when it has one.
    case other
  }

  /// The sheet name as shown on its tab (at most 31 characters in Excel).
  public var name: String
  /// The visibility.
  public var visibility: Visibility
  /// The kind of sheet.
  public var kind: Kind
  /// The non-empty rows in ascending row order.
  public var rows: [Row]
  /// The merged ranges (`<mergeCell ref=…>`).
  public var mergedRanges: [CellRange]

  /// Creates a worksheet.
  public init(
    name: String, visibility: Visibility = .visible, kind: Kind = .worksheet, rows: [Row] = [],
    mergedRanges: [CellRange] = []
  ) {
    self.name = name
    self.visibility = visibility
    self.kind = kind
    self.rows = rows
    self.mergedRanges = mergedRanges
  }

  /// The row with a 1-based number, or `nil` when it has no cells.
  public func row(_ number: Int) -> Row? {
    var low = 0
    var high = rows.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let n = rows[mid].number
      if n == number { return rows[mid] }
      if n < number { low = mid + 1 } else { high = mid - 1 }
    }
    return nil
  }

  /// The cell at a reference, or `nil` when it is empty.
  public func cell(at reference: CellReference) -> Cell? {
    row(reference.row)?.cell(column: reference.column)
  }

  /// The value at a reference, following a merged range to its top-left cell the way Excel
  /// shows it, or `nil` when empty.
  public func displayedValue(at reference: CellReference) -> CellValue? {
    if let value = cell(at: reference)?.value { return value }
    if let range = mergedRanges.first(where: { $0.contains(reference) }) {
      return cell(at: range.start)?.value
    }
    return nil
  }

  /// The used range: from A1 to the last non-empty row and column, or `nil` when empty.
  public var usedRange: CellRange? {
    guard let last = rows.last else { return nil }
    let maxColumn = rows.reduce(1) { max($0, $1.cells.last?.column ?? 1) }
    return CellRange(
      CellReference(row: 1, column: 1), CellReference(row: last.number, column: maxColumn))
  }
}
