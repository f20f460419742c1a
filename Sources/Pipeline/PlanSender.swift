public import Canonical
public import Foundation
import Spreadsheet
import Validation

/// `redthread plan send`: writes one arbetsplan workbook per unit under the board into
/// `DIR/outbox/<period>/`, from the board's plan and the units' last plans in the store, and
/// records what was sent in `DIR/outbox/<period>/sent.json`.
public struct PlanSender: Sendable {
  /// One workbook written.
  public struct Sent: Sendable, Codable, Hashable {
    /// The unit's id.
    public var unit: String
    /// The unit's name.
    public var unitName: String
    /// The period's id.
    public var period: String
    /// The workbook, relative to the workspace.
    public var file: String
    /// When it was written (UTC, ISO 8601).
    public var sent: String
    /// The last day to return it.
    public var deadline: String
    /// How many goals, nyckeltal and activities were carried forward.
    public var carried: [String: Int]
    /// Carried-forward references that are in no list (``ArbetsplanWorkbook/unknownReferences``).
    public var unknownReferences: [String]?
  }

  /// The workspace.
  public var workspace: Workspace
  /// Its configuration.
  public var config: PipelineConfig
  /// The reference records (units, national goals) and the KPI successions.
  public var converter: MappingConverter
  /// The time now (injected in tests).
  public var now: @Sendable () -> Date

  /// Creates a sender.
  public init(
    workspace: Workspace, config: PipelineConfig, converter: MappingConverter,
    now: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.workspace = workspace
    self.config = config
    self.converter = converter
    self.now = now
  }

  /// The units under the board that get an arbetsplan: schools, preschools and areas whose
  /// parent is the board, in name order.
  public func units() -> [OrgUnit] {
    converter.reference.units.filter {
      $0.parentID == config.board && [.school, .preschool, .area].contains($0.kind)
    }.sorted { $0.name < $1.name }
  }

  /// The period after a period, of the same kind: `2026-Q3` → `2026-Q4`, `2026` → `2027`.
  public static func next(after period: Period) -> Period {
    switch period.kind {
    case .year, .schoolYear: return Period(kind: period.kind, year: period.year + 1)
    case .term, .tertial, .quarter, .month:
      let count = [Period.Kind.term: 2, .tertial: 3, .quarter: 4, .month: 12][period.kind] ?? 1
      return period.index >= count
        ? Period(kind: period.kind, year: period.year + 1, index: 1)
        : Period(kind: period.kind, year: period.year, index: period.index + 1)
    }
  }

  /// The `outbox/<period>` folder.
  public func folder(for period: Period) -> URL {
    workspace.root.appendingPathComponent("outbox")
      .appendingPathComponent(PipelineRunner.folderName(period))
  }

  /// What a workbook for `period` carries forward from the records that count: of each unit's
  /// plans, those that count in the latest period the unit planned for up to `period` (by
  /// ``Dataset/planFiles(countingIn:)``, the rule a report uses: a unit's kvartal 3 plan, not
  /// also its year plan that the kvartal 3 plan restates); every record not read from a unit's
  /// plan (the board's plan, reference data, statistics) stays.
  static func carriedForward(_ all: Dataset, to period: Period) -> Dataset {
    var latest: [String: Period] = [:]
    var unitPlanFiles: [String: String] = [:]
    for plan in all.plans where plan.kind == .unitPlan {
      guard let p = plan.period, let file = plan.provenance?.file else { continue }
      let unit = plan.unitID ?? "-"
      unitPlanFiles[file] = unit
      guard p.start <= period.end else { continue }
      // The latest start; of two starting the same day, the shorter (the more specific).
      if let seen = latest[unit],
        seen.start > p.start || (seen.start == p.start && seen.end <= p.end)
      {
        continue
      }
      latest[unit] = p
    }
    var kept: Set<String> = []
    for (unit, p) in latest {
      kept.formUnion(all.planFiles(countingIn: p).counting.filter { unitPlanFiles[$0] == unit })
    }
    func keeps(_ provenance: Provenance?) -> Bool {
      guard let file = provenance?.file, unitPlanFiles[file] != nil else { return true }
      return kept.contains(file)
    }
    var out = all
    out.plans = all.plans.filter { keeps($0.provenance) }
    out.goals = all.goals.filter { keeps($0.provenance) }
    out.kpis = all.kpis.filter { keeps($0.provenance) }
    out.targets = all.targets.filter { keeps($0.provenance) }
    out.measurements = all.measurements.filter { keeps($0.provenance) }
    out.activities = all.activities.filter { keeps($0.provenance) }
    out.assessments = all.assessments.filter { keeps($0.provenance) }
    return out
  }

