import Spreadsheet

/// Surgical edits of one worksheet part (`xl/worksheets/sheetN.xml`, ECMA-376 Part 1 §18.3):
/// cell styles (`<c s>`), cells added where a marked cell was empty, and the
/// `<legacyDrawing>` that shows notes. Every byte outside the edited tags stays as it was.
struct WorksheetEditor {
  private let doc: XMLSpanDocument
  private var edits = XMLEdits()
  /// The prefix of the worksheet's elements (`x:` in some producers' files, usually empty).
  let prefix: String
  private let sheetData: Int?
  /// Rows by 1-based number: element index and cells by 1-based column.
  private var rows: [Int: (element: Int, cells: [Int: Int])] = [:]
  private var rowOrder: [(number: Int, element: Int)] = []
  /// Cells to add, by row then column, with their style.
  private var added: [Int: [Int: Int]] = [:]
  private var restyled: [Int: Int] = [:]

  /// Reads the part.
  ///
  /// - Throws: ``XMLSpanDocument/Malformed``.
  init(_ bytes: [UInt8]) throws {
    doc = try XMLSpanDocument(bytes)
    prefix = doc.root.prefix
    sheetData = doc.child(of: 0, named: "sheetData")
    guard let sheetData else { return }
    var rowNumber = 0
    for index in doc.children(of: sheetData, named: "row") {
      let row = doc.elements[index]
      rowNumber = row.attribute("r").flatMap { Int($0) } ?? rowNumber + 1
      var cells: [Int: Int] = [:]
      var column = 0
      for c in doc.children(of: index, named: "c") {
        if let r = doc.elements[c].attribute("r"), let ref = CellReference(r) {
          column = ref.column
        } else {
          column += 1
        }
        cells[column] = c
      }
      rows[rowNumber] = (index, cells)
      rowOrder.append((rowNumber, index))
    }
  }

  /// The style index (`s`, into `cellXfs`) a cell shows: its own, else its row's (when the
  /// row has `customFormat`), else its column's, else 0.
  func styleIndex(at cell: CellReference) -> Int {
    if let row = rows[cell.row] {
      if let c = row.cells[cell.column] {
        return restyled[c] ?? doc.elements[c].attribute("s").flatMap { Int($0) } ?? 0
      }
      let r = doc.elements[row.element]
      if r.attribute("customFormat") == "1" || r.attribute("customFormat") == "true",
        let s = r.attribute("s").flatMap({ Int($0) })
      {
        return s
      }
    }
    if let cols = doc.child(of: 0, named: "cols") {
      for col in doc.children(of: cols, named: "col") {
        let e = doc.elements[col]
        if let min = e.attribute("min").flatMap({ Int($0) }),
          let max = e.attribute("max").flatMap({ Int($0) }), (min...max).contains(cell.column)
        {
          return e.attribute("style").flatMap { Int($0) } ?? 0
        }
      }
    }
    return 0
  }

  /// Gives a cell a style, adding an empty cell when it has none.
  mutating func setStyle(_ style: Int, at cell: CellReference) {
    if let c = rows[cell.row]?.cells[cell.column] {
      restyled[c] = style
    } else {
      added[cell.row, default: [:]][cell.column] = style
    }
  }

  /// Gives every cell whose style is a key of `map` the style it maps to.
  mutating func restyle(_ map: [Int: Int]) {
    guard !map.isEmpty else { return }
    for row in rows.values {
      for c in row.cells.values {
        let style = restyled[c] ?? doc.elements[c].attribute("s").flatMap { Int($0) } ?? 0
        if let to = map[style] { restyled[c] = to }
      }
    }
  }

  /// Whether the sheet already shows notes or controls through a `<legacyDrawing>`.
  var legacyDrawingID: String? {
    doc.child(of: 0, named: "legacyDrawing").flatMap {
      doc.elements[$0].attribute(local: "id")
    }
  }

  /// Adds `<legacyDrawing r:id>` in its place in the schema's order.
  mutating func addLegacyDrawing(relationshipID: String) {
    let after: Set<Substring> = [
      "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
      "tableParts", "extLst",
    ]
    let root = doc.root
    let offset =
      root.children.first { after.contains(doc.elements[$0].localName) }
      .map { doc.elements[$0].start } ?? root.contentEnd
    edits.insert(
      "<\(prefix)legacyDrawing \(doc.relationshipIDAttribute(relationshipID))/>", at: offset)
  }

