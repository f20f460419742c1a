import Canonical
import Spreadsheet
import TestSupport
import Testing
import Validation

/// Every code of the validator has a Swedish message and hint, rendered from the arguments the
/// diagnostic carries; the English of the command line is unchanged.
@Suite struct SwedishMessagesTests {
  @Test func everyCodeHasASwedishTitleMessageAndHint() {
    for code in DiagnosticCode.codes(in: .redThread) {
      #expect(code.swedishTitle != code.title, "\(code.id)")
      #expect(code.swedishTemplate != code.template, "\(code.id)")
      #expect(code.hintTemplate != nil, "\(code.id) has no hint")
      #expect(code.swedishHintTemplate != nil, "\(code.id) has no Swedish hint")
    }
  }

  /// The Swedish templates need no argument the English ones do not: the rules fill the
  /// English ones, so the Swedish can never lack a value.
  @Test func swedishTemplatesUseTheEnglishArguments() {
    for code in DiagnosticCode.codes(in: .redThread) {
      let english = Set(
        [code.template, code.hintTemplate ?? ""].flatMap(DiagnosticTemplate.argumentNames(in:)))
      let swedish = Set(
        [code.swedishTemplate, code.swedishHintTemplate ?? ""].flatMap(
          DiagnosticTemplate.argumentNames(in:)))
      #expect(swedish.isSubset(of: english), "\(code.id): \(swedish.subtracting(english))")
    }
  }

  /// Every `{table:argument}` names a table the language has.
  @Test func everyNamedTableExists() {
    let pairs: [(DiagnosticLanguage, [String])] = [
      (
        .english,
        DiagnosticCode.codes(in: .redThread).flatMap { [$0.template, $0.hintTemplate ?? ""] }
      ),
      (
        .swedish,
        DiagnosticCode.codes(in: .redThread).flatMap {
          [$0.swedishTemplate, $0.swedishHintTemplate ?? ""]
        }
      ),
    ]
    for (language, templates) in pairs {
      for template in templates {
        for lookup in DiagnosticTemplate.lookups(in: template) where lookup.table != lookup.argument
        {
          #expect(language.words[lookup.table] != nil, "\(language.id): \(lookup.table)")
        }
      }
    }
  }

