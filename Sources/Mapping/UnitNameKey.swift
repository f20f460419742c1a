/// How unit names are compared: the way people write a unit's name varies more than its
/// spelling.
///
/// The key keeps the name's distinctive words and drops what varies: case, spaces, hyphens,
/// dashes (`F–9` with an en dash is `F-9`), grade ranges (`F-6`, `7-9`), the words that say
/// what kind of unit it is (`skola`, `skolan`, `grundskola`; `förskola`, `förskolor`,
/// `förskoleenhet`, `förskoleområde`, …, also at the end of a compound: `Åsenskolan`), a
/// genitive `s` before such a word (`Åsens skola`, `Ängens förskolor`) and word order
/// (`Förskoleenhet Ängen` and `Ängens förskolor` are one unit). The kind is kept apart, so
/// that `Centrumskolan` does not become a preschool called Centrum.
struct UnitNameKey: Hashable {
  /// The distinctive words, sorted and joined.
  var words: String
  /// `skola` or `förskola` when the name says which kind of unit it is.
  var kind: String?

  /// The whole key, kind included: `ängen#förskola`.
  var full: String { kind.map { "\(words)#\($0)" } ?? words }

  private static let schoolWords = ["grundskolan", "grundskola", "skolan", "skola", "skolor"]
  private static let preschoolWords = [
    "förskoleenheten", "förskoleenheter", "förskoleenhet", "förskoleområdet", "förskoleområde",
    "förskolorna", "förskolor", "förskolan", "förskola", "fskområde", "fsk",
  ]

  init(_ text: String) {
    let normalized = TextMatching.normalized(text)
      .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
    var tokens = normalized.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    tokens.removeAll { token in
      let parts = token.split(separator: "-")
      return parts.count == 2 && parts.allSatisfy { p in p == "f" || p.allSatisfy(\.isNumber) }
    }
    var kind: String?
    var out: [String] = []
    for token in tokens {
      let bare = token.filter { $0.isLetter || $0.isNumber }
      if let k = Self.kindWord(bare) {
        kind = kind ?? k
        if var last = out.last, last.hasSuffix("s"), last.count > 3 {
          last.removeLast()
          out[out.count - 1] = last
        }
        continue
      }
      var t = bare
      for (words, k) in [(Self.preschoolWords, "förskola"), (Self.schoolWords, "skola")] {
        if let word = words.first(where: { t.hasSuffix($0) && t.count > $0.count + 2 }) {
          t = String(t.dropLast(word.count))
          if t.hasSuffix("s"), t.count > 3 { t.removeLast() }
          kind = kind ?? k
          break
        }
      }
      if !t.isEmpty { out.append(t) }
    }
    words = out.sorted().joined(separator: " ")
    self.kind = kind
  }

  private static func kindWord(_ token: String) -> String? {
    if preschoolWords.contains(token) { return "förskola" }
    if schoolWords.contains(token) { return "skola" }
    return nil
  }
}
