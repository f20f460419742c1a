/// The writer's stylesheet: every distinct ``CellStyle`` becomes one cell format (`<xf>`)
/// built from deduplicated fonts, fills, borders and number formats, and is written as
/// `xl/styles.xml` (ECMA-376 Part 1 §18.8.39 `styleSheet`).
///
/// Indices are handed out in first-use order, so the same cells give the same part. Index 0
/// of every list is Excel's default (Calibri 11, no fill, no border, General); fill 1 is the
/// `gray125` pattern Excel requires in second place.
final class WriterStyleTable {
  /// Excel's limit on cell formats in one workbook.
  static let maximumFormats = 64_000

  struct Font: Hashable {
    var bold = false
    var italic = false
    var size = 11.0
    var color: UInt32?
  }

  struct Alignment: Hashable {
    var horizontal: CellStyle.HorizontalAlignment?
    var vertical: CellStyle.VerticalAlignment?
    var wrapText = false

    var isDefault: Bool { horizontal == nil && vertical == nil && !wrapText }
  }

  struct Format: Hashable {
    var numberFormatID = 0
    var fontID = 0
    var fillID = 0
    var borderID = 0
    var alignment = Alignment()
    var quotePrefix = false
    var unlocked = false
  }

  private(set) var fonts: [Font] = [Font()]
  private var fontIndex: [Font: Int] = [Font(): 0]
  /// Solid fill colours; ids start at 2 after `none` and `gray125`.
  private(set) var fills: [UInt32] = []
  private var fillIndex: [UInt32: Int] = [:]
  private(set) var borders: [CellStyle.Border] = [CellStyle.Border()]
  private var borderIndex: [CellStyle.Border: Int] = [CellStyle.Border(): 0]
  /// Custom number formats, ids from 164.
  private(set) var numberFormats: [(id: Int, code: String)] = []
  private var numberFormatIndex: [String: Int] = [:]
  private(set) var formats: [Format] = [Format()]
  private var formatIndex: [Format: Int] = [Format(): 0]
  private(set) var differentialStyles: [CellStyle] = []
  private var differentialIndex: [CellStyle: Int] = [:]

  /// Built-in number formats whose display does not depend on the reader's locale
  /// (§18.8.30); the date ids 14–22 do, so dates always get a custom code.
  static let builtInFormatIDs: [String: Int] = [
    "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10,
    "0.00E+00": 11, "# ?/?": 12, "# ??/??": 13, "mm:ss": 45, "[h]:mm:ss": 46, "mmss.0": 47,
    "##0.0E+0": 48, "@": 49,
  ]

  /// The cell format index (`s` attribute) for a style.
  ///
  /// - Parameters:
  ///   - style: the style, with its number format already defaulted for dates.
  ///   - quotePrefix: whether the format carries `quotePrefix="1"`.
  /// - Throws: a message for `invalid-style` when the style cannot be written.
  func formatIndex(for style: CellStyle, quotePrefix: Bool) throws(StyleProblem) -> Int {
    var format = Format()
    format.quotePrefix = quotePrefix
    format.fontID = try fontID(for: style)
    if let fill = style.fillColor {
      format.fillID = fillID(for: fill.argb)
    }
    if let border = style.border, border != CellStyle.Border() {
      format.borderID = borderID(for: border)
    }
    if let code = style.numberFormat {
      format.numberFormatID = try numberFormatID(for: code)
    }
    format.alignment = Alignment(
      horizontal: style.horizontalAlignment, vertical: style.verticalAlignment,
      wrapText: style.wrapText)
    format.unlocked = !style.locked
    if let index = formatIndex[format] { return index }
    guard formats.count < Self.maximumFormats else {
      throw StyleProblem(
        "the workbook needs more than \(Self.maximumFormats) distinct cell formats, Excel's limit")
    }
    formats.append(format)
    formatIndex[format] = formats.count - 1
    return formats.count - 1
  }

