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
  /// Rows of the table (0-based indices into ``rows``) that head a block below them: shown
  /// like the header (a nämndmål's nyckeltal table on `Måluppfyllelse`).
  public var subheaderRows: Set<Int>
  /// Rows of the table (0-based indices into ``rows``) whose first cell spans the table's
  /// width, wrapped (a goal's title, its analysis).
  public var spanningRows: Set<Int>
  /// Whether the header gets filter buttons (a plain table) or not (a sheet of blocks).
  public var filter: Bool
  /// Charts placed below the table.
  public var charts: [ReportChart]
  /// Narrower caps than ``maximumWidth`` for some columns (1-based), so that a wide table
  /// still reads on one landscape page width; their text wraps.
  public var widthCaps: [Int: Double] = [:]

  /// Creates a sheet.
  public init(
    name: String, titleRows: [[ReportCell]] = [], header: [String], rows: [[ReportCell]],
    wrappedColumns: Set<Int> = [], subheaderRows: Set<Int> = [], spanningRows: Set<Int> = [],
    filter: Bool = true, charts: [ReportChart] = []
  ) {
    self.name = name
    self.titleRows = titleRows
    self.header = header
    self.rows = rows
    self.wrappedColumns = wrappedColumns
    self.subheaderRows = subheaderRows
    self.spanningRows = spanningRows
    self.filter = filter
    self.charts = charts
  }

  /// The 1-based row of the header: below the title block and one empty row, or 1.
  public var headerRow: Int { titleRows.isEmpty ? 1 : titleRows.count + 2 }

  /// The 1-based row of the table's last row (the header row when there is no data).
  public var lastRow: Int { headerRow + rows.count }

  /// The widest a column gets, in characters.
  public static let maximumWidth = 50.0
  /// The narrowest a column gets, in characters.
  public static let minimumWidth = 8.0

  /// Column widths in characters, 1-based: the longest text of the header and the table
  /// (title cells are not counted: they may run over), plus two for the filter button,
  /// between ``minimumWidth`` and ``maximumWidth`` (wrapped columns take the maximum when
  /// their text is longer).
  public var columnWidths: [Int: Double] {
    var widths: [Int: Double] = [:]
    for (i, title) in header.enumerated() {
      var longest = Double(title.count) + (filter ? 2 : 1)
      for (r, row) in rows.enumerated() where i < row.count && !spanningRows.contains(r) {
        let lines = row[i].displayText.split(separator: "\n").map(\.count)
        longest = max(longest, Double(lines.max() ?? 0) + 1)
      }
      let cap = widthCaps[i + 1] ?? Self.maximumWidth
      widths[i + 1] = min(cap, max(Self.minimumWidth, longest))
    }
    return widths
  }
}
