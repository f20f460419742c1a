import Canonical
import Foundation
import Spreadsheet

extension MappingRun {
  /// Reads the fields of a row: sources first, then fields derived from other fields, then
  /// the target (whose bare numbers take the KPI's direction).
  func evaluate(
    _ fields: [ColumnMapping], entity: Entity, scope: inout RowScope, row: Row,
    bindings: [String: Binding], layout: TableLayout, fillDown: [String],
    fillState: inout [String: RawValue], column: UnpivotColumn? = nil, block: String = "fields"
  ) -> EvaluatedRow {
    var ev = EvaluatedRow()
    let sheet = layout.sheet
    func isDerived(_ f: ColumnMapping) -> Bool {
      if f.transform.defaultValue?.contains(Character("{")) == true { return true }
      switch f.source {
      case .field: return true
      case .value(let t): return t.contains(Character("{"))
      default: return false
      }
    }
    // `comparison` first: a Riket or county row's unit code is not looked up in the register.
    let ordered =
      fields.filter { $0.name == "comparison" }
      + fields.filter { !isDerived($0) && $0.name != "target" && $0.name != "comparison" }
      + fields.filter { isDerived($0) && $0.name != "target" }
      + fields.filter { $0.name == "target" }
    for field in ordered {
      let name = field.name
      let (raw, cell) = readSource(
        field, row: row, scope: scope, bindings: bindings, layout: layout, fillDown: fillDown,
        fillState: &fillState, column: column, ev: &ev)
      if let cell {
        switch field.source {
        case .column, .columns, .label: ev.cells[name] = cell
        default: break
        }
      }
      ev.raws[name] = raw
      let isDimension = name.hasPrefix("dimensions.")
      let result = readTyped(field, raw: raw, entity: entity, ev: ev, scope: scope, block: block)
      let where_: SourceLocation =
        cell.map { naming.location(sheet: sheet, cell: $0, line: row.line) }
        ?? SourceLocation(file: workbook.path, sheet: sheet.name, row: row.number, line: row.line)
      switch result {
      case .success(let v?):
        ev.values[name] = v
        scope.values[name] = v.text
        if isDimension { scope.values[String(name.dropFirst("dimensions.".count))] = v.text }
      case .success(nil):
        if field.required {
          log.report(
            MappingDiagnostics.missingValue, at: where_,
            "'\(name)' is required but the cell is blank")
          ev.failed.insert(name)
        }
      case .failure(let f):
        log.report(f.code, at: where_, f.message, hint: f.hint, value: raw.text)
        ev.failed.insert(name)
      }
    }
    // A row that is the unit's own value keeps no trace of the comparison columns.
    if ev.cells["comparison"] != nil,
      ev.text("comparison").flatMap(ComparisonSeriesReader.series) == nil
    {
      ev.cells = ev.cells.filter { !$0.key.hasPrefix("comparison") }
    }
    return ev
  }

  /// A field's raw input and the cell it came from: a bound column (filled down), the parts of
  /// a multi-column field, a template, a context value, a section's or an earlier field's
  /// value, a header part, the sheet name or a label's value.
  func readSource(
    _ field: ColumnMapping, row: Row, scope: RowScope, bindings: [String: Binding],
    layout: TableLayout, fillDown: [String], fillState: inout [String: RawValue],
    column: UnpivotColumn?, ev: inout EvaluatedRow
  ) -> (RawValue, CellReference?) {
    let name = field.name
    let sheet = layout.sheet
    var raw = RawValue.blank
    var cell: CellReference?
    switch field.source {
    case .column:
      if let b = bindings[name] {
        let ref = CellReference(row: row.number, column: b.column)
        cell = ref
        raw = RawValue(cell: row.cell(column: b.column))
        if fillDown.contains(name) {
          if raw.isBlank {
            if let range = sheet.mergedRanges.first(where: { $0.contains(ref) }),
              range.start != ref
            {
              raw = RawValue(cell: sheet.cell(at: range.start))
            } else if let previous = fillState[name] {
              raw = previous
            }
          }
          if !raw.isBlank { fillState[name] = raw }
        }
      }
    case .columns(let selectors):
      (raw, cell) = readColumnParts(
        field, selectors: selectors, row: row, scope: scope, bindings: bindings, sheet: sheet,
        ev: &ev)
    case .value(let template): raw = RawValue(text: values.expand(template, scope: scope))
    case .context(let c):
      if let resolved = context.value(c, sheet: sheet, reader: values) {
        raw = resolved.value?.text.map { RawValue(text: $0) } ?? resolved.raw
      }
    case .section(let s, let f): raw = RawValue(text: scope.sections[s]?[f])
    case .field(let f): raw = RawValue(text: scope.values[f])
    case .headerPart(let part):
      raw = RawValue(text: column?.parts[part])
      if let column { cell = CellReference(row: layout.headerRow, column: column.column) }
    case .sheetName: raw = RawValue(text: sheet.name)
    case .label(let words):
      if let found = labelValue(words, in: sheet, rows: scope.block) {
        raw = found.value
        cell = found.cell
        rowAccount.take(sheet: sheet.name, row: found.cell.row)
      }
    }
    return (raw, cell)
  }

