import Spreadsheet

/// What the package parts need to know about one finished worksheet.
struct WrittenSheet {
  var name: String
  var number: Int
  var visibility: Worksheet.Visibility
  var autoFilter: CellRange?
  /// Rows repeated on every printed page.
  var repeatRows: ClosedRange<Int>? = nil
  /// The drawing part's number, when the sheet has charts.
  var drawing: Int? = nil
  /// The numbers of the sheet's chart parts.
  var charts: [Int] = []
}

/// The small parts of the package (ECMA-376 Part 2, Open Packaging Conventions, and Part 1
/// §12.3): content types, relationships, the workbook part and the document properties.
enum WriterPackageParts {
  static let worksheetType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
  static let relationshipTypeBase =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

  /// `[Content_Types].xml`.
  static func contentTypes(
    sheets: [WrittenSheet], sharedStrings: Bool, customProperties: Bool = false
  ) -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
    x.raw(
      "<Default Extension=\"rels\" "
        + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
    x.raw("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
    x.raw(
      "<Override PartName=\"/docProps/core.xml\" "
        + "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
    x.raw(
      "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
        + "vnd.openxmlformats-officedocument.extended-properties+xml\"/>")
    if customProperties {
      x.raw(
        "<Override PartName=\"/docProps/custom.xml\" ContentType=\"\(customPropertiesType)\"/>")
    }
    x.raw(
      "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
        + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
    x.raw(
      "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
        + "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
    if sharedStrings {
      x.raw(
        "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
    }
    for sheet in sheets {
      x.raw(
        "<Override PartName=\"/xl/worksheets/sheet\(sheet.number).xml\" "
          + "ContentType=\"\(worksheetType)\"/>")
    }
    for sheet in sheets {
      guard let drawing = sheet.drawing else { continue }
      x.raw(
        "<Override PartName=\"/xl/drawings/drawing\(drawing).xml\" "
          + "ContentType=\"\(WriterChartParts.drawingType)\"/>")
      for chart in sheet.charts {
        x.raw(
          "<Override PartName=\"/xl/charts/chart\(chart).xml\" "
            + "ContentType=\"\(WriterChartParts.chartType)\"/>")
      }
    }
    x.raw("</Types>")
    return x.bytes
  }

  /// `_rels/.rels`: the workbook and the two property parts.
  static func rootRelationships(customProperties: Bool = false) -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
    x.raw(
      "<Relationship Id=\"rId1\" Type=\"\(relationshipTypeBase)officeDocument\" "
        + "Target=\"xl/workbook.xml\"/>")
    x.raw(
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
        + "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>")
    x.raw(
      "<Relationship Id=\"rId3\" Type=\"\(relationshipTypeBase)extended-properties\" "
        + "Target=\"docProps/app.xml\"/>")
    if customProperties {
      x.raw(
        "<Relationship Id=\"rId4\" Type=\"\(customPropertiesRelationship)\" "
          + "Target=\"docProps/custom.xml\"/>")
    }
    x.raw("</Relationships>")
    return x.bytes
  }

  /// `xl/_rels/workbook.xml.rels`: sheets `rId1`…`rIdN`, then styles and shared strings.
  static func workbookRelationships(sheets: [WrittenSheet], sharedStrings: Bool) -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
    for sheet in sheets {
      x.raw(
        "<Relationship Id=\"rId\(sheet.number)\" Type=\"\(relationshipTypeBase)worksheet\" "
          + "Target=\"worksheets/sheet\(sheet.number).xml\"/>")
    }
    x.raw(
      "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(relationshipTypeBase)styles\" "
        + "Target=\"styles.xml\"/>")
    if sharedStrings {
      x.raw(
        "<Relationship Id=\"rId\(sheets.count + 2)\" "
          + "Type=\"\(relationshipTypeBase)sharedStrings\" Target=\"sharedStrings.xml\"/>")
    }
    x.raw("</Relationships>")
    return x.bytes
  }

  /// `xl/workbook.xml`: the sheets in tab order, the first visible one active, and the
  /// hidden `_xlnm._FilterDatabase` name Excel keeps for every autofilter.
  static func workbook(
    sheets: [WrittenSheet], definedNames: [(name: String, formula: String)] = []
  ) -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<workbook xmlns=\"\(WriterXML.mainNamespace)\" xmlns:r=\"\(WriterXML.relationshipNamespace)\">"
    )
    let active = sheets.firstIndex { $0.visibility == .visible } ?? 0
    x.raw("<bookViews><workbookView")
    if active != 0 { x.raw(" activeTab=\"\(active)\"") }
    x.raw("/></bookViews><sheets>")
    for sheet in sheets {
      x.raw("<sheet name=\"")
      x.attribute(sheet.name)
      x.raw("\" sheetId=\"\(sheet.number)\"")
      if sheet.visibility != .visible { x.raw(" state=\"\(sheet.visibility.rawValue)\"") }
      x.raw(" r:id=\"rId\(sheet.number)\"/>")
    }
    x.raw("</sheets>")
    let filtered = sheets.enumerated().filter { $0.element.autoFilter != nil }
    let titled = sheets.enumerated().filter { $0.element.repeatRows != nil }
    if !filtered.isEmpty || !definedNames.isEmpty || !titled.isEmpty {
      x.raw("<definedNames>")
      for (name, formula) in definedNames {
        x.raw("<definedName name=\"")
        x.attribute(name)
        x.raw("\">")
        x.text(formula)
        x.raw("</definedName>")
      }
      for (index, sheet) in filtered {
        guard let range = sheet.autoFilter else { continue }
        x.raw("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">")
        x.text("\(SourceLocation.quotedSheetName(sheet.name))!\(absolute(range))")
        x.raw("</definedName>")
      }
      for (index, sheet) in titled {
        guard let rows = sheet.repeatRows else { continue }
        x.raw("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">")
        x.text(
          "\(SourceLocation.quotedSheetName(sheet.name))!$\(rows.lowerBound):$\(rows.upperBound)")
        x.raw("</definedName>")
      }
      x.raw("</definedNames>")
    }
    x.raw("</workbook>")
    return x.bytes
  }

  /// `docProps/core.xml` (ECMA-376 Part 2 §11): creator, title and times when given.
  static func coreProperties(options: XLSXWriteOptions) -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<cp:coreProperties "
        + "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        + "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
    if let title = options.title {
      x.raw("<dc:title>")
      x.text(title)
      x.raw("</dc:title>")
    }
    if let creator = options.creator {
      x.raw("<dc:creator>")
      x.text(creator)
      x.raw("</dc:creator>")
    }
    if let created = options.created {
      let time = CellValueText.w3cdtf(created)
      x.raw("<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(time)</dcterms:created>")
      x.raw("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(time)</dcterms:modified>")
    }
    x.raw("</cp:coreProperties>")
    return x.bytes
  }

  /// `docProps/app.xml` (ECMA-376 Part 1 §22.2): the application name.
  static func appProperties() -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        + "extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/"
        + "2006/docPropsVTypes\"><Application>RedThread</Application></Properties>")
    return x.bytes
  }

  /// `$A$1:$J$100`.
  static func absolute(_ range: CellRange) -> String {
    func cell(_ reference: CellReference) -> String {
      "$\(CellReference.columnLetters(reference.column))$\(reference.row)"
    }
    return range.start == range.end ? cell(range.start) : "\(cell(range.start)):\(cell(range.end))"
  }
}
