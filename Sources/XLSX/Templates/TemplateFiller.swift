import Foundation
import Spreadsheet

/// The fill of one template: expands every sheet's blocks, writes the rows, then moves what
/// points at moved rows in sheets, drawings, charts, tables, comments and the workbook.
struct TemplateFiller {
  struct OutRow {
    var template: Int
    var records: [TemplateRecord]
    var host: RowMap.Host?
  }

  enum GridValue {
    case number(Double)
    case text(String)
  }

  struct OutputSheet {
    var name: String
    var part: String
    var source: TemplateSheet
    var base: [TemplateRecord]
    /// Names a formula may use for this sheet (the `{{#each}}` name of a cloned sheet).
    var aliases: Set<String>
    /// Index of the template sheet it comes from.
    var templateIndex: Int
    var rows: [OutRow] = []
    var map = RowMap()
    var changed = false
    var grid: [Int: [Int: GridValue]] = [:]
  }

  let template: XLSXTemplate
  let data: TemplateData
  let contract: TemplateContract
  var package: XLSXPackage { template.package }
  var outputs: [OutputSheet] = []
  /// Sheet names formulas elsewhere may use for a sheet now named otherwise.
  var renamed: [String: String] = [:]
  var maps: [String: RowMap] = [:]
  var changedSheets: Set<String> = []
  var anyFormulaRebuilt = false

  init(template: XLSXTemplate, data: TemplateData, contract: TemplateContract) {
    self.template = template
    self.data = data
    self.contract = contract
  }

  // MARK: - Data

  func value(_ name: String, _ records: [TemplateRecord]) -> TemplateValue {
    for r in records.reversed() { if let v = r.fields[name] { return v } }
    return data.scalars[name] ?? .empty
  }

  func collection(_ name: String, _ records: [TemplateRecord]) -> [TemplateRecord] {
    for r in records.reversed() { if let c = r.collections[name] { return c } }
    return data.collections[name] ?? []
  }

  func blank(_ collection: String) -> TemplateRecord {
    var fields: [String: TemplateValue] = [:]
    for f in contract.collections[collection] ?? [] { fields[f] = .empty }
    return TemplateRecord(fields)
  }

  func instances(_ marker: TemplateSheet.Marker, _ records: [TemplateRecord])
    -> [[TemplateRecord]]
  {
    switch marker {
    case .each(let c):
      let items = collection(c, records)
      // No items: one blank copy of the rows, so that formulas, charts and formats over the
      // block keep a row to point to.
      if items.isEmpty { return [records + [blank(c)]] }
      return items.map { records + [$0] }
    case .if(let cond):
      return cond.holds(value(cond.name, records)) ? [records] : []
    }
  }

  // MARK: - Run

  mutating func run() throws {
    try planSheets()
    for i in outputs.indices {
      (outputs[i].rows, outputs[i].map) = expand(outputs[i].source, base: outputs[i].base)
      maps[outputs[i].name] = outputs[i].map
      if !outputs[i].map.isIdentity || outputs[i].source.hasMarkup || !outputs[i].base.isEmpty {
        outputs[i].changed = true
        changedSheets.insert(outputs[i].name)
      }
    }
    for i in outputs.indices { try writeSheet(i) }
    for i in outputs.indices { try writeSheetParts(i) }
    try writeWorkbook()
  }

  /// The sheets written: each template sheet, a `{{#each}}` sheet once per item.
  mutating func planSheets() throws {
    var taken = Set(
      template.sheets.filter { XLSXTemplate.perItemCollection($0.name) == nil }.map {
        $0.name.lowercased()
      })
    for (index, sheet) in template.sheets.enumerated() {
      guard let source = template.parsed[sheet.part] else { continue }
      guard let c = XLSXTemplate.perItemCollection(sheet.name) else {
        outputs.append(
          OutputSheet(
            name: sheet.name, part: sheet.part, source: source, base: [], aliases: [],
            templateIndex: index))
        continue
      }
      let items = data.collections[c] ?? []
      for (k, item) in items.enumerated() {
        let name = Self.sheetName(for: item, index: k, taken: &taken)
        let part = k == 0 ? sheet.part : try cloneTree(sheet.part)
        var s = source
        s.name = name
        outputs.append(
          OutputSheet(
            name: name, part: part, source: s, base: [item], aliases: [sheet.name],
            templateIndex: index))
        if k == 0 { renamed[sheet.name] = name }
      }
    }
  }

