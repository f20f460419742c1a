import Canonical
import Foundation
public import Spreadsheet
import SpreadsheetIO
import Yams

extension ReferenceData {
  /// Loads reference files: YAML files with any of `municipality`, `units`, `goals`,
  /// `kpi_succession` and `registers` (register tables read from CSV or XLSX files such as
  /// Skolverket's skolenhetsregister or Kolada's municipality list).
  ///
  /// ```yaml
  /// municipality: { id: hofors, name: Hofors kommun, code: "2104" }
  /// units:
  ///   - { id: petreskolan, name: Petreskolan, aliases: [Petre skola F-6], kind: school,
  ///       parent: bun, schoolUnitCode: "91450217" }
  /// goals:
  ///   - { id: LGR22-2.1, title: Normer och värden, level: national }
  /// kpi_succession:
  ///   - { from: N15419, to: N15508 }
  /// registers:
  ///   - { name: kommuner, file: kommuner.csv, kind: units, unit_kind: municipality,
  ///       columns: { id: id, name: title, municipality_code: id },
  ///       keep_when: { column: type, equals: K } }
  ///   - { name: action-status, file: action-statuses.csv, kind: table,
  ///       key: ActionID, value: Status }
  /// ```
  ///
  /// - Parameters:
  ///   - paths: the YAML files; register files resolve beside the YAML file naming them.
  ///   - read: reads a register workbook (default: `SpreadsheetFile.read(path:)`).
  /// - Throws: ``MappingError`` (`mapping-invalid-reference`, `mapping-file-unreadable`,
  ///   `mapping-yaml-syntax`) with every problem of a file in ``MappingError/others``; errors
  ///   of the register reader as thrown.
  public static func load(
    paths: [String],
    read: ((String) throws -> Workbook)? = nil
  ) throws -> ReferenceData {
    var data = ReferenceData()
    for path in paths { try data.load(path: path, read: read) }
    return data
  }

  /// Adds one reference YAML file (see ``load(paths:read:)``).
  ///
  /// - Throws: as ``load(paths:read:)``.
  public mutating func load(
    path: String, read: ((String) throws -> Workbook)? = nil
  ) throws {
    let reader = try MappingYAMLReader.openMapping(path: path)
    let root = try reader.composeMapping()
    var registers: [(RegisterSpec, Node)] = []
    if let pairs = reader.pairs(
      root, path: "", what: "a reference file",
      allowed: ["description", "municipality", "units", "goals", "kpi_succession", "registers"])
    {
      for (key, _, value) in pairs {
        switch key {
        case "municipality":
          if let unit = Self.decodeUnit(
            value, path: key, reader: reader, defaultKind: .municipality)
          {
            add(units: [unit])
          }
        case "units":
          add(
            units: Self.list(value, path: key, reader: reader).compactMap { i, node in
              Self.decodeUnit(node, path: "units[\(i)]", reader: reader, defaultKind: .other)
            })
        case "goals":
          add(
            goals: Self.list(value, path: key, reader: reader).compactMap { i, node in
              Self.decodeGoal(node, path: "goals[\(i)]", reader: reader)
            })
        case "kpi_succession": add(kpiSuccession: Self.decodeSuccession(value, reader: reader))
        case "registers":
          for (i, node) in Self.list(value, path: key, reader: reader) {
            if let spec = Self.decodeRegister(node, path: "registers[\(i)]", reader: reader) {
              registers.append((spec, node))
            }
          }
        default: break
        }
      }
    }
    try Self.throwIfAny(reader.errors)
    for (spec, node) in registers {
      let file = MappingFile.resolve(spec.file, besides: path)
      guard FileManager.default.fileExists(atPath: file) else {
        throw MappingError(
          .includeNotFound, at: reader.location(node),
          "the register file '\(spec.file)' does not exist (looked for '\(file)')",
          keyPath: "registers")
      }
      let workbook = try read.map { try $0(file) } ?? SpreadsheetFile.read(path: file)
      try addRegister(workbook, spec: spec, location: reader.location(node))
    }
  }

