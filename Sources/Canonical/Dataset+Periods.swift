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

  /// The records that count in a period or a range of periods, as a report or an export of
  /// it sees them.
  ///
  /// - Units are all kept (the register).
  /// - A record read from a delivered plan (a unit's arbetsplan, the board's verksamhetsplan)
  ///   is kept when the plan's period is selected (``PeriodSelection/selectsPlan(of:)``),
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
    func keeps(_ own: Period?, _ provenance: Provenance?) -> Bool {
      if let file = provenance?.file, let p = filePeriod[file], !selection.selectsPlan(of: p) {
        return false
      }
      return own.map(selection.overlaps) ?? true
    }
    var out = Dataset(units: units)
    out.plans = plans.filter { plan in
      guard let p = plan.period else { return true }
      return plan.kind == .statistics ? selection.overlaps(p) : selection.selectsPlan(of: p)
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
