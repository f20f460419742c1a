import Canonical
import Spreadsheet
import Validation

/// Computes a ``BoardReport`` from a board's scope: one pass per kind of row, in the order
/// of the unit register.
struct ReportComputation {
  let scope: BoardScope
  let validation: ValidationReport

  /// Unit ids in report order: the board, the expected units, then any other unit with
  /// records, in order of appearance.
  let unitOrder: [String?]
  private let unitRank: [String: Int]
  /// For each goal of the scope, the indices of the nyckeltal and activities that follow it.
  private let kpisByGoal: [Int: [Int]]
  private let activitiesByGoal: [Int: [Int]]
  /// For each goal, the goals aligned to it (from below).
  private let alignedFromBelow: [Int: [Int]]

  init(scope: BoardScope, validation: ValidationReport) {
    self.scope = scope
    self.validation = validation
    var order: [String?] = [scope.boardID]
    var seen: Set<String> = [scope.boardID]
    func add(_ id: String?) {
      guard let id, seen.insert(id).inserted else { return }
      order.append(id)
    }
    scope.expectedUnits.forEach { add($0.id) }
    scope.plans.forEach { add($0.unitID) }
    scope.goals.filter { $0.level == .unit }.forEach { add($0.ownerUnitID) }
    scope.kpis.forEach { add($0.unitID) }
    scope.activities.forEach { add($0.unitID) }
    unitOrder = order
    var rank: [String: Int] = [:]
    for (i, id) in order.enumerated() { if let id { rank[id] = i } }
    unitRank = rank

    var kpisByGoal: [Int: [Int]] = [:]
    for (i, kpi) in scope.kpis.enumerated() {
      for reference in kpi.goalIDs {
        if let g = scope.goalIndex(reference, from: kpi.unitID),
          !(kpisByGoal[g] ?? []).contains(i)
        {
          kpisByGoal[g, default: []].append(i)
        }
      }
    }
    self.kpisByGoal = kpisByGoal
    var activitiesByGoal: [Int: [Int]] = [:]
    for (i, activity) in scope.activities.enumerated() {
      for reference in activity.goalIDs {
        if let g = scope.goalIndex(reference, from: activity.unitID),
          !(activitiesByGoal[g] ?? []).contains(i)
        {
          activitiesByGoal[g, default: []].append(i)
        }
      }
    }
    self.activitiesByGoal = activitiesByGoal
    var below: [Int: [Int]] = [:]
    for (i, goal) in scope.goals.enumerated() {
      let from = scope.unitID(of: goal)
      for reference in goal.alignsTo + (goal.parentID.map { [$0] } ?? []) {
        if let g = scope.goalIndex(reference, from: from), g != i,
          !(below[g] ?? []).contains(i)
        {
          below[g, default: []].append(i)
        }
      }
    }
    alignedFromBelow = below
  }

  private func rank(_ unitID: String?) -> Int {
    guard let unitID else { return unitOrder.count }
    return unitRank[unitID] ?? unitOrder.count
  }

  /// Indices `0..<count` sorted by the unit of each, stable.
  private func byUnit(_ count: Int, unit: (Int) -> String?) -> [Int] {
    (0..<count).sorted { a, b in
      let (ra, rb) = (rank(unit(a)), rank(unit(b)))
      return ra != rb ? ra < rb : a < b
    }
  }

  func report(reportDate: CalendarDate) -> BoardReport {
    let ownRows = scope.kpis.map(kpiRow)
    let kpiRows = zip(scope.kpis, ownRows).map { kpi, row in
      rolledUp(row, units: ownRows, target: scope.targets(for: kpi).first)
    }
    let activityRows = scope.activities.map(activityRow)
    let goalRows = goalRows(kpiRows: kpiRows, activityRows: activityRows)
    let municipality = scope.ancestorUnitIDs.lazy.compactMap { scope.register[$0] }
      .first { $0.kind == .municipality }
    let severityOrder: [Severity] = [.error, .warning, .info]
    let diagnostics = severityOrder.flatMap { severity in
      validation.diagnostics.filter { $0.severity == severity }
    }
    let orderedKPIs = byUnit(kpiRows.count) { kpiRows[$0].unitID }.map { kpiRows[$0] }
    let orderedActivities = byUnit(activityRows.count) { activityRows[$0].unitID }.map {
      activityRows[$0]
    }
    return BoardReport(
      boardID: scope.boardID, boardName: scope.board?.name ?? scope.boardID,
      municipalityName: municipality?.name, period: scope.period, asOf: scope.asOf,
      reportDate: reportDate, kpis: orderedKPIs, goals: goalRows,
      activities: orderedActivities,
      units: unitRows(kpiRows: kpiRows, activityRows: activityRows, goals: goalRows),
      paths: paths(kpiRows: kpiRows, activityRows: activityRows), diagnostics: diagnostics)
  }

