import Canonical
import Foundation
import Spreadsheet

/// A context value as read: its raw input, its typed value and where it was.
struct ResolvedContext {
  var raw: RawValue
  var value: FieldValue?
  var location: SourceLocation?
  var source: String
}

/// The mapping's context values (unit, period, …): read once on the file, re-read on each
/// worksheet when they are labels or the sheet name, and the unit and period records take.
final class ContextReader {
  let workbook: Workbook
  let mapping: MappingFile
  let log: DiagnosticLog
  let naming: CellNaming
  let regexes: RegexCache
  /// Context values read from the first worksheet (or their own sheet).
  private(set) var fileValues: [String: ResolvedContext] = [:]
  /// Context values re-read on the worksheet being mapped (labels without a sheet).
  private var perSheet: [String: [String: ResolvedContext]] = [:]
  /// The context unit and period per worksheet, as records take them.
  private var recordContext: [String: (unit: String?, period: Period?)] = [:]

  init(
    workbook: Workbook, mapping: MappingFile, log: DiagnosticLog, naming: CellNaming,
    regexes: RegexCache
  ) {
    self.workbook = workbook
    self.mapping = mapping
    self.log = log
    self.naming = naming
    self.regexes = regexes
  }

  /// Reads the file's context values (from the first worksheet, or their own sheet).
  ///
  /// - Returns: the explanation's lines, one per value.
  func readFileContext(reader: FieldValueReader) -> [MappingExplanation.ContextLine] {
    let first = workbook.worksheets.first
    var lines: [MappingExplanation.ContextLine] = []
    for value in mapping.context {
      let resolved = resolve(value, on: first, global: true, reader: reader)
      fileValues[value.name] = resolved
      lines.append(
        MappingExplanation.ContextLine(
          name: value.name, source: resolved?.source ?? describe(value.source),
          value: resolved?.value?.text ?? resolved.map { $0.raw.text }))
    }
    return lines
  }

  /// The context unit and period of a worksheet, as records take them (read once per sheet).
  func forRecords(on sheet: Worksheet, reader: FieldValueReader) -> (
    unit: String?, period: Period?
  ) {
    if let known = recordContext[sheet.name] { return known }
    var period: Period?
    if case .period(let p)? = value("period", sheet: sheet, reader: reader)?.value { period = p }
    let found = (value("unit", sheet: sheet, reader: reader)?.value?.text, period)
    recordContext[sheet.name] = found
    return found
  }

  func describe(_ source: ContextValue.Source) -> String {
    switch source {
    case .cell(let sheet, let ref):
      return "cell \(sheet.map { SourceLocation.quotedSheetName($0) + "!" } ?? "")\(ref.a1)"
    case .label(let labels, _, _):
      return "label " + labels.map { "\"\($0)\"" }.joined(separator: " | ")
    case .fileName(let regex): return "file name /\(regex)/"
    case .constant(let text): return "constant \"\(text)\""
    case .sheetName: return "sheet name"
    }
  }

  /// The context value for a worksheet: labels and sheet names are read on that sheet when
  /// they are found there; everything else is the file's.
  func value(_ name: String, sheet: Worksheet?, reader: FieldValueReader) -> ResolvedContext? {
    guard let sheet, let spec = mapping.context.first(where: { $0.name == name }) else {
      return fileValues[name]
    }
    switch spec.source {
    case .label(_, nil, _), .sheetName:
      if let cached = perSheet[sheet.name]?[name] { return cached }
      let resolved = resolve(spec, on: sheet, global: false, reader: reader) ?? fileValues[name]
      perSheet[sheet.name, default: [:]][name] = resolved
      return resolved
    default:
      return fileValues[name]
    }
  }

