import Foundation
import Spreadsheet

extension TemplateFiller {
  // MARK: - Parts of a sheet

  /// Drawings (anchors, and the charts in them), tables and comments of a sheet.
  mutating func writeSheetParts(_ i: Int) throws {
    let sheet = outputs[i]
    let rels = try package.relationships(of: sheet.part)
    for rel in rels.entries where !rel.isExternal {
      let target = package.target(of: rel, from: sheet.part)
      guard package.has(target) else { continue }
      switch rel.kind {
      case "drawing":
        try moveAnchors(target, map: sheet.map)
        for chartRel in try package.relationships(of: target).entries
        where chartRel.kind == "chart" && !chartRel.isExternal {
          let chart = package.target(of: chartRel, from: target)
          if package.has(chart) { try writeChart(chart, sheet: sheet) }
        }
      case "table":
        guard !sheet.map.isIdentity else { continue }
        try edit(target) { doc, edits in
          let root = doc.root
          if let ref = root.attribute("ref"), let range = CellRange(ref),
            let (s, e) = sheet.map.range(range.start.row, range.end.row)
          {
            let moved = CellRange(
              CellReference(row: s, column: range.start.column),
              CellReference(row: e, column: range.end.column)
            ).description
            if moved != ref { edits.setAttribute("ref", to: moved, of: root) }
            if let af = doc.child(of: 0, named: "autoFilter"),
              let afRef = doc.elements[af].attribute("ref"), let afRange = CellRange(afRef),
              let (s2, e2) = sheet.map.range(afRange.start.row, afRange.end.row)
            {
              let m = CellRange(
                CellReference(row: s2, column: afRange.start.column),
                CellReference(row: e2, column: afRange.end.column)
              ).description
              if m != afRef { edits.setAttribute("ref", to: m, of: doc.elements[af]) }
            }
          }
        }
      case "comments":
        guard !sheet.map.isIdentity else { continue }
        try edit(target) { doc, edits in
          guard let list = doc.child(of: 0, named: "commentList") else { return }
          for c in doc.children(of: list, named: "comment") {
            let e = doc.elements[c]
            if let ref = e.attribute("ref"), let cell = CellReference(ref),
              let r = sheet.map.cell(cell.row), r != cell.row
            {
              edits.setAttribute(
                "ref", to: CellReference(row: r, column: cell.column).a1, of: e)
            }
          }
        }
      case "vmlDrawing":
        guard !sheet.map.isIdentity else { continue }
        try moveNoteBoxes(target, map: sheet.map)
      default:
        continue
      }
    }
  }

  /// Applies edits to a part and stores it when it changed.
  func edit(_ part: String, _ body: (XMLSpanDocument, inout XMLEdits) throws -> Void) throws {
    let bytes = try package.part(part)
    let doc = try XLSXEditor.span(bytes, part: part, path: template.path)
    var edits = XMLEdits()
    try body(doc, &edits)
    guard !edits.isEmpty else { return }
    let new = edits.applied(to: bytes)
    if new != bytes { package.setPart(part, new) }
  }

  /// Drawing anchors: a `from`/`to` row below a block moves, an anchor spanning it grows.
  func moveAnchors(_ part: String, map: RowMap) throws {
    guard !map.isIdentity else { return }
    try edit(part) { doc, edits in
      for anchor in doc.elements[0].children {
        let a = doc.elements[anchor]
        guard a.localName == "twoCellAnchor" || a.localName == "oneCellAnchor" else { continue }
        func row(_ corner: String) -> (Int, Int)? {
          guard let c = doc.child(of: anchor, named: corner),
            let r = doc.child(of: c, named: "row"),
            let value = Int(doc.text(of: r).trimmingCharacters(in: .whitespaces))
          else { return nil }
          return (r, value)
        }
        let from = row("from")
        let to = row("to")
        if let from, let to {
          guard let (s, e) = map.range(from.1 + 1, to.1 + 1) else { continue }
          for (element, old, new) in [(from.0, from.1, s - 1), (to.0, to.1, e - 1)] where old != new
          {
            let el = doc.elements[element]
            edits.replace(el.startTagEnd..<el.contentEnd, with: String(new))
          }
        } else if let from, let r = map.cell(from.1 + 1), r - 1 != from.1 {
          let el = doc.elements[from.0]
          edits.replace(el.startTagEnd..<el.contentEnd, with: String(r - 1))
        }
      }
    }
  }

