public import Spreadsheet
public import XLSX

/// Writes a ``BoardReport`` as an XLSX workbook (the sheets of ``ReportLayout``), in Swedish
/// by default.
///
/// Each table has a bold header row frozen in view, filter buttons over the plain tables,
/// column widths that fit the text, number formats for shares (`0.0 %`), kronor and dates,
/// and status colours both as cell fills and as conditional formats on the status columns
/// (one rule per status word). Every sheet prints landscape on A4, one page wide, with its
/// header row repeated, a page header and footer (kommun, nämnd, period, "Sida X av Y",
/// report date) and row heights computed for wrapped text; the `Diagram` sheet holds native
/// charts. The output is deterministic: the writer fixes part order and time stamps, and
/// the creation time in the document properties is the one given here.
///
/// ```swift
/// let builder = ReportWorkbookBuilder(created: CivilDateTime(year: 2026, month: 10, day: 15))
/// try builder.write(report, to: "reports/2026-Q3/Nämndrapport BUN 2026-Q3.xlsx")
/// ```
public struct ReportWorkbookBuilder: Sendable {
  /// The words of the sheets.
  public var labels: ReportLabels
  /// The look.
  public var styles: ReportStyles
  /// `dcterms:created` of the workbook; `nil` leaves it out. Pass a fixed time: no clock is
  /// read here.
  public var created: CivilDateTime?

  /// Creates a builder.
  ///
  /// - Parameters:
  ///   - labels: sheet names, headers and status words (Swedish by default).
  ///   - styles: colours and formats.
  ///   - created: the creation time written in the document properties, or `nil`.
  public init(
    labels: ReportLabels = .swedish, styles: ReportStyles = ReportStyles(),
    created: CivilDateTime? = nil
  ) {
    self.labels = labels
    self.styles = styles
    self.created = created
  }

  /// Writes the report to a workbook file, replacing it if it exists; nothing appears at the
  /// path unless the whole workbook was written (the writer renames a finished temporary
  /// file into place).
  ///
  /// - Parameters:
  ///   - report: the report.
  ///   - path: the `.xlsx` file to write.
  /// - Throws: `XLSXWriteError` — `write-failed` (the folder is missing or not writable),
  ///   `sheet-name-too-long` or `sheet-name-invalid-character` (labels that break Excel's
  ///   rules), `text-too-long` (a cell over 32,767 characters).
  public func write(_ report: BoardReport, to path: String) throws {
    let title = labels.title.replacing("{board}", with: report.boardName)
    let writer = try XLSXWriter(
      path: path,
      options: XLSXWriteOptions(created: created, title: "\(title), \(report.period.swedishLabel)"))
    do {
      for sheet in ReportLayout(labels: labels).sheets(for: report) {
        try write(sheet, report: report, with: writer)
      }
      try writer.close()
    } catch {
      writer.discard()
      throw error
    }
  }

  /// The page header and footer of every sheet: municipality and board left, period
  /// centre, sheet right; the report date left and "Sida X av Y" right below.
  public func pageSetup(for report: BoardReport, repeatRows: ClosedRange<Int>?) -> PageSetup {
    func clipped(_ text: String) -> String { PageSetup.literal(String(text.prefix(60))) }
    let who = [report.municipalityName, report.boardName].compactMap { $0 }
      .joined(separator: " – ")
    return PageSetup(
      orientation: .landscape, fitToWidth: 1, fitToHeight: 0, repeatRows: repeatRows,
      header: "&L\(clipped(who))&C\(clipped(report.period.swedishLabel))&R&A",
      footer: "&L\(labels.reportDate) \(report.reportDate)&R\(labels.page) &P av &N")
  }

