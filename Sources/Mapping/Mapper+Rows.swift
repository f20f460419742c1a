import Canonical
import Foundation
import Spreadsheet

/// A column turned into rows by `unpivot`, with the parts of its header.
struct UnpivotColumn {
  var column: Int
  var parts: [String: String]
}

/// The fields of one row (or one unpivoted cell) after reading.
struct EvaluatedRow {
  var values: [String: FieldValue] = [:]
  var raws: [String: RawValue] = [:]
  var cells: [String: CellReference] = [:]
  var failed: Set<String> = []

  func text(_ field: String) -> String? {
    guard let v = values[field] else { return nil }
    if case .list(let l) = v { return l.first }
    return v.text.flatMap { $0.isEmpty ? nil : $0 }
  }

  func list(_ field: String) -> [String] {
    switch values[field] {
    case .list(let l)?: return l
    case let v?: return v.text.map { [$0] } ?? []
    case nil: return []
    }
  }

  func number(_ field: String) -> Double? {
    if case .number(let n)? = values[field] { return n }
    return nil
  }

  func date(_ field: String) -> CalendarDate? {
    if case .date(let d)? = values[field] { return d }
    return nil
  }

  func period(_ field: String) -> Period? {
    if case .period(let p)? = values[field] { return p }
    return nil
  }

  func bool(_ field: String) -> Bool? {
    if case .bool(let b)? = values[field] { return b }
    return nil
  }
}

/// What one table reads its rows with on one worksheet: the columns bound to its fields and
/// rules, and what was worked out once from the header.
struct TableReading {
  var table: TableMapping
  var layout: TableLayout
  /// The table's label in explanations: its name or `tables[2]`.
  var label: String
  var bindings: [String: Binding]
  /// Each section's own fields, bound to any column of the section row.
  var sectionBindings: [String: [String: Binding]]
  /// The columns of the row rules (`stop_when`, sections, totals, the tree level).
  var conditionColumns: [ColumnSelector: Int]
  /// The tree names of the rows with a known level, by row number.
  var tree: [Int: [String: String]]
  var unpivotColumns: [UnpivotColumn]
  /// Whether the unpivot fields depend only on the column, so are read once per column.
  var columnIndependent: Bool
  /// The `find` words of the mapping's other tables, which end a repeated block.
  var otherHeaders: [[[String]]]
  /// Whether only the section rows make records.
  var sectionsOnly: Bool

  var sheet: Worksheet { layout.sheet }
}

/// Where the walk down a table's rows is.
struct RowWalk {
  var fillState: [String: RawValue] = [:]
  /// The fields of the latest row of each section.
  var sections: [String: [String: String]] = [:]
  /// The regex groups of the latest section row.
  var captures: [String: String] = [:]
  /// The rows of the current section below its section row.
  var sectionBlock: ClosedRange<Int>?
  var seenData = false
  /// Repeating sub-headers: data rows only inside a block that a header row opens.
  var inBlock: Bool
  /// Whether the first section or sub-header has been seen (before it is the title block).
  var started: Bool
  var previousNumber: Int
  /// The row the table ended at, by `stop_at_blank` or `stop_when`.
  var stoppedRow: Int?
  /// Unpivot fields read once per column, by column.
  var columnCache: [Int: EvaluatedRow] = [:]
}

extension MappingRun {
  /// Reads the rows of a table whose header was found: binds its columns, then walks down.
  func mapRows(_ table: TableMapping, layout: TableLayout, run: inout MappingExplanation.TableRun) {
    guard let reading = prepareReading(table, layout: layout, run: &run) else { return }
    walkRows(reading, run: &run)
  }

  // MARK: binding the columns

