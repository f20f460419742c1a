import Foundation
import Spreadsheet

/// A comments part (`xl/commentsN.xml`, ECMA-376 Part 1 §18.7): the legacy notes of one
/// worksheet, shown through the sheet's VML drawing. New notes are appended; an existing
/// part keeps its bytes apart from what is added.
struct CommentsPart {
  /// One note to add.
  struct Note {
    /// The cell.
    var cell: CellReference
    /// The text; a first line in bold when `heading` is given.
    var heading: String?
    /// The body.
    var text: String
  }

  private let doc: XMLSpanDocument?
  private var notes: [Note] = []
  /// The author of added notes.
  let author: String

  /// The cells that already carry a note in the existing part.
  private(set) var existingCells: Set<CellReference> = []

  /// A new, empty part, or an existing one read from `bytes`.
  ///
  /// - Throws: ``XMLSpanDocument/Malformed``.
  init(_ bytes: [UInt8]?, author: String) throws {
    self.author = author
    doc = try bytes.map { try XMLSpanDocument($0) }
    if let doc, let list = doc.child(of: 0, named: "commentList") {
      for c in doc.children(of: list, named: "comment") {
        if let ref = doc.elements[c].attribute("ref"), let cell = CellReference(ref) {
          existingCells.insert(cell)
        }
      }
    }
  }

  /// Adds a note.
  mutating func add(_ note: Note) { notes.append(note) }

  /// The cells of the added notes, in order.
  var addedCells: [CellReference] { notes.map(\.cell) }

  private func runs(_ note: Note, prefix p: String) -> String {
    let font =
      "<\(p)sz val=\"9\"/><\(p)color indexed=\"81\"/><\(p)rFont val=\"Tahoma\"/>"
      + "<\(p)family val=\"2\"/>"
    var out = ""
    if let heading = note.heading {
      out +=
        "<\(p)r><\(p)rPr><\(p)b/>\(font)</\(p)rPr><\(p)t xml:space=\"preserve\">"
        + XMLSpanDocument.escape(heading) + "\n</\(p)t></\(p)r>"
    }
    out +=
      "<\(p)r><\(p)rPr>\(font)</\(p)rPr><\(p)t xml:space=\"preserve\">"
      + XMLSpanDocument.escape(note.text) + "</\(p)t></\(p)r>"
    return out
  }

  /// The part as XML: a new part, or the existing one with an author and notes added (a cell
  /// that already has a note gets the new text appended to it).
  func xml() -> [UInt8] {
    guard let doc else {
      var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      out += "<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      out += "<authors><author>\(XMLSpanDocument.escape(author))</author></authors><commentList>"
      for note in notes.sorted(by: { ($0.cell.row, $0.cell.column) < ($1.cell.row, $1.cell.column) }
      ) {
        out += "<comment ref=\"\(note.cell.a1)\" authorId=\"0\" shapeId=\"0\"><text>"
        out += runs(note, prefix: "") + "</text></comment>"
      }
      out += "</commentList></comments>"
      return Array(out.utf8)
    }
    let p = doc.root.prefix
    var edits = XMLEdits()
    var authorID = 0
    if let authors = doc.child(of: 0, named: "author" + "s") {
      let list = doc.children(of: authors, named: "author")
      if let i = list.firstIndex(where: { doc.text(of: $0) == author }) {
        authorID = i
      } else {
        authorID = list.count
        let e = doc.elements[authors]
        let tag = "<\(p)author>\(XMLSpanDocument.escape(author))</\(p)author>"
        if e.isSelfClosing {
          edits.replace(e.start..<e.end, with: "<\(e.name)>\(tag)</\(e.name)>")
        } else {
          edits.insert(tag, at: e.contentEnd)
        }
      }
    }
    var existing: [CellReference: Int] = [:]
    let list = doc.child(of: 0, named: "commentList")
    if let list {
      for c in doc.children(of: list, named: "comment") {
        if let ref = doc.elements[c].attribute("ref"), let cell = CellReference(ref) {
          existing[cell] = c
        }
      }
    }
    var appended = ""
    for note in notes {
      if let c = existing[note.cell], let text = doc.child(of: c, named: "text") {
        let t = doc.elements[text]
        if !t.isSelfClosing { edits.insert(runs(note, prefix: p), at: t.contentEnd) }
      } else {
        appended += "<\(p)comment ref=\"\(note.cell.a1)\" authorId=\"\(authorID)\" shapeId=\"0\">"
        appended += "<\(p)text>" + runs(note, prefix: p) + "</\(p)text></\(p)comment>"
      }
    }
    if let list {
      let e = doc.elements[list]
      if e.isSelfClosing {
        edits.replace(e.start..<e.end, with: "<\(e.name)>\(appended)</\(e.name)>")
      } else {
        edits.insert(appended, at: e.contentEnd)
      }
    } else {
      edits.insert("<\(p)commentList>\(appended)</\(p)commentList>", at: doc.root.contentEnd)
    }
    return edits.applied(to: doc.bytes)
  }
}