  private func write(_ sheet: ReportSheet, report: BoardReport, with writer: XLSXWriter) throws {
    if !sheet.charts.isEmpty {
      try writeCharts(sheet, report: report, with: writer)
      return
    }
    let columns = max(sheet.header.count, 1)
    let lastColumn = CellReference.columnLetters(columns)
    let headerRow = sheet.headerRow
    let tableEnd = max(sheet.lastRow, headerRow + 1)
    var formats: [ConditionalFormat] = []
    for column in 1...columns {
      let rules = Self.colourRules(
        sheet.rows.compactMap { column <= $0.count ? $0[column - 1] : nil })
      guard !rules.isEmpty,
        let range = CellRange(
          "\(CellReference.columnLetters(column))\(headerRow + 1):"
            + "\(CellReference.columnLetters(column))\(tableEnd)")
      else { continue }
      formats.append(
        ConditionalFormat(
          range: range,
          rules: rules.keys.sorted().compactMap { text in
            rules[text].map { ReportStyles.rule(text, $0) }
          }))
    }
    let widths = sheet.columnWidths
    let merged = sheet.spanningRows.sorted().compactMap { index in
      columns > 1
        ? CellRange("A\(headerRow + 1 + index):\(lastColumn)\(headerRow + 1 + index)") : nil
    }
    try writer.addWorksheet(
      name: sheet.name,
      options: WorksheetOptions(
        columnWidths: widths, frozenRows: headerRow,
        autoFilter: sheet.filter ? CellRange("A\(headerRow):\(lastColumn)\(sheet.lastRow)") : nil,
        mergedRanges: merged, conditionalFormats: formats,
        pageSetup: pageSetup(for: report, repeatRows: headerRow...headerRow)))
    for (index, row) in sheet.titleRows.enumerated() {
      try writer.writeRow(
        row.enumerated().map { column, cell in
          if index == 0 && column == 0 { return writeCell(cell, style: styles.title) }
          var style = styles.style(cell, wrap: false) ?? CellStyle()
          style.horizontalAlignment = .left
          return writeCell(cell, style: style)
        }, at: index + 1, height: index == 0 ? 21 : nil)
    }
    try writer.writeRow(
      sheet.header.map { WriteCell.string($0, style: styles.header) }, at: headerRow,
      height: Self.height(sheet.header.map { ReportCell.text($0, bold: true) }, widths: widths))
    let totalWidth = widths.values.reduce(0, +)
    for (index, row) in sheet.rows.enumerated() {
      let subheader = sheet.subheaderRows.contains(index)
      let span = sheet.spanningRows.contains(index)
      let height: Double?
      if span {
        height = Self.height(Array(row.prefix(1)), widths: [1: totalWidth])
      } else {
        height = Self.height(
          row, widths: widths, wrapped: subheader ? Set(1...columns) : sheet.wrappedColumns)
      }
      try writer.writeRow(
        row.enumerated().map { column, cell in
          if subheader { return writeCell(cell, style: styles.subheader) }
          let wrap = span || sheet.wrappedColumns.contains(column + 1)
          return writeCell(cell, style: styles.style(cell, wrap: wrap))
        }, at: headerRow + 1 + index, height: height)
    }
  }

  /// The height of a row in points for its wrapped cells (the default height, `nil`, when
  /// every cell fits on one line).
  ///
  /// - Parameters:
  ///   - row: the cells from column A.
  ///   - widths: column widths in characters, 1-based (a merged range: the sum).
  ///   - wrapped: the 1-based columns that wrap; `nil` wraps every column.
  static func height(_ row: [ReportCell], widths: [Int: Double], wrapped: Set<Int>? = nil)
    -> Double?
  {
    var tallest = TextWidth.lineHeight
    for (index, cell) in row.enumerated() where wrapped?.contains(index + 1) ?? true {
      guard let width = widths[index + 1], !cell.displayText.isEmpty else { continue }
      tallest = max(tallest, TextWidth.rowHeight(cell.displayText, width: width, bold: cell.bold))
    }
    return tallest > TextWidth.lineHeight ? min(tallest, 409) : nil
  }

