import Spreadsheet

/// One worksheet part (`xl/worksheets/sheetN.xml`, ECMA-376 Part 1 §18.3.1.99) being
/// streamed: the header (`sheetPr`, `sheetViews`, `cols`) when the sheet starts, one `<row>`
/// per ``encodeRow(_:row:formats:sharedStrings:columns:)`` call, and the footer (`autoFilter`,
/// `mergeCells`, `conditionalFormatting`, `pageMargins`) when it ends.
///
/// There is no `<dimension>`: it would have to precede rows not yet seen, and it is optional.
final class WorksheetStream {
  /// The sheet name as on its tab.
  let name: String
  /// The 1-based sheet number, `N` in `sheetN.xml`.
  let number: Int
  /// The options given when the sheet started.
  let options: WorksheetOptions
  /// The last row written, 0 before the first.
  var lastRow = 0
  /// The autofilter range, settable until the sheet ends.
  var autoFilter: CellRange?
  /// Merged ranges, added until the sheet ends.
  var mergedRanges: [CellRange] = []
  /// Charts anchored on the sheet, in the order added.
  var charts: [(chart: Chart, anchor: ChartAnchor)] = []
  /// Conditional formats with the `dxfId` of each rule.
  var conditionalFormats: [(format: ConditionalFormat, differentialIDs: [Int])] = []
  /// Data validations, added until the sheet ends.
  var dataValidations: [DataValidation] = []