extension CommentsPart {
  /// An existing comments part without the notes of one author.
  ///
  /// - Returns: the part and the cells whose notes were removed, or `nil` when the part
  ///   cannot be read.
  static func removing(author: String, from bytes: [UInt8]) -> ([UInt8], Set<CellReference>)? {
    guard let doc = try? XMLSpanDocument(bytes),
      let authors = doc.child(of: 0, named: "authors"),
      let list = doc.child(of: 0, named: "commentList")
    else { return nil }
    let ids = doc.children(of: authors, named: "author").enumerated()
      .filter { doc.text(of: $0.element) == author }.map { String($0.offset) }
    var edits = XMLEdits()
    var removed: Set<CellReference> = []
    for c in doc.children(of: list, named: "comment") {
      let e = doc.elements[c]
      guard let id = e.attribute("authorId"), ids.contains(id),
        let ref = e.attribute("ref"), let cell = CellReference(ref)
      else { continue }
      edits.replace(e.start..<e.end, with: "")
      removed.insert(cell)
    }
    return (edits.applied(to: bytes), removed)
  }
}

/// A VML drawing part (`xl/drawings/vmlDrawingN.vml`, ECMA-376 Part 4 §19 and Part 1
/// §18.7.3) holding the note boxes of one worksheet.
///
/// Shape ids are allocated per drawing part in blocks of 1024: the part declares its block in
/// `<o:idmap data="n"/>` and its shapes are `_x0000_s` + (1024 × n + 1 …). VML is often not
/// well-formed XML (Excel writes `<br>`), so an existing part is edited as text: new shapes
/// go before its closing `</xml>`, numbered after the highest shape id in it.
enum VMLDrawingPart {
  /// The prefixes a part binds to the VML (`v`), Office (`o`) and Excel (`x`) namespaces.
  struct Prefixes {
    var v = "v"
    var o = "o"
    var x = "x"
  }

  static let namespaces = [
    ("v", "urn:schemas-microsoft-com:vml"), ("o", "urn:schemas-microsoft-com:office:office"),
    ("x", "urn:schemas-microsoft-com:office:excel"),
  ]

  /// The note box of a cell: 1-based row and column; `id` is the shape's number.
  static func shape(id: Int, cell: CellReference, zIndex: Int, _ p: Prefixes = Prefixes())
    -> String
  {
    let row = cell.row - 1
    let column = cell.column - 1
    // Columns and rows of the box: from one column right of the cell, four columns wide and
    // about seven rows high.
    let anchor = "\(column + 1), 15, \(max(0, row - 1)), 10, \(column + 5), 15, \(row + 6), 4"
    let (v, o, x) = (p.v, p.o, p.x)
    return "<\(v):shape id=\"_x0000_s\(id)\" type=\"#_x0000_t202\" "
      + "style=\"position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;"
      + "height:110pt;z-index:\(zIndex);visibility:hidden\" fillcolor=\"#ffffe1\" "
      + "\(o):insetmode=\"auto\"><\(v):fill color2=\"#ffffe1\"/>"
      + "<\(v):shadow on=\"t\" color=\"black\" obscured=\"t\"/><\(v):path \(o):connecttype=\"none\"/>"
      + "<\(v):textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div>"
      + "</\(v):textbox><\(x):ClientData ObjectType=\"Note\"><\(x):MoveWithCells/>"
      + "<\(x):SizeWithCells/><\(x):Anchor>\(anchor)</\(x):Anchor><\(x):AutoFill>False</\(x):AutoFill>"
      + "<\(x):Row>\(row)</\(x):Row><\(x):Column>\(column)</\(x):Column></\(x):ClientData></\(v):shape>"
  }

  static func shapeType(_ p: Prefixes = Prefixes()) -> String {
    let (v, o) = (p.v, p.o)
    return "<\(v):shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" \(o):spt=\"202\" "
      + "path=\"m,l,21600r21600,l21600,xe\"><\(v):stroke joinstyle=\"miter\"/>"
      + "<\(v):path gradientshapeok=\"t\" \(o):connecttype=\"rect\"/></\(v):shapetype>"
  }

  /// A new part with one block of shape ids.
  static func new(block: Int, cells: [CellReference]) -> [UInt8] {
    var out = "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" "
    out += "xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
    out += "xmlns:x=\"urn:schemas-microsoft-com:office:excel\">"
    out += "<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"\(block)\"/>"
    out += "</o:shapelayout>" + shapeType()
    for (i, cell) in cells.enumerated() {
      out += shape(id: 1024 * block + 1 + i, cell: cell, zIndex: i + 1)
    }
    out += "</xml>"
    return Array(out.utf8)
  }