  // MARK: Nyckeltal

  func kpiRow(_ kpi: KPI) -> KPIRow {
    let target = scope.targets(for: kpi).first
    let latest = scope.latestOutcome(kpiID: kpi.id, unitID: kpi.unitID)
    let previous = scope.previousOutcome(
      kpiID: kpi.id, unitID: kpi.unitID, before: latest?.period ?? scope.period)
    let direction =
      kpi.direction ?? target.flatMap { TargetRule.impliedDirection($0.comparison) }
    let measure = MeasureKind.of(kpi)
    let plausible = [latest?.value, previous?.value].allSatisfy {
      $0.map(measure.isPlausible) ?? true
    }
    let status: KPIStatus
    if target == nil {
      status = .noTarget
    } else if !plausible {
      status = .undetermined
    } else if let value = latest?.value, let target {
      switch scope.statusThresholds?.level(of: value, target: target) {
      case .met?: status = .met
      case .partlyMet?: status = .partlyMet
      case .notMet?: status = .notMet
      case nil:
        switch target.isMet(by: value, previous: previous?.value) {
        case true?: status = .met
        case false?: status = .notMet
        case nil: status = .undetermined
        }
      }
    } else {
      status = .noOutcome
    }
    var trend: Trend?
    if plausible, let now = latest?.value, let before = previous?.value {
      let change = now - before
      if abs(change) < 1e-9 {
        trend = .unchanged
      } else {
        switch direction {
        case .higher?: trend = change > 0 ? .improving : .worsening
        case .lower?: trend = change < 0 ? .improving : .worsening
        case .neutral?, nil: trend = change > 0 ? .rising : .falling
        }
      }
    }
    var row = KPIRow(
      unitID: kpi.unitID, unitName: kpi.unitID.map { scope.unitName($0) } ?? "",
      goalIDs: kpi.goalIDs,
      kpiID: kpi.id, name: kpi.name, measure: measure,
      unitOfMeasure: kpi.unitOfMeasure, direction: direction, targetText: target?.text,
      outcome: latest?.value, outcomePeriod: latest?.period,
      missingReason: latest?.value == nil ? latest?.missingReason : nil,
      previous: previous?.value, previousPeriod: previous?.period, trend: trend,
      status: status, location: kpi.provenance?.location())
    row.targetDisplay = target.map { TargetText.display($0, measure: measure) }
    row.targetValue = target.flatMap { TargetText.value($0, measure: measure) }
    if latest?.value != nil {
      let at = latest?.period
      row.outcomeFemale =
        scope.outcome(kpiID: kpi.id, unitID: kpi.unitID, period: at, gender: .female)?.value
      row.outcomeMale =
        scope.outcome(kpiID: kpi.id, unitID: kpi.unitID, period: at, gender: .male)?.value
    }
    for series in ComparisonSeries.allCases {
      if let value = scope.comparisonOutcome(
        kpiID: kpi.id, series: series, period: latest?.period)?.value
      {
        row.comparisons[series] = value
      }
    }
    row.history = scope.outcomeSeries(kpiID: kpi.id, unitID: kpi.unitID).compactMap { m in
      guard let period = m.period, let value = m.value else { return nil }
      return KPIRow.HistoryPoint(
        period: period, value: value,
        nation: scope.outcomeSeries(kpiID: kpi.id, unitID: nil, comparison: .nation)
          .last { $0.period == period }?.value)
    }
    return row
  }

