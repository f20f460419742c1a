public import Canonical

/// The records of a dataset that concern one board (nämnd) and one period, indexed for the
/// red-thread checks and the board report.
///
/// A record's unit is its own unit id, or else the unit of the plan read from the same file.
/// Kept are: national and council goals; the board's own nämndmål (owner the board or none);
/// the records of the board and of every unit under it, and of units the register does not
/// know (reported as `unknown-unit`). Records of units under other boards are left out (their
/// files are listed in ``outsidePlans``).
///
/// Each record counts in its own period. A goal, nyckeltal, målvärde, activity or assessment
/// read from a delivered plan (a unit's arbetsplan or the board's verksamhetsplan) counts only
/// when that plan's period ``Period/counts(in:)`` the report's: it is the period itself, or a
/// period of another kind that contains it (the verksamhetsplan 2026 in each quarter of 2026,
/// a plan for läsår 2026/27 in kvartal 3 2026). A file for kvartal 2 is a snapshot of kvartal
/// 2: its nyckeltal and activities do not appear in kvartal 3, and a unit that delivered for
/// kvartal 2 only is not delivered in kvartal 3. Of one unit's plans that count, only those
/// for the shortest period do (its kvartal 3 follow-up, not also its arbetsplan for the year).
/// A record that carries a period of its own
/// (a målvärde for 2026, an assessment for kvartal 3) must also overlap the report's period.
/// Records from no plan (the reference register's goals) count when their own period, if
/// any, overlaps. Statistics extracts (Kolada, Skolverket) are catalogues, not plans: their
/// files count when their period overlaps, as before.
///
/// Measurements of every period are kept, for history: the previous value and the trend
/// (``previousOutcome(kpiID:unitID:gender:before:)``). They never stand in for the period's
/// own outcome when they are of the same kind (see ``latestOutcome(kpiID:unitID:gender:)``).
public struct BoardScope: Sendable {
  /// The board's unit id, e.g. `hofors-bun`.
  public let boardID: String
  /// The period validated.
  public let period: Period
  /// The day activities are judged on (the period's last day unless given).
  public let asOf: CalendarDate
  /// The bands nyckeltal are judged by (``ValidationOptions/statusThresholds``).
  public var statusThresholds: StatusThresholds?
  /// The board, when it is in the unit register.
  public let board: OrgUnit?
  /// The unit register: every unit of the dataset by id (the first of duplicates).
  public let register: [String: OrgUnit]
  /// The ids of the units under the board, at any depth (not the board itself).
  public let memberUnitIDs: Set<String>
  /// The units above the board (the council, the municipality), nearest first.
  public let ancestorUnitIDs: [String]
  /// The units that must deliver a file for the period, in register order.
  public let expectedUnits: [OrgUnit]
  /// Goals in scope, in dataset order; unit goals carry their owner.
  public let goals: [Goal]
  /// Indicator uses in scope, each with its unit.
  public let kpis: [KPI]
  /// Targets in scope, each with its unit.
  public let targets: [Target]
  /// Measurements of the board, its units and the municipality, every period, with unit
  /// codes (skolenhetskod, kommunkod, Kolada id) turned into unit ids.
  public let measurements: [Measurement]
  /// Activities in scope, each with its unit.
  public let activities: [Activity]
  /// Assessments in scope, each with its unit.
  public let assessments: [Assessment]
  /// Plans (delivered files) in scope.
  public let plans: [Plan]
  /// Plans of units that belong to another board.
  public let outsidePlans: [Plan]
  /// Unit ids named by records but absent from the register: the first record naming each,
  /// in order of appearance.
  public let unknownUnitReferences: [UnitReference]

  /// A record's reference to a unit.
  public struct UnitReference: Hashable, Sendable {
    /// The unit id as written.
    public var unitID: String
    /// What the record is: `file`, `goal`, `nyckeltal`, `målvärde`, `activity`, `assessment`.
    public var kind: String
    /// The record's id (for a file: its name).
    public var owner: String
    /// Where the record was read.
    public var provenance: Provenance?
  }