  /// Binds the table's fields, its rules' columns and its unpivot columns to the header.
  ///
  /// - Returns: `nil` when the table cannot be read (an essential column is missing).
  func prepareReading(
    _ table: TableMapping, layout: TableLayout, run: inout MappingExplanation.TableRun
  ) -> TableReading? {
    guard let (bindings, sectionBindings) = bindFields(table, layout: layout, run: &run),
      let conditionColumns = bindRuleColumns(table, layout: layout, run: &run),
      let unpivotColumns = selectUnpivot(
        table, layout: layout, used: Set(bindings.values.map(\.column)), run: &run)
    else { return nil }
    treeLevels = [:]
    let tree: [Int: [String: String]] =
      table.tree.flatMap { t in
        conditionColumns[t.level].map { treeCaptures(t, layout: layout, levelColumn: $0) }
      } ?? [:]
    let columnIndependent =
      table.unpivot.map { u in
        u.fields.allSatisfy { isColumnIndependent($0, unpivot: u) }
      } ?? false
    let otherHeaders = mapping.tables.enumerated().filter {
      $0.offset != currentTable && !$0.element.header.find.isEmpty
    }.map(\.element.header.find)
    return TableReading(
      table: table, layout: layout, label: table.name ?? "tables[\(currentTable)]",
      bindings: bindings, sectionBindings: sectionBindings, conditionColumns: conditionColumns,
      tree: tree, unpivotColumns: unpivotColumns, columnIndependent: columnIndependent,
      otherHeaders: otherHeaders,
      sectionsOnly: table.fields.isEmpty && table.sections.contains { $0.entity != nil })
  }

  /// Binds the fields, dimensions and section fields to header columns and notes duplicate
  /// header names.
  ///
  /// - Returns: the bindings of the fields and of each section's fields, or `nil` when an
  ///   essential column is missing.
  func bindFields(
    _ table: TableMapping, layout: TableLayout, run: inout MappingExplanation.TableRun
  ) -> (fields: [String: Binding], sections: [String: [String: Binding]])? {
    var bindings: [String: Binding] = [:]
    var complete = true
    for field in table.fields {
      let essential =
        table.entity.essentialFields.contains(field.name) && field.transform.defaultValue == nil
      if !bindField(
        field, key: field.name, essential: essential, layout: layout, into: &bindings, run: &run)
      {
        complete = false
      }
    }
    for field in table.dimensions {
      _ = bindField(
        field, key: "dimensions.\(field.name)", essential: false, layout: layout,
        into: &bindings, run: &run)
    }
    // Section fields may read any column of the section row.
    var sectionBindings: [String: [String: Binding]] = [:]
    for section in table.sections {
      let before = bindings
      for field in section.fields {
        _ = bindField(
          field, key: "section.\(section.name).\(field.name)", essential: false, layout: layout,
          into: &bindings, run: &run)
      }
      var own: [String: Binding] = [:]
      for (key, b) in bindings where before[key] == nil {
        own[String(key.dropFirst("section.\(section.name).".count))] = b
        bindings[key] = nil
      }
      sectionBindings[section.name] = own
    }
    let duplicates = Dictionary(
      grouping: layout.columns.filter { !$0.name.isEmpty },
      by: { "\(TextMatching.normalized($0.group ?? ""))|\(TextMatching.normalized($0.name))" }
    ).filter { $0.value.count > 1 }.map { "\"\($0.value[0].name)\" ×\($0.value.count)" }.sorted()
    if !duplicates.isEmpty {
      run.notes.append("duplicate header names: \(duplicates.joined(separator: ", "))")
    }
    guard complete else {
      run.stoppedAt = "not read: an essential column is missing"
      return nil
    }
    return (bindings, sectionBindings)
  }

