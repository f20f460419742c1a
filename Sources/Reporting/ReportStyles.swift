public import XLSX

/// The look of the board report workbook: a dark header with white bold text, Excel's own
/// *Bra / Dålig / Neutral* colours for status tones, and the number formats of Swedish
/// reports.
public struct ReportStyles: Sendable {
  /// The header row: bold white on dark blue, wrapped, with a bottom border.
  public var header = CellStyle(
    bold: true, fontColor: CellStyle.Color(rgb: 0xFFFFFF),
    fillColor: CellStyle.Color(rgb: 0x1F4E78), border: .init(bottom: .init(.thin)),
    verticalAlignment: .center, wrapText: true)
  /// A header within a table, over a block (a nämndmål's nyckeltal): bold on light blue.
  public var subheader = CellStyle(
    bold: true, fillColor: CellStyle.Color(rgb: 0xDDEBF7), border: .init(bottom: .init(.thin)),
    verticalAlignment: .top, wrapText: true)
  /// The report's title in the summary's title block.
  public var title = CellStyle(bold: true, fontSize: 14)

  /// Creates the default styles.
  public init() {}

  /// The fill and font colours of a tone (Excel's Good, Neutral, Bad cell styles; grey for
  /// what cannot be judged).
  public static func colors(_ tone: ReportCell.Tone) -> (
    fill: CellStyle.Color, font: CellStyle.Color
  ) {
    switch tone {
    case .good: return (CellStyle.Color(rgb: 0xC6EFCE), CellStyle.Color(rgb: 0x006100))
    case .caution: return (CellStyle.Color(rgb: 0xFFEB9C), CellStyle.Color(rgb: 0x9C5700))
    case .bad: return (CellStyle.Color(rgb: 0xFFC7CE), CellStyle.Color(rgb: 0x9C0006))
    case .muted: return (CellStyle.Color(rgb: 0xEDEDED), CellStyle.Color(rgb: 0x595959))
    }
  }

  /// The number format code of a cell format (invariant form: `.` decimal point, `,`
  /// thousands; Excel shows them in the reader's locale).
  public static func numberFormat(_ format: ReportCell.Format) -> String? {
    switch format {
    case .general: return nil
    case .integer: return CellStyle.FormatCode.grouped
    case .decimal: return "0.0"
    case .percent: return CellStyle.FormatCode.percentOneDecimal
    case .kronor: return CellStyle.FormatCode.kronor
    case .date: return CellStyle.FormatCode.date
    }
  }

  /// The style of a table or title cell.
  ///
  /// - Parameters:
  ///   - cell: the cell.
  ///   - wrap: whether its column wraps text.
  public func style(_ cell: ReportCell, wrap: Bool) -> CellStyle? {
    let format = Self.numberFormat(cell.format)
    let colors = cell.tone.map(Self.colors)
    // Every table cell is aligned to the top, so a row with a wrapped cell reads as one line.
    return CellStyle(
      bold: cell.bold, fontColor: colors?.font, fillColor: colors?.fill,
      verticalAlignment: .top, wrapText: wrap, numberFormat: format)
  }

  /// A conditional-format rule giving a text the colours of a tone, so that a status typed
  /// over in Excel takes its colour.
  public static func rule(_ text: String, _ tone: ReportCell.Tone) -> ConditionalFormat.Rule {
    let colors = colors(tone)
    return ConditionalFormat.Rule(
      .textEquals(text), style: CellStyle(fontColor: colors.font, fillColor: colors.fill))
  }
}
