import Spreadsheet

/// Checks a decoded (and merged) mapping for references that do not resolve: value maps,
/// context values, sections, fields, template placeholders, fill-down names, and tables that
/// map none of their entity's essential fields.
struct MappingValidator {
  let file: MappingFile
  /// Tables that already have decoding errors: their missing essentials are a consequence.
  var brokenTables: Set<Int> = []
  /// Context values that failed to decode: references to them are not reported again.
  var brokenContext: Set<String> = []

  static let builtInLookups = ["units", "goals", "kpis", "kpi-succession"]
  static let templateNames: Set<String> = ["sheet", "row", "file", "value", "column"]

  func validate() -> [MappingError] {
    var errors: [MappingError] = []
    let contextNames = Set(file.context.map(\.name)).union(brokenContext)
    for value in file.context {
      errors += checkTransform(
        value.transform, at: value.location, path: "context.\(value.name)",
        type: value.transform.type)
    }
    for (i, table) in file.tables.enumerated() {
      let path = "tables[\(i)]\(table.name.map { " (\($0))" } ?? "")"
      var known = Self.templateNames.union(contextNames)
      known.formUnion(table.fields.map(\.name))
      known.formUnion(table.dimensions.map(\.name))
      for section in table.sections {
        known.insert(section.name)
        for f in section.fields { known.insert("\(section.name).\(f.name)") }
        for c in [section.when] + section.alsoWhen {
          if let r = c.regex { known.formUnion(Self.groupNames(r)) }
        }
      }
      if table.tree != nil { known.formUnion(TreeSpec.templateNames) }
      var parts: Set<String> = ["header", "group", "cell"]
      if let u = table.unpivot {
        known.formUnion(u.fields.map(\.name))
        for r in [u.columnsRegex, u.groupRegex].compactMap({ $0 }) {
          parts.formUnion(Self.groupNames(r))
          known.formUnion(Self.groupNames(r))
        }
        known.formUnion(["header", "group"])
      }
      // `tree_level` in a row condition names a level of the table's tree.
      let rules = table.rows
      let levelNames = table.tree.map { $0.levels.flatMap(\.names) } ?? []
      for c in rules.keepWhen + rules.skipWhen + rules.stopWhen + rules.continuesWhen {
        for name in c.treeLevel
        where !levelNames.contains(where: {
          TextMatching.normalized($0) == TextMatching.normalized(name)
        }) {
          errors.append(
            MappingError(
              .unknownReference, at: c.location,
              table.tree == nil
                ? "'tree_level' tests a row's tree level, but the table has no 'tree'"
                : "'tree_level' names '\(name)', which is not a level of the table's tree",
              keyPath: "\(path).rows",
              hint: table.tree == nil ? nil : TextMatching.hint(for: name, among: levelNames)))
        }
      }
      let fieldNames = Set(table.fields.map(\.name))
      for name in table.fillDown where !fieldNames.contains(name) {
        errors.append(
          MappingError(
            .unknownReference, at: table.location,
            "fill_down names '\(name)', which is not a field of this table",
            keyPath: "\(path).fill_down",
            hint: TextMatching.hint(for: name, among: Array(fieldNames))))
      }
      let sectionNames = table.sections.map(\.name)
      var all = table.fields.map { ($0, table.entity, "\(path).fields.\($0.name)") }
      all += table.dimensions.map { ($0, Entity.measurement, "\(path).dimensions.\($0.name)") }
      for s in table.sections {
        all += s.fields.map {
          ($0, s.entity ?? table.entity, "\(path).sections.\(s.name).\($0.name)")
        }
      }
      if let u = table.unpivot {
        all += u.fields.map { ($0, table.entity, "\(path).unpivot.fields.\($0.name)") }
        all.append((u.value, table.entity, "\(path).unpivot.value"))
        if !(table.entity == .measurement || table.entity == .kpi) {
          errors.append(
            MappingError(
              .invalidValue, at: u.location,
              "'unpivot' makes measurements and needs a measurement or kpi table, not "
                + "'\(table.entity.rawValue)'", keyPath: "\(path).unpivot"))
        }
      }
      if !table.dimensions.isEmpty && !(table.entity == .measurement || table.entity == .kpi) {
        errors.append(
          MappingError(
            .invalidValue, at: table.location,
            "'dimensions' belong to measurements; the table's entity is '\(table.entity.rawValue)'",
            keyPath: "\(path).dimensions"))
      }
      for (field, entity, fpath) in all {
        switch field.source {
        case .context(let name) where !contextNames.contains(name):
          errors.append(
            MappingError(
              .unknownReference, at: field.location, "no context value named '\(name)'",
              keyPath: fpath, hint: TextMatching.hint(for: name, among: Array(contextNames))))
        case .section(let name, _) where !sectionNames.contains(name):
          errors.append(
            MappingError(
              .unknownReference, at: field.location, "no section named '\(name)' in this table",
              keyPath: fpath, hint: TextMatching.hint(for: name, among: sectionNames)))
        case .field(let name) where !fieldNames.contains(name):
          errors.append(
            MappingError(
              .unknownReference, at: field.location, "no field named '\(name)' in this table",
              keyPath: fpath, hint: TextMatching.hint(for: name, among: Array(fieldNames))))
        case .headerPart where table.unpivot == nil:
          errors.append(
            MappingError(
              .invalidValue, at: field.location,
              "'from' names a part of an unpivoted column's header; this table has no 'unpivot'",
              keyPath: fpath))
        case .headerPart(let part) where !parts.contains(part):
          errors.append(
            MappingError(
              .unknownReference, at: field.location,
              "'from: \(part)' names no part of the column header; use header, group, or a "
                + "named group of columns_regex/group_regex", keyPath: fpath,
              hint: TextMatching.hint(for: part, among: Array(parts).sorted())))
        case .value(let text):
          for name in Self.placeholders(in: text) where !known.contains(name) {
            errors.append(
              MappingError(
                .unknownReference, at: field.location,
                "the template '\(text)' uses '{\(name)}', which is no field, context value, "
                  + "section or regex group here", keyPath: fpath,
                hint: TextMatching.hint(for: name, among: Array(known).sorted())))
          }
          if Self.placeholders(in: text).isEmpty {
            errors += checkConstant(text, field: field, entity: entity, path: fpath)
          }
        default: break
        }
        for template in [field.transform.format, field.transform.defaultValue].compactMap({ $0 }) {
          for name in Self.placeholders(in: template) where !known.contains(name) {
            errors.append(
              MappingError(
                .unknownReference, at: field.location,
                "the template '\(template)' uses '{\(name)}', which is no field, context value, "
                  + "section or regex group here", keyPath: fpath,
                hint: TextMatching.hint(for: name, among: Array(known).sorted())))
          }
        }
        errors += checkTransform(
          field.transform, at: field.location, path: fpath,
          type: field.transform.type ?? entity.defaultType(of: field.name))
      }
      if !brokenTables.contains(i) { errors += checkEssentials(table, path: path) }
    }
    if let title = file.plan?.title {
      for name in Self.placeholders(in: title) where !contextNames.contains(name) {
        errors.append(
          MappingError(
            .unknownReference, at: file.plan?.location,
            "the plan title uses '{\(name)}', which is no context value", keyPath: "plan.title",
            hint: TextMatching.hint(for: name, among: Array(contextNames))))
      }
    }
    return errors
  }