  /// Reads one context value; on the file (`global`) a missing or failing value is reported.
  func resolve(
    _ spec: ContextValue, on sheet: Worksheet?, global: Bool, reader: FieldValueReader
  ) -> ResolvedContext? {
    var raw = RawValue.blank
    var location: SourceLocation?
    var source = describe(spec.source)
    switch spec.source {
    case .cell(let sheetName, let ref):
      let ws =
        sheetName.flatMap { workbook.worksheet(named: $0) } ?? (sheetName == nil ? sheet : nil)
      guard let ws else {
        if global {
          log.report(
            MappingDiagnostics.contextValueMissing, at: SourceLocation(file: workbook.path),
            "the context value '\(spec.name)' is read from \(source), but the workbook has no "
              + "worksheet '\(sheetName ?? "")'",
            hint: TextMatching.hint(for: sheetName ?? "", among: workbook.worksheets.map(\.name)))
        }
        return nil
      }
      raw = RawValue(
        value: ws.displayedValue(at: ref), numberFormat: ws.cell(at: ref)?.numberFormat)
      location = SourceLocation(file: workbook.path, sheet: ws.name, cell: ref)
      source = "cell \(naming.placeText(sheet: ws, cell: ref))"
    case .label(let labels, let sheetName, let within):
      var sheets: [Worksheet] = []
      if let sheetName {
        sheets = workbook.worksheet(named: sheetName).map { [$0] } ?? []
      } else if global {
        sheets = (sheet.map { [$0] } ?? []) + workbook.worksheets.filter { $0.name != sheet?.name }
      } else if let sheet {
        sheets = [sheet]
      }
      search: for ws in sheets {
        for label in labels {
          if let (value, cell) = findLabel(label, in: ws, within: within) {
            raw = value
            location = SourceLocation(file: workbook.path, sheet: ws.name, cell: cell)
            source = "label \"\(label)\" at \(naming.placeText(sheet: ws, cell: cell))"
            break search
          }
        }
      }
      if location == nil && !global { return nil }
    case .fileName(let pattern):
      let name = (workbook.path as NSString).lastPathComponent
      if let groups = regexes.match(pattern, in: name) {
        raw = RawValue(text: groups["value"] ?? groups["1"] ?? groups["0"])
      }
      location = SourceLocation(file: workbook.path)
    case .constant(let text):
      raw = RawValue(text: text)
    case .sheetName:
      raw = RawValue(text: sheet?.name)
      if let sheet { location = SourceLocation(file: workbook.path, sheet: sheet.name) }
    }
    var resolved = ResolvedContext(raw: raw, value: nil, location: location, source: source)
    if raw.isBlank {
      if spec.required && global {
        log.report(
          MappingDiagnostics.contextValueMissing,
          at: location ?? SourceLocation(file: workbook.path),
          "the context value '\(spec.name)' (\(source)) is blank or absent")
      }
      return resolved
    }
    let type = spec.transform.type ?? (spec.name == "period" ? .period : .text)
    let scope = sheet.map { RowScope(sheet: $0) }
    switch reader.read(raw, transform: spec.transform, type: type, isList: false, scope: scope) {
    case .success(let v): resolved.value = v
    case .failure(let failure):
      let key = "context:\(spec.name):\(location?.description ?? "")"
      if log.isFirst(key) {
        log.report(
          failure.code, at: location ?? SourceLocation(file: workbook.path),
          "context value '\(spec.name)': \(failure.message)", hint: failure.hint, value: raw.text)
      }
    }
    return resolved
  }

  /// A labelled value near the top of a sheet: `Valt läsår: 2024/25` in one cell, or
  /// `Enhet:` with the value in the next non-empty cell to the right.
  func findLabel(_ label: String, in sheet: Worksheet, within: Int) -> (RawValue, CellReference)? {
    let key = TextMatching.normalized(label)
    for row in sheet.rows where row.number <= within {
      for (i, cell) in row.cells.enumerated() {
        guard case .string(let s) = cell.value else { continue }
        let text = TextMatching.normalized(s)
        guard text.hasPrefix(key) else { continue }
        let rest = text.dropFirst(key.count)
        guard rest.isEmpty || rest.first == ":" || rest.first == " " else { continue }
        // The value after the label in the original text.
        var original = TextMatching.trimmed(s)
        if let colon = original.firstIndex(of: ":"),
          TextMatching.normalized(String(original[..<colon])) == key
        {
          original = TextMatching.trimmed(String(original[original.index(after: colon)...]))
        } else if TextMatching.normalized(original) == key {
          original = ""
        } else {
          original = TextMatching.trimmed(String(original.dropFirst(label.count)))
        }
        if !original.isEmpty {
          return (RawValue(text: original), CellReference(row: row.number, column: cell.column))
        }
        if let next = row.cells[(i + 1)...].first(where: { !RawValue(cell: $0).isBlank }) {
          return (RawValue(cell: next), CellReference(row: row.number, column: next.column))
        }
      }
    }
    return nil
  }
}
