/// Appends to a styles part (`xl/styles.xml`, ECMA-376 Part 1 §18.8) without changing what is
/// there: new fonts, fills and cell formats (`<xf>` in `<cellXfs>`), so that existing style
/// indexes keep their meaning.
struct StyleSheetEditor {
  private let doc: XMLSpanDocument
  private let prefix: String
  private var newFonts: [String] = []
  private var newFills: [String] = []
  private var newXfs: [String] = []
  private let fontCount: Int
  private let fillCount: Int
  private let xfCount: Int
  private var cloned: [String: Int] = [:]

  /// A minimal styles part for a package that has none: one font, the two fills Excel
  /// reserves, one border and one cell format.
  static let minimal = Array(
    ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
      + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
      + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
      + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border>"
      + "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
      + "borderId=\"0\"/></cellStyleXfs><cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" "
      + "fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs></styleSheet>").utf8)

  /// Reads the part.
  ///
  /// - Throws: ``XMLSpanDocument/Malformed``, or when it lacks `<fonts>`, `<fills>` or
  ///   `<cellXfs>`.
  init(_ bytes: [UInt8]) throws {
    doc = try XMLSpanDocument(bytes)
    prefix = doc.root.prefix
    guard let fonts = doc.child(of: 0, named: "fonts"),
      let fills = doc.child(of: 0, named: "fills"), let xfs = doc.child(of: 0, named: "cellXfs")
    else {
      throw XMLSpanDocument.Malformed(description: "styles without fonts, fills or cellXfs")
    }
    fontCount = doc.children(of: fonts, named: "font").count
    fillCount = doc.children(of: fills, named: "fill").count
    xfCount = doc.children(of: xfs, named: "xf").count
  }

  /// The number of cell formats, new ones included.
  var cellFormatCount: Int { xfCount + newXfs.count }

  /// Adds a solid fill.
  ///
  /// - Parameter rgb: `RRGGBB`.
  /// - Returns: its index in `<fills>`.
  mutating func addSolidFill(rgb: String) -> Int {
    let p = prefix
    newFills.append(
      "<\(p)fill><\(p)patternFill patternType=\"solid\"><\(p)fgColor rgb=\"FF\(rgb)\"/>"
        + "<\(p)bgColor indexed=\"64\"/></\(p)patternFill></\(p)fill>")
    return fillCount + newFills.count - 1
  }

  /// Adds a font with the size and name of the workbook's default font (font 0).
  ///
  /// - Parameters:
  ///   - bold: `<b/>`.
  ///   - underline: `<u/>`.
  ///   - rgb: a colour `RRGGBB`, or `nil` for automatic.
  /// - Returns: its index in `<fonts>`.
  mutating func addFont(bold: Bool = false, underline: Bool = false, rgb: String? = nil) -> Int {
    var size = "11"
    var name = "Calibri"
    if let fonts = doc.child(of: 0, named: "fonts"),
      let first = doc.children(of: fonts, named: "font").first
    {
      if let sz = doc.child(of: first, named: "sz"), let v = doc.elements[sz].attribute("val") {
        size = v
      }
      if let n = doc.child(of: first, named: "name"), let v = doc.elements[n].attribute("val") {
        name = v
      }
    }
    let p = prefix
    var font = "<\(p)font>"
    if bold { font += "<\(p)b/>" }
    if underline { font += "<\(p)u/>" }
    font += "<\(p)sz val=\"\(XMLSpanDocument.escape(size))\"/>"
    if let rgb { font += "<\(p)color rgb=\"FF\(rgb)\"/>" }
    font += "<\(p)name val=\"\(XMLSpanDocument.escape(name))\"/></\(p)font>"
    newFonts.append(font)
    return fontCount + newFonts.count - 1
  }

  /// Adds a cell format for text: a font and fill, aligned to the top and wrapped.
  ///
  /// - Returns: its index in `<cellXfs>` (the `s` of a cell).
  mutating func addTextFormat(fontID: Int, fillID: Int = 0, wrap: Bool = true) -> Int {
    let p = prefix
    newXfs.append(
      "<\(p)xf numFmtId=\"0\" fontId=\"\(fontID)\" fillId=\"\(fillID)\" borderId=\"0\" "
        + "xfId=\"0\" applyFont=\"1\"\(fillID == 0 ? "" : " applyFill=\"1\"") "
        + "applyAlignment=\"1\"><\(p)alignment vertical=\"top\""
        + (wrap ? " wrapText=\"1\"" : "") + "/></\(p)xf>")
    return xfCount + newXfs.count - 1
  }

  /// A copy of cell format `index` with another fill, so that the cell keeps its number
  /// format, font, border and alignment; one copy per (format, fill).
  ///
  /// - Returns: the copy's index in `<cellXfs>`.
  mutating func cloneCellFormat(_ index: Int, fillID: Int) -> Int {
    let key = "\(index)/\(fillID)"
    if let hit = cloned[key] { return hit }
    let xfs = doc.child(of: 0, named: "cellXfs").map { doc.children(of: $0, named: "xf") } ?? []
    let source = xfs.indices.contains(index) ? xfs[index] : xfs.first
    var tag: String
    if let source {
      let e = doc.elements[source]
      tag = "<\(e.name)"
      for a in e.attributes where a.name != "fillId" && a.name != "applyFill" {
        tag += " \(a.name)=\"\(String(decoding: doc.bytes[a.valueRange], as: UTF8.self))\""
      }
      tag += " fillId=\"\(fillID)\" applyFill=\"1\""
      tag +=
        e.isSelfClosing
        ? "/>" : ">" + String(decoding: doc.content(of: source), as: UTF8.self) + "</\(e.name)>"
    } else {
      tag =
        "<\(prefix)xf numFmtId=\"0\" fontId=\"0\" fillId=\"\(fillID)\" borderId=\"0\" xfId=\"0\" "
        + "applyFill=\"1\"/>"
    }
    newXfs.append(tag)
    let id = xfCount + newXfs.count - 1
    cloned[key] = id
    return id
  }

  /// The part with the additions, and the counts updated.
  func xml() -> [UInt8] {
    var edits = XMLEdits()
    for (name, items, count) in [
      ("fonts", newFonts, fontCount), ("fills", newFills, fillCount),
      ("cellXfs", newXfs, xfCount),
    ] where !items.isEmpty {
      guard let index = doc.child(of: 0, named: name) else { continue }
      let e = doc.elements[index]
      edits.setAttribute("count", to: String(count + items.count), of: e)
      if e.isSelfClosing {
        edits.replace(e.startTagEnd - 2..<e.startTagEnd, with: ">")
        edits.insert(items.joined() + "</\(e.name)>", at: e.startTagEnd)
      } else {
        edits.insert(items.joined(), at: e.contentEnd)
      }
    }
    return edits.applied(to: doc.bytes)
  }
}
