public import Canonical

/// What an indicator measures, as far as plausibility and number formats care: a share, a
/// merit value, grade points, a cost, a count or something else.
///
/// Read from the indicator's unit of measure, else from its name as Kolada and Skolverket
/// write it (`…, andel (%)`, `meritvärde …`, `betygspoäng …`, `Kostnad …, kr/elev`).
public enum MeasureKind: String, Hashable, Sendable, CaseIterable {
  /// A share in percent, 0–100.
  case percent
  /// Meritvärde in åk 9: the sum of the 17 best grades (E=10 … A=20), 0–340 (Skolverket).
  case meritValue
  /// Betygspoäng: an average grade value, 0–20 (Skolverket).
  case gradePoints
  /// A cost in kronor (kr, tkr, kr/elev), above 0.
  case cost
  /// A count (antal), 0 or more.
  case count
  /// Anything else: no bounds.
  case other

  /// Classifies an indicator by its unit of measure and name.
  ///
  /// - Parameters:
  ///   - unitOfMeasure: `%`, `procent`, `poäng`, `kr`, `tkr`, `kr/elev`, `antal`, … or `nil`.
  ///   - name: the indicator's name.
  public static func of(unitOfMeasure: String?, name: String) -> MeasureKind {
    let lowerName = name.lowercased()
    if lowerName.contains("meritvärde") { return .meritValue }
    if lowerName.contains("betygspoäng") { return .gradePoints }
    if let unit = unitOfMeasure?.trimmedSpaces.lowercased(), !unit.isEmpty {
      switch unit {
      case "%", "procent", "andel", "andel (%)": return .percent
      case "antal", "st", "st.": return .count
      case "kr", "tkr", "mnkr", "mkr", "kronor": return .cost
      default:
        if unit.hasPrefix("kr/") || unit.hasPrefix("tkr/") || unit.hasPrefix("kr per") {
          return .cost
        }
        return .other
      }
    }
    if lowerName.contains("(%)") || lowerName.hasSuffix("%") { return .percent }
    if lowerName.contains("kostnad") && lowerName.contains("kr") { return .cost }
    if lowerName.hasSuffix(", antal") || lowerName.hasPrefix("antal ") { return .count }
    return .other
  }

  /// Classifies an indicator use.
  public static func of(_ kpi: KPI) -> MeasureKind {
    of(unitOfMeasure: kpi.unitOfMeasure, name: kpi.name)
  }

  /// Whether a value is plausible for the measure.
  public func isPlausible(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    switch self {
    case .percent: return value >= 0 && value <= 100
    case .meritValue: return value >= 0 && value <= 340
    case .gradePoints: return value >= 0 && value <= 20
    case .cost: return value > 0
    case .count: return value >= 0
    case .other: return true
    }
  }

  /// The plausible range in words: `0–100`, `0–340`, `0–20`, `> 0`, `≥ 0`.
  public var rangeText: String {
    switch self {
    case .percent: return "0–100"
    case .meritValue: return "0–340"
    case .gradePoints: return "0–20"
    case .cost: return "> 0"
    case .count: return "≥ 0"
    case .other: return "any value"
    }
  }

  /// What it is, in words: `a share (%)`, `meritvärde`, `betygspoäng`, `a cost (kr)`.
  public var noun: String {
    switch self {
    case .percent: return "a share (%)"
    case .meritValue: return "meritvärde"
    case .gradePoints: return "betygspoäng"
    case .cost: return "a cost (kr)"
    case .count: return "a count"
    case .other: return "this measure"
    }
  }

  /// Whether a total is a mean of its parts, so that it lies between K and M (shares,
  /// averages), unlike counts and costs, whose total is a sum.
  public var totalLiesBetweenParts: Bool {
    switch self {
    case .percent, .meritValue, .gradePoints: return true
    case .cost, .count, .other: return false
    }
  }
}