  /// Compiles a board nyckeltal without an outcome of its own from the same nyckeltal of the
  /// units (``RollUpRule``), and judges it against its målvärde.
  func rolledUp(_ row: KPIRow, units: [KPIRow], target: Target?) -> KPIRow {
    guard row.outcome == nil, row.unitID == nil || row.unitID == scope.boardID else {
      return row
    }
    let inputs: [RollUpRule.Input] = units.compactMap { unit in
      guard unit.kpiID == row.kpiID, unit.unitID != nil, unit.unitID != scope.boardID,
        let value = unit.outcome
      else { return nil }
      let measurement = scope.latestOutcome(kpiID: unit.kpiID, unitID: unit.unitID)
      return RollUpRule.Input(value: value, pupils: measurement.flatMap(RollUpRule.pupils))
    }
    var row = row
    switch RollUpRule.rollUp(row.measure, inputs) {
    case .compiled(let value, let count)?:
      row.outcome = value
      row.rolledUpFrom = count
      row.missingReason = nil
      if let target {
        switch target.isMet(by: value, previous: row.previous) {
        case true?: row.status = .met
        case false?: row.status = .notMet
        case nil: row.status = .undetermined
        }
      }
    case .notCompiled?:
      row.notCompiled = true
    case nil:
      break
    }
    return row
  }

  // MARK: Activities

  func activityRow(_ activity: Activity) -> ActivityRow {
    ActivityRow(
      unitID: activity.unitID, unitName: activity.unitID.map { scope.unitName($0) } ?? "",
      goalIDs: activity.goalIDs, activityID: activity.id, title: activity.title,
      owner: activity.owner, start: activity.start, end: activity.end, status: activity.status,
      statusText: ActivityRule.statusText(activity),
      delayed: ActivityRule.isDelayed(activity, on: scope.asOf), comment: activity.comment,
      location: activity.provenance?.location())
  }

  // MARK: Goals

  /// Goal rows: nämndmål, then enhetsmål unit by unit, with their fulfilment
  /// (``FulfilmentRule``).
  func goalRows(kpiRows: [KPIRow], activityRows: [ActivityRow]) -> [GoalRow] {
    let goals = scope.goals
    var fulfilment: [Int: (Assessment.Level?, FulfilmentSource, String?)] = [:]
    func compute(_ index: Int, depth: Int) -> (Assessment.Level?, FulfilmentSource, String?) {
      if let known = fulfilment[index] { return known }
      let goal = goals[index]
      if let assessment = scope.assessment(of: goal, unitID: scope.unitID(of: goal)) {
        let result = (Optional(assessment.level), FulfilmentSource.assessed, assessment.analysis)
        fulfilment[index] = result
        return result
      }
      let statuses = (kpisByGoal[index] ?? []).map { kpiRows[$0].status }
      var below: [Assessment.Level?] = []
      if depth < 8 {
        for child in alignedFromBelow[index] ?? []
        where goals[child].level > goal.level
          || goals[child].parentID == goal.id
        {
          below.append(compute(child, depth: depth + 1).0)
        }
      }
      let derived = FulfilmentRule.derive(kpis: statuses, goalsBelow: below)
      let result = (Optional(derived.level), derived.source, String?.none)
      fulfilment[index] = result
      return result
    }
    let selected = goals.indices.filter { goals[$0].level == .board || goals[$0].level == .unit }
    let ordered = selected.sorted { a, b in
      let la = goals[a].level == .board ? 0 : 1
      let lb = goals[b].level == .board ? 0 : 1
      if la != lb { return la < lb }
      let (ra, rb) = (rank(scope.unitID(of: goals[a])), rank(scope.unitID(of: goals[b])))
      return ra != rb ? ra < rb : a < b
    }
    return ordered.map { index in
      let goal = goals[index]
      let (level, source, analysis) = compute(index, depth: 0)
      let kpis = (kpisByGoal[index] ?? []).map { kpiRows[$0] }
      let activities = (activitiesByGoal[index] ?? []).map { activityRows[$0] }
      let unit = scope.unitID(of: goal)
      return GoalRow(
        goalID: goal.id, title: goal.title, level: goal.level, unitID: unit,
        unitName: scope.unitName(unit), prioritised: goal.prioritised, alignsTo: goal.alignsTo,
        fulfilment: level, source: source, analysis: analysis, kpiCount: kpis.count,
        kpisMet: kpis.filter { $0.status == .met }.count,
        kpisJudged: kpis.filter { [.met, .partlyMet, .notMet].contains($0.status) }.count,
        activityCount: activities.count,
        activitiesDelayed: activities.filter(\.delayed).count,
        location: goal.provenance?.location())
    }
  }

