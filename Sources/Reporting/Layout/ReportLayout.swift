public import Canonical
public import Spreadsheet
import Validation

/// Lays a ``BoardReport`` out as sheets: `Sammanfattning` (the nämndmål, then counts),
/// `Måluppfyllelse` (a block per nämndmål), `Nyckeltal`, `Diagram` (when there is anything to
/// chart), `Enheter`, `Aktiviteter`, `Röd tråd` and `Kontroll` (with the default labels), status
/// as a symbol, a word and a tone.
///
/// Format-neutral: ``ReportWorkbookBuilder`` writes the sheets as an XLSX workbook.
public struct ReportLayout: Sendable {
  /// The words used.
  public var labels: ReportLabels

  /// Creates a layout with the given words (Swedish by default).
  public init(labels: ReportLabels = .swedish) { self.labels = labels }

  /// The sheets of a report, in order: the board's goals first, then what is under them,
  /// and the charts when there is anything to chart.
  public func sheets(for report: BoardReport) -> [ReportSheet] {
    var sheets = [
      summary(report), goals(report), kpis(report), units(report), activities(report),
      redThread(report), checks(report),
    ]
    let chartSheet = charts(report)
    if !chartSheet.charts.isEmpty { sheets.insert(chartSheet, at: 3) }
    return sheets
  }

  /// A status symbol for a tone, so that status never rests on colour alone (printed in
  /// black and white, or read by someone who does not tell red from green): ✓ good,
  /// ▲ caution, ✗ bad, – nothing to judge.
  public static func symbol(_ tone: ReportCell.Tone) -> String {
    switch tone {
    case .good: return "✓"
    case .caution: return "▲"
    case .bad: return "✗"
    case .muted: return "–"
    }
  }

