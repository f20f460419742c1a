import Foundation

/// File-name patterns as shells write them: `*` (any run), `?` (one character), `[abc]` and
/// `[a-z]` (one of), `[!abc]` (none of), `{a,b}` (either). Matching ignores case and Unicode
/// normalization, so `*Arbetsplan*.XLSX` matches `arbetsplan Åsens skola.xlsx`.
public struct Glob: Sendable, Hashable {
  /// The pattern as written.
  public let pattern: String
  private let alternatives: [[Character]]

  /// Creates a glob.
  public init(_ pattern: String) {
    self.pattern = pattern
    alternatives = Self.expandBraces(pattern.precomposedLowercased).map(Array.init)
  }

  /// Whether a file name matches.
  public func matches(_ name: String) -> Bool {
    let text = Array(name.precomposedLowercased)
    return alternatives.contains { Self.match($0[...], text[...]) }
  }

  private static func expandBraces(_ p: String) -> [String] {
    guard let open = p.firstIndex(of: "{"), let close = p[open...].firstIndex(of: "}") else {
      return [p]
    }
    let head = p[..<open]
    let tail = String(p[p.index(after: close)...])
    let options = p[p.index(after: open)..<close].split(
      separator: ",", omittingEmptySubsequences: false)
    return options.flatMap { option in expandBraces(head + option + tail) }
  }

  private static func match(_ p: ArraySlice<Character>, _ t: ArraySlice<Character>) -> Bool {
    var p = p
    var t = t
    var starP: ArraySlice<Character>?
    var starT: ArraySlice<Character>?
    while !t.isEmpty {
      if let c = p.first {
        if c == "*" {
          p = p.dropFirst()
          starP = p
          starT = t
          continue
        }
        if let (ok, rest) = single(p, t.first ?? " "), ok {
          p = rest
          t = t.dropFirst()
          continue
        }
      }
      guard let sp = starP, let st = starT, !st.isEmpty else { return false }
      p = sp
      t = st.dropFirst()
      starT = t
    }
    return p.allSatisfy { $0 == "*" }
  }

  /// Matches one character against the head of the pattern: `?`, a class or a literal.
  private static func single(_ p: ArraySlice<Character>, _ ch: Character) -> (
    Bool, ArraySlice<Character>
  )? {
    guard let c = p.first else { return nil }
    if c == "?" { return (true, p.dropFirst()) }
    if c == "[", let close = p.dropFirst().firstIndex(of: "]") {
      var body = p[(p.startIndex + 1)..<close]
      let negate = body.first == "!" || body.first == "^"
      if negate { body = body.dropFirst() }
      var found = false
      var i = body.startIndex
      while i < body.endIndex {
        let a = body[i]
        if i + 2 < body.endIndex, body[i + 1] == "-" {
          if a <= ch && ch <= body[i + 2] { found = true }
          i += 3
        } else {
          if a == ch { found = true }
          i += 1
        }
      }
      return (found != negate, p[(close + 1)...])
    }
    return (c == ch, p.dropFirst())
  }
}

extension String {
  var precomposedLowercased: String { precomposedStringWithCanonicalMapping.lowercased() }
}
