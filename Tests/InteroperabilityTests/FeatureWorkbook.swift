import Spreadsheet
import XLSX

/// A workbook using every feature of the writer once: styles and number formats, merged
/// title, frozen header and column, filter, conditional formats, widths, tab colour, a hidden
/// sheet, formula-like text, every value kind.
enum FeatureWorkbook {
  static let percent = CellStyle(numberFormat: CellStyle.FormatCode.percent)
  static let percentOne = CellStyle(numberFormat: CellStyle.FormatCode.percentOneDecimal)
  static let kronor = CellStyle(numberFormat: CellStyle.FormatCode.kronor)

  /// Row → column → (value, number format as openpyxl reports it) of sheet `Nyckeltal`.
  static let expected: [Int: [Int: (CellValue, String)]] = [
    1: [1: (.string("Nyckeltal, Barn- och utbildningsnämnden, T1 2026"), "General")],
    3: [
      1: (.string("Andel behöriga till yrkesprogram"), "General"), 2: (.number(0.88), "0%"),
      3: (.number(0.884), "0.0\\ %"), 4: (.number(1_250_000), "#,##0\\ \"kr\""),
      5: (.dateTime(CivilDateTime(year: 2026, month: 4, day: 30)), "yyyy-mm-dd"),
      6: (
        .dateTime(CivilDateTime(year: 2026, month: 4, day: 30, hour: 14, minute: 5)),
        "yyyy-mm-dd hh:mm"
      ),
      7: (.string("Ej uppnått"), "General"),
    ],
    4: [
      1: (.string("Meritvärde åk 9"), "General"), 2: (.number(230), "General"),
      3: (.number(1234.5), "General"), 4: (.bool(true), "General"),
      5: (.dateTime(CivilDateTime(year: 1900, month: 3, day: 1)), "yyyy-mm-dd"),
      6: (.error("#N/A"), "General"), 7: (.string("Uppnått"), "General"),
    ],
    5: [
      1: (.string("Text: a & b < c > d \"e\" 'f' _x0041_ Å"), "General"),
      2: (.duration(seconds: 135_000), "[h]:mm:ss"),
      3: (
        .dateTime(CivilDateTime(year: 1899, month: 12, day: 30, hour: 10, minute: 15)), "hh:mm:ss"
      ),
      4: (.bool(false), "General"), 5: (.number(-0.125), "General"),
      7: (.string("Delvis uppnått"), "General"),
    ],
    6: [
      1: (.string("=SUM(B3:B5)"), "General"), 2: (.string("+46 70 123 45 67"), "General"),
      3: (.string("-12"), "General"), 4: (.string("@rektor"), "General"),
      7: (.string("Ej uppnått"), "General"),
    ],
  ]

  static func write(to path: String) throws {
    let writer = try XLSXWriter(
      path: path,
      options: XLSXWriteOptions(
        created: CivilDateTime(year: 2026, month: 5, day: 4), title: "Nämndrapport"))
    let header = CellStyle(
      bold: true, fillColor: .init(rgb: 0xDDEBF7), border: .init(bottom: .init(.medium)),
      horizontalAlignment: .center, verticalAlignment: .center, wrapText: true)
    let green = CellStyle(fontColor: .init(rgb: 0x006100), fillColor: .init(rgb: 0xC6EFCE))
    let red = CellStyle(fontColor: .init(rgb: 0x9C0006), fillColor: .init(rgb: 0xFFC7CE))
    let yellow = CellStyle(bold: true, fillColor: .init(rgb: 0xFFEB9C))
    let status = ConditionalFormat(
      range: CellRange(CellReference(row: 3, column: 7), CellReference(row: 6, column: 7)),
      rules: [
        .init(.textEquals("Uppnått"), style: green), .init(.textEquals("Ej uppnått"), style: red),
        .init(.textContains("delvis"), style: yellow),
      ])
    try writer.addWorksheet(
      name: "Nyckeltal",
      options: WorksheetOptions(
        columnWidths: [1: 44, 2: 12, 7: 14], frozenRows: 2, frozenColumns: 1,
        conditionalFormats: [status], tabColor: .init(rgb: 0x70AD47)))
    try writer.mergeCells(
      CellRange(CellReference(row: 1, column: 1), CellReference(row: 1, column: 7)))
    try writer.writeRow([
      .string(
        "Nyckeltal, Barn- och utbildningsnämnden, T1 2026",
        style: CellStyle(bold: true, fontSize: 14))
    ])
    try writer.writeRow(
      ["Nyckeltal", "Mål", "Utfall", "Kostnad", "Datum", "Tid", "Status"].map {
        .string($0, style: header)
      })
    try writer.writeRow([
      "Andel behöriga till yrkesprogram", .number(0.88, style: percent),
      .number(0.884, style: percentOne), .number(1_250_000, style: kronor),
      .date(CivilDateTime(year: 2026, month: 4, day: 30)),
      .date(CivilDateTime(year: 2026, month: 4, day: 30, hour: 14, minute: 5)), "Ej uppnått",
    ])
    try writer.writeRow([
      "Meritvärde åk 9", 230, 1234.5, true, .date(CivilDateTime(year: 1900, month: 3, day: 1)),
      .init(.error("#N/A")), "Uppnått",
    ])
    try writer.writeRow([
      "Text: a & b < c > d \"e\" 'f' _x0041_ Å", .init(.duration(seconds: 135_000)),
      .date(CivilDateTime(year: 1899, month: 12, day: 30, hour: 10, minute: 15)), false, -0.125,
      .blank(style: header), "Delvis uppnått",
    ])
    try writer.writeRow([
      "=SUM(B3:B5)", "+46 70 123 45 67", "-12", "@rektor", nil, nil, "Ej uppnått",
    ])
    try writer.setAutoFilter(
      CellRange(CellReference(row: 2, column: 1), CellReference(row: 6, column: 7)))
    try writer.addWorksheet(name: "Dold", options: WorksheetOptions(visibility: .hidden))
    try writer.writeRow(["hemlig"])
    try writer.addWorksheet(name: "Kontroll", options: WorksheetOptions(showGridLines: false))
    try writer.writeRow(["Fil", "Cell", "Fel"])
    try writer.writeRow(["enhet.xlsx", "'Mål'!B7", "value \"n/a\" is not a number"])
    try writer.close()
  }
}
