import Canonical
import Reporting
import Testing

@Suite struct RedThreadPathTests {
  let paths: [RedThreadPath]

  init() throws { paths = try HoforsFixture.report().paths }

  func text(_ p: RedThreadPath) -> String {
    let leaf: String
    switch p.leaf {
    case .kpi(let id, _, let status)?: leaf = "\(id):\(status.rawValue)"
    case .activity(let id, _, _, let delayed)?: leaf = "\(id)\(delayed ? ":delayed" : "")"
    case nil: leaf = "-"
    }
    return [
      p.national.isEmpty ? "-" : p.national.map(\.id).joined(separator: "+"), p.council?.id ?? "-",
      p.board?.id ?? "-",
      p.unitID ?? "-", p.unitGoal?.id ?? "-", leaf,
    ].joined(separator: " ")
  }

  @Test func onePathPerLeafFromKFMålDown() {
    let lines = paths.map(text)
    #expect(lines.first == "LGR22-2.2 KF-1 NM-1 hofors-bun - N15419:notMet")
    #expect(lines.contains("LGR22-2.2 KF-1 NM-1 petreskolan PE-1 N15482:notMet"))
    #expect(lines.contains("LGR22-2.2 KF-1 NM-1 petreskolan PE-1 A1"))
    #expect(
      lines.contains("LGR22-2.1+LPFO18-2.1 KF-1 NM-2 fo-soder FS-1 FS-T1:met"))
    #expect(lines.contains("- KF-2 NM-3 hofors-bun - N15814:notMet"))
  }

  @Test func brokenThreadsShowAsGaps() {
    let lines = paths.map(text)
    #expect(lines.contains("- KF-3 - - - -"))
    #expect(lines.contains("- - - petreskolan PE-2 PE-T1:notMet"))
    #expect(lines.contains("- - - petreskolan PE-2 A2:delayed"))
    #expect(lines.contains("- - - torsaker TO-2 -"))
    #expect(lines.contains("- - - torsaker - A2"))
    #expect(lines.contains("LPFO18-2.2 - - fo-norr FN-1 FN-T1:notMet"))
    let broken = paths.filter(\.isBroken).map(text)
    #expect(
      broken == [
        "LGR22-2.1+LPFO18-2.1 KF-1 NM-2 fo-norr FN-2 -", "- KF-3 - - - -",
        "- - - petreskolan PE-2 PE-T1:notMet",
        "- - - petreskolan PE-2 A2:delayed", "- - - petreskolan PE-2 A3", "- - - torsaker TO-2 -",
        "- - - torsaker - A2",
      ])
  }

  @Test func everyNyckeltalAndActivityIsOnAPath() throws {
    let report = try HoforsFixture.report()
    let kpiLeaves = paths.compactMap { p -> String? in
      if case .kpi(let id, _, _)? = p.leaf { return "\(p.unitID ?? "") \(id)" }
      return nil
    }
    for row in report.kpis {
      #expect(kpiLeaves.contains("\(row.unitID ?? "") \(row.kpiID)"), "\(row.kpiID)")
    }
    let activityLeaves = paths.filter {
      if case .activity? = $0.leaf { return true }
      return false
    }
    #expect(activityLeaves.count >= report.activities.count)
  }
}
