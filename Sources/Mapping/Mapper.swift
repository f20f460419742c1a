import Canonical
import Foundation
public import Spreadsheet

/// Maps a workbook through one mapping file into canonical records and located diagnostics.
///
/// ```swift
/// let mapping = try MappingFile.load(yaml: """
///   mapping: kolada-values
///   version: 1
///   match: { file: "*.csv" }
///   tables:
///     - entity: measurement
///       fields:
///         kpi: kpi
///         unit: { column: municipality_id, type: code, digits: 4 }
///         period: year
///         gender: gender
///         value: value
///   """)
/// let result = Mapper(mapping: mapping, reference: .empty).map(workbook)
/// result.dataset.measurements   // one per data row, each with its provenance
/// result.diagnostics            // e.g. "kolada.csv:7 (D7): error: 'n/a' is not a number"
/// ```
///
/// The mapper never throws: problems in the data become ``Spreadsheet/Diagnostic``s with codes
/// from ``MappingDiagnostics``, and everything it decided is in ``MappingResult/explanation``.
public struct Mapper: Sendable {
  /// The mapping applied.
  public let mapping: MappingFile
  /// The reference data lookups use.
  public let reference: ReferenceData
  /// How many records per table the explanation keeps as samples.
  public var sampleCount: Int

  /// Creates a mapper.
  ///
  /// - Parameters:
  ///   - mapping: a loaded mapping file.
  ///   - reference: the unit register, goals, KPI succession and register tables.
  ///   - sampleCount: records per table kept in the explanation (default 5).
  public init(mapping: MappingFile, reference: ReferenceData = .empty, sampleCount: Int = 5) {
    self.mapping = mapping
    self.reference = reference
    self.sampleCount = sampleCount
  }

  /// Maps a workbook.
  ///
  /// - Parameter workbook: the workbook or CSV file as read; its `path` is kept in every
  ///   provenance and location.
  /// - Returns: the records, the diagnostics (sorted by location) and the explanation.
  public func map(_ workbook: Workbook) -> MappingResult {
    let run = MappingRun(mapping: mapping, reference: reference, workbook: workbook)
    run.sampleCount = sampleCount
    run.execute()
    var explanation = run.explanation
    explanation.leftOut = run.rowAccount.leftOut
    return MappingResult(
      dataset: run.dataset, diagnostics: run.diagnostics, explanation: explanation)
  }
}

/// One application of a mapping to one workbook: holds the state while rows are read.
final class MappingRun {
  let mapping: MappingFile
  let reference: ReferenceData
  let workbook: Workbook
  var sampleCount = 5
  var dataset = Dataset()
  var diagnostics: [Diagnostic] = []
  var explanation: MappingExplanation
  let regexes = RegexCache()
  /// Context values read from the first worksheet (or their own sheet).
  var globalContext: [String: ResolvedContext] = [:]
  /// Context values re-read on the worksheet being mapped (labels without a sheet).
  var sheetContext: [String: [String: ResolvedContext]] = [:]
  var emittedKPIs: Set<String> = []
  /// Reads of values that repeat row after row (header parts, templates, context values).
  var readCache: [ReadKey: Result<FieldValue?, ValueFailure>] = [:]
  /// The context unit and period per worksheet, as records take them.
  var recordContext: [String: (unit: String?, period: Period?)] = [:]
  /// The table being read, for cache keys.
  var currentTable = 0
  /// The normalized names of each row's tree level (`tree:`) in the table being read.
  var treeLevels: [Int: Set<String>] = [:]
  private var letters: [Int: String] = [:]

  /// `B7`, with column letters computed once per column.
  func a1(_ ref: CellReference) -> String {
    if let l = letters[ref.column] { return l + String(ref.row) }
    let l = CellReference.columnLetters(ref.column)
    letters[ref.column] = l
    return l + String(ref.row)
  }
  var reportedOnce: Set<String> = []
  /// The rows taken and passed over, for the account of rows left out.
  var rowAccount = RowAccount()

  init(mapping: MappingFile, reference: ReferenceData, workbook: Workbook) {
    self.mapping = mapping
    self.reference = reference
    self.workbook = workbook
    explanation = MappingExplanation(
      mapping: mapping.name, version: mapping.version, file: workbook.path)
  }

