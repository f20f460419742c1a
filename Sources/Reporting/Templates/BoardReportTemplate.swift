import Canonical
import Spreadsheet
import Validation
public import XLSX

/// The board report as a controller's template sees it: the names of `docs/templates.md`
/// and their values, the same figures as the report workbook's sheets.
///
/// ```swift
/// let template = try XLSXTemplate(path: "mall.xlsx")
/// try template.fill(
///   BoardReportTemplate.data(for: report), contract: BoardReportTemplate.contract,
///   to: "rapport.xlsx")
/// ```
public enum BoardReportTemplate {
  /// Scalars, collections and their fields.
  public static let contract = TemplateContract(
    scalars: [
      "kommun", "nämnd", "nämnd_id", "period", "period_id", "rapportdatum", "bedömningsdag",
      "titel", "antal_nyckeltal", "nyckeltal_uppfyllda", "nyckeltal_delvis",
      "nyckeltal_ej_uppfyllda", "nyckeltal_saknas", "andel_nyckeltal_uppfyllda", "antal_mål",
      "antal_aktiviteter", "aktiviteter_försenade", "enheter_förväntade", "enheter_inlämnade",
      "andel_enheter_inlämnade", "antal_fel", "antal_varningar",
    ],
    collections: [
      "nyckeltal": [
        "id", "namn", "enhet", "målvärde", "utfall", "föregående", "trend", "status", "mål",
        "utfallsperiod", "riket", "utfall_text", "föregående_text", "måttenhet",
      ],
      "mål": ["id", "titel", "nivå", "enhet", "bedömning", "analys", "prioriterat"],
      "aktiviteter": ["titel", "enhet", "ansvarig", "start", "slut", "status", "försenad", "mål"],
      "enheter": [
        "namn", "inlämnad", "fil", "id", "typ", "antal_nyckeltal", "antal_aktiviteter", "fel",
        "varningar",
      ],
      "kontroll": ["fil", "cell", "allvar", "meddelande", "åtgärd", "kod", "rubrik"],
    ],
    nested: ["enheter": ["nyckeltal", "mål", "aktiviteter", "kontroll"]])

