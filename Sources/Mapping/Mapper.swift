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
    run.emitter.sampleCount = sampleCount
    run.execute()
    var explanation = run.explanation
    explanation.leftOut = run.rowAccount.leftOut
    return MappingResult(
      dataset: run.emitter.dataset, diagnostics: run.log.sorted(tabOrder: workbook.worksheets),
      explanation: explanation)
  }
}

/// One application of a mapping to one workbook: holds the state while rows are read.
final class MappingRun {
  let mapping: MappingFile
  let reference: ReferenceData
  let workbook: Workbook
  /// Makes the records.
  let emitter: RecordEmitter
  /// The diagnostics found.
  let log: DiagnosticLog
  /// How cells are named in diagnostics, explanations and provenances.
  let naming: CellNaming
  var explanation: MappingExplanation
  let regexes: RegexCache
  /// Finds the tables' headers and binds their columns.
  let header: HeaderLocator
  /// The mapping's context values.
  let context: ContextReader
  /// Reads values through the fields' transforms.
  let values: FieldValueReader
  /// Reads of values that repeat row after row (header parts, templates, context values).
  var readCache: [ReadKey: Result<FieldValue?, ValueFailure>] = [:]
  /// The table being read, for cache keys.
  var currentTable = 0
  /// The normalized names of each row's tree level (`tree:`) in the table being read.
  var treeLevels: [Int: Set<String>] = [:]

  /// The rows taken and passed over, for the account of rows left out.
  var rowAccount = RowAccount()

  init(mapping: MappingFile, reference: ReferenceData, workbook: Workbook) {
    self.mapping = mapping
    self.reference = reference
    self.workbook = workbook
    let log = DiagnosticLog()
    self.log = log
    let naming = CellNaming(workbook: workbook, mapping: mapping)
    self.naming = naming
    let regexes = RegexCache()
    self.regexes = regexes
    header = HeaderLocator(regexes: regexes)
    let context = ContextReader(
      workbook: workbook, mapping: mapping, log: log, naming: naming, regexes: regexes)
    self.context = context
    let values = FieldValueReader(
      workbook: workbook, mapping: mapping, reference: reference, regexes: regexes,
      context: context)
    self.values = values
    emitter = RecordEmitter(
      workbook: workbook, mapping: mapping, log: log, naming: naming, context: context,
      values: values)
    explanation = MappingExplanation(
      mapping: mapping.name, version: mapping.version, file: workbook.path)
  }

  /// The period a column header names after its label (see
  /// ``RecordEmitter/period(inHeader:file:)``).
  static func period(inHeader header: String, file: Period?) -> Period? {
    RecordEmitter.period(inHeader: header, file: file)
  }

  func execute() {
    explanation.context += context.readFileContext(reader: values)
    if let plan = mapping.plan { emitter.emitPlan(plan) }
    for (i, table) in mapping.tables.enumerated() {
      currentTable = i
      mapTable(table, index: i)
    }
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
