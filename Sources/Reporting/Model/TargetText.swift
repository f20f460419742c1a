public import Canonical
public import Validation

/// A målvärde in words and in the nyckeltal's unit of measure: `Minst 80 %`, `Högst 7,5 %`,
/// `Minst 230,0`, `10 000–12 000 kr`, `Öka`.
///
/// A share's målvärde read from a cell formatted `0%` arrives as the fraction 0.8; a share
/// is 0–100 everywhere else, so a share's value of at most 1 written without `%` is taken as
/// a fraction and shown ×100 (`0.8` → `80 %`).
public enum TargetText {
  /// The målvärde as shown in the report.
  public static func display(_ target: Target, measure: MeasureKind) -> String {
    let word: String
    switch target.comparison {
    case .atLeast: word = "Minst "
    case .atMost: word = "Högst "
    case .above: word = "Över "
    case .below: word = "Under "
    case .equal: word = ""
    case .range: word = ""
    case .increase: return "Öka"
    case .decrease: return "Minska"
    }
    guard let value = value(target, measure: measure) else { return target.text }
    let upper = target.upperValue.map { scaled($0, target: target, measure: measure) }
    let number = formatted(value, measure: measure, withUnit: upper == nil)
    if let upper {
      return word + number + "–" + formatted(upper, measure: measure, withUnit: true)
    }
    return word + number
  }

  /// The målvärde's value in the nyckeltal's unit (percent 0–100), or `nil` for `Öka`,
  /// `Minska` and a målvärde without a number.
  public static func value(_ target: Target, measure: MeasureKind) -> Double? {
    target.value.map { scaled($0, target: target, measure: measure) }
  }

  private static func scaled(_ value: Double, target: Target, measure: MeasureKind) -> Double {
    if measure == .percent, !target.text.contains("%"), abs(value) <= 1, value != 0 {
      return value * 100
    }
    return value
  }

  private static func formatted(_ value: Double, measure: MeasureKind, withUnit: Bool) -> String {
    switch measure {
    case .percent:
      let decimals = value == value.rounded() ? 0 : 1
      return ReportCell.swedish(value, decimals: decimals) + (withUnit ? " %" : "")
    case .cost:
      return ReportCell.swedish(value, decimals: 0) + (withUnit ? " kr" : "")
    case .meritValue, .gradePoints:
      return ReportCell.swedish(value, decimals: 1)
    case .count, .other:
      return ReportCell.swedish(value, decimals: value == value.rounded() ? 0 : 1)
    }
  }
}
