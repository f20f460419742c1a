import Canonical
import Validation

/// A small board for rule tests: municipality `m`, board `b` with schools `s1` and `s2`
/// (both delivered), national goal `LGR22-2.2`, KF-mål `KF-1`, nämndmål `NM-1` and `NM-2`
/// (both tracing to KF-1).
enum Mini {
  static let period = Period.quarter(1, 2026)
  static let f1 = "Arbetsplan S1.xlsx"
  static let f2 = "Arbetsplan S2.xlsx"
  static let boardFile = "Verksamhetsplan.xlsx"

  static func dataset() -> Dataset {
    var d = Dataset()
    d.units = [
      OrgUnit(id: "m", name: "Kommunen", kind: .municipality, municipalityCode: "2104"),
      OrgUnit(id: "b", name: "Nämnden", kind: .board, parentID: "m"),
      OrgUnit(id: "s1", name: "Skola Ett", aliases: ["Ettan"], kind: .school, parentID: "b"),
      OrgUnit(id: "s2", name: "Skola Två", kind: .school, parentID: "b"),
    ]
    d.goals = [
      Goal(
        id: "LGR22-2.2", title: "Kunskaper", level: .national,
        provenance: Provenance(file: "nationella-mal.csv", line: 3)),
      Goal(
        id: "KF-1", title: "Alla lyckas i skolan", level: .council,
        provenance: Records.at(boardFile, "KF-mål", row: 2, ["id": "A"])),
      Goal(
        id: "NM-1", title: "Fler elever når kunskapskraven", level: .board, ownerUnitID: "b",
        alignsTo: ["KF-1"],
        provenance: Records.at(boardFile, "Nämndmål", row: 4, ["id": "A", "aligns_to": "C"])),
      Goal(
        id: "NM-2", title: "Alla elever känner sig trygga", level: .board, ownerUnitID: "b",
        alignsTo: ["KF-1"],
        provenance: Records.at(boardFile, "Nämndmål", row: 5, ["id": "A", "aligns_to": "C"])),
    ]
    d.plans = [
      Records.plan("b", .year(2026), .boardPlan, file: boardFile),
      Records.plan("s1", period, .unitPlan, file: f1),
      Records.plan("s2", period, .unitPlan, file: f2),
    ]
    return d
  }

  static func validate(_ d: Dataset, options: ValidationOptions = ValidationOptions())
    -> ValidationReport
  {
    Validator(boardID: "b", period: period, options: options).validate(d)
  }

  /// The report of one rule alone.
  static func run(_ d: Dataset, _ rule: any ValidationRule, options: ValidationOptions = .init())
    -> ValidationReport
  {
    var validator = Validator(boardID: "b", period: period, options: options)
    validator.rules = [rule]
    return validator.validate(d)
  }
}