  /// The values of a report.
  public static func data(for report: BoardReport, labels: ReportLabels = .swedish)
    -> TemplateData
  {
    let summary = report.summary
    let title = labels.title.replacing("{board}", with: report.boardName)
    func text(_ s: String?) -> TemplateValue {
      guard let s, !s.isEmpty else { return .empty }
      return .text(s)
    }
    func number(_ n: Double?) -> TemplateValue { n.map { .number($0) } ?? .empty }
    func count(_ n: Int) -> TemplateValue { .number(Double(n)) }
    func share(_ part: Int, _ whole: Int) -> TemplateValue {
      whole > 0 ? .percent(Double(part) / Double(whole)) : .empty
    }
    func day(_ d: CalendarDate?) -> TemplateValue {
      d.map { .date(year: $0.year, month: $0.month, day: $0.day) } ?? .empty
    }
    /// A nyckeltal's figure in its own unit (a percentage as 69.5, as Kolada gives it), so
    /// one number format serves a column of mixed nyckeltal.
    func measure(_ value: Double?) -> TemplateValue { value.map { .number($0) } ?? .empty }
    func measureText(_ value: Double?, _ kind: MeasureKind) -> TemplateValue {
      guard let value else { return .empty }
      return .text(
        kind == .percent
          ? TemplateValue.number(value).displayText + " %" : TemplateValue.number(value).displayText
      )
    }
    let judged = report.kpis.filter { [.met, .partlyMet, .notMet].contains($0.status) }.count
    let met = summary.kpis[.met] ?? 0
    let scalars: [String: TemplateValue] = [
      "kommun": text(report.municipalityName), "nämnd": .text(report.boardName),
      "nämnd_id": .text(report.boardID), "period": .text(report.period.swedishLabel),
      "period_id": .text(report.period.id), "rapportdatum": day(report.reportDate),
      "bedömningsdag": day(report.asOf), "titel": .text(title),
      "antal_nyckeltal": count(report.kpis.count), "nyckeltal_uppfyllda": count(met),
      "nyckeltal_delvis": count(summary.kpis[.partlyMet] ?? 0),
      "nyckeltal_ej_uppfyllda": count(summary.kpis[.notMet] ?? 0),
      "nyckeltal_saknas": count(summary.kpis[.noOutcome] ?? 0),
      "andel_nyckeltal_uppfyllda": share(met, judged), "antal_mål": count(report.goals.count),
      "antal_aktiviteter": count(summary.activities),
      "aktiviteter_försenade": count(summary.activitiesDelayed),
      "enheter_förväntade": count(summary.unitsExpected),
      "enheter_inlämnade": count(summary.unitsDelivered),
      "andel_enheter_inlämnade": share(summary.unitsDelivered, summary.unitsExpected),
      "antal_fel": count(summary.diagnostics[.error] ?? 0),
      "antal_varningar": count(summary.diagnostics[.warning] ?? 0),
    ]
    let kpis = report.kpis.map { k -> TemplateRecord in
      var outcome = measure(k.outcome)
      var outcomeText = measureText(k.outcome, k.measure)
      if k.outcome == nil {
        outcome = k.notCompiled ? .text(labels.notCompiled) : text(k.missingReason?.swedishLabel)
        outcomeText = outcome
      }
      return TemplateRecord(
        [
          "id": .text(k.kpiID), "namn": .text(k.name), "enhet": .text(k.unitName),
          "målvärde": text(k.targetDisplay ?? k.targetText), "utfall": outcome,
          "föregående": measure(k.previous), "trend": text(k.trend?.swedishLabel),
          "status": .text(k.status.swedishLabel), "mål": text(k.goalIDs.joined(separator: ", ")),
          "utfallsperiod": text(k.outcomePeriod?.swedishLabel),
          "riket": measure(k.comparisons[.nation]), "utfall_text": outcomeText,
          "föregående_text": measureText(k.previous, k.measure),
          "måttenhet": text(k.unitOfMeasure ?? (k.measure == .percent ? "%" : nil)),
        ], collections: [:])
    }
    let goals = report.goals.map { g -> TemplateRecord in
      TemplateRecord([
        "id": .text(g.goalID), "titel": .text(g.title), "nivå": .text(labels.level(g.level)),
        "enhet": .text(g.unitName),
        "bedömning": .text(g.fulfilment?.swedishLabel ?? labels.notJudged),
        "analys": text(g.analysis), "prioriterat": .text(g.prioritised ? labels.yes : labels.no),
      ])
    }
    let activities = report.activities.map { a -> TemplateRecord in
      TemplateRecord([
        "titel": .text(a.title), "enhet": .text(a.unitName), "ansvarig": text(a.owner),
        "start": day(a.start), "slut": day(a.end), "status": text(a.statusText),
        "försenad": .text(a.delayed ? labels.yes : labels.no),
        "mål": text(a.goalIDs.joined(separator: ", ")),
      ])
    }
    let checks = report.diagnostics.map { d -> TemplateRecord in
      let swedish = labels.swedishMessages ? SwedishMessages.text(for: d) : nil
      let place = d.location.flatMap { l -> String? in
        if let line = l.line { return "\(labels.line) \(line)" }
        return l.reference
      }
      return TemplateRecord([
        "fil": text(d.location?.file), "cell": text(place),
        "allvar": .text(labels.severity(d.severity)),
        "meddelande": .text(swedish?.message ?? d.message),
        "åtgärd": text(swedish == nil ? d.hint : swedish?.hint), "kod": .text(d.code),
        "rubrik": .text(
          swedish?.title ?? DiagnosticCode.named(d.code)?.swedishTitle ?? d.code),
      ])
    }
    let units = report.units.map { u -> TemplateRecord in
      let own = { (id: String?) in id == u.unitID }
      return TemplateRecord(
        [
          "namn": .text(u.name), "inlämnad": .text(u.delivered ? labels.yes : labels.no),
          "fil": text(u.files.joined(separator: ", ")), "id": .text(u.unitID),
          "typ": .text(u.kind.swedishLabel), "antal_nyckeltal": count(u.kpis),
          "antal_aktiviteter": count(u.activities), "fel": count(u.errors),
          "varningar": count(u.warnings),
        ],
        collections: [
          "nyckeltal": zip(report.kpis, kpis).filter { own($0.0.unitID) }.map(\.1),
          "mål": zip(report.goals, goals).filter { own($0.0.unitID) }.map(\.1),
          "aktiviteter": zip(report.activities, activities).filter { own($0.0.unitID) }.map(\.1),
          "kontroll": zip(report.diagnostics, checks).filter { d in
            u.files.contains { $0 == d.0.location?.file }
          }.map(\.1),
        ])
    }
    return TemplateData(
      scalars: scalars,
      collections: [
        "nyckeltal": kpis, "mål": goals, "aktiviteter": activities, "enheter": units,
        "kontroll": checks,
      ])
  }
}
