import Diagnostics
import Spreadsheet

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

  /// The score of a candidate found by shared words, above any edit distance's.
  private static let byWords = 1_000_000

  /// Words too common in goal titles to tell two titles apart.
  private static let smallWords: Set<String> = [
    "alla", "och", "ska", "att", "som", "för", "med", "till", "det", "den", "ett", "en", "i",
    "på", "av", "vi", "de", "sig", "mer", "fler", "and", "the", "of", "to", "in", "for", "all",
  ]

  /// The words of a title that tell it apart: letters and digits, small words dropped.
  private static func words(_ text: String) -> [String] {
    text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter {
      $0.count > 1 && !smallWords.contains($0)
    }
  }

  /// Two words are one when equal, or when both have five letters or more and begin alike
  /// (`trygg`, `tryggare`, `trygghet`; `skola`, `skolan`).
  private static func sameWord(_ a: String, _ b: String) -> Bool {
    a == b || (a.count >= 5 && b.count >= 5 && a.prefix(5) == b.prefix(5))
  }

  /// How many of the reference's words the title lacks, when it has at least a third of them
  /// and at least two (one when the reference has only one or two words); `nil` when it shares
  /// too few: one common word ("elever", "skolan") says nothing.
  static func sharedWords(_ reference: String, _ title: String) -> (shared: Int, missing: Int)? {
    let ref = words(reference)
    let other = words(title)
    guard !ref.isEmpty, !other.isEmpty else { return nil }
    let shared = ref.filter { w in other.contains { sameWord(w, $0) } }.count
    guard shared >= min(2, ref.count), shared * 3 >= ref.count else { return nil }
    return (shared, ref.count - shared)
  }

  private static func normalised(_ text: String) -> String {
    text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
      .joined(separator: " ")
  }

  /// The candidates a reference most likely meant, best first, at most `limit`.
  ///
  /// A candidate qualifies when the reference is close to its id or to its title by
  /// ``Spreadsheet/EditDistance``'s rule (at most a third of the longer text in edits, at least
  /// one), or contains its title, or is contained in it (four characters or more): people write
  /// a goal's title where its id belongs. A title far by edits still qualifies when it shares
  /// words with the reference (a reworded goal: `Alla elever ska trivas i skolan` for `Alla
  /// elever ska känna trivsel och trygghet i skolan`): at least a third of the reference's
  /// words and at least two, not counting small words such as `ska`, `och`, `alla`; such candidates are offered
  /// only when no candidate is close, more shared words first.
  public func suggestions(for reference: String, limit: Int = 3) -> [Candidate] {
    let ref = Self.normalised(reference)
    guard !ref.isEmpty else { return [] }
    var scored: [(score: Int, candidate: Candidate)] = []
    for candidate in candidates where candidate.id != reference {
      var best = EditDistance.closeDistance(ref, Self.normalised(candidate.id)) ?? Int.max
      let title = Self.normalised(candidate.title)
      if !title.isEmpty {
        if let titleDistance = EditDistance.closeDistance(ref, title) {
          best = min(best, titleDistance)
        } else if ref.count >= 4 && (title.contains(ref) || ref.contains(title)) {
          best = min(best, max(1, abs(title.count - ref.count) / 4))
        } else if let overlap = Self.sharedWords(ref, title) {
          // Fewer missing words first.
          best = min(best, Self.byWords + overlap.missing)
        }
      }
      if best != Int.max { scored.append((best, candidate)) }
    }
    // Titles found by shared words only when nothing is close.
    if scored.contains(where: { $0.score < Self.byWords }) {
      scored.removeAll { $0.score >= Self.byWords }
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