  // MARK: Units

  func unitRows(kpiRows: [KPIRow], activityRows: [ActivityRow], goals: [GoalRow]) -> [UnitRow] {
    var files: [String: [String]] = [:]
    for plan in scope.plans where plan.kind != .statistics {
      guard let unit = plan.unitID, let file = plan.provenance?.file else { continue }
      if !(files[unit] ?? []).contains(file) { files[unit, default: []].append(file) }
    }
    var ids: [String] = scope.expectedUnits.map(\.id)
    for id in unitOrder.compactMap({ $0 }) where id != scope.boardID && !ids.contains(id) {
      if files[id] != nil { ids.append(id) }
    }
    var kpisByUnit: [String: [KPIRow]] = [:]
    for row in kpiRows { if let unit = row.unitID { kpisByUnit[unit, default: []].append(row) } }
    var activitiesByUnit: [String: [ActivityRow]] = [:]
    for row in activityRows {
      if let unit = row.unitID { activitiesByUnit[unit, default: []].append(row) }
    }
    var goalsByUnit: [String: [GoalRow]] = [:]
    for row in goals where row.level == .unit {
      if let unit = row.unitID { goalsByUnit[unit, default: []].append(row) }
    }
    var diagnosticsByFile: [String: [Severity]] = [:]
    for d in validation.diagnostics {
      if let file = d.location?.file { diagnosticsByFile[file, default: []].append(d.severity) }
    }
    return ids.map { id in
      let unitFiles = (files[id] ?? []).sorted()
      let kpis = kpisByUnit[id] ?? []
      let activities = activitiesByUnit[id] ?? []
      let own = goalsByUnit[id] ?? []
      let found = unitFiles.flatMap { diagnosticsByFile[$0] ?? [] }
      return UnitRow(
        unitID: id, name: scope.unitName(id), kind: scope.register[id]?.kind ?? .other,
        delivered: !unitFiles.isEmpty, files: unitFiles, goals: own.count,
        prioritisedGoals: own.filter(\.prioritised).count, kpis: kpis.count,
        kpisMet: kpis.filter { $0.status == .met }.count,
        kpisJudged: kpis.filter { [.met, .partlyMet, .notMet].contains($0.status) }.count,
        activities: activities.count,
        activitiesOnTrack: activities.filter(\.isOnTrack).count,
        activitiesDelayed: activities.filter(\.delayed).count,
        errors: found.filter { $0 == .error }.count,
        warnings: found.filter { $0 == .warning }.count)
    }
  }

  // MARK: Red thread

