public import Canonical
import Spreadsheet

/// What a mapping looks names up in: the unit register (names, aliases, codes), goals (national
/// and others by id or title), the KPI succession table, and register tables read from files
/// (key → value).
///
/// Load it from the reference files of a municipality with ``load(paths:read:)``; build it in
/// code for tests.
///
/// Unit lookups compare names the way people write them: case, whitespace, hyphens and the
/// endings `skola`/`skolan` (and grade ranges such as `F-6`) do not matter, so
/// `Petre skola F-6` finds `Petreskolan`. A failed lookup carries a did-you-mean.
public struct ReferenceData: Sendable {
  /// Units, in register order.
  public private(set) var units: [OrgUnit]
  /// Goals known before any file is read (national goals, council goals).
  public private(set) var goals: [Goal]
  /// KPI successions: an old Kolada id → the id that replaced it (`N15419` → `N15508`).
  public private(set) var kpiSuccession: [String: String]
  /// Register tables by name: a key column → a value column, from a CSV or XLSX file.
  public private(set) var tables: [String: [String: String]]

  private var unitIndex: [String: String] = [:]
  private var unitLooseIndex: [String: String] = [:]
  /// By ``UnitNameKey``: the full key (kind included), and the words alone.
  private var unitKeyIndex: [String: String] = [:]
  private var unitWordsIndex: [String: String] = [:]
  private var goalIndex: [String: String] = [:]
  private var goalLooseIndex: [String: String] = [:]

  /// No reference data: every lookup fails (with no suggestion).
  public static let empty = ReferenceData()

  /// Creates reference data from records.
  public init(
    units: [OrgUnit] = [], goals: [Goal] = [], kpiSuccession: [String: String] = [:],
    tables: [String: [String: String]] = [:]
  ) {
    self.units = []
    self.goals = []
    self.kpiSuccession = kpiSuccession
    self.tables = [:]
    add(units: units)
    add(goals: goals)
    for (name, table) in tables { add(table: table, named: name) }
  }

  /// Adds units to the register (a later unit with the same id replaces nothing: both are kept,
  /// the first wins lookups).
  public mutating func add(units new: [OrgUnit]) {
    for unit in new {
      units.append(unit)
      var keys = [unit.id, unit.name] + unit.aliases
      keys += [unit.municipalityCode, unit.schoolUnitCode, unit.koladaID].compactMap { $0 }
      for key in keys {
        let n = TextMatching.normalized(key)
        if unitIndex[n] == nil { unitIndex[n] = unit.id }
        let loose = Self.unitKey(key)
        if !loose.isEmpty, unitLooseIndex[loose] == nil { unitLooseIndex[loose] = unit.id }
        let nameKey = UnitNameKey(key)
        guard !nameKey.words.isEmpty else { continue }
        if unitKeyIndex[nameKey.full] == nil { unitKeyIndex[nameKey.full] = unit.id }
        if unitWordsIndex[nameKey.words] == nil { unitWordsIndex[nameKey.words] = unit.id }
      }
    }
  }

  /// Adds goals (national, council) that files may name by id or title.
  public mutating func add(goals new: [Goal]) {
    for goal in new {
      goals.append(goal)
      for key in [goal.id, goal.title] {
        let n = TextMatching.normalized(key)
        if goalIndex[n] == nil { goalIndex[n] = goal.id }
        let loose = TextMatching.loose(key)
        if !loose.isEmpty, goalLooseIndex[loose] == nil { goalLooseIndex[loose] = goal.id }
      }
    }
  }

  /// Adds KPI successions (old id → new id).
  public mutating func add(kpiSuccession new: [String: String]) {
    for (old, successor) in new { kpiSuccession[old] = successor }
  }

  /// Adds a register table; keys compare normalized.
  public mutating func add(table: [String: String], named name: String) {
    var normalized: [String: String] = tables[name] ?? [:]
    for (k, v) in table { normalized[TextMatching.normalized(k)] = v }
    tables[name] = normalized
  }

  /// The outcome of a lookup.
  public enum LookupResult: Hashable, Sendable {
    /// Found: the id (or value).
    case found(String)
    /// Not found; the closest known name, when one is close.
    case notFound(suggestion: String?)
  }