  /// An existing part with note boxes added before its closing tag, written with the
  /// prefixes the part binds (declaring any namespace it lacks on its root).
  static func appending(to bytes: [UInt8], cells: [CellReference]) -> [UInt8] {
    var text = String(decoding: bytes, as: UTF8.self)
    var prefixes = Prefixes()
    if let open = text.range(of: "<xml"), let close = text[open.upperBound...].firstIndex(of: ">") {
      let tag = String(text[open.upperBound..<close])
      var declarations = ""
      for (standard, uri) in namespaces {
        let bound = boundPrefix(of: uri, in: tag)
        let prefix = bound ?? standard
        if bound == nil { declarations += " xmlns:\(standard)=\"\(uri)\"" }
        switch standard {
        case "v": prefixes.v = prefix
        case "o": prefixes.o = prefix
        default: prefixes.x = prefix
        }
      }
      if !declarations.isEmpty { text.insert(contentsOf: declarations, at: open.upperBound) }
    }
    var highest = 0
    var blocks = idBlocks(in: bytes)
    if blocks.isEmpty { blocks = [1] }
    var rest = Substring(text)
    while let r = rest.range(of: "_x0000_s") {
      let digits = rest[r.upperBound...].prefix { $0.isNumber }
      if let n = Int(digits) { highest = max(highest, n) }
      rest = rest[r.upperBound...]
    }
    // Shapes without an id still take a number of the block: count them too.
    let shapes = text.components(separatedBy: ":shape ").count - 1
    let base = max(highest, 1024 * (blocks.min() ?? 1) + shapes)
    var added = text.contains("_x0000_t202") ? "" : shapeType(prefixes)
    for (i, cell) in cells.enumerated() {
      added += shape(id: base + 1 + i, cell: cell, zIndex: shapes + 1 + i, prefixes)
    }
    guard let close = text.range(of: "</xml>", options: .backwards) else {
      return Array((text + added).utf8)
    }
    return Array((text[..<close.lowerBound] + added + text[close.lowerBound...]).utf8)
  }

  /// An existing part without the note boxes of some cells (found by their `Row` and
  /// `Column`, 0-based in VML).
  static func removing(cells: Set<CellReference>, from bytes: [UInt8]) -> [UInt8] {
    var text = String(decoding: bytes, as: UTF8.self)
    var search = text.startIndex
    while let open = text.range(of: ":shape ", range: search..<text.endIndex) {
      guard let lt = text[..<open.lowerBound].lastIndex(of: "<") else { break }
      let prefix = text[text.index(after: lt)..<open.lowerBound]
      guard let close = text.range(of: "</\(prefix):shape>", range: open.upperBound..<text.endIndex)
      else { break }
      let shape = text[lt..<close.upperBound]
      if shape.contains("ObjectType=\"Note\""), let row = number(after: ":Row>", in: shape),
        let column = number(after: ":Column>", in: shape),
        cells.contains(CellReference(row: row + 1, column: column + 1))
      {
        let start = text.distance(from: text.startIndex, to: lt)
        text.removeSubrange(lt..<close.upperBound)
        search = text.index(text.startIndex, offsetBy: start)
      } else {
        search = close.upperBound
      }
    }
    return Array(text.utf8)
  }

  private static func number(after marker: String, in text: Substring) -> Int? {
    guard let r = text.range(of: marker) else { return nil }
    return Int(text[r.upperBound...].prefix { $0.isNumber })
  }

  /// The prefix an `xmlns:P="uri"` declaration in a start tag binds, if any.
  static func boundPrefix(of uri: String, in tag: String) -> String? {
    var rest = Substring(tag)
    while let r = rest.range(of: "xmlns:") {
      let after = rest[r.upperBound...]
      let name = after.prefix { $0 != "=" && $0 != " " }
      let value = after.drop { $0 != "\"" && $0 != "'" }.dropFirst().prefix {
        $0 != "\"" && $0 != "'"
      }
      if value == uri { return String(name) }
      rest = after
    }
    return nil
  }

  /// The id blocks a part declares in `<o:idmap data="1,2"/>`.
  static func idBlocks(in bytes: [UInt8]) -> [Int] {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let idmap = text.range(of: "idmap") else { return [] }
    guard let data = text[idmap.upperBound...].range(of: "data=") else { return [] }
    let after = text[data.upperBound...].dropFirst()
    let value = after.prefix { $0 != "\"" && $0 != "'" }
    return value.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
  }
}