  /// The parts of a multi-column field, each read through its own transform, joined with
  /// `; `, and the cell of the first non-blank part.
  func readColumnParts(
    _ field: ColumnMapping, selectors: [ColumnSelector], row: Row, scope: RowScope,
    bindings: [String: Binding], sheet: Worksheet, ev: inout EvaluatedRow
  ) -> (RawValue, CellReference?) {
    let name = field.name
    var cell: CellReference?
    var texts: [String] = []
    for i in selectors.indices {
      guard let b = bindings["\(name)#\(i + 1)"] else { continue }
      let ref = CellReference(row: row.number, column: b.column)
      let part = RawValue(cell: row.cell(column: b.column))
      if cell == nil || (ev.cells[name] != nil && texts.isEmpty) { cell = ref }
      if !part.isBlank {
        if texts.isEmpty { cell = ref }
        ev.cells["\(name).\(i + 1)"] = ref
        guard let own = field.partTransforms[i] else {
          texts.append(part.text)
          continue
        }
        // The part's own transform, item by item (`2.2 Kunskaper; 2.7 Bedömning och
        // betyg`), reported at its own cell. Items split on `;` and line breaks unless the
        // part says `split:` (titles often hold commas).
        var itemTransform = own
        itemTransform.split = nil
        let pieces =
          own.split.map { part.text.components(separatedBy: $0) }
          ?? part.text.split(whereSeparator: { $0 == ";" || $0.isNewline }).map(String.init)
        let items = pieces.map { TextMatching.trimmed($0) }.filter { !$0.isEmpty }
        for item in items {
          let itemRaw = items.count == 1 ? part : RawValue(text: item)
          switch values.read(
            itemRaw, transform: itemTransform, type: own.type ?? .text, isList: false,
            scope: scope)
          {
          case .success(let v?): if let t = v.text { texts.append(t) }
          case .success(nil): break
          case .failure(let f):
            log.report(
              f.code, at: naming.location(sheet: sheet, cell: ref, line: row.line), f.message,
              hint: f.hint, value: item)
          }
        }
      }
    }
    return (RawValue(text: texts.joined(separator: "; ")), cell)
  }

  /// Reads a field's raw input into its type (the entity's type for the field unless the
  /// transform names one); repeating inputs that are not cells are read once.
  func readTyped(
    _ field: ColumnMapping, raw: RawValue, entity: Entity, ev: EvaluatedRow, scope: RowScope,
    block: String
  ) -> Result<FieldValue?, ValueFailure> {
    let name = field.name
    let isDimension = name.hasPrefix("dimensions.")
    let type = field.transform.type ?? (isDimension ? .text : entity.defaultType(of: name))
    var bare = Target.Comparison.equal
    if name == "target" {
      if ev.text("direction") == "higher" { bare = .atLeast }
      if ev.text("direction") == "lower" { bare = .atMost }
    }
    let isList = !isDimension && entity.isList(name)
    var transform = field.transform
    if name == "unit", ev.text("comparison").flatMap(ComparisonSeriesReader.series) != nil {
      transform.lookup = nil
    }
    switch field.source {
    case .column, .columns, .label:
      return values.read(
        raw, transform: transform, type: type, isList: isList, scope: scope, bare: bare)
    default:
      let key = ReadKey(
        field: "\(currentTable).\(block).\(name)", bare: bare, text: raw.text,
        numberFormat: raw.numberFormat)
      if !raw.isBlank, let cached = readCache[key] { return cached }
      let result = values.read(
        raw, transform: field.transform, type: type, isList: isList, scope: scope, bare: bare)
      if !raw.isBlank { readCache[key] = result }
      return result
    }
  }
}

extension MappingRun {
  /// Makes a row's records and marks the row as taken when it made any.
  func emit(
    _ entity: Entity, ev: EvaluatedRow, table: TableMapping, scope: RowScope, row: Row,
    layout: TableLayout, run: inout MappingExplanation.TableRun, unpivot: UnpivotColumn? = nil,
    anchor: CellReference? = nil
  ) {
    if emitter.emit(
      entity, ev: ev, table: table, scope: scope, row: row, layout: layout, run: &run,
      unpivot: unpivot, anchor: anchor)
    {
      rowAccount.take(sheet: layout.sheet.name, row: row.number)
    }
  }

  /// Makes the measurement of an unpivoted cell and marks its row as taken when it made one.
  ///
  /// - Returns: whether a record was made.
  func emitMeasurement(
    row ev: EvaluatedRow, column: EvaluatedRow, value: FieldValue, cell: CellReference,
    rowCells: [String: String], dims: [String: String], table: TableMapping,
    unpivot: UnpivotColumn, row: Row, layout: TableLayout, run: inout MappingExplanation.TableRun
  ) -> Bool {
    let made = emitter.emitMeasurement(
      row: ev, column: column, value: value, cell: cell, rowCells: rowCells, dims: dims,
      table: table, unpivot: unpivot, row: row, layout: layout, run: &run)
    if made { rowAccount.take(sheet: layout.sheet.name, row: row.number) }
    return made
  }
}