  /// A status cell: symbol, word and tone.
  public static func status(_ word: String, _ tone: ReportCell.Tone) -> ReportCell {
    .text("\(symbol(tone)) \(word)", tone: tone)
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

  /// The tone of an activity's reported status: the same for every activity with that word
  /// (green when done, red when reported delayed, grey when cancelled or not started).
  public static func tone(_ status: Activity.Status?) -> ReportCell.Tone? {
    switch status {
    case .done?: return .good
    case .delayed?: return .bad
    case .cancelled?: return .muted
    default: return nil
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
    var rows: [[ReportCell]] = report.goals.filter { $0.level == .board }.map { g in
      [
        .text("\(g.goalID) \(g.title)", bold: true),
        Self.status(fulfilmentText(g.fulfilment), Self.tone(g.fulfilment)),
        .text(g.source.swedishLabel),
        .text(kpisMetText(met: g.kpisMet, judged: g.kpisJudged, total: g.kpiCount)),
        .count(g.activitiesDelayed),
      ]
    }
    rows.append([])
    let subheaders: Set<Int> = [rows.count]
    rows.append(labels.summaryHeader.map { .text($0) })
    func add(
      _ area: String, _ status: String, _ count: Int, of total: Int, _ tone: ReportCell.Tone?,
      share: Bool = true
    ) {
      rows.append([
        .text(area), tone.map { Self.status(status, $0) } ?? .text(status), .count(count),
        share ? .number(total == 0 ? nil : Double(count) * 100 / Double(total), .percent) : .empty,
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
    // Diagnostics are counted, never given as shares: "71 % errors" means nothing to a board.
    for severity in [Severity.error, .warning, .info] {
      add(
        labels.summaryChecks, labels.severity(severity), s.diagnostics[severity] ?? 0,
        of: 0, Self.tone(severity), share: false)
    }
    let width = labels.summaryGoalsHeader.count
    rows = rows.map { $0 + Array(repeating: .empty, count: max(0, width - $0.count)) }
    return ReportSheet(
      name: labels.summarySheet, titleRows: titleRows, header: labels.summaryGoalsHeader,
      rows: rows, wrappedColumns: [1], subheaderRows: subheaders, filter: false)
  }

  // MARK: Måluppfyllelse

  func goals(_ report: BoardReport) -> ReportSheet {
    var rows: [[ReportCell]] = []
    var subheaders: Set<Int> = []
    var spanning: Set<Int> = []
    let width = labels.goalBlockHeader.count
    func add(_ row: [ReportCell], subheader: Bool = false, span: Bool = false) {
      if subheader { subheaders.insert(rows.count) }
      if span { spanning.insert(rows.count) }
      rows.append(row + Array(repeating: .empty, count: max(0, width - row.count)))
    }
    let boardGoals = report.goals.filter { $0.level == .board }
    let boardIDs = Set(boardGoals.map(\.goalID))
    func unitBlock(_ unitGoals: [GoalRow]) {
      guard !unitGoals.isEmpty else { return }
      add(labels.goalBlockUnitHeader.map { .text($0) }, subheader: true)
      for u in unitGoals {
        add([
          .text("\(u.goalID) \(u.title)"), .text(u.unitName),
          .text(kpisMetText(met: u.kpisMet, judged: u.kpisJudged, total: u.kpiCount)), .empty,
          .empty, u.activitiesDelayed > 0 ? .count(u.activitiesDelayed) : .empty,
          Self.status(fulfilmentText(u.fulfilment), Self.tone(u.fulfilment)),
        ])
      }
    }
    for g in boardGoals {
      add([.text("\(g.goalID) \(g.title)", bold: true)], span: true)
      add([
        .text(labels.fulfilment, bold: true),
        Self.status(fulfilmentText(g.fulfilment), Self.tone(g.fulfilment)),
        .text(g.source.swedishLabel),
      ])
      add([.text("\(labels.analysis): \(g.analysis ?? labels.noAnalysis)")], span: true)
      let kpis = report.kpis.filter {
        ($0.unitID == nil || $0.unitID == report.boardID) && $0.goalIDs.contains(g.goalID)
      }
      if !kpis.isEmpty {
        add(labels.goalBlockHeader.map { .text($0) }, subheader: true)
        for k in kpis { add(blockRow(k)) }
      }
      unitBlock(report.goals.filter { $0.level == .unit && $0.alignsTo.contains(g.goalID) })
      add([])
    }
    let unaligned = report.goals.filter {
      $0.level == .unit && !$0.alignsTo.contains(where: boardIDs.contains)
    }
    if !unaligned.isEmpty {
      add([.text(labels.unalignedGoals, bold: true)], span: true)
      unitBlock(unaligned)
    }
    if rows.last?.allSatisfy({ $0.value == .empty }) == true { rows.removeLast() }
    return ReportSheet(
      name: labels.goalsSheet, header: labels.goalBlockHeader, rows: rows,
      wrappedColumns: [1, 2], subheaderRows: subheaders, spanningRows: spanning, filter: false)
  }

  /// A nyckeltal's line in a nämndmål's block: målvärde, outcome, previous, trend, status
  /// and Riket, each in the nyckeltal's unit of measure.
  private func blockRow(_ k: KPIRow) -> [ReportCell] {
    [
      .text("\(k.kpiID) \(k.name)"), .text(k.unitName), .text(k.targetDisplay ?? k.targetText),
      outcomeCell(k), .number(k.previous, cellFormat(k.measure, value: k.previous)),
      .text(k.trend?.swedishLabel), Self.status(k.status.swedishLabel, Self.tone(k.status)),
      .number(k.comparisons[.nation], cellFormat(k.measure, value: k.comparisons[.nation])),
    ]
  }

  /// The outcome: its value in the nyckeltal's format, or why it is missing; a board value
  /// compiled from its units is noted in a `ReportLayout` test.
  private func outcomeCell(_ k: KPIRow) -> ReportCell {
    if let value = k.outcome { return .number(value, cellFormat(k.measure, value: value)) }
    if k.notCompiled { return .text(labels.notCompiled) }
    return .text(k.missingReason?.swedishLabel)
  }

  // MARK: Diagram

  func charts(_ report: BoardReport) -> ReportSheet {
    var charts: [ReportChart] = []
    let boardKPIs = report.kpis.filter { $0.unitID == nil || $0.unitID == report.boardID }
    for g in report.goals where g.level == .board {
      var kpis = boardKPIs.filter {
        $0.goalIDs.contains(g.goalID) && ($0.outcome != nil || $0.targetValue != nil)
      }
      guard let first = kpis.first else { continue }
      // One unit of measure per chart: the first nyckeltal's.
      // At most 12 bars, so that the figures beside the chart fit its height.
      kpis = Array(kpis.filter { $0.measure == first.measure }.prefix(12))
      charts.append(
        ReportChart(
          kind: .column, title: "\(g.goalID) \(g.title)", categories: kpis.map(\.kpiID),
          series: [
            .init(name: labels.outcomeSeries, values: kpis.map(\.outcome), rgb: 0x1F4E78),
            .init(name: labels.targetSeries, values: kpis.map(\.targetValue), rgb: 0xED7D31),
          ], format: cellFormat(first.measure, value: 0.5)))
    }
    var seen: Set<String> = []
    for var k in boardKPIs where k.history.count >= 2 && seen.insert(k.kpiID).inserted {
      k.history = Array(k.history.suffix(12))
      var series: [ReportChart.Series] = [
        .init(name: labels.outcomeSeries, values: k.history.map(\.value), rgb: 0x1F4E78)
      ]
      if k.history.contains(where: { $0.nation != nil }) {
        series.append(
          .init(name: labels.nationSeries, values: k.history.map(\.nation), rgb: 0xA5A5A5))
      }
      charts.append(
        ReportChart(
          kind: .line, title: "\(k.kpiID) \(k.name)",
          categories: k.history.map(\.period.swedishLabel), series: series,
          format: cellFormat(k.measure, value: 0.5)))
    }
    return ReportSheet(
      name: labels.chartsSheet, header: [], rows: [], filter: false, charts: charts)
  }

  // MARK: Nyckeltal

  func kpis(_ report: BoardReport) -> ReportSheet {
    let gender = report.kpis.contains { $0.outcomeFemale != nil || $0.outcomeMale != nil }
    let series = ComparisonSeries.allCases.filter { c in
      report.kpis.contains { $0.comparisons[c] != nil }
    }
    let rows: [[ReportCell]] = report.kpis.map { k in
      let source = k.location.map { location in
        [location.file, place(location)].compactMap { $0 }.joined(separator: " ")
      }
      var row: [ReportCell] = [
        .text(k.unitName), .text(k.goalIDs.joined(separator: ", ")), .text(k.kpiID),
        .text(k.name), .text(k.targetDisplay ?? k.targetText), outcomeCell(k),
        .text(
          k.rolledUpFrom.map { labels.compiledFrom.replacing("{n}", with: String($0)) }
            ?? k.outcomePeriod?.swedishLabel),
        .number(k.previous, cellFormat(k.measure, value: k.previous)),
        .text(k.previousPeriod?.swedishLabel), .text(k.trend?.swedishLabel),
        Self.status(k.status.swedishLabel, Self.tone(k.status)),
      ]
      if gender {
        row.append(.number(k.outcomeFemale, cellFormat(k.measure, value: k.outcomeFemale)))
        row.append(.number(k.outcomeMale, cellFormat(k.measure, value: k.outcomeMale)))
      }
      for c in series {
        row.append(.number(k.comparisons[c], cellFormat(k.measure, value: k.comparisons[c])))
      }
      return row + [.text(source)]
    }
    var header = Array(labels.kpisHeader.dropLast())
    if gender { header += [labels.femaleHeader, labels.maleHeader] }
    header += series.map(labels.comparisonHeader)
    header += labels.kpisHeader.suffix(1)
    var sheet = ReportSheet(
      name: labels.kpisSheet, header: header, rows: rows, wrappedColumns: [1, 4, header.count])
    sheet.widthCaps = [1: 22, 4: 36, header.count: 30]
    return sheet
  }

  // MARK: Aktiviteter

  func activities(_ report: BoardReport) -> ReportSheet {
    let rows: [[ReportCell]] = report.activities.map { a in
      // The status word's own colour; a delay shows in the Försenad column beside it.
      let tone = Self.tone(a.status)
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
        status = Self.status(s.swedishLabel, Self.tone(s))
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