  private struct SeriesKey: Hashable {
    var kpiID: String
    var unitID: String?
    var gender: Measurement.Gender
    var comparison: ComparisonSeries? = nil
  }

  private let goalsByID: [String: [Int]]
  private struct UnitOwner: Hashable {
    var id: String?
  }

  /// Indices of the goals of each level but enhetsmål, in reading order.
  private let goalsByLevel: [Goal.Level: [Int]]
  /// Indices of the enhetsmål of each owner, in reading order.
  private let unitGoalsByOwner: [UnitOwner: [Int]]
  private let measurementsBySeries: [SeriesKey: [Int]]
  private struct UnitKey: Hashable {
    var id: String
    var unitID: String?
  }

  private let targetsByKPI: [UnitKey: [Int]]
  private let assessmentsByGoal: [UnitKey: [Int]]

  /// Selects and indexes the records of `dataset` for a board and period.
  ///
  /// - Parameters:
  ///   - dataset: everything received (merged from all files).
  ///   - boardID: the board's unit id.
  ///   - period: the period of the report.
  ///   - asOf: the day activities are judged on; `nil` for the period's last day.
  ///   - expectedUnitIDs: the units that must deliver; `nil` for every school, preschool,
  ///     area and other unit under the board that has no unit below it.
  public init(
    dataset: Dataset, boardID: String, period: Period, asOf: CalendarDate? = nil,
    expectedUnitIDs: [String]? = nil
  ) {
    self.boardID = boardID
    self.period = period
    self.asOf = asOf ?? period.end
    var register: [String: OrgUnit] = [:]
    for unit in dataset.units where register[unit.id] == nil { register[unit.id] = unit }
    self.register = register
    self.board = register[boardID]

    let (children, members, ancestors) = Self.family(
      of: boardID, units: dataset.units, register: register)
    memberUnitIDs = members
    ancestorUnitIDs = ancestors

    let deliveringKinds: Set<OrgUnit.Kind> = [.school, .preschool, .area, .other]
    if let expectedUnitIDs {
      expectedUnits = expectedUnitIDs.compactMap { register[$0] }
    } else {
      expectedUnits = dataset.units.filter { unit in
        members.contains(unit.id) && deliveringKinds.contains(unit.kind)
          && !(children[unit.id] ?? []).contains { members.contains($0) }
      }.reduce(into: [OrgUnit]()) { list, unit in
        if !list.contains(where: { $0.id == unit.id }) { list.append(unit) }
      }
    }

    var fileUnit: [String: String] = [:]
    for plan in dataset.plans {
      if let file = plan.provenance?.file, let unit = plan.unitID, fileUnit[file] == nil {
        fileUnit[file] = unit
      }
    }
    func unitOf(_ explicit: String?, _ provenance: Provenance?) -> String? {
      explicit ?? provenance.flatMap { fileUnit[$0.file] }
    }
    var unknown: [UnitReference] = []
    var unknownSeen: Set<String> = []
    func noteUnknown(_ id: String?, _ kind: String, _ owner: String, _ provenance: Provenance?) {
      guard let id, register[id] == nil, unknownSeen.insert(id).inserted else { return }
      unknown.append(UnitReference(unitID: id, kind: kind, owner: owner, provenance: provenance))
    }
    func inScope(_ unit: String?) -> Bool {
      guard let unit else { return true }
      return unit == boardID || members.contains(unit) || register[unit] == nil
    }
    func overlaps(_ p: Period?) -> Bool {
      guard let p else { return true }
      return p.overlaps(period)
    }
    // A record read from a delivered plan's file counts only when that plan counts in the
    // report's period (Dataset.planFiles(countingIn:)).
    let planFiles = dataset.planFiles(countingIn: period)
    func counts(_ own: Period?, _ provenance: Provenance?) -> Bool {
      planFiles.counts(provenance?.file) && overlaps(own)
    }
    func planCounts(_ plan: Plan) -> Bool {
      guard let p = plan.period else { return true }
      if plan.kind == .statistics { return p.overlaps(period) }
      return plan.provenance.map { planFiles.counts($0.file) } ?? p.counts(in: period)
    }

    var plans: [Plan] = []
    var outside: [Plan] = []
    for plan in dataset.plans where planCounts(plan) {
      noteUnknown(plan.unitID, "file", plan.provenance?.file ?? "", plan.provenance)
      if inScope(plan.unitID) { plans.append(plan) } else { outside.append(plan) }
    }
    self.plans = plans
    outsidePlans = outside

    var goals: [Goal] = []
    for var goal in dataset.goals where counts(goal.period, goal.provenance) {
      switch goal.level {
      case .national, .council: goals.append(goal)
      case .board:
        if goal.ownerUnitID == nil || goal.ownerUnitID == boardID { goals.append(goal) }
      case .unit:
        goal.ownerUnitID = unitOf(goal.ownerUnitID, goal.provenance)
        noteUnknown(goal.ownerUnitID, goal.level.swedishLabel, goal.id, goal.provenance)
        if inScope(goal.ownerUnitID) { goals.append(goal) }
      }
    }
    self.goals = goals

    // A statistics extract (Kolada, Skolverket) defines nyckeltal as a catalogue: context for
    // the plans' nyckeltal, which take their utfall from its measurements. Its nyckeltal are
    // not the board's to follow up, so they need no målvärde and no goal.
    let statisticsFiles = Set(
      dataset.plans.filter { $0.kind == .statistics }.compactMap { $0.provenance?.file })
    var kpis: [KPI] = []
    for var kpi in dataset.kpis where counts(nil, kpi.provenance) {
      if let file = kpi.provenance?.file, statisticsFiles.contains(file) { continue }
      kpi.unitID = unitOf(kpi.unitID, kpi.provenance)
      noteUnknown(kpi.unitID, "nyckeltal", kpi.id, kpi.provenance)
      if inScope(kpi.unitID) { kpis.append(kpi) }
    }
    self.kpis = kpis

    var targets: [Target] = []
    for var target in dataset.targets where counts(target.period, target.provenance) {
      target.unitID = unitOf(target.unitID, target.provenance)
      noteUnknown(target.unitID, "målvärde", target.kpiID, target.provenance)
      if inScope(target.unitID) { targets.append(target) }
    }
    self.targets = targets

    var activities: [Activity] = []
    for var activity in dataset.activities where counts(nil, activity.provenance) {
      activity.unitID = unitOf(activity.unitID, activity.provenance)
      noteUnknown(activity.unitID, "activity", activity.id, activity.provenance)
      if inScope(activity.unitID) { activities.append(activity) }
    }
    self.activities = activities

    var assessments: [Assessment] = []
    for var assessment in dataset.assessments
    where counts(assessment.period, assessment.provenance) {
      assessment.unitID = unitOf(assessment.unitID, assessment.provenance)
      noteUnknown(assessment.unitID, "assessment", assessment.goalID, assessment.provenance)
      if inScope(assessment.unitID) { assessments.append(assessment) }
    }
    self.assessments = assessments
    unknownUnitReferences = unknown

    let codes = Self.unitCodes(dataset.units, register: register)
    let measuredUnits = members.union(ancestors).union([boardID])
    var measurements: [Measurement] = []
    for var measurement in dataset.measurements {
      if let id = unitOf(measurement.unitID, measurement.provenance) {
        measurement.unitID = codes[id] ?? id
      }
      // A comparison series (Riket, the county) belongs to no unit of the board.
      if measurement.comparison == nil, let unit = measurement.unitID,
        !measuredUnits.contains(unit)
      {
        continue
      }
      measurements.append(measurement)
    }
    self.measurements = measurements

    var byID: [String: [Int]] = [:]
    for (index, goal) in goals.enumerated() { byID[goal.id, default: []].append(index) }
    goalsByID = byID
    var byLevel: [Goal.Level: [Int]] = [:]
    var byOwner: [UnitOwner: [Int]] = [:]
    for (index, goal) in goals.enumerated() {
      if goal.level == .unit {
        byOwner[UnitOwner(id: goal.ownerUnitID), default: []].append(index)
      } else {
        byLevel[goal.level, default: []].append(index)
      }
    }
    goalsByLevel = byLevel
    unitGoalsByOwner = byOwner
    var bySeries: [SeriesKey: [Int]] = [:]
    for (index, m) in measurements.enumerated() {
      let key = SeriesKey(
        kpiID: m.kpiID, unitID: m.comparison == nil ? m.unitID : nil, gender: m.gender,
        comparison: m.comparison)
      bySeries[key, default: []].append(index)
    }
    measurementsBySeries = bySeries
    var byKPI: [UnitKey: [Int]] = [:]
    for (index, t) in targets.enumerated() {
      byKPI[UnitKey(id: t.kpiID, unitID: t.unitID), default: []].append(index)
    }
    targetsByKPI = byKPI
    var byGoal: [UnitKey: [Int]] = [:]
    for (index, a) in assessments.enumerated() {
      byGoal[UnitKey(id: a.goalID, unitID: a.unitID), default: []].append(index)
    }
    assessmentsByGoal = byGoal
  }