  /// Clears `tabSelected` in the sheet views, so that another sheet can open alone.
  mutating func deselectTab() {
    guard let views = doc.child(of: 0, named: "sheetViews") else { return }
    for view in doc.children(of: views, named: "sheetView") {
      let e = doc.elements[view]
      if e.attribute("tabSelected") == "1" || e.attribute("tabSelected") == "true" {
        edits.setAttribute("tabSelected", to: "0", of: e)
      }
    }
  }

  /// Whether a sheet view has `tabSelected` on.
  var isTabSelected: Bool {
    guard let views = doc.child(of: 0, named: "sheetViews") else { return false }
    return doc.children(of: views, named: "sheetView").contains {
      let v = doc.elements[$0].attribute("tabSelected")
      return v == "1" || v == "true"
    }
  }

  /// The part with every edit applied.
  func xml() -> [UInt8] {
    var edits = self.edits
    for (index, style) in restyled {
      edits.setAttribute("s", to: String(style), of: doc.elements[index])
    }
    var newRows: [Int: [Int: Int]] = [:]
    for (rowNumber, cells) in added {
      guard let row = rows[rowNumber] else {
        newRows[rowNumber] = cells
        continue
      }
      let element = doc.elements[row.element]
      let existing = row.cells.sorted { $0.key < $1.key }
      var byOffset: [Int: String] = [:]
      for (column, style) in cells.sorted(by: { $0.key < $1.key }) {
        let next = existing.first { $0.key > column }
        let offset = next.map { doc.elements[$0.value].start } ?? element.contentEnd
        byOffset[offset, default: ""] += cellTag(row: rowNumber, column: column, style: style)
      }
      if element.isSelfClosing {
        let text = byOffset.values.joined()
        edits.replace(element.startTagEnd - 2..<element.startTagEnd, with: ">")
        edits.insert(text + "</\(element.name)>", at: element.startTagEnd)
      } else {
        for (offset, text) in byOffset { edits.insert(text, at: offset) }
      }
      if let spans = element.attribute("spans"), let colon = spans.firstIndex(of: ":"),
        let low = Int(spans[..<colon]), let high = Int(spans[spans.index(after: colon)...])
      {
        let columns = cells.keys
        let newLow = min(low, columns.min() ?? low)
        let newHigh = max(high, columns.max() ?? high)
        if newLow != low || newHigh != high {
          edits.setAttribute("spans", to: "\(newLow):\(newHigh)", of: element)
        }
      }
    }
    if !newRows.isEmpty, let sheetData {
      let data = doc.elements[sheetData]
      var byOffset: [Int: String] = [:]
      for (rowNumber, cells) in newRows.sorted(by: { $0.key < $1.key }) {
        var text = "<\(prefix)row r=\"\(rowNumber)\">"
        for (column, style) in cells.sorted(by: { $0.key < $1.key }) {
          text += cellTag(row: rowNumber, column: column, style: style)
        }
        text += "</\(prefix)row>"
        let next = rowOrder.first { $0.number > rowNumber }
        let offset = next.map { doc.elements[$0.element].start } ?? data.contentEnd
        byOffset[offset, default: ""] += text
      }
      if data.isSelfClosing {
        edits.replace(
          data.start..<data.end,
          with: "<\(data.name)>" + byOffset.values.joined() + "</\(data.name)>")
      } else {
        for (offset, text) in byOffset { edits.insert(text, at: offset) }
      }
    }
    if !added.isEmpty { growDimension(&edits) }
    return edits.applied(to: doc.bytes)
  }

  private func cellTag(row: Int, column: Int, style: Int) -> String {
    let ref = CellReference(row: row, column: column).a1
    return "<\(prefix)c r=\"\(ref)\" s=\"\(style)\"/>"
  }

  private func growDimension(_ edits: inout XMLEdits) {
    guard let index = doc.child(of: 0, named: "dimension") else { return }
    let e = doc.elements[index]
    guard let ref = e.attribute("ref") else { return }
    var range = CellRange(ref)
    for (row, cells) in added {
      for column in cells.keys {
        let cell = CellReference(row: row, column: column)
        if let r = range {
          range = CellRange(
            CellReference(
              row: min(r.start.row, cell.row), column: min(r.start.column, cell.column)),
            CellReference(row: max(r.end.row, cell.row), column: max(r.end.column, cell.column)))
        }
      }
    }
    if let range, range.description != ref {
      edits.setAttribute("ref", to: range.description, of: e)
    }
  }
}
