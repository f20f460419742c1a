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
    for row in layout.sheet.rows where row.number > layout.headerRow {
      let text = TextMatching.normalized(RawValue(cell: row.cell(column: levelColumn)).text)
      guard !text.isEmpty, let level = names.firstIndex(where: { $0.contains(text) }) else {
        continue
      }
      counts[level] += 1
      var captures = [
        "tree_level": RawValue(cell: row.cell(column: levelColumn)).text,
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
