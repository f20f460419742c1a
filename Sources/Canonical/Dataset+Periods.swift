extension Dataset {
  /// Which periods a selection of records covers: one period (a report's), or a range of
  /// days from the start of one period to the end of another (either end may be open).
  public struct PeriodSelection: Hashable, Sendable {
    /// The report's period, when the selection is one period.
    public var period: Period?
    /// The first day, or `nil` for no lower bound.
    public var start: CalendarDate?
    /// The last day, or `nil` for no upper bound.
    public var end: CalendarDate?

    /// One period: what its report counts.
    public static func period(_ period: Period) -> PeriodSelection {
      PeriodSelection(period: period, start: period.start, end: period.end)
    }

    /// The days from the first day of `from` to the last day of `to` (`nil`: open).
    public static func range(from: Period?, to: Period?) -> PeriodSelection {
      PeriodSelection(period: nil, start: from?.start, end: to?.end)
    }

    /// Whether a period lies wholly inside the selection.
    public func encloses(_ p: Period) -> Bool {
      (start.map { $0 <= p.start } ?? true) && (end.map { p.end <= $0 } ?? true)
    }

    /// Whether a period shares at least a day with the selection.
    public func overlaps(_ p: Period) -> Bool {
      (start.map { $0 <= p.end } ?? true) && (end.map { p.start <= $0 } ?? true)
    }

    /// Whether a delivered plan for period `p` is selected: for one period, when `p` counts
    /// in it (``Period/counts(in:)``: the period itself or one of another kind containing
    /// it); for a range, when `p` shares a day with the range (every quarter's file and the
    /// year's verksamhetsplan in kvartal 2 to kvartal 3 2026).
    public func selectsPlan(of p: Period) -> Bool {
      if let period { return p.counts(in: period) }
      return overlaps(p)
    }
  }

  /// The delivered plans' files and which of them count in a report's period.
  public struct PlanFiles: Hashable, Sendable {
    /// The period of each delivered plan's file (a unit's arbetsplan, the board's
    /// verksamhetsplan; not statistics extracts), by file name.
    public var periods: [String: Period]
    /// The files whose plans count in the period.
    public var counting: Set<String>

    /// Whether a record read from `file` may count: `true` for a file of no delivered plan
    /// (reference data, a statistics extract), else whether its plan counts.
    public func counts(_ file: String?) -> Bool {
      guard let file, periods[file] != nil else { return true }
      return counting.contains(file)
    }
  }

  /// Which delivered plans count in a report for `period`.
  ///
  /// A plan counts when its period counts there (``Period/counts(in:)``: the period itself or
  /// one of another kind containing it). Of one unit's plans of one kind that count, only
  /// those for the shortest period do: a unit's kvartal 3 follow-up, not also its arbetsplan
  /// for the year, which the follow-up restates (the year's plan counts in a quarter the unit
  /// sent nothing more specific for). Two files for the same period both count (and give
  /// `duplicate-delivery`).
  public func planFiles(countingIn period: Period) -> PlanFiles {
    var periods: [String: Period] = [:]
    struct Key: Hashable {
      var unit: String?
      var kind: Plan.Kind
    }
    var shortest: [Key: Int] = [:]
    var candidates: [(file: String, key: Key, length: Int)] = []
    for plan in plans where plan.kind != .statistics {
      guard let file = plan.provenance?.file, let p = plan.period, periods[file] == nil else {
        continue
      }
      periods[file] = p
      guard p.counts(in: period) else { continue }
      let key = Key(unit: plan.unitID, kind: plan.kind)
      let length = p.end.daysSinceEpoch - p.start.daysSinceEpoch
      shortest[key] = min(shortest[key] ?? length, length)
      candidates.append((file, key, length))
    }
    let counting = Set(candidates.filter { $0.length == shortest[$0.key] }.map(\.file))
    return PlanFiles(periods: periods, counting: counting)
  }

  /// The records that count in a period or a range of periods, as a report or an export of
  /// it sees them.
  ///
  /// - Units are all kept (the register).
  /// - A record read from a delivered plan (a unit's arbetsplan, the board's verksamhetsplan)
  ///   is kept when the plan is selected: for one period, when it counts there
  ///   (``planFiles(countingIn:)``); for a range, ``PeriodSelection/selectsPlan(of:)``;
  ///   and, when the record has a period of its own, that period overlaps the selection.
  /// - Any other record (reference goals, statistics extracts) is kept when its own period,
  ///   if any, overlaps the selection; a statistics plan when its period overlaps.
  /// - A measurement is kept when its own period lies inside the selection (outcomes of
  ///   kvartal 3 and of its months for kvartal 3; the outcomes of every quarter and of the
  ///   year for 2026), or, having no period, when its file is kept.
  public func selecting(_ selection: PeriodSelection) -> Dataset {
    var filePeriod: [String: Period] = [:]
    for plan in plans where plan.kind != .statistics {
      if let file = plan.provenance?.file, let p = plan.period, filePeriod[file] == nil {
        filePeriod[file] = p
      }
    }
    let single = selection.period.map { planFiles(countingIn: $0) }
    func keeps(_ own: Period?, _ provenance: Provenance?) -> Bool {
      if let single {
        if !single.counts(provenance?.file) { return false }
      } else if let file = provenance?.file, let p = filePeriod[file],
        !selection.selectsPlan(of: p)
      {
        return false
      }
      return own.map(selection.overlaps) ?? true
    }
    var out = Dataset(units: units)
    out.plans = plans.filter { plan in
      guard let p = plan.period else { return true }
      if plan.kind == .statistics { return selection.overlaps(p) }
      if let single, let file = plan.provenance?.file { return single.counts(file) }
      return selection.selectsPlan(of: p)
    }
    out.goals = goals.filter { keeps($0.period, $0.provenance) }
    out.kpis = kpis.filter { keeps(nil, $0.provenance) }
    out.targets = targets.filter { keeps($0.period, $0.provenance) }
    out.activities = activities.filter { keeps(nil, $0.provenance) }
    out.assessments = assessments.filter { keeps($0.period, $0.provenance) }
    out.measurements = measurements.filter { m in
      guard let p = m.period else { return keeps(nil, m.provenance) }
      return selection.encloses(p)
    }
    return out
  }
}
