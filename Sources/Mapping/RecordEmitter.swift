import Canonical
import Foundation
import Spreadsheet

/// Makes the canonical records of a mapping run: the plan, goals, KPIs, targets, measurements,
/// activities, assessments and units, each with its provenance; the KPIs a statistics table
/// names (once each); and the samples the explanation shows.
final class RecordEmitter {
  let workbook: Workbook
  let mapping: MappingFile
  let log: DiagnosticLog
  let naming: CellNaming
  let context: ContextReader
  let values: FieldValueReader
  /// How many records per table the explanation keeps as samples.
  var sampleCount = 5
  /// The records made.
  private(set) var dataset = Dataset()
  /// The KPIs made from statistics tables (`emit_kpis`), by id.
  private var emittedKPIs: Set<String> = []

  init(
    workbook: Workbook, mapping: MappingFile, log: DiagnosticLog, naming: CellNaming,
    context: ContextReader, values: FieldValueReader
  ) {
    self.workbook = workbook
    self.mapping = mapping
    self.log = log
    self.naming = naming
    self.context = context
    self.values = values
  }

  /// The plan record of the file: its unit and period from the context, its title.
  func emitPlan(_ spec: PlanSpec) {
    let unit = context.fileValues["unit"]?.value?.text
    var period: Period?
    if case .period(let p)? = context.fileValues["period"]?.value { period = p }
    let title = spec.title.map { values.expand($0, scope: nil) }
    let anchor = context.fileValues["unit"]?.location ?? context.fileValues["period"]?.location
    // The cells the unit and the period were read from, by field, so that a file for the
    // wrong unit or period can be pointed to ('Mål'!B3).
    var cells: [String: String] = [:]
    for field in ["unit", "period"] {
      if let location = context.fileValues[field]?.location, let cell = location.cell,
        location.sheet == anchor?.sheet
      {
        cells[field] = cell.a1
      }
    }
    dataset.plans.append(
      Plan(
        unitID: unit, period: period, kind: spec.kind, title: title,
        provenance: Provenance(
          file: workbook.path, sheet: anchor?.sheet, cell: anchor?.cell?.a1, row: anchor?.row,
          line: anchor?.line, mapping: mapping.name, mappingVersion: mapping.version,
          cells: cells.isEmpty ? nil : cells)))
  }

