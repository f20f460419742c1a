public import Canonical
public import Spreadsheet
import Validation

/// Lays a ``BoardReport`` out as seven sheets: `Sammanfattning`, `Måluppfyllelse`,
/// `Nyckeltal`, `Aktiviteter`, `Enheter`, `Röd tråd` and `Kontroll` (with the default
/// labels), each a header and a table, status in words and in a tone.
///
/// Format-neutral: ``ReportWorkbookBuilder`` writes the sheets as an XLSX workbook.
public struct ReportLayout: Sendable {
  /// The words used.
  public var labels: ReportLabels

  /// Creates a layout with the given words (Swedish by default).
  public init(labels: ReportLabels = .swedish) { self.labels = labels }

  /// The seven sheets of a report, in order.
  public func sheets(for report: BoardReport) -> [ReportSheet] {
    [
      summary(report), goals(report), kpis(report), activities(report), units(report),
      redThread(report), checks(report),
    ]
  }

  // MARK: Tones

  /// The tone of a nyckeltal status.
  public static func tone(_ status: KPIStatus) -> ReportCell.Tone {
    switch status {
    case .met: return .good
    case .partlyMet: return .caution
    case .notMet: return .bad
    case .noOutcome, .noTarget: return .caution
    case .undetermined: return .muted
    }
  }

  /// The tone of a goal's fulfilment.
  public static func tone(_ level: Assessment.Level?) -> ReportCell.Tone {
    switch level {
    case .fulfilled?: return .good
    case .partlyFulfilled?: return .caution
    case .notFulfilled?: return .bad
    case .notAssessed?, nil: return .muted
    }
  }

  /// The tone of a severity.
  public static func tone(_ severity: Severity) -> ReportCell.Tone {
    switch severity {
    case .error: return .bad
    case .warning: return .caution
    case .info: return .muted
    }
  }

  private func fulfilmentText(_ level: Assessment.Level?) -> String {
    level?.swedishLabel ?? labels.notJudged
  }

  /// Nyckeltal met of those judged, the others in brackets: `2 av 3`, `0 av 3 (1 kan ej
  /// bedömas)`, `2 kan ej bedömas`; `nil` without nyckeltal.
  func kpisMetText(met: Int, judged: Int, total: Int) -> String? {
    guard total > 0 else { return nil }
    let rest = total - judged
    if judged == 0 { return "\(rest) \(labels.notJudgeable)" }
    return "\(met) av \(judged)" + (rest > 0 ? " (\(rest) \(labels.notJudgeable))" : "")
  }

  private func yesNo(_ value: Bool, good: Bool? = nil) -> ReportCell {
    let tone: ReportCell.Tone? = good.map { $0 == value ? .good : .bad }
    return .text(value ? labels.yes : labels.no, tone: tone)
  }

  /// Where in a file: `rad 12` for a text line (CSV, YAML), else `'Sheet'!B7`.
  private func place(_ location: SourceLocation) -> String? {
    if let line = location.line { return "\(labels.line) \(line)" }
    return location.reference
  }

  private func goalText(_ link: RedThreadPath.Link?) -> String? {
    link.map { "\($0.id) \($0.title)" }
  }

  private func cellFormat(_ measure: MeasureKind, value: Double?) -> ReportCell.Format {
    switch measure {
    case .percent: return .percent
    case .cost: return .kronor
    case .meritValue, .gradePoints: return .decimal
    case .count, .other:
      guard let value else { return .general }
      return value == value.rounded() ? .integer : .decimal
    }
  }

  // MARK: Sammanfattning

