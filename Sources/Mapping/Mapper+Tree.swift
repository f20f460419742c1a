import Spreadsheet

extension MappingRun {
  /// The tree names of every row with a known level, by row number: the parent is the nearest
  /// row above at the level above (the rows between two levels' rows do not matter).
  func treeCaptures(_ tree: TreeSpec, layout: TableLayout, levelColumn: Int)
    -> [Int: [String: String]]
  {
    var out: [Int: [String: String]] = [:]
    var counts = Array(repeating: 0, count: tree.levels.count)
    // The id of the latest row at each level; deeper levels are cleared by a new row.
    var open: [String?] = Array(repeating: nil, count: tree.levels.count)
    let names = tree.levels.map { Set($0.names.map(TextMatching.normalized)) }
    let below = layout.sheet.rows.filter { $0.number > layout.headerRow }
    // By indentation: the distinct indents of the column's non-blank cells, smallest first.
    let indents = Array(
      Set(
        below.compactMap { r -> UInt8? in
          guard let c = r.cell(column: levelColumn), !RawValue(cell: c).isBlank else { return nil }
          return c.indent
        })
    ).sorted()
    treeLevels = [:]
    for row in below {
      let cell = row.cell(column: levelColumn)
      let level: Int
      let written: String
      if tree.byIndent {
        guard let cell, !RawValue(cell: cell).isBlank,
          let i = indents.firstIndex(of: cell.indent), i < tree.levels.count
        else { continue }
        level = i
        written = tree.levels[i].names.first ?? String(i + 1)
      } else {
        let text = TextMatching.normalized(RawValue(cell: cell).text)
        guard !text.isEmpty, let i = names.firstIndex(where: { $0.contains(text) }) else {
          continue
        }
        level = i
        written = RawValue(cell: cell).text
      }
      treeLevels[row.number] = names[level]
      counts[level] += 1
      var captures = [
        "tree_level": written,
        "tree_number": String(counts[level]),
      ]
      let scope = RowScope(sheet: layout.sheet, row: row, captures: captures)
      let id = tree.levels[level].id.map { values.expand($0, scope: scope) }
      captures["tree_id"] = id ?? ""
      captures["tree_parent"] = level > 0 ? open[level - 1] ?? "" : ""
      open[level] = id
      for deeper in (level + 1)..<max(level + 1, tree.levels.count) { open[deeper] = nil }
      out[row.number] = captures
    }
    return out
  }
}

extension MappingRun {
  /// The value of a label/value row within some rows: the first row whose first non-empty
  /// cell is one of the labels (a trailing `:` ignored) gives the next non-empty cell to the
  /// right; a first cell `Label: value` gives the text after the colon.
  func labelValue(_ labels: [String], in sheet: Worksheet, rows: ClosedRange<Int>?)
    -> (value: RawValue, cell: CellReference)?
  {
    guard let rows else { return nil }
    let wanted = labels.map(TextMatching.normalized)
    for row in sheet.rows where rows.contains(row.number) {
      let filled = row.cells.filter { !RawValue(cell: $0).isBlank }
      guard let first = filled.first else { continue }
      let text = RawValue(cell: first).text
      let n = TextMatching.normalized(text)
      if wanted.contains(n) {
        if let value = filled.dropFirst().first {
          return (RawValue(cell: value), CellReference(row: row.number, column: value.column))
        }
        return (.blank, CellReference(row: row.number, column: first.column + 1))
      }
      if let colon = text.firstIndex(of: ":"),
        wanted.contains(TextMatching.normalized(String(text[..<colon])))
      {
        let rest = TextMatching.trimmed(String(text[text.index(after: colon)...]))
        return (RawValue(text: rest), CellReference(row: row.number, column: first.column))
      }
    }
    return nil
  }
}