  /// The file name of a unit's workbook: `Arbetsplan Åsens skola 2026-Q4.xlsx`.
  public static func fileName(unit: OrgUnit, period: Period) -> String {
    let safe = unit.name.map { "/\\:*?\"<>|".contains($0) ? "-" : $0 }
    return "Arbetsplan \(String(safe)) \(PipelineRunner.folderName(period)).xlsx"
  }

  /// Writes the workbooks.
  ///
  /// - Parameters:
  ///   - unitIDs: the units to send to; empty sends to every unit of ``units()``.
  ///   - period: the plan period.
  ///   - deadline: the last day to return it; default 14 days after the period's end.
  /// - Returns: what was written, in unit order.
  /// - Throws: ``PipelineError`` `write-failed`; the writer's error for a workbook that
  ///   cannot be written.
  public func send(unitIDs: [String], period: Period, deadline: CalendarDate? = nil) throws
    -> [Sent]
  {
    // The board's plan and, of each unit's plans, the latest up to the period sent.
    let store = try SQLiteStore.open(workspace)
    var dataset = converter.reference
    dataset.append(contentsOf: Self.carriedForward(try store.countingDataset(), to: period))
    let board = config.board
    let boardName = dataset.unit(id: board)?.name ?? board
    let due = deadline ?? period.end.adding(days: 14)
    let boardGoals = Self.unique(
      dataset.goals.filter { $0.level == .board && ($0.ownerUnitID ?? board) == board }
    ).sorted { $0.id.localizedStandardCompare($1.id) == .orderedAscending }
    let councilGoals = Self.unique(dataset.goals.filter { $0.level == .council })
      .sorted { $0.id.localizedStandardCompare($1.id) == .orderedAscending }
    let replaced = Set(KoladaSeries.successionsByReplacedID.keys)
    let boardKPIs = Self.uniqueKPIs(
      dataset.kpis.filter {
        $0.unitID == board && $0.isKoladaID && !replaced.contains($0.id)
          && converter.referenceData.successor(ofKPI: $0.id) == nil
      })
    let statusWords = Self.statusWords(in: dataset)
    let selected = unitIDs.isEmpty ? units() : units().filter { unitIDs.contains($0.id) }
    let folder = folder(for: period)
    var sent: [Sent] = []
    let stamp = ISO8601DateFormatter().string(from: now())
    for unit in selected {
      let prefix = unit.kind == .preschool ? "LPF" : "LGR"
      let national = dataset.goals.filter {
        $0.level == .national && $0.id.uppercased().hasPrefix(prefix)
      }
      let unitGoals = Self.unique(
        dataset.goals.filter { $0.level == .unit && $0.ownerUnitID == unit.id })
      let targets = dataset.targets.filter { $0.unitID == unit.id }
      let unitKPIs = Self.uniqueKPIs(dataset.kpis.filter { $0.unitID == unit.id }).map { kpi in
        (kpi: kpi, target: targets.last { $0.kpiID == kpi.id }?.text)
      }
      let activities = dataset.activities.filter {
        $0.unitID == unit.id && $0.status != .done && $0.status != .cancelled
      }
      let book = ArbetsplanWorkbook(
        unit: unit, boardName: boardName, period: period, deadline: due, nationalGoals: national,
        councilGoals: councilGoals, boardGoals: boardGoals, boardKPIs: boardKPIs,
        statusWords: statusWords, unitGoals: unitGoals, unitKPIs: unitKPIs,
        activities: activities)
      let name = Self.fileName(unit: unit, period: period)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try book.write(to: folder.appendingPathComponent(name).path)
      sent.append(
        Sent(
          unit: unit.id, unitName: unit.name, period: period.id,
          file: "outbox/\(PipelineRunner.folderName(period))/\(name)", sent: stamp,
          deadline: due.description,
          carried: [
            "goals": unitGoals.count, "kpis": unitKPIs.count, "activities": activities.count,
          ],
          unknownReferences: book.unknownReferences.isEmpty ? nil : book.unknownReferences))
    }
    try record(sent, in: folder)
    return sent
  }

