import Canonical
import Spreadsheet
import Validation

/// A demo municipality modelled on Hofors (kommunkod 2104): one Barn- och utbildningsnämnd,
/// four compulsory schools and three preschool areas, followed up for kvartal 1 2026.
///
/// The records are those the mapping engine reads from the sample templates: the unit
/// register (`units.yaml`), the national goals (`nationella-mal.csv`), the board's
/// verksamhetsplan (sheets `KF-mål`, `Nämndmål`, `Nyckeltal`), one arbetsplan per unit (title
/// block in rows 1–3, header on row 4; sheets `Mål`, `Nyckeltal`, `Aktiviteter`) and a Kolada
/// extract. Planted faults:
/// - Petreskolan: enhetsmål PE-2 aligned to nämndmål `NM-9`, which does not exist ('Mål'!C6);
///   PE-2 assessed Ej uppfyllt without analysis ('Mål'!F6); nyckeltal PE-N3 without målvärde
///   ('Nyckeltal'!D7); activity A2 past its end and still Pågår ('Aktiviteter'!F6); activity
///   A3 ends before it starts ('Aktiviteter'!F7).
/// - Robertsholmsskolan: utfall 812 for a share ('Nyckeltal'!F5).
/// - Torsåkers skola: enhetsmål TO-2 aligned to nothing ('Mål'!C6); activity A2 with no goal
///   ('Aktiviteter'!A6).
/// - Förskoleområde Norr: prioritised FN-2 with no nyckeltal or activity ('Mål'!A6).
/// - Förskoleområde Torsåker: no file.
/// - Verksamhetsplan: KF-3 covered by no nämndmål ('KF-mål'!A4); N15419, which this
///   municipality has configured as replaced by N15508 (``options``) ('Nyckeltal'!B4).
/// - Kolada extract: N15814 2024 total outside K and M (line 12).
enum Hofors {
  static let board = "hofors-bun"
  static let period = Period.quarter(1, 2026)
  static let boardFile = "Verksamhetsplan BUN 2026.xlsx"
  static let koladaFile = "kolada-2104.csv"

  /// The municipality's settings: it follows åk 9 results by hemkommun (N15508) from 2026.
  static let options: ValidationOptions = {
    var successions = KoladaSeries.successionsByReplacedID
    successions["N15419"] = KoladaSuccession(
      replaced: "N15419", successor: "N15508", source: "BUN decision 2025-12-10")
    return ValidationOptions(koladaSuccessions: successions)
  }()

  static func file(_ unit: String) -> String { "Arbetsplan \(unit) 2026.xlsx" }

  static let units: [OrgUnit] = {
    func u(_ id: String, _ name: String, _ kind: OrgUnit.Kind, _ parent: String?, _ line: Int)
      -> OrgUnit
    {
      OrgUnit(
        id: id, name: name, kind: kind, parentID: parent,
        provenance: Provenance(file: "units.yaml", line: line))
    }
    var list = [
      u("hofors", "Hofors kommun", .municipality, nil, 3),
      u(board, "Barn- och utbildningsnämnden", .board, "hofors", 6),
      u("petreskolan", "Petreskolan", .school, board, 9),
      u("robertsholm", "Robertsholmsskolan", .school, board, 12),
      u("lillaskolan", "Lillåskolan", .school, board, 15),
      u("torsaker", "Torsåkers skola", .school, board, 18),
      u("fo-norr", "Förskoleområde Norr", .preschool, board, 21),
      u("fo-soder", "Förskoleområde Söder", .preschool, board, 24),
      u("fo-torsaker", "Förskoleområde Torsåker", .preschool, board, 27),
    ]
    list[0].municipalityCode = "2104"
    list[2].aliases = ["Petre skola"]
    return list
  }()

  static func nationalGoals() -> [Goal] {
    let rows: [(String, String)] = [
      ("LGR22-2.1", "Normer och värden"), ("LGR22-2.2", "Kunskaper"),
      ("LGR22-2.3", "Elevernas ansvar och inflytande"), ("LPFO18-2.1", "Normer och värden"),
      ("LPFO18-2.2", "Omsorg, utveckling och lärande"),
    ]
    return rows.enumerated().map { i, row in
      Goal(
        id: row.0, title: row.1, level: .national,
        provenance: Provenance(file: "nationella-mal.csv", line: i + 2))
    }
  }