  /// The boxes of notes (legacy VML): `x:Row` and the rows of `x:Anchor` (whatever the
  /// prefix the producer gave the Excel namespace).
  func moveNoteBoxes(_ part: String, map: RowMap) throws {
    let original = String(decoding: try package.part(part), as: UTF8.self)
    var text = original
    func replace(_ pattern: String, _ body: (String) -> String) {
      guard let regex = try? NSRegularExpression(pattern: pattern) else { return }
      let ns = text as NSString
      var out = ""
      var last = 0
      for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
        let inner = m.range(at: 2)
        out += ns.substring(with: NSRange(location: last, length: inner.location - last))
        out += body(ns.substring(with: inner))
        last = inner.location + inner.length
      }
      out += ns.substring(from: last)
      text = out
    }
    replace("(<(?:[A-Za-z0-9_]+:)?Row>)([^<]*)(?=</)") { inner in
      guard let r = Int(inner.trimmingCharacters(in: .whitespacesAndNewlines)),
        let m = map.cell(r + 1)
      else { return inner }
      return String(m - 1)
    }
    replace("(<(?:[A-Za-z0-9_]+:)?Anchor>)([^<]*)(?=</)") { inner in
      var parts = inner.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 8 else { return inner }
      for k in [2, 6] {
        let raw = parts[k].trimmingCharacters(in: .whitespacesAndNewlines)
        if let r = Int(raw), let m = map.cell(r + 1), m - 1 != r {
          parts[k] = parts[k].replacingOccurrences(of: raw, with: String(m - 1))
        }
      }
      return parts.joined(separator: ",")
    }
    if text != original { package.setPart(part, Array(text.utf8)) }
  }

  // MARK: - Charts

  /// Series and category ranges follow the rows; their cached values are written again from
  /// the filled cells, so a chart shows the data without a recalculation.
  func writeChart(_ part: String, sheet: OutputSheet) throws {
    try edit(part) { doc, edits in
      for (index, e) in doc.elements.enumerated() where e.localName == "f" {
        guard let parent = e.parent else { continue }
        let kind = doc.elements[parent].localName
        guard kind == "numRef" || kind == "strRef" || kind == "multiLvlStrRef" else { continue }
        let text = doc.text(of: index)
        let (moved, touched) = rewrite(text, sheet: sheet, host: nil, expandCells: true)
        guard moved != text || touched else { continue }
        guard kind != "multiLvlStrRef" else {
          edits.replace(e.startTagEnd..<e.contentEnd, with: XMLSpanDocument.escape(moved))
          continue
        }
        let values = self.values(of: moved, host: sheet)
        // Categories read as numbers over cells that hold text become text categories.
        let grand = doc.elements[parent].parent.map { doc.elements[$0].localName }
        let isNumber =
          kind == "numRef"
          && !(grand == "cat" && values.contains { if case .text? = $0 { true } else { false } })
        let pe = doc.elements[parent]
        let p = e.prefix
        if kind == "numRef" && !isNumber {
          var ref = "<\(p)strRef><\(p)f>\(XMLSpanDocument.escape(moved))</\(p)f>"
          ref += Self.cache(values, number: false, format: nil, prefix: p) + "</\(p)strRef>"
          edits.replace(pe.start..<pe.end, with: ref)
          continue
        }
        if moved != text {
          edits.replace(e.startTagEnd..<e.contentEnd, with: XMLSpanDocument.escape(moved))
        }
        let cacheName = isNumber ? "numCache" : "strCache"
        var format: String?
        if isNumber {
          format = "General"
          if let old = doc.child(of: parent, named: cacheName),
            let fc = doc.child(of: old, named: "formatCode")
          {
            format = doc.text(of: fc)
          }
        }
        let cache = Self.cache(values, number: isNumber, format: format, prefix: p)
        if let old = doc.child(of: parent, named: cacheName) {
          let o = doc.elements[old]
          edits.replace(o.start..<o.end, with: cache)
        } else {
          edits.insert(cache, at: e.end)
        }
      }
    }
  }

  /// A `numCache` or `strCache` of values.
  static func cache(_ values: [GridValue?], number: Bool, format: String?, prefix p: String)
    -> String
  {
    let name = number ? "numCache" : "strCache"
    var cache = "<\(p)\(name)>"
    if let format {
      cache += "<\(p)formatCode>\(XMLSpanDocument.escape(format))</\(p)formatCode>"
    }
    cache += "<\(p)ptCount val=\"\(values.count)\"/>"
    for (k, v) in values.enumerated() {
      let t: String?
      switch v {
      case .number(let n)?: t = Self.number(n)
      case .text(let s)?: t = number ? nil : s
      case nil: t = nil
      }
      if let t {
        cache += "<\(p)pt idx=\"\(k)\"><\(p)v>\(XMLSpanDocument.escape(t))</\(p)v></\(p)pt>"
      }
    }
    return cache + "</\(p)\(name)>"
  }

  /// The filled values of a range formula (`'Nyckeltal'!$F$5:$F$9`), row by row.
  func values(of formula: String, host: OutputSheet) -> [GridValue?] {
    var refs: [FormulaReference] = []
    _ = FormulaReferences.rewrite(formula) { ref in
      refs.append(ref)
      return ref
    }
    var out: [GridValue?] = []
    for ref in refs {
      let name = ref.sheet ?? host.name
      guard let sheet = outputs.first(where: { $0.name == name }) else { continue }
      let r2 = ref.row2 ?? ref.row1
      let c2 = ref.column2 ?? ref.column1
      for r in min(ref.row1, r2)...max(ref.row1, r2) {
        for c in min(ref.column1, c2)...max(ref.column1, c2) {
          out.append(sheet.grid[r]?[c])
        }
      }
    }
    return out
  }

  // MARK: - Clones

  /// Copies a part and the parts that belong to it alone (drawings, charts, tables, notes)
  /// under new names in the same folder; shared parts (images, printer settings) are
  /// pointed to, not copied.
  func cloneTree(_ part: String) throws -> String {
    let owned: Set<String> = [
      "drawing", "chart", "table", "comments", "vmlDrawing", "chartUserShapes",
    ]
    let path = PartName(part).path
    let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    let file = path[slash...]
    let dot = file.lastIndex(of: ".") ?? file.endIndex
    let stem = String(file[..<dot]).trimmingCharacters(in: .decimalDigits)
    let new = package.unusedName(
      prefix: String(path[..<slash]) + stem, suffix: String(file[dot...]))
    var bytes = try package.part(part)
    if let type = package.contentTypes.contentType(of: part) {
      if type.hasSuffix("table+xml") { bytes = try renamedTable(bytes) }
      package.setPart(new, bytes, contentType: type)
    } else {
      package.setPart(new, bytes)
    }
    var rels = try package.relationships(of: part)
    guard !rels.entries.isEmpty else { return new }
    for k in rels.entries.indices where !rels.entries[k].isExternal {
      let entry = rels.entries[k]
      guard owned.contains(entry.kind) else { continue }
      let target = package.target(of: entry, from: part)
      guard package.has(target) else { continue }
      let copy = try cloneTree(target)
      rels.entries[k].target = XLSXPackage.relativeTarget(from: new, to: copy)
    }
    package.setRelationships(rels, of: new)
    return new
  }

  /// A table's copy: a new id and name, unique in the workbook.
  func renamedTable(_ bytes: [UInt8]) throws -> [UInt8] {
    let doc = try XLSXEditor.span(bytes, part: "table", path: template.path)
    var maxID = 0
    var names = Set<String>()
    for name in package.partNames {
      guard package.contentTypes.contentType(of: name)?.hasSuffix("table+xml") == true,
        let t = try? XLSXEditor.span(try package.part(name), part: name, path: template.path)
      else { continue }
      maxID = max(maxID, t.root.attribute("id").flatMap { Int($0) } ?? 0)
      if let n = t.root.attribute("name") { names.insert(n.lowercased()) }
      if let n = t.root.attribute("displayName") { names.insert(n.lowercased()) }
    }
    let base = doc.root.attribute("displayName") ?? doc.root.attribute("name") ?? "Tabell"
    var n = 2
    var name = "\(base)_\(n)"
    while names.contains(name.lowercased()) {
      n += 1
      name = "\(base)_\(n)"
    }
    var edits = XMLEdits()
    edits.setAttribute("id", to: String(maxID + 1), of: doc.root)
    if doc.root.attribute("name") != nil { edits.setAttribute("name", to: name, of: doc.root) }
    edits.setAttribute("displayName", to: name, of: doc.root)
    return edits.applied(to: bytes)
  }

  /// Removes a sheet's part and the parts that belong to it alone.
  func removeTree(_ part: String) throws {
    let owned: Set<String> = [
      "drawing", "chart", "table", "comments", "vmlDrawing", "chartUserShapes",
    ]
    for entry in try package.relationships(of: part).entries
    where !entry.isExternal && owned.contains(entry.kind) {
      let target = package.target(of: entry, from: part)
      if package.has(target) { try removeTree(target) }
    }
    package.removePart(part)
  }

  // MARK: - Workbook

  /// The sheet list (per-item sheets), defined names, recalculation on open, and the
  /// calculation chain (removed: cells moved).
  mutating func writeWorkbook() throws {
    let bytes = template.workbookXML
    let part = template.workbookPart
    let doc = try XLSXEditor.span(bytes, part: part, path: template.path)
    var edits = XMLEdits()
    var rels = try package.relationships(of: part)
    let hasClones =
      outputs.contains { !$0.aliases.isEmpty }
      || template.sheets.contains { XLSXTemplate.perItemCollection($0.name) != nil }
    // Sheets: each per-item template becomes its items' sheets.
    var newIndices: [Int: [Int]] = [:]
    for (k, o) in outputs.enumerated() { newIndices[o.templateIndex, default: []].append(k) }
    if hasClones, let sheetsIndex = doc.child(of: 0, named: "sheets") {
      let all = doc.children(of: sheetsIndex, named: "sheet")
      var maxID =
        all.compactMap { doc.elements[$0].attribute("sheetId").flatMap { Int($0) } }
        .max() ?? 0
      for (index, entry) in template.sheets.enumerated()
      where XLSXTemplate.perItemCollection(entry.name) != nil {
        let e = doc.elements[entry.element]
        var text = ""
        for k in newIndices[index] ?? [] {
          let o = outputs[k]
          if o.part == entry.part {
            var local: [(Range<Int>, String)] = [Self.attribute("name", o.name, of: e)]
            _ = local.count
            text += Self.splice(doc.bytes, e.start..<e.end, local)
            local = []
          } else {
            maxID += 1
            let rid = rels.add(
              type: RelationshipsPart.type("worksheet"),
              target: XLSXPackage.relativeTarget(from: part, to: o.part))
            text +=
              "<\(e.name) name=\"\(XMLSpanDocument.escape(o.name))\" sheetId=\"\(maxID)\" \(doc.relationshipIDAttribute(rid))/>"
          }
        }
        if (newIndices[index] ?? []).isEmpty {
          // No items: the sheet goes, with its relationship and parts.
          rels.entries.removeAll { $0.id == entry.relationshipID }
          try removeTree(entry.part)
        }
        edits.replace(e.start..<e.end, with: text)
      }
    }
    // Defined names: references follow; names of a per-item sheet are repeated per item.
    if let names = doc.child(of: 0, named: "definedNames") {
      for index in doc.children(of: names, named: "definedName") {
        let e = doc.elements[index]
        let text = doc.text(of: index)
        let local = e.attribute("localSheetId").flatMap { Int($0) }
        let targets: [Int?] = local.map { (newIndices[$0] ?? []).map { Optional($0) } } ?? [nil]
        var out = ""
        for t in targets {
          let host =
            t.map { outputs[$0] }
            ?? OutputSheet(
              name: "", part: "", source: outputs[0].source, base: [], aliases: [],
              templateIndex: -1)
          let (moved, _) = rewrite(text, sheet: host, host: nil)
          var edit: [(Range<Int>, String)] = []
          if let t, t != local { edit.append(Self.attribute("localSheetId", String(t), of: e)) }
          if moved != text {
            edit.append((e.startTagEnd..<e.contentEnd, XMLSpanDocument.escape(moved)))
          }
          out += Self.splice(doc.bytes, e.start..<e.end, edit)
        }
        if out != String(decoding: doc.bytes[e.start..<e.end], as: UTF8.self) {
          edits.replace(e.start..<e.end, with: out)
        }
      }
    }
    // Active tab.
    if hasClones, let views = doc.child(of: 0, named: "bookViews") {
      for v in doc.children(of: views, named: "workbookView") {
        let e = doc.elements[v]
        for a in ["activeTab", "firstSheet"] {
          if let old = e.attribute(a).flatMap({ Int($0) }) {
            let new = min(newIndices[old]?.first ?? 0, max(outputs.count - 1, 0))
            if new != old { edits.setAttribute(a, to: String(new), of: e) }
          }
        }
      }
    }
    // Recalculation: formulas whose cells moved or whose inputs were filled lost their
    // cached value; Excel recalculates everything on open, LibreOffice computes cells
    // without a cached value on load.
    if anyFormulaRebuilt {
      if let calc = doc.child(of: 0, named: "calcPr") {
        edits.setAttribute("fullCalcOnLoad", to: "1", of: doc.elements[calc])
      } else {
        let after = ["definedNames", "externalReferences", "functionGroups", "sheets"]
        if let anchor = after.lazy.compactMap({ doc.child(of: 0, named: $0) }).first {
          edits.insert(
            "<\(doc.root.prefix)calcPr fullCalcOnLoad=\"1\"/>", at: doc.elements[anchor].end)
        }
      }
      if let chain = rels.first(kind: "calcChain") {
        package.removePart(package.target(of: chain, from: part))
        rels.entries.removeAll { $0.id == chain.id }
      }
    }
    if !edits.isEmpty {
      package.setPart(part, edits.applied(to: bytes))
    }
    if rels != (try package.relationships(of: part)) {
      package.setRelationships(rels, of: part)
    }
  }
}