  /// Each unit's children; the units under the board at any depth; the units above it,
  /// nearest first.
  private static func family(
    of boardID: String, units: [OrgUnit], register: [String: OrgUnit]
  ) -> (children: [String: [String]], members: Set<String>, ancestors: [String]) {
    var children: [String: [String]] = [:]
    for unit in units {
      if let parent = unit.parentID { children[parent, default: []].append(unit.id) }
    }
    var members: Set<String> = []
    var stack = children[boardID] ?? []
    while let id = stack.popLast() {
      guard id != boardID, members.insert(id).inserted else { continue }
      stack += children[id] ?? []
    }
    var ancestors: [String] = []
    var cursor = register[boardID]?.parentID
    while let id = cursor, id != boardID, !ancestors.contains(id) {
      ancestors.append(id)
      cursor = register[id]?.parentID
    }
    return (children, members, ancestors)
  }

  /// Unit codes (skolenhetskod, Kolada id, kommunkod) that are not unit ids, each with the
  /// first unit that carries it.
  private static func unitCodes(_ units: [OrgUnit], register: [String: OrgUnit]) -> [String:
    String]
  {
    var codes: [String: String] = [:]
    for unit in units {
      for code in [unit.schoolUnitCode, unit.koladaID, unit.municipalityCode].compactMap({ $0 })
      where codes[code] == nil && register[code] == nil {
        codes[code] = unit.id
      }
    }
    return codes
  }