  /// Binds one field (each part of a multi-column field) and explains it; reports a column
  /// not found.
  ///
  /// - Returns: `false` when the field is essential and a column of it is missing.
  func bindField(
    _ field: ColumnMapping, key: String, essential: Bool, layout: TableLayout,
    into bindings: inout [String: Binding], run: inout MappingExplanation.TableRun
  ) -> Bool {
    if case .columns(let selectors) = field.source {
      var complete = true
      for (i, selector) in selectors.enumerated() {
        var part = field
        part.source = .column(selector)
        if !bindField(
          part, key: "\(key)#\(i + 1)", essential: essential, layout: layout, into: &bindings,
          run: &run)
        {
          complete = false
        }
      }
      return complete
    }
    guard case .column(let selector) = field.source else { return true }
    if let b = header.bind(selector, in: layout) {
      bindings[key] = b
      run.columns.append(
        .init(
          field: key, wanted: selector.summary, column: CellReference.columnLetters(b.column),
          header: b.header, how: b.how))
      return true
    }
    if field.optional {
      run.columns.append(
        .init(
          field: key, wanted: selector.summary, column: nil, header: nil, how: "absent, optional")
      )
      return true
    }
    run.columns.append(
      .init(field: key, wanted: selector.summary, column: nil, header: nil, how: "not found"))
    let sheet = layout.sheet
    let headerNames = layout.columns.map(\.name).filter { !$0.isEmpty }
    let wanted = selector.names.first ?? selector.regex ?? ""
    let suggestion = TextMatching.suggestion(for: wanted, among: headerNames)
    var arguments = ["column": wanted, "field": key]
    arguments["suggestion"] = suggestion
    log.report(
      MappingDiagnostics.columnNotFound,
      at: SourceLocation(file: workbook.path, sheet: sheet.name, row: layout.headerRow),
      "no column \(selector.summary) for '\(key)' in the header row \(layout.headerRow) of "
        + "\(SourceLocation.quotedSheetName(sheet.name))",
      hint: suggestion.map {
        "did you mean '\($0)'? (add it to the field's column list)"
      } ?? "the header has " + headerNames.prefix(12).map { "'\($0)'" }.joined(separator: ", "),
      arguments: arguments)
    return !essential
  }

  /// Binds the columns the row rules test.
  ///
  /// - Returns: the columns by selector, or `nil` when one is missing (reported).
  func bindRuleColumns(
    _ table: TableMapping, layout: TableLayout, run: inout MappingExplanation.TableRun
  ) -> [ColumnSelector: Int]? {
    var conditionColumns: [ColumnSelector: Int] = [:]
    var conditions =
      table.rows.stopWhen + table.rows.skipWhen + table.rows.keepWhen + table.rows.continuesWhen
    conditions += table.sections.flatMap { [$0.when] + $0.alsoWhen }
    var selectors = conditions.compactMap(\.column)
    if let t = table.rows.totalsColumn { selectors.append(t) }
    if let tree = table.tree { selectors.append(tree.level) }
    for selector in selectors where conditionColumns[selector] == nil {
      if let b = header.bind(selector, in: layout) {
        conditionColumns[selector] = b.column
      } else {
        let headerNames = layout.columns.map(\.name).filter { !$0.isEmpty }
        log.report(
          MappingDiagnostics.columnNotFound,
          at: SourceLocation(file: workbook.path, sheet: layout.sheet.name, row: layout.headerRow),
          "no column \(selector.summary) for a row rule in the header row \(layout.headerRow)",
          hint: TextMatching.suggestion(for: selector.names.first ?? "", among: headerNames).map {
            "did you mean '\($0)'?"
          })
        run.stoppedAt = "not read: a row rule's column is missing"
        return nil
      }
    }
    return conditionColumns
  }