  let stream: XMLStream
  private let rowDigits = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)

  init(name: String, number: Int, options: WorksheetOptions, stream: XMLStream) {
    self.name = name
    self.number = number
    self.options = options
    self.stream = stream
    self.autoFilter = options.autoFilter
    self.mergedRanges = options.mergedRanges
    self.dataValidations = options.dataValidations
  }

  deinit {
    rowDigits.deallocate()
  }

  /// The zip entry name of the part.
  var partName: String { "xl/worksheets/sheet\(number).xml" }

  // MARK: - Header and footer

  /// Writes everything before the first row.
  ///
  /// - Parameter selected: whether this is the tab shown when the workbook opens.
  func writeHeader(selected: Bool) throws {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<worksheet xmlns=\"\(WriterXML.mainNamespace)\" xmlns:r=\"\(WriterXML.relationshipNamespace)\">"
    )
    let fitToPage = options.pageSetup?.fitToWidth != nil
    if options.tabColor != nil || fitToPage {
      x.raw("<sheetPr>")
      if let tab = options.tabColor { x.raw("<tabColor rgb=\"\(tab.hex)\"/>") }
      if fitToPage { x.raw("<pageSetUpPr fitToPage=\"1\"/>") }
      x.raw("</sheetPr>")
    }
    x.raw("<sheetViews><sheetView")
    if !options.showGridLines { x.raw(" showGridLines=\"0\"") }
    if selected { x.raw(" tabSelected=\"1\"") }
    x.raw(" workbookViewId=\"0\"")
    let rows = options.frozenRows
    let columns = options.frozenColumns
    if rows == 0 && columns == 0 {
      x.raw("/>")
    } else {
      let topLeft = CellReference(row: rows + 1, column: columns + 1).a1
      x.raw(">")
      if rows > 0 && columns > 0 {
        x.raw(
          "<pane xSplit=\"\(columns)\" ySplit=\"\(rows)\" topLeftCell=\"\(topLeft)\" "
            + "activePane=\"bottomRight\" state=\"frozen\"/>")
        x.raw("<selection pane=\"topRight\"/><selection pane=\"bottomLeft\"/>")
        x.raw("<selection pane=\"bottomRight\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>")
      } else if rows > 0 {
        x.raw(
          "<pane ySplit=\"\(rows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" "
            + "state=\"frozen\"/>")
        x.raw("<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>")
      } else {
        x.raw(
          "<pane xSplit=\"\(columns)\" topLeftCell=\"\(topLeft)\" activePane=\"topRight\" "
            + "state=\"frozen\"/>")
        x.raw("<selection pane=\"topRight\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>")
      }
      x.raw("</sheetView>")
    }
    x.raw("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>")
    if !options.columnWidths.isEmpty {
      x.raw("<cols>")
      for (column, width) in options.columnWidths.sorted(by: { $0.key < $1.key }) {
        x.raw("<col min=\"\(column)\" max=\"\(column)\" ")
        if width == 0 {
          x.raw("width=\"0\" hidden=\"1\" customWidth=\"1\"/>")
        } else {
          x.raw("width=\"\(CellValueText.number(Self.storedWidth(width)))\" customWidth=\"1\"/>")
        }
      }
      x.raw("</cols>")
    }
    x.raw("<sheetData>")
    try x.bytes.withUnsafeBytes { try stream.raw($0) }
  }

  /// Writes everything after the last row and flushes the stream.
  func writeFooter() throws {
    var x = WriterXML()
    x.raw("</sheetData>")
    options.protection?.write(into: &x)
    if let autoFilter {
      x.raw("<autoFilter ref=\"\(Self.rangeText(autoFilter))\"/>")
    }
    if !mergedRanges.isEmpty {
      x.raw("<mergeCells count=\"\(mergedRanges.count)\">")
      for range in mergedRanges { x.raw("<mergeCell ref=\"\(Self.rangeText(range))\"/>") }
      x.raw("</mergeCells>")
    }
    var priority = 1
    for (format, ids) in conditionalFormats {
      x.raw("<conditionalFormatting sqref=\"\(Self.rangeText(format.range))\">")
      for (rule, id) in zip(format.rules, ids) {
        Self.writeRule(rule, dxfID: id, priority: priority, topLeft: format.range.start, into: &x)
        priority += 1
      }
      x.raw("</conditionalFormatting>")
    }
    DataValidation.write(dataValidations, into: &x)
    if let setup = options.pageSetup {
      x.raw(
        "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
          + "footer=\"0.3\"/>")
      x.raw("<pageSetup paperSize=\"\(setup.paperSize)\"")
      if let scale = setup.scale { x.raw(" scale=\"\(scale)\"") }
      if let width = setup.fitToWidth {
        x.raw(" fitToWidth=\"\(width)\" fitToHeight=\"\(setup.fitToHeight)\"")
      }
      x.raw(" orientation=\"\(setup.orientation.rawValue)\"/>")
      if setup.header != nil || setup.footer != nil {
        x.raw("<headerFooter>")
        if let header = setup.header {
          x.raw("<oddHeader>")
          x.text(header)
          x.raw("</oddHeader>")
        }
        if let footer = setup.footer {
          x.raw("<oddFooter>")
          x.text(footer)
          x.raw("</oddFooter>")
        }
        x.raw("</headerFooter>")
      }
      let breaks = setup.rowBreaks.filter { $0 > 1 }.sorted()
      if !breaks.isEmpty {
        x.raw("<rowBreaks count=\"\(breaks.count)\" manualBreakCount=\"\(breaks.count)\">")
        // A break "at row N" is stored as the last row of the page before it, 0-based N - 1.
        for row in breaks { x.raw("<brk id=\"\(row - 1)\" max=\"16383\" man=\"1\"/>") }
        x.raw("</rowBreaks>")
      }
    } else {
      x.raw(
        "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
          + "footer=\"0.3\"/>")
    }
    if !charts.isEmpty {
      // The sheet's only relationship: its drawing.
      x.raw("<drawing r:id=\"rId1\"/>")
    }
    x.raw("</worksheet>")
    try x.bytes.withUnsafeBytes { try stream.raw($0) }
    try stream.flush()
  }

  private static func writeRule(
    _ rule: ConditionalFormat.Rule, dxfID: Int, priority: Int, topLeft: CellReference,
    into x: inout WriterXML
  ) {
    func head(_ type: String) -> String {
      "<cfRule type=\"\(type)\" dxfId=\"\(dxfID)\" priority=\"\(priority)\" stopIfTrue=\"1\""
    }
    func cellIs(_ op: String, _ formulas: [String]) {
      x.raw(head("cellIs") + " operator=\"\(op)\">")
      for formula in formulas {
        x.raw("<formula>")
        x.text(formula)
        x.raw("</formula>")
      }
      x.raw("</cfRule>")
    }
    switch rule.condition {
    case .textEquals(let text):
      cellIs("equal", [formulaString(text)])
    case .textContains(let text):
      x.raw(head("containsText") + " operator=\"containsText\" text=\"")
      x.attribute(text)
      x.raw("\"><formula>")
      x.text("NOT(ISERROR(SEARCH(\(formulaString(text)),\(topLeft.a1))))")
      x.raw("</formula></cfRule>")
    case .equal(let n): cellIs("equal", [CellValueText.number(n)])
    case .greaterThan(let n): cellIs("greaterThan", [CellValueText.number(n)])
    case .greaterThanOrEqual(let n): cellIs("greaterThanOrEqual", [CellValueText.number(n)])
    case .lessThan(let n): cellIs("lessThan", [CellValueText.number(n)])
    case .lessThanOrEqual(let n): cellIs("lessThanOrEqual", [CellValueText.number(n)])
    case .between(let a, let b):
      cellIs("between", [CellValueText.number(min(a, b)), CellValueText.number(max(a, b))])
    }
  }

  /// A formula string literal: `"Uppnått"`, with `"` doubled.
  static func formulaString(_ text: String) -> String {
    var literal = "\""
    for character in text {
      literal.append(character)
      if character == "\"" { literal.append("\"") }
    }
    return literal + "\""
  }

  /// `A1:C10`, or `B2` for a one-cell range.
  static func rangeText(_ range: CellRange) -> String {
    range.start == range.end ? range.start.a1 : "\(range.start.a1):\(range.end.a1)"
  }

  /// The stored `width` for a width in characters as Excel's dialog shows it: Excel adds
  /// 5 pixels of padding to the 7-pixel digits of Calibri 11 and rounds to whole pixels
  /// (30 → 30.7109375), as XlsxWriter and libxlsxwriter compute it.
  static func storedWidth(_ characters: Double) -> Double {
    let pixels: Double
    if characters < 1 {
      pixels = (characters * 12 + 0.5).rounded(.down)
      return (pixels / 12 * 256).rounded(.down) / 256
    }
    pixels = (characters * 7 + 0.5).rounded(.down) + 5
    return (pixels / 7 * 256).rounded(.down) / 256
  }

  // MARK: - Rows

  /// Writes one `<row>` element with its cells; values were checked and styles resolved by
  /// the caller, so nothing here can fail but the stream itself.
  ///
  /// - Parameters:
  ///   - cells: the cells, index 0 being column A; `nil` cells are left out.
  ///   - row: the 1-based row number.
  ///   - formats: the cell format index of each non-nil cell, by the same index.
  ///   - sharedStrings: the table, or `nil` for inline strings.
  ///   - columns: column letters.
  func encodeRow(
    _ cells: UnsafeBufferPointer<WriteCell?>, row: Int, formats: UnsafeBufferPointer<Int>,
    sharedStrings: WriterSharedStrings?, columns: ColumnLetters, height: Double? = nil
  ) throws {
    var n = row
    var digitCount = 0
    repeat {
      digitCount += 1
      n /= 10
    } while n > 0
    n = row
    var position = digitCount - 1
    repeat {
      rowDigits[position] = UInt8(truncatingIfNeeded: 48 + n % 10)
      n /= 10
      position -= 1
    } while n > 0
    let digits = UnsafeBufferPointer(start: rowDigits, count: digitCount)
    // Fixed markup goes through a local cursor; anything of unbounded length (text) or
    // produced elsewhere (numbers) goes through the stream between `finish` and `cursor()`.
    var out = stream.cursor()
    try stream.ensure(32, &out)
    out.append("<row r=\"")
    out.append(digits)
    if let height {
      stream.finish(out)
      var attributes = "\" ht=\"\(CellValueText.number(height))\" customHeight=\"1"
      try attributes.withUTF8 { try stream.raw(UnsafeRawBufferPointer($0)) }
      out = stream.cursor()
      try stream.ensure(32, &out)
    }
    out.append("\">")
    for index in 0..<cells.count {
      guard let cell = cells[index] else { continue }
      let format = formats[index]
      // Reference, style and type: at most 3 + 7 + 5 + 5 + 20 + 30 bytes.
      try stream.ensure(96, &out)
      if case .string(let text) = cell.value, text.isEmpty {
        // Empty text is no value: a styled blank cell, or nothing at all.
        if format != 0 {
          out.append("<c r=\"")
          out.append(columns.letters(index + 1))
          out.append(digits)
          out.append("\" s=\"")
          out.append(decimal: format)
          out.append("\"/>")
        }
        continue
      }
      out.append("<c r=\"")
      out.append(columns.letters(index + 1))
      out.append(digits)
      if format != 0 {
        out.append("\" s=\"")
        out.append(decimal: format)
      }
      switch cell.value {
      case .string(var text):
        if let sharedStrings {
          out.append("\" t=\"s\"><v>")
          out.append(decimal: sharedStrings.index(of: text))
          out.append("</v></c>")
        } else {
          stream.finish(out)
          try text.withUTF8 { utf8 in
            if XMLStream.needsSpacePreserve(utf8) {
              try stream.raw("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
            } else {
              try stream.raw("\" t=\"inlineStr\"><is><t>")
            }
            try stream.text(utf8: utf8)
            try stream.raw("</t></is></c>")
          }
          out = stream.cursor()
        }
      case .number(let number):
        try numberValue(number, &out)
      case .bool(let value):
        if value {
          out.append("\" t=\"b\"><v>1</v></c>")
        } else {
          out.append("\" t=\"b\"><v>0</v></c>")
        }
      case .dateTime(let date):
        // A time of day alone (on 1899-12-30) is the bare fraction, as readers take it.
        try numberValue(
          date.serial < 1 ? date.serial : DateSystem.date1900.serial(from: date), &out)
      case .duration(let seconds):
        try numberValue(seconds / 86_400, &out)
      case .error(let error):
        out.append("\" t=\"e\"><v>")
        stream.finish(out)
        try stream.text(error)
        try stream.raw("</v></c>")
        out = stream.cursor()
      }
    }
    try stream.ensure(8, &out)
    out.append("</row>")
    stream.finish(out)
  }

  /// Ends a cell's open tag and writes a numeric value: `"><v>` number `</v></c>`.
  @inline(__always)
  private func numberValue(_ value: Double, _ out: inout XMLStream.Cursor) throws {
    out.append("\"><v>")
    stream.finish(out)
    try stream.number(value)
    out = stream.cursor()
    try stream.ensure(16, &out)
    out.append("</v></c>")
  }
}