  /// The unit id for a name, alias, id or code.
  public func unitID(for text: String) -> LookupResult {
    let n = TextMatching.normalized(text)
    if let id = unitIndex[n] { return .found(id) }
    if let id = unitLooseIndex[Self.unitKey(text)] { return .found(id) }
    let key = UnitNameKey(text)
    if !key.words.isEmpty {
      if let id = unitKeyIndex[key.full] { return .found(id) }
      // A name that does not say its kind finds a unit of any kind; one that does finds a
      // unit whose register names do not say theirs.
      if let id = unitWordsIndex[key.words] {
        let unitKinds = Set(
          units.filter { $0.id == id }.flatMap { [$0.name] + $0.aliases }.map {
            UnitNameKey($0).kind
          })
        if key.kind == nil || unitKinds.contains(key.kind) || unitKinds == [nil] {
          return .found(id)
        }
      }
    }
    let names = units.flatMap { [$0.name] + $0.aliases }
    return .notFound(
      suggestion: TextMatching.suggestion(for: text, among: names)
        ?? Self.unitSuggestion(for: key, among: names))
  }

  /// The goal id for an id or a title.
  public func goalID(for text: String) -> LookupResult {
    let n = TextMatching.normalized(text)
    if let id = goalIndex[n] { return .found(id) }
    if let id = goalLooseIndex[TextMatching.loose(text)] { return .found(id) }
    let names = goals.flatMap { [$0.id, $0.title] }
    return .notFound(suggestion: TextMatching.suggestion(for: text, among: names))
  }

  /// The id that replaced a KPI id, following chains (`A` → `B` → `C` gives `C`), or `nil`.
  public func successor(ofKPI id: String) -> String? {
    var current = id
    var seen: Set<String> = [id]
    while let next = kpiSuccession[current], !seen.contains(next) {
      current = next
      seen.insert(next)
    }
    return current == id ? nil : current
  }

  /// The value of a key in a register table.
  public func value(in table: String, for key: String) -> LookupResult {
    guard let rows = tables[table] else { return .notFound(suggestion: nil) }
    if let v = rows[TextMatching.normalized(key)] { return .found(v) }
    return .notFound(suggestion: TextMatching.suggestion(for: key, among: Array(rows.keys)))
  }

  /// Whether a register table with this name is loaded.
  public func hasTable(_ name: String) -> Bool { tables[name] != nil }

  /// The closest unit name by ``UnitNameKey`` words (`Ängens förskolor` → `Förskoleenhet
  /// Ängen` when the words are within a third of their length of each other).
  static func unitSuggestion(for key: UnitNameKey, among names: [String]) -> String? {
    guard !key.words.isEmpty else { return nil }
    var best: (String, Int)?
    for name in names {
      let other = UnitNameKey(name).words
      guard !other.isEmpty else { continue }
      let d = EditDistance.distance(key.words, other)
      guard d <= max(1, max(key.words.count, other.count) / 3) else { continue }
      if best == nil || d < (best?.1 ?? .max) { best = (name, d) }
    }
    return best?.0
  }

  /// The comparison key for unit names: letters and digits only, school words (`skola`,
  /// `skolan`, `grundskola`) and grade ranges (`F-6`, `7-9`) removed, a genitive `s` before a
  /// removed school word dropped (`Åsens skola` and `Åsenskolan` both give `åsen`).
  static func unitKey(_ text: String) -> String {
    let schoolWords = ["grundskolan", "grundskola", "skolan", "skola"]
    var tokens = TextMatching.normalized(text).split(separator: " ").map(String.init)
    tokens.removeAll { token in
      let t = token.replacingOccurrences(of: "–", with: "-")
      let parts = t.split(separator: "-")
      return parts.count == 2 && parts.allSatisfy { p in p == "f" || p.allSatisfy(\.isNumber) }
    }
    var removedSchoolWord = false
    var out: [String] = []
    for token in tokens {
      if schoolWords.contains(token) {
        removedSchoolWord = true
        continue
      }
      var t = token
      for word in schoolWords where t.hasSuffix(word) && t.count > word.count + 2 {
        t = String(t.dropLast(word.count))
        break
      }
      out.append(t)
    }
    if removedSchoolWord, var last = out.last, last.hasSuffix("s"), last.count > 3 {
      last.removeLast()
      out[out.count - 1] = last
    }
    return out.joined().filter { $0.isLetter || $0.isNumber }
  }
}