  func summary(_ report: BoardReport) -> ReportSheet {
    let s = report.summary
    let title = labels.title.replacing("{board}", with: report.boardName)
    let period = report.period
    var titleRows: [[ReportCell]] = [[.text(title, bold: true)]]
    if let municipality = report.municipalityName {
      titleRows.append([.text(labels.municipality, bold: true), .text(municipality)])
    }
    titleRows += [
      [.text(labels.board, bold: true), .text(report.boardName)],
      [
        .text(labels.period, bold: true),
        .text("\(period.swedishLabel) (\(period.start) – \(period.end))"),
      ],
      [.text(labels.asOf, bold: true), .date(report.asOf)],
      [.text(labels.reportDate, bold: true), .date(report.reportDate)],
    ]
    var rows: [[ReportCell]] = []
    func add(
      _ area: String, _ status: String, _ count: Int, of total: Int, _ tone: ReportCell.Tone?
    ) {
      rows.append([
        .text(area), .text(status, tone: tone), .count(count),
        .number(total == 0 ? nil : Double(count) * 100 / Double(total), .percent),
      ])
    }
    let kpiTotal = report.kpis.count
    for status in KPIStatus.allCases where status != .partlyMet || (s.kpis[status] ?? 0) > 0 {
      add(
        labels.summaryKPIs, status.swedishLabel, s.kpis[status] ?? 0, of: kpiTotal,
        Self.tone(status))
    }
    let goalLevels: [Assessment.Level?] = [
      .fulfilled, .partlyFulfilled, .notFulfilled, .notAssessed, nil,
    ]
    for level in goalLevels where level != nil || (s.goals[level] ?? 0) > 0 {
      add(
        labels.summaryGoals, fulfilmentText(level), s.goals[level] ?? 0, of: report.goals.count,
        Self.tone(level))
    }
    add(
      labels.summaryActivities, labels.activityOnTrack, s.activitiesOngoing, of: s.activities, .good
    )
    add(labels.summaryActivities, labels.activityDone, s.activitiesDone, of: s.activities, .good)
    add(
      labels.summaryActivities, labels.activityDelayed, s.activitiesDelayed, of: s.activities,
      .bad)
    add(
      labels.summaryActivities, labels.activityCancelled, s.activitiesCancelled,
      of: s.activities, .muted)
    add(labels.summaryUnits, labels.delivered, s.unitsDelivered, of: s.unitsExpected, .good)
    add(
      labels.summaryUnits, labels.notDelivered, s.unitsExpected - s.unitsDelivered,
      of: s.unitsExpected, .bad)
    let checks = report.diagnostics.count
    for severity in [Severity.error, .warning, .info] {
      add(
        labels.summaryChecks, labels.severity(severity), s.diagnostics[severity] ?? 0,
        of: checks, Self.tone(severity))
    }
    return ReportSheet(
      name: labels.summarySheet, titleRows: titleRows, header: labels.summaryHeader, rows: rows)
  }

  // MARK: Måluppfyllelse

  func goals(_ report: BoardReport) -> ReportSheet {
    let rows: [[ReportCell]] = report.goals.map { g in
      [
        .text(labels.level(g.level)), .text(g.unitName), .text(g.goalID), .text(g.title),
        // Only a unit prioritises among its goals; a nämndmål has no such mark.
        .text(g.alignsTo.joined(separator: ", ")), g.level == .unit ? yesNo(g.prioritised) : .empty,
        .text(fulfilmentText(g.fulfilment), tone: Self.tone(g.fulfilment)),
        .text(g.source.swedishLabel),
        .text(kpisMetText(met: g.kpisMet, judged: g.kpisJudged, total: g.kpiCount)),
        .count(g.activitiesDelayed), .text(g.analysis),
      ]
    }
    return ReportSheet(
      name: labels.goalsSheet, header: labels.goalsHeader, rows: rows, wrappedColumns: [4, 11])
  }

  // MARK: Nyckeltal

  func kpis(_ report: BoardReport) -> ReportSheet {
    let rows: [[ReportCell]] = report.kpis.map { k in
      let outcome: ReportCell
      if let value = k.outcome {
        outcome = .number(value, cellFormat(k.measure, value: value))
      } else {
        outcome = .text(k.missingReason?.swedishLabel)
      }
      let source = k.location.map { location in
        [location.file, place(location)].compactMap { $0 }.joined(separator: " ")
      }
      return [
        .text(k.unitName), .text(k.goalIDs.joined(separator: ", ")), .text(k.kpiID),
        .text(k.name), .text(k.targetText), outcome, .text(k.outcomePeriod?.swedishLabel),
        .number(k.previous, cellFormat(k.measure, value: k.previous)),
        .text(k.previousPeriod?.swedishLabel), .text(k.trend?.swedishLabel),
        .text(k.status.swedishLabel, tone: Self.tone(k.status)), .text(source),
      ]
    }
    return ReportSheet(
      name: labels.kpisSheet, header: labels.kpisHeader, rows: rows, wrappedColumns: [4])
  }

