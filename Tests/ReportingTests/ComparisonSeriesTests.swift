import Canonical
import Reporting
import Testing

/// Riket, the county and similar municipalities beside the unit's value: kept as comparison
/// series (never as units), shown on Måluppfyllelse and Nyckeltal, and as a Riket line in the
/// line charts.
@Suite struct ComparisonSeriesTests {
  func report() throws -> BoardReport {
    var dataset = try HoforsFixture.dataset()
    for (year, value) in [(2023, 71.0), (2024, 72.5), (2025, 73.5)] {
      dataset.measurements.append(
        Measurement(
          kpiID: "N15419", unitID: "0000", period: .year(year), value: value,
          comparison: .nation))
    }
    dataset.measurements.append(
      Measurement(
        kpiID: "N15419", unitID: "21", period: .year(2025), value: 70.1, comparison: .county))
    return BoardReport.make(
      dataset: dataset, boardID: HoforsFixture.board, period: HoforsFixture.period,
      options: HoforsFixture.options, reportDate: HoforsFixture.reportDate)
  }

  @Test func theLatestComparisonValueStandsBesideTheOutcome() throws {
    let report = try report()
    let board = try #require(
      report.kpis.first { $0.kpiID == "N15419" && $0.unitID == HoforsFixture.board })
    #expect(board.comparisons[.nation] == 73.5)
    #expect(board.comparisons[.county] == 70.1)
    // A comparison row is no unit: no unit named 0000 or 21 appears.
    #expect(!report.units.contains { $0.unitID == "0000" || $0.unitID == "21" })
  }

  @Test func theSheetsShowRiketAndTheCounty() throws {
    let sheets = ReportLayout().sheets(for: try report())
    let kpis = try #require(sheets.first { $0.name == "Nyckeltal" })
    let riket = try #require(kpis.header.firstIndex(of: "Riket"))
    #expect(kpis.header.contains("Länet"))
    let row = try #require(kpis.rows.first { $0[2].displayText == "N15419" })
    #expect(row[riket].displayText == "73,5 %")
    let goals = try #require(sheets.first { $0.name == "Måluppfyllelse" })
    let block = try #require(goals.rows.first { $0[0].displayText.hasPrefix("N15419") })
    #expect(block[7].displayText == "73,5 %")
  }

  @Test func theLineChartHasARiketSeries() throws {
    let sheets = ReportLayout().sheets(for: try report())
    let charts = try #require(sheets.first { $0.name == "Diagram" }).charts
    let line = try #require(charts.first { $0.kind == .line && $0.title.hasPrefix("N15419") })
    #expect(line.series.map(\.name) == ["Utfall", "Riket"])
    #expect(line.series[1].values.contains(72.5))
  }
}