  static func boardRecords() -> Dataset {
    let f = boardFile
    var d = Dataset()
    d.plans.append(Records.plan(board, .year(2026), .boardPlan, file: f))
    let council: [(String, String)] = [
      ("KF-1", "Alla barn och unga ges förutsättningar att lyckas i skolan"),
      ("KF-2", "Hofors kommun är en attraktiv arbetsgivare"),
      ("KF-3", "Hofors kommun har en ekonomi i balans"),
    ]
    for (i, c) in council.enumerated() {
      d.goals.append(
        Goal(
          id: c.0, title: c.1, level: .council, ownerUnitID: "hofors", period: .year(2026),
          provenance: Records.at(f, "KF-mål", row: i + 2, ["id": "A", "title": "B"])))
    }
    let boardGoals: [(String, String, [String])] = [
      ("NM-1", "Fler elever når kunskapskraven i alla ämnen", ["KF-1", "LGR22-2.2"]),
      ("NM-2", "Alla barn och elever känner sig trygga", ["KF-1", "LGR22-2.1", "LPFO18-2.1"]),
      ("NM-3", "Behöriga och legitimerade lärare", ["KF-2"]),
    ]
    for (i, g) in boardGoals.enumerated() {
      d.goals.append(
        Goal(
          id: g.0, title: g.1, level: .board, ownerUnitID: board, alignsTo: g.2,
          period: .year(2026),
          provenance: Records.at(
            f, "Nämndmål", row: i + 4, ["id": "A", "title": "B", "aligns_to": "C"])))
    }
    let kpis: [(String, String, String, String, Double)] = [
      (
        "NM-1", "N15419",
        "Elever i åk 9 som uppnått betygskriterierna i alla ämnen, kommunala skolor, andel (%)",
        "Minst 80 %", 80
      ),
      (
        "NM-1", "N15505", "Elever i åk. 9, meritvärde kommunala skolor, genomsnitt (17 ämnen)",
        "Minst 225", 225
      ),
      (
        "NM-3", "N15814",
        "Lärare (heltidstjänster) med lärarlegitimation och behörighet i grundskola åk 1-9, kommunala skolor, andel (%)",
        "Minst 75 %", 75
      ),
    ]
    for (i, k) in kpis.enumerated() {
      d.kpis.append(
        Records.kpi(k.1, k.2, goals: [k.0], unit: board, file: f, row: i + 4, direction: .higher))
      d.targets.append(
        Records.target(k.1, k.3, .atLeast, k.4, unit: board, file: f, row: i + 4))
    }
    return d
  }

  /// The Kolada extract for Hofors (municipality 2104), one value per line.
  static func koladaRecords() -> Dataset {
    var d = Dataset()
    d.plans.append(
      Plan(
        unitID: nil, period: .year(2025), kind: .statistics,
        provenance: Provenance(file: koladaFile, line: 1)))
    let rows: [(String, Int, Measurement.Gender, Double)] = [
      ("N15419", 2024, .total, 71.2), ("N15419", 2025, .total, 74.5),
      ("N15419", 2025, .female, 78.1), ("N15419", 2025, .male, 70.9),
      ("N15505", 2024, .total, 214.9), ("N15505", 2025, .total, 221.4),
      ("N15505", 2025, .female, 235.0), ("N15505", 2025, .male, 209.8),
      ("N15814", 2025, .total, 68.0), ("N15814", 2024, .female, 66.0),
      ("N15814", 2024, .total, 70.2), ("N15814", 2024, .male, 69.5),
    ]
    for (i, r) in rows.enumerated() {
      d.measurements.append(
        Measurement(
          kpiID: r.0, unitID: "2104", period: .year(r.1), gender: r.2, value: r.3,
          provenance: Records.line(koladaFile, i + 2)))
    }
    return d
  }

