import Canonical
import Spreadsheet
import Yams

/// Turns a composed YAML node tree into a ``MappingFile``, one block at a time, reporting
/// each problem at its node.
struct MappingDecoder {
  let reader: MappingYAMLReader

  static let topKeys = [
    "mapping", "version", "description", "extends", "values", "value_maps", "match", "csv",
    "context", "plan", "tables",
  ]
  static let matchKeys = ["file", "files", "sheets", "headers", "priority", "property"]
  static let tableKeys = [
    "name", "sheet", "sheet_regex", "optional", "entity", "header", "rows", "fill_down",
    "sections", "fields", "dimensions", "unpivot", "emit_kpis", "tree",
  ]
  static let treeKeys = ["level", "indent", "levels"]
  static let treeLevelKeys = ["name", "id"]
  static let headerKeys = ["row", "find", "within", "rows", "group_fill", "repeats"]
  static let rowKeys = [
    "skip_blank", "stop_at_blank", "stop_when", "skip_when", "keep_when", "skip_totals",
    "totals_column", "continues_when",
  ]
  static let conditionKeys = [
    "column", "column_regex", "position", "group", "equals", "regex", "blank", "tree_level",
  ]
  static let sectionKeys = ["name", "when", "entity", "fields"]
  static let unpivotKeys = [
    "columns", "columns_regex", "group", "group_regex", "except", "fields", "value", "order",
    "keep_blank",
  ]
  static let sourceKeys = [
    "column", "columns", "column_regex", "position", "group", "occurrence", "value", "context",
    "section", "field", "from", "sheet_name", "label",
  ]
  static let transformKeys = [
    "type", "input", "multiply", "digits", "map", "extract", "split", "lookup", "missing",
    "pattern", "default", "period_kind", "comparison", "hierarchy", "trim_quotes", "slug",
    "format", "decimal",
  ]
  static let fieldKeys = sourceKeys + transformKeys + ["required", "optional"]
  static let contextKeys =
    ["cell", "label", "sheet", "within", "file_name", "value", "sheet_name", "required"]
    + transformKeys
  static let planKeys = ["kind", "title"]

  // MARK: file

  func decodeMapping(_ root: Node) -> DecodedMapping? {
    guard let pairs = reader.pairs(root, path: "", what: "a mapping file", allowed: Self.topKeys)
    else { return nil }
    var name: String?
    var version: Int?
    var file = MappingFile(name: "", tables: [])
    file.location = reader.location(root)
    var present: Set<String> = []
    var tablePresent: [Set<String>] = []
    var tableRemoved: [Set<String>] = []
    var extends: (String, Node)?
    var valueFiles: [(String, Node)] = []
    for (key, keyNode, value) in pairs {
      present.insert(key)
      switch key {
      case "mapping":
        if let s = reader.string(value, path: key) {
          if s.isEmpty || s.contains(where: { $0.isWhitespace || $0 == "/" }) {
            reader.error(
              .invalidValue, value,
              "the mapping name '\(s)' must be one word (letters, digits, '-'), as used in "
                + "provenance", path: key)
          }
          name = s
          file.location = reader.location(keyNode)
        }
      case "version": version = reader.int(value, path: key, range: 1...1_000_000)
      case "description": file.description = reader.string(value, path: key)
      case "extends":
        if let s = reader.string(value, path: key) {
          extends = (s, value)
          file.extends = s
        }
      case "values":
        if let list = reader.strings(value, path: key) { valueFiles = list.map { ($0, value) } }
      case "value_maps": file.valueMaps = decodeValueMaps(value, path: key)
      case "match": file.match = decodeMatch(value)
      case "csv":
        if let csv = reader.pairs(value, path: key, what: "'csv'", allowed: ["ragged_rows"]) {
          for (k, _, v) in csv {
            file.raggedRows = reader.word(
              v, path: "csv.\(k)", choices: RaggedRowsPolicy.allCases.map { ($0.rawValue, $0) })
          }
        }
      case "context": file.context = decodeContext(value)
      case "plan": file.plan = decodePlan(value)
      case "tables":
        guard case .sequence(let seq) = value else {
          reader.error(
            .wrongType, value, "'tables' must be a list of tables (each item starts with '- ')",
            path: key)
          continue
        }
        for (i, item) in seq.enumerated() {
          if let (table, keys, removed) = decodeTable(item, path: "tables[\(i)]") {
            file.tables.append(table)
            tablePresent.append(keys)
            tableRemoved.append(removed)
          }
        }
      default: break
      }
    }
    if name == nil {
      reader.error(
        .missingKey, root, "the file has no 'mapping' key naming the mapping", path: "mapping")
    }
    if version == nil && !present.contains("version") {
      reader.error(
        .missingKey, root, "the file has no 'version' key (a whole number)", path: "version")
    }
    file.name = name ?? ""
    file.version = version ?? 1
    if extends == nil {
      if !present.contains("tables") {
        reader.error(.missingKey, root, "the file has no 'tables' list", path: "tables")
      }
      if !present.contains("match") {
        reader.error(
          .missingKey, root,
          "the file has no 'match' block saying which files it reads", path: "match")
      }
    }
    return DecodedMapping(
      file: file, present: present, tablePresent: tablePresent, tableRemoved: tableRemoved,
      extends: extends, valueFiles: valueFiles)
  }