  /// Makes the records of one row (or one unpivoted cell) of an entity, with samples for the
  /// explanation; reports a missing essential field.
  ///
  /// - Returns: whether a record was made.
  @discardableResult
  func emit(
    _ entity: Entity, ev: EvaluatedRow, table: TableMapping, scope: RowScope, row: Row,
    layout: TableLayout, run: inout MappingExplanation.TableRun, unpivot: UnpivotColumn? = nil,
    anchor: CellReference? = nil
  ) -> Bool {
    let sheet = layout.sheet
    // Essential fields.
    var essentials = entity.essentialFields
    if entity == .activity { essentials.removeAll { $0 == "id" } }
    for field in essentials where ev.values[field] == nil {
      if ev.failed.contains(field) { return false }
      // An unpivoted cell of a KPI row: the row itself reported what it lacks.
      if entity == .kpi, unpivot != nil { return false }
      let place =
        ev.cells[field].map { naming.location(sheet: sheet, cell: $0, line: row.line) }
        ?? SourceLocation(file: workbook.path, sheet: sheet.name, row: row.number, line: row.line)
      log.report(
        MappingDiagnostics.missingValue, at: place,
        "the \(entity.rawValue) on row \(row.number) has no \(field.replacingOccurrences(of: "_", with: " "))"
      )
      return false
    }
    let primary: [String]
    switch entity {
    case .measurement: primary = ["kpi", "value"]
    case .target: primary = ["target", "kpi"]
    case .assessment: primary = ["goal", "level"]
    default: primary = ["id", "title", "name", "kpi", "target", "goal", "value", "outcome"]
    }
    let anchorCell =
      anchor ?? primary.lazy.compactMap { ev.cells[$0] }.first ?? ev.cells.values.min()
    let provenance = naming.provenance(sheet: sheet, row: row, anchor: anchorCell, cells: ev.cells)
    let (contextUnit, contextPeriod) = context.forRecords(on: sheet, reader: values)
    let unit = ev.text("unit") ?? contextUnit
    let dims = dimensions(of: ev)
    var made: [any Encodable] = []
    switch entity {
    case .goal:
      let level =
        ev.text("level").flatMap(Goal.Level.init(rawValue:)) ?? defaultGoalLevel()
      let goal = Goal(
        id: ev.text("id") ?? "", title: ev.text("title") ?? "", text: ev.text("text"),
        level: level, ownerUnitID: ev.text("owner") ?? contextUnit, parentID: ev.text("parent"),
        alignsTo: ev.list("aligns_to"), prioritised: ev.bool("prioritised") ?? false,
        period: ev.period("period") ?? contextPeriod, provenance: provenance)
      dataset.goals.append(goal)
      made.append(goal)
    case .kpi:
      let id = ev.text("id") ?? ""
      let kpi = KPI(
        id: id, name: ev.text("name") ?? "", unitOfMeasure: ev.text("unit_of_measure"),
        direction: ev.text("direction").flatMap(KPI.Direction.init(rawValue:)),
        goalIDs: ev.list("goal"), unitID: unit, provenance: provenance)
      if unpivot == nil {
        dataset.kpis.append(kpi)
        made.append(kpi)
      }
      if unpivot == nil, case .target(let t)? = ev.values["target"] {
        var p = provenance
        p.cell = ev.cells["target"]?.a1 ?? p.cell
        let target = Target(
          kpiID: id, unitID: unit, period: ev.period("target_period") ?? contextPeriod,
          comparison: t.comparison, value: t.value, upperValue: t.upperValue, text: t.text,
          provenance: p)
        dataset.targets.append(target)
        made.append(target)
      }
      if let outcome = ev.values["outcome"] {
        var p = provenance
        p.cell = ev.cells["outcome"]?.a1 ?? p.cell
        // The outcome's period: a field for it, else a period named in the outcome column's
        // header ("Utfall kvartal 3", "Utfall 2025"), its year from the file's own period,
        // else the file's period.
        let headerPeriod = ev.cells["outcome"].flatMap { layout.header(at: $0.column)?.name }
          .flatMap { Self.period(inHeader: $0, file: contextPeriod) }
        let m = measurement(
          kpi: id, unit: unit,
          period: ev.period("outcome_period") ?? ev.period("period") ?? headerPeriod
            ?? contextPeriod,
          gender: ev.text("gender"), value: outcome, comment: ev.text("comment"), dims: dims,
          provenance: p, comparison: ev.text("comparison"))
        dataset.measurements.append(m)
        made.append(m)
      }
    case .target:
      guard case .target(let t)? = ev.values["target"] else { return false }
      let target = Target(
        kpiID: ev.text("kpi") ?? "", unitID: unit, period: ev.period("period") ?? contextPeriod,
        comparison: t.comparison, value: t.value, upperValue: t.upperValue, text: t.text,
        provenance: provenance)
      dataset.targets.append(target)
      made.append(target)
    case .measurement:
      // Reported; a failed value is not a blank one.
      if ev.failed.contains("value") { return false }
      let kpi = ev.text("kpi") ?? ""
      let m = measurement(
        kpi: kpi, unit: unit, period: ev.period("period") ?? contextPeriod,
        gender: ev.text("gender"), value: ev.values["value"] ?? .missing(.blank, token: ""),
        comment: ev.text("comment"), dims: dims, provenance: provenance,
        comparison: ev.text("comparison"))
      dataset.measurements.append(m)
      made.append(m)
      if table.emitKPIs, !emittedKPIs.contains(kpi) {
        emittedKPIs.insert(kpi)
        let name = ev.text("kpi_name") ?? unpivot?.parts["header"] ?? kpi
        var p = provenance
        if let u = unpivot {
          p.cell = CellReference(row: layout.headerRow, column: u.column).a1
          p.row = layout.headerRow
        }
        p.cells = nil
        let k = KPI(id: kpi, name: name, unitOfMeasure: Self.unitOfMeasure(in: name), provenance: p)
        dataset.kpis.append(k)
      }
    case .activity:
      let statusText = ev.raws["status"].map(\.text).flatMap { $0.isEmpty ? nil : $0 }
      let activity = Activity(
        id: ev.text("id") ?? "\(unit ?? fileStem)-\(sheet.name)-\(row.number)",
        title: ev.text("title") ?? "", goalIDs: ev.list("goal"), unitID: unit,
        owner: ev.text("owner"), responsible: ev.text("responsible"), start: ev.date("start"),
        end: ev.date("end"), status: ev.text("status").flatMap(Activity.Status.init(rawValue:)),
        statusText: statusText, comment: ev.text("comment"), provenance: provenance)
      dataset.activities.append(activity)
      made.append(activity)
    case .assessment:
      guard let level = ev.text("level").flatMap(Assessment.Level.init(rawValue:)) else {
        return false
      }
      let a = Assessment(
        goalID: ev.text("goal") ?? "", unitID: unit, period: ev.period("period") ?? contextPeriod,
        level: level, analysis: ev.text("analysis"), provenance: provenance)
      dataset.assessments.append(a)
      made.append(a)
    case .unit:
      let u = OrgUnit(
        id: ev.text("id") ?? "", name: ev.text("name") ?? "", aliases: ev.list("aliases"),
        kind: ev.text("kind").flatMap(OrgUnit.Kind.init(rawValue:)) ?? .other,
        parentID: ev.text("parent"), municipalityCode: ev.text("municipality_code"),
        schoolUnitCode: ev.text("school_unit_code"), koladaID: ev.text("kolada_id"),
        provenance: provenance)
      dataset.units.append(u)
      made.append(u)
    }
    run.records += made.count
    if run.samples.count < sampleCount {
      for record in made where run.samples.count < sampleCount {
        run.samples.append(sampleJSON(record, at: anchorCell, sheet: sheet, row: row))
      }
    }
    return !made.isEmpty
  }