  /// The unit ids and codes, as measurements carry them, whose measurements a scope for
  /// `boardID` keeps (``measurements``): the board's, those of the units under it and above it,
  /// and their codes. A measurement without a unit, or of a comparison series, is kept
  /// whatever this says. The store uses it to load only those measurements (the same rule as
  /// the scope's, not a second one).
  public static func measuredUnitKeys(units: [OrgUnit], boardID: String) -> Set<String> {
    var register: [String: OrgUnit] = [:]
    for unit in units where register[unit.id] == nil { register[unit.id] = unit }
    let (_, members, ancestors) = family(of: boardID, units: units, register: register)
    let measured = members.union(ancestors).union([boardID])
    let codes = unitCodes(units, register: register)
    var keys = measured.filter { codes[$0] == nil }
    for (code, unit) in codes where measured.contains(unit) { keys.insert(code) }
    return keys
  }

  /// The goal a reference names, seen from a unit: the unit's own enhetsmål first, then the
  /// board's nämndmål, KF-mål and national goals.
  ///
  /// - Parameters:
  ///   - reference: the goal id as written.
  ///   - unitID: the unit whose record holds the reference (`nil` or the board for the
  ///     board's own records).
  /// - Returns: the goal, or `nil` when no goal with that id is visible from the unit.
  public func goal(_ reference: String, from unitID: String?) -> Goal? {
    goalIndex(reference, from: unitID).map { goals[$0] }
  }

