public import Canonical
import Foundation
import LocatedYAML
import Spreadsheet
public import Validation
import Yams

/// The workspace configuration, `redthread.yaml`, at the root of a pipeline folder.
///
/// ```yaml
/// municipality: hofors                 # id of the municipality in the unit register
/// board: bun                           # id of the board (nämnd) whose report is written
/// period: 2026-Q3                      # the follow-up period (see Period parsing)
/// reference:                           # unit register and goal lists, relative to this file
///   - reference/units.yaml
///   - reference/national-goals.yaml
/// mappings: [mappings]                 # folders of mapping files, relative to this file
/// report:
///   title: Uppföljning kvartal 3 2026  # optional; a Swedish title is made from the period
///   template: mall/nämndrapport.xlsx   # optional; a template `run` fills too (docs/templates.md)
/// inbox:
///   settle_seconds: 5                  # a file must keep its size and time this long
/// validation:                          # see ``validationOptions(_:in:)``
///   suppress: [activity-delayed]
///   status_thresholds: { met: 100, partly_met: 91 }
/// ```
public struct PipelineConfig: Sendable, Hashable {
  /// Id of the municipality.
  public var municipality: String?
  /// Id of the board whose report is written.
  public var board: String
  /// The follow-up period.
  public var period: Period
  /// Reference files (unit register, goal lists), as absolute paths.
  public var referenceFiles: [String]
  /// Mapping folders or files, as absolute paths.
  public var mappingPaths: [String]
  /// The report title, when set.
  public var reportTitle: String?
  /// The controller's report template (`report: { template: … }`), as an absolute path: `run`
  /// fills it beside each new version of the report.
  public var reportTemplate: String?
  /// Seconds a file in the inbox must keep its size and modification time before it is taken.
  public var settleSeconds: Double
  /// The configuration file's path.
  public var path: String
  /// The validation options of the `validation:` block (the report day is set per run).
  public var validation: ValidationOptions = ValidationOptions()

  /// Creates a configuration.
  public init(
    municipality: String?, board: String, period: Period, referenceFiles: [String],
    mappingPaths: [String], reportTitle: String? = nil, settleSeconds: Double = 5,
    path: String
  ) {
    self.municipality = municipality
    self.board = board
    self.period = period
    self.referenceFiles = referenceFiles
    self.mappingPaths = mappingPaths
    self.reportTitle = reportTitle
    self.settleSeconds = settleSeconds
    self.path = path
  }

  static let keys = [
    "municipality", "board", "period", "reference", "mappings", "report", "inbox", "validation",
  ]