  /// `outbox/<period>/sent.json`: every workbook sent for the period, the latest per unit.
  public func sentRecords(for period: Period) -> [Sent] {
    let url = folder(for: period).appendingPathComponent("sent.json")
    guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
    return (try? JSONDecoder().decode([Sent].self, from: data)) ?? []
  }

  private func record(_ sent: [Sent], in folder: URL) throws {
    guard let period = sent.first.map(\.period), let parsed = Period(parsing: period) else {
      return
    }
    var all = sentRecords(for: parsed)
    let units = Set(sent.map(\.unit))
    all.removeAll { units.contains($0.unit) }
    all += sent
    all.sort { $0.unit < $1.unit }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      try Workspace.writeAtomically(
        try encoder.encode(all), to: folder.appendingPathComponent("sent.json"))
    } catch let error as PipelineError {
      throw error
    } catch {
      throw PipelineError(.writeFailed, "cannot encode sent.json: \(error)")
    }
  }

  /// The status words the municipality's units use: for each status, the word written most
  /// often in the stored activities, else RedThread's Swedish word.
  static func statusWords(in dataset: Dataset) -> [String] {
    var counts: [Activity.Status: [String: Int]] = [:]
    for activity in dataset.activities {
      guard let status = activity.status, let text = activity.statusText, !text.isEmpty,
        text.first?.isLetter == true
      else { continue }
      counts[status, default: [:]][text, default: 0] += 1
    }
    return ArbetsplanWorkbook.statusOrder.map { status in
      counts[status]?.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?
        .key ?? status.swedishLabel
    }
  }

  /// Goals by id, the last of each id.
  static func unique(_ goals: [Goal]) -> [Goal] {
    var seen: [String: Int] = [:]
    var out: [Goal] = []
    for goal in goals {
      if let i = seen[goal.id] {
        out[i] = goal
      } else {
        seen[goal.id] = out.count
        out.append(goal)
      }
    }
    return out
  }

  /// KPIs by id, the last of each id.
  static func uniqueKPIs(_ kpis: [KPI]) -> [KPI] {
    var seen: [String: Int] = [:]
    var out: [KPI] = []
    for kpi in kpis {
      if let i = seen[kpi.id] {
        out[i] = kpi
      } else {
        seen[kpi.id] = out.count
        out.append(kpi)
      }
    }
    return out
  }
}

extension PlanSender {
  /// One unit's arbetsplan for a period: sent, and returned or not.
  public struct UnitStatus: Sendable, Hashable {
    /// The unit's id.
    public var unit: String
    /// The unit's name.
    public var unitName: String
    /// What was sent, if anything.
    public var sent: Sent?
    /// The returned workbook that counts for the period (converted, not replaced): its name
    /// as received and when it was taken from the inbox.
    public var returned: (name: String, received: Date)? {
      get { returnedName.map { ($0, returnedAt ?? Date(timeIntervalSince1970: 0)) } }
      set {
        returnedName = newValue?.name
        returnedAt = newValue?.received
      }
    }
    private var returnedName: String?
    private var returnedAt: Date?

    /// Creates a status.
    public init(
      unit: String, unitName: String, sent: Sent?, returned: (name: String, received: Date)?
    ) {
      self.unit = unit
      self.unitName = unitName
      self.sent = sent
      self.returnedName = returned?.name
      self.returnedAt = returned?.received
    }
  }

  /// For each unit under the board: what was sent for the period (`sent.json`) and the plan
  /// it returned for the period, if any (a converted unit plan for that unit and period in the
  /// store, read by `arbetsplan-redthread` or any other mapping).
  ///
  /// - Throws: ``PipelineError`` when the store cannot be opened.
  public func status(for period: Period) throws -> [UnitStatus] {
    let sent = Dictionary(
      sentRecords(for: period).map { ($0.unit, $0) }, uniquingKeysWith: { _, b in b })
    let store = try SQLiteStore.open(workspace)
    let returned = try store.files(outcome: .converted).filter {
      $0.planKind == Plan.Kind.unitPlan.rawValue && $0.period == period.id
    }
    return units().map { unit in
      let file = returned.last { $0.unit == unit.id }
      return UnitStatus(
        unit: unit.id, unitName: unit.name, sent: sent[unit.id],
        returned: file.map { ($0.name, $0.received) })
    }
  }
}
