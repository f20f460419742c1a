import Canonical
import Foundation
import Spreadsheet
import Yams

extension MappingFile {
  /// Loads a mapping file, following `extends` and `values`, and checks it.
  ///
  /// - Parameter path: the file, as the user gave it (kept in every error location).
  /// - Returns: the mapping, with inherited tables, context and value maps merged in.
  /// - Throws: ``MappingError`` for the first problem found, with every other problem in
  ///   ``MappingError/others``; codes from ``MappingError/Code``.
  public static func load(path: String) throws -> MappingFile {
    let (file, errors) = loadCollecting(path: path)
    if var first = errors.first {
      first.others = Array(errors.dropFirst())
      throw first
    }
    guard let file else {
      throw MappingError(.emptyFile, at: SourceLocation(file: path), "the file holds no mapping")
    }
    return file
  }

  /// Every problem in a mapping file (and the files it extends or includes), in file order;
  /// empty when the file is fine.
  public static func check(path: String) -> [MappingError] {
    loadCollecting(path: path).1
  }

  /// Loads a mapping from YAML text held in memory (tests, generated mappings).
  ///
  /// - Parameters:
  ///   - text: the YAML.
  ///   - path: the name used in locations; `extends` and `values` resolve beside it.
  /// - Throws: ``MappingError`` as ``load(path:)``.
  public static func load(yaml text: String, path: String = "<memory>.yaml") throws -> MappingFile {
    let (file, errors) = loadCollecting(path: path, text: text)
    if var first = errors.first {
      first.others = Array(errors.dropFirst())
      throw first
    }
    guard let file else {
      throw MappingError(.emptyFile, at: SourceLocation(file: path), "the file holds no mapping")
    }
    return file
  }

  static func loadCollecting(path: String, text: String? = nil) -> (MappingFile?, [MappingError]) {
    var errors: [MappingError] = []
    let decoded = decodeChain(path: path, text: text, chain: [], errors: &errors)
    guard let decoded else { return (nil, errors) }
    var file = decoded.file
    var broken: Set<Int> = []
    var brokenContext: Set<String> = []
    for e in errors {
      if let key = e.keyPath, key.hasPrefix("context.") {
        brokenContext.insert(String(key.dropFirst(8).prefix { $0 != "." }))
      }
      guard let key = e.keyPath, key.hasPrefix("tables["), let close = key.firstIndex(of: "]"),
        let i = Int(key[key.index(key.startIndex, offsetBy: 7)..<close])
      else { continue }
      broken.insert(i)
    }
    let validator = MappingValidator(
      file: file, brokenTables: broken, brokenContext: brokenContext)
    errors += validator.validate()
    file.path = path
    // A node that several tables share (a YAML alias, an included file) is reported once.
    var seen: Set<String> = []
    let unique = errors.filter {
      seen.insert("\($0.location.map { "\($0)" } ?? "")|\($0.code)|\($0.message)").inserted
    }
    return (file, unique.sorted(by: MappingError.fileOrder))
  }

  private static func decodeChain(
    path: String, text: String?, chain: [String], errors: inout [MappingError]
  ) -> DecodedMapping? {
    let reader: MappingYAMLReader
    if let text {
      reader = MappingYAMLReader.mapping(file: path, text: text)
    } else {
      do { reader = try MappingYAMLReader.openMapping(path: path) } catch {
        errors.append(error)
        return nil
      }
    }
    let root: Node
    do { root = try reader.composeMapping() } catch {
      errors.append(error)
      return nil
    }
    let decoder = MappingDecoder(reader: reader)
    var decoded = decoder.decodeMapping(root)
    errors += reader.errors
    guard var child = decoded else { return nil }

    // values: shared value-map files, beside this one.
    for (include, node) in child.valueFiles {
      let includePath = resolve(include, besides: path)
      guard let maps = loadValueMaps(path: includePath, errors: &errors) else {
        if !FileManager.default.fileExists(atPath: includePath) {
          errors.append(
            MappingError(
              .includeNotFound, at: reader.location(node),
              "the value-map file '\(include)' does not exist (looked for '\(includePath)')",
              keyPath: "values"))
        }
        continue
      }
      for (name, map) in maps where child.file.valueMaps[name] == nil {
        child.file.valueMaps[name] = map
      }
    }

    // extends: the parent, merged under this file.
    if let (parentName, node) = child.extends {
      let parentPath = resolve(parentName, besides: path)
      let normalizedParent = URL(fileURLWithPath: parentPath).standardizedFileURL.path
      let me = URL(fileURLWithPath: path).standardizedFileURL.path
      if chain.contains(normalizedParent) || normalizedParent == me {
        errors.append(
          MappingError(
            .extendsCycle, at: reader.location(node),
            "'\(parentName)' extends this file again (\((chain + [me]).joined(separator: " → ")))",
            keyPath: "extends"))
      } else if !FileManager.default.fileExists(atPath: parentPath) {
        errors.append(
          MappingError(
            .includeNotFound, at: reader.location(node),
            "the mapping '\(parentName)' to extend does not exist (looked for '\(parentPath)')",
            keyPath: "extends"))
      } else if let parent = decodeChain(
        path: parentPath, text: nil, chain: chain + [me], errors: &errors)
      {
        child = merge(child, over: parent)
      }
    }
    decoded = child
    return decoded
  }

