import Canonical
import Testing
import Validation

@Suite struct OutcomeRuleTests {
  func dataset(kpi name: String, unitOfMeasure: String? = nil, values: [Double]) -> Dataset {
    var d = Mini.dataset()
    d.kpis.append(
      Records.kpi(
        "K1", name, goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 5, unitOfMeasure: unitOfMeasure
      ))
    for (i, v) in values.enumerated() {
      d.measurements.append(
        Records.outcome(
          "K1", v, period: .year(2020 + i), unit: "s1", file: Mini.f1, row: 5,
          column: String(UnicodeScalar(UInt8(69 + i)))))
    }
    return d
  }

  @Test func sharesOutside0To100() {
    let d = dataset(
      kpi: "Elever i åk 9 som är behöriga till yrkesprogram, andel (%)",
      values: [-1, 0, 100, 100.5])
    let report = Mini.run(d, OutcomeRule())
    #expect(
      report.pairs
        == pairs(
          ("'Nyckeltal'!E5", "implausible-outcome"), ("'Nyckeltal'!H5", "implausible-outcome")))
    #expect(report.diagnostics.map(\.value) == ["-1", "100.5"])
  }

  @Test func meritValueUpTo340() {
    let d = dataset(
      kpi: "Elever i åk. 9, meritvärde kommunala skolor, genomsnitt (17 ämnen)",
      unitOfMeasure: "poäng", values: [221.4, 340, 341])
    #expect(Mini.run(d, OutcomeRule()).diagnostics.map(\.value) == ["341"])
    #expect(
      Mini.run(d, OutcomeRule()).diagnostics.first?.message
        == "utfall 341 for 'K1' (2022) is outside 0–340 for meritvärde")
  }

  @Test func costsAbove0() {
    let d = dataset(kpi: "Kostnad grundskola", unitOfMeasure: "kr/elev", values: [112_000, 0])
    #expect(Mini.run(d, OutcomeRule()).diagnostics.map(\.value) == ["0"])
  }

  @Test func unknownMeasuresAreNotJudged() {
    let d = dataset(
      kpi: "Förändring mot föregående år", unitOfMeasure: "procentenheter", values: [-12, 140])
    #expect(Mini.run(d, OutcomeRule()).pairs == [])
  }

  @Test func totalBetweenFemaleAndMale() {
    var d = Mini.dataset()
    d.kpis.append(
      Records.kpi(
        "N15419", "Behöriga, andel (%)", goals: ["NM-1"], unit: "b", file: Mini.boardFile, row: 4))
    let rows: [(Int, Measurement.Gender, Double)] = [
      (2024, .total, 71.2), (2024, .female, 78.1), (2024, .male, 70.9),
      (2025, .female, 66.0), (2025, .total, 70.2), (2025, .male, 69.5),
    ]
    for (i, r) in rows.enumerated() {
      d.measurements.append(
        Measurement(
          kpiID: "N15419", unitID: "2104", period: .year(r.0), gender: r.1, value: r.2,
          provenance: Records.line("kolada.csv", i + 2)))
    }
    let report = Mini.run(d, OutcomeRule())
    #expect(report.pairs == pairs(("kolada.csv:6", "total-outside-gender-range")))
    #expect(
      report.diagnostics.first?.message
        == "utfall T 70.2 for 'N15419' (2025) is not between K 66 and M 69.5")
  }

  @Test func countsAreSumsNotMeans() {
    var d = Mini.dataset()
    d.kpis.append(
      Records.kpi(
        "N1", "Elever, antal", goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 5,
        unitOfMeasure: "antal"))
    for (g, v) in [(Measurement.Gender.total, 300.0), (.female, 140), (.male, 160)] {
      d.measurements.append(
        Measurement(kpiID: "N1", unitID: "s1", period: .year(2025), gender: g, value: v))
    }
    #expect(Mini.run(d, OutcomeRule()).pairs == [])
  }

  @Test func otherMunicipalitiesAreOutOfScope() {
    var d = dataset(kpi: "Behöriga, andel (%)", values: [])
    d.measurements.append(Measurement(kpiID: "K1", unitID: "0180", period: .year(2025), value: 140))
    #expect(Mini.run(d, OutcomeRule()).pairs == [])
  }
}