  /// The charts sheet: each chart's figures as a small table (so the numbers are there to
  /// read and the chart refers to them), and the chart beside it.
  private func writeCharts(_ sheet: ReportSheet, report: BoardReport, with writer: XLSXWriter)
    throws
  {
    // Two charts a page: each 14 rows tall with its title, a page break after every second,
    // so that no chart is cut in two (a sheet fitted to pages would ignore the breaks).
    // Row 1 names the sheet's content and repeats on every page, as the other sheets' header
    // rows do.
    let chartRows = 14
    let stride = chartRows + 1
    let starts = sheet.charts.indices.map { 2 + $0 * stride }
    var setup = pageSetup(for: report, repeatRows: 1...1)
    setup.fitToWidth = nil
    setup.scale = 80
    setup.rowBreaks = starts.enumerated().filter { $0.offset > 0 && $0.offset % 2 == 0 }.map(
      \.element)
    try writer.addWorksheet(
      name: sheet.name,
      options: WorksheetOptions(
        columnWidths: [1: 14, 2: 10, 3: 10, 4: 10, 5: 2], showGridLines: false,
        pageSetup: setup))
    try writer.writeRow(
      [
        .string(
          "\(sheet.name): \(report.boardName), \(report.period.swedishLabel)",
          style: CellStyle(bold: true, fontSize: 14))
      ], at: 1)
    for (chart, row) in zip(sheet.charts, starts) {
      try writer.writeRow(
        [.string(chart.title, style: CellStyle(bold: true, fontSize: 12))], at: row)
      let top = row + 1
      try writer.writeRow(
        [WriteCell.string("", style: styles.header)]
          + chart.series.map { WriteCell.string($0.name, style: styles.header) }, at: top)
      for (index, category) in chart.categories.enumerated() {
        try writer.writeRow(
          [WriteCell.string(category)]
            + chart.series.map { series in
              let cell = ReportCell.number(series.values[index], chart.format)
              return writeCell(cell, style: styles.style(cell, wrap: false))
            }, at: top + 1 + index)
      }
      let quoted = SourceLocation.quotedSheetName(sheet.name)
      let first = top + 1
      let last = top + max(chart.categories.count, 1)
      let native = Chart(
        kind: chart.kind == .column ? .column : .line, title: chart.title,
        categories: chart.categories, categoriesReference: "\(quoted)!$A$\(first):$A$\(last)",
        series: chart.series.enumerated().map { index, series in
          let column = CellReference.columnLetters(index + 2)
          return Chart.Series(
            name: series.name,
            values: series.values.map { value in
              value.flatMap { ReportCell.number($0, chart.format).workbookNumber }
            },
            color: CellStyle.Color(rgb: series.rgb),
            valuesReference: "\(quoted)!$\(column)$\(first):$\(column)$\(last)")
        },
        numberFormat: ReportStyles.numberFormat(chart.format) ?? "General",
        minimum: chart.kind == .column ? 0 : nil)
      try writer.insertChart(
        native, at: ChartAnchor(column: 6, row: row, columns: 9, rows: chartRows))
    }
  }

  /// The conditional-format colour of each status word of a column: one rule per word, and
  /// only for a word that has the same tone in every cell that holds it. A word shown in two
  /// tones (an activity *Pågår* on time and *Pågår* past its end) gets no rule: its cells
  /// keep their own fills, and a rule taken from one of them would paint the others.
  ///
  /// - Parameter cells: the column's cells, top to bottom.
  /// - Returns: the tone of each word that has one.
  public static func colourRules(_ cells: [ReportCell]) -> [String: ReportCell.Tone] {
    var tones: [String: ReportCell.Tone?] = [:]
    for cell in cells {
      guard case .text(let text) = cell.value else { continue }
      if let seen = tones[text] {
        if seen != cell.tone { tones[text] = .some(nil) }
      } else {
        tones[text] = .some(cell.tone)
      }
    }
    return tones.compactMapValues { $0 }
  }

  private func writeCell(_ cell: ReportCell, style: CellStyle?) -> WriteCell? {
    switch cell.value {
    case .empty: return nil
    case .text(let text): return .string(text, style: style)
    case .number:
      return cell.workbookNumber.map { .number($0, style: style) }
    case .date(let d):
      return .date(CivilDateTime(year: d.year, month: d.month, day: d.day), style: style)
    }
  }
}
