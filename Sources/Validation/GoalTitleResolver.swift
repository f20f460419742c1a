public import Canonical
import Foundation

/// Turns references to goals by title into goal ids before the red-thread rules run, so that a
/// unit's file may name a nämndmål by its title as the board plan writes it, and a national
/// goal by its heading or number.
///
/// A reference that is already a goal id is left alone. Otherwise it is compared with the
/// titles of the goals received (the board plan's KF-mål and nämndmål, national goals, and
/// the unit's own goals) after normalising case, whitespace, dashes and punctuation; national
/// goals also answer to their heading with its number (`2.2 Kunskaper`), to the number after
/// the curriculum (`Lgr22 2.2`, `Lgr 22 kap. 2.2`) and to the number alone when only one
/// curriculum has it. A reference that matches nothing stays as written, and the rules
/// report it as `unresolved-reference` with a did-you-mean over ids and titles.
public enum GoalTitleResolver {
  /// The dataset with goal references by title replaced by ids.
  public static func resolvingTitles(in dataset: Dataset) -> Dataset {
    let ids = Set(dataset.goals.map(\.id))
    var byTitle: [String: [Goal]] = [:]
    for goal in dataset.goals where !goal.title.isEmpty {
      byTitle[key(goal.title), default: []].append(goal)
    }
    let national = dataset.goals.filter { $0.level == .national }
    var fileUnit: [String: String] = [:]
    for plan in dataset.plans {
      if let file = plan.provenance?.file, let unit = plan.unitID { fileUnit[file] = unit }
    }
    func resolve(_ reference: String, unit: String?, provenance: Provenance?) -> String {
      let trimmed = reference.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty, !ids.contains(trimmed) else { return reference }
      let unit = unit ?? provenance.flatMap { fileUnit[$0.file] }
      let k = key(trimmed)
      if let found = byTitle[k] {
        // The unit's own goal first, then the board's and council's, then national.
        let ranked = found.sorted { rank($0, unit: unit) < rank($1, unit: unit) }
        if let best = ranked.first, rank(best, unit: unit) < 9 { return best.id }
      }
      return nationalGoal(for: trimmed, among: national)?.id ?? reference
    }
    var out = dataset
    for i in out.goals.indices {
      let g = out.goals[i]
      let unit = g.level == .unit ? g.ownerUnitID : nil
      out.goals[i].alignsTo = g.alignsTo.map { resolve($0, unit: unit, provenance: g.provenance) }
      out.goals[i].parentID = g.parentID.map {
        resolve($0, unit: unit, provenance: g.provenance)
      }
    }
    for i in out.kpis.indices {
      let k = out.kpis[i]
      out.kpis[i].goalIDs = k.goalIDs.map { resolve($0, unit: k.unitID, provenance: k.provenance) }
    }
    for i in out.activities.indices {
      let a = out.activities[i]
      out.activities[i].goalIDs = a.goalIDs.map {
        resolve($0, unit: a.unitID, provenance: a.provenance)
      }
    }
    for i in out.assessments.indices {
      let a = out.assessments[i]
      out.assessments[i].goalID = resolve(a.goalID, unit: a.unitID, provenance: a.provenance)
    }
    return out
  }

  /// Lower-case letters and digits, one space between words: dashes, punctuation and runs of
  /// whitespace do not matter (`Alla elever ska – nå målen!` = `alla elever ska nå målen`).
  static func key(_ text: String) -> String {
    var out = ""
    var space = false
    let folded = text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
    for ch in folded {
      if ch.isLetter || ch.isNumber || ch == "." {
        if space && !out.isEmpty { out.append(" ") }
        space = false
        out.append(ch)
      } else {
        space = true
      }
    }
    while out.hasSuffix(".") { out.removeLast() }
    return out
  }

  private static func rank(_ goal: Goal, unit: String?) -> Int {
    switch goal.level {
    case .unit: return goal.ownerUnitID == unit && unit != nil ? 0 : 9
    case .board: return 1
    case .council: return 2
    case .national: return 3
    }
  }

  /// A national goal named by heading (`2.2 Kunskaper`), by curriculum and number (`Lgr22
  /// 2.2`), or by number alone when only one curriculum has it.
  static func nationalGoal(for reference: String, among goals: [Goal]) -> Goal? {
    let k = key(reference)
    guard
      let numberRange = k.range(of: #"\b\d+(\.\d+)+\b"#, options: .regularExpression)
    else { return nil }
    let number = String(k[numberRange])
    let before = k[..<numberRange.lowerBound].replacingOccurrences(of: " ", with: "")
      .replacingOccurrences(of: "kap", with: "")
    let after = k[numberRange.upperBound...].trimmingCharacters(in: .whitespaces)
    let withNumber = goals.filter { key($0.id).hasSuffix(" " + number) }
    var candidates = withNumber
    if !before.isEmpty {
      let curriculum = before.filter { $0.isLetter || $0.isNumber }
      candidates = candidates.filter {
        key($0.id).filter { $0.isLetter || $0.isNumber }.hasPrefix(curriculum)
      }
    }
    if !after.isEmpty {
      let titled = candidates.filter { key($0.title) == after }
      if !titled.isEmpty { candidates = titled }
    }
    return candidates.count == 1 ? candidates[0] : nil
  }
}