  static func petreskolan() -> Dataset {
    let u = "petreskolan"
    let f = file("Petreskolan")
    var d = Dataset()
    d.plans.append(Records.plan(u, period, .unitPlan, file: f))
    d.goals += [
      Records.unitGoal(
        "PE-1", "Fler elever når godkänt i engelska i åk 6", unit: u, aligns: ["NM-1"], file: f,
        row: 5),
      Records.unitGoal(
        "PE-2", "Tryggheten på rasterna ökar", unit: u, aligns: ["NM-9"], file: f, row: 6),
    ]
    d.assessments += [
      Records.assessment(
        "PE-1", unit: u, .partlyFulfilled,
        analysis: "Resultaten i engelska har ökat sedan förra läsåret men når inte målvärdet.",
        file: f, row: 5),
      Records.assessment("PE-2", unit: u, .notFulfilled, analysis: nil, file: f, row: 6),
    ]
    d.kpis += [
      Records.kpi(
        "N15482", "Elever i åk 6 med lägst betyget E i engelska, kommunala skolor, andel (%)",
        goals: ["PE-1"], unit: u, file: f, row: 5),
      Records.kpi(
        "PE-T1", "Elever som känner sig trygga på rasterna, andel (%)", goals: ["PE-2"],
        unit: u, file: f, row: 6),
      Records.kpi(
        "PE-N3", "Elever i åk 3 som klarat de nationella proven i svenska, andel (%)",
        goals: ["PE-1"], unit: u, file: f, row: 7),
    ]
    d.targets += [
      Records.target("N15482", "Minst 90 %", .atLeast, 90, unit: u, file: f, row: 5),
      Records.target("PE-T1", "Minst 95 %", .atLeast, 95, unit: u, file: f, row: 6),
    ]
    d.measurements += [
      Records.outcome("N15482", 85.0, period: .year(2024), unit: u, file: f, row: 5, column: "E"),
      Records.outcome("N15482", 88.3, period: .year(2025), unit: u, file: f, row: 5, column: "F"),
      Records.outcome("PE-T1", 91.0, period: .year(2025), unit: u, file: f, row: 6, column: "F"),
      Records.outcome("PE-N3", 79.0, period: .year(2025), unit: u, file: f, row: 7, column: "F"),
    ]
    d.activities += [
      Records.activity(
        "A1", "Läsfrämjande insatser i engelska", goals: ["PE-1"], unit: u, owner: "Rektor",
        start: "2026-01-08", end: "2026-06-12", status: .ongoing, file: f, row: 5),
      Records.activity(
        "A2", "Rastvärdsschema med fler vuxna ute", goals: ["PE-2"], unit: u,
        owner: "Biträdande rektor", start: "2025-08-18", end: "2026-02-28", status: .ongoing,
        file: f, row: 6),
      Records.activity(
        "A3", "Trygghetsvandring med elevrådet", goals: ["PE-2"], unit: u, owner: "Kurator",
        start: "2026-03-01", end: "2026-02-01", status: .notStarted, file: f, row: 7),
    ]
    return d
  }