  func decodeMatch(_ node: Node) -> MatchRule {
    var rule = MatchRule()
    guard let pairs = reader.pairs(node, path: "match", what: "'match'", allowed: Self.matchKeys)
    else { return rule }
    for (key, _, value) in pairs {
      let path = "match.\(key)"
      switch key {
      case "file", "files": rule.files += reader.strings(value, path: path) ?? []
      case "sheets": rule.sheets = reader.strings(value, path: path) ?? []
      case "headers": rule.headers = reader.strings(value, path: path) ?? []
      case "priority": rule.priority = reader.int(value, path: path) ?? 0
      case "property":
        guard
          let fields = reader.pairs(
            value, path: path, what: "'property'", allowed: ["name", "value"])
        else { continue }
        var name: String?
        var text: String?
        for (k, _, v) in fields {
          if k == "name" { name = reader.string(v, path: "\(path).name") }
          if k == "value" { text = reader.string(v, path: "\(path).value") }
        }
        if let name, let text {
          rule.property = (name, text)
        } else {
          reader.error(
            .missingKey, value, "'property' needs a 'name' and a 'value'", path: path)
        }
      default: break
      }
    }
    if rule.files.isEmpty && rule.sheets.isEmpty && rule.headers.isEmpty
      && rule.property == nil
    {
      reader.error(
        .missingKey, node,
        "'match' needs at least one of 'file', 'sheets', 'headers' or 'property'", path: "match")
    }
    return rule
  }

  func decodeValueMaps(_ node: Node, path: String) -> [String: ValueMap] {
    var maps: [String: ValueMap] = [:]
    guard let pairs = reader.pairs(node, path: path, what: "'\(path)'", allowed: []) else {
      return maps
    }
    for (name, keyNode, value) in pairs {
      if let map = decodeValueMap(value, path: "\(path).\(name)") {
        var m = map
        m.location = reader.location(keyNode)
        maps[name] = m
      }
    }
    return maps
  }

  func decodeValueMap(_ node: Node, path: String) -> ValueMap? {
    guard let pairs = reader.pairs(node, path: path, what: "the value map '\(path)'", allowed: [])
    else { return nil }
    var entries: [(String, String)] = []
    var otherwise = ValueMap.Otherwise.error
    for (key, _, value) in pairs {
      guard let v = reader.string(value, path: "\(path).\(key)") else { continue }
      if key == "*" {
        otherwise = v == "keep" ? .keep : .value(v)
      } else {
        entries.append((key, v))
      }
    }
    return ValueMap(entries, otherwise: otherwise, location: reader.location(node))
  }

  func decodePlan(_ node: Node) -> PlanSpec? {
    guard let pairs = reader.pairs(node, path: "plan", what: "'plan'", allowed: Self.planKeys)
    else { return nil }
    var kind: Plan.Kind?
    var title: String?
    for (key, _, value) in pairs {
      switch key {
      case "kind":
        kind = reader.word(
          value, path: "plan.kind", choices: Plan.Kind.allCases.map { (kebab($0.rawValue), $0) })
      case "title": title = reader.string(value, path: "plan.title")
      default: break
      }
    }
    guard let kind else {
      if !pairs.contains(where: { $0.key == "kind" }) {
        reader.error(
          .missingKey, node, "'plan' needs a 'kind' (board-plan, unit-plan or statistics)",
          path: "plan.kind")
      }
      return nil
    }
    return PlanSpec(kind: kind, title: title, location: reader.location(node))
  }

  // MARK: context

