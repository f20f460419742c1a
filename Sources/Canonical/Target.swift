/// A target value (målvärde) for an indicator in a period, keeping the text it was written as.
///
/// `Minst 88 %` is `atLeast 88`; `Max 13,2 %` is `atMost 13.2`; `80–90 %` is `range 80…90`;
/// `Öka` is `increase` with no value.
public struct Target: Hashable, Sendable, Codable {
  /// How an outcome is compared with the target.
  public enum Comparison: String, Hashable, Sendable, Codable, CaseIterable {
    /// Outcome ≥ value (Minst, Lägst, Minimum, ≥).
    case atLeast
    /// Outcome ≤ value (Max, Högst, Maximum, ≤).
    case atMost
    /// Outcome > value (Över, Mer än, >).
    case above
    /// Outcome < value (Under, Mindre än, <).
    case below
    /// Outcome = value.
    case equal
    /// value ≤ outcome ≤ upperValue.
    case range
    /// The outcome should rise compared with the previous period (Öka).
    case increase
    /// The outcome should fall compared with the previous period (Minska).
    case decrease
  }

  /// The indicator's id.
  public var kpiID: String
  /// The unit the target is set for.
  public var unitID: String?
  /// The period the target is for.
  public var period: Period?
  /// The comparison.
  public var comparison: Comparison
  /// The value, in the indicator's unit (percent as 0–100); `nil` for increase/decrease.
  public var value: Double?
  /// The upper bound of a range.
  public var upperValue: Double?
  /// The original text, e.g. `Minst 88 %`.
  public var text: String
  /// Where the target was read.
  public var provenance: Provenance?

  /// Creates a target.
  public init(
    kpiID: String, unitID: String? = nil, period: Period? = nil, comparison: Comparison,
    value: Double? = nil, upperValue: Double? = nil, text: String, provenance: Provenance? = nil
  ) {
    self.kpiID = kpiID
    self.unitID = unitID
    self.period = period
    self.comparison = comparison
    self.value = value
    self.upperValue = upperValue
    self.text = text
    self.provenance = provenance
  }

  /// Whether an outcome meets the target; `previous` is needed for increase and decrease.
  ///
  /// - Returns: `nil` when it cannot be decided (no value, or no previous outcome).
  public func isMet(by outcome: Double, previous: Double? = nil) -> Bool? {
    switch comparison {
    case .atLeast: return value.map { outcome >= $0 }
    case .atMost: return value.map { outcome <= $0 }
    case .above: return value.map { outcome > $0 }
    case .below: return value.map { outcome < $0 }
    case .equal: return value.map { abs(outcome - $0) < 1e-9 }
    case .range:
      guard let low = value, let high = upperValue else { return nil }
      return outcome >= low && outcome <= high
    case .increase: return previous.map { outcome > $0 }
    case .decrease: return previous.map { outcome < $0 }
    }
  }
}
