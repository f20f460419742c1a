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

extension MappingRun {
  func mapRows(_ table: TableMapping, layout: TableLayout, run: inout MappingExplanation.TableRun) {
    let sheet = layout.sheet
    // Bind columns.
    var bindings: [String: Binding] = [:]
    var abort = false
    let headerLocation = SourceLocation(
      file: workbook.path, sheet: sheet.name, row: layout.headerRow)
    let headerNames = layout.columns.map(\.name).filter { !$0.isEmpty }
    func bindField(_ field: ColumnMapping, key: String, essential: Bool) {
      if case .columns(let selectors) = field.source {
        for (i, selector) in selectors.enumerated() {
          var part = field
          part.source = .column(selector)
          bindField(part, key: "\(key)#\(i + 1)", essential: essential)
        }
        return
      }
      guard case .column(let selector) = field.source else { return }
      if let b = bind(selector, in: layout) {
        bindings[key] = b
        run.columns.append(
          .init(
            field: key, wanted: selector.summary, column: CellReference.columnLetters(b.column),
            header: b.header, how: b.how))
        return
      }
      if field.optional {
        run.columns.append(
          .init(
            field: key, wanted: selector.summary, column: nil, header: nil, how: "absent, optional")
        )
        return
      }
      run.columns.append(
        .init(field: key, wanted: selector.summary, column: nil, header: nil, how: "not found"))
      let wanted = selector.names.first ?? selector.regex ?? ""
      let suggestion = TextMatching.suggestion(for: wanted, among: headerNames)
      var arguments = ["column": wanted, "field": key]
      arguments["suggestion"] = suggestion
      report(
        MappingDiagnostics.columnNotFound, at: headerLocation,
        "no column \(selector.summary) for '\(key)' in the header row \(layout.headerRow) of "
          + "\(SourceLocation.quotedSheetName(sheet.name))",
        hint: suggestion.map {
          "did you mean '\($0)'? (add it to the field's column list)"
        } ?? "the header has " + headerNames.prefix(12).map { "'\($0)'" }.joined(separator: ", "),
        arguments: arguments)
      if essential { abort = true }
    }
    for field in table.fields {
      bindField(
        field, key: field.name,
        essential: table.entity.essentialFields.contains(field.name)
          && field.transform.defaultValue == nil)
    }
    for field in table.dimensions {
      bindField(field, key: "dimensions.\(field.name)", essential: false)
    }
    // Section fields may read any column of the section row.
    var sectionBindings: [String: [String: Binding]] = [:]
    for section in table.sections {
      let before = bindings
      for field in section.fields {
        bindField(field, key: "section.\(section.name).\(field.name)", essential: false)
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
    guard !abort else {
      run.stoppedAt = "not read: an essential column is missing"
      return
    }
    var conditionColumns: [ColumnSelector: Int] = [:]
    var conditions =
      table.rows.stopWhen + table.rows.skipWhen + table.rows.keepWhen + table.rows.continuesWhen
    conditions += table.sections.flatMap { [$0.when] + $0.alsoWhen }
    var selectors = conditions.compactMap(\.column)
    if let t = table.rows.totalsColumn { selectors.append(t) }
    if let tree = table.tree { selectors.append(tree.level) }
    for selector in selectors where conditionColumns[selector] == nil {
      if let b = bind(selector, in: layout) {
        conditionColumns[selector] = b.column
      } else {
        report(
          MappingDiagnostics.columnNotFound, at: headerLocation,
          "no column \(selector.summary) for a row rule in the header row \(layout.headerRow)",
          hint: TextMatching.suggestion(for: selector.names.first ?? "", among: headerNames).map {
            "did you mean '\($0)'?"
          })
        run.stoppedAt = "not read: a row rule's column is missing"
        return
      }
    }
    treeLevels = [:]
    let tree: [Int: [String: String]] =
      table.tree.flatMap { t in
        conditionColumns[t.level].map { treeCaptures(t, layout: layout, levelColumn: $0) }
      } ?? [:]
    // Unpivot columns.
    var unpivotColumns: [UnpivotColumn] = []
    if let u = table.unpivot {
      unpivotColumns = selectUnpivotColumns(
        u, layout: layout, used: Set(bindings.values.map(\.column)))
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
        report(
          MappingDiagnostics.columnNotFound, at: headerLocation,
          "no column of the header row \(layout.headerRow) matches the table's unpivot rule")
        return
      }
    }

    // Unpivot fields that depend only on the column are read once per column.
    var columnCache: [Int: EvaluatedRow] = [:]
    let columnIndependent =
      table.unpivot.map { u in
        u.fields.allSatisfy { isColumnIndependent($0, unpivot: u) }
      } ?? false

    // Rows.
    var fillState: [String: RawValue] = [:]
    var sections: [String: [String: String]] = [:]
    var captures: [String: String] = [:]
    var sectionBlock: ClosedRange<Int>?
    var seenData = false
    // Repeating sub-headers: data rows only inside a block that a header row opens.
    var inBlock = true
    let otherHeaders = mapping.tables.enumerated().filter {
      $0.offset != currentTable && !$0.element.header.find.isEmpty
    }.map(\.element.header.find)
    let sectionsOnly = table.fields.isEmpty && table.sections.contains { $0.entity != nil }
    var previousNumber = layout.headerRow
    let tableLabel = table.name ?? "tables[\(currentTable)]"
    func leave(_ row: Row, _ reason: String) {
      rowAccount.pass(row, sheet: sheet.name, reason: "\(reason) (table \(tableLabel))")
    }
    rowAccount.take(sheet: sheet.name, row: layout.headerRow)
    if let g = layout.groupRow { rowAccount.take(sheet: sheet.name, row: g) }
    var stoppedRow: Int?
    let (mergedRows, continuationRows) = mergeContinuations(
      table.rows.continuesWhen, sheet: sheet, after: layout.headerRow, columns: conditionColumns)
    // A repeated sub-header is read from the top, so that the section rows above the first
    // sub-header are seen; rows before the first section or sub-header are the title block.
    let firstRow = table.header.repeats ? 1 : layout.headerRow + 1
    var started = !table.header.repeats
    if table.header.repeats { inBlock = false }
    for sheetRow in sheet.rows where sheetRow.number >= firstRow {
      defer { previousNumber = sheetRow.number }
      if continuationRows.contains(sheetRow.number) {
        rowAccount.take(sheet: sheet.name, row: sheetRow.number)
        run.skipped["continues the row above", default: 0] += 1
        continue
      }
      let row = mergedRows[sheetRow.number] ?? sheetRow
      run.rowsRead += 1
      let gap = row.number > previousNumber + 1
      if row.isBlank || gap { inBlock = false }
      if row.isBlank || gap {
        if table.rows.stopAtBlank && seenData {
          run.rowsRead -= row.isBlank ? 0 : 1
          run.stoppedAt =
            "blank row \(row.isBlank ? row.number : previousNumber + 1) (stop_at_blank)"
          stoppedRow = row.number
          break
        }
        if row.isBlank {
          run.skipped["blank", default: 0] += 1
          continue
        }
      }
      if let c = table.rows.stopWhen.first(where: {
        condition($0, row: row, columns: conditionColumns) != nil
      }) {
        run.rowsRead -= 1
        run.stoppedAt = "row \(row.number) matches stop_when \(describe(c))"
        stoppedRow = row.number
        break
      }
      if let (section, groups) = table.sections.lazy.compactMap({ s in
        self.sectionMatch(s, row: row, columns: conditionColumns).map { (s, $0) }
      }).first {
        captures = groups
        fillState = [:]
        inBlock = false
        started = true
        // The section's own rows, down to the next section row: label/value rows are there.
        let next = sheet.rows.first { r in
          r.number > row.number
            && table.sections.contains {
              sectionMatch($0, row: r, columns: conditionColumns) != nil
            }
        }
        let last = (next?.number ?? (sheet.rows.last?.number ?? row.number) + 1) - 1
        sectionBlock = last > row.number ? (row.number + 1)...last : nil
        var scope = RowScope(sheet: sheet, row: row, captures: groups, sections: sections)
        scope.block = sectionBlock
        var noFill: [String: RawValue] = [:]
        let ev = evaluate(
          section.fields, entity: section.entity ?? table.entity, scope: &scope, row: row,
          bindings: sectionBindings[section.name] ?? [:], layout: layout, fillDown: [],
          fillState: &noFill,
          block: "section.\(section.name)")
        sections[section.name] = ev.values.compactMapValues(\.text)
        run.skipped["section row (\(section.name))", default: 0] += 1
        rowAccount.take(sheet: sheet.name, row: row.number)
        if let entity = section.entity {
          var anchor: CellReference?
          if let selector = section.when.column, let column = conditionColumns[selector] {
            anchor = CellReference(row: row.number, column: column)
          } else if let first = row.cells.first(where: { !RawValue(cell: $0).isBlank }) {
            anchor = CellReference(row: row.number, column: first.column)
          }
          emit(
            entity, ev: ev, table: table, scope: scope, row: row, layout: layout, run: &run,
            anchor: anchor)
        }
        continue
      }
      if sectionsOnly { continue }
      if table.header.repeats {
        if headerMatches(table.header.find, row: row, sheet: sheet) {
          inBlock = true
          started = true
          rowAccount.take(sheet: sheet.name, row: row.number)
          run.skipped["repeated header row", default: 0] += 1
          continue
        }
        if otherHeaders.contains(where: { headerMatches($0, row: row, sheet: sheet) }) {
          inBlock = false
          continue
        }
        if !inBlock {
          if !started { continue }
          run.skipped["outside the table's blocks", default: 0] += 1
          leave(row, "outside the table's blocks (no sub-header above it)")
          continue
        }
      }
      if !table.rows.skipTotals.isEmpty, isTotal(row, rules: table.rows, columns: conditionColumns)
      {
        run.skipped["total row", default: 0] += 1
        leave(row, "a total row")
        continue
      }
      if table.rows.skipWhen.contains(where: {
        condition($0, row: row, columns: conditionColumns) != nil
      }) {
        run.skipped["skip_when", default: 0] += 1
        leave(row, "matches skip_when")
        continue
      }
      if !table.rows.keepWhen.allSatisfy({
        condition($0, row: row, columns: conditionColumns) != nil
      }) {
        run.skipped["not matching keep_when", default: 0] += 1
        leave(row, "does not match keep_when")
        continue
      }
      var scope = RowScope(
        sheet: sheet, row: row,
        captures: captures.merging(tree[row.number] ?? [:]) { section, _ in section },
        sections: sections)
      scope.block = sectionBlock
      let ev = evaluate(
        table.fields
          + table.dimensions.map { d in
            var copy = d
            copy.name = "dimensions.\(d.name)"
            return copy
          }, entity: table.entity, scope: &scope, row: row, bindings: bindings,
        layout: layout, fillDown: table.fillDown, fillState: &fillState)
      let boundKeys = Set(
        bindings.keys.map { $0.split(separator: "#").first.map(String.init) ?? $0 })
      let anyBound = boundKeys.contains { !(ev.raws[$0]?.isBlank ?? true) }
      if !boundKeys.isEmpty && !anyBound && unpivotColumns.isEmpty {
        run.skipped["no mapped values", default: 0] += 1
        leave(row, "no value in any mapped column")
        continue
      }
      seenData = true
      if let u = table.unpivot {
        var made = 0
        if table.entity == .kpi {
          // The row's KPI and target come once; the unpivoted cells are its outcomes.
          var kpiRow = ev
          kpiRow.values["outcome"] = nil
          emit(.kpi, ev: kpiRow, table: table, scope: scope, row: row, layout: layout, run: &run)
        }
        let rowCells = ev.cells.mapValues { a1($0) }
        let rowDims = dimensions(of: ev)
        for column in unpivotColumns {
          let ref = CellReference(row: row.number, column: column.column)
          let cellRaw = RawValue(cell: row.cell(column: column.column))
          if cellRaw.isBlank && !u.keepBlank { continue }
          var cscope = scope
          for (k, v) in column.parts { cscope.captures[k] = v }
          let extra: EvaluatedRow
          if columnIndependent, let cached = columnCache[column.column] {
            extra = cached
          } else {
            var noFill: [String: RawValue] = [:]
            extra = evaluate(
              u.fields, entity: table.entity, scope: &cscope, row: row, bindings: [:],
              layout: layout, fillDown: [], fillState: &noFill, column: column, block: "unpivot")
            if columnIndependent { columnCache[column.column] = extra }
          }
          var valueField = u.value
          valueField.source = .value("")
          let valueName = valueField.name
          let result = read(
            cellRaw, transform: valueField.transform,
            type: valueField.transform.type ?? table.entity.defaultType(of: valueName),
            isList: false, scope: cscope)
          let cellValue: FieldValue
          switch result {
          case .success(let v):
            cellValue = v ?? FieldValue.missing(.blank, token: "")
          case .failure(let f):
            report(
              f.code, at: location(sheet: sheet, cell: ref, line: row.line), f.message,
              hint: f.hint,
              value: cellRaw.text)
            continue
          }
          if table.entity == .measurement {
            if emitMeasurement(
              row: ev, column: extra, value: cellValue, cell: ref, rowCells: rowCells,
              dims: rowDims, table: table, unpivot: column, row: row, layout: layout, run: &run)
            {
              made += 1
            }
            continue
          }
          var cev = ev
          for (k, v) in extra.values { cev.values[k] = v }
          for (k, v) in extra.raws { cev.raws[k] = v }
          cev.failed.formUnion(extra.failed)
          cev.cells[valueName] = ref
          cev.raws[valueName] = cellRaw
          cev.values[valueName] = cellValue
          emit(
            table.entity, ev: cev, table: table, scope: cscope, row: row, layout: layout, run: &run,
            unpivot: column, anchor: ref)
          made += 1
        }
        if made == 0 { run.skipped["no values in the unpivoted columns", default: 0] += 1 }
        if made == 0 && table.entity != .kpi { leave(row, "no values in the unpivoted columns") }
      } else {
        let before = run.records
        emit(table.entity, ev: ev, table: table, scope: scope, row: row, layout: layout, run: &run)
        if run.records == before { leave(row, "no record made (see the diagnostics on this row)") }
      }
    }
    if let stoppedRow {
      for row in sheet.rows where row.number >= stoppedRow {
        leave(row, "after the table's end (\(run.stoppedAt ?? "stopped"))")
      }
    }
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

  /// Whether a row has every `find` entry of a header (a repeated sub-header).
  func headerMatches(_ find: [[String]], row: Row, sheet: Worksheet) -> Bool {
    guard !find.isEmpty else { return false }
    let texts = headerTexts(sheet, row: row.number)
    return find.allSatisfy { synonyms in
      synonyms.contains { word in texts.contains { headerStarts($0, with: word) } }
    }
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
      if u.except.contains(where: { matches(c.name, $0) != nil }) { continue }
      var parts: [String: String] = ["header": c.name, "group": c.group ?? ""]
      if byColumns {
        var ok = false
        if u.allOtherColumns && !c.name.isEmpty { ok = true }
        if u.columns.contains(where: { matches(c.name, $0) != nil }) { ok = true }
        if let r = u.columnsRegex, let groups = regexes.match(r, in: c.name) {
          ok = true
          for (k, v) in groups where Int(k) == nil { parts[k] = v }
        }
        if !ok { continue }
      }
      if byGroup {
        guard let g = c.group, !g.isEmpty else { continue }
        var ok = u.groups.contains { matches(g, $0) != nil }
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
          report(
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