  private static func throwIfAny(_ errors: [MappingError]) throws {
    guard var first = errors.first else { return }
    first.others = Array(errors.dropFirst())
    throw first
  }

  private static func list(_ node: Node, path: String, reader: MappingYAMLReader) -> [(Int, Node)] {
    guard case .sequence(let seq) = node else {
      reader.error(.wrongType, node, "'\(path)' must be a list", path: path)
      return []
    }
    return Array(seq.enumerated())
  }

  private static func decodeUnit(
    _ node: Node, path: String, reader: MappingYAMLReader, defaultKind: OrgUnit.Kind
  ) -> OrgUnit? {
    let keys = [
      "id", "name", "aliases", "kind", "parent", "code", "municipality_code", "municipalityCode",
      "kommunkod", "school_unit_code", "schoolUnitCode", "skolenhetskod", "kolada_id",
      "koladaID", "koladaId",
    ]
    guard let pairs = reader.pairs(node, path: path, what: "a unit", allowed: keys) else {
      return nil
    }
    var id: String?
    var name: String?
    var unit = OrgUnit(id: "", name: "", kind: defaultKind)
    for (key, _, value) in pairs {
      let p = "\(path).\(key)"
      switch key {
      case "id": id = reader.string(value, path: p)
      case "name": name = reader.string(value, path: p)
      case "aliases": unit.aliases = reader.strings(value, path: p) ?? []
      case "kind":
        unit.kind =
          reader.word(value, path: p, choices: OrgUnit.Kind.allCases.map { ($0.rawValue, $0) })
          ?? defaultKind
      case "parent": unit.parentID = reader.string(value, path: p)
      case "code", "municipality_code", "municipalityCode", "kommunkod":
        unit.municipalityCode = reader.string(value, path: p)
      case "school_unit_code", "schoolUnitCode", "skolenhetskod":
        unit.schoolUnitCode = reader.string(value, path: p)
      case "kolada_id", "koladaID", "koladaId": unit.koladaID = reader.string(value, path: p)
      default: break
      }
    }
    guard let id, let name else {
      reader.error(.missingKey, node, "a unit needs an 'id' and a 'name'", path: path)
      return nil
    }
    unit.id = id
    unit.name = name
    unit.provenance = Provenance(file: reader.file, line: node.mark?.line)
    return unit
  }

  private static func decodeGoal(_ node: Node, path: String, reader: MappingYAMLReader) -> Goal? {
    let keys = [
      "id", "title", "text", "level", "parent", "aligns_to", "alignsTo", "owner", "source",
      "period",
    ]
    guard let pairs = reader.pairs(node, path: path, what: "a goal", allowed: keys) else {
      return nil
    }
    var id: String?
    var title: String?
    var goal = Goal(id: "", title: "", level: .national)
    for (key, _, value) in pairs {
      let p = "\(path).\(key)"
      switch key {
      case "id": id = reader.string(value, path: p)
      case "title": title = reader.string(value, path: p)
      case "text": goal.text = reader.string(value, path: p)
      case "level":
        goal.level =
          reader.word(value, path: p, choices: Goal.Level.allCases.map { ($0.rawValue, $0) })
          ?? .national
      case "parent": goal.parentID = reader.string(value, path: p)
      case "aligns_to", "alignsTo": goal.alignsTo = reader.strings(value, path: p) ?? []
      case "owner": goal.ownerUnitID = reader.string(value, path: p)
      case "period":
        if let text = reader.string(value, path: p) {
          goal.period = Period(parsing: text)
          if goal.period == nil {
            reader.error(.invalidValue, value, "'\(text)' is not a period", path: p)
          }
        }
      case "source": break
      default: break
      }
    }
    guard let id, let title else {
      reader.error(.missingKey, node, "a goal needs an 'id' and a 'title'", path: path)
      return nil
    }
    goal.id = id
    goal.title = title
    goal.provenance = Provenance(file: reader.file, line: node.mark?.line)
    return goal
  }

