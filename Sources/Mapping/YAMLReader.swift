import Foundation
import Spreadsheet
import Yams

/// Reads YAML text into a Yams node tree and walks it, collecting every problem with its
/// `file:line:column` instead of stopping at the first.
final class YAMLReader {
  let file: String
  let text: String
  private(set) var errors: [MappingError] = []

  init(file: String, text: String) {
    self.file = file
    self.text = text
  }

  /// Reads a file as UTF-8 (a BOM is dropped).
  static func open(path: String) throws -> YAMLReader {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw MappingError(
        .fileUnreadable, at: SourceLocation(file: path), "cannot read '\(path)': no such file")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw MappingError(
        .fileUnreadable, at: SourceLocation(file: path), "'\(path)' is not UTF-8 text")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return YAMLReader(file: path, text: text)
  }

  /// Composes the document; syntax errors become located ``MappingError``s.
  func compose() throws -> Node {
    do {
      guard let root = try Yams.compose(yaml: text) else {
        throw MappingError(
          .emptyFile, at: .text(file, line: 1, column: 1), "the file holds no YAML document")
      }
      return root
    } catch let error as YamlError {
      throw translate(error)
    }
  }

  /// What usually causes a YAML syntax error in a mapping file.
  static let syntaxHint =
    "look at this line and the one before it for a wrong indentation (keys of one mapping "
    + "start in the same column), a tab, a missing colon after a key, or an unclosed quote or "
    + "bracket"

  private func translate(_ error: YamlError) -> MappingError {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = problem
      if let context {
        message += " (\(context.text) at \(context.mark.line):\(context.mark.column))"
      }
      return MappingError(
        .yamlSyntax, at: .text(file, line: mark.line, column: mark.column), message,
        hint: Self.syntaxHint)
    case .duplicatedKeysInMapping(let duplicates, let context):
      var line = context.mark.line
      var column = context.mark.column
      if let key = duplicates.first, let found = secondOccurrence(of: key, after: line) {
        (line, column) = found
      }
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return MappingError(
        .duplicateKey, at: .text(file, line: line, column: column),
        "duplicate key \(names) in one mapping; YAML would keep only one of them")
    case .reader(let problem, _, _, _):
      return MappingError(.yamlSyntax, at: .text(file, line: 1, column: 1), problem)
    default:
      return MappingError(.yamlSyntax, at: .text(file, line: 1, column: 1), "\(error)")
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

  func location(_ node: Node?) -> SourceLocation {
    guard let mark = node?.mark else { return SourceLocation(file: file) }
    return .text(file, line: mark.line, column: mark.column)
  }

  func error(
    _ code: MappingError.Code, _ node: Node?, _ message: String, path: String, hint: String? = nil
  ) {
    errors.append(MappingError(code, at: location(node), message, keyPath: path, hint: hint))
  }

  // MARK: typed access

  /// The pairs of a mapping node, reporting unknown keys (with a did-you-mean) and duplicates.
  func pairs(_ node: Node, path: String, what: String, allowed: [String]) -> [(
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
          .unknownKey, k, "unknown key '\(s.string)' in \(what)", path: join(path, s.string),
          hint: TextMatching.hint(for: s.string, among: allowed))
        continue
      }
      out.append((s.string, k, v))
    }
    return out
  }

  func isNull(_ node: Node) -> Bool {
    if case .scalar(let s) = node {
      return s.tag.description.hasSuffix(":null")
        || (s.style == .plain && ["~", "null", "Null", "NULL", ""].contains(s.string))
    }
    return false
  }

  func string(_ node: Node, path: String) -> String? {
    guard case .scalar(let s) = node else {
      error(.wrongType, node, "'\(last(path))' must be text, not \(describe(node))", path: path)
      return nil
    }
    return s.string
  }

  func int(_ node: Node, path: String, range: ClosedRange<Int>? = nil) -> Int? {
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

  func double(_ node: Node, path: String) -> Double? {
    guard case .scalar(let s) = node, let n = Double(s.string.trimmingCharacters(in: .whitespaces)),
      n.isFinite
    else {
      error(.wrongType, node, "'\(last(path))' must be a number, not \(describe(node))", path: path)
      return nil
    }
    return n
  }

  func bool(_ node: Node, path: String) -> Bool? {
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
  func strings(_ node: Node, path: String) -> [String]? {
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
  func word<T>(_ node: Node, path: String, choices: [(String, T)]) -> T? {
    guard let text = string(node, path: path) else { return nil }
    let key = Self.wordKey(text)
    if let found = choices.first(where: { Self.wordKey($0.0) == key }) { return found.1 }
    error(
      .invalidValue, node, "'\(text)' is not a valid \(last(path))", path: path,
      hint: TextMatching.hint(for: text, among: choices.map(\.0)))
    return nil
  }

  static func wordKey(_ text: String) -> String {
    text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
  }

  /// Checks that a regular expression compiles.
  @discardableResult
  func regex(_ node: Node, path: String) -> String? {
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

  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let s): return "'\(s.string)'"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    case .alias: return "an alias"
    }
  }

  func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func last(_ path: String) -> String {
    let tail = path.split(separator: ".").last.map(String.init) ?? path
    if let bracket = tail.firstIndex(of: "[") { return String(tail[..<bracket]) }
    return tail
  }
}
