/// Fills a diagnostic's message or hint template with its arguments, in one language.
///
/// The template language is small and written for the catalogue in
/// `DiagnosticCode+Catalogue.swift`:
///
/// - `{name}` is the argument `name`. When the language has a word for the value in its
///   table `name` (``DiagnosticLanguage/words``), the word is used instead: the argument
///   `kind` = `activity` reads `aktiviteten` in Swedish. A word may hold placeholders itself.
/// - `{table:name}` looks the argument `name` up in the table `table`, so one argument can read
///   differently in two places (`{level:targetLevel}`).
/// - Filters follow a bar: `{name|q}` quotes the value (`'NM-2'`), `{name|or}` joins a list
///   as `a, b or c` (`a, b eller c`), `{name|num}` writes a number with the language's decimal
///   separator, `{name|raw}` skips the table. A list is an argument whose items are separated
///   by ``listSeparator``; without `or` its items are joined by `, `.
/// - `[…]` is an optional part: it is left out unless every argument it names is given and not
///   empty (`…[; it aligns only to {reached}]`).
/// - A placeholder outside an optional part whose argument is missing stays as written
///   (`{owner}`), so that a missing value shows in tests.
///
/// Languages that write messages as sentences (Swedish) get their first letter capitalised.
public enum DiagnosticTemplate {
  /// Separates the items of a list argument (U+001F, the ASCII unit separator, which no cell
  /// text holds).
  public static let listSeparator: Character = "\u{1F}"

  /// Joins items into one list argument.
  public static func list<S: Sequence>(_ items: S) -> String where S.Element == String {
    items.joined(separator: String(listSeparator))
  }

  /// Renders a template.
  ///
  /// - Parameters:
  ///   - template: the template, e.g. `nyckeltal '{kpi}' ({name}) has no målvärde for {period}`.
  ///   - arguments: placeholder name → value.
  ///   - language: the words, list conjunction and decimal separator to use.
  /// - Returns: the text.
  public static func render(
    _ template: String, _ arguments: [String: String], in language: DiagnosticLanguage
  ) -> String {
    let text = render(template, arguments, language, depth: 0)
    guard language.capitalizesFirstLetter, let first = text.first, first.isLowercase else {
      return text
    }
    return first.uppercased() + text.dropFirst()
  }

  /// The argument names a template uses, in order of first appearance (not the table names;
  /// placeholders inside the language's words are not followed).
  public static func argumentNames(in template: String) -> [String] {
    var names: [String] = []
    for piece in parse(template) {
      for case .placeholder(let p) in piece.parts where !names.contains(p.argument) {
        names.append(p.argument)
      }
    }
    return names
  }

  /// The tables a template looks words up in: `(table, argument)` pairs for each placeholder
  /// without the `raw` filter.
  public static func lookups(in template: String) -> [(table: String, argument: String)] {
    var out: [(String, String)] = []
    for piece in parse(template) {
      for case .placeholder(let p) in piece.parts where !p.filters.contains("raw") {
        out.append((p.table, p.argument))
      }
    }
    return out
  }

  // MARK: Parsing

  private struct Placeholder {
    var table: String
    var argument: String
    var filters: [String]
    var source: Substring
  }

  private enum Part {
    case text(Substring)
    case placeholder(Placeholder)
  }

  /// A run of parts, optional (from `[…]`) or not.
  private struct Piece {
    var optional: Bool
    var parts: [Part]
  }

  private static func parse(_ template: String) -> [Piece] {
    var pieces: [Piece] = []
    var rest = Substring(template)
    while !rest.isEmpty {
      if rest.first == "[", let close = rest.firstIndex(of: "]") {
        let inner = rest[rest.index(after: rest.startIndex)..<close]
        pieces.append(Piece(optional: true, parts: parts(inner)))
        rest = rest[rest.index(after: close)...]
        continue
      }
      let end = rest.dropFirst().firstIndex(of: "[") ?? rest.endIndex
      pieces.append(Piece(optional: false, parts: parts(rest[..<end])))
      rest = rest[end...]
    }
    return pieces
  }

  private static func parts(_ text: Substring) -> [Part] {
    var out: [Part] = []
    var rest = text
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      if open > rest.startIndex { out.append(.text(rest[..<open])) }
      let spec = rest[rest.index(after: open)..<close]
      var fields = spec.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      let head = fields.removeFirst()
      let names = head.split(separator: ":", maxSplits: 1).map(String.init)
      let argument = names.last ?? head
      out.append(
        .placeholder(
          Placeholder(
            table: names.count == 2 ? names[0] : argument, argument: argument, filters: fields,
            source: rest[open...close])))
      rest = rest[rest.index(after: close)...]
    }
    if !rest.isEmpty { out.append(.text(rest)) }
    return out
  }

  // MARK: Rendering

  private static func render(
    _ template: String, _ arguments: [String: String], _ language: DiagnosticLanguage,
    depth: Int
  ) -> String {
    var out = ""
    for piece in parse(template) {
      if piece.optional {
        let complete = piece.parts.allSatisfy { part in
          guard case .placeholder(let p) = part else { return true }
          return !(arguments[p.argument] ?? "").isEmpty
        }
        guard complete else { continue }
      }
      for part in piece.parts {
        switch part {
        case .text(let text): out += text
        case .placeholder(let p):
          out += value(p, arguments, language, depth: depth) ?? String(p.source)
        }
      }
    }
    return out
  }

  private static func value(
    _ p: Placeholder, _ arguments: [String: String], _ language: DiagnosticLanguage, depth: Int
  ) -> String? {
    guard let raw = arguments[p.argument] else { return nil }
    let table = p.filters.contains("raw") ? nil : language.words[p.table]
    let items = raw.split(separator: listSeparator, omittingEmptySubsequences: false).map {
      item -> String in
      var text = String(item)
      if let word = table?[text] {
        text = depth < 3 ? render(word, arguments, language, depth: depth + 1) : word
      }
      if p.filters.contains("num"), Double(text) != nil {
        text = text.replacing(".", with: String(language.decimalSeparator))
      }
      if p.filters.contains("q") { text = "'\(text)'" }
      return text
    }
    guard p.filters.contains("or"), items.count > 1, let last = items.last else {
      return items.joined(separator: ", ")
    }
    return items.dropLast().joined(separator: ", ") + " \(language.or) " + last
  }
}
