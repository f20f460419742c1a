import Spreadsheet

/// A header column: its position, its text and the text of the group above it.
struct HeaderColumn {
  var column: Int
  var name: String
  var group: String?
}

/// Where a table sits on a worksheet.
struct TableLayout {
  var sheet: Worksheet
  var headerRow: Int
  var groupRow: Int?
  var columns: [HeaderColumn]
  var reason: String

  func header(at column: Int) -> HeaderColumn? { columns.first { $0.column == column } }
}

/// A column found for a selector.
struct Binding {
  var column: Int
  var header: String
  var how: String
}

/// Finds where a table sits on a worksheet: its header row (fixed, by `find` words, or the row
/// naming the most mapped columns), the header's columns and groups, and the column each
/// selector names.
struct HeaderLocator {
  let regexes: RegexCache

  /// Why no header row was found, for the explanation and the diagnostic.
  func missReason(_ table: TableMapping) -> String {
    if let row = table.header.row { return "row \(row) is empty" }
    if !table.header.find.isEmpty {
      return "no row has all of "
        + table.header.find.map { $0.map { "\"\($0)\"" }.joined(separator: "/") }.joined(
          separator: ", ")
    }
    return "no row names any of the mapped columns"
  }

  /// The table's header row on a worksheet and the columns under it, or `nil`.
  func findHeader(_ table: TableMapping, in sheet: Worksheet) -> TableLayout? {
    let spec = table.header
    if let row = spec.row {
      guard sheet.row(row) != nil || sheet.rows.contains(where: { $0.number > row }) else {
        return nil
      }
      return layout(sheet, headerRow: row, spec: spec, reason: "fixed row \(row)")
    }
    let top = sheet.rows.prefix { $0.number <= spec.within }
    if !spec.find.isEmpty {
      for row in top {
        let texts = headerTexts(sheet, row: row.number)
        let all = spec.find.allSatisfy { synonyms in
          synonyms.contains { word in texts.contains { headerStarts($0, with: word) } }
        }
        if all {
          let words = spec.find.map { $0.first ?? "" }.map { "\"\($0)\"" }.joined(separator: ", ")
          return layout(
            sheet, headerRow: row.number, spec: spec,
            reason: "first row within \(spec.within) with \(words)")
        }
      }
      return nil
    }
    // No row or find: the row naming the most mapped columns.
    var selectors = table.fields.compactMap { f -> ColumnSelector? in
      if case .column(let s) = f.source, !s.names.isEmpty || s.regex != nil { return s }
      return nil
    }
    selectors += table.dimensions.compactMap { f -> ColumnSelector? in
      if case .column(let s) = f.source, !s.names.isEmpty || s.regex != nil { return s }
      return nil
    }
    if let u = table.unpivot, !u.columns.isEmpty {
      selectors += u.columns.map { ColumnSelector(names: [$0]) }
    }
    guard !selectors.isEmpty else {
      guard let first = top.first(where: { !$0.isBlank }) else { return nil }
      return layout(sheet, headerRow: first.number, spec: spec, reason: "first non-empty row")
    }
    var best: (row: Int, score: Int)?
    for row in top {
      let texts = headerTexts(sheet, row: row.number)
      let score = selectors.filter { s in
        texts.contains { t in
          s.names.contains { matches(t, $0) != nil }
            || (s.regex.map { regexes.match($0, in: t) != nil } ?? false)
        }
      }.count
      if score > (best?.score ?? 0) { best = (row.number, score) }
    }
    guard let best else { return nil }
    return layout(
      sheet, headerRow: best.row, spec: spec,
      reason: "names \(best.score) of the \(selectors.count) mapped columns (the most of any row "
        + "within \(spec.within))")
  }

  /// The header texts of a row, merged ranges followed.
  func headerTexts(_ sheet: Worksheet, row: Int) -> [String] {
    guard let r = sheet.row(row) else { return [] }
    return r.cells.map { TextMatching.trimmed($0.value.displayText) }.filter { !$0.isEmpty }
  }

  /// Whether a header cell is a `find` word: equal to it, or beginning with it as a whole word
  /// (`Målvärde 2026` for `Målvärde`, `Utfall (%)` for `Utfall`).
  func headerStarts(_ header: String, with word: String) -> Bool {
    if matches(header, word) != nil { return true }
    let h = TextMatching.normalized(header)
    let w = TextMatching.normalized(word)
    guard !w.isEmpty, h.hasPrefix(w), let next = h.dropFirst(w.count).first else { return false }
    return next == " " || next == "(" || next == ","
  }

