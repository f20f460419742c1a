import Canonical
import Reporting
import Testing
import Validation

/// A målvärde is shown in its nyckeltal's unit of measure.
@Suite struct TargetTextTests {
  func target(
    _ comparison: Target.Comparison, _ value: Double?, _ text: String, upper: Double? = nil
  )
    -> Target
  {
    Target(kpiID: "N1", comparison: comparison, value: value, upperValue: upper, text: text)
  }

  @Test func aShareReadAsAFractionIsShownInPercent() {
    // 0.80 under a `0%` format arrives as 0.8 with the text "0.8".
    #expect(TargetText.display(target(.atLeast, 0.8, "0.8"), measure: .percent) == "Minst 80 %")
    #expect(TargetText.value(target(.atLeast, 0.8, "0.8"), measure: .percent) == 80)
  }

  @Test func aShareWrittenWithPercentStaysAsWritten() {
    #expect(
      TargetText.display(target(.atMost, 7.5, "Max 7,5 %"), measure: .percent) == "Högst 7,5 %")
    #expect(TargetText.display(target(.atLeast, 1, "Minst 1 %"), measure: .percent) == "Minst 1 %")
  }

  @Test func otherMeasuresInTheirOwnUnit() {
    #expect(
      TargetText.display(target(.atLeast, 230, "Minst 230"), measure: .meritValue)
        == "Minst 230,0")
    #expect(
      TargetText.display(target(.atMost, 128_000, "Högst 128000"), measure: .cost)
        == "Högst 128 000 kr")
    #expect(
      TargetText.display(target(.range, 80, "80-90 %", upper: 90), measure: .percent)
        == "80–90 %")
    #expect(TargetText.display(target(.increase, nil, "Öka"), measure: .percent) == "Öka")
  }
}

/// A board nyckeltal without its own outcome is compiled from its units' outcomes.
@Suite struct RollUpRuleTests {
  @Test func countsAreSummed() {
    #expect(
      RollUpRule.rollUp(.count, [.init(value: 12, pupils: nil), .init(value: 30, pupils: nil)])
        == .compiled(42, units: 2))
  }

  @Test func sharesAreWeightedByPupils() {
    let result = RollUpRule.rollUp(
      .percent, [.init(value: 90, pupils: 300), .init(value: 50, pupils: 100)])
    #expect(result == .compiled(80, units: 2))
  }

  @Test func sharesWithoutPupilCountsAreNotCompiled() {
    #expect(
      RollUpRule.rollUp(.percent, [.init(value: 90, pupils: 300), .init(value: 50, pupils: nil)])
        == .notCompiled)
    #expect(RollUpRule.rollUp(.other, [.init(value: 1, pupils: 1)]) == .notCompiled)
    #expect(RollUpRule.rollUp(.percent, []) == nil)
  }

  @Test func thePupilCountIsReadFromTheMeasurementsDimensions() {
    let m = Measurement(kpiID: "N1", value: 80, dimensions: ["Elever": "1 204"])
    #expect(RollUpRule.pupils(of: m) == 1204)
    #expect(RollUpRule.pupils(of: Measurement(kpiID: "N1", value: 80)) == nil)
  }

  @Test func theDemoBoardShowsEjSammanställtForASharePupilCountsAreMissingFor() throws {
    let report = try HoforsFixture.report()
    let sheets = ReportLayout().sheets(for: report)
    // Every board nyckeltal whose units report it, and that has no outcome of its own, is
    // either compiled or marked; none is left silently as "Utfall saknas".
    for row in report.kpis where row.unitID == HoforsFixture.board && row.outcome == nil {
      let units = report.kpis.filter { $0.kpiID == row.kpiID && $0.unitID != row.unitID }
      if units.contains(where: { $0.outcome != nil }) {
        #expect(row.notCompiled || row.rolledUpFrom != nil, "\(row.kpiID)")
      }
    }
    #expect(!sheets.isEmpty)
  }
}
