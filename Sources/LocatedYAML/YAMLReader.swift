import Foundation
public import Spreadsheet
public import Yams

/// The one reader of located YAML: it composes YAML text into a node tree (Yams, on libyaml)
/// and walks it, collecting every problem with its `file:line:column` (1-based) instead of
/// stopping at the first.
///
/// Mapping files, reference files and `redthread.yaml` are all read through it; each reports
/// problems in its own codes through `Kind`. Syntax errors, duplicate keys, unknown keys with a
/// did-you-mean (``Spreadsheet/EditDistance``'s rule unless the reader is given another), and
/// values of the wrong type are reported the same way everywhere.
public final class YAMLReader<Kind: YAMLProblemKind> {
  /// The file's path, as it is named in locations.
  public let file: String
  /// The file's text.
  public let text: String
  /// Every problem recorded so far, in the order found.
  public private(set) var problems: [YAMLProblem<Kind>] = []
  /// Makes the hint for a word that is not among the allowed ones.
  let hinter: @Sendable (String, [String]) -> String?

  /// Creates a reader over `text`.
  ///
  /// - Parameters:
  ///   - file: the path named in locations.
  ///   - text: the YAML text.
  ///   - hinter: the hint for an unknown word among allowed ones; by default
  ///     ``defaultHint(for:among:)``.
  public init(
    file: String, text: String,
    hinter: @escaping @Sendable (String, [String]) -> String? = YAMLReader.defaultHint
  ) {
    self.file = file
    self.text = text
    self.hinter = hinter
  }

  /// `did you mean 'x'?` for the closest allowed word by ``Spreadsheet/EditDistance``'s rule,
  /// or the list of allowed words (at most 12) when none is close.
  public static func defaultHint(for text: String, among allowed: [String]) -> String? {
    if let near = EditDistance.closest(to: text, among: allowed) {
      return "did you mean '\(near)'?"
    }
    guard !allowed.isEmpty else { return nil }
    let shown = allowed.prefix(12).joined(separator: ", ")
    return "allowed: " + shown + (allowed.count > 12 ? ", …" : "")
  }

  /// Records a problem found outside the node walk (say, a file a key names is missing).
  public func record(_ problem: YAMLProblem<Kind>) { problems.append(problem) }

  /// Reads a file as UTF-8 (a BOM is dropped).
  ///
  /// - Throws: ``YAMLProblem`` `fileUnreadable` when the file is missing or not UTF-8.
  public static func open(
    path: String,
    hinter: @escaping @Sendable (String, [String]) -> String? = YAMLReader.defaultHint
  ) throws(YAMLProblem<Kind>) -> YAMLReader {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw YAMLProblem(
        .fileUnreadable, at: SourceLocation(file: path), "cannot read '\(path)': no such file")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw YAMLProblem(
        .fileUnreadable, at: SourceLocation(file: path), "'\(path)' is not UTF-8 text")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return YAMLReader(file: path, text: text, hinter: hinter)
  }

