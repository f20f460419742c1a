import Canonical
import Reporting
import Testing

/// A goal without an assessment: its own nyckeltal first, then the goals below it.
@Suite struct FulfilmentRuleTests {
  typealias Case = (
    kpis: [KPIStatus], below: [Assessment.Level?], level: Assessment.Level,
    source: FulfilmentSource
  )

  @Test(
    arguments: [
      // Own nyckeltal: all met, none met, some met.
      ([.met, .met], [.notFulfilled], .fulfilled, .derived),
      (
        [.notMet, .notMet, .notMet, .notMet], [.fulfilled, .partlyFulfilled], .notFulfilled,
        .derived
      ),
      ([.met, .notMet, .notMet], [], .partlyFulfilled, .derived),
      // Nyckeltal that cannot be judged count neither way.
      ([.notMet, .noOutcome, .noTarget, .undetermined], [.fulfilled], .notFulfilled, .derived),
      ([.met, .noOutcome], [], .fulfilled, .derived),
      // No judged nyckeltal: the goals below decide.
      ([.noOutcome, .noOutcome], [.fulfilled, .fulfilled, nil], .fulfilled, .derivedFromGoals),
      ([], [.notFulfilled, .notAssessed], .notFulfilled, .derivedFromGoals),
      ([], [.fulfilled, .notFulfilled], .partlyFulfilled, .derivedFromGoals),
      ([], [.partlyFulfilled], .partlyFulfilled, .derivedFromGoals),
      // Nothing to judge by.
      ([.noOutcome], [.notAssessed, nil], .notAssessed, .none),
      ([], [], .notAssessed, .none),
    ] as [Case])
  func derives(
    kpis: [KPIStatus], below: [Assessment.Level?], level: Assessment.Level,
    source: FulfilmentSource
  ) {
    let derived = FulfilmentRule.derive(kpis: kpis, goalsBelow: below)
    #expect(derived.level == level)
    #expect(derived.source == source)
  }
}