  func decodeContext(_ node: Node) -> [ContextValue] {
    var out: [ContextValue] = []
    guard let pairs = reader.pairs(node, path: "context", what: "'context'", allowed: []) else {
      return out
    }
    for (name, keyNode, value) in pairs {
      let path = "context.\(name)"
      if case .scalar(let s) = value {
        out.append(
          ContextValue(name: name, source: .constant(s.string), location: reader.location(keyNode)))
        continue
      }
      guard
        let items = reader.pairs(
          value, path: path, what: "the context value '\(name)'", allowed: Self.contextKeys)
      else { continue }
      let errorsBefore = reader.errors.count
      var sources: [(String, ContextValue.Source)] = []
      var sheet: String?
      var within = 30
      var required = false
      var labelText: [String] = []
      for (key, _, v) in items {
        let p = "\(path).\(key)"
        switch key {
        case "cell":
          if let text = reader.string(v, path: p) {
            if let (sheetName, ref) = Self.parseCell(text) {
              sources.append((key, .cell(sheet: sheetName, ref)))
            } else {
              reader.error(
                .invalidCellReference, v,
                "'\(text)' is not a cell reference such as 'B2' or 'Mål!B2'", path: p)
            }
          }
        case "label":
          if let texts = reader.strings(v, path: p) {
            labelText = texts
            sources.append((key, .label(texts, sheet: nil, within: 30)))
          }
        case "file_name":
          if let pattern = reader.regex(v, path: p) {
            sources.append((key, .fileName(regex: pattern)))
          }
        case "value":
          if let text = reader.string(v, path: p) { sources.append((key, .constant(text))) }
        case "sheet_name":
          if reader.bool(v, path: p) == true { sources.append((key, .sheetName)) }
        case "sheet": sheet = reader.string(v, path: p)
        case "within": within = reader.int(v, path: p, range: 1...1000) ?? within
        case "required": required = reader.bool(v, path: p) ?? false
        default: break
        }
      }
      let transform = decodeTransform(items, path: path)
      if sources.count > 1 {
        reader.error(
          .conflictingKeys, value,
          "the context value '\(name)' has several sources (\(sources.map(\.0).joined(separator: ", "))); "
            + "give exactly one", path: path)
      }
      guard var source = sources.first?.1 else {
        if reader.errors.count > errorsBefore { continue }
        reader.error(
          .missingKey, value,
          "the context value '\(name)' needs a source: 'cell', 'label', 'file_name', 'value' or "
            + "'sheet_name'", path: path)
        continue
      }
      switch source {
      case .cell(nil, let ref): source = .cell(sheet: sheet, ref)
      case .label: source = .label(labelText, sheet: sheet, within: within)
      default: break
      }
      out.append(
        ContextValue(
          name: name, source: source, transform: transform, required: required,
          location: reader.location(keyNode)))
    }
    return out
  }

