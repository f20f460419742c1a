/// One worksheet of the report, before any file format: an optional title block, a header
/// row and the table below it.
///
/// The table has a bold header that stays in view (frozen) and filter buttons; column widths
/// fit the longest text, within bounds.
public struct ReportSheet: Hashable, Sendable {
  /// The tab name (at most 31 characters, Excel's limit).
  public var name: String
  /// Rows above the header (a title block), each a list of cells from column A.
  public var titleRows: [[ReportCell]]
  /// The column headers.
  public var header: [String]
  /// The table rows, each with one cell per header (shorter rows leave cells empty).
  public var rows: [[ReportCell]]
  /// Columns whose text wraps within its width (long prose such as analyses and messages),
  /// 1-based.
  public var wrappedColumns: Set<Int>

  /// Creates a sheet.
  public init(
    name: String, titleRows: [[ReportCell]] = [], header: [String], rows: [[ReportCell]],
    wrappedColumns: Set<Int> = []
  ) {
    self.name = name
    self.titleRows = titleRows
    self.header = header
    self.rows = rows
    self.wrappedColumns = wrappedColumns
  }

  /// The 1-based row of the header: below the title block and one empty row, or 1.
  public var headerRow: Int { titleRows.isEmpty ? 1 : titleRows.count + 2 }

  /// The 1-based row of the table's last row (the header row when there is no data).
  public var lastRow: Int { headerRow + rows.count }

  /// The widest a column gets, in characters.
  public static let maximumWidth = 60.0
  /// The narrowest a column gets, in characters.
  public static let minimumWidth = 8.0

  /// Column widths in characters, 1-based: the longest text of the header and the table
  /// (title cells are not counted: they may run over), plus two for the filter button,
  /// between ``minimumWidth`` and ``maximumWidth`` (wrapped columns take the maximum when
  /// their text is longer).
  public var columnWidths: [Int: Double] {
    var widths: [Int: Double] = [:]
    for (i, title) in header.enumerated() {
      var longest = Double(title.count) + 2
      for row in rows where i < row.count {
        let lines = row[i].displayText.split(separator: "\n").map(\.count)
        longest = max(longest, Double(lines.max() ?? 0) + 1)
      }
      widths[i + 1] = min(Self.maximumWidth, max(Self.minimumWidth, longest))
    }
    return widths
  }
}