  private func checkTransform(
    _ t: ValueTransform, at location: SourceLocation?, path: String, type: ValueType?
  ) -> [MappingError] {
    var errors: [MappingError] = []
    if case .named(let name)? = t.map, file.valueMaps[name] == nil,
      BuiltInValueMaps.all[name] == nil
    {
      let known = Array(file.valueMaps.keys).sorted() + BuiltInValueMaps.all.keys.sorted()
      errors.append(
        MappingError(
          .unknownReference, at: location,
          "no value map named '\(name)' (define it under value_maps or in a values file)",
          keyPath: "\(path).map", hint: TextMatching.hint(for: name, among: known)))
    }
    if t.percentInput == .fraction && type != .percent {
      errors.append(
        MappingError(
          .conflictingKeys, at: location, "'input: fraction' applies to 'type: percent' only",
          keyPath: "\(path).input"))
    }
    return errors
  }

  private func checkConstant(
    _ text: String, field: ColumnMapping, entity: Entity, path: String
  ) -> [MappingError] {
    let type = field.transform.type ?? entity.defaultType(of: field.name)
    guard field.transform.map == nil, let map = BuiltInValueMaps.map(for: type) else { return [] }
    if map.value(for: text) == nil {
      return [
        MappingError(
          .invalidValue, at: field.location,
          "'\(text)' is not a valid \(type.rawValue) for the field '\(field.name)'",
          keyPath: "\(path).value",
          hint: TextMatching.hint(for: text, among: Array(Set(map.entries.map(\.value))).sorted()))
      ]
    }
    return []
  }

  private func checkEssentials(_ table: TableMapping, path: String) -> [MappingError] {
    // A table of section rows only: its sections make the records.
    if table.fields.isEmpty && table.sections.contains(where: { $0.entity != nil }) { return [] }
    var provided = Set(table.fields.map(\.name))
    provided.formUnion(table.unpivot?.fields.map(\.name) ?? [])
    if table.unpivot != nil { provided.insert(table.entity == .kpi ? "outcome" : "value") }
    var missing: [String] = []
    for name in table.entity.essentialFields where !provided.contains(name) {
      if table.entity == .activity && name == "id" { continue }
      missing.append(name)
    }
    guard !missing.isEmpty else { return [] }
    return [
      MappingError(
        .missingKey, at: table.location,
        "a \(table.entity.rawValue) table must map \(missing.map { "'\($0)'" }.joined(separator: " and "))",
        keyPath: "\(path).fields")
    ]
  }

  /// `{name}` placeholders in a template.
  static func placeholders(in text: String) -> [String] {
    var out: [String] = []
    var current: String?
    for ch in text {
      if ch == "{" {
        current = ""
      } else if ch == "}" {
        if let c = current, !c.isEmpty { out.append(c) }
        current = nil
      } else if current != nil {
        current?.append(ch)
      }
    }
    return out
  }

  /// Named groups `(?<name>…)` of a regular expression.
  static func groupNames(_ pattern: String) -> [String] {
    var out: [String] = []
    var rest = Substring(pattern)
    while let range = rest.range(of: "(?<") {
      let after = rest[range.upperBound...]
      if after.first == "=" || after.first == "!" {
        rest = after
        continue
      }
      guard let close = after.firstIndex(of: ">") else { break }
      out.append(String(after[..<close]))
      rest = after[close...]
    }
    return out
  }
}
