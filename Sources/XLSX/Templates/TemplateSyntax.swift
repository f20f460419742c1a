import Foundation

/// The markup of a template cell: `{{name}}`, `{{#each C}}`, `{{/each}}`, `{{#if E}}`,
/// `{{/if}}`.
enum TemplateTag: Hashable, Sendable {
  case value(String)
  case each(String)
  case endEach
  case `if`(TemplateCondition)
  case endIf
  /// `{{…}}` that is none of the above (kept, and reported by check).
  case invalid(String)

  /// Reads the text between `{{` and `}}`.
  init(_ inner: String) {
    let t = inner.trimmingCharacters(in: .whitespaces)
    if t.hasPrefix("#each ") {
      self = .each(String(t.dropFirst(6)).trimmingCharacters(in: .whitespaces))
    } else if t == "/each" {
      self = .endEach
    } else if t.hasPrefix("#if ") {
      if let c = TemplateCondition(String(t.dropFirst(4))) {
        self = .if(c)
      } else {
        self = .invalid(t)
      }
    } else if t == "/if" {
      self = .endIf
    } else if TemplateSyntax.isName(t) {
      self = .value(t)
    } else {
      self = .invalid(t)
    }
  }
}

/// `{{#if name}}`, `{{#if not name}}`, `{{#if name == 'text'}}`, `{{#if name != 'text'}}`.
struct TemplateCondition: Hashable, Sendable {
  var name: String
  var negated: Bool
  /// The compared text, for `==` / `!=`.
  var compared: String?

  init?(_ text: String) {
    var t = text.trimmingCharacters(in: .whitespaces)
    negated = false
    compared = nil
    if t.hasPrefix("not ") {
      negated = true
      t = String(t.dropFirst(4)).trimmingCharacters(in: .whitespaces)
    }
    for op in ["==", "!="] {
      if let r = t.range(of: op) {
        name = String(t[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
        var value = String(t[r.upperBound...]).trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let f = value.first, f == "'" || f == "\"", value.last == f {
          value = String(value.dropFirst().dropLast())
        }
        compared = value
        if op == "!=" { negated.toggle() }
        guard TemplateSyntax.isName(name) else { return nil }
        return
      }
    }
    name = t
    guard TemplateSyntax.isName(name) else { return nil }
  }

  func holds(_ value: TemplateValue) -> Bool {
    let result: Bool
    if let compared {
      result = value.displayText.lowercased() == compared.lowercased()
    } else {
      result = value.isTruthy
    }
    return negated ? !result : result
  }
}

enum TemplateSyntax {
  /// A name: letters (å, ä, ö too), digits, `_` and `.`, starting with a letter.
  static func isName(_ s: String) -> Bool {
    guard let f = s.first, f.isLetter else { return false }
    return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
  }

  /// The `{{…}}` of a text with their ranges.
  static func tags(in text: String) -> [(range: Range<String.Index>, tag: TemplateTag)] {
    var out: [(Range<String.Index>, TemplateTag)] = []
    var rest = text.startIndex
    while let open = text.range(of: "{{", range: rest..<text.endIndex) {
      guard let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) else {
        break
      }
      out.append(
        (
          open.lowerBound..<close.upperBound,
          TemplateTag(String(text[open.upperBound..<close.lowerBound]))
        ))
      rest = close.upperBound
    }
    return out
  }

  /// Whether a text has `{{` without a matching `}}`.
  static func hasUnclosedTag(_ text: String) -> Bool {
    guard let last = text.range(of: "{{", options: .backwards) else { return false }
    return text.range(of: "}}", range: last.upperBound..<text.endIndex) == nil
  }

  /// The one tag a text holds when it holds nothing else (spaces aside).
  static func soleTag(_ text: String) -> TemplateTag? {
    let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let all = tags(in: t)
    guard all.count == 1, all[0].range == t.startIndex..<t.endIndex else { return nil }
    return all[0].tag
  }
}
