public import Canonical
import Foundation
import Spreadsheet
import Validation
import XLSX

/// The arbetsplan workbook RedThread sends to a unit: the board's goals in one view, the
/// unit's goals, nyckeltal and activities carried forward from the last period, every goal
/// reference, KPI and status a drop-down, dates and percentages checked, the header locked
/// and the input cells open, and a custom property that names the format, so that the
/// returned file is read by the shipped mapping `arbetsplan-redthread.yaml` whatever its name.
///
/// Sheets: `Mål i en vy`, `Enhetens mål`, `Nyckeltal`, `Aktiviteter` and the hidden `Listor`
/// with one defined name per list (`Lista_Namndmal`, `Lista_Nationella_mal`,
/// `Lista_Nyckeltal`, `Lista_Status`, `Lista_JaNej`, `Lista_Bedomning`, and
/// `Lista_Enhetsmal` for the goal ids of `Enhetens mål`).
public struct ArbetsplanWorkbook: Sendable {
  /// The custom document property that names the format.
  public static let formatProperty = "RedThreadFormat"
  /// Its value for this layout; raise the number when the layout changes.
  public static let formatValue = "arbetsplan-1"
  /// The custom property with the unit's id.
  public static let unitProperty = "RedThreadUnit"
  /// The custom property with the period's id.
  public static let periodProperty = "RedThreadPeriod"
  /// Rows of each input table (carried-forward rows plus empty ones, at least this many).
  public static let inputRows = 50
  /// The first data row of the input sheets (the header is the row above).
  public static let firstDataRow = 8

  /// The unit the workbook is for.
  public var unit: OrgUnit
  /// The board's name, as the header shows it.
  public var boardName: String
  /// The plan period.
  public var period: Period
  /// The last day to return it.
  public var deadline: CalendarDate
  /// The national goals for the unit's kind (Lgr22 or Lpfö18).
  public var nationalGoals: [Goal]
  /// The council's goals (KF-mål).
  public var councilGoals: [Goal]
  /// The board's goals (nämndmål).
  public var boardGoals: [Goal]
  /// The board's nyckeltal, current Kolada series only.
  public var boardKPIs: [KPI]
  /// The status words offered, in the order of ``Activity/Status``.
  public var statusWords: [String]
  /// The unit's goals of the last period.
  public var unitGoals: [Goal]
  /// The unit's nyckeltal of the last period, each with its last målvärde text.
  public var unitKPIs: [(kpi: KPI, target: String?)]
  /// The unit's activities that are not done or cancelled.
  public var activities: [Activity]

  /// Creates the content of one unit's workbook.
  public init(
    unit: OrgUnit, boardName: String, period: Period, deadline: CalendarDate,
    nationalGoals: [Goal], councilGoals: [Goal], boardGoals: [Goal], boardKPIs: [KPI],
    statusWords: [String], unitGoals: [Goal], unitKPIs: [(kpi: KPI, target: String?)],
    activities: [Activity]
  ) {
    self.unit = unit
    self.boardName = boardName
    self.period = period
    self.deadline = deadline
    self.nationalGoals = nationalGoals
    self.councilGoals = councilGoals
    self.boardGoals = boardGoals
    self.boardKPIs = boardKPIs
    self.statusWords = statusWords
    self.unitGoals = unitGoals
    self.unitKPIs = unitKPIs
    self.activities = activities
  }

  /// The text a drop-down shows for a goal: `NM-2 Barn och elever känner sig trygga …`.
  public static func display(_ goal: Goal) -> String { "\(goal.id) \(goal.title)" }

  /// The text a drop-down shows for a KPI: `N15419 Elever i åk 9 …`.
  public static func display(_ kpi: KPI) -> String { "\(kpi.id) \(kpi.name)" }

