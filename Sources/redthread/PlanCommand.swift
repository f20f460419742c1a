import ArgumentParser
import Canonical
import Foundation
import Mapping
import Pipeline
import Spreadsheet

struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Send each unit an arbetsplan workbook made from the board's plan.",
    subcommands: [PlanSendCommand.self, PlanStatusCommand.self])
}

struct PlanSendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "send",
    abstract: "Write one arbetsplan workbook per unit into DIR/outbox/<period>/.",
    discussion: """
      For each unit under the board in DIR/redthread.yaml (schools, preschools and areas in \
      the unit register whose parent is the board), writes 'Arbetsplan <unit> <period>.xlsx': \
      the national goals, KF-mål and nämndmål in one view, the unit's goals, nyckeltal and \
      activities of the last period carried forward, drop-downs for every goal reference, \
      Kolada id and status, dates and percentages checked, the header locked. A returned \
      workbook is read by the shipped mapping arbetsplan-redthread.yaml, whatever its name. \
      What was sent is recorded in DIR/outbox/<period>/sent.json.

      Example:
        redthread plan send kvartal3 --period 2026-Q4 --unit petreskolan --unit "Åsens skola"
      """)

  @Argument(help: "The pipeline folder (made by 'redthread init').")
  var dir: String

  @Option(
    name: .customLong("unit"),
    help: "A unit to send to, by id or name; repeat for several. Default: every unit.")
  var units: [String] = []

  @Option(
    help: "The plan period, e.g. 2026-Q4. Default: the period after the one in redthread.yaml.")
  var period: String?

  @Option(
    help: "The last day to return the workbook (YYYY-MM-DD). Default: 14 days after the period.")
  var deadline: String?

  func run() throws {
    var due: CalendarDate?
    if let deadline {
      guard let parsed = CalendarDate(iso: deadline) else {
        throw ValidationError("'\(deadline)' is not a date; write YYYY-MM-DD")
      }
      due = parsed
    }
    let workspace = Workspace(root: URL(fileURLWithPath: dir))
    do {
      let config = try PipelineConfig.load(
        path: (dir as NSString).appendingPathComponent("redthread.yaml"))
      var target = PlanSender.next(after: config.period)
      if let period {
        guard let parsed = Period(parsing: period) else {
          throw ValidationError("'\(period)' is not a period; write e.g. 2026-Q4, 2027")
        }
        target = parsed
      }
      let converter = try MappingConverter.load(config: config)
      let sender = PlanSender(workspace: workspace, config: config, converter: converter)
      let candidates = sender.units()
      var ids: [String] = []
      for name in units {
        switch converter.referenceData.unitID(for: name) {
        case .found(let id) where candidates.contains(where: { $0.id == id }):
          ids.append(id)
        case .found(let id):
          throw ValidationError("'\(name)' (\(id)) is not a unit under the board '\(config.board)'")
        case .notFound(let suggestion):
          throw ValidationError(
            "no unit '\(name)' in the unit register"
              + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
        }
      }
      let sent = try sender.send(unitIDs: ids, period: target, deadline: due)
      for item in sent {
        let carried = item.carried
        print(
          "sent       \(item.file) (\(carried["goals"] ?? 0) goals, \(carried["kpis"] ?? 0) "
            + "nyckeltal, \(carried["activities"] ?? 0) activities carried forward)")
      }
      print(
        "\(sent.count) workbooks for \(target.swedishLabel), due \(sent.first?.deadline ?? "-")")
    } catch let error as any LocatedError {
      throw CLIFailure(error).report()
    }
  }
}

struct PlanStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show which units were sent an arbetsplan for a period, and which have returned it.",
    discussion: """
      One line per unit under the board: when its workbook was sent and its deadline (from \
      DIR/outbox/<period>/sent.json), and the returned file that counts for the period, with \
      the time it was taken from the inbox, or 'not returned'.

      Example:
        redthread plan status kvartal3 --period 2026-Q4
      """)

  @Argument(help: "The pipeline folder (made by 'redthread init').")
  var dir: String

  @Option(
    help: "The plan period, e.g. 2026-Q4. Default: the period after the one in redthread.yaml.")
  var period: String?

  func run() throws {
    let workspace = Workspace(root: URL(fileURLWithPath: dir))
    do {
      let config = try PipelineConfig.load(
        path: (dir as NSString).appendingPathComponent("redthread.yaml"))
      var target = PlanSender.next(after: config.period)
      if let period {
        guard let parsed = Period(parsing: period) else {
          throw ValidationError("'\(period)' is not a period; write e.g. 2026-Q4, 2027")
        }
        target = parsed
      }
      let converter = try MappingConverter.load(config: config)
      let sender = PlanSender(workspace: workspace, config: config, converter: converter)
      let rows = try sender.status(for: target)
      let format = ISO8601DateFormatter()
      let width = rows.map(\.unitName.count).max() ?? 0
      for row in rows {
        let name = row.unitName.padding(toLength: width, withPad: " ", startingAt: 0)
        let sent = row.sent.map { "sent \($0.sent), due \($0.deadline)" } ?? "not sent"
        let back =
          row.returned.map { "returned '\($0.name)' \(format.string(from: $0.received))" }
          ?? "not returned"
        print("\(name)  \(sent); \(back)")
      }
      let returned = rows.filter { $0.returned != nil }.count
      print(
        "\(returned) of \(rows.count) units have returned their arbetsplan for \(target.swedishLabel)"
      )
    } catch let error as any LocatedError {
      throw CLIFailure(error).report()
    }
  }
}
