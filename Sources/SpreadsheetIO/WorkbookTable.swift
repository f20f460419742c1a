public import Spreadsheet

/// Renders worksheets as text for a terminal (`redthread inspect`) or as RFC 4180 CSV
/// (`redthread inspect --format csv`).
public enum WorkbookTable {
  /// A grid with column letters above and row numbers to the left; cells longer than
  /// `maxWidth` characters are cut with `…`. Line breaks inside cells show as `⏎`.
  ///
  /// - Parameters:
  ///   - sheet: the worksheet.
  ///   - maxRows: how many rows to show at most; a last line says how many were left out.
  ///   - maxWidth: the widest a column may be, in characters.
  public static func render(_ sheet: Worksheet, maxRows: Int = 200, maxWidth: Int = 30) -> String {
    let rows = Array(sheet.rows.prefix(maxRows))
    let lastColumn = rows.reduce(0) { max($0, $1.cells.last?.column ?? 0) }
    guard lastColumn > 0 else { return "(empty)\n" }
    func text(_ cell: Cell?) -> String {
      guard let cell else { return "" }
      // Only the first characters are shown: cut before mapping, so a megabyte-long text costs
      // no more than a short one.
      var s = String(cell.value.displayText.prefix(maxWidth + 1)).replacingNewlines()
      if s.count > maxWidth { s = String(s.prefix(maxWidth - 1)) + "…" }
      return s
    }
    let rowLabelWidth = String(rows.last?.number ?? 1).count
    var widths = (1...lastColumn).map { CellReference.columnLetters($0).count }
    for row in rows {
      for cell in row.cells {
        widths[cell.column - 1] = max(widths[cell.column - 1], text(cell).count)
      }
    }
    func pad(_ s: String, _ w: Int) -> String {
      s + String(repeating: " ", count: max(0, w - s.count))
    }
    var out = pad("", rowLabelWidth) + " │ "
    out += (1...lastColumn).map { pad(CellReference.columnLetters($0), widths[$0 - 1]) }
      .joined(separator: " │ ")
    out += "\n" + String(repeating: "─", count: rowLabelWidth + 1) + "┼"
    out += widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┼") + "\n"
    for row in rows {
      out += pad(String(row.number), rowLabelWidth) + " │ "
      out += (1...lastColumn).map { pad(text(row.cell(column: $0)), widths[$0 - 1]) }
        .joined(separator: " │ ")
      out += "\n"
    }
    if sheet.rows.count > rows.count {
      out += "… \(sheet.rows.count - rows.count) more rows\n"
    }
    return out
  }

  /// The sheet as RFC 4180 CSV: `,` separated, CRLF line ends, fields quoted when they hold
  /// `,`, `"`, CR or LF. Empty rows between data rows are kept so that line n is row n.
  public static func csv(_ sheet: Worksheet) -> String {
    var out = ""
    var next = 1
    for row in sheet.rows {
      while next < row.number {
        out += "\r\n"
        next += 1
      }
      var column = 1
      var fields: [String] = []
      for cell in row.cells {
        while column < cell.column {
          fields.append("")
          column += 1
        }
        fields.append(quoteCSV(cell.value.displayText))
        column += 1
      }
      out += fields.joined(separator: ",") + "\r\n"
      next = row.number + 1
    }
    return out
  }

  static func quoteCSV(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    else { return s }
    return "\""
      + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}

extension String {
  func replacingNewlines() -> String {
    String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? "⏎" : $0 })
  }
}