  func execute() {
    readContext()
    if let plan = mapping.plan { makePlan(plan) }
    for (i, table) in mapping.tables.enumerated() {
      currentTable = i
      mapTable(table, index: i)
    }
    // Stable order: worksheet tab order, then row, then column; the reading order breaks ties.
    let sheetIndex = Dictionary(
      workbook.worksheets.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    diagnostics = diagnostics.enumerated().sorted { x, y in
      let a = x.element.location
      let b = y.element.location
      let ka = (a?.sheet.flatMap { sheetIndex[$0] } ?? -1, a?.row ?? 0, a?.cell?.column ?? 0)
      let kb = (b?.sheet.flatMap { sheetIndex[$0] } ?? -1, b?.row ?? 0, b?.cell?.column ?? 0)
      return ka != kb ? ka < kb : x.offset < y.offset
    }.map(\.element)
  }

  // MARK: diagnostics

  func report(
    _ code: String, _ severity: Severity = .error, at location: SourceLocation?, _ message: String,
    hint: String? = nil, value: String? = nil, arguments: [String: String]? = nil
  ) {
    diagnostics.append(
      Diagnostic(
        code: code, severity: severity, location: location, message: message, hint: hint,
        value: value, arguments: arguments))
  }

  /// A cell as explanations name it, in the same form as diagnostics: `'Mål'!B7` in a
  /// workbook, `export.csv:14 (C13)` in a CSV file.
  func placeText(sheet: Worksheet, cell: CellReference) -> String {
    if workbook.format == .csv, let line = sheet.row(cell.row)?.line ?? Optional(cell.row) {
      return SourceLocation(file: workbook.path, sheet: sheet.name, cell: cell, line: line)
        .description
    }
    return "\(SourceLocation.quotedSheetName(sheet.name))!\(a1(cell))"
  }

  func location(sheet: Worksheet, cell: CellReference, line: Int?) -> SourceLocation {
    SourceLocation(file: workbook.path, sheet: sheet.name, cell: cell, line: line)
  }

  func provenance(
    sheet: Worksheet, row: Row, anchor: CellReference?, cells: [String: CellReference]
  ) -> Provenance {
    Provenance(
      file: workbook.path, sheet: sheet.name, cell: anchor?.a1, row: row.number, line: row.line,
      mapping: mapping.name, mappingVersion: mapping.version,
      cells: cells.isEmpty ? nil : cells.mapValues { a1($0) })
  }

  // MARK: plan

  func makePlan(_ spec: PlanSpec) {
    let unit = globalContext["unit"]?.value?.text
    var period: Period?
    if case .period(let p)? = globalContext["period"]?.value { period = p }
    let title = spec.title.map { expand($0, scope: nil) }
    let anchor = globalContext["unit"]?.location ?? globalContext["period"]?.location
    // The cells the unit and the period were read from, by field, so that a file for the
    // wrong unit or period can be pointed to ('Mål'!B3).
    var cells: [String: String] = [:]
    for field in ["unit", "period"] {
      if let location = globalContext[field]?.location, let cell = location.cell,
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
}

/// What a read depends on, for caching reads of repeating inputs.
struct ReadKey: Hashable {
  /// The table, the block (fields, unpivot, a section) and the field name.
  var field: String
  var bare: Target.Comparison
  var text: String
  var numberFormat: String?
}

/// Compiled regular expressions, by pattern (patterns were checked when the mapping loaded).
final class RegexCache {
  private var compiled: [String: Regex<AnyRegexOutput>] = [:]

  func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
    if let r = compiled[pattern] { return r }
    guard let r = try? Regex(pattern) else { return nil }
    compiled[pattern] = r
    return r
  }

  /// The first match's named groups (and `0` for the whole match), or `nil` when it does not
  /// match.
  func match(_ pattern: String, in text: String) -> [String: String]? {
    guard let regex = regex(pattern), let m = try? regex.firstMatch(in: text) else { return nil }
    var groups: [String: String] = ["0": String(text[m.range])]
    for (i, element) in m.output.enumerated() {
      guard let sub = element.substring else { continue }
      if let name = element.name { groups[name] = String(sub) }
      if i > 0 { groups["\(i)"] = String(sub) }
    }
    return groups
  }
}