  /// The differential format index (`dxfId`) for a conditional-format style.
  func differentialIndex(for style: CellStyle) throws(StyleProblem) -> Int {
    guard style.fontSize == nil, style.horizontalAlignment == nil,
      style.verticalAlignment == nil, !style.wrapText, style.numberFormat == nil
    else {
      throw StyleProblem(
        "a conditional format may set only bold, italic, font colour, fill colour and border")
    }
    if let index = differentialIndex[style] { return index }
    differentialStyles.append(style)
    differentialIndex[style] = differentialStyles.count - 1
    return differentialStyles.count - 1
  }

  private func fontID(for style: CellStyle) throws(StyleProblem) -> Int {
    var font = Font(bold: style.bold, italic: style.italic, color: style.fontColor?.argb)
    if let size = style.fontSize {
      guard size >= 1, size <= 409 else {
        throw StyleProblem("font size \(CellValueText.number(size)) is outside 1–409 points")
      }
      font.size = size
    }
    if let index = fontIndex[font] { return index }
    fonts.append(font)
    fontIndex[font] = fonts.count - 1
    return fonts.count - 1
  }

  private func fillID(for argb: UInt32) -> Int {
    if let index = fillIndex[argb] { return index }
    fills.append(argb)
    fillIndex[argb] = fills.count + 1
    return fills.count + 1
  }

  private func borderID(for border: CellStyle.Border) -> Int {
    if let index = borderIndex[border] { return index }
    borders.append(border)
    borderIndex[border] = borders.count - 1
    return borders.count - 1
  }