  /// Parses `B2`, `Mål!B2`, `'Mål 2026'!B2`.
  static func parseCell(_ text: String) -> (String?, CellReference)? {
    guard let bang = text.lastIndex(of: "!") else {
      return CellReference(text).map { (nil, $0) }
    }
    var sheet = String(text[..<bang])
    if sheet.hasPrefix("'") && sheet.hasSuffix("'") && sheet.count >= 2 {
      sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
    guard !sheet.isEmpty, let ref = CellReference(text[text.index(after: bang)...]) else {
      return nil
    }
    return (sheet, ref)
  }

  // MARK: tables

  func decodeTable(_ node: Node, path: String) -> (TableMapping, Set<String>, Set<String>)? {
    guard let pairs = reader.pairs(node, path: path, what: "a table", allowed: Self.tableKeys)
    else { return nil }
    var table = TableMapping(entity: .measurement, fields: [], location: reader.location(node))
    var present: Set<String> = []
    var removed: Set<String> = []
    var entity: Entity?
    // entity first: field names are checked against it.
    if let e = pairs.first(where: { $0.key == "entity" }) {
      entity = reader.word(
        e.value, path: "\(path).entity", choices: Entity.allCases.map { ($0.rawValue, $0) })
    }
    for (key, _, value) in pairs {
      present.insert(key)
      let p = "\(path).\(key)"
      switch key {
      case "name": table.name = reader.string(value, path: p)
      case "sheet":
        if let names = reader.strings(value, path: p) {
          table.sheet = names == ["*"] ? .every : .named(names)
        }
      case "sheet_regex":
        if let r = reader.regex(value, path: p) { table.sheet = .regex(r) }
      case "optional": table.optional = reader.bool(value, path: p) ?? false
      case "entity": break
      case "header": table.header = decodeHeader(value, path: p)
      case "rows": table.rows = decodeRows(value, path: p)
      case "fill_down": table.fillDown = reader.strings(value, path: p) ?? []
      case "sections":
        guard case .sequence(let seq) = value else {
          reader.error(.wrongType, value, "'sections' must be a list", path: p)
          continue
        }
        table.sections = seq.enumerated().compactMap { decodeSection($1, path: "\(p)[\($0)]") }
      case "fields":
        let (fields, gone) = decodeFields(value, path: p, entity: entity, unpivot: false)
        table.fields = fields
        removed.formUnion(gone)
      case "dimensions":
        let (fields, gone) = decodeFields(value, path: p, entity: nil, unpivot: true)
        table.dimensions = fields
        removed.formUnion(gone)
      case "unpivot": table.unpivot = decodeUnpivot(value, path: p, entity: entity)
      case "emit_kpis": table.emitKPIs = reader.bool(value, path: p) ?? false
      case "tree": table.tree = decodeTree(value, path: p)
      default: break
      }
    }
    if present.contains("sheet") && present.contains("sheet_regex") {
      reader.error(
        .conflictingKeys, node, "a table has either 'sheet' or 'sheet_regex', not both",
        path: path)
    }
    if let entity {
      table.entity = entity
    } else if !present.contains("entity") && table.name == nil {
      reader.error(
        .missingKey, node,
        "the table has no 'entity' (goal, kpi, target, measurement, activity, assessment, unit)",
        path: "\(path).entity")
    }
    if entity == nil {
      if present.contains("entity") { return nil }
      present.remove("entity")
    }
    return (table, present, removed)
  }

  func decodeHeader(_ node: Node, path: String) -> HeaderSpec {
    var spec = HeaderSpec(location: reader.location(node))
    switch node {
    case .scalar:
      spec.row = reader.int(node, path: "\(path).row", range: 1...CellReference.maxRow)
      return spec
    case .sequence:
      spec.find = decodeFind(node, path: "\(path).find")
      return spec
    default: break
    }
    guard let pairs = reader.pairs(node, path: path, what: "'header'", allowed: Self.headerKeys)
    else { return spec }
    for (key, _, value) in pairs {
      let p = "\(path).\(key)"
      switch key {
      case "row": spec.row = reader.int(value, path: p, range: 1...CellReference.maxRow)
      case "find": spec.find = decodeFind(value, path: p)
      case "within": spec.within = reader.int(value, path: p, range: 1...10_000) ?? spec.within
      case "rows": spec.rows = reader.int(value, path: p, range: 1...2) ?? 1
      case "group_fill": spec.groupFillRight = reader.bool(value, path: p) ?? true
      case "repeats": spec.repeats = reader.bool(value, path: p) ?? false
      default: break
      }
    }
    if spec.row != nil && !spec.find.isEmpty {
      reader.error(
        .conflictingKeys, node, "'header' has either 'row' or 'find', not both", path: path)
    }
    return spec
  }

  func decodeFind(_ node: Node, path: String) -> [[String]] {
    switch node {
    case .scalar(let s): return [[s.string]]
    case .sequence(let seq):
      return seq.enumerated().compactMap { i, item in
        reader.strings(item, path: "\(path)[\(i)]")
      }
    default:
      reader.error(.wrongType, node, "'find' must be a list of header words", path: path)
      return []
    }
  }

  func decodeRows(_ node: Node, path: String) -> RowRules {
    var rules = RowRules(location: reader.location(node))
    guard let pairs = reader.pairs(node, path: path, what: "'rows'", allowed: Self.rowKeys) else {
      return rules
    }
    for (key, _, value) in pairs {
      let p = "\(path).\(key)"
      switch key {
      case "skip_blank": rules.skipBlank = reader.bool(value, path: p) ?? true
      case "stop_at_blank": rules.stopAtBlank = reader.bool(value, path: p) ?? false
      case "stop_when": rules.stopWhen = decodeConditions(value, path: p)
      case "skip_when": rules.skipWhen = decodeConditions(value, path: p)
      case "keep_when": rules.keepWhen = decodeConditions(value, path: p)
      case "skip_totals": rules.skipTotals = reader.strings(value, path: p) ?? []
      case "totals_column": rules.totalsColumn = decodeSelector(value, path: p)
      case "continues_when": rules.continuesWhen = decodeConditions(value, path: p)
      default: break
      }
    }
    return rules
  }

  func decodeConditions(_ node: Node, path: String) -> [RowCondition] {
    if case .sequence(let seq) = node {
      return seq.enumerated().compactMap { decodeCondition($1, path: "\(path)[\($0)]") }
    }
    return decodeCondition(node, path: path).map { [$0] } ?? []
  }

  func decodeCondition(_ node: Node, path: String) -> RowCondition? {
    guard
      let pairs = reader.pairs(
        node, path: path, what: "a row condition", allowed: Self.conditionKeys)
    else { return nil }
    var condition = RowCondition(location: reader.location(node))
    var selector = ColumnSelector()
    var hasColumn = false
    for (key, _, value) in pairs {
      let p = "\(path).\(key)"
      switch key {
      case "column":
        selector.names = reader.strings(value, path: p) ?? []
        hasColumn = true
      case "column_regex":
        selector.regex = reader.regex(value, path: p)
        hasColumn = true
      case "position":
        selector.position = decodePosition(value, path: p)
        hasColumn = true
      case "group": selector.groups = reader.strings(value, path: p) ?? []
      case "equals": condition.equals = reader.strings(value, path: p) ?? []
      case "regex": condition.regex = reader.regex(value, path: p)
      case "blank": condition.blank = reader.bool(value, path: p)
      case "tree_level": condition.treeLevel = reader.strings(value, path: p) ?? []
      default: break
      }
    }
    if hasColumn { condition.column = selector }
    if condition.equals.isEmpty && condition.regex == nil && condition.blank == nil
      && condition.treeLevel.isEmpty
    {
      reader.error(
        .missingKey, node, "a row condition needs 'equals', 'regex', 'blank' or 'tree_level'",
        path: path)
    }
    return condition
  }

  func decodeSelector(_ node: Node, path: String) -> ColumnSelector? {
    if case .scalar(let s) = node { return ColumnSelector(names: [s.string]) }
    if case .sequence = node {
      return ColumnSelector(names: reader.strings(node, path: path) ?? [])
    }
    guard
      let pairs = reader.pairs(
        node, path: path, what: "a column",
        allowed: ["column", "column_regex", "position", "group", "occurrence"])
    else { return nil }
    var selector = ColumnSelector()
    for (key, _, value) in pairs {
      let p = "\(path).\(key)"
      switch key {
      case "column": selector.names = reader.strings(value, path: p) ?? []
      case "column_regex": selector.regex = reader.regex(value, path: p)
      case "position": selector.position = decodePosition(value, path: p)
      case "group": selector.groups = reader.strings(value, path: p) ?? []
      case "occurrence": selector.occurrence = reader.int(value, path: p, range: 1...1000) ?? 1
      default: break
      }
    }
    return selector
  }

  func decodePosition(_ node: Node, path: String) -> Int? {
    guard let text = reader.string(node, path: path) else { return nil }
    if let n = Int(text), n >= 1, n <= CellReference.maxColumn { return n }
    if let n = CellReference.columnNumber(text) { return n }
    reader.error(
      .invalidValue, node,
      "'\(text)' is not a column position (a letter such as 'C' or a number from 1)", path: path)
    return nil
  }

  func decodeTree(_ node: Node, path: String) -> TreeSpec? {
    guard let pairs = reader.pairs(node, path: path, what: "'tree'", allowed: Self.treeKeys)
    else { return nil }
    var level: ColumnSelector?
    var byIndent = false
    var levels: [TreeSpec.Level] = []
    for (key, _, value) in pairs {
      let p = "\(path).\(key)"
      switch key {
      case "level", "indent":
        if level != nil {
          reader.error(
            .conflictingKeys, value,
            "'tree' takes 'level' (a level column) or 'indent' (a column "
              + "whose indentation gives the level), not both", path: p)
        }
        level = decodeSelector(value, path: p)
        byIndent = key == "indent"
      case "levels":
        guard case .sequence(let seq) = value else {
          reader.error(.wrongType, value, "'levels' must be a list, top level first", path: p)
          continue
        }
        for (i, item) in seq.enumerated() {
          let ip = "\(p)[\(i)]"
          if case .mapping = item {
            guard
              let items = reader.pairs(
                item, path: ip, what: "a tree level", allowed: Self.treeLevelKeys)
            else { continue }
            var names: [String] = []
            var id: String?
            for (k, _, v) in items {
              if k == "name" { names = reader.strings(v, path: "\(ip).name") ?? [] }
              if k == "id" { id = reader.string(v, path: "\(ip).id") }
            }
            if names.isEmpty {
              reader.error(.missingKey, item, "a tree level needs a 'name'", path: ip)
            }
            levels.append(TreeSpec.Level(names: names, id: id))
          } else if let names = reader.strings(item, path: ip) {
            levels.append(TreeSpec.Level(names: names))
          }
        }
      default: break
      }
    }
    guard let level, levels.count >= 2 else {
      reader.error(
        .missingKey, node,
        "'tree' needs a 'level' or 'indent' column and at least two 'levels'", path: path)
      return nil
    }
    return TreeSpec(
      level: level, levels: levels, byIndent: byIndent, location: reader.location(node))
  }

  func decodeSection(_ node: Node, path: String) -> SectionSpec? {
    guard let pairs = reader.pairs(node, path: path, what: "a section", allowed: Self.sectionKeys)
    else { return nil }
    var name: String?
    var when: RowCondition?
    var alsoWhen: [RowCondition] = []
    var entity: Entity?
    var fields: [ColumnMapping] = []
    if let e = pairs.first(where: { $0.key == "entity" }) {
      entity = reader.word(
        e.value, path: "\(path).entity", choices: Entity.allCases.map { ($0.rawValue, $0) })
    }
    for (key, _, value) in pairs {
      let p = "\(path).\(key)"
      switch key {
      case "name": name = reader.string(value, path: p)
      case "when":
        let conditions = decodeConditions(value, path: p)
        when = conditions.first
        alsoWhen = Array(conditions.dropFirst())
      case "fields": fields = decodeFields(value, path: p, entity: entity, unpivot: false).0
      default: break
      }
    }
    guard let name, let when else {
      reader.error(.missingKey, node, "a section needs a 'name' and a 'when' condition", path: path)
      return nil
    }
    return SectionSpec(
      name: name, when: when, alsoWhen: alsoWhen, entity: entity, fields: fields,
      location: reader.location(node))
  }

  func decodeUnpivot(_ node: Node, path: String, entity: Entity?) -> UnpivotSpec? {
    guard let pairs = reader.pairs(node, path: path, what: "'unpivot'", allowed: Self.unpivotKeys)
    else { return nil }
    let valueName = entity == .kpi ? "outcome" : "value"
    var spec = UnpivotSpec(
      value: ColumnMapping(name: valueName, source: .headerPart("cell")),
      location: reader.location(node))
    for (key, _, value) in pairs {
      let p = "\(path).\(key)"
      switch key {
      case "columns":
        if let list = reader.strings(value, path: p) {
          if list == ["*"] { spec.allOtherColumns = true } else { spec.columns = list }
        }
      case "columns_regex": spec.columnsRegex = reader.regex(value, path: p)
      case "group": spec.groups = reader.strings(value, path: p) ?? []
      case "group_regex": spec.groupRegex = reader.regex(value, path: p)
      case "except": spec.except = reader.strings(value, path: p) ?? []
      case "fields": spec.fields = decodeFields(value, path: p, entity: entity, unpivot: true).0
      case "value":
        if case .mapping = value,
          let items = reader.pairs(
            value, path: p, what: "the unpivot 'value'", allowed: Self.transformKeys + ["required"])
        {
          spec.value.transform = decodeTransform(items, path: p)
        } else if case .scalar = value {
          spec.value.transform.type = reader.word(
            value, path: "\(p).type", choices: ValueType.allCases.map { ($0.rawValue, $0) })
        }
      case "order":
        spec.order =
          reader.word(value, path: p, choices: PeriodOrder.allCases.map { ($0.rawValue, $0) })
          ?? .any
      case "keep_blank": spec.keepBlank = reader.bool(value, path: p) ?? false
      default: break
      }
    }
    if spec.columns.isEmpty && spec.columnsRegex == nil && spec.groups.isEmpty
      && spec.groupRegex == nil && !spec.allOtherColumns
    {
      reader.error(
        .missingKey, node,
        "'unpivot' needs 'columns', 'columns_regex', 'group' or 'group_regex' to say which "
          + "columns to turn into rows", path: path)
    }
    return spec
  }

  // MARK: fields

  /// Decodes `fields:`; returns the fields and the names set to `null` (removed from a parent).
  func decodeFields(_ node: Node, path: String, entity: Entity?, unpivot: Bool) -> (
    [ColumnMapping], Set<String>
  ) {
    var out: [ColumnMapping] = []
    var removed: Set<String> = []
    guard let pairs = reader.pairs(node, path: path, what: "'\(reader.last(path))'", allowed: [])
    else { return (out, removed) }
    for (name, keyNode, value) in pairs {
      let p = "\(path).\(name)"
      if let entity, !entity.fields.contains(name) {
        reader.error(
          .unknownField, keyNode, "the entity '\(entity.rawValue)' has no field '\(name)'",
          path: p,
          hint: TextMatching.suggestion(for: name, among: entity.fields).map {
            "did you mean '\($0)'?"
          } ?? "its fields are \(entity.fields.joined(separator: ", "))")
        continue
      }
      if reader.isNull(value) {
        removed.insert(name)
        continue
      }
      if let field = decodeField(name, value, path: p, unpivot: unpivot) {
        var f = field
        f.location = reader.location(keyNode)
        out.append(f)
      }
    }
    return (out, removed)
  }

  func decodeField(_ name: String, _ node: Node, path: String, unpivot: Bool) -> ColumnMapping? {
    switch node {
    case .scalar(let s):
      return ColumnMapping(name: name, source: .column(ColumnSelector(names: [s.string])))
    case .sequence:
      let names = reader.strings(node, path: path) ?? []
      return ColumnMapping(name: name, source: .column(ColumnSelector(names: names)))
    default: break
    }
    let errorsBefore = reader.errors.count
    guard
      let items = reader.pairs(
        node, path: path, what: "the field '\(name)'", allowed: Self.fieldKeys)
    else { return nil }
    var sources: [(String, ColumnMapping.Source)] = []
    var selector = ColumnSelector()
    var hasColumn = false
    var required = false
    var optional = false
    var partTransforms: [Int: ValueTransform] = [:]
    for (key, _, value) in items {
      let p = "\(path).\(key)"
      switch key {
      case "column":
        selector.names = reader.strings(value, path: p) ?? []
        hasColumn = true
      case "column_regex":
        selector.regex = reader.regex(value, path: p)
        hasColumn = true
      case "position":
        selector.position = decodePosition(value, path: p)
        hasColumn = true
      case "group": selector.groups = reader.strings(value, path: p) ?? []
      case "occurrence": selector.occurrence = reader.int(value, path: p, range: 1...1000) ?? 1
      case "columns":
        guard case .sequence(let seq) = value else {
          reader.error(
            .wrongType, value, "'columns' must be a list of columns (each a name or synonyms)",
            path: p)
          continue
        }
        var selectors: [ColumnSelector] = []
        for (i, item) in seq.enumerated() {
          let ip = "\(p)[\(i)]"
          guard case .mapping = item else {
            if let names = reader.strings(item, path: ip) {
              selectors.append(ColumnSelector(names: names))
            }
            continue
          }
          // A part with its own transform: `{ column: Nämndmål, lookup: goals }`.
          guard
            let partItems = reader.pairs(
              item, path: ip, what: "a part of 'columns'",
              allowed: ["column", "column_regex", "position", "group", "occurrence"]
                + Self.transformKeys)
          else { continue }
          var part = ColumnSelector()
          for (pk, _, pv) in partItems {
            switch pk {
            case "column": part.names = reader.strings(pv, path: "\(ip).\(pk)") ?? []
            case "column_regex": part.regex = reader.regex(pv, path: "\(ip).\(pk)")
            case "position": part.position = decodePosition(pv, path: "\(ip).\(pk)")
            case "group": part.groups = reader.strings(pv, path: "\(ip).\(pk)") ?? []
            case "occurrence":
              part.occurrence = reader.int(pv, path: "\(ip).\(pk)", range: 1...1000) ?? 1
            default: break
            }
          }
          if part.names.isEmpty && part.regex == nil && part.position == nil {
            reader.error(
              .missingKey, item, "a part of 'columns' needs 'column', 'column_regex' or 'position'",
              path: ip)
          }
          partTransforms[selectors.count] = decodeTransform(partItems, path: ip)
          selectors.append(part)
        }
        sources.append((key, .columns(selectors)))
      case "value":
        if let text = reader.string(value, path: p) { sources.append((key, .value(text))) }
      case "context":
        if let text = reader.string(value, path: p) { sources.append((key, .context(text))) }
      case "section":
        if let text = reader.string(value, path: p) {
          let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
          sources.append(
            (key, .section(name: parts.first ?? text, field: parts.count > 1 ? parts[1] : "id")))
        }
      case "field":
        if let text = reader.string(value, path: p) { sources.append((key, .field(text))) }
      case "from":
        if let text = reader.string(value, path: p) {
          if !unpivot {
            reader.error(
              .invalidValue, value,
              "'from' names a part of an unpivoted column's header and is only used under "
                + "'unpivot.fields'", path: p)
          }
          sources.append((key, .headerPart(text)))
        }
      case "sheet_name":
        if reader.bool(value, path: p) == true { sources.append((key, .sheetName)) }
      case "label":
        if let words = reader.strings(value, path: p) { sources.append((key, .label(words))) }
      case "required": required = reader.bool(value, path: p) ?? false
      case "optional": optional = reader.bool(value, path: p) ?? false
      default: break
      }
    }
    if hasColumn { sources.insert(("column", .column(selector)), at: 0) }
    // Dimensions also take 'from'; only unpivot's own fields cannot read a column.
    if unpivot, path.contains("unpivot.fields"),
      let key = items.first(where: {
        ["column", "columns", "column_regex", "position"].contains($0.key)
      })
    {
      reader.error(
        .invalidValue, key.keyNode,
        "'\(key.key)' is not read under 'unpivot.fields': a field there comes from the "
          + "unpivoted column ('from: header', 'from: group', a named group), a value or the "
          + "context; map the column under the table's 'fields'", path: "\(path).\(key.key)")
    }
    if sources.count > 1 {
      reader.error(
        .conflictingKeys, node,
        "the field '\(name)' has several sources (\(sources.map(\.0).joined(separator: ", "))); "
          + "give exactly one of column, columns, column_regex, position, value, context, section, field, "
          + "from, sheet_name", path: path)
    }
    guard let source = sources.first?.1 else {
      if reader.errors.count > errorsBefore { return nil }
      reader.error(
        .missingKey, node,
        "the field '\(name)' needs a source: 'column', 'columns', 'column_regex', 'position', 'value', "
          + "'context', 'section', 'field'\(unpivot ? ", 'from'" : "") or 'sheet_name'",
        path: path)
      return nil
    }
    if !selector.groups.isEmpty && !hasColumn {
      reader.error(
        .missingKey, node, "'group' narrows a column and needs 'column' or 'column_regex'",
        path: path)
    }
    let transform = decodeTransform(items, path: path)
    var mapping = ColumnMapping(
      name: name, source: source, transform: transform, required: required, optional: optional)
    mapping.partTransforms = partTransforms
    return mapping
  }

  func decodeTransform(_ items: [(key: String, keyNode: Node, value: Node)], path: String)
    -> ValueTransform
  {
    var t = ValueTransform()
    for (key, _, value) in items {
      let p = "\(path).\(key)"
      switch key {
      case "type":
        t.type = reader.word(value, path: p, choices: ValueType.allCases.map { ($0.rawValue, $0) })
      case "input":
        t.percentInput =
          reader.word(value, path: p, choices: PercentInput.allCases.map { ($0.rawValue, $0) })
          ?? .points
      case "multiply": t.multiply = reader.double(value, path: p)
      case "digits": t.digits = reader.int(value, path: p, range: 1...30)
      case "map":
        if case .mapping = value {
          t.map = decodeValueMap(value, path: p).map { .inline($0) }
        } else if let name = reader.string(value, path: p) {
          t.map = .named(name)
        }
      case "extract": t.extract = reader.regex(value, path: p)
      case "split": t.split = reader.string(value, path: p)
      case "lookup": t.lookup = reader.string(value, path: p)
      case "missing":
        if let pairs = reader.pairs(value, path: p, what: "'missing'", allowed: []) {
          for (token, _, reasonNode) in pairs {
            if let reason = reader.word(
              reasonNode, path: "\(p).\(token)",
              choices: MissingReason.allCases.map { (kebab($0.rawValue), $0) })
            {
              t.missing[token] = reason
            }
          }
        }
      case "pattern": t.pattern = reader.regex(value, path: p)
      case "default": t.defaultValue = reader.string(value, path: p)
      case "period_kind":
        t.periodKind = reader.word(
          value, path: p, choices: Period.Kind.allCases.map { (kebab($0.rawValue), $0) })
      case "comparison":
        t.comparison = reader.word(
          value, path: p, choices: Target.Comparison.allCases.map { (kebab($0.rawValue), $0) })
      case "hierarchy": t.hierarchy = reader.string(value, path: p)
      case "trim_quotes": t.trimQuotes = reader.bool(value, path: p) ?? false
      case "slug": t.slug = reader.bool(value, path: p) ?? false
      case "format": t.format = reader.string(value, path: p)
      case "decimal":
        t.decimal = reader.word(
          value, path: p, choices: DecimalMark.allCases.map { ($0.rawValue, $0) })
      default: break
      }
    }
    return t
  }
}

/// `notStarted` → `not-started`.
func kebab(_ camel: String) -> String {
  var out = ""
  for ch in camel {
    if ch.isUppercase {
      out.append("-")
      out.append(contentsOf: ch.lowercased())
    } else {
      out.append(ch)
    }
  }
  return out
}
