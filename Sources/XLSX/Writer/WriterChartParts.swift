/// The parts of a worksheet's charts: the chart parts (`xl/charts/chartN.xml`), the drawing
/// that places them (`xl/drawings/drawingN.xml`) and the relationships between sheet,
/// drawing and charts (after rust_xlsxwriter's `chart.rs`, `drawing.rs` and `packager.rs`).
enum WriterChartParts {
  static let chartType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
  static let drawingType = "application/vnd.openxmlformats-officedocument.drawing+xml"
  static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"
  static let drawingMLNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
  static let spreadsheetDrawingNamespace =
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"

  /// `xl/worksheets/_rels/sheetN.xml.rels`: the sheet's drawing as `rId1`.
  static func sheetRelationships(drawing: Int) -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
    x.raw(
      "<Relationship Id=\"rId1\" Type=\"\(WriterPackageParts.relationshipTypeBase)drawing\" "
        + "Target=\"../drawings/drawing\(drawing).xml\"/>")
    x.raw("</Relationships>")
    return x.bytes
  }

  /// `xl/drawings/_rels/drawingN.xml.rels`: chart `k` of the drawing as `rId<k>`.
  static func drawingRelationships(charts: [Int]) -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
    for (index, chart) in charts.enumerated() {
      x.raw(
        "<Relationship Id=\"rId\(index + 1)\" "
          + "Type=\"\(WriterPackageParts.relationshipTypeBase)chart\" "
          + "Target=\"../charts/chart\(chart).xml\"/>")
    }
    x.raw("</Relationships>")
    return x.bytes
  }

  /// `xl/drawings/drawingN.xml`: one graphic frame per chart, anchored to cells.
  static func drawing(anchors: [ChartAnchor]) -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<xdr:wsDr xmlns:xdr=\"\(spreadsheetDrawingNamespace)\" xmlns:a=\"\(drawingMLNamespace)\">")
    for (index, anchor) in anchors.enumerated() {
      let id = index + 2
      x.raw("<xdr:twoCellAnchor editAs=\"oneCell\">")
      x.raw(
        "<xdr:from><xdr:col>\(anchor.column - 1)</xdr:col><xdr:colOff>0</xdr:colOff>"
          + "<xdr:row>\(anchor.row - 1)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>")
      x.raw(
        "<xdr:to><xdr:col>\(anchor.column - 1 + anchor.columns)</xdr:col><xdr:colOff>0"
          + "</xdr:colOff><xdr:row>\(anchor.row - 1 + anchor.rows)</xdr:row>"
          + "<xdr:rowOff>0</xdr:rowOff></xdr:to>")
      x.raw(
        "<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr>"
          + "<xdr:cNvPr id=\"\(id)\" name=\"Diagram \(index + 1)\"/><xdr:cNvGraphicFramePr/>"
          + "</xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/>"
          + "</xdr:xfrm><a:graphic><a:graphicData uri=\"\(chartNamespace)\">"
          + "<c:chart xmlns:c=\"\(chartNamespace)\" "
          + "xmlns:r=\"\(WriterXML.relationshipNamespace)\" r:id=\"rId\(index + 1)\"/>"
          + "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>")
      x.raw("</xdr:twoCellAnchor>")
    }
    x.raw("</xdr:wsDr>")
    return x.bytes
  }

  /// `xl/charts/chartN.xml`: the chart with its series, cached values and colours.
  static func chart(_ chart: Chart) -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<c:chartSpace xmlns:c=\"\(chartNamespace)\" xmlns:a=\"\(drawingMLNamespace)\" "
        + "xmlns:r=\"\(WriterXML.relationshipNamespace)\">")
    x.raw("<c:lang val=\"sv-SE\"/><c:roundedCorners val=\"0\"/><c:chart>")
    if let title = chart.title {
      x.raw(
        "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1200\" b=\"1\"/></a:pPr><a:r><a:rPr lang=\"sv-SE\" sz=\"1200\" b=\"1\"/><a:t>"
      )
      x.text(title)
      x.raw("</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>")
    }
    x.raw("<c:autoTitleDeleted val=\"\(chart.title == nil ? 1 : 0)\"/><c:plotArea><c:layout/>")
    switch chart.kind {
    case .column:
      x.raw("<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/>")
    case .line:
      x.raw("<c:lineChart><c:grouping val=\"standard\"/>")
    }
    x.raw("<c:varyColors val=\"0\"/>")
    for (index, series) in chart.series.enumerated() {
      let colour = String(series.color.hex.suffix(6))
      x.raw("<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/><c:tx><c:v>")
      x.text(series.name)
      x.raw("</c:v></c:tx>")
      switch chart.kind {
      case .column:
        x.raw(
          "<c:spPr><a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill>"
            + "<a:ln><a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill></a:ln></c:spPr>"
            + "<c:invertIfNegative val=\"0\"/>")
      case .line:
        x.raw(
          "<c:spPr><a:ln w=\"28575\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"\(colour)\"/>"
            + "</a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/>"
            + "<c:size val=\"6\"/><c:spPr><a:solidFill><a:srgbClr val=\"\(colour)\"/>"
            + "</a:solidFill><a:ln><a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill>"
            + "</a:ln></c:spPr></c:marker>")
      }
      x.raw("<c:dLbls><c:numFmt formatCode=\"")
      x.attribute(chart.numberFormat)
      x.raw(
        "\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
          + "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
          + "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/>"
          + "</c:dLbls>")
      categories(chart, into: &x)
      // A reference with its cache, or the values alone when they are in no cell.
      let (outer, cache) = series.valuesReference == nil ? ("numLit", "") : ("numRef", "numCache")
      x.raw("<c:val><c:\(outer)>")
      if let reference = series.valuesReference {
        x.raw("<c:f>")
        x.text(reference)
        x.raw("</c:f><c:\(cache)>")
      }
      x.raw("<c:formatCode>")
      x.text(chart.numberFormat)
      x.raw("</c:formatCode><c:ptCount val=\"\(series.values.count)\"/>")
      for (point, value) in series.values.enumerated() {
        guard let value, value.isFinite else { continue }
        x.raw("<c:pt idx=\"\(point)\"><c:v>\(CellValueText.number(value))</c:v></c:pt>")
      }
      if !cache.isEmpty { x.raw("</c:\(cache)>") }
      x.raw("</c:\(outer)></c:val>")
      if chart.kind == .line { x.raw("<c:smooth val=\"0\"/>") }
      x.raw("</c:ser>")
    }
    switch chart.kind {
    case .column:
      x.raw("<c:gapWidth val=\"80\"/><c:axId val=\"50010001\"/><c:axId val=\"50010002\"/>")
      x.raw("</c:barChart>")
    case .line:
      x.raw("<c:marker val=\"1\"/><c:axId val=\"50010001\"/><c:axId val=\"50010002\"/>")
      x.raw("</c:lineChart>")
    }
    let axisLine =
      "<c:spPr><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"808080\"/></a:solidFill></a:ln>"
      + "</c:spPr>"
    x.raw(
      "<c:catAx><c:axId val=\"50010001\"/><c:scaling><c:orientation val=\"minMax\"/>"
        + "</c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/>"
        + "<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/>"
        + "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>\(axisLine)"
        + "<c:crossAx val=\"50010002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/>"
        + "<c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/>"
        + "</c:catAx>")
    x.raw(
      "<c:valAx><c:axId val=\"50010002\"/><c:scaling><c:orientation val=\"minMax\"/>"
        + (chart.minimum.map { "<c:min val=\"\(CellValueText.number($0))\"/>" } ?? "")
        + "</c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines><c:spPr>"
        + "<a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln>"
        + "</c:spPr></c:majorGridlines><c:numFmt formatCode=\"")
    x.attribute(chart.numberFormat)
    x.raw(
      "\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/>"
        + "<c:tickLblPos val=\"nextTo\"/>\(axisLine)<c:crossAx val=\"50010001\"/>"
        + "<c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>")
    x.raw(
      "<c:spPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill></c:spPr></c:plotArea>"
        + "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend>"
        + "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
        + "<c:spPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:ln w=\"9525\">"
        + "<a:solidFill><a:srgbClr val=\"BFBFBF\"/></a:solidFill></a:ln></c:spPr>"
        + "<c:printSettings><c:headerFooter/><c:pageMargins b=\"0.75\" l=\"0.7\" r=\"0.7\" "
        + "t=\"0.75\" header=\"0.3\" footer=\"0.3\"/><c:pageSetup/></c:printSettings>"
        + "</c:chartSpace>")
    return x.bytes
  }

  private static func categories(_ chart: Chart, into x: inout WriterXML) {
    let reference = chart.categoriesReference
    x.raw(reference == nil ? "<c:cat><c:strLit>" : "<c:cat><c:strRef>")
    if let reference {
      x.raw("<c:f>")
      x.text(reference)
      x.raw("</c:f><c:strCache>")
    }
    x.raw("<c:ptCount val=\"\(chart.categories.count)\"/>")
    for (index, label) in chart.categories.enumerated() {
      x.raw("<c:pt idx=\"\(index)\"><c:v>")
      x.text(label)
      x.raw("</c:v></c:pt>")
    }
    x.raw(reference == nil ? "</c:strLit></c:cat>" : "</c:strCache></c:strRef></c:cat>")
  }
}
