import Diagnostics

/// "Did you mean" for references that do not resolve: the candidates closest to what was
/// written, by edit distance over ids and titles.
public struct Suggestion: Sendable {
  /// A record that a reference could have meant.
  public struct Candidate: Hashable, Sendable {
    /// Its id.
    public var id: String
    /// Its title or name.
    public var title: String

    /// Creates a candidate.
    public init(id: String, title: String) {
      self.id = id
      self.title = title
    }
  }

  /// The records a reference may name.
  public var candidates: [Candidate]

  /// Creates a suggester over candidates.
  public init(candidates: [Candidate]) { self.candidates = candidates }

  /// The Levenshtein distance between two strings, over Unicode scalars, ignoring case.
  ///
  /// - Returns: the number of single-character insertions, deletions and substitutions.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased().unicodeScalars)
    let y = Array(b.lowercased().unicodeScalars)
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

  private static func normalised(_ text: String) -> String {
    text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
      .joined(separator: " ")
  }

  /// The candidates a reference most likely meant, best first, at most `limit`.
  ///
  /// A candidate qualifies when its id is within a third of its length in edits (at least one),
  /// or when the reference is close to its title (within a quarter of the title's length, at
  /// least two edits) or contains it, or is contained in it (four characters or more): people
  /// write a goal's title where its id belongs.
  public func suggestions(for reference: String, limit: Int = 3) -> [Candidate] {
    let ref = Self.normalised(reference)
    guard !ref.isEmpty else { return [] }
    var scored: [(score: Int, candidate: Candidate)] = []
    for candidate in candidates where candidate.id != reference {
      let idDistance = Self.editDistance(ref, Self.normalised(candidate.id))
      var best = idDistance <= max(1, candidate.id.count / 3) ? idDistance : Int.max
      let title = Self.normalised(candidate.title)
      if !title.isEmpty {
        let titleDistance = Self.editDistance(ref, title)
        if titleDistance <= max(2, title.count / 4) {
          best = min(best, titleDistance)
        } else if ref.count >= 4 && (title.contains(ref) || ref.contains(title)) {
          best = min(best, max(1, abs(title.count - ref.count) / 4))
        }
      }
      if best != Int.max { scored.append((best, candidate)) }
    }
    scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.candidate.id < $1.candidate.id }
    var seen: Set<String> = []
    var out: [Candidate] = []
    for item in scored where !seen.contains(item.candidate.id) {
      seen.insert(item.candidate.id)
      out.append(item.candidate)
      if out.count == limit { break }
    }
    return out
  }

  /// The arguments of a did-you-mean for the templates of `unresolved-reference`,
  /// `unknown-unit` and `unknown-board` (see ``DiagnosticCode/suggestionHint``):
  /// `suggestion` and `suggestionTitle` for one close candidate with a title, else
  /// `suggestions` (a list of ids), else `known` (every id, when there are at most eight);
  /// with `candidates`, a key naming what the candidates are, and `candidateUnit`.
  ///
  /// - Parameters:
  ///   - reference: what was written.
  ///   - candidates: what the candidates are, a key of the languages' `candidates` table:
  ///     `boardOrNational`, `councilOrNational`, `goals`, `boardGoals`, `unitGoals`,
  ///     `unitKPIs`, `units`, `boards`.
  ///   - unit: the unit's name for `unitGoals` and `unitKPIs`.
  public func arguments(for reference: String, candidates noun: String, unit: String? = nil)
    -> [String: String]
  {
    var out = ["candidates": noun]
    if let unit { out["candidateUnit"] = unit }
    let found = suggestions(for: reference)
    if found.count == 1, let only = found.first, !only.title.isEmpty {
      out["suggestion"] = only.id
      out["suggestionTitle"] = only.title
    } else if !found.isEmpty {
      out["suggestions"] = DiagnosticTemplate.list(found.map(\.id))
    } else if !candidates.isEmpty, candidates.count <= 8 {
      var seen: Set<String> = []
      out["known"] = DiagnosticTemplate.list(
        candidates.map(\.id).filter { seen.insert($0).inserted })
    }
    return out
  }

  /// A hint for a reference that does not resolve: "did you mean 'NM-2' (title)?", or the
  /// known ids when there are at most eight and none is close, or `nil`.
  ///
  /// - Parameters:
  ///   - reference: what was written.
  ///   - noun: what the candidates are, plural, e.g. `nämndmål`.
  public func hint(for reference: String, noun: String) -> String? {
    let found = suggestions(for: reference)
    if found.count == 1, let only = found.first {
      return "did you mean '\(only.id)' (\(only.title))?"
    }
    if !found.isEmpty {
      let ids = found.map { "'\($0.id)'" }
      return "did you mean \(ids.dropLast().joined(separator: ", ")) or \(ids.last ?? "")?"
    }
    guard !candidates.isEmpty, candidates.count <= 8 else { return nil }
    return "known \(noun): " + candidates.map(\.id).joined(separator: ", ")
  }
}