  // MARK: Aktiviteter

  func activities(_ report: BoardReport) -> ReportSheet {
    let rows: [[ReportCell]] = report.activities.map { a in
      let tone: ReportCell.Tone? =
        a.delayed ? .bad : a.status == .done ? .good : a.status == .cancelled ? .muted : nil
      return [
        .text(a.unitName), .text(a.goalIDs.joined(separator: ", ")), .text(a.title),
        .text(a.owner), .date(a.start), .date(a.end), .text(a.statusText, tone: tone),
        yesNo(a.delayed, good: false), .text(a.comment),
      ]
    }
    return ReportSheet(
      name: labels.activitiesSheet, header: labels.activitiesHeader, rows: rows,
      wrappedColumns: [3, 9])
  }

  // MARK: Enheter

  func units(_ report: BoardReport) -> ReportSheet {
    let rows: [[ReportCell]] = report.units.map { u in
      [
        .text(u.name), .text(u.kind.swedishLabel), yesNo(u.delivered, good: true),
        .text(u.files.joined(separator: "\n")), .count(u.goals), .count(u.prioritisedGoals),
        .count(u.kpis),
        .text(kpisMetText(met: u.kpisMet, judged: u.kpisJudged, total: u.kpis)),
        .count(u.activities), .count(u.activitiesOnTrack),
        ReportCell(
          .number(Double(u.activitiesDelayed)), format: .integer,
          tone: u.activitiesDelayed > 0 ? .bad : nil),
        ReportCell(
          .number(Double(u.errors)), format: .integer, tone: u.errors > 0 ? .bad : nil),
        ReportCell(
          .number(Double(u.warnings)), format: .integer, tone: u.warnings > 0 ? .caution : nil),
      ]
    }
    return ReportSheet(
      name: labels.unitsSheet, header: labels.unitsHeader, rows: rows, wrappedColumns: [4])
  }

  // MARK: Röd tråd

  func redThread(_ report: BoardReport) -> ReportSheet {
    let rows: [[ReportCell]] = report.paths.map { p in
      var kind: String?
      var leaf: String?
      var status = ReportCell.empty
      switch p.leaf {
      case .kpi(let id, let name, let s)?:
        kind = labels.kpiKind
        leaf = "\(id) \(name)"
        status = .text(s.swedishLabel, tone: Self.tone(s))
      case .activity(_, let title, let s, let delayed)?:
        kind = labels.activityKind
        leaf = title
        status = .text(delayed ? labels.activityDelayed : s, tone: delayed ? .bad : nil)
      case nil: break
      }
      return [
        .text(p.national.map { "\($0.id) \($0.title)" }.joined(separator: "\n")),
        .text(goalText(p.council)), .text(goalText(p.board)),
        .text(p.unitName), .text(goalText(p.unitGoal)), .text(kind), .text(leaf), status,
        .text(
          p.isBroken ? labels.threadBroken : labels.threadWhole,
          tone: p.isBroken ? .bad : .good),
      ]
    }
    return ReportSheet(
      name: labels.redThreadSheet, header: labels.redThreadHeader, rows: rows,
      wrappedColumns: [1, 2, 3, 5, 7])
  }

  // MARK: Kontroll

  func checks(_ report: BoardReport) -> ReportSheet {
    let rows: [[ReportCell]] = report.diagnostics.map { d in
      let swedish = labels.swedishMessages ? SwedishMessages.text(for: d) : nil
      let title = swedish?.title ?? DiagnosticCode.named(d.code)?.swedishTitle ?? d.code
      return [
        .text(labels.severity(d.severity), tone: Self.tone(d.severity)),
        .text(title), .text(d.code), .text(d.location?.file),
        .text(d.location.flatMap(place)),
        .text(d.value), .text(swedish?.message ?? d.message),
        .text(swedish == nil ? d.hint : swedish?.hint),
      ]
    }
    return ReportSheet(
      name: labels.checksSheet, header: labels.checksHeader, rows: rows, wrappedColumns: [7, 8])
  }
}