  /// A sheet name from an item's `namn` (or first text field): at most 31 characters,
  /// without `[ ] : * ? / \`, no apostrophe at either end, unique without regard to case.
  static func sheetName(for item: TemplateRecord, index: Int, taken: inout Set<String>)
    -> String
  {
    var raw = item.fields["namn"]?.displayText ?? ""
    if raw.isEmpty {
      raw =
        item.fields.sorted { $0.key < $1.key }.lazy.compactMap { f -> String? in
          if case .text(let t) = f.value, !t.isEmpty { return t }
          return nil
        }.first ?? "Blad \(index + 1)"
    }
    var name = String(
      raw.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 }
        .map(Character.init))
    name = name.trimmingCharacters(in: .whitespaces)
    while name.hasPrefix("'") { name.removeFirst() }
    while name.hasSuffix("'") { name.removeLast() }
    if name.isEmpty || name.lowercased() == "history" { name = "Blad \(index + 1)" }
    var unique = String(name.prefix(31)).trimmingCharacters(in: .whitespaces)
    var n = 2
    while taken.contains(unique.lowercased()) {
      let suffix = " (\(n))"
      unique = String(name.prefix(31 - suffix.count)).trimmingCharacters(in: .whitespaces) + suffix
      n += 1
    }
    taken.insert(unique.lowercased())
    return unique
  }

  // MARK: - Expansion

  func expand(_ sheet: TemplateSheet, base: [TemplateRecord]) -> ([OutRow], RowMap) {
    var out: [OutRow] = []
    var map = RowMap()
    for node in sheet.nodes {
      switch node {
      case .row(let r):
        out.append(OutRow(template: r, records: base, host: nil))
      case .block(let marker, let open, let close, let children):
        let start = out.count + 1
        let index = map.blocks.count
        var rowsOf: [[Int: Int]] = []
        for (k, records) in instances(marker, base).enumerated() {
          var rows: [Int: Int] = [:]
          emit(
            children, records, host: RowMap.Host(block: index, instance: k), into: &out,
            rows: &rows)
          rowsOf.append(rows)
        }
        map.blocks.append(
          RowMap.Block(
            open: open, close: close, outStart: start, outCount: out.count + 1 - start,
            instances: rowsOf))
      }
    }
    return (out, map)
  }

  func emit(
    _ nodes: [TemplateSheet.Node], _ records: [TemplateRecord], host: RowMap.Host,
    into out: inout [OutRow], rows: inout [Int: Int]
  ) {
    for node in nodes {
      switch node {
      case .row(let r):
        out.append(OutRow(template: r, records: records, host: host))
        if rows[r] == nil { rows[r] = out.count }
      case .block(let marker, _, _, let children):
        for inner in instances(marker, records) {
          emit(children, inner, host: host, into: &out, rows: &rows)
        }
      }
    }
  }

  // MARK: - Formulas

  /// A formula with its references moved; `touched` when it reads a changed sheet.
  /// With `expandCells`, a single cell in a block's body stands for the whole block (a chart
  /// series over a one-row template block).
  func rewrite(
    _ formula: String, sheet: OutputSheet, host: RowMap.Host?, expandCells: Bool = false
  ) -> (String, Bool) {
    var touched = false
    let text = FormulaReferences.rewrite(formula) { ref in
      var r = ref
      var target = sheet.name
      if let s = ref.sheet {
        if sheet.aliases.contains(s) || s == sheet.name {
          target = sheet.name
          if s != sheet.name { r.sheet = sheet.name }
        } else if let to = renamed[s] {
          target = to
          r.sheet = to
        } else {
          target = s
        }
      }
      if changedSheets.contains(target) { touched = true }
      guard let map = maps[target] else { return r }
      if expandCells, r.row2 == nil, let b = map.block(containing: r.row1),
        map.blocks[b].open < r.row1, r.row1 < map.blocks[b].close
      {
        r.row2 = r.row1
        r.column2 = r.column1
        r.row2Absolute = r.row1Absolute
        r.column2Absolute = r.column1Absolute
      }
      return map.apply(r, host: target == sheet.name ? host : nil)
    }
    return (text, touched)
  }

  // MARK: - Sheets

  mutating func writeSheet(_ i: Int) throws {
    let sheet = outputs[i]
    let doc = sheet.source.doc
    let p = doc.root.prefix
    var edits = XMLEdits()
    var grid: [Int: [Int: GridValue]] = [:]
    var sharedMasters: [String: (row: Int, column: Int, text: String)] = [:]
    for (r, row) in sheet.source.rows {
      for cell in row.cells {
        guard let f = cell.formula else { continue }
        let fe = doc.elements[f]
        if fe.attribute("t") == "shared", let si = fe.attribute("si"), fe.attribute("ref") != nil {
          sharedMasters[si] = (r, cell.column, doc.text(of: f))
        }
      }
    }
    var rowsText = ""
    var sheetDataChanged = false
    for (index, out) in sheet.rows.enumerated() {
      let number = index + 1
      guard let row = sheet.source.rows[out.template] else { continue }
      let (text, changed) = rowXML(
        row, template: out.template, number: number, out: out, sheet: sheet, prefix: p,
        shared: sharedMasters, grid: &grid)
      rowsText += text
      if changed { sheetDataChanged = true }
    }
    if sheetDataChanged || sheet.rows.count != sheet.source.maxRow,
      let data = doc.child(of: 0, named: "sheetData"), !doc.elements[data].isSelfClosing
    {
      let e = doc.elements[data]
      edits.replace(e.startTagEnd..<e.contentEnd, with: rowsText)
    }
    outputs[i].grid = grid
    sheetElements(sheet, doc: doc, edits: &edits)
    let bytes = edits.applied(to: doc.bytes)
    if bytes != doc.bytes || sheet.part != sheet.source.part {
      package.setPart(sheet.part, bytes)
    }
  }

  /// One output row: the template row with its number, cells and formulas updated.
  mutating func rowXML(
    _ row: TemplateSheet.Row, template: Int, number: Int, out: OutRow, sheet: OutputSheet,
    prefix p: String, shared: [String: (row: Int, column: Int, text: String)],
    grid: inout [Int: [Int: GridValue]]
  ) -> (String, Bool) {
    let doc = sheet.source.doc
    let e = doc.elements[row.element]
    var local: [(Range<Int>, String)] = []
    if number != template || (e.attribute("r") == nil && !sheet.map.isIdentity) {
      local.append(Self.attribute("r", String(number), of: e))
    }
    for cell in row.cells {
      let c = doc.elements[cell.element]
      let ref = CellReference(row: number, column: cell.column).a1
      var keep = c.attributes.filter { !["r", "t", "cm", "vm", "ph"].contains($0.name) }.map {
        " \($0.name)=\"\(XMLSpanDocument.escape($0.value))\""
      }.joined()
      keep = " r=\"\(ref)\"" + keep
      if cell.formula == nil, let text = cell.text, cell.markup,
        !TemplateSyntax.tags(in: text).isEmpty
      {
        let value: TemplateValue
        if case .value(let name)? = TemplateSyntax.soleTag(text) {
          value = self.value(name, out.records)
        } else {
          var t = text
          for (range, tag) in TemplateSyntax.tags(in: text).reversed() {
            if case .value(let name) = tag {
              t.replaceSubrange(range, with: self.value(name, out.records).displayText)
            }
          }
          value = t.isEmpty ? .empty : .text(t)
        }
        local.append((c.start..<c.end, cellXML(prefix: p, attributes: keep, value: value)))
        switch value {
        case .text(let t): grid[number, default: [:]][cell.column] = .text(t)
        case .empty: break
        case .number(let n), .percent(let n):
          grid[number, default: [:]][cell.column] = .number(n)
        case .date:
          if let n = value.excelSerial(date1904: template1904) {
            grid[number, default: [:]][cell.column] = .number(n)
          }
        }
        continue
      }
      if let f = cell.formula {
        let fe = doc.elements[f]
        var text = doc.text(of: f)
        var isShared = false
        if fe.attribute("t") == "shared", let si = fe.attribute("si"), let m = shared[si] {
          isShared = true
          if fe.attribute("ref") == nil {
            text = FormulaReferences.translate(
              m.text, rows: template - m.row, columns: cell.column - m.column)
          }
        }
        let (rewritten, touched) = rewrite(text, sheet: sheet, host: out.host)
        let rebuild =
          touched || rewritten != text || (isShared && !sheet.map.isIdentity)
          || sheet.part != sheet.source.part
        if rebuild {
          anyFormulaRebuilt = true
          var fAttributes = ""
          if fe.attribute("t") == "array", let r = fe.attribute("ref"),
            let range = CellRange(r)
          {
            let moved =
              sheet.map.range(range.start.row, range.end.row, host: out.host)
              ?? (range.start.row, range.end.row)
            let new = CellRange(
              CellReference(row: moved.0, column: range.start.column),
              CellReference(row: moved.1, column: range.end.column))
            fAttributes = " t=\"array\" ref=\"\(new.description)\""
          }
          let xml =
            "<\(p)c\(keep)><\(fe.name)\(fAttributes)>\(XMLSpanDocument.escape(rewritten))</\(fe.name)></\(p)c>"
          local.append((c.start..<c.end, xml))
          continue
        }
        if let v = doc.child(of: cell.element, named: "v") {
          let t = doc.text(of: v)
          if c.attribute("t") == "str" {
            grid[number, default: [:]][cell.column] = .text(t)
          } else if let n = Double(t), c.attribute("t") == nil || c.attribute("t") == "n" {
            grid[number, default: [:]][cell.column] = .number(n)
          }
        }
      } else if let text = cell.text {
        grid[number, default: [:]][cell.column] = .text(text)
      } else if let v = doc.child(of: cell.element, named: "v"), let n = Double(doc.text(of: v)),
        c.attribute("t") == nil || c.attribute("t") == "n"
      {
        grid[number, default: [:]][cell.column] = .number(n)
      }
      if number != template, c.attribute("r") != nil {
        local.append(Self.attribute("r", ref, of: c))
      }
    }
    let text = Self.splice(doc.bytes, e.start..<e.end, local)
    return (text, !local.isEmpty)
  }

  var template1904: Bool { template.date1904 }

  func cellXML(prefix p: String, attributes: String, value: TemplateValue) -> String {
    switch value {
    case .empty: return "<\(p)c\(attributes)/>"
    case .text(let t):
      return
        "<\(p)c\(attributes) t=\"inlineStr\"><\(p)is><\(p)t xml:space=\"preserve\">\(XMLSpanDocument.escape(t))</\(p)t></\(p)is></\(p)c>"
    case .number(let n), .percent(let n):
      return "<\(p)c\(attributes)><\(p)v>\(Self.number(n))</\(p)v></\(p)c>"
    case .date:
      guard let n = value.excelSerial(date1904: template1904) else {
        return "<\(p)c\(attributes)/>"
      }
      return "<\(p)c\(attributes)><\(p)v>\(Self.number(n))</\(p)v></\(p)c>"
    }
  }

  static func number(_ n: Double) -> String {
    if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
    return "\(n)"
  }

  static func attribute(_ name: String, _ value: String, of e: XMLSpanDocument.Element) -> (
    Range<Int>, String
  ) {
    if let a = e.attributes.first(where: { $0.name == name }) {
      return (a.valueRange, XMLSpanDocument.escape(value))
    }
    let at = e.start + 1 + e.name.utf8.count
    return (at..<at, " \(name)=\"\(XMLSpanDocument.escape(value))\"")
  }

  /// The bytes of `range` with replacements applied (ranges inside it, not overlapping).
  static func splice(_ bytes: [UInt8], _ range: Range<Int>, _ edits: [(Range<Int>, String)])
    -> String
  {
    var out: [UInt8] = []
    var position = range.lowerBound
    for (r, text) in edits.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
      if r.lowerBound > position { out.append(contentsOf: bytes[position..<r.lowerBound]) }
      out.append(contentsOf: Array(text.utf8))
      position = max(position, r.upperBound)
    }
    if position < range.upperBound { out.append(contentsOf: bytes[position..<range.upperBound]) }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: - Sheet constructs

  /// Ranges of the sheet outside `sheetData`: dimension, merged cells, conditional formats,
  /// data validations, hyperlinks, auto filter, row breaks, ignored errors, header/footer.
  mutating func sheetElements(_ sheet: OutputSheet, doc: XMLSpanDocument, edits: inout XMLEdits) {
    let map = sheet.map
    let p = doc.root.prefix
    /// A range of a conditional format or validation: one inside a block's body applies to
    /// every instance (consecutive instances make one range).
    func moveSqref(_ text: String) -> String {
      text.split(separator: " ").flatMap { part -> [String] in
        guard let range = CellRange(String(part)) else { return [String(part)] }
        if let copies = perInstance(range) {
          var merged: [CellRange] = []
          for c in copies {
            if let last = merged.last, last.end.row + 1 == c.start.row {
              merged[merged.count - 1] = CellRange(last.start, c.end)
            } else {
              merged.append(c)
            }
          }
          return merged.map(\.description)
        }
        return moveRange(range).map { [$0.description] } ?? []
      }.joined(separator: " ")
    }
    /// Ranges wholly inside one block's body are repeated per instance.
    func perInstance(_ range: CellRange) -> [CellRange]? {
      guard let b = map.block(containing: range.start.row),
        map.block(containing: range.end.row) == b
      else { return nil }
      let block = map.blocks[b]
      guard block.open < range.start.row, range.end.row < block.close else { return nil }
      return block.instances.compactMap { rows in
        guard let s = rows[range.start.row], let e = rows[range.end.row] else { return nil }
        return CellRange(
          CellReference(row: s, column: range.start.column),
          CellReference(row: e, column: range.end.column))
      }
    }
    func moveRange(_ range: CellRange) -> CellRange? {
      if range.start.row == range.end.row, range.start == range.end {
        guard let r = map.cell(range.start.row) else { return nil }
        return CellRange(
          CellReference(row: r, column: range.start.column),
          CellReference(row: r, column: range.start.column))
      }
      guard let (s, e) = map.range(range.start.row, range.end.row) else { return nil }
      return CellRange(
        CellReference(row: s, column: range.start.column),
        CellReference(row: e, column: range.end.column))
    }
    for child in doc.root.children {
      let e = doc.elements[child]
      switch e.localName {
      case "dimension", "autoFilter":
        if !map.isIdentity, let ref = e.attribute("ref"), let range = CellRange(ref),
          let moved = moveRange(range), moved.description != ref
        {
          edits.setAttribute("ref", to: moved.description, of: e)
        }
      case "mergeCells", "hyperlinks":
        guard !map.isIdentity || (e.localName == "hyperlinks" && !renamed.isEmpty) else {
          continue
        }
        var text = ""
        var count = 0
        for item in e.children {
          let ie = doc.elements[item]
          let raw = String(decoding: doc.bytes[ie.start..<ie.end], as: UTF8.self)
          guard let ref = ie.attribute("ref"), let range = CellRange(ref) else {
            text += raw
            count += 1
            continue
          }
          let targets = perInstance(range) ?? moveRange(range).map { [$0] } ?? []
          for t in targets {
            var local: [(Range<Int>, String)] = []
            local.append(Self.attribute("ref", t.description, of: ie))
            if let a = ie.attributes.first(where: { $0.name == "location" }) {
              let (moved, _) = rewrite(a.value, sheet: sheet, host: nil)
              if moved != a.value { local.append((a.valueRange, XMLSpanDocument.escape(moved))) }
            }
            text += Self.splice(doc.bytes, ie.start..<ie.end, local)
            count += 1
          }
        }
        if e.isSelfClosing { continue }
        edits.replace(e.startTagEnd..<e.contentEnd, with: text)
        if e.attribute("count") != nil { edits.setAttribute("count", to: String(count), of: e) }
      case "conditionalFormatting", "dataValidations":
        let items = e.localName == "dataValidations" ? e.children : [child]
        for item in items {
          let ie = doc.elements[item]
          if !map.isIdentity, let sq = ie.attribute("sqref") {
            let moved = moveSqref(sq)
            if moved != sq { edits.setAttribute("sqref", to: moved, of: ie) }
          }
          for f in ie.children {
            var targets = [f]
            if doc.elements[f].localName == "cfRule" { targets = doc.elements[f].children }
            for t in targets where doc.elements[t].localName.hasPrefix("formula") {
              let text = doc.text(of: t)
              let (moved, _) = rewrite(text, sheet: sheet, host: nil)
              if moved != text {
                let te = doc.elements[t]
                edits.replace(te.startTagEnd..<te.contentEnd, with: XMLSpanDocument.escape(moved))
              }
            }
          }
        }
      case "rowBreaks":
        guard !map.isIdentity else { continue }
        for brk in e.children {
          let be = doc.elements[brk]
          if let id = be.attribute("id").flatMap({ Int($0) }), id > 0, let r = map.cell(id),
            r != id
          {
            edits.setAttribute("id", to: String(r), of: be)
          }
        }
      case "ignoredErrors":
        guard !map.isIdentity else { continue }
        for ie in e.children {
          if let sq = doc.elements[ie].attribute("sqref") {
            let moved = moveSqref(sq)
            if moved != sq { edits.setAttribute("sqref", to: moved, of: doc.elements[ie]) }
          }
        }
      case "headerFooter":
        for item in e.children {
          let text = doc.text(of: item)
          let tags = TemplateSyntax.tags(in: text)
          guard !tags.isEmpty else { continue }
          var t = text
          for (range, tag) in tags.reversed() {
            if case .value(let name) = tag {
              // `&` starts a header code; a literal one is written `&&`.
              t.replaceSubrange(
                range,
                with: value(name, sheet.base).displayText.replacingOccurrences(
                  of: "&", with: "&&"))
            }
          }
          let ie = doc.elements[item]
          edits.replace(ie.startTagEnd..<ie.contentEnd, with: XMLSpanDocument.escape(t))
        }
      case "extLst":
        // Excel 2010 extensions (x14 conditional formats such as data bars, validations
        // with lists on other sheets, sparklines): their `xm:sqref` ranges and `xm:f`
        // formulas follow the rows like the plain ones.
        var stack = e.children
        while let item = stack.popLast() {
          let ie = doc.elements[item]
          stack += ie.children
          guard ie.children.isEmpty else { continue }
          let text = doc.text(of: item)
          var moved = text
          // A sparkline is one cell drawn from one range: it moves, it is not repeated.
          let inSparkline = ie.parent.map { doc.elements[$0].localName == "sparkline" } ?? false
          if ie.localName == "sqref", !map.isIdentity {
            moved =
              inSparkline
              ? FormulaReferences.rewriteSqref(text) { map.apply($0) } : moveSqref(text)
          } else if ie.localName == "f" {
            moved = rewrite(text, sheet: sheet, host: nil, expandCells: !inSparkline).0
          }
          if moved != text {
            edits.replace(ie.startTagEnd..<ie.contentEnd, with: XMLSpanDocument.escape(moved))
          }
        }
      case "sheetViews" where sheet.part != sheet.source.part:
        // A per-unit copy does not open selected with the first one.
        for view in e.children where doc.elements[view].attribute("tabSelected") == "1" {
          edits.setAttribute("tabSelected", to: "0", of: doc.elements[view])
        }
      default:
        _ = p
      }
    }
  }
}