  /// The keys the rules write into the tables have a word in both languages.
  @Test func theTablesKnowEveryKeyTheRulesWrite() {
    let levels = Goal.Level.allCases.map(\.swedishLabel)
    let sv = DiagnosticLanguage.swedish.words
    let en = DiagnosticLanguage.english.words
    for table in ["level", "referrer", "unitOwner", "idKind", "idKindOne"] {
      for key in levels { #expect(sv[table]?[key] != nil, "sv \(table): \(key)") }
    }
    for key in ["nyckeltal", "activity", "assessment", "målvärde"] {
      #expect(sv["referrer"]?[key] != nil, "sv referrer: \(key)")
      #expect(sv["unitOwner"]?[key] != nil, "sv unitOwner: \(key)")
    }
    #expect(sv["unitOwner"]?["file"] != nil)
    for key in ["nyckeltal", "activity"] {
      #expect(sv["idKind"]?[key] != nil && sv["idKindOne"]?[key] != nil, "\(key)")
    }
    for kind in MeasureKind.allCases {
      #expect(sv["plausible"]?[kind.rawValue] != nil, "sv plausible: \(kind)")
      #expect(en["measure"]?[kind.rawValue] == kind.noun, "en measure: \(kind)")
      #expect(en["range"]?[kind.rawValue] == kind.rangeText, "en range: \(kind)")
    }
    for table in ["link", "relation", "upwardHint", "candidates", "deliveryHint"] {
      #expect(Set((en[table] ?? [:]).keys) == Set((sv[table] ?? [:]).keys), "\(table)")
    }
    #expect(Set((sv["direction"] ?? [:]).keys) == ["higher", "lower", "neutral"])
  }

  /// Swedish messages and hints are whole sentences: a capital first, a full stop or a
  /// question mark last, no placeholder left.
  @Test func swedishTextsAreSentences() {
    for code in DiagnosticCode.codes(in: .redThread) {
      var arguments: [String: String] = [:]
      for name in code.argumentNames { arguments[name] = "x" }
      let templates = [code.swedishTemplate, code.swedishHintTemplate ?? ""]
      for lookup in templates.flatMap(DiagnosticTemplate.lookups(in:)) {
        if let key = DiagnosticLanguage.swedish.words[lookup.table]?.keys.sorted().first {
          arguments[lookup.argument] = key
        }
      }
      for text in [code.message(arguments, in: .swedish), code.hint(arguments, in: .swedish)] {
        guard let text else { continue }
        #expect(text.first?.isUppercase == true, "\(code.id): \(text)")
        #expect(text.hasSuffix(".") || text.hasSuffix("?"), "\(code.id): \(text)")
        #expect(!text.contains("{") && !text.contains("["), "\(code.id): \(text)")
      }
    }
  }

  @Test func aDiagnosticCarriesItsArgumentsAndRendersInSwedish() throws {
    let report = Validator(boardID: Hofors.board, period: Hofors.period, options: Hofors.options)
      .validate(Hofors.dataset())
    let missing = try #require(report.diagnostics(code: "missing-target").first)
    #expect(
      missing.message
        == "nyckeltal 'PE-N3' (Elever i åk 3 som klarat de nationella proven i svenska, andel (%)) has no målvärde for kvartal 1 2026"
    )
    #expect(
      missing.swedishMessage
        == "Nyckeltalet PE-N3 (Elever i åk 3 som klarat de nationella proven i svenska, andel (%)) saknar målvärde för kvartal 1 2026."
    )
    #expect(
      missing.swedishHint
        == "Skriv ett målvärde, t.ex. 'Minst 80 %', för kvartal 1 2026 eller för året.")
    #expect(missing.arguments?["kpi"] == "PE-N3")
    let total = try #require(report.diagnostics(code: "total-outside-gender-range").first)
    #expect(total.swedishMessage?.contains("(T) 70,2") == true)
  }

  @Test func diagnosticsOfOtherModulesHaveNoSwedish() {
    let mapping = Diagnostic(
      code: "type-error", severity: .error, location: nil, message: "'n/a' is not a number")
    #expect(mapping.swedishMessage == nil && mapping.swedishHint == nil)
    var withoutArguments = DiagnosticCode.missingTarget.diagnostic(at: nil, ["kpi": "K1"])
    withoutArguments.arguments = nil
    #expect(withoutArguments.swedishMessage == nil)
  }

  /// Both languages of every code, from real rule runs: the Hofors quarter and one small
  /// case per code it does not show. This file is the reviewed Swedish.
  @Test func everyCodeInBothLanguagesMatchesTheGoldenFile() throws {
    let found = EveryCode.diagnostics()
    #expect(Set(found.map(\.code)) == Set(DiagnosticCode.codes(in: .redThread).map(\.id)))
    var text = ""
    for code in DiagnosticCode.codes(in: .redThread) {
      for d in found where d.code == code.id {
        text += "## \(code.id) (\(code.swedishTitle))\n"
        text += "en: \(d.message)\n"
        if let hint = d.hint { text += "    hint: \(hint)\n" }
        text += "sv: \(d.swedishMessage ?? "-")\n"
        if let hint = d.swedishHint { text += "    åtgärd: \(hint)\n" }
        text += "\n"
      }
    }
    try Golden.check(text, suite: "SwedishMessagesTests", name: "every-code.txt")
  }

  /// docs/validation.md shows each code in both languages, as the rules write them.
  @Test func theDocsShowEveryCodeInBothLanguages() throws {
    let text = try String(contentsOf: Fixture.repo("docs/validation.md"), encoding: .utf8)
    for d in EveryCode.diagnostics() {
      for line in [d.message, d.hint, d.swedishMessage, d.swedishHint].compactMap({ $0 }) {
        #expect(text.contains(line.replacing("|", with: "\\|")), "docs/validation.md: \(line)")
      }
    }
  }

  @Test(arguments: [
    ("{kpi}", ["kpi": "N1"], "N1"),
    ("{kpi|q}", ["kpi": "N1"], "'N1'"),
    ("{ids|q|or}", ["ids": DiagnosticTemplate.list(["A", "B", "C"])], "'A', 'B' eller 'C'"),
    ("{ids}", ["ids": DiagnosticTemplate.list(["A", "B"])], "A, B"),
    ("{v|num} %", ["v": "70.2"], "70,2 %"),
    ("mål {x}[ och {y}]", ["x": "1"], "Mål 1"),
    ("mål {x}[ och {y}]", ["x": "1", "y": ""], "Mål 1"),
    ("mål {x}[ och {y}]", ["x": "1", "y": "2"], "Mål 1 och 2"),
    ("{level}", ["level": "enhetsmål"], "Enhetsmålet"),
    ("{level|raw}", ["level": "enhetsmål"], "Enhetsmål"),
    ("{level:other} {other}", ["other": "KF-mål"], "KF-målet KF-mål"),
    ("{owner} saknas", [:], "{owner} saknas"),
    ("[a] {b} [c", ["b": "x"], "A x [c"),
  ])
  func theTemplateLanguage(template: String, arguments: [String: String], text: String) {
    #expect(DiagnosticTemplate.render(template, arguments, in: .swedish) == text)
  }
}

