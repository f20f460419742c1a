import Canonical
public import Spreadsheet

/// Outcomes are plausible for their measure (shares 0–100 %, meritvärde 0–340, betygspoäng
/// 0–20, counts ≥ 0, costs > 0), and a total split by gender lies between K and M.
///
/// An outcome's measure comes from the nyckeltal with its id in scope (its unit of measure,
/// else its name); outcomes of indicators no plan names are not judged.
public struct OutcomeRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `implausible-outcome`, `total-outside-gender-range`.
  public var codes: [DiagnosticCode] { [.implausibleOutcome, .totalOutsideGenderRange] }

  private struct SplitKey: Hashable {
    var kpiID: String
    var unitID: String?
    var period: Period?
    var dimensions: [String: String]?
  }

  /// Checks every outcome in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var kinds: [String: MeasureKind] = [:]
    for kpi in scope.kpis {
      let kind = MeasureKind.of(kpi)
      if kinds[kpi.id] == nil || kinds[kpi.id] == .other { kinds[kpi.id] = kind }
    }
    var out: [Diagnostic] = []
    var split: [SplitKey: [Measurement.Gender: Measurement]] = [:]
    var order: [SplitKey] = []
    for m in scope.measurements {
      guard let kind = kinds[m.kpiID], let value = m.value else { continue }
      if !kind.isPlausible(value) {
        var arguments = [
          "value": CellValue.format(value), "kpi": m.kpiID, "measure": kind.rawValue,
        ]
        arguments["period"] = m.period?.swedishLabel
        out.append(
          DiagnosticCode.implausibleOutcome.diagnostic(
            at: m.provenance?.location(fields: Field.value), arguments,
            value: CellValue.format(value)))
        continue
      }
      guard kind.totalLiesBetweenParts else { continue }
      let key = SplitKey(
        kpiID: m.kpiID, unitID: m.unitID, period: m.period, dimensions: m.dimensions)
      if split[key] == nil { order.append(key) }
      split[key, default: [:]][m.gender] = m
    }
    for key in order {
      guard let parts = split[key], let total = parts[.total], let t = total.value,
        let female = parts[.female]?.value, let male = parts[.male]?.value
      else { continue }
      let low = min(female, male)
      let high = max(female, male)
      guard t < low - 1e-9 || t > high + 1e-9 else { continue }
      var arguments = [
        "total": CellValue.format(t), "kpi": key.kpiID, "female": CellValue.format(female),
        "male": CellValue.format(male),
      ]
      arguments["period"] = key.period?.swedishLabel
      out.append(
        DiagnosticCode.totalOutsideGenderRange.diagnostic(
          at: total.provenance?.location(fields: Field.value), arguments,
          value: CellValue.format(t)))
    }
    return out
  }
}
