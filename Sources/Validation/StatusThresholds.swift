public import Canonical

/// How close to its målvärde an outcome must come to count as met, or as partly met, as a
/// percentage of the målvärde: Helsingborg's bands are `met: 100` and `partlyMet: 91` —
/// 100 % or more of the målvärde is met, 91–99 % partly met, 90 % or less not met.
///
/// The share is the outcome over the målvärde for a target to reach or pass (`Minst 88 %`:
/// 80 of 88 is 90.9 %), and the målvärde over the outcome for a target to stay under (`Högst
/// 5`: an outcome of 6 is 83.3 %). Other targets (`= 100`, a range, `Öka`, `Minska`) and a
/// målvärde of 0 are judged as the målvärde says, without bands.
public struct StatusThresholds: Hashable, Sendable {
  /// How an outcome stands against its målvärde.
  public enum Level: String, Hashable, Sendable {
    /// At least ``met`` percent of the målvärde.
    case met
    /// At least ``partlyMet`` percent, below ``met``.
    case partlyMet
    /// Below ``partlyMet`` (or ``met`` when there is no partly band).
    case notMet
  }

  /// The percentage of the målvärde that counts as met (100 unless a board decides
  /// otherwise).
  public var met: Double
  /// The percentage from which an outcome below ``met`` counts as partly met; `nil` for no
  /// partly band.
  public var partlyMet: Double?

  /// Creates thresholds.
  ///
  /// - Parameters:
  ///   - met: the percentage of the målvärde that counts as met, e.g. 100.
  ///   - partlyMet: the percentage from which it counts as partly met, e.g. 91.
  public init(met: Double = 100, partlyMet: Double? = nil) {
    self.met = met
    self.partlyMet = partlyMet
  }

  /// The percentage of the målvärde an outcome reaches, or `nil` when the target has no
  /// single value to reach or stay under.
  public static func percentage(of outcome: Double, target: Target) -> Double? {
    guard let value = target.value else { return nil }
    switch target.comparison {
    case .atLeast, .above:
      return value > 0 ? outcome / value * 100 : nil
    case .atMost, .below:
      return outcome > 0 ? value / outcome * 100 : (value >= 0 ? .infinity : nil)
    case .equal, .range, .increase, .decrease:
      return nil
    }
  }

  /// Where an outcome stands, or `nil` when the bands do not apply to the target (judge it by
  /// ``Canonical/Target/isMet(by:previous:)``).
  public func level(of outcome: Double, target: Target) -> Level? {
    guard let share = Self.percentage(of: outcome, target: target) else { return nil }
    if share >= met - 1e-9 { return .met }
    if let partlyMet, share >= partlyMet - 1e-9 { return .partlyMet }
    return .notMet
  }
}