  static func robertsholm() -> Dataset {
    let u = "robertsholm"
    let f = file("Robertsholmsskolan")
    var d = Dataset()
    d.plans.append(Records.plan(u, period, .unitPlan, file: f))
    d.goals += [
      Records.unitGoal(
        "RO-1", "Fler elever i åk 9 är behöriga till gymnasiet", unit: u,
        aligns: ["NM-1", "LGR22-2.2"], file: f, row: 5),
      Records.unitGoal(
        "RO-2", "Studiero i alla klassrum", unit: u, aligns: ["NM-2"], file: f, row: 6),
    ]
    d.assessments += [
      Records.assessment(
        "RO-1", unit: u, .partlyFulfilled,
        analysis: "Behörigheten ökade, men fler elever behöver stöd i matematik.", file: f, row: 5),
      Records.assessment("RO-2", unit: u, .fulfilled, analysis: nil, file: f, row: 6),
    ]
    d.kpis += [
      Records.kpi(
        "N15436", "Elever i åk 9 som är behöriga till yrkesprogram, kommunala skolor, andel (%)",
        goals: ["RO-1"], unit: u, file: f, row: 5, direction: .higher),
      Records.kpi(
        "N15505", "Elever i åk. 9, meritvärde kommunala skolor, genomsnitt (17 ämnen)",
        goals: ["RO-1"], unit: u, file: f, row: 6, direction: .higher),
      Records.kpi(
        "RO-T1", "Elever som upplever studiero på lektionerna, andel (%)", goals: ["RO-2"],
        unit: u, file: f, row: 7),
    ]
    d.targets += [
      Records.target("N15436", "Minst 85 %", .atLeast, 85, unit: u, file: f, row: 5),
      Records.target("N15505", "Minst 220", .atLeast, 220, unit: u, file: f, row: 6),
      Records.target("RO-T1", "Minst 80 %", .atLeast, 80, unit: u, file: f, row: 7),
    ]
    d.measurements += [
      Records.outcome("N15436", 79.4, period: .year(2024), unit: u, file: f, row: 5, column: "E"),
      Records.outcome("N15436", 812, period: .year(2025), unit: u, file: f, row: 5, column: "F"),
      Records.outcome("N15505", 212.5, period: .year(2024), unit: u, file: f, row: 6, column: "E"),
      Records.outcome("N15505", 218.0, period: .year(2025), unit: u, file: f, row: 6, column: "F"),
      Records.outcome("RO-T1", 76.0, period: .year(2025), unit: u, file: f, row: 7, column: "F"),
    ]
    d.activities += [
      Records.activity(
        "A1", "Studiestöd efter skoltid", goals: ["RO-1"], unit: u, owner: "Rektor",
        start: "2026-01-12", end: "2026-05-29", status: .ongoing, file: f, row: 5),
      Records.activity(
        "A2", "Gemensamma ordningsregler i alla klasser", goals: ["RO-2"], unit: u,
        owner: "Arbetslagsledare", start: "2025-08-18", end: "2025-12-19", status: .done,
        file: f, row: 6),
    ]
    return d
  }

  static func lillaskolan() -> Dataset {
    let u = "lillaskolan"
    let f = file("Lillåskolan")
    var d = Dataset()
    d.plans.append(Records.plan(u, period, .unitPlan, file: f))
    d.goals += [
      Records.unitGoal(
        "LI-1", "Alla elever läser med flyt i åk 3", unit: u, aligns: ["NM-1", "LGR22-2.2"],
        file: f, row: 5),
      Records.unitGoal(
        "LI-2", "Eleverna känner sig trygga", unit: u, aligns: ["NM-2"], file: f, row: 6),
    ]
    d.kpis += [
      Records.kpi(
        "N15482", "Elever i åk 6 med lägst betyget E i engelska, kommunala skolor, andel (%)",
        goals: ["LI-1"], unit: u, file: f, row: 5),
      Records.kpi(
        "LI-T1", "Elever som känner sig trygga i skolan, andel (%)", goals: ["LI-2"], unit: u,
        file: f, row: 6),
    ]
    d.targets += [
      Records.target("N15482", "Minst 85 %", .atLeast, 85, unit: u, file: f, row: 5),
      Records.target("LI-T1", "Minst 90 %", .atLeast, 90, unit: u, file: f, row: 6),
    ]
    d.measurements += [
      Records.outcome("N15482", 82.0, period: .year(2025), unit: u, file: f, row: 5, column: "F"),
      Records.outcome("LI-T1", 93.0, period: .year(2025), unit: u, file: f, row: 6, column: "F"),
    ]
    d.activities += [
      Records.activity(
        "A1", "Lästräning varje morgon", goals: ["LI-1"], unit: u, owner: "Lärare åk 1–3",
        start: "2025-08-18", end: "2026-06-12", status: .ongoing, file: f, row: 5),
      Records.activity(
        "A2", "Trygghetsenkät och uppföljning i klassråd", goals: ["LI-2"], unit: u,
        owner: "Rektor", start: "2026-02-02", end: "2026-03-27", status: .done, file: f, row: 6),
    ]
    return d
  }