  private static func decodeSuccession(_ node: Node, reader: MappingYAMLReader) -> [String: String]
  {
    var out: [String: String] = [:]
    switch node {
    case .mapping:
      for (key, _, value) in reader.pairs(
        node, path: "kpi_succession", what: "'kpi_succession'", allowed: []) ?? []
      {
        if let to = reader.string(value, path: "kpi_succession.\(key)") { out[key] = to }
      }
    case .sequence(let seq):
      for (i, item) in seq.enumerated() {
        let p = "kpi_succession[\(i)]"
        guard
          let pairs = reader.pairs(
            item, path: p, what: "a succession", allowed: ["from", "to", "since", "note"])
        else { continue }
        var from: String?
        var to: String?
        for (key, _, value) in pairs {
          if key == "from" { from = reader.string(value, path: "\(p).from") }
          if key == "to" { to = reader.string(value, path: "\(p).to") }
        }
        if let from, let to {
          out[from] = to
        } else {
          reader.error(.missingKey, item, "a succession needs 'from' and 'to'", path: p)
        }
      }
    default:
      reader.error(
        .wrongType, node, "'kpi_succession' must be a list of {from, to} or a mapping",
        path: "kpi_succession")
    }
    return out
  }

  /// How a register file becomes units or a key → value table.
  struct RegisterSpec {
    var name: String
    var file: String
    var isUnits: Bool
    var sheet: String?
    var columns: [String: String]
    var key: String?
    var value: String?
    var unitKind: OrgUnit.Kind
    var parent: String?
    var keepColumn: String?
    var keepEquals: [String]
  }

  private static func decodeRegister(_ node: Node, path: String, reader: MappingYAMLReader)
    -> RegisterSpec?
  {
    let keys = [
      "name", "file", "kind", "sheet", "columns", "key", "value", "unit_kind", "parent",
      "keep_when",
    ]
    guard let pairs = reader.pairs(node, path: path, what: "a register", allowed: keys) else {
      return nil
    }
    var spec = RegisterSpec(
      name: "", file: "", isUnits: true, sheet: nil, columns: [:], key: nil, value: nil,
      unitKind: .other, parent: nil, keepColumn: nil, keepEquals: [])
    for (key, _, value) in pairs {
      let p = "\(path).\(key)"
      switch key {
      case "name": spec.name = reader.string(value, path: p) ?? ""
      case "file": spec.file = reader.string(value, path: p) ?? ""
      case "kind":
        spec.isUnits =
          reader.word(value, path: p, choices: [("units", true), ("table", false)]) ?? true
      case "sheet": spec.sheet = reader.string(value, path: p)
      case "columns":
        let allowed = [
          "id", "name", "aliases", "kind", "parent", "municipality_code", "school_unit_code",
          "kolada_id",
        ]
        for (k, _, v) in reader.pairs(value, path: p, what: "'columns'", allowed: allowed) ?? [] {
          spec.columns[k] = reader.string(v, path: "\(p).\(k)")
        }
      case "key": spec.key = reader.string(value, path: p)
      case "value": spec.value = reader.string(value, path: p)
      case "unit_kind":
        spec.unitKind =
          reader.word(value, path: p, choices: OrgUnit.Kind.allCases.map { ($0.rawValue, $0) })
          ?? .other
      case "parent": spec.parent = reader.string(value, path: p)
      case "keep_when":
        for (k, _, v) in reader.pairs(
          value, path: p, what: "'keep_when'", allowed: ["column", "equals"]) ?? []
        {
          if k == "column" { spec.keepColumn = reader.string(v, path: "\(p).column") }
          if k == "equals" { spec.keepEquals = reader.strings(v, path: "\(p).equals") ?? [] }
        }
      default: break
      }
    }
    if spec.name.isEmpty || spec.file.isEmpty {
      reader.error(.missingKey, node, "a register needs a 'name' and a 'file'", path: path)
      return nil
    }
    if spec.isUnits && (spec.columns["id"] == nil || spec.columns["name"] == nil) {
      reader.error(
        .missingKey, node, "a units register needs 'columns' with at least 'id' and 'name'",
        path: path)
      return nil
    }
    if !spec.isUnits && (spec.key == nil || spec.value == nil) {
      reader.error(.missingKey, node, "a table register needs 'key' and 'value'", path: path)
      return nil
    }
    return spec
  }