  /// The measurement dimensions of a row (`dimensions.huvudman` → `huvudman`).
  func dimensions(of ev: EvaluatedRow) -> [String: String] {
    var dims: [String: String] = [:]
    for (k, v) in ev.values where k.hasPrefix("dimensions.") {
      if let t = v.text, !t.isEmpty { dims[String(k.dropFirst("dimensions.".count))] = t }
    }
    return dims
  }

  /// One measurement from an unpivoted cell: the row's fields, the column's fields and the
  /// cell's value. The fast path for wide statistics tables.
  ///
  /// - Returns: whether a record was made.
  func emitMeasurement(
    row ev: EvaluatedRow, column: EvaluatedRow, value: FieldValue, cell: CellReference,
    rowCells: [String: String], dims: [String: String], table: TableMapping,
    unpivot: UnpivotColumn, row: Row, layout: TableLayout, run: inout MappingExplanation.TableRun
  ) -> Bool {
    let sheet = layout.sheet
    func text(_ f: String) -> String? { column.text(f) ?? ev.text(f) }
    guard let kpi = text("kpi") else {
      if column.failed.contains("kpi") || ev.failed.contains("kpi") { return false }
      log.report(
        MappingDiagnostics.missingValue,
        at: naming.location(sheet: sheet, cell: cell, line: row.line),
        "the measurement in \(naming.a1(cell)) has no kpi")
      return false
    }
    let (contextUnit, contextPeriod) = context.forRecords(on: sheet, reader: values)
    var cells = rowCells
    cells["value"] = naming.a1(cell)
    let provenance = Provenance(
      file: workbook.path, sheet: sheet.name, cell: cells["value"], row: row.number,
      line: row.line, mapping: mapping.name, mappingVersion: mapping.version, cells: cells)
    let m = measurement(
      kpi: kpi, unit: text("unit") ?? contextUnit,
      period: column.period("period") ?? ev.period("period") ?? contextPeriod,
      gender: text("gender"), value: value, comment: text("comment"), dims: dims,
      provenance: provenance, comparison: text("comparison"))
    dataset.measurements.append(m)
    run.records += 1
    if run.samples.count < sampleCount {
      run.samples.append(sampleJSON(m, at: cell, sheet: sheet, row: row))
    }
    if table.emitKPIs, !emittedKPIs.contains(kpi) {
      emittedKPIs.insert(kpi)
      let name = text("kpi_name") ?? unpivot.parts["header"] ?? kpi
      let header = CellReference(row: layout.headerRow, column: unpivot.column)
      let p = Provenance(
        file: workbook.path, sheet: sheet.name, cell: naming.a1(header), row: layout.headerRow,
        mapping: mapping.name, mappingVersion: mapping.version)
      dataset.kpis.append(
        KPI(id: kpi, name: name, unitOfMeasure: Self.unitOfMeasure(in: name), provenance: p))
    }
    return true
  }