  /// Composes the document.
  ///
  /// - Throws: ``YAMLProblem`` `yamlSyntax`, `duplicateKey` or `emptyFile`, located.
  public func compose() throws(YAMLProblem<Kind>) -> Node {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw translate(error)
    } catch {
      throw YAMLProblem(.yamlSyntax, at: .text(file, line: 1, column: 1), "\(error)")
    }
    guard let root else {
      throw YAMLProblem(
        .emptyFile, at: .text(file, line: 1, column: 1), "the file holds no YAML document")
    }
    return root
  }

  /// What usually causes a YAML syntax error.
  public static var syntaxHint: String {
    "look at this line and the one before it for a wrong indentation (keys of one mapping "
      + "start in the same column), a tab, a missing colon after a key, or an unclosed quote or "
      + "bracket"
  }

  private func translate(_ error: YamlError) -> YAMLProblem<Kind> {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = problem
      if let context {
        message += " (\(context.text) at \(context.mark.line):\(context.mark.column))"
      }
      return YAMLProblem(
        .yamlSyntax, at: .text(file, line: mark.line, column: mark.column), message,
        hint: Self.syntaxHint)
    case .duplicatedKeysInMapping(let duplicates, let context):
      var line = context.mark.line
      var column = context.mark.column
      if let key = duplicates.first, let found = secondOccurrence(of: key, after: line) {
        (line, column) = found
      }
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return YAMLProblem(
        .duplicateKey, at: .text(file, line: line, column: column),
        "duplicate key \(names) in one mapping; YAML would keep only one of them")
    case .reader(let problem, _, _, _):
      return YAMLProblem(.yamlSyntax, at: .text(file, line: 1, column: 1), problem)
    default:
      return YAMLProblem(.yamlSyntax, at: .text(file, line: 1, column: 1), "\(error)")
    }
  }

  /// Finds the second line that starts (after indentation) with `key:` at or after `line`.
  private func secondOccurrence(of key: String, after line: Int) -> (Int, Int)? {
    var seen = 0
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where i + 1 >= line {
      let trimmed = raw.drop { $0 == " " || $0 == "-" }
      let unquoted =
        trimmed.hasPrefix("\"") || trimmed.hasPrefix("'") ? trimmed.dropFirst() : trimmed
      if unquoted.hasPrefix(key),
        unquoted.dropFirst(key.count).drop(while: { $0 == "\"" || $0 == "'" })
          .first == ":"
      {
        seen += 1
        if seen == 2 { return (i + 1, raw.count - trimmed.count + 1) }
      }
    }
    return nil
  }

  // MARK: locations and errors

  /// The file with the node's 1-based line and column, or only the file.
  public func location(_ node: Node?) -> SourceLocation {
    guard let mark = node?.mark else { return SourceLocation(file: file) }
    return .text(file, line: mark.line, column: mark.column)
  }

  /// Records a problem at a node.
  public func error(
    _ kind: Kind, _ node: Node?, _ message: String, path: String, hint: String? = nil
  ) {
    problems.append(YAMLProblem(kind, at: location(node), message, keyPath: path, hint: hint))
  }

  // MARK: typed access

  /// The pairs of a mapping node, reporting unknown keys (with a did-you-mean) and duplicates.
  public func pairs(_ node: Node, path: String, what: String, allowed: [String]) -> [(
    key: String, keyNode: Node, value: Node
  )]? {
    guard case .mapping(let mapping) = node else {
      error(
        .wrongType, node, "\(what) must be a mapping of keys to values, not \(describe(node))",
        path: path)
      return nil
    }
    var out: [(String, Node, Node)] = []
    for (k, v) in mapping {
      guard case .scalar(let s) = k else {
        error(.wrongType, k, "keys in \(what) must be text", path: path)
        continue
      }
      if !allowed.isEmpty && !allowed.contains(s.string) {
        error(
          .unknownKey, k, "unknown key '\(s.string)'" + (what.isEmpty ? "" : " in \(what)"),
          path: join(path, s.string),
          hint: hinter(s.string, allowed))
        continue
      }
      out.append((s.string, k, v))
    }
    return out
  }

  /// Whether the node is YAML null (`~`, `null`, or nothing).
  public func isNull(_ node: Node) -> Bool {
    if case .scalar(let s) = node {
      return s.tag.description.hasSuffix(":null")
        || (s.style == .plain && ["~", "null", "Null", "NULL", ""].contains(s.string))
    }
    return false
  }

  /// The text of a scalar; anything else is recorded as `wrongType` at `path`.
  public func string(_ node: Node, path: String) -> String? {
    guard case .scalar(let s) = node else {
      error(.wrongType, node, "'\(last(path))' must be text, not \(describe(node))", path: path)
      return nil
    }
    return s.string
  }

  /// A whole number, optionally within `range`; otherwise `wrongType` or `invalidValue`.
  public func int(_ node: Node, path: String, range: ClosedRange<Int>? = nil) -> Int? {
    guard case .scalar(let s) = node, let n = Int(s.string.trimmingCharacters(in: .whitespaces))
    else {
      error(
        .wrongType, node, "'\(last(path))' must be a whole number, not \(describe(node))",
        path: path)
      return nil
    }
    if let range, !range.contains(n) {
      error(
        .invalidValue, node,
        "'\(last(path))' must be between \(range.lowerBound) and \(range.upperBound), not \(n)",
        path: path)
      return nil
    }
    return n
  }

  /// A finite number; otherwise `wrongType`.
  public func double(_ node: Node, path: String) -> Double? {
    guard case .scalar(let s) = node, let n = Double(s.string.trimmingCharacters(in: .whitespaces)),
      n.isFinite
    else {
      error(.wrongType, node, "'\(last(path))' must be a number, not \(describe(node))", path: path)
      return nil
    }
    return n
  }

  /// `true`/`yes`/`on` or `false`/`no`/`off`; otherwise `wrongType`.
  public func bool(_ node: Node, path: String) -> Bool? {
    if case .scalar(let s) = node {
      switch s.string.lowercased() {
      case "true", "yes", "on": return true
      case "false", "no", "off": return false
      default: break
      }
    }
    error(
      .wrongType, node, "'\(last(path))' must be true or false, not \(describe(node))", path: path)
    return nil
  }

  /// Text or a list of texts.
  public func strings(_ node: Node, path: String) -> [String]? {
    switch node {
    case .scalar(let s): return [s.string]
    case .sequence(let seq):
      var out: [String] = []
      for (i, item) in seq.enumerated() {
        guard case .scalar(let s) = item else {
          error(
            .wrongType, item, "items of '\(last(path))' must be text, not \(describe(item))",
            path: "\(path)[\(i)]")
          continue
        }
        out.append(s.string)
      }
      return out
    default:
      error(
        .wrongType, node, "'\(last(path))' must be text or a list of texts, not a mapping",
        path: path)
      return nil
    }
  }

  /// One of a fixed set of words (kebab-case; camelCase and snake_case accepted).
  public func word<T>(_ node: Node, path: String, choices: [(String, T)]) -> T? {
    guard let text = string(node, path: path) else { return nil }
    let key = Self.wordKey(text)
    if let found = choices.first(where: { Self.wordKey($0.0) == key }) { return found.1 }
    error(
      .invalidValue, node, "'\(text)' is not a valid \(last(path))", path: path,
      hint: hinter(text, choices.map(\.0)))
    return nil
  }

  /// The form words are compared in: lowercased, without `-`, `_` and spaces.
  public static func wordKey(_ text: String) -> String {
    text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
  }

  /// Checks that a regular expression compiles; otherwise `invalidRegex`.
  ///
  /// - Returns: the pattern, or `nil`.
  @discardableResult
  public func regex(_ node: Node, path: String) -> String? {
    guard let pattern = string(node, path: path) else { return nil }
    do {
      _ = try Regex(pattern)
      return pattern
    } catch {
      self.error(
        .invalidRegex, node, "'\(pattern)' is not a valid regular expression: \(error)", path: path)
      return nil
    }
  }

  /// How a node is named in a message: its text in quotes, or "a list", "a mapping".
  public func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let s): return "'\(s.string)'"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    case .alias: return "an alias"
    }
  }

  /// `path.key`, or `key` at the top.
  public func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  /// The last key of a key path, without its list index.
  public func last(_ path: String) -> String {
    let tail = path.split(separator: ".").last.map(String.init) ?? path
    if let bracket = tail.firstIndex(of: "[") { return String(tail[..<bracket]) }
    return tail
  }
}
