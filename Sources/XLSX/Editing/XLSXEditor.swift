import Foundation
public import Spreadsheet

/// Edits an existing workbook in place: fills cells, adds notes (legacy comments), adds cell
/// formats and inserts worksheets, and writes the workbook back with every part it did not
/// change byte-identical (``XLSXPackage``).
///
/// ```swift
/// let editor = try XLSXEditor(path: "plan.xlsx")
/// try editor.fill(CellReference("B7")!, sheet: "Mål", rgb: "FAD7A0")
/// try editor.addNote("Värde saknas.", at: CellReference("B7")!, sheet: "Mål")
/// try editor.write(to: "plan-marked.xlsx")
/// ```
public final class XLSXEditor {
  /// One worksheet of the workbook, in tab order.
  public struct WorksheetEntry: Hashable, Sendable {
    /// The name on the tab.
    public var name: String
    /// Its part, e.g. `xl/worksheets/sheet1.xml`.
    public var partName: String
  }

  /// A cell of an inserted worksheet.
  public enum NewCell: Hashable, Sendable {
    /// Text (written inline, so the shared-string table is not touched), with a cell format.
    case text(String, style: Int?)
    /// A number, with a cell format.
    case number(Double, style: Int?)
  }

  /// The package being edited.
  public let package: XLSXPackage
  /// The worksheets, in tab order (chartsheets and dialog sheets are left out).
  public private(set) var worksheets: [WorksheetEntry] = []
  /// The author written on added notes.
  public var noteAuthor = "Återkoppling"

  private let workbookPart: String
  private var workbookXML: [UInt8]
  private var sheetEditors: [String: WorksheetEditor] = [:]
  private var notes: [String: [CommentsPart.Note]] = [:]
  private var styles: StyleSheetEditor?
  private var stylesPart: String?
  private var fills: [String: Int] = [:]

  /// Opens a workbook.
  ///
  /// - Throws: ``XLSXError`` when the package or its workbook part cannot be read.
  public init(path: String, options: XLSXReadOptions = .init()) throws {
    package = try XLSXPackage(path: path, options: options)
    workbookPart = try package.workbookPartName()
    workbookXML = try package.part(workbookPart)
    let doc = try Self.span(workbookXML, part: workbookPart, path: path)
    let rels = try package.relationships(of: workbookPart)
    if let sheets = doc.child(of: 0, named: "sheets") {
      for index in doc.children(of: sheets, named: "sheet") {
        let e = doc.elements[index]
        guard let name = e.attribute("name"), let id = e.attribute(local: "id"),
          let rel = rels.entries.first(where: { $0.id == id }), rel.kind == "worksheet"
        else { continue }
        worksheets.append(
          WorksheetEntry(name: name, partName: package.target(of: rel, from: workbookPart)))
      }
    }
  }

  static func span(_ bytes: [UInt8], part: String, path: String) throws -> XMLSpanDocument {
    do { return try XMLSpanDocument(bytes) } catch {
      throw XLSXError(
        .malformedXML, location: SourceLocation(file: path),
        message: "\(part) cannot be edited: \(error)")
    }
  }

  private func entry(_ sheet: String) throws -> WorksheetEntry {
    guard let entry = worksheets.first(where: { $0.name == sheet }) else {
      throw XLSXError(
        .missingPart, location: SourceLocation(file: package.path, sheet: sheet),
        message: "the workbook has no worksheet '\(sheet)'")
    }
    return entry
  }

  private func editor(_ part: String) throws -> WorksheetEditor {
    if let hit = sheetEditors[part] { return hit }
    let editor: WorksheetEditor
    do { editor = try WorksheetEditor(try package.part(part)) } catch let error as XLSXError {
      throw error
    } catch {
      throw XLSXError(
        .malformedXML, location: SourceLocation(file: package.path),
        message: "\(part) cannot be edited: \(error)")
    }
    sheetEditors[part] = editor
    return editor
  }

