public import Canonical

/// How the report derives a goal's fulfilment (måluppfyllelse) when the goal has no
/// assessment (bedömning) of its own. Described in `docs/board-report.md`.
///
/// 1. **From the goal's own nyckeltal**, counting those that can be judged (uppnått or ej
///    uppnått; a nyckeltal without an outcome or a målvärde counts neither way):
///    all met → *Uppfyllt*; none met → *Ej uppfyllt*; some → *Delvis uppfyllt*.
/// 2. **Else from the goals below it** (the enhetsmål aligned to a nämndmål, a goal's
///    sub-goals), counting those with a fulfilment (*Ej bedömt* counts neither way):
///    all uppfyllt → *Uppfyllt*; all ej uppfyllt → *Ej uppfyllt*; otherwise *Delvis
///    uppfyllt*.
/// 3. **Else** *Ej bedömt*: nothing to judge by.
///
/// A goal's own nyckeltal come first because they are its measures: a nämndmål whose four
/// nyckeltal all missed their målvärde is not fulfilled, however the units judged their own
/// goals.
public enum FulfilmentRule {
  /// The derived fulfilment and where it comes from.
  ///
  /// - Parameters:
  ///   - kpis: the status of each nyckeltal following the goal.
  ///   - goalsBelow: the fulfilment of each goal below it (`nil` when not known).
  /// - Returns: the level and its source: ``FulfilmentSource/derived`` (own nyckeltal),
  ///   ``FulfilmentSource/derivedFromGoals`` or ``FulfilmentSource/none`` (then
  ///   ``Canonical/Assessment/Level/notAssessed``).
  public static func derive(kpis: [KPIStatus], goalsBelow: [Assessment.Level?])
    -> (level: Assessment.Level, source: FulfilmentSource)
  {
    let judged = kpis.filter { $0 == .met || $0 == .partlyMet || $0 == .notMet }
    if !judged.isEmpty {
      let met = judged.filter { $0 == .met }.count
      let notMet = judged.filter { $0 == .notMet }.count
      let level: Assessment.Level =
        met == judged.count
        ? .fulfilled : notMet == judged.count ? .notFulfilled : .partlyFulfilled
      return (level, .derived)
    }
    let levels = goalsBelow.compactMap { $0 }.filter { $0 != .notAssessed }
    guard !levels.isEmpty else { return (.notAssessed, .none) }
    if levels.allSatisfy({ $0 == .fulfilled }) { return (.fulfilled, .derivedFromGoals) }
    if levels.allSatisfy({ $0 == .notFulfilled }) { return (.notFulfilled, .derivedFromGoals) }
    return (.partlyFulfilled, .derivedFromGoals)
  }
}
