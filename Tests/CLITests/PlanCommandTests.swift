import Foundation
import TestSupport
import Testing

/// `redthread plan send` and `plan status`, and the sent workbooks in `redthread status`, on a
/// fresh copy of the sample municipality after its first run.
@Suite struct PlanCommandTests {
  @Test func sendThenStatusShowWhatWasSentAndWhatCameBack() throws {
    let root = try RunCommandGoldenTests.sampleWorkspace()
    let run = try Executable.run("redthread", ["run", "demo", "--quiet"], in: root)
    #expect(run.status == 0, "stderr: \(run.stderr)")

    let send = try Executable.run(
      "redthread",
      [
        "plan", "send", "demo", "--period", "2026-Q4", "--unit", "Petre skola", "--unit",
        "asens-skola", "--deadline", "2027-01-15",
      ], in: root)
    #expect(send.status == 0, "stderr: \(send.stderr)")
    #expect(
      send.stdout.contains(
        "sent       outbox/2026-Q4/Arbetsplan Petreskolan 2026-Q4.xlsx (4 goals, 4 nyckeltal"))
    #expect(
      send.stdout.contains(
        "note: 'Enhetens mål'!C9: NM-22 is in no list of the board's goals"))
    #expect(send.stdout.hasSuffix("2 workbooks for kvartal 4 2026, due 2027-01-15\n"))
    let outbox = root.appendingPathComponent("demo/outbox/2026-Q4")
    #expect(
      FileManager.default.fileExists(
        atPath: outbox.appendingPathComponent("Arbetsplan Åsens skola 2026-Q4.xlsx").path))
    #expect(FileManager.default.fileExists(atPath: outbox.appendingPathComponent("sent.json").path))

    let plan = try Executable.run(
      "redthread", ["plan", "status", "demo", "--period", "2026-Q4"], in: root)
    #expect(plan.status == 0, "stderr: \(plan.stderr)")
    #expect(plan.stdout.contains("Förskoleområde Norr     not sent; not returned"))
    #expect(plan.stdout.contains("0 of 7 units have returned their arbetsplan for kvartal 4 2026"))

    let status = try Executable.run(
      "redthread", ["status", "demo", "--period", "2026-Q4"], in: root)
    #expect(status.status == 0, "stderr: \(status.stderr)")
    #expect(status.stdout.contains("Arbetsplaner sent (plan send): 2"))
    #expect(status.stdout.contains("Petreskolan: sent "))
    #expect(status.stdout.contains(", due 2027-01-15; not returned"))

    let unknown = try Executable.run(
      "redthread", ["plan", "send", "demo", "--unit", "Åsn skola"], in: root)
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("no unit 'Åsn skola' in the unit register; did you mean"))
  }
}