  /// The columns the table's `unpivot` turns into rows, explained.
  ///
  /// - Returns: none without `unpivot`; `nil` when no column matches it (reported).
  func selectUnpivot(
    _ table: TableMapping, layout: TableLayout, used: Set<Int>,
    run: inout MappingExplanation.TableRun
  ) -> [UnpivotColumn]? {
    guard let u = table.unpivot else { return [] }
    let unpivotColumns = selectUnpivotColumns(u, layout: layout, used: used)
    run.unpivoted = unpivotColumns.map { c in
      let head = layout.header(at: c.column)
      var text = "\(CellReference.columnLetters(c.column)) \"\(head?.name ?? "")\""
      if let g = head?.group { text += " under \"\(g)\"" }
      let extra = c.parts.filter {
        !["header", "group", "0"].contains($0.key) && Int($0.key) == nil
      }
      if !extra.isEmpty {
        text +=
          " → "
          + extra.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
            separator: ", ")
      }
      return text
    }
    checkPeriodOrder(u, columns: unpivotColumns, layout: layout)
    if unpivotColumns.isEmpty {
      log.report(
        MappingDiagnostics.columnNotFound,
        at: SourceLocation(file: workbook.path, sheet: layout.sheet.name, row: layout.headerRow),
        "no column of the header row \(layout.headerRow) matches the table's unpivot rule")
      return nil
    }
    return unpivotColumns
  }

  // MARK: walking the rows

  /// Walks down the table's rows: continuation rows merged, section rows, row rules, data
  /// rows; then accounts for the rows after the table's end.
  func walkRows(_ t: TableReading, run: inout MappingExplanation.TableRun) {
    let sheet = t.sheet
    let repeats = t.table.header.repeats
    var walk = RowWalk(inBlock: !repeats, started: !repeats, previousNumber: t.layout.headerRow)
    rowAccount.take(sheet: sheet.name, row: t.layout.headerRow)
    if let g = t.layout.groupRow { rowAccount.take(sheet: sheet.name, row: g) }
    let (mergedRows, continuationRows) = mergeContinuations(
      t.table.rows.continuesWhen, sheet: sheet, after: t.layout.headerRow,
      columns: t.conditionColumns)
    // A repeated sub-header is read from the top, so that the section rows above the first
    // sub-header are seen; rows before the first section or sub-header are the title block.
    let firstRow = repeats ? 1 : t.layout.headerRow + 1
    for sheetRow in sheet.rows where sheetRow.number >= firstRow {
      defer { walk.previousNumber = sheetRow.number }
      if continuationRows.contains(sheetRow.number) {
        rowAccount.take(sheet: sheet.name, row: sheetRow.number)
        run.skipped["continues the row above", default: 0] += 1
        continue
      }
      let row = mergedRows[sheetRow.number] ?? sheetRow
      if !readRow(row, t, walk: &walk, run: &run) { break }
    }
    if let stoppedRow = walk.stoppedRow {
      for row in sheet.rows where row.number >= stoppedRow {
        leave(row, "after the table's end (\(run.stoppedAt ?? "stopped"))", t)
      }
    }
  }

  /// Reads one row of the table.
  ///
  /// - Returns: `false` when the row ends the table.
  func readRow(
    _ row: Row, _ t: TableReading, walk: inout RowWalk, run: inout MappingExplanation.TableRun
  ) -> Bool {
    run.rowsRead += 1
    let gap = row.number > walk.previousNumber + 1
    if row.isBlank || gap { walk.inBlock = false }
    if row.isBlank || gap {
      if t.table.rows.stopAtBlank && walk.seenData {
        run.rowsRead -= row.isBlank ? 0 : 1
        run.stoppedAt =
          "blank row \(row.isBlank ? row.number : walk.previousNumber + 1) (stop_at_blank)"
        walk.stoppedRow = row.number
        return false
      }
      if row.isBlank {
        run.skipped["blank", default: 0] += 1
        return true
      }
    }
    if let c = t.table.rows.stopWhen.first(where: {
      condition($0, row: row, columns: t.conditionColumns) != nil
    }) {
      run.rowsRead -= 1
      run.stoppedAt = "row \(row.number) matches stop_when \(describe(c))"
      walk.stoppedRow = row.number
      return false
    }
    if let (section, groups) = t.table.sections.lazy.compactMap({ s in
      self.sectionMatch(s, row: row, columns: t.conditionColumns).map { (s, $0) }
    }).first {
      readSectionRow(row, section: section, groups: groups, t, walk: &walk, run: &run)
      return true
    }
    if t.sectionsOnly { return true }
    if isDataRow(row, t, walk: &walk, run: &run) {
      readDataRow(row, t, walk: &walk, run: &run)
    }
    return true
  }

  /// A section row: opens the section (its captures, its block of label rows), reads its
  /// fields and makes its record when the section has an entity.
  func readSectionRow(
    _ row: Row, section: SectionSpec, groups: [String: String], _ t: TableReading,
    walk: inout RowWalk, run: inout MappingExplanation.TableRun
  ) {
    let sheet = t.sheet
    walk.captures = groups
    walk.fillState = [:]
    walk.inBlock = false
    walk.started = true
    // The section's own rows, down to the next section row: label/value rows are there.
    let next = sheet.rows.first { r in
      r.number > row.number
        && t.table.sections.contains {
          sectionMatch($0, row: r, columns: t.conditionColumns) != nil
        }
    }
    let last = (next?.number ?? (sheet.rows.last?.number ?? row.number) + 1) - 1
    walk.sectionBlock = last > row.number ? (row.number + 1)...last : nil
    var scope = RowScope(sheet: sheet, row: row, captures: groups, sections: walk.sections)
    scope.block = walk.sectionBlock
    var noFill: [String: RawValue] = [:]
    let ev = evaluate(
      section.fields, entity: section.entity ?? t.table.entity, scope: &scope, row: row,
      bindings: t.sectionBindings[section.name] ?? [:], layout: t.layout, fillDown: [],
      fillState: &noFill,
      block: "section.\(section.name)")
    walk.sections[section.name] = ev.values.compactMapValues(\.text)
    run.skipped["section row (\(section.name))", default: 0] += 1
    rowAccount.take(sheet: sheet.name, row: row.number)
    if let entity = section.entity {
      var anchor: CellReference?
      if let selector = section.when.column, let column = t.conditionColumns[selector] {
        anchor = CellReference(row: row.number, column: column)
      } else if let first = row.cells.first(where: { !RawValue(cell: $0).isBlank }) {
        anchor = CellReference(row: row.number, column: first.column)
      }
      emit(
        entity, ev: ev, table: t.table, scope: scope, row: row, layout: t.layout, run: &run,
        anchor: anchor)
    }
  }

  /// Whether a row is a data row of the table: inside a repeated sub-header's block, not a
  /// total, not skipped, kept. Rows passed over are accounted for.
  func isDataRow(
    _ row: Row, _ t: TableReading, walk: inout RowWalk, run: inout MappingExplanation.TableRun
  ) -> Bool {
    let sheet = t.sheet
    let table = t.table
    if table.header.repeats {
      if header.headerMatches(table.header.find, row: row, sheet: sheet) {
        walk.inBlock = true
        walk.started = true
        rowAccount.take(sheet: sheet.name, row: row.number)
        run.skipped["repeated header row", default: 0] += 1
        return false
      }
      if t.otherHeaders.contains(where: { header.headerMatches($0, row: row, sheet: sheet) }) {
        walk.inBlock = false
        return false
      }
      if !walk.inBlock {
        if !walk.started { return false }
        run.skipped["outside the table's blocks", default: 0] += 1
        leave(row, "outside the table's blocks (no sub-header above it)", t)
        return false
      }
    }
    if !table.rows.skipTotals.isEmpty,
      isTotal(row, rules: table.rows, columns: t.conditionColumns)
    {
      run.skipped["total row", default: 0] += 1
      leave(row, "a total row", t)
      return false
    }
    if table.rows.skipWhen.contains(where: {
      condition($0, row: row, columns: t.conditionColumns) != nil
    }) {
      run.skipped["skip_when", default: 0] += 1
      leave(row, "matches skip_when", t)
      return false
    }
    if !table.rows.keepWhen.allSatisfy({
      condition($0, row: row, columns: t.conditionColumns) != nil
    }) {
      run.skipped["not matching keep_when", default: 0] += 1
      leave(row, "does not match keep_when", t)
      return false
    }
    return true
  }

  /// A data row: reads its fields and makes its record, or one per unpivoted cell.
  func readDataRow(
    _ row: Row, _ t: TableReading, walk: inout RowWalk, run: inout MappingExplanation.TableRun
  ) {
    let table = t.table
    var scope = RowScope(
      sheet: t.sheet, row: row,
      captures: walk.captures.merging(t.tree[row.number] ?? [:]) { section, _ in section },
      sections: walk.sections)
    scope.block = walk.sectionBlock
    let ev = evaluate(
      table.fields
        + table.dimensions.map { d in
          var copy = d
          copy.name = "dimensions.\(d.name)"
          return copy
        }, entity: table.entity, scope: &scope, row: row, bindings: t.bindings,
      layout: t.layout, fillDown: table.fillDown, fillState: &walk.fillState)
    let boundKeys = Set(
      t.bindings.keys.map { $0.split(separator: "#").first.map(String.init) ?? $0 })
    let anyBound = boundKeys.contains { !(ev.raws[$0]?.isBlank ?? true) }
    if !boundKeys.isEmpty && !anyBound && t.unpivotColumns.isEmpty {
      run.skipped["no mapped values", default: 0] += 1
      leave(row, "no value in any mapped column", t)
      return
    }
    walk.seenData = true
    if let u = table.unpivot {
      readUnpivotedRow(row, ev: ev, scope: scope, unpivot: u, t, walk: &walk, run: &run)
    } else {
      let before = run.records
      emit(
        table.entity, ev: ev, table: table, scope: scope, row: row, layout: t.layout, run: &run)
      if run.records == before {
        leave(row, "no record made (see the diagnostics on this row)", t)
      }
    }
  }

  /// The records of an unpivoted data row: a KPI row's own record, then one per cell.
  func readUnpivotedRow(
    _ row: Row, ev: EvaluatedRow, scope: RowScope, unpivot u: UnpivotSpec, _ t: TableReading,
    walk: inout RowWalk, run: inout MappingExplanation.TableRun
  ) {
    let table = t.table
    var made = 0
    if table.entity == .kpi {
      // The row's KPI and target come once; the unpivoted cells are its outcomes.
      var kpiRow = ev
      kpiRow.values["outcome"] = nil
      emit(.kpi, ev: kpiRow, table: table, scope: scope, row: row, layout: t.layout, run: &run)
    }
    let rowCells = ev.cells.mapValues { naming.a1($0) }
    let rowDims = emitter.dimensions(of: ev)
    for column in t.unpivotColumns {
      if readUnpivotedCell(
        row, column: column, ev: ev, scope: scope, unpivot: u,
        rowParts: (cells: rowCells, dims: rowDims), t, walk: &walk, run: &run)
      {
        made += 1
      }
    }
    if made == 0 { run.skipped["no values in the unpivoted columns", default: 0] += 1 }
    if made == 0 && table.entity != .kpi { leave(row, "no values in the unpivoted columns", t) }
  }

  /// One unpivoted cell: the column's fields (read once per column when they depend only on
  /// it), the cell's value and its record.
  ///
  /// - Returns: whether a record was made.
  func readUnpivotedCell(
    _ row: Row, column: UnpivotColumn, ev: EvaluatedRow, scope: RowScope, unpivot u: UnpivotSpec,
    rowParts: (cells: [String: String], dims: [String: String]), _ t: TableReading,
    walk: inout RowWalk, run: inout MappingExplanation.TableRun
  ) -> Bool {
    let table = t.table
    let ref = CellReference(row: row.number, column: column.column)
    let cellRaw = RawValue(cell: row.cell(column: column.column))
    if cellRaw.isBlank && !u.keepBlank { return false }
    var cscope = scope
    for (k, v) in column.parts { cscope.captures[k] = v }
    let extra: EvaluatedRow
    if t.columnIndependent, let cached = walk.columnCache[column.column] {
      extra = cached
    } else {
      var noFill: [String: RawValue] = [:]
      extra = evaluate(
        u.fields, entity: table.entity, scope: &cscope, row: row, bindings: [:],
        layout: t.layout, fillDown: [], fillState: &noFill, column: column, block: "unpivot")
      if t.columnIndependent { walk.columnCache[column.column] = extra }
    }
    var valueField = u.value
    valueField.source = .value("")
    let valueName = valueField.name
    let result = values.read(
      cellRaw, transform: valueField.transform,
      type: valueField.transform.type ?? table.entity.defaultType(of: valueName),
      isList: false, scope: cscope)
    let cellValue: FieldValue
    switch result {
    case .success(let v):
      cellValue = v ?? FieldValue.missing(.blank, token: "")
    case .failure(let f):
      log.report(
        f.code, at: naming.location(sheet: t.sheet, cell: ref, line: row.line), f.message,
        hint: f.hint,
        value: cellRaw.text)
      return false
    }
    if table.entity == .measurement {
      return emitMeasurement(
        row: ev, column: extra, value: cellValue, cell: ref, rowCells: rowParts.cells,
        dims: rowParts.dims, table: table, unpivot: column, row: row, layout: t.layout, run: &run)
    }
    var cev = ev
    for (k, v) in extra.values { cev.values[k] = v }
    for (k, v) in extra.raws { cev.raws[k] = v }
    cev.failed.formUnion(extra.failed)
    cev.cells[valueName] = ref
    cev.raws[valueName] = cellRaw
    cev.values[valueName] = cellValue
    emit(
      table.entity, ev: cev, table: table, scope: cscope, row: row, layout: t.layout, run: &run,
      unpivot: column, anchor: ref)
    return true
  }

  /// Accounts for a row with values the table passed over.
  func leave(_ row: Row, _ reason: String, _ t: TableReading) {
    rowAccount.pass(row, sheet: t.sheet.name, reason: "\(reason) (table \(t.label))")
  }

  /// Whether an unpivot field's value depends only on its column (header parts, context
  /// values, constants), so it can be read once per column.
  func isColumnIndependent(_ field: ColumnMapping, unpivot u: UnpivotSpec) -> Bool {
    var allowed: Set<String> = ["header", "group", "sheet", "file"]
    allowed.formUnion(mapping.context.map(\.name))
    for r in [u.columnsRegex, u.groupRegex].compactMap({ $0 }) {
      allowed.formUnion(MappingValidator.groupNames(r))
    }
    if let d = field.transform.defaultValue,
      !MappingValidator.placeholders(in: d).allSatisfy(allowed.contains)
    {
      return false
    }
    switch field.source {
    case .headerPart, .context, .sheetName: return true
    case .value(let t): return MappingValidator.placeholders(in: t).allSatisfy(allowed.contains)
    default: return false
    }
  }

  func describe(_ c: RowCondition) -> String {
    var parts: [String] = []
    if let col = c.column { parts.append("column \(col.summary)") }
    if !c.equals.isEmpty {
      parts.append("equals \(c.equals.map { "\"\($0)\"" }.joined(separator: "|"))")
    }
    if let r = c.regex { parts.append("/\(r)/") }
    if let b = c.blank { parts.append(b ? "blank" : "not blank") }
    return parts.joined(separator: " ")
  }

  /// Records that span rows: each row matching `continues_when` adds its texts, on a new line,
  /// to the same columns of the nearest row above that does not match.
  ///
  /// - Returns: the merged rows by row number, and the numbers of the continuation rows.
  func mergeContinuations(
    _ conditions: [RowCondition], sheet: Worksheet, after headerRow: Int,
    columns: [ColumnSelector: Int]
  ) -> ([Int: Row], Set<Int>) {
    guard !conditions.isEmpty else { return ([:], []) }
    var merged: [Int: Row] = [:]
    var continuation: Set<Int> = []
    var owner: Int?
    for row in sheet.rows where row.number > headerRow {
      if row.isBlank {
        owner = nil
        continue
      }
      let continues = conditions.contains { condition($0, row: row, columns: columns) != nil }
      guard continues, let o = owner, var target = merged[o] ?? sheet.row(o) else {
        owner = row.number
        continue
      }
      for cell in row.cells where !RawValue(cell: cell).isBlank {
        let text = RawValue(cell: cell).text
        if let i = target.cells.firstIndex(where: { $0.column == cell.column }),
          !RawValue(cell: target.cells[i]).isBlank
        {
          target.cells[i].value = .string(RawValue(cell: target.cells[i]).text + "\n" + text)
        } else {
          target.cells.removeAll { $0.column == cell.column }
          target.cells.append(cell)
          target.cells.sort { $0.column < $1.column }
        }
      }
      merged[o] = target
      continuation.insert(row.number)
    }
    return (merged, continuation)
  }

  /// Tests every condition of a section's `when`; returns their regex groups together, or
  /// `nil` when one fails.
  func sectionMatch(_ s: SectionSpec, row: Row, columns: [ColumnSelector: Int]) -> [String: String]?
  {
    var groups: [String: String] = [:]
    for c in [s.when] + s.alsoWhen {
      guard let g = condition(c, row: row, columns: columns) else { return nil }
      groups.merge(g) { first, _ in first }
    }
    return groups
  }

  /// Tests a row condition; returns the regex groups (empty when no regex) or `nil`.
  func condition(_ c: RowCondition, row: Row, columns: [ColumnSelector: Int]) -> [String: String]? {
    if !c.treeLevel.isEmpty {
      guard let names = treeLevels[row.number],
        c.treeLevel.contains(where: { names.contains(TextMatching.normalized($0)) })
      else { return nil }
      if c.column == nil && c.equals.isEmpty && c.regex == nil && c.blank == nil { return [:] }
    }
    var raw: RawValue
    if let selector = c.column, let column = columns[selector] {
      raw = RawValue(cell: row.cell(column: column))
    } else if c.column == nil {
      raw = RawValue(cell: row.cells.first { !RawValue(cell: $0).isBlank })
    } else {
      return nil
    }
    if let blank = c.blank, raw.isBlank != blank { return nil }
    if !c.equals.isEmpty {
      let n = TextMatching.normalized(raw.text)
      guard c.equals.contains(where: { TextMatching.normalized($0) == n }) else { return nil }
    }
    if let pattern = c.regex {
      return regexes.match(pattern, in: raw.text)
    }
    return [:]
  }

  func isTotal(_ row: Row, rules: RowRules, columns: [ColumnSelector: Int]) -> Bool {
    let raw: RawValue
    if let selector = rules.totalsColumn, let column = columns[selector] {
      raw = RawValue(cell: row.cell(column: column))
    } else {
      raw = RawValue(
        cell: row.cells.first {
          if case .string = $0.value { return !RawValue(cell: $0).isBlank } else { return false }
        })
    }
    let n = TextMatching.normalized(raw.text)
    return !n.isEmpty && rules.skipTotals.contains { TextMatching.normalized($0) == n }
  }

  func selectUnpivotColumns(_ u: UnpivotSpec, layout: TableLayout, used: Set<Int>)
    -> [UnpivotColumn]
  {
    var out: [UnpivotColumn] = []
    let byColumns = !u.columns.isEmpty || u.columnsRegex != nil || u.allOtherColumns
    let byGroup = !u.groups.isEmpty || u.groupRegex != nil
    for c in layout.columns where !used.contains(c.column) {
      if u.except.contains(where: { header.matches(c.name, $0) != nil }) { continue }
      var parts: [String: String] = ["header": c.name, "group": c.group ?? ""]
      if byColumns {
        var ok = false
        if u.allOtherColumns && !c.name.isEmpty { ok = true }
        if u.columns.contains(where: { header.matches(c.name, $0) != nil }) { ok = true }
        if let r = u.columnsRegex, let groups = regexes.match(r, in: c.name) {
          ok = true
          for (k, v) in groups where Int(k) == nil { parts[k] = v }
        }
        if !ok { continue }
      }
      if byGroup {
        guard let g = c.group, !g.isEmpty else { continue }
        var ok = u.groups.contains { header.matches(g, $0) != nil }
        if let r = u.groupRegex, let groups = regexes.match(r, in: g) {
          ok = true
          for (k, v) in groups where Int(k) == nil { parts[k] = v }
        }
        if !ok { continue }
      }
      if c.name.isEmpty && (c.group ?? "").isEmpty { continue }
      out.append(UnpivotColumn(column: c.column, parts: parts))
    }
    return out
  }

  func checkPeriodOrder(_ u: UnpivotSpec, columns: [UnpivotColumn], layout: TableLayout) {
    guard u.order != .any else { return }
    let periodField = u.fields.first { $0.name == "period" }
    var previous: Period?
    for c in columns {
      var text = c.parts["period"] ?? c.parts["header"] ?? ""
      if case .headerPart(let part)? = periodField?.source { text = c.parts[part] ?? text }
      guard let p = Period(parsing: text), p != previous else { continue }
      if let prev = previous {
        let wrong = u.order == .newestFirst ? !(p < prev) : !(prev < p)
        if wrong {
          log.report(
            MappingDiagnostics.periodOrder, .warning,
            at: SourceLocation(
              file: workbook.path, sheet: layout.sheet.name,
              cell: CellReference(row: layout.headerRow, column: c.column)),
            "the period column '\(text)' breaks the \(u.order.rawValue) order after '\(prev.id)'",
            hint: "a column may have moved; the values are still read by their own header")
        }
      }
      previous = p
    }
  }
}