  private func numberFormatID(for code: String) throws(StyleProblem) -> Int {
    if let id = Self.builtInFormatIDs[code] { return id }
    if let id = numberFormatIndex[code] { return id }
    guard !code.isEmpty, code.utf16.count <= 255 else {
      throw StyleProblem(
        "number format \"\(code.prefix(40))\" is empty or longer than 255 characters")
    }
    guard !code.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
      throw StyleProblem("number format \"\(code)\" contains a control character")
    }
    let id = 164 + numberFormats.count
    numberFormats.append((id, code))
    numberFormatIndex[code] = id
    return id
  }

  // MARK: - xl/styles.xml

  /// The `xl/styles.xml` part.
  func part() -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw("<styleSheet xmlns=\"\(WriterXML.mainNamespace)\">")
    if !numberFormats.isEmpty {
      x.raw("<numFmts count=\"\(numberFormats.count)\">")
      for format in numberFormats {
        x.raw("<numFmt numFmtId=\"\(format.id)\" formatCode=\"")
        x.attribute(format.code)
        x.raw("\"/>")
      }
      x.raw("</numFmts>")
    }
    x.raw("<fonts count=\"\(fonts.count)\">")
    for font in fonts { writeFont(font, into: &x) }
    x.raw("</fonts>")
    x.raw("<fills count=\"\(fills.count + 2)\">")
    x.raw("<fill><patternFill patternType=\"none\"/></fill>")
    x.raw("<fill><patternFill patternType=\"gray125\"/></fill>")
    for argb in fills {
      x.raw("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(Self.hex(argb))\"/>")
      x.raw("<bgColor indexed=\"64\"/></patternFill></fill>")
    }
    x.raw("</fills>")
    x.raw("<borders count=\"\(borders.count)\">")
    for border in borders { writeBorder(border, into: &x) }
    x.raw("</borders>")
    x.raw("<cellStyleXfs count=\"1\">")
    x.raw("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
    x.raw("<cellXfs count=\"\(formats.count)\">")
    for format in formats { writeFormat(format, into: &x) }
    x.raw("</cellXfs>")
    x.raw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>")
    x.raw("</cellStyles>")
    if differentialStyles.isEmpty {
      x.raw("<dxfs count=\"0\"/>")
    } else {
      x.raw("<dxfs count=\"\(differentialStyles.count)\">")
      for style in differentialStyles { writeDifferential(style, into: &x) }
      x.raw("</dxfs>")
    }
    x.raw("<tableStyles count=\"0\"/>")
    x.raw("</styleSheet>")
    return x.bytes
  }

  private func writeFont(_ font: Font, into x: inout WriterXML) {
    x.raw("<font>")
    if font.bold { x.raw("<b/>") }
    if font.italic { x.raw("<i/>") }
    x.raw("<sz val=\"\(CellValueText.number(font.size))\"/>")
    if let color = font.color { x.raw("<color rgb=\"\(Self.hex(color))\"/>") }
    x.raw("<name val=\"Calibri\"/><family val=\"2\"/></font>")
  }

  private func writeBorder(_ border: CellStyle.Border, into x: inout WriterXML) {
    x.raw("<border>")
    for (name, edge) in [
      ("left", border.left), ("right", border.right), ("top", border.top),
      ("bottom", border.bottom),
    ] {
      guard let edge else {
        x.raw("<\(name)/>")
        continue
      }
      if let color = edge.color {
        x.raw("<\(name) style=\"\(edge.line.rawValue)\"><color rgb=\"\(Self.hex(color.argb))\"/>")
        x.raw("</\(name)>")
      } else {
        x.raw("<\(name) style=\"\(edge.line.rawValue)\"/>")
      }
    }
    x.raw("<diagonal/></border>")
  }

  private func writeFormat(_ format: Format, into x: inout WriterXML) {
    x.raw(
      "<xf numFmtId=\"\(format.numberFormatID)\" fontId=\"\(format.fontID)\" "
        + "fillId=\"\(format.fillID)\" borderId=\"\(format.borderID)\" xfId=\"0\"")
    if format.quotePrefix { x.raw(" quotePrefix=\"1\"") }
    if format.numberFormatID != 0 { x.raw(" applyNumberFormat=\"1\"") }
    if format.fontID != 0 { x.raw(" applyFont=\"1\"") }
    if format.fillID != 0 { x.raw(" applyFill=\"1\"") }
    if format.borderID != 0 { x.raw(" applyBorder=\"1\"") }
    let alignment = format.alignment
    if alignment.isDefault && !format.unlocked {
      x.raw("/>")
      return
    }
    if !alignment.isDefault { x.raw(" applyAlignment=\"1\"") }
    if format.unlocked { x.raw(" applyProtection=\"1\"") }
    x.raw(">")
    if !alignment.isDefault {
      x.raw("<alignment")
      if let horizontal = alignment.horizontal {
        x.raw(" horizontal=\"\(horizontal.rawValue)\"")
      }
      if let vertical = alignment.vertical { x.raw(" vertical=\"\(vertical.rawValue)\"") }
      if alignment.wrapText { x.raw(" wrapText=\"1\"") }
      x.raw("/>")
    }
    if format.unlocked { x.raw("<protection locked=\"0\"/>") }
    x.raw("</xf>")
  }

  private func writeDifferential(_ style: CellStyle, into x: inout WriterXML) {
    x.raw("<dxf>")
    if style.bold || style.italic || style.fontColor != nil {
      x.raw("<font>")
      if style.bold { x.raw("<b/>") }
      if style.italic { x.raw("<i/>") }
      if let color = style.fontColor { x.raw("<color rgb=\"\(color.hex)\"/>") }
      x.raw("</font>")
    }
    if let fill = style.fillColor {
      x.raw("<fill><patternFill><bgColor rgb=\"\(fill.hex)\"/></patternFill></fill>")
    }
    if let border = style.border {
      writeBorder(border, into: &x)
    }
    x.raw("</dxf>")
  }

  static func hex(_ argb: UInt32) -> String { CellStyle.Color(argb: argb).hex }
}

/// Why a style cannot be written; the writer turns it into `invalid-style` with a location.
struct StyleProblem: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