  /// The index in ``goals`` of the goal a reference names, seen from a unit (as
  /// ``goal(_:from:)``).
  public func goalIndex(_ reference: String, from unitID: String?) -> Int? {
    guard let indices = goalsByID[reference] else { return nil }
    if let own = indices.first(where: {
      goals[$0].level == .unit && goals[$0].ownerUnitID == unitID
    }) {
      return own
    }
    return indices.first { goals[$0].level != .unit }
  }

  /// The goals at some levels, as did-you-mean candidates, seen from a unit (its own
  /// enhetsmål only): the nearest level first (enhetsmål, nämndmål, KF-mål, national goals),
  /// in reading order within a level.
  public func candidates(levels: Set<Goal.Level>, from unitID: String?) -> Suggestion {
    // From the indices built once, not a pass over every goal per reference.
    let ordered = Goal.Level.allCases.reversed().filter(levels.contains).flatMap { level in
      level == .unit
        ? unitGoalsByOwner[UnitOwner(id: unitID)] ?? [] : goalsByLevel[level] ?? []
    }
    return Suggestion(
      candidates: ordered.map { Suggestion.Candidate(id: goals[$0].id, title: goals[$0].title) })
  }

  /// The name of a unit for messages: its register name, else its id.
  public func unitName(_ id: String?) -> String {
    guard let id else { return "the unit" }
    return register[id]?.name ?? id
  }

  /// The targets of an indicator use valid in the period, best first: a target read from the
  /// same row of the same file, then one for the period itself, then the one for the shortest
  /// period containing it (the year before the läsår).
  public func targets(for kpi: KPI) -> [Target] {
    let matching = (targetsByKPI[UnitKey(id: kpi.id, unitID: kpi.unitID)] ?? []).map {
      targets[$0]
    }.filter(isValid)
    func rank(_ target: Target) -> (Int, Int, Int) {
      let sameRow =
        target.provenance != nil && target.provenance?.file == kpi.provenance?.file
        && target.provenance?.sheet == kpi.provenance?.sheet
        && target.provenance?.row != nil && target.provenance?.row == kpi.provenance?.row
      let p = target.period
      let exact = p == period || p == nil
      let length = p.map { $0.end.daysSinceEpoch - $0.start.daysSinceEpoch } ?? 0
      return (sameRow ? 0 : 1, exact ? 0 : 1, length)
    }
    return matching.enumerated().sorted { a, b in
      let (ra, rb) = (rank(a.element), rank(b.element))
      return ra != rb ? ra < rb : a.offset < b.offset
    }.map(\.element)
  }

  /// Whether a target is valid in the period: no period, the period itself, or a period
  /// containing it.
  public func isValid(_ target: Target) -> Bool {
    guard let p = target.period else { return true }
    return p == period || period.isWithin(p)
  }

  /// The outcome of an indicator for a unit, gender and period, when one was received
  /// (a value or a missing reason).
  ///
  /// For the board's own indicators, outcomes of the municipality (by unit id or kommunkod)
  /// count as the board's.
  public func outcome(
    kpiID: String, unitID: String?, period: Period? = nil, gender: Measurement.Gender = .total
  ) -> Measurement? {
    let wanted = period ?? self.period
    return measurements(kpiID: kpiID, unitID: unitID, gender: gender).last {
      $0.period == wanted
    }
  }

  /// The outcome the board reads for the period: the one for the period itself (a value or
  /// a missing reason), else the latest value of a period of another kind ending on or before
  /// the period's last day (the 2025 result of an annual Kolada series in a report for
  /// kvartal 1 2026).
  ///
  /// An earlier period of the same kind is history, never the period's outcome: a unit's
  /// kvartal 2 value is the previous value in kvartal 3 (``previousOutcome(kpiID:unitID:gender:before:)``),
  /// and a nyckeltal with no kvartal 3 outcome has none.
  public func latestOutcome(
    kpiID: String, unitID: String?, gender: Measurement.Gender = .total
  ) -> Measurement? {
    let list = measurements(kpiID: kpiID, unitID: unitID, gender: gender)
    if let exact = list.last(where: { $0.period == period }) { return exact }
    return Self.latest(
      list.filter { m in
        guard let p = m.period, m.value != nil, p.kind != period.kind else { return false }
        return p.end <= period.end
      })
  }

