import Foundation
import TestSupport
import Testing

@testable import Mapping

/// docs/mapping.schema.json (the JSON Schema editors use) agrees with the loader: the same keys
/// in every block, the same words, the same fields per entity; every shipped mapping is valid
/// under it (checked with Python's `jsonschema`, when installed) and the broken fixture is not.
@Suite struct MappingSchemaTests {
  static var schema: [String: Any] {
    let data = (try? Data(contentsOf: Fixture.repo("docs/mapping.schema.json"))) ?? Data()
    return ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
  }

  static func object(_ path: String...) -> [String: Any] {
    var node: Any = schema
    for key in path {
      node = (node as? [String: Any])?[key] ?? [:]
    }
    return node as? [String: Any] ?? [:]
  }

  static func keys(_ path: String...) -> Set<String> {
    var node: Any = schema
    for key in path { node = (node as? [String: Any])?[key] ?? [:] }
    return Set(((node as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
  }

  @Test func blocksHaveTheLoadersKeys() {
    #expect(Self.keys() == Set(MappingDecoder.topKeys))
    #expect(Self.keys("$defs", "match") == Set(MappingDecoder.matchKeys))
    #expect(Self.keys("$defs", "table") == Set(MappingDecoder.tableKeys))
    #expect(Self.keys("$defs", "unpivot") == Set(MappingDecoder.unpivotKeys))
    #expect(Self.keys("$defs", "section") == Set(MappingDecoder.sectionKeys))
    #expect(Self.keys("$defs", "condition") == Set(MappingDecoder.conditionKeys))
    let fieldObject = (Self.object("$defs", "field")["oneOf"] as? [[String: Any]])?.last ?? [:]
    let fieldKeys = Set((fieldObject["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    #expect(fieldKeys == Set(MappingDecoder.fieldKeys))
    let contextObject =
      (Self.object("$defs", "contextValue")["oneOf"] as? [[String: Any]])?.last ?? [:]
    let contextKeys = Set((contextObject["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    #expect(contextKeys == Set(MappingDecoder.contextKeys))
    let header =
      (Self.object("$defs", "table", "properties", "header")["oneOf"] as? [[String: Any]])?
      .last ?? [:]
    #expect(
      Set((header["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
        == Set(MappingDecoder.headerKeys))
    let rows = Self.object("$defs", "table", "properties", "rows")
    #expect(
      Set((rows["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
        == Set(MappingDecoder.rowKeys))
  }

  @Test func wordsAndEntityFieldsAgree() {
    let entity = Self.object("$defs", "table", "properties", "entity")["enum"] as? [String] ?? []
    #expect(Set(entity) == Set(Entity.allCases.map(\.rawValue)))
    let fieldObject = (Self.object("$defs", "field")["oneOf"] as? [[String: Any]])?.last ?? [:]
    let props = fieldObject["properties"] as? [String: Any] ?? [:]
    let types = (props["type"] as? [String: Any])?["enum"] as? [String] ?? []
    #expect(Set(types) == Set(ValueType.allCases.map(\.rawValue)))
    let missing =
      ((props["missing"] as? [String: Any])?["additionalProperties"] as? [String: Any])?["enum"]
      as? [String] ?? []
    #expect(Set(missing) == Set(MissingReason.allCases.map { kebab($0.rawValue) }))
    let tableRules = Self.object("$defs", "table")["allOf"] as? [[String: Any]] ?? []
    #expect(tableRules.count == Entity.allCases.count)
    for rule in tableRules {
      let name =
        (((rule["if"] as? [String: Any])?["properties"] as? [String: Any])?["entity"]
        as? [String: Any])?["const"] as? String ?? ""
      let fields =
        (((((rule["then"] as? [String: Any])?["properties"] as? [String: Any])?["fields"]
          as? [String: Any])?["propertyNames"] as? [String: Any])?["enum"] as? [String]) ?? []
      #expect(Entity(rawValue: name).map { Set($0.fields) } == Set(fields), "\(name)")
    }
  }

  static let python: Bool = {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import yaml, jsonschema"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    do {
      try p.run()
      p.waitUntilExit()
      return p.terminationStatus == 0
    } catch {
      return false
    }
  }()

  /// `python3` with PyYAML and jsonschema validates each file: prints `file errors`.
  static func validate(_ files: [String]) throws -> [String: Int] {
    let script = """
      import json, sys, yaml, jsonschema
      v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
      for f in sys.argv[2:]:
          print(f + "\\t" + str(len(list(v.iter_errors(yaml.safe_load(open(f)))))))
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, Fixture.repo("docs/mapping.schema.json").path] + files
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    var result: [String: Int] = [:]
    for line in out.split(separator: "\n") {
      let parts = line.split(separator: "\t")
      if parts.count == 2 { result[String(parts[0])] = Int(parts[1]) }
    }
    return result
  }

  @Test(.enabled(if: python))
  func shippedMappingsAreValidAndBrokenOnesAreNot() throws {
    let folder = Fixture.repo("mappings").path
    var files = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".yaml")
    }.map { "\(folder)/\($0)" }
    files.append("\(folder)/shared/skolverket-base.yaml")
    let results = try Self.validate(files)
    #expect(results.count == files.count)
    #expect(results.values.allSatisfy { $0 == 0 }, "\(results.filter { $0.value > 0 })")
    let broken = Fixture.url("mapping/unknown-key.yaml").path
    #expect((try Self.validate([broken])[broken] ?? 0) > 0)
  }
}
