import Canonical
import Testing
import Validation

@Suite struct AlignmentRuleTests {
  func goal(
    _ id: String, aligns: [String], unit: String = "s1", row: Int = 5, parent: String? = nil,
    file: String = Mini.f1
  ) -> Goal {
    Records.unitGoal(
      id, "Mål \(id)", unit: unit, aligns: aligns, file: file, row: row, parent: parent)
  }

  @Test func alignedUnitGoalsPass() {
    var d = Mini.dataset()
    d.goals += [goal("E1", aligns: ["NM-1"]), goal("E2", aligns: ["LGR22-2.2"], row: 6)]
    #expect(Mini.run(d, AlignmentRule()).pairs == [])
  }

  @Test func unitGoalWithoutAlignmentIsReportedAtItsAlignsToCell() {
    var d = Mini.dataset()
    d.goals.append(goal("E1", aligns: []))
    let report = Mini.run(d, AlignmentRule())
    #expect(report.pairs == pairs(("'Mål'!C5", "unit-goal-not-aligned")))
    #expect(report.diagnostics.first?.severity == .error)
  }

  @Test func unitGoalAlignedOnlyToACouncilGoalSkipsALevel() {
    var d = Mini.dataset()
    d.goals.append(goal("E1", aligns: ["KF-1"]))
    let report = Mini.run(d, AlignmentRule())
    #expect(report.pairs == pairs(("'Mål'!C5", "unit-goal-not-aligned")))
    #expect(report.diagnostics.first?.message.contains("aligns only to KF-mål 'KF-1'") == true)
  }

  @Test func unresolvedAlignmentSuggestsTheClosestGoal() {
    var d = Mini.dataset()
    d.goals.append(goal("E1", aligns: ["NM1"]))
    let report = Mini.run(d, AlignmentRule())
    #expect(report.pairs == pairs(("'Mål'!C5", "unresolved-reference")))
    #expect(report.diagnostics.first?.value == "NM1")
    #expect(
      report.diagnostics.first?.hint == "did you mean 'NM-1' (Fler elever når kunskapskraven)?")
  }

  @Test func aTitleWrittenInsteadOfAnIDResolvesToTheGoal() {
    var d = Mini.dataset()
    d.goals.append(goal("E1", aligns: ["Alla elever  känner sig trygga."]))
    #expect(Mini.run(d, AlignmentRule()).diagnostics.isEmpty)
    d.goals[d.goals.count - 1].alignsTo = ["Alla elever känner sig otrygga"]
    #expect(
      Mini.run(d, AlignmentRule()).diagnostics.first?.hint
        == "did you mean 'NM-2' (Alla elever känner sig trygga)?")
  }

  @Test func sidewaysAndDownwardLinksAreNotUpward() {
    var d = Mini.dataset()
    d.goals += [
      goal("E1", aligns: ["NM-1", "E2"]),
      goal("E2", aligns: ["NM-2"], row: 6),
    ]
    d.goals[1].alignsTo = ["NM-1"]  // KF-1 (council) → NM-1 (board): downward
    let report = Mini.run(d, AlignmentRule())
    #expect(
      report.pairs
        == pairs(("'Mål'!C5", "alignment-not-upward"), ("'KF-mål'!A2", "alignment-not-upward")))
    #expect(report.diagnostics.map(\.value) == ["E2", "NM-1"])
    #expect(
      report.diagnostics.map(\.message) == [
        "enhetsmål 'E1' aligns to enhetsmål 'E2', which is at the same level as it",
        "KF-mål 'KF-1' aligns to nämndmål 'NM-1', which is below it",
      ])
  }

  @Test func aSubGoalInheritsItsParentsThread() {
    var d = Mini.dataset()
    d.goals += [
      goal("E1", aligns: ["NM-1"]),
      goal("E1.1", aligns: [], row: 6, parent: "E1"),
    ]
    #expect(Mini.run(d, AlignmentRule()).pairs == [])
  }

  @Test func aParentBelowTheGoalIsReported() {
    var d = Mini.dataset()
    d.goals.append(goal("E1", aligns: ["NM-1"]))
    d.goals[2].parentID = "E1"
    // NM-1 (board) cannot see unit goals: the parent does not resolve from the board.
    let report = Mini.run(d, AlignmentRule())
    #expect(report.pairs.map(\.code) == ["unresolved-reference"])
  }

  @Test func boardGoalMustTraceToACouncilGoal() {
    var d = Mini.dataset()
    d.goals[3].alignsTo = ["LGR22-2.2"]
    let report = Mini.run(d, AlignmentRule())
    #expect(report.pairs == pairs(("'Nämndmål'!C5", "board-goal-not-traced")))
    #expect(report.diagnostics.first?.hint == "align it to one of 'KF-1'")
  }

  @Test func goalsOfAnotherUnitAreNotVisible() {
    var d = Mini.dataset()
    d.goals += [
      goal("E1", aligns: ["NM-1"], unit: "s2", file: Mini.f2),
      goal("E2", aligns: ["E1"]),
    ]
    #expect(Mini.run(d, AlignmentRule()).pairs.map(\.code) == ["unresolved-reference"])
  }
}
