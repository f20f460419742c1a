public import Canonical
public import Validation

/// How a board nyckeltal without an outcome of its own is compiled from its units' outcomes,
/// by what it measures.
///
/// | measure | rule |
/// |---|---|
/// | count (`antal`) | the sum of the units' outcomes |
/// | share, meritvärde, grade points, cost per pupil | the mean weighted by the number of pupils, when every unit's outcome carries it (a dimension `elever` or `antal elever`); else *Ej sammanställt* |
/// | anything else | *Ej sammanställt* |
///
/// An unweighted mean of shares would give a school of 12 pupils the weight of one of 400,
/// so a share is only compiled with its weights. Units without a value are left out; with no
/// unit value at all there is nothing to compile.
public enum RollUpRule {
  /// One unit's outcome for the roll-up.
  public struct Input: Hashable, Sendable {
    /// The value, in the nyckeltal's unit.
    public var value: Double
    /// How many pupils the value is about, when known.
    public var pupils: Double?

    /// Creates an input.
    public init(value: Double, pupils: Double?) {
      self.value = value
      self.pupils = pupils
    }
  }

  /// The result of a roll-up.
  public enum Result: Hashable, Sendable {
    /// A value compiled from this many units.
    case compiled(Double, units: Int)
    /// The units' outcomes cannot be compiled by the rule (no weights).
    case notCompiled
  }

  /// The dimension names that carry a pupil count.
  public static let pupilDimensions = ["elever", "antal elever", "antal_elever", "pupils"]

  /// Compiles the units' outcomes by the rule of the measure.
  ///
  /// - Parameters:
  ///   - measure: what the nyckeltal measures.
  ///   - inputs: the units' outcomes with a value.
  /// - Returns: `nil` when there are no inputs.
  public static func rollUp(_ measure: MeasureKind, _ inputs: [Input]) -> Result? {
    guard !inputs.isEmpty else { return nil }
    switch measure {
    case .count:
      return .compiled(inputs.reduce(0) { $0 + $1.value }, units: inputs.count)
    case .percent, .meritValue, .gradePoints, .cost:
      let weights = inputs.compactMap(\.pupils)
      guard weights.count == inputs.count else { return .notCompiled }
      let total = weights.reduce(0, +)
      guard total > 0 else { return .notCompiled }
      let sum = inputs.reduce(0) { $0 + $1.value * ($1.pupils ?? 0) }
      return .compiled(sum / total, units: inputs.count)
    case .other:
      return .notCompiled
    }
  }

  /// The pupil count of a measurement, from its dimensions.
  public static func pupils(of measurement: Measurement) -> Double? {
    guard let dimensions = measurement.dimensions else { return nil }
    for (key, value) in dimensions where pupilDimensions.contains(key.lowercased()) {
      if let n = Double(value.replacing(",", with: ".").replacing(" ", with: "")) { return n }
    }
    return nil
  }
}
