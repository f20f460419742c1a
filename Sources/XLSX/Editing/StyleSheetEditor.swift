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

  /// The sections of `<styleSheet>` in the schema's order.
  static let order = [
    "numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
    "tableStyles", "colors", "extLst",
  ]

  /// What a section a styles part lacks starts with: the defaults Excel assumes.
  private static func defaults(_ section: String, prefix p: String) -> [String] {
    switch section {
    case "fonts": return ["<\(p)font><\(p)sz val=\"11\"/><\(p)name val=\"Calibri\"/></\(p)font>"]
    case "fills":
      return [
        "<\(p)fill><\(p)patternFill patternType=\"none\"/></\(p)fill>",
        "<\(p)fill><\(p)patternFill patternType=\"gray125\"/></\(p)fill>",
      ]
    case "borders":
      return [
        "<\(p)border><\(p)left/><\(p)right/><\(p)top/><\(p)bottom/><\(p)diagonal/></\(p)border>"
      ]
    case "cellStyleXfs":
      return ["<\(p)xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"]
    default:
      return ["<\(p)xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"]
    }
  }

  /// The sections the part lacks (of fonts, fills, borders, cellStyleXfs, cellXfs), with the
  /// defaults they are written with.
  private var missing: [String: [String]] = [:]

  /// Reads the part. Sections it lacks (some producers write an empty `<styleSheet/>`) are
  /// added with Excel's defaults when the part is written.
  ///
  /// - Throws: ``XMLSpanDocument/Malformed``.
  init(_ bytes: [UInt8]) throws {
    let doc = try XMLSpanDocument(bytes)
    let prefix = doc.root.prefix
    var missing: [String: [String]] = [:]
    for section in ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]
    where doc.child(of: 0, named: section) == nil {
      missing[section] = Self.defaults(section, prefix: prefix)
    }
    func count(_ section: String, _ item: String) -> Int {
      if let base = missing[section] { return base.count }
      return doc.child(of: 0, named: section).map { doc.children(of: $0, named: item).count } ?? 0
    }
    self.doc = doc
    self.prefix = prefix
    self.missing = missing
    fontCount = count("fonts", "font")
    fillCount = count("fills", "fill")
    xfCount = count("cellXfs", "xf")
  }

  /// The number of cell formats, new ones included.
  var cellFormatCount: Int { xfCount + newXfs.count }

  /// Adds a solid fill.
  ///
  /// - Parameters:
  ///   - rgb: `RRGGBB`.
  ///   - replacing: the fill of the cell format this fill goes into, kept as the fill's
  ///     background colour (`FF` + the index in hex), which a solid fill does not show, so
  ///     that the mark can be taken back (``originals(ofFormatsWithFills:)``).
  /// - Returns: its index in `<fills>`.
  mutating func addSolidFill(rgb: String, replacing original: Int? = nil) -> Int {
    let p = prefix
    let background =
      original.map { "<\(p)bgColor rgb=\"FF\(Self.hex6($0))\"/>" }
      ?? "<\(p)bgColor indexed=\"64\"/>"
    newFills.append(
      "<\(p)fill><\(p)patternFill patternType=\"solid\"><\(p)fgColor rgb=\"FF\(rgb)\"/>"
        + background + "</\(p)patternFill></\(p)fill>")
    return fillCount + newFills.count - 1
  }

  static func hex6(_ n: Int) -> String {
    let digits = String(n, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  /// The fill of cell format `index` (0 when it has none or the index is out of range).
  func fillID(ofFormat index: Int) -> Int {
    guard let cellXfs = doc.child(of: 0, named: "cellXfs") else { return 0 }
    let xfs = doc.children(of: cellXfs, named: "xf")
    guard xfs.indices.contains(index) else { return 0 }
    return doc.elements[xfs[index]].attribute("fillId").flatMap { Int($0) } ?? 0
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

  /// The solid fills (indexes into `<fills>`) whose foreground colour is one of `rgbs`
  /// (`RRGGBB`, compared without case and alpha), each with the fill it replaced when it
  /// recorded one (``addSolidFill(rgb:replacing:)``).
  func solidFills(rgb rgbs: Set<String>) -> [Int: Int?] {
    guard let fills = doc.child(of: 0, named: "fills") else { return [:] }
    let wanted = Set(rgbs.map { $0.uppercased() })
    var out: [Int: Int?] = [:]
    for (i, fill) in doc.children(of: fills, named: "fill").enumerated() {
      guard let pattern = doc.child(of: fill, named: "patternFill"),
        let fg = doc.child(of: pattern, named: "fgColor"),
        let rgb = doc.elements[fg].attribute("rgb")?.uppercased(),
        wanted.contains(String(rgb.suffix(6)))
      else { continue }
      let replaced = doc.child(of: pattern, named: "bgColor")
        .flatMap { doc.elements[$0].attribute("rgb") }
        .flatMap { $0.count == 8 ? Int($0.suffix(6), radix: 16) : nil }
      out[i] = replaced
    }
    return out
  }

  /// For each cell format that uses one of `fills`, the format it was copied from: the first
  /// one that is the same apart from its fill and has the fill the mark replaced (or, when
  /// that is not recorded, any fill not among `fills`).
  func originals(ofFormatsWithFills fills: [Int: Int?]) -> [Int: Int] {
    guard !fills.isEmpty, let cellXfs = doc.child(of: 0, named: "cellXfs") else { return [:] }
    let xfs = doc.children(of: cellXfs, named: "xf")
    func key(_ index: Int) -> String {
      let e = doc.elements[index]
      let attributes = e.attributes.filter { $0.name != "fillId" && $0.name != "applyFill" }
        .map { "\($0.name)=\($0.value)" }.sorted().joined(separator: " ")
      return attributes + "|" + String(decoding: doc.content(of: index), as: UTF8.self)
    }
    func fill(_ index: Int) -> Int {
      doc.elements[index].attribute("fillId").flatMap { Int($0) } ?? 0
    }
    var first: [String: Int] = [:]
    var firstWithFill: [String: Int] = [:]
    for (i, xf) in xfs.enumerated() where fills[fill(xf)] == nil {
      let k = key(xf)
      if first[k] == nil { first[k] = i }
      let kf = k + "#\(fill(xf))"
      if firstWithFill[kf] == nil { firstWithFill[kf] = i }
    }
    var out: [Int: Int] = [:]
    for (i, xf) in xfs.enumerated() {
      guard let replaced = fills[fill(xf)] else { continue }
      let k = key(xf)
      out[i] = replaced.flatMap { firstWithFill[k + "#\($0)"] } ?? first[k] ?? 0
    }
    return out
  }

  /// The part with the additions, and the counts updated.
  func xml() -> [UInt8] {
    var edits = XMLEdits()
    let added = ["fonts": newFonts, "fills": newFills, "cellXfs": newXfs]
    let root = doc.root
    var tail = ""
    for section in Self.order {
      let items = added[section] ?? []
      if let base = missing[section] {
        let text =
          "<\(prefix)\(section) count=\"\(base.count + items.count)\">" + (base + items).joined()
          + "</\(prefix)\(section)>"
        let later = Self.order.drop { $0 != section }.dropFirst()
        if let next = root.children.first(where: {
          later.contains(String(doc.elements[$0].localName))
        }) {
          edits.insert(text, at: doc.elements[next].start)
        } else {
          tail += text
        }
        continue
      }
      guard !items.isEmpty, let index = doc.child(of: 0, named: section) else { continue }
      let e = doc.elements[index]
      edits.setAttribute(
        "count",
        to: String(
          doc.children(
            of: index, named: section == "fonts" ? "font" : section == "fills" ? "fill" : "xf"
          ).count + items.count), of: e)
      if e.isSelfClosing {
        edits.replace(e.startTagEnd - 2..<e.startTagEnd, with: ">")
        edits.insert(items.joined() + "</\(e.name)>", at: e.startTagEnd)
      } else {
        edits.insert(items.joined(), at: e.contentEnd)
      }
    }
    if !tail.isEmpty {
      if root.isSelfClosing {
        edits.replace(root.startTagEnd - 2..<root.startTagEnd, with: ">" + tail + "</\(root.name)>")
      } else {
        edits.insert(tail, at: root.contentEnd)
      }
    }
    return edits.applied(to: doc.bytes)
  }
}