/// Real diagnostics for every code: the Hofors quarter, and a small case per code that it
/// does not show.
enum EveryCode {
  static func diagnostics() -> [Diagnostic] {
    var out = Validator(boardID: Hofors.board, period: Hofors.period, options: Hofors.options)
      .validate(Hofors.dataset()).diagnostics
    func add(_ report: ValidationReport, _ code: DiagnosticCode) {
      out += report.diagnostics(code: code.id)
    }
    add(Validator(boardID: "bun", period: Mini.period).validate(Mini.dataset()), .unknownBoard)

    var d = Mini.dataset()
    d.units.append(OrgUnit(id: "ks", name: "Kommunstyrelsen", kind: .board, parentID: "m"))
    d.units.append(OrgUnit(id: "musik", name: "Musikskolan", kind: .school, parentID: "ks"))
    d.plans.append(
      Records.plan("musik", Mini.period, .unitPlan, file: "Arbetsplan Musikskolan.xlsx"))
    d.plans.append(Records.plan("s1", Mini.period, .unitPlan, file: "Arbetsplan S1 rättad.xlsx"))
    add(Mini.validate(d), .unitOutsideBoard)
    add(Mini.validate(d), .duplicateDelivery)

    d = Mini.dataset()
    d.goals[3].alignsTo = ["LGR22-2.2"]
    d.goals.append(
      Records.unitGoal("E1", "Läsning", unit: "s1", aligns: ["NM-1", "E2"], file: Mini.f1, row: 5))
    d.goals.append(
      Records.unitGoal("E2", "Trygghet", unit: "s1", aligns: ["NM-2"], file: Mini.f1, row: 6))
    d.goals[1].alignsTo = ["NM-1"]
    add(Mini.run(d, AlignmentRule()), .boardGoalNotTraced)
    add(Mini.run(d, AlignmentRule()), .alignmentNotUpward)

    d = Mini.dataset()
    d.plans.append(Records.plan("Etan", Mini.period, .unitPlan, file: "Arbetsplan Etan.xlsx"))
    d.goals.append(
      Records.unitGoal(
        "X1", "Mål", unit: "Etan", aligns: ["NM-1"], file: "Arbetsplan Etan.xlsx", row: 5))
    d.kpis.append(Records.kpi("K1", "Läsning", goals: [], unit: "s1", file: Mini.f1, row: 5))
    d.targets.append(
      Records.target("K9", "Minst 90 %", .atLeast, 90, unit: "s1", file: Mini.f1, row: 6))
    add(Mini.run(d, ReferenceRule()), .unresolvedUnit)
    add(Mini.run(d, OrphanRule()), .orphanKPI)

    d = Mini.dataset()
    d.goals += [
      Records.unitGoal("E1", "Ett", unit: "s1", aligns: ["NM-1", "E2"], file: Mini.f1, row: 5),
      Records.unitGoal("E2", "Två", unit: "s1", aligns: ["E3"], file: Mini.f1, row: 6),
      Records.unitGoal("E3", "Tre", unit: "s1", aligns: ["E1"], file: Mini.f1, row: 7),
    ]
    add(Mini.run(d, CycleRule()), .goalCycle)

    d = Mini.dataset()
    d.kpis.append(
      Records.kpi(
        "N15482", "Engelska åk 6, andel (%)", goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 5,
        direction: .higher))
    d.targets.append(
      Records.target("N15482", "Högst 90 %", .atMost, 90, unit: "s1", file: Mini.f1, row: 5))
    d.activities.append(
      Records.activity(
        "A1", "Läsfrämjande insatser", goals: ["NM-1"], unit: "s1", owner: "Rektor",
        start: "2026-05-01", end: "2026-06-30", status: .ongoing, file: Mini.f1, row: 5))
    add(Mini.run(d, TargetRule()), .targetDirectionConflict)
    add(Mini.run(d, ActivityRule()), .activityStatusInconsistent)

    d = Mini.dataset()
    d.kpis += [
      Records.kpi(
        "N15505", "Meritvärde åk 9", goals: ["NM-1"], unit: "b", file: "BUN.xlsx", row: 4,
        direction: .higher),
      Records.kpi(
        "N15505", "Meritvärde åk 9", goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 5),
      Records.kpi(
        "N00905", "Kostnad per elev", goals: ["NM-1"], unit: "s1", file: Mini.f1, row: 6,
        unitOfMeasure: "kr"),
    ]
    d.targets += [
      Records.target("N15505", "Minst 230", .atLeast, 230, unit: "b", file: "BUN.xlsx", row: 4),
      Records.target("N15505", "Högst 230", .atMost, 230, unit: "s1", file: Mini.f1, row: 5),
      Records.target("N00905", "Högst 5 %", .atMost, 5, unit: "s1", file: Mini.f1, row: 6),
    ]
    add(Mini.run(d, TargetConsistencyRule()), .targetUnitMismatch)
    add(Mini.run(d, TargetConsistencyRule()), .targetAgainstBoard)

    d = Mini.dataset()
    d.goals += [
      Records.unitGoal("E1", "Läsning", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 5),
      Records.unitGoal("E1", "Trygghet", unit: "s1", aligns: ["NM-2"], file: Mini.f1, row: 6),
      Records.unitGoal(
        "E3", "Fler  elever LÄSER", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 7),
      Records.unitGoal(
        "E4", "Fler elever läser", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 8),
    ]
    add(Mini.run(d, IdentityRule()), .duplicateID)
    add(Mini.run(d, IdentityRule()), .duplicateGoal)
    return out
  }
}
