import Spreadsheet
import Testing

@testable import XLSX

/// Each part the writer assembles, compared with the expected XML (XlsxWriter's
/// `test_write_<element>` habit): one part, a few elements, literal text.
/// Joins pieces of expected XML (faster to type-check than a chain of `+`).
private func concat(_ parts: String...) -> String { parts.joined() }

@Suite struct WriterPartTests {
  let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

  func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  // MARK: - xl/styles.xml

  @Test func defaultStylesheet() {
    let styles = WriterStyleTable()
    #expect(
      text(styles.part())
        == concat(
          declaration, "<styleSheet xmlns=\"\(main)\">",
          "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/>",
          "</font></fonts>",
          "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>",
          "<fill><patternFill patternType=\"gray125\"/></fill></fills>",
          "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border>",
          "</borders>",
          "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>",
          "</cellStyleXfs>",
          "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" ",
          "xfId=\"0\"/></cellXfs>",
          "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>",
          "</cellStyles><dxfs count=\"0\"/><tableStyles count=\"0\"/></styleSheet>"))
  }

  @Test func stylesAreDeduplicatedAndNumbered() throws {
    let styles = WriterStyleTable()
    let header = CellStyle(
      bold: true, fillColor: .init(rgb: 0xDDEBF7),
      border: .init(bottom: .init(.medium, color: .init(rgb: 0x1F4E78))),
      horizontalAlignment: .center, verticalAlignment: .top, wrapText: true)
    let percent = CellStyle(numberFormat: CellStyle.FormatCode.percentOneDecimal)
    let kronor = CellStyle(numberFormat: CellStyle.FormatCode.kronor)
    let wholePercent = CellStyle(numberFormat: CellStyle.FormatCode.percent)
    let date = CellStyle(numberFormat: CellStyle.FormatCode.date)
    #expect(try styles.formatIndex(for: header, quotePrefix: false) == 1)
    #expect(try styles.formatIndex(for: percent, quotePrefix: false) == 2)
    #expect(try styles.formatIndex(for: kronor, quotePrefix: false) == 3)
    #expect(try styles.formatIndex(for: wholePercent, quotePrefix: false) == 4)
    #expect(try styles.formatIndex(for: date, quotePrefix: false) == 5)
    #expect(try styles.formatIndex(for: CellStyle(), quotePrefix: true) == 6)
    // Equal styles built separately share a format; a copy is the same format.
    let again = CellStyle(
      bold: true, fillColor: .init(argb: 0xFFDD_EBF7),
      border: .init(bottom: .init(.medium, color: .init(hex: "1F4E78"))),
      horizontalAlignment: .center, verticalAlignment: .top, wrapText: true)
    #expect(try styles.formatIndex(for: again, quotePrefix: false) == 1)
    #expect(try styles.formatIndex(for: CellStyle(), quotePrefix: false) == 0)
    let part = text(styles.part())
    #expect(
      part.contains(
        concat(
          "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"0.0\\ %\"/>",
          "<numFmt numFmtId=\"165\" formatCode=\"#,##0\\ &quot;kr&quot;\"/>",
          "<numFmt numFmtId=\"166\" formatCode=\"yyyy-mm-dd\"/></numFmts>")))
    #expect(
      part.contains(
        concat(
          "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
          "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>")))
    #expect(
      part.contains(
        concat(
          "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/>",
          "<bgColor indexed=\"64\"/></patternFill></fill></fills>")))
    #expect(
      part.contains(
        concat(
          "<border><left/><right/><top/><bottom style=\"medium\"><color rgb=\"FF1F4E78\"/>",
          "</bottom><diagonal/></border></borders>")))
    #expect(
      part.contains(
        concat(
          "<cellXfs count=\"7\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
          "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" ",
          "applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" ",
          "vertical=\"top\" wrapText=\"1\"/></xf>",
          "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" ",
          "applyNumberFormat=\"1\"/>",
          "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" ",
          "applyNumberFormat=\"1\"/>",
          "<xf numFmtId=\"9\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" ",
          "applyNumberFormat=\"1\"/>",
          "<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" ",
          "applyNumberFormat=\"1\"/>",
          "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" ",
          "quotePrefix=\"1\"/></cellXfs>")))
  }

  @Test func fontsAndBorders() throws {
    let styles = WriterStyleTable()
    _ = try styles.formatIndex(
      for: CellStyle(
        italic: true, fontSize: 14.5, fontColor: .init(rgb: 0x9C0006),
        border: .all(.thin)),
      quotePrefix: false)
    let part = text(styles.part())
    #expect(
      part.contains(
        concat(
          "<font><i/><sz val=\"14.5\"/><color rgb=\"FF9C0006\"/><name val=\"Calibri\"/>",
          "<family val=\"2\"/></font>")))
    #expect(
      part.contains(
        concat(
          "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/>",
          "<bottom style=\"thin\"/><diagonal/></border>")))
  }

  @Test func differentialFormats() throws {
    let styles = WriterStyleTable()
    let green = CellStyle(fontColor: .init(rgb: 0x006100), fillColor: .init(rgb: 0xC6EFCE))
    #expect(try styles.differentialIndex(for: green) == 0)
    #expect(try styles.differentialIndex(for: CellStyle(bold: true)) == 1)
    #expect(try styles.differentialIndex(for: green) == 0)
    #expect(
      text(styles.part()).contains(
        concat(
          "<dxfs count=\"2\"><dxf><font><color rgb=\"FF006100\"/></font><fill><patternFill>",
          "<bgColor rgb=\"FFC6EFCE\"/></patternFill></fill></dxf>",
          "<dxf><font><b/></font></dxf></dxfs>")))
    #expect(throws: StyleProblem.self) {
      _ = try styles.differentialIndex(for: CellStyle(numberFormat: "0%"))
    }
  }

  // MARK: - Package parts

  @Test func contentTypes() {
    let sheets = [
      WrittenSheet(name: "A", number: 1, visibility: .visible, autoFilter: nil),
      WrittenSheet(name: "B", number: 2, visibility: .visible, autoFilter: nil),
    ]
    #expect(
      text(WriterPackageParts.contentTypes(sheets: sheets, sharedStrings: true))
        == concat(
          declaration,
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
          "<Default Extension=\"rels\" ",
          "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
          "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
          "<Override PartName=\"/docProps/core.xml\" ",
          "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
          "<Override PartName=\"/docProps/app.xml\" ",
          "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
          "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/",
          "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>",
          "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/",
          "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
          "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/",
          "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>",
          "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/",
          "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
          "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/",
          "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
          "</Types>"))
  }

  @Test func workbookRelationships() {
    let sheets = [WrittenSheet(name: "A", number: 1, visibility: .visible, autoFilter: nil)]
    let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    #expect(
      text(WriterPackageParts.workbookRelationships(sheets: sheets, sharedStrings: false))
        == concat(
          declaration,
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
          "<Relationship Id=\"rId1\" Type=\"\(base)worksheet\" Target=\"worksheets/sheet1.xml\"/>",
          "<Relationship Id=\"rId2\" Type=\"\(base)styles\" Target=\"styles.xml\"/>",
          "</Relationships>"))
  }

  @Test func workbookWithHiddenSheetAndFilter() {
    let sheets = [
      WrittenSheet(name: "Dold", number: 1, visibility: .hidden, autoFilter: nil),
      WrittenSheet(
        name: "Mål & resultat", number: 2, visibility: .visible,
        autoFilter: CellRange("A3:F40")),
    ]
    #expect(
      text(WriterPackageParts.workbook(sheets: sheets))
        == concat(
          declaration,
          "<workbook xmlns=\"\(main)\" ",
          "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
          "<bookViews><workbookView activeTab=\"1\"/></bookViews><sheets>",
          "<sheet name=\"Dold\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>",
          "<sheet name=\"Mål &amp; resultat\" sheetId=\"2\" r:id=\"rId2\"/></sheets>",
          "<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"1\" ",
          "hidden=\"1\">'Mål &amp; resultat'!$A$3:$F$40</definedName></definedNames>",
          "</workbook>"))
  }

  @Test func coreProperties() {
    let options = XLSXWriteOptions(
      created: CivilDateTime(year: 2026, month: 3, day: 31, hour: 14, minute: 5),
      title: "Nämndrapport T1 2026")
    #expect(
      text(WriterPackageParts.coreProperties(options: options))
        == concat(
          declaration,
          "<cp:coreProperties ",
          "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
          "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" ",
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
          "<dc:title>Nämndrapport T1 2026</dc:title><dc:creator>RedThread</dc:creator>",
          "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-03-31T14:05:00Z</dcterms:created>",
          "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-03-31T14:05:00Z</dcterms:modified>",
          "</cp:coreProperties>"))
    #expect(
      !text(WriterPackageParts.coreProperties(options: XLSXWriteOptions())).contains(
        "dcterms:created"))
  }

  // MARK: - Worksheet parts

  func worksheet(
    _ options: WorksheetOptions, selected: Bool = true,
    body: (WorksheetStream) throws -> Void = { _ in }
  ) throws -> String {
    var out: [UInt8] = []
    let stream = XMLStream { out.append(contentsOf: $0) }
    let sheet = WorksheetStream(name: "S", number: 1, options: options, stream: stream)
    try sheet.writeHeader(selected: selected)
    try body(sheet)
    try sheet.writeFooter()
    return text(out)
  }

  let worksheetOpen =
    concat(
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ",
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
  let margins =
    concat(
      "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" ",
      "footer=\"0.3\"/></worksheet>")

  @Test func emptyWorksheet() throws {
    #expect(
      try worksheet(WorksheetOptions(), selected: false)
        == concat(
          declaration, worksheetOpen,
          "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>",
          "<sheetFormatPr defaultRowHeight=\"15\"/><sheetData></sheetData>" + margins))
  }

  @Test func frozenHeaderWidthsTabColour() throws {
    let options = WorksheetOptions(
      columnWidths: [2: 12, 1: 30, 4: 0, 5: 0.5], frozenRows: 1, tabColor: .init(rgb: 0x70AD47),
      showGridLines: false)
    #expect(
      try worksheet(options)
        == concat(
          declaration, worksheetOpen,
          "<sheetPr><tabColor rgb=\"FF70AD47\"/></sheetPr>",
          "<sheetViews><sheetView showGridLines=\"0\" tabSelected=\"1\" workbookViewId=\"0\">",
          "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>",
          "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>",
          "<sheetFormatPr defaultRowHeight=\"15\"/>",
          "<cols><col min=\"1\" max=\"1\" width=\"30.7109375\" customWidth=\"1\"/>",
          "<col min=\"2\" max=\"2\" width=\"12.7109375\" customWidth=\"1\"/>",
          "<col min=\"4\" max=\"4\" width=\"0\" hidden=\"1\" customWidth=\"1\"/>",
          "<col min=\"5\" max=\"5\" width=\"0.5\" customWidth=\"1\"/></cols>",
          "<sheetData></sheetData>" + margins))
  }

  @Test(arguments: [
    (
      0, 2,
      concat(
        "<pane xSplit=\"2\" topLeftCell=\"C1\" activePane=\"topRight\" state=\"frozen\"/>",
        "<selection pane=\"topRight\" activeCell=\"C1\" sqref=\"C1\"/>")
    ),
    (
      3, 1,
      concat(
        "<pane xSplit=\"1\" ySplit=\"3\" topLeftCell=\"B4\" activePane=\"bottomRight\" ",
        "state=\"frozen\"/><selection pane=\"topRight\"/><selection pane=\"bottomLeft\"/>",
        "<selection pane=\"bottomRight\" activeCell=\"B4\" sqref=\"B4\"/>")
    ),
  ])
  func frozenPanes(rows: Int, columns: Int, pane: String) throws {
    let part = try worksheet(WorksheetOptions(frozenRows: rows, frozenColumns: columns))
    #expect(
      part.contains("<sheetView tabSelected=\"1\" workbookViewId=\"0\">" + pane + "</sheetView>"))
  }

  @Test func footerWithFilterMergesAndConditionalFormats() throws {
    let green = CellStyle(fontColor: .init(rgb: 0x006100), fillColor: .init(rgb: 0xC6EFCE))
    let format = ConditionalFormat(
      range: CellRange("F2:F9")!,
      rules: [
        .init(.textEquals("Uppnått \"helt\""), style: green),
        .init(.textContains("delvis"), style: green),
        .init(.between(0.8, 0.5), style: green),
        .init(.greaterThanOrEqual(0.9), style: green),
      ])
    let part = try worksheet(
      WorksheetOptions(autoFilter: CellRange("A1:F9"), mergedRanges: [CellRange("A1:F1")!])
    ) { sheet in
      sheet.mergedRanges.append(CellRange("A10:B10")!)
      sheet.conditionalFormats = [(format, [0, 0, 0, 1])]
    }
    #expect(
      part.hasSuffix(
        concat(
          "<sheetData></sheetData><autoFilter ref=\"A1:F9\"/>",
          "<mergeCells count=\"2\"><mergeCell ref=\"A1:F1\"/><mergeCell ref=\"A10:B10\"/>",
          "</mergeCells>",
          "<conditionalFormatting sqref=\"F2:F9\">",
          "<cfRule type=\"cellIs\" dxfId=\"0\" priority=\"1\" stopIfTrue=\"1\" operator=\"equal\">",
          "<formula>\"Uppnått \"\"helt\"\"\"</formula></cfRule>",
          "<cfRule type=\"containsText\" dxfId=\"0\" priority=\"2\" stopIfTrue=\"1\" ",
          "operator=\"containsText\" text=\"delvis\">",
          "<formula>NOT(ISERROR(SEARCH(\"delvis\",F2)))</formula></cfRule>",
          "<cfRule type=\"cellIs\" dxfId=\"0\" priority=\"3\" stopIfTrue=\"1\" ",
          "operator=\"between\"><formula>0.5</formula><formula>0.8</formula></cfRule>",
          "<cfRule type=\"cellIs\" dxfId=\"1\" priority=\"4\" stopIfTrue=\"1\" ",
          "operator=\"greaterThanOrEqual\"><formula>0.9</formula></cfRule>",
          "</conditionalFormatting>" + margins)))
  }

  @Test func rowsOfEveryValueKind() throws {
    let columns = ColumnLetters()
    let shared = WriterSharedStrings()
    let cells: [WriteCell?] = [
      "=SUM(A1)", nil, 0.25, true, .init(.error("#N/A")),
      .date(CivilDateTime(year: 2026, month: 3, day: 31)),
      .init(.duration(seconds: 5400)), " padded ", "=SUM(A1)", "",
      .blank(style: CellStyle(bold: true)),
    ]
    let formats = [3, 0, 0, 0, 0, 4, 5, 0, 3, 0, 6]
    let part = try worksheet(WorksheetOptions(), selected: false) { sheet in
      try cells.withUnsafeBufferPointer { cells in
        try formats.withUnsafeBufferPointer { formats in
          try sheet.encodeRow(
            cells, row: 7, formats: formats, sharedStrings: shared, columns: columns)
          try sheet.encodeRow(
            cells, row: 1_048_576, formats: formats, sharedStrings: nil, columns: columns)
        }
      }
    }
    #expect(
      part.contains(
        concat(
          "<sheetData><row r=\"7\"><c r=\"A7\" s=\"3\" t=\"s\"><v>0</v></c>",
          "<c r=\"C7\"><v>0.25</v></c><c r=\"D7\" t=\"b\"><v>1</v></c>",
          "<c r=\"E7\" t=\"e\"><v>#N/A</v></c><c r=\"F7\" s=\"4\"><v>46112</v></c>",
          "<c r=\"G7\" s=\"5\"><v>0.0625</v></c><c r=\"H7\" t=\"s\"><v>1</v></c>",
          "<c r=\"I7\" s=\"3\" t=\"s\"><v>0</v></c><c r=\"K7\" s=\"6\"/></row>",
          "<row r=\"1048576\"><c r=\"A1048576\" s=\"3\" t=\"inlineStr\"><is><t>=SUM(A1)</t></is>",
          "</c><c r=\"C1048576\"><v>0.25</v></c><c r=\"D1048576\" t=\"b\"><v>1</v></c>",
          "<c r=\"E1048576\" t=\"e\"><v>#N/A</v></c><c r=\"F1048576\" s=\"4\"><v>46112</v></c>",
          "<c r=\"G1048576\" s=\"5\"><v>0.0625</v></c><c r=\"H1048576\" t=\"inlineStr\"><is>",
          "<t xml:space=\"preserve\"> padded </t></is></c><c r=\"I1048576\" s=\"3\" ",
          "t=\"inlineStr\"><is><t>=SUM(A1)</t></is></c><c r=\"K1048576\" s=\"6\"/></row>",
          "</sheetData>")))
    #expect(shared.strings == ["=SUM(A1)", " padded "])
    #expect(shared.references == 3)
  }

  @Test func sharedStringsPart() throws {
    let shared = WriterSharedStrings()
    // Canonically equal but different code points stay two strings.
    for text in ["Mål", "Ma\u{30A}l", "Mål", " x", "a\u{1}b"] { _ = shared.index(of: text) }
    var out: [UInt8] = []
    let stream = XMLStream { out.append(contentsOf: $0) }
    try shared.write(to: stream)
    try stream.flush()
    #expect(
      text(out)
        == concat(
          declaration, "<sst xmlns=\"\(main)\" count=\"5\" uniqueCount=\"4\">",
          "<si><t>Mål</t></si><si><t>Ma\u{30A}l</t></si>",
          "<si><t xml:space=\"preserve\"> x</t></si><si><t>a_x0001_b</t></si></sst>"))
  }

  @Test(arguments: [(30.0, 30.7109375), (12.0, 12.7109375), (8.43, 9.140625), (0.5, 0.5)])
  func columnWidths(characters: Double, stored: Double) {
    #expect(WorksheetStream.storedWidth(characters) == stored)
  }
}
