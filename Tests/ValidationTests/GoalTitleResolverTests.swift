import Canonical
import Testing

@testable import Validation

/// Goals known by title across files, and national goals by heading or number (#14 item 2).
@Suite struct GoalTitleResolverTests {
  static let goals = [
    Goal(id: "NM-1", title: "Alla elever ska nå kunskapsmålen – i alla ämnen", level: .board),
    Goal(id: "NM-2", title: "Trygg och studiero", level: .board),
    Goal(id: "LGR22-2.2", title: "Kunskaper", level: .national),
    Goal(id: "LGR22-2.7", title: "Bedömning och betyg", level: .national),
    Goal(id: "LPFO18-2.2", title: "Omsorg, utveckling och lärande", level: .national),
  ]

  @Test(arguments: [
    ("alla elever ska nå  kunskapsmålen - i alla ämnen.", "NM-1"),
    ("Trygg och studiero", "NM-2"), ("2.2 Kunskaper", "LGR22-2.2"), ("Lgr22 2.2", "LGR22-2.2"),
    ("Lgr 22 kap. 2.7", "LGR22-2.7"), ("Lpfö18 2.2", "LPFO18-2.2"), ("NM-1", "NM-1"),
    ("2.2", "2.2"), ("Trygghet och studiero", "Trygghet och studiero"),
  ])
  func referencesByTitleBecomeIDs(written: String, resolved: String) {
    var dataset = Dataset()
    dataset.goals = Self.goals
    dataset.kpis = [KPI(id: "K1", name: "Trygghet", goalIDs: [written], unitID: "skola")]
    let out = GoalTitleResolver.resolvingTitles(in: dataset)
    #expect(out.kpis.first?.goalIDs == [resolved])
  }

  @Test func anUnknownTitleIsReportedWithADidYouMean() {
    var dataset = Dataset()
    dataset.units = [
      OrgUnit(id: "bun", name: "BUN", kind: .board),
      OrgUnit(id: "skola", name: "Skolan", kind: .school, parentID: "bun"),
    ]
    dataset.goals =
      Self.goals + [
        Goal(
          id: "S-1", title: "Läsa mer", level: .unit, ownerUnitID: "skola",
          alignsTo: ["Trygghet och studiero", "2.2 Kunskaper"])
      ]
    let report = Validator(boardID: "bun", period: .year(2026)).validate(dataset)
    let unresolved = report.diagnostics.filter { $0.code == "unresolved-reference" }
    #expect(unresolved.map(\.value) == ["Trygghet och studiero"])
    #expect(unresolved.first?.hint?.contains("NM-2") == true)
  }
}