  /// Loads `redthread.yaml`.
  ///
  /// - Parameter path: the file's path; relative paths inside it resolve against its folder.
  /// - Throws: ``PipelineError`` `config-not-found` or `invalid-config` (located at
  ///   `redthread.yaml:line:column`).
  public static func load(path: String) throws -> PipelineConfig {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PipelineError(
        .configNotFound, "no configuration file; run 'redthread init' to make one",
        location: SourceLocation(file: path))
    }
    let text = String(decoding: data, as: UTF8.self)
    let doc = YAMLDocument(path: path, text: text)
    let root = try doc.compose()
    guard case .mapping(let mapping) = root else {
      throw doc.error(at: root, "the configuration must be a mapping of keys to values")
    }
    try doc.checkKeys(mapping, allowed: keys, in: root)
    let folder = (path as NSString).deletingLastPathComponent
    func resolve(_ p: String) -> String {
      p.hasPrefix("/") ? p : ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(p)
    }
    guard let boardNode = mapping["board"], let board = boardNode.string, !board.isEmpty else {
      throw doc.error(at: root, "missing key 'board': the id of the board whose report is written")
    }
    guard let periodNode = mapping["period"] else {
      throw doc.error(at: root, "missing key 'period', e.g. 'period: 2026-Q3'")
    }
    guard let periodText = periodNode.string, let period = Period(parsing: periodText) else {
      throw doc.error(
        at: periodNode,
        "'\(periodNode.string ?? "")' is not a period; write e.g. 2026, 2026-T2, 2026-Q3, 2025/26")
    }
    let references = try doc.stringList(mapping["reference"], key: "reference").map(resolve)
    var mappings = try doc.stringList(mapping["mappings"], key: "mappings").map(resolve)
    if mappings.isEmpty { mappings = [resolve("mappings")] }
    var title: String?
    var template: String?
    if let report = mapping["report"] {
      guard case .mapping(let r) = report else {
        throw doc.error(at: report, "'report' must be a mapping, e.g. 'report: { title: … }'")
      }
      try doc.checkKeys(r, allowed: ["title", "language", "template"], in: report)
      title = r["title"]?.string
      if let t = r["template"] {
        guard let text = t.string, !text.isEmpty else {
          throw doc.error(at: t, "'template' must be the path of an .xlsx report template")
        }
        let resolved = resolve(text)
        guard FileManager.default.fileExists(atPath: resolved) else {
          throw doc.error(at: t, "the report template '\(text)' does not exist")
        }
        template = resolved
      }
      if let language = r["language"], language.string != "sv" {
        throw doc.error(at: language, "only Swedish reports ('sv') are available")
      }
    }
    var settle = 5.0
    if let inbox = mapping["inbox"] {
      guard case .mapping(let i) = inbox else {
        throw doc.error(at: inbox, "'inbox' must be a mapping, e.g. 'inbox: { settle_seconds: 1 }'")
      }
      try doc.checkKeys(i, allowed: ["settle_seconds"], in: inbox)
      if let s = i["settle_seconds"] {
        guard let value = s.float, value >= 0, value <= 3600 else {
          throw doc.error(at: s, "'settle_seconds' must be a number of seconds from 0 to 3600")
        }
        settle = value
      }
    }
    var config = PipelineConfig(
      municipality: mapping["municipality"]?.string, board: board, period: period,
      referenceFiles: references, mappingPaths: mappings, reportTitle: title,
      settleSeconds: settle, path: path)
    config.validation = try validationOptions(mapping["validation"], in: doc)
    config.reportTemplate = template
    return config
  }
}

/// The kinds of problem in `redthread.yaml`; every one is reported as `invalid-config`
/// (``PipelineError/Code/invalidConfig``), or `config-not-found` for a file that cannot be read.
enum ConfigProblem: YAMLProblemKind {
  case fileUnreadable, yamlSyntax, emptyFile, duplicateKey, unknownKey, wrongType, invalidValue,
    invalidRegex
}

/// `redthread.yaml` read through the one located YAML reader (``LocatedYAML/YAMLReader``):
/// the first problem is thrown as an `invalid-config` error naming `file:line:column`.
struct YAMLDocument {
  let reader: YAMLReader<ConfigProblem>

  init(path: String, text: String) {
    reader = YAMLReader(file: path, text: text)
  }

  var path: String { reader.file }

  func compose() throws -> Node {
    do { return try reader.compose() } catch { throw Self.error(error) }
  }

  func error(at node: Node, _ message: String) -> PipelineError {
    PipelineError(.invalidConfig, message, location: reader.location(node))
  }

  /// Throws the first problem the reader recorded since `count`.
  private func throwProblems(after count: Int) throws {
    if reader.problems.count > count { throw Self.error(reader.problems[count]) }
  }

  func checkKeys(_ mapping: Node.Mapping, allowed: [String], in node: Node) throws {
    let before = reader.problems.count
    _ = reader.pairs(node, path: "", what: "", allowed: allowed)
    try throwProblems(after: before)
  }

  func stringList(_ node: Node?, key: String) throws -> [String] {
    guard let node else { return [] }
    let before = reader.problems.count
    let list = reader.strings(node, path: key) ?? []
    try throwProblems(after: before)
    return list
  }

  static func error(_ problem: YAMLProblem<ConfigProblem>) -> PipelineError {
    var message = problem.message
    if problem.kind == .yamlSyntax || problem.kind == .duplicateKey {
      message = "not valid YAML: " + message
    }
    if let hint = problem.hint, problem.kind != .yamlSyntax { message += "; " + hint }
    return PipelineError(
      problem.kind == .fileUnreadable ? .configNotFound : .invalidConfig, message,
      location: problem.location)
  }
}
