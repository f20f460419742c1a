public import Spreadsheet
import XLSX

/// Writes a ``BoardReport`` as an XLSX workbook with seven sheets, in Swedish by default.
///
/// Each table has a bold header row frozen in view, filter buttons over the header and the
/// data, column widths that fit the text, number formats for shares (`0.0 %`), kronor and
/// dates, and status colours both as cell fills and as conditional formats on the status
/// columns. The output is deterministic: the writer fixes part order and time stamps, and
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
        try write(sheet, with: writer)
      }
      try writer.close()
    } catch {
      writer.discard()
      throw error
    }
  }

  private func write(_ sheet: ReportSheet, with writer: XLSXWriter) throws {
    let columns = max(sheet.header.count, 1)
    let lastColumn = CellReference.columnLetters(columns)
    let headerRow = sheet.headerRow
    let tableEnd = max(sheet.lastRow, headerRow + 1)
    var formats: [ConditionalFormat] = []
    for column in 1...columns {
      var rules: [String: ReportCell.Tone] = [:]
      for row in sheet.rows where column <= row.count {
        if let tone = row[column - 1].tone, case .text(let text) = row[column - 1].value {
          rules[text] = rules[text] ?? tone
        }
      }
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
    try writer.addWorksheet(
      name: sheet.name,
      options: WorksheetOptions(
        columnWidths: sheet.columnWidths, frozenRows: headerRow,
        autoFilter: CellRange("A\(headerRow):\(lastColumn)\(sheet.lastRow)"),
        conditionalFormats: formats))
    for (index, row) in sheet.titleRows.enumerated() {
      try writer.writeRow(
        row.enumerated().map { column, cell in
          if index == 0 && column == 0 { return writeCell(cell, style: styles.title) }
          var style = styles.style(cell, wrap: false) ?? CellStyle()
          style.horizontalAlignment = .left
          return writeCell(cell, style: style)
        })
    }
    try writer.writeRow(
      sheet.header.map { WriteCell.string($0, style: styles.header) }, at: headerRow)
    for row in sheet.rows {
      try writer.writeRow(
        row.enumerated().map { column, cell in
          writeCell(
            cell, style: styles.style(cell, wrap: sheet.wrappedColumns.contains(column + 1)))
        })
    }
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