  static func resolve(_ relative: String, besides path: String) -> String {
    if relative.hasPrefix("/") { return relative }
    let dir = (path as NSString).deletingLastPathComponent
    return dir.isEmpty ? relative : (dir as NSString).appendingPathComponent(relative)
  }

  /// Loads a shared value-map file: a mapping with `value_maps` (and optionally
  /// `description`).
  static func loadValueMaps(path: String, errors: inout [MappingError]) -> [String: ValueMap]? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    do {
      let reader = try MappingYAMLReader.openMapping(path: path)
      let root = try reader.composeMapping()
      let decoder = MappingDecoder(reader: reader)
      var maps: [String: ValueMap] = [:]
      if let pairs = reader.pairs(
        root, path: "", what: "a value-map file", allowed: ["description", "value_maps"])
      {
        for (key, _, value) in pairs where key == "value_maps" {
          maps = decoder.decodeValueMaps(value, path: "value_maps")
        }
      }
      errors += reader.errors
      return maps
    } catch {
      errors.append(error)
      return [:]
    }
  }

  private static func merge(_ child: DecodedMapping, over parent: DecodedMapping) -> DecodedMapping
  {
    var out = child
    var file = child.file
    let p = parent.file
    if !child.present.contains("description") { file.description = p.description }
    if !child.present.contains("match") { file.match = p.match }
    if !child.present.contains("csv") { file.raggedRows = p.raggedRows }
    if !child.present.contains("plan") { file.plan = p.plan }
    var context = p.context
    for value in file.context {
      if let i = context.firstIndex(where: { $0.name == value.name }) {
        context[i] = value
      } else {
        context.append(value)
      }
    }
    file.context = context
    for (name, map) in p.valueMaps where file.valueMaps[name] == nil {
      file.valueMaps[name] = map
    }
    var tables = p.tables
    var tablePresent = parent.tablePresent
    var tableRemoved = parent.tableRemoved
    for (i, table) in child.file.tables.enumerated() {
      let present = child.tablePresent[i]
      if let name = table.name, let j = tables.firstIndex(where: { $0.name == name }) {
        tables[j] = mergeTable(
          table, present: present, removed: child.tableRemoved[i], over: tables[j])
        tablePresent[j].formUnion(present)
      } else {
        tables.append(table)
        tablePresent.append(present)
        tableRemoved.append(child.tableRemoved[i])
      }
    }
    file.tables = tables
    out.file = file
    out.tablePresent = tablePresent
    out.tableRemoved = tableRemoved
    return out
  }

  private static func mergeTable(
    _ child: TableMapping, present: Set<String>, removed: Set<String>, over parent: TableMapping
  ) -> TableMapping {
    var t = parent
    if present.contains("sheet") || present.contains("sheet_regex") { t.sheet = child.sheet }
    if present.contains("optional") { t.optional = child.optional }
    if present.contains("entity") { t.entity = child.entity }
    if present.contains("header") { t.header = child.header }
    if present.contains("rows") { t.rows = child.rows }
    if present.contains("fill_down") { t.fillDown = child.fillDown }
    if present.contains("sections") { t.sections = child.sections }
    if present.contains("unpivot") { t.unpivot = child.unpivot }
    if present.contains("emit_kpis") { t.emitKPIs = child.emitKPIs }
    if present.contains("tree") { t.tree = child.tree }
    t.fields = mergeFields(child.fields, over: parent.fields, removed: removed)
    t.dimensions = mergeFields(child.dimensions, over: parent.dimensions, removed: removed)
    t.location = child.location
    return t
  }

  private static func mergeFields(
    _ child: [ColumnMapping], over parent: [ColumnMapping], removed: Set<String>
  ) -> [ColumnMapping] {
    var out = parent.filter { !removed.contains($0.name) }
    for field in child {
      if let i = out.firstIndex(where: { $0.name == field.name }) {
        out[i] = field
      } else {
        out.append(field)
      }
    }
    return out
  }
}

extension MappingError {
  /// Orders errors by file, then line, then column.
  static func fileOrder(_ a: MappingError, _ b: MappingError) -> Bool {
    let fa = a.location?.file ?? ""
    let fb = b.location?.file ?? ""
    if fa != fb { return fa < fb }
    let la = a.location?.line ?? 0
    let lb = b.location?.line ?? 0
    if la != lb { return la < lb }
    return (a.location?.column ?? 0) < (b.location?.column ?? 0)
  }
}

/// A decoded file before `extends` is merged: which keys were written, so that a child
/// overrides only what it says.
struct DecodedMapping {
  var file: MappingFile
  var present: Set<String>
  var tablePresent: [Set<String>]
  var tableRemoved: [Set<String>]
  var extends: (String, Node)?
  var valueFiles: [(String, Node)]
}