  /// The latest outcome with a value before a period (by default the report's period): of
  /// the same kind of period when there is one (the quarter, tertial or year before), else
  /// of any period ending before it starts.
  public func previousOutcome(
    kpiID: String, unitID: String?, gender: Measurement.Gender = .total,
    before reference: Period? = nil
  ) -> Measurement? {
    let reference = reference ?? period
    let candidates = measurements(kpiID: kpiID, unitID: unitID, gender: gender).filter {
      $0.value != nil && $0.period != nil
    }
    let sameKind = candidates.filter {
      guard let p = $0.period else { return false }
      return p.kind == reference.kind && p < reference
    }
    if let found = Self.latest(sameKind) { return found }
    return Self.latest(
      candidates.filter {
        guard let p = $0.period else { return false }
        return p.end < reference.start
      })
  }

  /// The latest value of a comparison series (Riket, the county, similar municipalities)
  /// for an indicator, ending on or before the period's last day (or before `period` when
  /// given); `nil` when the files carry none.
  public func comparisonOutcome(
    kpiID: String, series: ComparisonSeries, gender: Measurement.Gender = .total,
    period: Period? = nil
  ) -> Measurement? {
    let reference = period ?? self.period
    let list =
      (measurementsBySeries[
        SeriesKey(kpiID: kpiID, unitID: nil, gender: gender, comparison: series)] ?? [])
      .map { measurements[$0] }
    if let exact = list.last(where: { $0.period == reference && $0.value != nil }) {
      return exact
    }
    return Self.latest(
      list.filter { m in
        guard let p = m.period, m.value != nil else { return false }
        return p.end <= reference.end
      })
  }

  /// Every outcome with a value of an indicator for a unit and gender, one per period (the
  /// last received), oldest first: the points of a line chart.
  public func outcomeSeries(
    kpiID: String, unitID: String?, gender: Measurement.Gender = .total,
    comparison: ComparisonSeries? = nil
  ) -> [Measurement] {
    let list: [Measurement]
    if let comparison {
      list =
        (measurementsBySeries[
          SeriesKey(kpiID: kpiID, unitID: nil, gender: gender, comparison: comparison)] ?? [])
        .map { measurements[$0] }
    } else {
      list = measurements(kpiID: kpiID, unitID: unitID, gender: gender)
    }
    var byPeriod: [Period: Measurement] = [:]
    for m in list where m.value != nil {
      if let p = m.period, p.end <= period.end { byPeriod[p] = m }
    }
    return byPeriod.keys.sorted().compactMap { byPeriod[$0] }
  }

  private static func latest(_ list: [Measurement]) -> Measurement? {
    list.enumerated().max { a, b in
      guard let pa = a.element.period, let pb = b.element.period else { return false }
      return pa != pb ? pa < pb : a.offset < b.offset
    }?.element
  }

  private func measurements(kpiID: String, unitID: String?, gender: Measurement.Gender)
    -> [Measurement]
  {
    let units: [String?]
    if unitID == nil || unitID == boardID {
      units = [unitID, boardID] + ancestorUnitIDs.map { Optional($0) }
    } else {
      units = [unitID]
    }
    for unit in units {
      let found = measurementsBySeries[SeriesKey(kpiID: kpiID, unitID: unit, gender: gender)]
      if let found, !found.isEmpty { return found.map { measurements[$0] } }
    }
    return []
  }

  /// The assessment of a goal by a unit for the period: one for the period itself first,
  /// then one without a period, then the latest overlapping one.
  public func assessment(of goal: Goal, unitID: String?) -> Assessment? {
    let list = (assessmentsByGoal[UnitKey(id: goal.id, unitID: unitID)] ?? []).map {
      assessments[$0]
    }
    return list.first { $0.period == period } ?? list.first { $0.period == nil } ?? list.last
  }

  /// The unit whose record it is, for a goal: the owner for enhetsmål, the board otherwise.
  public func unitID(of goal: Goal) -> String? {
    goal.level == .unit ? goal.ownerUnitID : boardID
  }
}