  /// The Swedish period label with a capital: `Kvartal 4 2026`.
  static func label(_ period: Period) -> String {
    let text = period.swedishLabel
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  /// The range of days a date cell accepts: the period's year and the next, since a unit's
  /// activities run over a school year that crosses the turn of the year.
  var dateRange: (CalendarDate, CalendarDate) {
    (
      CalendarDate(year: period.start.year, month: 1, day: 1),
      CalendarDate(year: period.end.year + 1, month: 12, day: 31)
    )
  }

  // MARK: - Writing

  /// Writes the workbook.
  ///
  /// - Throws: ``XLSX/XLSXWriteError`` when it cannot be written.
  public func write(to path: String) throws {
    let writer = try XLSXWriter(
      path: path,
      options: XLSXWriteOptions(
        title: "Arbetsplan \(unit.name) \(Self.label(period))",
        customProperties: [
          CustomProperty(name: Self.formatProperty, value: .text(Self.formatValue)),
          CustomProperty(name: Self.unitProperty, value: .text(unit.id)),
          CustomProperty(name: Self.periodProperty, value: .text(period.id)),
        ]))
    do {
      try writeOverview(writer)
      try writeGoals(writer)
      try writeKPIs(writer)
      try writeActivities(writer)
      try writeLists(writer)
      try writer.close()
    } catch {
      writer.discard()
      throw error
    }
  }

  static let title = CellStyle(bold: true, fontSize: 14)
  static let bold = CellStyle(bold: true)
  static let headerValue = CellStyle(fillColor: .init(rgb: 0xF2F2F2))
  static let instruction = CellStyle(
    italic: true, fontColor: .init(rgb: 0x595959))
  static let header = CellStyle(
    bold: true, fontColor: .init(rgb: 0xFFFFFF), fillColor: .init(rgb: 0x1F4E78),
    verticalAlignment: .top, wrapText: true)
  static let thread = CellStyle(verticalAlignment: .top)
  static let input = CellStyle(
    fillColor: .init(rgb: 0xFFF2CC),
    border: .init(bottom: .init(.hair, color: .init(rgb: 0xBFBFBF))),
    verticalAlignment: .top, locked: false)
  static let inputDate = CellStyle(
    fillColor: .init(rgb: 0xFFF2CC),
    border: .init(bottom: .init(.hair, color: .init(rgb: 0xBFBFBF))),
    verticalAlignment: .top, numberFormat: CellStyle.FormatCode.date, locked: false)
  static let inputNumber = CellStyle(
    fillColor: .init(rgb: 0xFFF2CC),
    border: .init(bottom: .init(.hair, color: .init(rgb: 0xBFBFBF))),
    verticalAlignment: .top, numberFormat: "0.0", locked: false)

  /// The title block shared by every visible sheet: rows 1–5, locked.
  private func writeHeaderBlock(
    _ writer: XLSXWriter, title: String, instruction: [String]
  ) throws {
    try writer.writeRow([.string(title, style: Self.title)])
    try writer.writeRow([
      .string("Enhet:", style: Self.bold), .string(unit.name, style: Self.headerValue),
    ])
    try writer.writeRow([
      .string("Period:", style: Self.bold), .string(Self.label(period), style: Self.headerValue),
    ])
    try writer.writeRow([
      .string("Lämnas senast:", style: Self.bold),
      .date(
        CivilDateTime(year: deadline.year, month: deadline.month, day: deadline.day),
        style: CellStyle(
          fillColor: .init(rgb: 0xF2F2F2), horizontalAlignment: .left,
          numberFormat: CellStyle.FormatCode.date)),
    ])
    // Two lines of instructions on rows 5 and 6, each overflowing into the empty cells.
    try writer.writeRow([instruction.first.map { .string($0, style: Self.instruction) }])
    try writer.writeRow([instruction.dropFirst().first.map { .string($0, style: Self.instruction) }]
    )
  }

  private func writeOverview(_ writer: XLSXWriter) throws {
    let curriculum = unit.kind == .preschool ? "Lpfö18" : "Lgr22"
    try writer.addWorksheet(
      name: "Mål i en vy",
      options: WorksheetOptions(
        columnWidths: [1: 42, 2: 56, 3: 64, 4: 100, 5: 14], frozenRows: 7,
        protection: SheetProtection()))
    try writeHeaderBlock(
      writer, title: "Arbetsplan \(Self.label(period)) – \(unit.name)",
      instruction: [
        "Den röda tråden: nationella mål (\(curriculum)), kommunfullmäktiges mål och "
          + "\(boardName)s nämndmål. Markera de nämndmål enheten prioriterar.",
        "Bryt ner dem i bladen Enhetens mål, Nyckeltal och Aktiviteter. Gula celler fylls i; "
          + "övriga är låsta (skydd utan lösenord).",
      ])
    try writer.writeRow(
      ["Nationellt mål (\(curriculum))", "KF-mål", "Nämndmål", "Beskrivning", "Vi prioriterar"]
        .map { .string($0, style: Self.header) })
    let national = Dictionary(nationalGoals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let council = Dictionary(councilGoals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var served: Set<String> = []
    let first = writer.lastRow + 1
    for goal in boardGoals {
      let nationalTexts = goal.alignsTo.compactMap { national[$0] }.map(Self.display)
      let councilTexts = goal.alignsTo.compactMap { council[$0] }.map(Self.display)
      served.formUnion(goal.alignsTo)
      try writer.writeRow([
        .string(nationalTexts.joined(separator: "; "), style: Self.thread),
        .string(councilTexts.joined(separator: "; "), style: Self.thread),
        .string(
          Self.display(goal), style: CellStyle(bold: true, verticalAlignment: .top)),
        .string(goal.text ?? "", style: Self.thread),
        .string("", style: Self.input),
      ])
    }
    let last = writer.lastRow
    for goal in nationalGoals where !served.contains(goal.id) {
      try writer.writeRow([
        .string(Self.display(goal), style: Self.thread), .string("–", style: Self.thread),
        .string("(inget nämndmål)", style: Self.instruction),
      ])
    }
    if last >= first {
      try writer.addDataValidation(
        DataValidation(
          ranges: [CellRange(.init(row: first, column: 5), .init(row: last, column: 5))],
          rule: .list(source: "Lista_JaNej"),
          prompt: .init(
            title: "Vi prioriterar", text: "Välj Ja för de nämndmål enheten prioriterar."),
          error: .init(title: "Ja eller Nej", text: "Välj Ja eller Nej ur listan.")))
    }
  }

  private func range(_ column: Int, rows: Int) -> CellRange {
    CellRange(
      .init(row: Self.firstDataRow, column: column),
      .init(row: Self.firstDataRow + rows - 1, column: column))
  }

  private func writeGoals(_ writer: XLSXWriter) throws {
    let rows = max(Self.inputRows, unitGoals.count + 20)
    try writer.addWorksheet(
      name: "Enhetens mål",
      options: WorksheetOptions(
        columnWidths: [1: 14, 2: 66, 3: 60, 4: 40, 5: 11, 6: 16, 7: 44], frozenRows: 7,
        protection: SheetProtection()))
    try writeHeaderBlock(
      writer, title: "Enhetens mål – \(unit.name), \(Self.label(period))",
      instruction: [
        "Ett mål per rad. Välj nämndmål och nationellt mål i listorna; skriv inte av dem.",
        "Prioriterat: Ja eller Nej. Bedömning och analys fylls i vid uppföljningen.",
      ])
    try writer.writeRow(
      ["Mål-ID", "Enhetsmål", "Nämndmål", "Nationellt mål", "Prioriterat", "Bedömning", "Analys"]
        .map { .string($0, style: Self.header) })
    let board = Dictionary(boardGoals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let national = Dictionary(nationalGoals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for index in 0..<rows {
      guard index < unitGoals.count else {
        try writer.writeRow(Array(repeating: .string("", style: Self.input), count: 7))
        continue
      }
      let goal = unitGoals[index]
      // References the lists do not know (a goal of an earlier plan) are kept as written.
      let boardRef = goal.alignsTo.first { board[$0] != nil || !$0.hasPrefix("L") }
      let nationalRef = goal.alignsTo.first { national[$0] != nil }
      try writer.writeRow([
        .string(goal.id, style: Self.input), .string(goal.title, style: Self.input),
        .string(boardRef.map { board[$0].map(Self.display) ?? $0 } ?? "", style: Self.input),
        .string(nationalRef.flatMap { national[$0] }.map(Self.display) ?? "", style: Self.input),
        .string(goal.prioritised ? "Ja" : "Nej", style: Self.input),
        .string("", style: Self.input), .string("", style: Self.input),
      ])
    }
    try writer.defineName(
      "Lista_Enhetsmal",
      refersTo: "'Enhetens mål'!$A$\(Self.firstDataRow):$A$\(Self.firstDataRow + rows - 1)")
    try list(
      writer, range(3, rows: rows), "Lista_Namndmal", "Nämndmål",
      "Välj det nämndmål målet bidrar till.")
    try list(
      writer, range(4, rows: rows), "Lista_Nationella_mal", "Nationellt mål",
      "Välj det nationella mål målet bidrar till (valfritt).")
    try list(writer, range(5, rows: rows), "Lista_JaNej", "Prioriterat", "Ja eller Nej.")
    try list(
      writer, range(6, rows: rows), "Lista_Bedomning", "Bedömning",
      "Hur väl målet är uppfyllt vid uppföljningen.")
  }

  private func list(
    _ writer: XLSXWriter, _ range: CellRange, _ name: String, _ title: String, _ prompt: String,
    strict: Bool = true
  ) throws {
    try writer.addDataValidation(
      DataValidation(
        ranges: [range], rule: .list(source: name), errorStyle: strict ? .stop : .warning,
        prompt: .init(title: title, text: prompt),
        error: .init(
          title: "Välj ur listan",
          text: strict
            ? "Värdet finns inte i listan. Välj ett värde ur listan."
            : "Värdet finns inte i listan. Behåll det bara om det är ett eget värde.")))
  }

  private func writeKPIs(_ writer: XLSXWriter) throws {
    let rows = max(Self.inputRows, unitKPIs.count + 20)
    try writer.addWorksheet(
      name: "Nyckeltal",
      options: WorksheetOptions(
        columnWidths: [1: 14, 2: 62, 3: 70, 4: 18, 5: 10, 6: 40], frozenRows: 7,
        protection: SheetProtection()))
    try writeHeaderBlock(
      writer, title: "Nyckeltal – \(unit.name), \(Self.label(period))",
      instruction: [
        "Ett nyckeltal per rad. Mål: ett Mål-ID från bladet Enhetens mål. Kolada-ID: välj ur "
          + "nämndens lista (tomt för ett eget nyckeltal).",
        "Målvärde som text, t.ex. ”Minst 85 %”. Utfall i procent skrivs 0–100.",
      ])
    try writer.writeRow(
      ["Mål", "Nyckeltal", "Kolada-ID", "Målvärde", "Utfall", "Kommentar"]
        .map { .string($0, style: Self.header) })
    let board = Dictionary(boardKPIs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var percentRows: [CellRange] = []
    var otherRows: [CellRange] = []
    for index in 0..<rows {
      let row = Self.firstDataRow + index
      let cell = CellRange(.init(row: row, column: 5), .init(row: row, column: 5))
      guard index < unitKPIs.count else {
        try writer.writeRow([
          .string("", style: Self.input), .string("", style: Self.input),
          .string("", style: Self.input), .string("", style: Self.input),
          .string("", style: Self.inputNumber), .string("", style: Self.input),
        ])
        otherRows.append(cell)
        continue
      }
      let (kpi, target) = unitKPIs[index]
      let measure = kpi.unitOfMeasure ?? board[kpi.id]?.unitOfMeasure
      let isPercent = measure == "%" || kpi.name.contains("(%)") || kpi.name.contains("andel")
      if isPercent { percentRows.append(cell) } else { otherRows.append(cell) }
      try writer.writeRow([
        .string(kpi.goalIDs.first ?? "", style: Self.input), .string(kpi.name, style: Self.input),
        .string(
          kpi.isKoladaID ? board[kpi.id].map(Self.display) ?? kpi.id : "", style: Self.input),
        .string(target ?? "", style: Self.input), .string("", style: Self.inputNumber),
        .string("", style: Self.input),
      ])
    }
    try list(
      writer, range(1, rows: rows), "Lista_Enhetsmal", "Mål",
      "Välj ett Mål-ID från bladet Enhetens mål.", strict: false)
    try list(
      writer, range(3, rows: rows), "Lista_Nyckeltal", "Kolada-ID",
      "Välj ur nämndens nyckeltal. Lämna tomt för ett eget nyckeltal.", strict: false)
    if !percentRows.isEmpty {
      try writer.addDataValidation(
        DataValidation(
          ranges: percentRows, rule: .decimal(.between(0, 100)),
          prompt: .init(title: "Utfall i procent", text: "Ett tal 0–100, t.ex. 86,4."),
          error: .init(title: "Procent 0–100", text: "Skriv andelen som ett tal från 0 till 100.")))
    }
    if !otherRows.isEmpty {
      try writer.addDataValidation(
        DataValidation(
          ranges: otherRows, rule: .decimal(.between(-1e12, 1e12)),
          prompt: .init(title: "Utfall", text: "Ett tal; procent skrivs 0–100."),
          error: .init(title: "Ett tal", text: "Utfallet ska vara ett tal.")))
    }
  }

  private func writeActivities(_ writer: XLSXWriter) throws {
    let rows = max(Self.inputRows, activities.count + 20)
    try writer.addWorksheet(
      name: "Aktiviteter",
      options: WorksheetOptions(
        columnWidths: [1: 14, 2: 56, 3: 24, 4: 12, 5: 12, 6: 14, 7: 40], frozenRows: 7,
        protection: SheetProtection()))
    let (from, to) = dateRange
    try writeHeaderBlock(
      writer, title: "Aktiviteter – \(unit.name), \(Self.label(period))",
      instruction: [
        "En aktivitet per rad. Mål: ett Mål-ID från bladet Enhetens mål.",
        "Start och Slut är datum (ÅÅÅÅ-MM-DD) mellan \(from) och \(to). Status väljs ur listan.",
      ])
    try writer.writeRow(
      ["Mål", "Aktivitet", "Ansvarig", "Start", "Slut", "Status", "Kommentar"]
        .map { .string($0, style: Self.header) })
    func date(_ day: CalendarDate?) -> WriteCell {
      guard let day else { return .string("", style: Self.inputDate) }
      return .date(
        CivilDateTime(year: day.year, month: day.month, day: day.day), style: Self.inputDate)
    }
    for index in 0..<rows {
      guard index < activities.count else {
        try writer.writeRow([
          .string("", style: Self.input), .string("", style: Self.input),
          .string("", style: Self.input), .string("", style: Self.inputDate),
          .string("", style: Self.inputDate), .string("", style: Self.input),
          .string("", style: Self.input),
        ])
        continue
      }
      let activity = activities[index]
      try writer.writeRow([
        .string(activity.goalIDs.first ?? "", style: Self.input),
        .string(activity.title, style: Self.input),
        .string(activity.owner ?? activity.responsible ?? "", style: Self.input),
        date(activity.start), date(activity.end),
        .string(
          activity.status.map { statusWords[Self.statusOrder.firstIndex(of: $0) ?? 0] } ?? "",
          style: Self.input),
        .string("", style: Self.input),
      ])
    }
    try list(
      writer, range(1, rows: rows), "Lista_Enhetsmal", "Mål",
      "Välj ett Mål-ID från bladet Enhetens mål.", strict: false)
    try writer.addDataValidation(
      DataValidation(
        ranges: [range(4, rows: rows), range(5, rows: rows)],
        rule: .date(
          .between(
            CivilDateTime(year: from.year, month: from.month, day: from.day),
            CivilDateTime(year: to.year, month: to.month, day: to.day))),
        prompt: .init(title: "Datum", text: "ÅÅÅÅ-MM-DD, mellan \(from) och \(to)."),
        error: .init(
          title: "Inte ett datum i perioden", text: "Skriv ett datum mellan \(from) och \(to).")))
    try list(writer, range(6, rows: rows), "Lista_Status", "Status", "Välj status ur listan.")
  }

  /// The statuses in the order the status list offers them.
  static let statusOrder: [Activity.Status] = [
    .notStarted, .ongoing, .done, .delayed, .onHold, .cancelled,
  ]

  private func writeLists(_ writer: XLSXWriter) throws {
    try writer.addWorksheet(
      name: "Listor",
      options: WorksheetOptions(
        columnWidths: [1: 66, 2: 44, 3: 110, 4: 14, 5: 8, 6: 16], visibility: .hidden,
        protection: SheetProtection()))
    let columns: [(String, String, [String])] = [
      ("Lista_Namndmal", "Nämndmål", boardGoals.map(Self.display)),
      ("Lista_Nationella_mal", "Nationella mål", nationalGoals.map(Self.display)),
      ("Lista_Nyckeltal", "Nyckeltal", boardKPIs.map(Self.display)),
      ("Lista_Status", "Status", statusWords),
      ("Lista_JaNej", "Ja/Nej", ["Ja", "Nej"]),
      (
        "Lista_Bedomning", "Bedömning", ["Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt", "Ej bedömt"]
      ),
    ]
    try writer.writeRow(columns.map { .string($0.1, style: Self.bold) })
    let height = columns.map(\.2.count).max() ?? 0
    for index in 0..<height {
      try writer.writeRow(columns.map { index < $0.2.count ? .string($0.2[index]) : nil })
    }
    for (column, entry) in columns.enumerated() {
      let letters = CellReference.columnLetters(column + 1)
      let count = max(entry.2.count, 1)
      try writer.defineName(entry.0, refersTo: "Listor!$\(letters)$2:$\(letters)$\(count + 1)")
    }
  }
}
