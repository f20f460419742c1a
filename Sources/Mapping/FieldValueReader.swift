import Canonical
import Foundation
import Spreadsheet

/// What templates and field sources can see while a row (or the file) is read.
struct RowScope {
  var sheet: Worksheet
  var row: Row?
  var captures: [String: String] = [:]
  var sections: [String: [String: String]] = [:]
  var values: [String: String] = [:]
  /// The rows of the current section below its section row, where `label:` fields look.
  var block: ClosedRange<Int>?
}

/// Reads raw cell values through a field's transform into typed values (default, quotes,
/// extract, split, value maps, lookups in the reference data, types, formats, patterns) and
/// expands `{name}` templates.
final class FieldValueReader {
  let workbook: Workbook
  let mapping: MappingFile
  let reference: ReferenceData
  let regexes: RegexCache
  /// The context values templates name.
  let context: ContextReader

  init(
    workbook: Workbook, mapping: MappingFile, reference: ReferenceData, regexes: RegexCache,
    context: ContextReader
  ) {
    self.workbook = workbook
    self.mapping = mapping
    self.reference = reference
    self.regexes = regexes
    self.context = context
  }

  // MARK: templates

  /// Replaces `{name}` with regex groups, fields, sections, context values, `sheet`, `row`,
  /// `file`.
  func expand(_ template: String, scope: RowScope?) -> String {
    guard template.contains(Character("{")) else { return template }
    var out = ""
    var name: String?
    for ch in template {
      if ch == "{" {
        if let pending = name { out += "{" + pending }
        name = ""
      } else if ch == "}", let n = name {
        out += lookupName(n, scope: scope)
        name = nil
      } else if name != nil {
        name?.append(ch)
      } else {
        out.append(ch)
      }
    }
    if let pending = name { out += "{" + pending }
    return out
  }

