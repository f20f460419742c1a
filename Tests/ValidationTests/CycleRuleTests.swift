import Canonical
import Testing

@testable import Validation

@Suite struct CycleRuleTests {
  @Test func aCycleBetweenUnitGoalsIsReportedOnce() {
    var d = Mini.dataset()
    d.goals += [
      Records.unitGoal("E1", "Ett", unit: "s1", aligns: ["NM-1", "E2"], file: Mini.f1, row: 5),
      Records.unitGoal("E2", "Två", unit: "s1", aligns: ["E3"], file: Mini.f1, row: 6),
      Records.unitGoal("E3", "Tre", unit: "s1", aligns: ["E1"], file: Mini.f1, row: 7),
    ]
    let report = Mini.run(d, CycleRule())
    #expect(report.pairs == pairs(("'Mål'!C5", "goal-cycle")))
    #expect(report.diagnostics.first?.message == "goals form a cycle: E1 → E2 → E3 → E1")
  }

  @Test func aGoalThatIsItsOwnParent() {
    var d = Mini.dataset()
    d.goals.append(
      Records.unitGoal(
        "E1", "Ett", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 5, parent: "E1"))
    #expect(Mini.run(d, CycleRule()).diagnostics.map(\.message) == ["goals form a cycle: E1 → E1"])
  }

  @Test func aTreeHasNoCycle() {
    var d = Mini.dataset()
    d.goals += [
      Records.unitGoal("E1", "Ett", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 5),
      Records.unitGoal(
        "E2", "Två", unit: "s1", aligns: ["NM-1"], file: Mini.f1, row: 6, parent: "E1"),
    ]
    #expect(Mini.run(d, CycleRule()).pairs == [])
  }

  @Test(arguments: [
    ([[1], [2], [0]], 1), ([[1], [], [0]], 3), ([[0]], 1), ([[], []], 2),
    ([[1], [0], [3], [2]], 2),
  ])
  func tarjanFindsComponents(edges: [[Int]], count: Int) {
    #expect(CycleRule.stronglyConnectedComponents(edges).count == count)
  }

  @Test func tarjanHandlesDeepChainsWithoutRecursion() {
    let n = 100_000
    var edges = (0..<n).map { [$0 + 1] }
    edges[n - 1] = [0]
    #expect(CycleRule.stronglyConnectedComponents(edges).map(\.count) == [n])
  }
}