  /// How a header text matches a wanted name: `name` (normalized equal) or
  /// `name (letters and digits only)`, or `nil`.
  func matches(_ header: String, _ wanted: String) -> String? {
    if TextMatching.normalized(header) == TextMatching.normalized(wanted) { return "name" }
    let loose = TextMatching.loose(wanted)
    if !loose.isEmpty && TextMatching.loose(header) == loose {
      return "name (letters and digits only)"
    }
    return nil
  }

  func layout(_ sheet: Worksheet, headerRow: Int, spec: HeaderSpec, reason: String) -> TableLayout {
    var columns: [Int: HeaderColumn] = [:]
    var lastColumn = sheet.row(headerRow)?.cells.last?.column ?? 0
    let groupRow = spec.rows == 2 && headerRow > 1 ? headerRow - 1 : nil
    if let g = groupRow { lastColumn = max(lastColumn, sheet.row(g)?.cells.last?.column ?? 0) }
    for range in sheet.mergedRanges where range.start.row <= headerRow && range.end.row >= headerRow
    {
      lastColumn = max(lastColumn, range.end.column)
    }
    guard lastColumn > 0 else {
      return TableLayout(
        sheet: sheet, headerRow: headerRow, groupRow: groupRow, columns: [], reason: reason)
    }
    var currentGroup: String?
    for c in 1...lastColumn {
      let ref = CellReference(row: headerRow, column: c)
      let name = TextMatching.trimmed(sheet.displayedValue(at: ref)?.displayText ?? "")
      var group: String?
      if let g = groupRow {
        let gref = CellReference(row: g, column: c)
        let merged = sheet.mergedRanges.first { $0.contains(gref) }
        if let merged, merged.contains(ref) {
          group = nil
        } else {
          let text = TextMatching.trimmed(sheet.displayedValue(at: gref)?.displayText ?? "")
          if !text.isEmpty {
            group = text
            currentGroup = text
          } else if spec.groupFillRight, merged == nil, !name.isEmpty {
            group = currentGroup
          }
        }
      }
      if !name.isEmpty || group != nil {
        columns[c] = HeaderColumn(column: c, name: name, group: group)
      }
    }
    return TableLayout(
      sheet: sheet, headerRow: headerRow, groupRow: groupRow,
      columns: columns.keys.sorted().compactMap { columns[$0] }, reason: reason)
  }

  /// Finds the column a selector names.
  func bind(_ selector: ColumnSelector, in layout: TableLayout) -> Binding? {
    let inGroup: (HeaderColumn) -> Bool = { column in
      selector.groups.isEmpty
        || selector.groups.contains { g in column.group.map { self.matches($0, g) != nil } ?? false
        }
    }
    if let position = selector.position {
      let h = layout.header(at: position)
      return Binding(column: position, header: h?.name ?? "", how: "position")
    }
    for name in selector.names {
      for exact in [true, false] {
        let found = layout.columns.filter { c in
          guard inGroup(c) else { return false }
          let how = matches(c.name, name)
          return exact ? how == "name" : how != nil
        }
        if found.count >= selector.occurrence {
          let c = found[selector.occurrence - 1]
          var how = exact ? "name" : "name (letters and digits only)"
          if !selector.groups.isEmpty { how += " under \"\(c.group ?? "")\"" }
          if found.count > 1 { how += ", occurrence \(selector.occurrence) of \(found.count)" }
          return Binding(column: c.column, header: c.name, how: how)
        }
      }
    }
    if let pattern = selector.regex {
      let found = layout.columns.filter {
        inGroup($0) && regexes.match(pattern, in: $0.name) != nil
      }
      if found.count >= selector.occurrence {
        let c = found[selector.occurrence - 1]
        return Binding(column: c.column, header: c.name, how: "regex")
      }
    }
    return nil
  }
  /// Whether a row has every `find` entry of a header (a repeated sub-header).
  func headerMatches(_ find: [[String]], row: Row, sheet: Worksheet) -> Bool {
    guard !find.isEmpty else { return false }
    let texts = headerTexts(sheet, row: row.number)
    return find.allSatisfy { synonyms in
      synonyms.contains { word in texts.contains { headerStarts($0, with: word) } }
    }
  }

}