  private func styleEditor() throws -> StyleSheetEditor {
    if let styles { return styles }
    var rels = try package.relationships(of: workbookPart)
    let bytes: [UInt8]
    if let rel = rels.first(kind: "styles") {
      stylesPart = package.target(of: rel, from: workbookPart)
      bytes = try package.part(stylesPart ?? "")
    } else {
      let name = "xl/styles.xml"
      stylesPart = name
      _ = rels.add(
        type: RelationshipsPart.type("styles"),
        target: XLSXPackage.relativeTarget(from: workbookPart, to: name))
      package.setRelationships(rels, of: workbookPart)
      package.contentTypes.setOverride(
        part: name,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")
      bytes = StyleSheetEditor.minimal
    }
    do {
      let editor = try StyleSheetEditor(bytes)
      styles = editor
      return editor
    } catch {
      throw XLSXError(
        .malformedXML, location: SourceLocation(file: package.path),
        message: "\(stylesPart ?? "styles") cannot be edited: \(error)")
    }
  }

  // MARK: - Cells

  /// Fills a cell with a solid colour, keeping its number format, font, border and
  /// alignment (its cell format is copied with the new fill). An empty cell is added.
  ///
  /// - Parameter rgb: `RRGGBB`.
  /// - Throws: ``XLSXError`` (`missingPart` for an unknown sheet, `malformedXML`).
  public func fill(_ cell: CellReference, sheet: String, rgb: String) throws {
    let part = try entry(sheet).partName
    var sheetEditor = try editor(part)
    var styles = try styleEditor()
    let original = sheetEditor.styleIndex(at: cell)
    let replaced = styles.fillID(ofFormat: original)
    let key = "\(rgb)/\(replaced)"
    let fillID: Int
    if let hit = fills[key] {
      fillID = hit
    } else {
      fillID = styles.addSolidFill(rgb: rgb, replacing: replaced)
      fills[key] = fillID
    }
    let style = styles.cloneCellFormat(original, fillID: fillID)
    sheetEditor.setStyle(style, at: cell)
    sheetEditors[part] = sheetEditor
    self.styles = styles
  }

  /// Adds a note (a legacy comment, shown on hover) to a cell. A cell that already has a note
  /// gets this text appended to it.
  ///
  /// - Parameters:
  ///   - heading: a first line in bold.
  /// - Throws: ``XLSXError`` (`missingPart` for an unknown sheet).
  public func addNote(_ text: String, heading: String? = nil, at cell: CellReference, sheet: String)
    throws
  {
    let part = try entry(sheet).partName
    notes[part, default: []].append(CommentsPart.Note(cell: cell, heading: heading, text: text))
  }

  /// Adds a cell format for text in the workbook's default font, aligned to the top.
  ///
  /// - Parameters:
  ///   - bold: bold text.
  ///   - underline: underlined text (for links).
  ///   - rgb: text colour `RRGGBB`, `nil` for automatic.
  ///   - fillRGB: a solid fill `RRGGBB`, or `nil`.
  ///   - wrap: wrap long text.
  /// - Returns: the `s` to give cells.
  public func addTextFormat(
    bold: Bool = false, underline: Bool = false, rgb: String? = nil, fillRGB: String? = nil,
    wrap: Bool = true
  ) throws -> Int {
    var styles = try styleEditor()
    let font = styles.addFont(bold: bold, underline: underline, rgb: rgb)
    var fillID = 0
    if let fillRGB {
      if let hit = fills[fillRGB] {
        fillID = hit
      } else {
        fillID = styles.addSolidFill(rgb: fillRGB)
        fills[fillRGB] = fillID
      }
    }
    let id = styles.addTextFormat(fontID: font, fillID: fillID, wrap: wrap)
    self.styles = styles
    return id
  }

  // MARK: - Worksheets

  /// Inserts a new worksheet.
  ///
  /// - Parameters:
  ///   - name: the tab name; made unique (`Name (2)`) and cut to 31 characters.
  ///   - position: 0-based tab position.
  ///   - rows: the cells from A1, row by row (`nil` leaves a cell empty).
  ///   - columnWidths: widths in characters of columns A, B, …
  ///   - links: in-workbook hyperlinks: the cell and the place it opens (`'Mål'!B7`).
  ///   - freezeTopRow: keep row 1 in view when scrolling.
  ///   - select: open the workbook on this sheet (other sheets are deselected).
  /// - Returns: the name given.
  @discardableResult
  public func insertWorksheet(
    named name: String, at position: Int, rows: [[NewCell?]], columnWidths: [Double] = [],
    links: [(cell: CellReference, location: String)] = [], freezeTopRow: Bool = true,
    select: Bool = true
  ) throws -> String {
    var unique = String(name.prefix(31))
    var n = 2
    while worksheets.contains(where: { $0.name.lowercased() == unique.lowercased() }) {
      let suffix = " (\(n))"
      unique = String(name.prefix(31 - suffix.count)) + suffix
      n += 1
    }
    let part = package.unusedName(prefix: "xl/worksheets/sheet", suffix: ".xml")
    package.setPart(
      part,
      Self.worksheetXML(
        rows: rows, columnWidths: columnWidths, links: links, freeze: freezeTopRow,
        selected: select),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
    var rels = try package.relationships(of: workbookPart)
    let rid = rels.add(
      type: RelationshipsPart.type("worksheet"),
      target: XLSXPackage.relativeTarget(from: workbookPart, to: part))
    package.setRelationships(rels, of: workbookPart)

    let doc = try Self.span(workbookXML, part: workbookPart, path: package.path)
    var edits = XMLEdits()
    guard let sheets = doc.child(of: 0, named: "sheets") else {
      throw XLSXError(
        .malformedXML, location: SourceLocation(file: package.path),
        message: "\(workbookPart) has no <sheets>")
    }
    let all = doc.children(of: sheets, named: "sheet")
    let ids = all.compactMap { doc.elements[$0].attribute("sheetId").flatMap { Int($0) } }
    let p = doc.root.prefix
    let tag =
      "<\(p)sheet name=\"\(XMLSpanDocument.escape(unique))\" sheetId=\"\((ids.max() ?? 0) + 1)\" "
      + "\(doc.relationshipIDAttribute(rid))/>"
    let slot = min(max(0, position), all.count)
    edits.insert(
      tag, at: slot < all.count ? doc.elements[all[slot]].start : doc.elements[sheets].contentEnd)
    // Sheet-scoped names count sheets by position: those at or after the slot move one on.
    if let names = doc.child(of: 0, named: "definedNames") {
      for index in doc.children(of: names, named: "definedName") {
        let e = doc.elements[index]
        if let local = e.attribute("localSheetId").flatMap({ Int($0) }), local >= slot {
          edits.setAttribute("localSheetId", to: String(local + 1), of: e)
        }
      }
    }
    if let views = doc.child(of: 0, named: "bookViews") {
      for index in doc.children(of: views, named: "workbookView") {
        let e = doc.elements[index]
        let active = e.attribute("activeTab").flatMap { Int($0) } ?? 0
        let target = select ? slot : (active >= slot ? active + 1 : active)
        if target != active { edits.setAttribute("activeTab", to: String(target), of: e) }
        if let first = e.attribute("firstSheet").flatMap({ Int($0) }), first >= slot {
          edits.setAttribute("firstSheet", to: String(select ? slot : first + 1), of: e)
        }
      }
    }
    workbookXML = edits.applied(to: workbookXML)
    package.setPart(workbookPart, workbookXML)
    if select {
      for sheet in worksheets {
        var e = try editor(sheet.partName)
        if e.isTabSelected {
          e.deselectTab()
          sheetEditors[sheet.partName] = e
        }
      }
    }
    worksheets.insert(WorksheetEntry(name: unique, partName: part), at: slot)
    return unique
  }

  /// Removes a worksheet: its entry in the workbook, its relationship and its part (with its
  /// own relationships). Sheet-scoped names of later sheets move one back; names scoped to it
  /// are removed.
  ///
  /// - Throws: ``XLSXError`` (`missingPart` for an unknown sheet).
  public func removeWorksheet(named name: String) throws {
    let entry = try entry(name)
    guard let slot = worksheets.firstIndex(of: entry) else { return }
    let doc = try Self.span(workbookXML, part: workbookPart, path: package.path)
    var rels = try package.relationships(of: workbookPart)
    var edits = XMLEdits()
    if let sheets = doc.child(of: 0, named: "sheets") {
      for index in doc.children(of: sheets, named: "sheet")
      where doc.elements[index].attribute("name") == name {
        let e = doc.elements[index]
        edits.replace(e.start..<e.end, with: "")
        if let id = e.attribute(local: "id") { rels.entries.removeAll { $0.id == id } }
      }
    }
    if let names = doc.child(of: 0, named: "definedNames") {
      for index in doc.children(of: names, named: "definedName") {
        let e = doc.elements[index]
        guard let local = e.attribute("localSheetId").flatMap({ Int($0) }) else { continue }
        if local == slot {
          edits.replace(e.start..<e.end, with: "")
        } else if local > slot {
          edits.setAttribute("localSheetId", to: String(local - 1), of: e)
        }
      }
    }
    if let views = doc.child(of: 0, named: "bookViews") {
      for index in doc.children(of: views, named: "workbookView") {
        let e = doc.elements[index]
        for attribute in ["activeTab", "firstSheet"] {
          if let value = e.attribute(attribute).flatMap({ Int($0) }), value >= slot, value > 0 {
            edits.setAttribute(attribute, to: String(value == slot ? 0 : value - 1), of: e)
          }
        }
      }
    }
    workbookXML = edits.applied(to: workbookXML)
    package.setPart(workbookPart, workbookXML)
    package.setRelationships(rels, of: workbookPart)
    package.removePart(entry.partName)
    sheetEditors[entry.partName] = nil
    notes[entry.partName] = nil
    worksheets.remove(at: slot)
  }

  /// Gives every sheet whose name Excel forbids a name it allows, so that the written workbook
  /// opens: the characters `[ ] : * ? / \` become `_`, a leading or trailing `'` is dropped,
  /// the name is cut to 31 characters, an empty name becomes `Blad`, and a name taken (without
  /// case) gets ` (2)`, ` (3)`, …. References to the old name in defined names (`'old'!A1`)
  /// follow. Sheets with allowed names are not touched.
  ///
  /// - Returns: the new name of each renamed sheet, by its old name (empty when none was).
  /// - Throws: ``XLSXError`` when the workbook part cannot be edited.
  @discardableResult
  public func sanitizeSheetNames() throws -> [String: String] {
    let doc = try Self.span(workbookXML, part: workbookPart, path: package.path)
    guard let sheets = doc.child(of: 0, named: "sheets") else { return [:] }
    let all = doc.children(of: sheets, named: "sheet")
    let names = all.map { doc.elements[$0].attribute("name") ?? "" }
    var used = Set(names.filter { !Self.isForbiddenSheetName($0) }.map { $0.lowercased() })
    var renamed: [String: String] = [:]
    var edits = XMLEdits()
    for (index, name) in zip(all, names) where Self.isForbiddenSheetName(name) {
      var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
      while base.hasPrefix("'") { base.removeFirst() }
      while base.hasSuffix("'") { base.removeLast() }
      base = String(base.prefix(31))
      if base.isEmpty { base = "Blad" }
      var unique = base
      var n = 2
      while used.contains(unique.lowercased()) {
        let suffix = " (\(n))"
        unique = String(base.prefix(31 - suffix.count)) + suffix
        n += 1
      }
      used.insert(unique.lowercased())
      renamed[name] = unique
      edits.setAttribute("name", to: unique, of: doc.elements[index])
    }
    guard !renamed.isEmpty else { return [:] }
    if let definedNames = doc.child(of: 0, named: "definedNames") {
      for index in doc.children(of: definedNames, named: "definedName") {
        let e = doc.elements[index]
        let text = doc.text(of: index)
        var changed = text
        for (old, new) in renamed {
          let quotedOld = "'" + old.replacingOccurrences(of: "'", with: "''") + "'!"
          let quotedNew = "'" + new.replacingOccurrences(of: "'", with: "''") + "'!"
          changed = changed.replacingOccurrences(of: quotedOld, with: quotedNew)
          changed = changed.replacingOccurrences(of: old + "!", with: quotedNew)
        }
        if changed != text {
          edits.replace(e.startTagEnd..<e.contentEnd, with: XMLSpanDocument.escape(changed))
        }
      }
    }
    workbookXML = edits.applied(to: workbookXML)
    package.setPart(workbookPart, workbookXML)
    for i in worksheets.indices {
      if let new = renamed[worksheets[i].name] { worksheets[i].name = new }
    }
    return renamed
  }

  /// Whether Excel refuses a sheet name: empty, longer than 31 characters, holding one of
  /// `[ ] : * ? / \`, or starting or ending with `'`.
  public static func isForbiddenSheetName(_ name: String) -> Bool {
    name.isEmpty || name.count > 31 || name.contains(where: { "[]:*?/\\".contains($0) })
      || name.hasPrefix("'") || name.hasSuffix("'")
  }

  /// Takes back the fills of earlier marks: every cell whose format has a solid fill in one of
  /// `rgbs` gets back the format it was copied from (the same format without that fill).
  ///
  /// - Parameter rgbs: fill colours `RRGGBB`.
  public func removeFills(rgb rgbs: Set<String>) throws {
    let styles = try styleEditor()
    let map = styles.originals(ofFormatsWithFills: styles.solidFills(rgb: rgbs))
    guard !map.isEmpty else { return }
    for sheet in worksheets {
      var e = try editor(sheet.partName)
      e.restyle(map)
      sheetEditors[sheet.partName] = e
    }
  }

  /// Removes the notes written by `author` (with their boxes in the sheet's drawing); other
  /// notes stay.
  public func removeNotes(author: String) throws {
    for sheet in worksheets {
      let rels = try package.relationships(of: sheet.partName)
      guard let rel = rels.first(kind: "comments") else { continue }
      let commentsName = package.target(of: rel, from: sheet.partName)
      let bytes = try package.part(commentsName)
      guard let (kept, removed) = CommentsPart.removing(author: author, from: bytes),
        !removed.isEmpty
      else { continue }
      package.setPart(commentsName, kept)
      if let id = try editor(sheet.partName).legacyDrawingID,
        let vmlRel = rels.entries.first(where: { $0.id == id })
      {
        let vml = package.target(of: vmlRel, from: sheet.partName)
        package.setPart(vml, VMLDrawingPart.removing(cells: removed, from: try package.part(vml)))
      }
    }
  }

  static func worksheetXML(
    rows: [[NewCell?]], columnWidths: [Double], links: [(cell: CellReference, location: String)],
    freeze: Bool, selected: Bool
  ) -> [UInt8] {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    out += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    out += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
    let width = rows.map(\.count).max() ?? 0
    if !rows.isEmpty, width > 0 {
      out += "<dimension ref=\"A1:\(CellReference(row: rows.count, column: width).a1)\"/>"
    }
    out += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
    if freeze {
      out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
      out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
    }
    out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
    if !columnWidths.isEmpty {
      out += "<cols>"
      for (i, w) in columnWidths.enumerated() {
        out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
      }
      out += "</cols>"
    }
    out += "<sheetData>"
    for (r, row) in rows.enumerated() {
      // Wrapped text: the row's height for the lines its longest cell needs (about one
      // character per unit of column width), without customHeight so Excel may refit it;
      // other viewers would otherwise show one line.
      var lines = 1
      for (c, cell) in row.enumerated() {
        guard case .text(let text, _) = cell, c < columnWidths.count else { continue }
        let perLine = max(1, Int(columnWidths[c] * 1.1) - 2)
        let needed = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
          $0 + max(1, ($1.count + perLine - 1) / perLine)
        }
        lines = max(lines, needed)
      }
      out += "<row r=\"\(r + 1)\"\(lines > 1 ? " ht=\"\(lines * 15)\"" : "")>"
      for (c, cell) in row.enumerated() {
        guard let cell else { continue }
        let ref = CellReference(row: r + 1, column: c + 1).a1
        switch cell {
        case .text(let text, let style):
          out += "<c r=\"\(ref)\"\(style.map { " s=\"\($0)\"" } ?? "") t=\"inlineStr\"><is><t"
          out += text.first == " " || text.last == " " ? " xml:space=\"preserve\"" : ""
          out += ">\(XMLSpanDocument.escape(text))</t></is></c>"
        case .number(let value, let style):
          let text = value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
          out += "<c r=\"\(ref)\"\(style.map { " s=\"\($0)\"" } ?? "")><v>\(text)</v></c>"
        }
      }
      out += "</row>"
    }
    out += "</sheetData>"
    if !links.isEmpty {
      out += "<hyperlinks>"
      for link in links {
        out +=
          "<hyperlink ref=\"\(link.cell.a1)\" location=\"\(XMLSpanDocument.escape(link.location))\""
        out += " display=\"\(XMLSpanDocument.escape(link.location))\"/>"
      }
      out += "</hyperlinks>"
    }
    out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
    out += "footer=\"0.3\"/><pageSetup paperSize=\"9\" orientation=\"landscape\" "
    out += "fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
    return Array(out.utf8)
  }

  // MARK: - Writing

  /// Writes the edited workbook atomically (temporary file, then rename).
  ///
  /// - Throws: ``XLSXError``.
  public func write(to path: String) throws {
    try flushNotes()
    for (part, editor) in sheetEditors {
      let bytes = editor.xml()
      if !package.isChanged(part), bytes == (try? package.part(part)) { continue }
      package.setPart(part, bytes)
    }
    if let styles, let stylesPart { package.setPart(stylesPart, styles.xml()) }
    try package.write(to: path)
  }

  private func flushNotes() throws {
    guard !notes.isEmpty else { return }
    var nextBlock =
      (package.partNames.filter { $0.lowercased().hasSuffix(".vml") }.flatMap {
        VMLDrawingPart.idBlocks(in: (try? package.part($0)) ?? [])
      }.max() ?? 0) + 1
    for sheet in worksheets {
      guard let list = notes[sheet.partName], !list.isEmpty else { continue }
      let part = sheet.partName
      var sheetEditor = try editor(part)
      var rels = try package.relationships(of: part)
      let commentsName: String
      var existingComments: [UInt8]?
      if let rel = rels.first(kind: "comments") {
        commentsName = package.target(of: rel, from: part)
        existingComments = try package.part(commentsName)
      } else {
        commentsName = package.unusedName(prefix: "xl/comments", suffix: ".xml")
        _ = rels.add(
          type: RelationshipsPart.type("comments"),
          target: XLSXPackage.relativeTarget(from: part, to: commentsName))
      }
      var comments: CommentsPart
      do { comments = try CommentsPart(existingComments, author: noteAuthor) } catch {
        throw XLSXError(
          .malformedXML, location: SourceLocation(file: package.path),
          message: "\(commentsName) cannot be edited: \(error)")
      }
      var merged: [CellReference: CommentsPart.Note] = [:]
      var order: [CellReference] = []
      for note in list {
        if var old = merged[note.cell] {
          old.text += "\n\n" + (note.heading.map { $0 + "\n" } ?? "") + note.text
          merged[note.cell] = old
        } else {
          merged[note.cell] = note
          order.append(note.cell)
        }
      }
      for cell in order { if let note = merged[cell] { comments.add(note) } }
      let newShapes = order.filter { !comments.existingCells.contains($0) }
      package.setPart(
        commentsName, comments.xml(),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml")
      if let id = sheetEditor.legacyDrawingID, let rel = rels.entries.first(where: { $0.id == id })
      {
        let vml = package.target(of: rel, from: part)
        package.setPart(vml, VMLDrawingPart.appending(to: try package.part(vml), cells: newShapes))
      } else {
        let vml = package.unusedName(prefix: "xl/drawings/vmlDrawing", suffix: ".vml")
        package.setPart(vml, VMLDrawingPart.new(block: nextBlock, cells: newShapes))
        nextBlock += 1
        package.contentTypes.ensureDefault(
          extension: "vml", contentType: "application/vnd.openxmlformats-officedocument.vmlDrawing")
        let rid = rels.add(
          type: RelationshipsPart.type("vmlDrawing"),
          target: XLSXPackage.relativeTarget(from: part, to: vml))
        sheetEditor.addLegacyDrawing(relationshipID: rid)
      }
      package.setRelationships(rels, of: part)
      sheetEditors[part] = sheetEditor
    }
    notes = [:]
  }
}