  func lookupName(_ name: String, scope: RowScope?) -> String {
    if let scope {
      if let v = scope.captures[name] { return v }
      if let v = scope.values[name] { return v }
      let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
      if let section = scope.sections[parts[0]] {
        return section[parts.count > 1 ? parts[1] : "id"] ?? ""
      }
      switch name {
      case "sheet": return scope.sheet.name
      case "row": return scope.row.map { String($0.number) } ?? ""
      default: break
      }
    }
    if name == "file" {
      return ((workbook.path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
    if let c = context.value(name, sheet: scope?.sheet, reader: self) {
      return c.value?.text ?? c.raw.text
    }
    return ""
  }

  // MARK: reading a value

  /// Applies a transform to a raw value: default, quotes, extract, split, map, missing
  /// tokens, type, hierarchy, lookup, pattern.
  ///
  /// - Returns: the typed value, `nil` for blank, or the failure.
  func read(
    _ input: RawValue, transform t: ValueTransform, type: ValueType, isList: Bool,
    scope: RowScope?, bare: Target.Comparison = .equal
  ) -> Result<FieldValue?, ValueFailure> {
    var raw = input
    if raw.isBlank {
      guard let d = t.defaultValue else { return .success(nil) }
      raw = RawValue(text: expand(d, scope: scope))
      if raw.isBlank { return .success(nil) }
    }
    if t.trimQuotes, case .string(let s)? = raw.value {
      var text = TextMatching.trimmed(s)
      while text.count >= 2, let f = text.first, let l = text.last, f == l, f == "\"" || f == "'" {
        text = String(text.dropFirst().dropLast())
      }
      raw = RawValue(text: text)
      if raw.isBlank { return .success(nil) }
    }
    // With an explicit `split`, the list is split first and `extract` applies to each item
    // (`NM-2 Trygghet; LGR22-2.1 Normer och värden` → NM-2, LGR22-2.1).
    if let pattern = t.extract, t.split == nil {
      guard let groups = regexes.match(pattern, in: raw.text) else { return .success(nil) }
      raw = RawValue(text: groups["value"] ?? groups["1"] ?? groups["0"])
      if raw.isBlank { return .success(nil) }
    }
    if isList || t.split != nil {
      var items = split(raw.text, separator: t.split)
      if let pattern = t.extract, t.split != nil {
        items = items.compactMap { item in
          guard let groups = regexes.match(pattern, in: item) else { return nil }
          let text = groups["value"] ?? groups["1"] ?? groups["0"] ?? ""
          return text.isEmpty ? nil : text
        }
      }
      var out: [String] = []
      for item in items {
        switch readOne(RawValue(text: item), t: t, type: type, scope: scope, bare: bare) {
        case .success(let v?): out.append(v.text ?? item)
        case .success(nil): continue
        case .failure(let f): return .failure(f)
        }
      }
      return .success(out.isEmpty ? nil : .list(out))
    }
    return readOne(raw, t: t, type: type, scope: scope, bare: bare)
  }

  func split(_ text: String, separator: String?) -> [String] {
    let parts: [Substring]
    if let separator, !separator.isEmpty {
      parts = text.components(separatedBy: separator).map { Substring($0) }
    } else {
      parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" || $0 == "\r" })
    }
    return parts.map { TextMatching.trimmed(String($0)) }.filter { !$0.isEmpty }
  }

  private func readOne(
    _ input: RawValue, t: ValueTransform, type: ValueType, scope: RowScope?,
    bare: Target.Comparison
  ) -> Result<FieldValue?, ValueFailure> {
    var raw = input
    // Value map.
    if let ref = t.map {
      let map: ValueMap?
      switch ref {
      case .inline(let m): map = m
      case .named(let name): map = mapping.valueMaps[name] ?? BuiltInValueMaps.all[name]
      }
      if let map {
        if let word = map.value(for: raw.text) {
          raw = RawValue(text: word)
        } else {
          switch map.otherwise {
          case .keep: break
          case .value(let v): raw = RawValue(text: v)
          case .error:
            if BuiltInValueMaps.map(for: type) == nil || !isCanonicalWord(raw.text, type: type) {
              return .failure(
                ValueFailure(
                  code: MappingDiagnostics.unknownValue,
                  message: "'\(raw.text)' is not one of the values the mapping knows",
                  hint: TextMatching.hint(for: raw.text, among: map.writtenKeys)))
            }
          }
        }
      }
    }
    // A lookup whose result is typed (a status, a number, a date from a register table) runs
    // first; for text and codes it runs on the typed text (codes get their zeros back first).
    let lookupFirst = t.lookup != nil && type != .text && type != .code
    if lookupFirst, let lookup = t.lookup {
      switch lookupValue(raw.text, in: lookup) {
      case .success(let found): raw = RawValue(text: found)
      case .failure(let f): return .failure(f)
      }
    }
    // Thousands separators of the declared notation.
    if let mark = t.decimal,
      type == .number || type == .integer || type == .percent || type == .target,
      case .string(let s)? = raw.value
    {
      let pattern = mark == .point ? #"(?<=\d),(?=\d{3}(\D|$))"# : #"(?<=\d)\.(?=\d{3}(\D|$))"#
      raw = RawValue(
        text: s.replacingOccurrences(of: pattern, with: "", options: .regularExpression))
    }
    // Missing tokens.
    let numeric = type == .number || type == .integer || type == .percent
    if numeric, case .string = raw.value,
      let reason = ValueReader.missingReason(raw.text, extra: t.missing)
    {
      return .success(.missing(reason, token: raw.text))
    }
    if !numeric, type != .text, type != .code, ["-", "–", "—"].contains(raw.text) {
      return .success(nil)
    }
    var value: FieldValue
    switch type {
    case .text:
      var text = raw.text
      if case .number(let n)? = raw.value { text = CellValue.format(n) }
      value = .text(text)
    case .code:
      switch ValueReader.code(raw, digits: t.digits) {
      case .success(let s): value = .text(s)
      case .failure(let f): return .failure(f)
      }
    case .integer, .number, .percent:
      switch ValueReader.number(
        raw, percent: type == .percent, input: t.percentInput, multiply: t.multiply)
      {
      case .success(let n):
        if type == .integer && abs(n - n.rounded()) > 1e-9 {
          return .failure(
            ValueFailure(
              code: MappingDiagnostics.typeError, message: "'\(raw.text)' is not a whole number",
              hint: nil))
        }
        value = .number(n)
      case .failure(let f): return .failure(f)
      }
    case .date:
      switch ValueReader.date(raw, dateSystem: workbook.dateSystem) {
      case .success(let d): value = .date(d)
      case .failure(let f): return .failure(f)
      }
    case .boolean:
      switch ValueReader.bool(raw) {
      case .success(let b): value = .bool(b)
      case .failure(let f): return .failure(f)
      }
    case .period:
      switch ValueReader.period(raw, kind: t.periodKind, dateSystem: workbook.dateSystem) {
      case .success(let p): value = .period(p)
      case .failure(let f): return .failure(f)
      }
    case .target:
      switch ValueReader.target(raw, bare: t.comparison ?? bare) {
      case .success(let tv): value = .target(tv)
      case .failure(let f): return .failure(f)
      }
    case .gender, .status, .assessment, .direction, .goalLevel, .unitKind:
      guard let word = canonicalWord(raw.text, type: type) else {
        let keys = BuiltInValueMaps.map(for: type)?.writtenKeys ?? []
        return .failure(
          ValueFailure(
            code: MappingDiagnostics.unknownValue,
            message: "'\(raw.text)' is not a known \(type.rawValue)",
            hint: TextMatching.hint(for: raw.text, among: keys)))
      }
      value = .text(word)
    }
    if let format = t.format, let text = value.text {
      var scope = scope
      scope?.captures["value"] = text
      value = .text(
        scope.map { expand(format, scope: $0) }
          ?? format.replacingOccurrences(of: "{value}", with: text))
    }
    if let separator = t.hierarchy, case .text(let s) = value {
      guard let cut = s.range(of: separator, options: .backwards) else { return .success(nil) }
      value = .text(String(s[..<cut.lowerBound]))
      if s[..<cut.lowerBound].isEmpty { return .success(nil) }
    }
    if t.slug, case .text(let s) = value {
      value = .text(TextMatching.slug(s))
    }
    if !lookupFirst, let lookup = t.lookup, case .text(let s) = value {
      switch lookupValue(s, in: lookup) {
      case .success(let found): value = .text(found)
      case .failure(let f): return .failure(f)
      }
    }
    if let pattern = t.pattern, let text = value.text, regexes.match(pattern, in: text) == nil {
      return .failure(
        ValueFailure(
          code: MappingDiagnostics.patternMismatch,
          message: "'\(text)' does not match the pattern \(pattern)", hint: nil))
    }
    return .success(value)
  }

  /// The canonical raw value of an enum word, given as itself (`ongoing`, `not-started`) or
  /// through the type's built-in map.
  func canonicalWord(_ text: String, type: ValueType) -> String? {
    let choices: [String]
    switch type {
    case .gender: choices = CanonicalMeasurement.Gender.allCases.map(\.rawValue)
    case .status: choices = Activity.Status.allCases.map(\.rawValue)
    case .assessment: choices = Assessment.Level.allCases.map(\.rawValue)
    case .direction: choices = KPI.Direction.allCases.map(\.rawValue)
    case .goalLevel: choices = Goal.Level.allCases.map(\.rawValue)
    case .unitKind: choices = OrgUnit.Kind.allCases.map(\.rawValue)
    default: return text
    }
    let key = MappingYAMLReader.wordKey(text)
    if let c = choices.first(where: { MappingYAMLReader.wordKey($0) == key }) { return c }
    if let word = BuiltInValueMaps.map(for: type)?.value(for: text) { return word }
    // A header that ends in a gender word: `Utfall T2 totalt`, `Andel flickor`.
    if type == .gender, let last = text.split(separator: " ").last, last.count > 1,
      last.count < text.count
    {
      return BuiltInValueMaps.gender.value(for: String(last))
    }
    return nil
  }

  func isCanonicalWord(_ text: String, type: ValueType) -> Bool {
    canonicalWord(text, type: type) != nil
  }

  func lookupValue(_ text: String, in lookup: String) -> Result<String, ValueFailure> {
    switch lookup {
    case "units":
      switch reference.unitID(for: text) {
      case .found(let id): return .success(id)
      case .notFound(let suggestion):
        return .failure(
          ValueFailure(
            code: MappingDiagnostics.unknownUnit,
            message: "'\(text)' is not a unit in the register (by name, alias or code)",
            hint: suggestion.map { "did you mean '\($0)'? (or add '\(text)' as an alias)" }))
      }
    case "goals":
      switch reference.goalID(for: text) {
      case .found(let id): return .success(id)
      case .notFound(let suggestion):
        return .failure(
          ValueFailure(
            code: MappingDiagnostics.unknownGoal, message: "'\(text)' is not a known goal",
            hint: suggestion.map { "did you mean '\($0)'?" }))
      }
    case "kpi-succession":
      return .success(reference.successor(ofKPI: text) ?? text)
    default:
      guard reference.hasTable(lookup) else {
        return .failure(
          ValueFailure(
            code: MappingDiagnostics.lookupTableMissing,
            message: "the register table '\(lookup)' is not loaded",
            hint: "name it under 'registers' in a reference file"))
      }
      switch reference.value(in: lookup, for: text) {
      case .found(let v): return .success(v)
      case .notFound(let suggestion):
        return .failure(
          ValueFailure(
            code: MappingDiagnostics.unknownLookupValue,
            message: "'\(text)' is not in the register table '\(lookup)'",
            hint: suggestion.map { "did you mean '\($0)'?" }))
      }
    }
  }
}