/// The letters of every column, `A` to `XFD`, computed on first use and kept (a table of
/// 64 KiB of which only the pages of the columns used are ever touched).
final class ColumnLetters {
  private let storage: UnsafeMutablePointer<UInt8>
  private let lengths: UnsafeMutablePointer<UInt8>

  init() {
    let count = CellReference.maxColumn + 1
    storage = UnsafeMutablePointer<UInt8>.allocate(capacity: count * 3)
    lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
    lengths.initialize(repeating: 0, count: count)
  }

  deinit {
    storage.deallocate()
    lengths.deallocate()
  }

  /// The letters of a 1-based column (1...16,384).
  @inline(__always)
  func letters(_ column: Int) -> UnsafeBufferPointer<UInt8> {
    if lengths[column] == 0 { fill(column) }
    return UnsafeBufferPointer(start: storage + column * 3, count: Int(lengths[column]))
  }

  /// Bijective base 26: A…Z, AA…ZZ, AAA…XFD.
  private func fill(_ column: Int) {
    var letters: (UInt8, UInt8, UInt8) = (0, 0, 0)
    var n = column
    var length = 0
    while n > 0 {
      letters = (UInt8(65 + (n - 1) % 26), letters.0, letters.1)
      n = (n - 1) / 26
      length += 1
    }
    storage[column * 3] = letters.0
    storage[column * 3 + 1] = letters.1
    storage[column * 3 + 2] = letters.2
    lengths[column] = UInt8(length)
  }
}