  /// Paths: for each KF-mål, each nämndmål aligned to it, each enhetsmål aligned to that
  /// (or the board's own nyckeltal), each nyckeltal and activity; then nämndmål without a
  /// KF-mål, enhetsmål without a nämndmål, and nyckeltal and activities without a goal.
  func paths(kpiRows: [KPIRow], activityRows: [ActivityRow]) -> [RedThreadPath] {
    let goals = scope.goals
    func link(_ i: Int) -> RedThreadPath.Link {
      RedThreadPath.Link(id: goals[i].id, title: goals[i].title)
    }
    func targets(of i: Int, level: Goal.Level) -> [Int] {
      let goal = goals[i]
      let from = scope.unitID(of: goal)
      var out: [Int] = []
      for reference in goal.alignsTo {
        if let g = scope.goalIndex(reference, from: from), goals[g].level == level,
          !out.contains(g)
        {
          out.append(g)
        }
      }
      return out
    }
    func boardGoals(ofUnitGoal i: Int) -> [Int] {
      var visited: Set<Int> = []
      var cursor: Int? = i
      while let c = cursor, visited.insert(c).inserted {
        let found = targets(of: c, level: .board)
        if !found.isEmpty { return found }
        cursor = goals[c].parentID.flatMap {
          scope.goalIndex($0, from: scope.unitID(of: goals[c]))
        }
        if let p = cursor, goals[p].level != .unit { return goals[p].level == .board ? [p] : [] }
      }
      return []
    }
    func leaves(of goal: Int) -> [RedThreadPath.Leaf] {
      (kpisByGoal[goal] ?? []).map { k in
        let row = kpiRows[k]
        return .kpi(id: row.kpiID, name: row.name, status: row.status)
      }
        + (activitiesByGoal[goal] ?? []).map { a in
          let row = activityRows[a]
          return .activity(
            id: row.activityID, title: row.title, status: row.statusText, delayed: row.delayed)
        }
    }
    func merge(_ a: [Int], _ b: [Int]) -> [RedThreadPath.Link] {
      var ids: [Int] = []
      for g in a + b where !ids.contains(g) { ids.append(g) }
      return ids.sorted().map(link)
    }

    let unitGoals = goals.indices.filter { goals[$0].level == .unit }.sorted { a, b in
      let (ra, rb) = (rank(goals[a].ownerUnitID), rank(goals[b].ownerUnitID))
      return ra != rb ? ra < rb : a < b
    }
    var unitGoalsByBoardGoal: [Int: [Int]] = [:]
    var unitGoalsWithoutBoard: [Int] = []
    for u in unitGoals {
      let boards = boardGoals(ofUnitGoal: u)
      if boards.isEmpty { unitGoalsWithoutBoard.append(u) }
      for b in boards { unitGoalsByBoardGoal[b, default: []].append(u) }
    }

    var out: [RedThreadPath] = []
    func emit(council: Int?, board b: Int) {
      let boardNational = targets(of: b, level: .national)
      let own = leaves(of: b)
      let children = unitGoalsByBoardGoal[b] ?? []
      if own.isEmpty && children.isEmpty {
        out.append(
          RedThreadPath(
            national: merge(boardNational, []), council: council.map(link), board: link(b)))
      }
      for leaf in own {
        out.append(
          RedThreadPath(
            national: merge(boardNational, []), council: council.map(link), board: link(b),
            unitID: scope.boardID, unitName: scope.unitName(scope.boardID), leaf: leaf))
      }
      for u in children {
        let unit = goals[u].ownerUnitID
        let national = merge(boardNational, targets(of: u, level: .national))
        let unitLeaves = leaves(of: u)
        if unitLeaves.isEmpty {
          out.append(
            RedThreadPath(
              national: national, council: council.map(link), board: link(b), unitID: unit,
              unitName: scope.unitName(unit), unitGoal: link(u)))
        }
        for leaf in unitLeaves {
          out.append(
            RedThreadPath(
              national: national, council: council.map(link), board: link(b), unitID: unit,
              unitName: scope.unitName(unit), unitGoal: link(u), leaf: leaf))
        }
      }
    }

    let boardGoalIndices = goals.indices.filter { goals[$0].level == .board }
    for c in goals.indices where goals[c].level == .council {
      let aligned = boardGoalIndices.filter { targets(of: $0, level: .council).contains(c) }
      if aligned.isEmpty {
        out.append(RedThreadPath(council: link(c)))
      }
      for b in aligned { emit(council: c, board: b) }
    }
    for b in boardGoalIndices where targets(of: b, level: .council).isEmpty {
      emit(council: nil, board: b)
    }
    for u in unitGoalsWithoutBoard {
      let unit = goals[u].ownerUnitID
      let national = merge(targets(of: u, level: .national), [])
      let unitLeaves = leaves(of: u)
      if unitLeaves.isEmpty {
        out.append(
          RedThreadPath(
            national: national, unitID: unit, unitName: scope.unitName(unit), unitGoal: link(u)))
      }
      for leaf in unitLeaves {
        out.append(
          RedThreadPath(
            national: national, unitID: unit, unitName: scope.unitName(unit), unitGoal: link(u),
            leaf: leaf))
      }
    }
    let linkedKPIs = Set(kpisByGoal.values.joined())
    for k in byUnit(kpiRows.count, unit: { kpiRows[$0].unitID }) where !linkedKPIs.contains(k) {
      let row = kpiRows[k]
      out.append(
        RedThreadPath(
          unitID: row.unitID, unitName: row.unitName,
          leaf: .kpi(id: row.kpiID, name: row.name, status: row.status)))
    }
    let linkedActivities = Set(activitiesByGoal.values.joined())
    for a in byUnit(activityRows.count, unit: { activityRows[$0].unitID })
    where !linkedActivities.contains(a) {
      let row = activityRows[a]
      out.append(
        RedThreadPath(
          unitID: row.unitID, unitName: row.unitName,
          leaf: .activity(
            id: row.activityID, title: row.title, status: row.statusText, delayed: row.delayed)))
    }
    return out
  }
}