  mutating func addRegister(_ workbook: Workbook, spec: RegisterSpec, location: SourceLocation)
    throws
  {
    let worksheet =
      spec.sheet.flatMap { workbook.worksheet(named: $0) } ?? workbook.worksheets.first
    guard let worksheet else {
      throw MappingError(
        .invalidReference, at: location, "the register '\(spec.name)' has no worksheet to read")
    }
    var wanted = spec.isUnits ? Array(spec.columns.values) : [spec.key ?? "", spec.value ?? ""]
    if let keep = spec.keepColumn { wanted.append(keep) }
    // The header: the first row (within 50) naming every wanted column.
    var header: [String: Int] = [:]
    var headerRow = 0
    for row in worksheet.rows.prefix(50) {
      var found: [String: Int] = [:]
      for cell in row.cells {
        let text = TextMatching.loose(cell.value.displayText)
        for name in wanted where TextMatching.loose(name) == text && found[name] == nil {
          found[name] = cell.column
        }
      }
      if found.count == Set(wanted).count {
        header = found
        headerRow = row.number
        break
      }
    }
    guard headerRow > 0 else {
      throw MappingError(
        .invalidReference, at: location,
        "the register '\(spec.name)' (\(workbook.path)) has no header row naming "
          + wanted.map { "'\($0)'" }.joined(separator: ", "))
    }
    func text(_ row: Row, _ column: String?) -> String? {
      guard let column, let c = header[column], let cell = row.cell(column: c) else { return nil }
      let t = TextMatching.trimmed(cell.value.displayText)
      return t.isEmpty ? nil : t
    }
    var newUnits: [OrgUnit] = []
    var table: [String: String] = [:]
    for row in worksheet.rows where row.number > headerRow {
      if let keep = spec.keepColumn {
        let value = TextMatching.normalized(text(row, keep) ?? "")
        guard spec.keepEquals.contains(where: { TextMatching.normalized($0) == value }) else {
          continue
        }
      }
      if spec.isUnits {
        guard let id = text(row, spec.columns["id"]), let name = text(row, spec.columns["name"])
        else { continue }
        var unit = OrgUnit(id: id, name: name, kind: spec.unitKind, parentID: spec.parent)
        if let aliases = text(row, spec.columns["aliases"]) {
          unit.aliases = aliases.split(whereSeparator: { $0 == ";" || $0 == "," }).map {
            TextMatching.trimmed(String($0))
          }
        }
        if let kind = text(row, spec.columns["kind"]),
          let word = BuiltInValueMaps.unitKind.value(for: kind),
          let k = OrgUnit.Kind(rawValue: word)
        {
          unit.kind = k
        }
        if let parent = text(row, spec.columns["parent"]) { unit.parentID = parent }
        unit.municipalityCode = text(row, spec.columns["municipality_code"])
        unit.schoolUnitCode = text(row, spec.columns["school_unit_code"])
        unit.koladaID = text(row, spec.columns["kolada_id"])
        unit.provenance = Provenance(
          file: workbook.path, sheet: worksheet.name, row: row.number, line: row.line)
        newUnits.append(unit)
      } else if let k = text(row, spec.key), let v = text(row, spec.value) {
        table[k] = v
      }
    }
    if spec.isUnits {
      add(units: newUnits)
    } else {
      add(table: table, named: spec.name)
    }
  }
}
