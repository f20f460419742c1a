import Canonical
import Reporting
import Spreadsheet
import Testing
import Validation

@Suite struct BoardReportTests {
  let report: BoardReport

  init() throws { report = try HoforsFixture.report() }

  @Test func titleBlock() {
    #expect(report.boardName == "Barn- och utbildningsnämnden")
    #expect(report.municipalityName == "Hofors kommun")
    #expect(report.period.swedishLabel == "kvartal 1 2026")
    #expect(report.asOf == CalendarDate(year: 2026, month: 3, day: 31))
    #expect(report.reportDate == CalendarDate(year: 2026, month: 4, day: 15))
  }

  @Test func kpiStatusPerUnitInRegisterOrder() {
    let rows = report.kpis.map { "\($0.unitID ?? "-") \($0.kpiID) \($0.status.rawValue)" }
    #expect(
      rows == [
        "hofors-bun N15419 notMet", "hofors-bun N15505 notMet", "hofors-bun N15814 notMet",
        "petreskolan N15482 notMet", "petreskolan PE-T1 notMet", "petreskolan PE-N3 noTarget",
        "robertsholm N15436 undetermined", "robertsholm N15505 notMet",
        "robertsholm RO-T1 notMet", "lillaskolan N15482 notMet", "lillaskolan LI-T1 met",
        "torsaker N15482 notMet", "fo-norr FN-T1 notMet", "fo-soder FS-T1 met",
      ])
  }

  @Test func boardKPIsUseTheMunicipalitysKoladaValuesWithTrend() throws {
    let n15419 = try #require(report.kpis.first { $0.kpiID == "N15419" })
    #expect(n15419.targetText == "Minst 80 %")
    #expect(n15419.outcome == 74.5)
    #expect(n15419.outcomePeriod == .year(2025))
    #expect(n15419.previous == 71.2)
    #expect(n15419.previousPeriod == .year(2024))
    #expect(n15419.trend == .improving)
    #expect(n15419.measure == .percent)
    let n15814 = try #require(report.kpis.first { $0.kpiID == "N15814" })
    #expect(n15814.previous == 70.2)
    #expect(n15814.trend == .worsening)
    let merit = try #require(report.kpis.first { $0.kpiID == "N15505" })
    #expect(merit.measure == .meritValue)
  }

  @Test func anImplausibleOutcomeIsNotJudged() throws {
    let row = try #require(report.kpis.first { $0.kpiID == "N15436" })
    #expect(row.outcome == 812)
    #expect(row.status == .undetermined)
    #expect(row.trend == nil)
  }

  /// NM-1 follows two nyckeltal of its own, neither met: Ej uppfyllt, whatever the units'
  /// enhetsmål under it say. NM-2 has none of its own: judged by the enhetsmål under it.
  @Test func goalFulfilmentFromAssessmentsElseDerived() {
    let rows = report.goals.map {
      "\($0.goalID) \($0.fulfilment?.rawValue ?? "-") \($0.source.rawValue)"
    }
    #expect(
      rows == [
        "NM-1 notFulfilled derived", "NM-2 fulfilled derivedFromGoals",
        "NM-3 notFulfilled derived", "PE-1 partlyFulfilled assessed",
        "PE-2 notFulfilled assessed", "RO-1 partlyFulfilled assessed", "RO-2 fulfilled assessed",
        "LI-1 notFulfilled derived", "LI-2 fulfilled derived", "TO-1 notFulfilled derived",
        "TO-2 notAssessed none", "FN-1 notFulfilled derived", "FN-2 notAssessed none",
        "FS-1 fulfilled derived",
      ])
    #expect(
      [report.goals[0].kpiCount, report.goals[0].kpisJudged, report.goals[0].kpisMet] == [2, 2, 0])
    #expect(report.goals[3].analysis?.hasPrefix("Resultaten i engelska") == true)
    #expect(report.goals[0].kpiCount == 2)
  }

  @Test func activitiesWithDelayedFlags() {
    let delayed = report.activities.filter(\.delayed).map { "\($0.unitID ?? "") \($0.activityID)" }
    #expect(delayed == ["petreskolan A2"])
    #expect(report.activities.count == 11)
    #expect(report.activities.first?.statusText == "Pågår")
  }

  @Test func unitSummaries() throws {
    #expect(
      report.units.map(\.unitID) == [
        "petreskolan", "robertsholm", "lillaskolan", "torsaker", "fo-norr", "fo-soder",
        "fo-torsaker",
      ])
    let petre = report.units[0]
    #expect(petre.delivered && petre.files == ["Arbetsplan Petreskolan 2026.xlsx"])
    #expect(
      [petre.goals, petre.prioritisedGoals, petre.kpis, petre.kpisMet, petre.kpisJudged]
        == [2, 2, 3, 0, 2])
    #expect([petre.activities, petre.activitiesOnTrack, petre.activitiesDelayed] == [3, 2, 1])
    #expect([petre.errors, petre.warnings] == [3, 2])
    let missing = try #require(report.units.last)
    #expect(!missing.delivered && missing.files.isEmpty && missing.kind == .preschool)
  }

  @Test func summaryCounts() {
    let s = report.summary
    #expect(
      s.kpis == [
        .met: 2, .partlyMet: 0, .notMet: 10, .noOutcome: 0, .noTarget: 1, .undetermined: 1,
      ])
    #expect(
      s.goals == [.fulfilled: 4, .partlyFulfilled: 2, .notFulfilled: 6, .notAssessed: 2, nil: 0])
    #expect(
      [s.activities, s.activitiesOngoing, s.activitiesDone, s.activitiesDelayed] == [11, 7, 3, 1])
    #expect([s.unitsExpected, s.unitsDelivered] == [7, 6])
    #expect(s.diagnostics == [.error: 7, .warning: 6, .info: 0])
  }

  @Test func diagnosticsErrorsFirst() {
    #expect(report.diagnostics.count == 13)
    #expect(report.diagnostics.prefix(7).allSatisfy { $0.severity == .error })
    #expect(report.diagnostics.first?.code == "activity-ends-before-start")
  }

  @Test func theSameInputsGiveTheSameReport() throws {
    #expect(try HoforsFixture.report() == report)
  }
}

@Suite struct BoardReportDiagnosticsTests {
  @Test func givenDiagnosticsReplaceTheValidationsAndAreSorted() throws {
    let mapping = Diagnostic(
      code: "unknown-column", severity: .warning,
      location: .cell("Arbetsplan X.xlsx", sheet: "Nyckeltal", CellReference("H4")!),
      message: "column 'Utfall T1' matches no field")
    let failed = Diagnostic(
      code: "type-error", severity: .error,
      location: .cell("Arbetsplan X.xlsx", sheet: "Nyckeltal", CellReference("F9")!),
      message: "value 'n/a' is not a number")
    let report = BoardReport.make(
      dataset: try HoforsFixture.dataset(), boardID: HoforsFixture.board,
      period: HoforsFixture.period, reportDate: HoforsFixture.reportDate,
      diagnostics: [mapping, failed])
    #expect(report.diagnostics.map(\.code) == ["type-error", "unknown-column"])
    #expect(report.summary.diagnostics == [.error: 1, .warning: 1, .info: 0])
  }
}
