import Foundation
import Spreadsheet
import Validation
import Yams

extension PipelineConfig {
  /// The keys of the `validation:` block.
  static let validationKeys = [
    "kept_series", "successions", "expected_units", "suppress", "severity", "status_thresholds",
  ]

  /// Reads the `validation:` block of `redthread.yaml` into validation options; every error
  /// is located at `redthread.yaml:line:column`.
  ///
  /// ```yaml
  /// validation:
  ///   kept_series: [N15419]                     # replaced Kolada series kept on purpose
  ///   successions: { N15419: N15508 }           # replaced series → successor
  ///   expected_units: [petreskolan, asens-skola] # the units that must deliver a file
  ///   suppress: [activity-delayed]              # red-thread codes left out of the report
  ///   severity: { goal-without-breakdown: info } # a code's severity when not its default
  ///   status_thresholds: { met: 100, partly_met: 91 }  # % of the målvärde
  /// ```
  static func validationOptions(_ node: Node?, in doc: YAMLDocument) throws -> ValidationOptions {
    var options = ValidationOptions()
    guard let node else { return options }
    guard case .mapping(let block) = node else {
      throw doc.error(
        at: node,
        "'validation' must be a mapping, e.g. 'validation: { suppress: [activity-delayed] }'")
    }
    try doc.checkKeys(block, allowed: validationKeys, in: node)
    if let kept = block["kept_series"] {
      for item in try doc.nodes(kept, key: "kept_series") {
        options.keptSeries.insert(try koladaID(item, doc: doc))
      }
    }
    if let successions = block["successions"] {
      guard case .mapping(let pairs) = successions else {
        throw doc.error(
          at: successions,
          "'successions' must map a replaced series to its successor, e.g. '{ N15419: N15508 }'")
      }
      for (replaced, successor) in pairs {
        let from = try koladaID(replaced, doc: doc)
        options.koladaSuccessions[from] = KoladaSuccession(
          replaced: from, successor: try koladaID(successor, doc: doc),
          source: "redthread.yaml (validation.successions)")
      }
    }
    if let units = block["expected_units"] {
      options.expectedUnitIDs = try doc.nodes(units, key: "expected_units").map { item in
        guard let id = item.string, !id.isEmpty else {
          throw doc.error(at: item, "'expected_units' entries are unit ids of the unit register")
        }
        return id
      }
    }
    if let suppress = block["suppress"] {
      for item in try doc.nodes(suppress, key: "suppress") {
        options.suppressedCodes.insert(try validatorCode(item, doc: doc).id)
      }
    }
    if let severity = block["severity"] {
      guard case .mapping(let pairs) = severity else {
        throw doc.error(
          at: severity,
          "'severity' must map a code to info, warning or error, e.g. '{ goal-without-breakdown: info }'"
        )
      }
      for (codeNode, levelNode) in pairs {
        let code = try validatorCode(codeNode, doc: doc)
        guard let word = levelNode.string, let level = Severity(rawValue: word) else {
          throw doc.error(
            at: levelNode,
            "'\(levelNode.string ?? "")' is not a severity; write info, warning or error")
        }
        options.severityByCode[code.id] = level
      }
    }
    if let thresholds = block["status_thresholds"] {
      options.statusThresholds = try statusThresholds(thresholds, doc: doc)
    }
    return options
  }

  static func statusThresholds(_ node: Node, doc: YAMLDocument) throws -> StatusThresholds {
    guard case .mapping(let block) = node else {
      throw doc.error(
        at: node, "'status_thresholds' must be a mapping, e.g. '{ met: 100, partly_met: 91 }'")
    }
    try doc.checkKeys(block, allowed: ["met", "partly_met"], in: node)
    func percentage(_ key: String) throws -> Double? {
      guard let value = block[key] else { return nil }
      guard let number = value.float, number > 0, number <= 1000 else {
        throw doc.error(
          at: value, "'\(key)' must be a percentage of the målvärde above 0, e.g. 100")
      }
      return number
    }
    let met = try percentage("met") ?? 100
    let partly = try percentage("partly_met")
    if let partly, partly >= met, let node = block["partly_met"] {
      throw doc.error(at: node, "'partly_met' (\(partly)) must be below 'met' (\(met))")
    }
    return StatusThresholds(met: met, partlyMet: partly)
  }

  /// A Kolada id (`N15419`, `U09400`) at a node.
  static func koladaID(_ node: Node, doc: YAMLDocument) throws -> String {
    guard let id = node.string, id.count == 6, id.first == "N" || id.first == "U",
      id.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
    else {
      throw doc.error(at: node, "'\(node.string ?? "")' is not a Kolada id such as N15419")
    }
    return id
  }

  /// A code of the red-thread validation at a node: only those can be suppressed or given
  /// another severity here.
  static func validatorCode(_ node: Node, doc: YAMLDocument) throws -> DiagnosticCode {
    let codes = DiagnosticCode.codes(in: .redThread)
    let word = node.string ?? ""
    if let code = codes.first(where: { $0.id == word }) { return code }
    var message = "'\(word)' is not a code of the red-thread validation"
    if DiagnosticCode.named(word) != nil {
      message += " (it is reported while reading or mapping files, not by the validation)"
    } else if let near = EditDistance.closest(to: word, among: codes.map(\.id)) {
      message += "; did you mean '\(near)'?"
    }
    throw doc.error(at: node, message + "; 'redthread codes' lists them")
  }
}

extension YAMLDocument {
  /// The items of a list, or a single item as a list of one.
  func nodes(_ node: Node, key: String) throws -> [Node] {
    if case .sequence(let items) = node { return Array(items) }
    if node.string != nil { return [node] }
    throw error(at: node, "'\(key)' must be a list")
  }
}