  static func torsaker() -> Dataset {
    let u = "torsaker"
    let f = file("Torsåkers skola")
    var d = Dataset()
    d.plans.append(Records.plan(u, period, .unitPlan, file: f))
    d.goals += [
      Records.unitGoal(
        "TO-1", "Fler elever når godkänt i matematik", unit: u, aligns: ["NM-1"], file: f, row: 5),
      Records.unitGoal(
        "TO-2", "Fler elever läser på fritiden", unit: u, aligns: [], prioritised: false, file: f,
        row: 6),
    ]
    d.kpis.append(
      Records.kpi(
        "N15482", "Elever i åk 6 med lägst betyget E i engelska, kommunala skolor, andel (%)",
        goals: ["TO-1"], unit: u, file: f, row: 5))
    d.targets.append(Records.target("N15482", "Minst 80 %", .atLeast, 80, unit: u, file: f, row: 5))
    d.measurements.append(
      Records.outcome("N15482", 76.5, period: .year(2025), unit: u, file: f, row: 5, column: "F"))
    d.activities += [
      Records.activity(
        "A1", "Matematiklyftet i åk 4–6", goals: ["TO-1"], unit: u, owner: "Förstelärare",
        start: "2026-02-01", end: "2026-05-31", status: .ongoing, file: f, row: 5),
      Records.activity(
        "A2", "Fortbildning i digitala verktyg", goals: [], unit: u, owner: "Rektor",
        start: "2026-01-15", end: "2026-12-18", status: .ongoing, file: f, row: 6),
    ]
    return d
  }

  static func foNorr() -> Dataset {
    let u = "fo-norr"
    let f = file("Förskoleområde Norr")
    var d = Dataset()
    d.plans.append(Records.plan(u, period, .unitPlan, file: f))
    d.goals += [
      Records.unitGoal(
        "FN-1", "Barnen utvecklar sitt språk", unit: u, aligns: ["LPFO18-2.2"], file: f, row: 5),
      Records.unitGoal(
        "FN-2", "Alla barn känner sig trygga", unit: u, aligns: ["NM-2", "LPFO18-2.1"], file: f,
        row: 6),
    ]
    d.kpis.append(
      Records.kpi(
        "FN-T1", "Vårdnadshavare som är nöjda med verksamheten, andel (%)", goals: ["FN-1"],
        unit: u, file: f, row: 5))
    d.targets.append(Records.target("FN-T1", "Minst 90 %", .atLeast, 90, unit: u, file: f, row: 5))
    d.measurements.append(
      Records.outcome("FN-T1", 88.0, period: .year(2025), unit: u, file: f, row: 5, column: "F"))
    d.activities.append(
      Records.activity(
        "A1", "Språkpromenader i närmiljön", goals: ["FN-1"], unit: u, owner: "Förskollärare",
        start: "2026-01-15", end: "2026-06-15", status: .ongoing, file: f, row: 5))
    return d
  }

  static func foSoder() -> Dataset {
    let u = "fo-soder"
    let f = file("Förskoleområde Söder")
    var d = Dataset()
    d.plans.append(Records.plan(u, period, .unitPlan, file: f))
    d.goals.append(
      Records.unitGoal(
        "FS-1", "Alla barn känner sig trygga och sedda", unit: u, aligns: ["NM-2", "LPFO18-2.1"],
        file: f, row: 5))
    d.kpis.append(
      Records.kpi(
        "FS-T1", "Barn som känner sig trygga enligt vårdnadshavare, andel (%)", goals: ["FS-1"],
        unit: u, file: f, row: 5))
    d.targets.append(Records.target("FS-T1", "Minst 95 %", .atLeast, 95, unit: u, file: f, row: 5))
    d.measurements.append(
      Records.outcome("FS-T1", 96.0, period: .year(2025), unit: u, file: f, row: 5, column: "F"))
    d.activities.append(
      Records.activity(
        "A1", "Inskolning med föräldraaktiv modell", goals: ["FS-1"], unit: u,
        owner: "Förskolechef", start: "2026-01-07", end: "2026-03-20", status: .done, file: f,
        row: 5))
    return d
  }

  /// Everything received for kvartal 1 2026, merged in the order the files were read.
  static func dataset() -> Dataset {
    var d = Dataset(units: units, goals: nationalGoals())
    for part in [
      boardRecords(), koladaRecords(), petreskolan(), robertsholm(), lillaskolan(), torsaker(),
      foNorr(), foSoder(),
    ] {
      d.append(contentsOf: part)
    }
    return d
  }
}