  /// The period a column header names after its label: `Utfall kvartal 3`, `Utfall T2 2026`,
  /// `Utfall 2025`, `Utfall\nläsår 2025/26`. When the header gives no year (`kvartal 3`), the
  /// year is the file's own (its context period: the one of the two years of a läsår whose
  /// quarter lies inside it), never the year of the period being collected.
  ///
  /// - Returns: `nil` when the header names no period (`Utfall`, `Resultat`), or names one
  ///   without a year and the file has no period.
  static func period(inHeader header: String, file: Period?) -> Period? {
    let words = header.split { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{A0}" }
      .map(String.init)
    for start in words.indices {
      let rest = words[start...].joined(separator: " ")
      if let p = Period(parsing: rest) { return p }
      // Without a year: only a kind word with its number (`kvartal 3`, `T2`, `mars`).
      guard let file, rest.contains(where: \.isLetter) else { continue }
      let years =
        file.start.year == file.end.year ? [file.start.year] : [file.start.year, file.end.year]
      let candidates = years.compactMap { Period(parsing: "\(rest) \($0)") }
      if let inside = candidates.first(where: { $0.overlaps(file) }) ?? candidates.first {
        return inside
      }
    }
    return nil
  }

  var fileStem: String {
    ((workbook.path as NSString).lastPathComponent as NSString).deletingPathExtension
  }

  func defaultGoalLevel() -> Goal.Level {
    switch mapping.plan?.kind {
    case .boardPlan?: return .board
    case .statistics?: return .national
    default: return .unit
    }
  }

  func measurement(
    kpi: String, unit: String?, period: Period?, gender: String?, value: FieldValue,
    comment: String?, dims: [String: String], provenance: Provenance, comparison: String? = nil
  ) -> CanonicalMeasurement {
    var m = CanonicalMeasurement(
      kpiID: kpi, unitID: unit, period: period,
      gender: gender.flatMap(CanonicalMeasurement.Gender.init(rawValue:)) ?? .total,
      comment: comment, dimensions: dims.isEmpty ? nil : dims, provenance: provenance)
    m.comparison = comparison.flatMap(ComparisonSeriesReader.series)
    switch value {
    case .number(let n): m.value = n
    case .missing(let reason, let token):
      m.missingReason = reason
      m.missingToken = token
    default: m.value = value.text.flatMap { ValueReader.parseNumber($0)?.value }
    }
    return m
  }

  /// The unit of measure a KPI name states: `andel (%)` → `%`, `kr/elev` → `kr`, `Antal …` →
  /// `antal`, `meritvärde` → `poäng`.
  static func unitOfMeasure(in name: String) -> String? {
    let n = TextMatching.normalized(name)
    if n.contains("%") || n.contains("procent") { return "%" }
    if n.range(of: #"\bkr\b"#, options: .regularExpression) != nil || n.contains("kronor") {
      return "kr"
    }
    if n.contains("meritvärde") || n.contains("betygspoäng") { return "poäng" }
    if n.hasPrefix("antal") || n.hasPrefix("elever,") || n.contains("elevantal") { return "antal" }
    return nil
  }

  func sampleJSON(_ record: any Encodable, at cell: CellReference?, sheet: Worksheet, row: Row)
    -> String
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(AnyEncodable(record)),
      var text = String(data: data, encoding: .utf8)
    else { return "(unencodable)" }
    // Drop the provenance from the sample: it is shown as the location.
    if let range = text.range(
      of: #","provenance":\{[^{}]*(\{[^{}]*\})?[^{}]*\}"#, options: .regularExpression)
    {
      text.removeSubrange(range)
    }
    let place =
      cell.map { naming.placeText(sheet: sheet, cell: $0) } ?? "row \(row.number)"
    return "\(place): \(text)"
  }
}

/// Erases the type of an encodable record.
struct AnyEncodable: Encodable {
  let value: any Encodable
  init(_ value: any Encodable) { self.value = value }
  func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
