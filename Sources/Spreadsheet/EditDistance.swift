/// Levenshtein edit distance, and the one rule for when a text is close enough to another to
/// be its misspelling: the did-you-mean of mapping files, `redthread.yaml` and validation.
///
/// **The rule:** two texts are close when, compared without case, their edit distance is at
/// most a third of the longer one's length in characters, and at least 1. `NM-9` is close to
/// `NM-1` (1 edit of 4 characters), `Lillåskolan` to `Lillaskolan`, `mapings` to `mappings`;
/// `Ekonomi` is close to nothing in `Kunskaper`. Containing the other text ("legitimerade
/// lärare" in a goal's title) is a separate rule of the callers that use it.
public enum EditDistance {
  /// The number of single-character insertions, deletions and substitutions that turn `a`
  /// into `b`, by characters, case-sensitive (callers lowercase or normalise first).
  public static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }

  /// The most edits that still make two texts of these lengths close: a third of the longer,
  /// at least 1.
  public static func limit(_ a: String, _ b: String) -> Int {
    max(1, max(a.count, b.count) / 3)
  }

  /// The edit distance between `a` and `b` without case, when they are close by the rule;
  /// `nil` otherwise.
  public static func closeDistance(_ a: String, _ b: String) -> Int? {
    let d = distance(a.lowercased(), b.lowercased())
    return d <= limit(a, b) ? d : nil
  }

  /// The candidate closest to `text` by the rule (the first of equally close ones), or `nil`.
  public static func closest(to text: String, among candidates: [String]) -> String? {
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      guard let d = closeDistance(text, candidate) else { continue }
      if d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best?.candidate
  }
}
