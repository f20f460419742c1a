import Canonical
import Foundation
public import Spreadsheet

/// Drafts a mapping file from a workbook's header rows, so that a mapping author edits a draft
/// instead of starting from a blank file.
///
/// For each worksheet it finds the header row (the row within the first 30 that names the most
/// known columns), recognises Swedish and English synonyms for goal, KPI (nyckeltal), target
/// (målvärde), outcome (utfall), activity, owner, status, dates and periods, picks the entity
/// from the columns found, notices title-block labels (`Enhet:`, `Period:`, `Valt läsår:`),
/// merged goal columns (fill-down), group rows over sub-headers and period columns (unpivot).
/// Every choice is written as a comment beside it, and columns it could not place are listed.
///
/// ```swift
/// let draft = MappingInference.infer(workbook)
/// print(draft.yaml)          // loads with MappingFile.load(yaml:) without errors
/// ```
public enum MappingInference {
  /// A drafted mapping.
  public struct Draft: Sendable {
    /// The mapping file text (YAML, with comments).
    public var yaml: String
    /// The mapping's name.
    public var name: String
    /// What was found, sheet by sheet, in plain words.
    public var notes: [String]
  }

  /// A canonical field and the header words that name it (normalized; a header matches when it
  /// equals a word or begins with it followed by a space, `(` or `,`).
  struct Synonyms {
    var field: String
    var words: [String]
  }

  static let goalID = [
    "mål-id", "målid", "mål id", "målnr", "mål nr", "målnummer", "nr", "goal id", "goalid",
    "objective id", "pillarid", "focusareaid",
  ]
  static let goalTitle = [
    "enhetsmål", "förskolans mål", "skolans mål", "vårt mål", "våra mål", "nämndmål",
    "kommunfullmäktiges mål", "kf-mål",
    "mål", "målformulering", "goal", "objective", "goal title", "pillarname", "focusareaname",
    "pillar", "focus area",
  ]
  static let kpiID = [
    "kolada-id", "koladaid", "kpi-id", "kpi id", "nyckeltal-id", "nyckeltalsid", "indikator-id",
    "indicator id", "indicator code", "measure id", "measureid", "kpi", "kolada",
    "nyckeltals-id", "mått-id", "måttid",
  ]
  static let kpiName = [
    "nyckeltal", "indikator", "mätetal", "mått", "kpi-namn", "indicator", "indicators", "measure",
    "measure name", "measurename", "key performance indicator",
  ]
  static let target = [
    "målvärde", "målnivå", "årsmål", "delmål", "target", "target value", "targetvalue",
    "goal value",
  ]
  static let outcome = [
    "utfall", "resultat", "värde", "actual", "actual value", "actualvalue", "outcome", "value",
    "result",
  ]
  static let activity = [
    "aktivitet", "åtgärd", "insats", "aktiviteter", "activity", "action", "actionname",
    "initiative", "task",
  ]
  static let owner = [
    "ansvarig", "ägare", "ansvarig chef", "owner", "responsible", "business owner", "businessowner",
    "lead",
  ]
  static let status = ["status", "läge", "state", "progress"]
  static let start = [
    "start", "startdatum", "start datum", "från", "start date", "launch date", "actionlaunchdate",
    "begin",
  ]
  static let end = [
    "slut", "slutdatum", "slut datum", "till", "klart senast", "klart datum", "klart",
    "klar senast",
    "end", "end date", "due", "due date",
    "deadline",
  ]
  static let period = [
    "period", "år", "läsår", "tertial", "kvartal", "månad", "year", "quarter", "month",
    "school year", "datum", "date",
  ]
  static let alignsTo = [
    "koppling till nämndmål", "kopplat till nämndmål", "kopplat till", "koppling", "läroplan",
    "läroplanen", "läroplansmål", "nationella mål",
    "aligned to", "supports",
  ]
  static let prioritised = [
    "prioriterat", "prioriterad", "prioriterat mål", "priority", "prioritised", "prioritized",
  ]
  static let assessment = [
    "bedömning", "måluppfyllelse", "självvärdering", "självskattning", "assessment", "rating",
  ]
  static let analysis = [
    "analys", "analys och slutsatser", "reflektion", "reflektioner", "slutsatser", "analysis",
  ]
  static let comment = [
    "kommentar", "kommentarer", "anmärkning", "notering", "comment", "comments", "note", "notes",
  ]
  static let direction = ["riktning", "önskad riktning", "direction", "polarity"]
  static let unitOfMeasure = [
    "måttenhet", "enhet för mått", "unit of measure", "unit measure", "units",
  ]
  static let gender = ["kön", "gender", "sex"]
  static let unitCode = [
    "kommun-id", "kommunkod", "kommun-kod", "municipality_id", "municipality id", "skolenhetskod",
    "enhetskod", "unit id", "unit code", "geocode", "geo code", "områdes-id", "område-id",
    "områdeskod",
  ]
  static let unit = [
    "enhet", "skola", "förskola", "skolenhet", "kommun", "kommun-id", "kommunkod", "kommun-kod",
    "municipality", "municipality_id", "school", "unit", "organisation", "område",
  ]
  static let description = ["beskrivning", "description", "text"]

  static let labels = [
    ("unit", ["Enhet", "Skolenhet", "Skola", "Förskoleområde", "Förskola", "Nämnd", "Verksamhet"]),
    (
      "period",
      [
        "Period", "Valt läsår", "Valt år", "Läsår", "År", "Uppföljningsperiod", "Tertial",
        "Kvartal",
      ]
    ),
  ]

  /// Drafts a mapping for a workbook.
  ///
  /// - Parameters:
  ///   - workbook: the workbook as read.
  ///   - name: the mapping's name; by default made from the file name.
  public static func infer(_ workbook: Workbook, name: String? = nil) -> Draft {
    let stem = ((workbook.path as NSString).lastPathComponent as NSString).deletingPathExtension
    let ext = (workbook.path as NSString).pathExtension.lowercased()
    let mappingName = name ?? slugName(stem)
    var notes: [String] = []
    var tables: [String] = []
    var sheetNames: [String] = []
    var headerWords: [String] = []
    var context: [String: (String, String)] = [:]  // name → (label, where)
    var contextValues: [String: String] = [:]  // name → the cell's text
    for sheet in workbook.worksheets where sheet.kind == .worksheet && !sheet.rows.isEmpty {
      guard let header = findHeader(sheet) else {
        notes.append(
          "\(SourceLocation.quotedSheetName(sheet.name)): no header row found; not mapped")
        continue
      }
      for (field, labelWords) in labels where context[field] == nil {
        if let (label, ref) = findLabel(labelWords, in: sheet, above: header.row) {
          context[field] = (label, "\(SourceLocation.quotedSheetName(sheet.name))!\(ref.a1)")
          let here = sheet.cell(at: ref)?.value.displayText ?? ""
          let right = sheet.row(ref.row)?.cells.first { $0.column > ref.column }
          contextValues[field] = here + " " + (right?.value.displayText ?? "")
        }
      }
      let table =
        draftSections(sheet, isOnlySheet: workbook.worksheets.count == 1)
        ?? draftTable(sheet, header: header, isOnlySheet: workbook.worksheets.count == 1)
      notes.append(table.note)
      guard !table.yaml.isEmpty else { continue }
      tables.append(table.yaml)
      sheetNames.append(sheet.name)
      if headerWords.isEmpty { headerWords = table.keyHeaders }
    }
    var y = "# Drafted by `redthread mapping infer` from \(workbook.path).\n"
    y += "# Check every choice marked with a comment; see docs/mapping-language.md.\n"
    y += "mapping: \(mappingName)\nversion: 1\n"
    y += "description: \(quote("Utkast för \(stem)"))\n"
    y += "match:\n  file: \(quote(glob(for: stem, ext: ext)))   # the content below decides\n"
    if workbook.format == .xlsx && sheetNames.count > 1 {
      y += "  sheets: [\(sheetNames.map(quote).joined(separator: ", "))]\n"
    } else if !headerWords.isEmpty {
      y += "  headers: [\(headerWords.prefix(3).map(quote).joined(separator: ", "))]\n"
    }
    let boardTree = tables.contains { $0.contains("\"NM-{tree_number}\"") }
    if context["unit"] == nil, boardTree, let first = workbook.worksheets.first,
      let (ref, text) = first.rows.prefix(10).lazy.flatMap({ r in
        r.cells.map { (CellReference(row: r.number, column: $0.column), $0.value.displayText) }
      }).first(where: { $0.1.range(of: #"\p{L}+nämnd\p{L}*"#, options: .regularExpression) != nil })
    {
      y += "context:\n"
      y +=
        "  unit: { cell: \(quote(ref.a1)), extract: \"(?<value>(?:\\\\p{L}+- och )?[\\\\p{L}-]*nämnd\\\\p{L}*)\", "
        + "lookup: units }   # \(quote(text))\n"
      if text.range(of: #"20\d\d"#, options: .regularExpression) != nil {
        y +=
          "  period: { cell: \(quote(ref.a1)), extract: \"(?<value>20\\\\d{2})\", type: period }\n"
      } else {
        y += "  period: { file_name: \"(?<value>20\\\\d{2})\", type: period }\n"
      }
    }
    if !context.isEmpty {
      y += "context:\n"
      if let (label, place) = context["unit"] {
        y += "  unit: { label: \(quote(label)), lookup: units }   # \(place)\n"
      }
      if let (label, place) = context["period"] {
        y += "  period: { label: \(quote(label)), type: period }   # \(place)\n"
      }
    }
    if let (label, _) = context["unit"] {
      // `Nämnd: …`, or a `Verksamhet:` that names a nämnd, is the board's own plan.
      let board =
        TextMatching.normalized(label) == "nämnd"
        || (contextValues["unit"].map { TextMatching.normalized($0).contains("nämnd") } ?? false)
      y += "plan: { kind: \(board ? "board-plan" : "unit-plan") }   # one plan per file\n"
    } else if tables.contains(where: { $0.contains("\"NM-{tree_number}\"") }) {
      y += "plan: { kind: board-plan }   # KF-mål and nämndmål: the board's plan\n"
    }
    if tables.isEmpty {
      y += "tables: []   # no table found: write one by hand\n"
    } else {
      var body = tables.joined(separator: "\n")
      if context["unit"] == nil { body = body.replacingOccurrences(of: "{unit}-", with: "") }
      y += "tables:\n" + body
    }
    return Draft(yaml: y, name: mappingName, notes: notes)
  }

  // MARK: header

  struct Header {
    var row: Int
    var groupRow: Int?
    var columns: [(column: Int, name: String, group: String?)]
  }

  static let allWords: [[String]] = [
    goalID, goalTitle, kpiID, kpiName, target, outcome, activity, owner, status, start, end,
    period, alignsTo, prioritised, assessment, analysis, comment, direction, unitOfMeasure,
    gender, unit, description,
  ]

  static func findHeader(_ sheet: Worksheet) -> Header? {
    var best: (row: Int, score: Int)?
    for row in sheet.rows.prefix(while: { $0.number <= 30 }) {
      let texts = row.cells.compactMap { cell -> String? in
        guard case .string(let s) = cell.value else { return nil }
        let t = TextMatching.trimmed(s)
        return t.isEmpty ? nil : t
      }
      guard texts.count >= 2 else { continue }
      let known = texts.filter { t in allWords.contains { field(t, in: $0) } || isPeriodHeader(t) }
      let numbers = row.cells.filter { $0.value.numberValue != nil }.count
      let next = sheet.rows.first { $0.number > row.number }
      guard next != nil, numbers <= texts.count / 3 else { continue }
      let score = known.count * 3 + texts.count
      if score > (best?.score ?? 0) { best = (row.number, score) }
    }
    guard let best else { return nil }
    var columns: [(Int, String, String?)] = []
    let groupRow = detectGroupRow(sheet, header: best.row)
    var lastGroup: String?
    let headerCells = sheet.row(best.row)?.cells ?? []
    for cell in headerCells {
      let name = TextMatching.trimmed(cell.value.displayText)
      guard !name.isEmpty else { continue }
      var group: String?
      if let g = groupRow {
        let ref = CellReference(row: g, column: cell.column)
        let text = TextMatching.trimmed(sheet.displayedValue(at: ref)?.displayText ?? "")
        if !text.isEmpty { lastGroup = text }
        group = text.isEmpty ? lastGroup : text
      }
      columns.append((cell.column, name, group))
    }
    return Header(row: best.row, groupRow: groupRow, columns: columns)
  }

  /// A row directly above the header whose non-empty cells start after the first column and
  /// repeat, or are merged across several columns: a group row.
  static func detectGroupRow(_ sheet: Worksheet, header: Int) -> Int? {
    guard header > 1, let above = sheet.row(header - 1) else { return nil }
    let texts = above.cells.map { TextMatching.trimmed($0.value.displayText) }.filter {
      !$0.isEmpty
    }
    guard texts.count >= 1, above.cells.first.map({ $0.column > 1 }) == true else { return nil }
    // A title merged across the table (one cell of text over every column) is not a group row.
    let width =
      (sheet.row(header)?.cells.last?.column ?? 0) - (sheet.row(header)?.cells.first?.column ?? 0)
      + 1
    let merged = sheet.mergedRanges.filter { $0.start.row == header - 1 && $0.columnCount > 1 }
    if texts.count == 1, let only = merged.first, merged.count == 1, only.columnCount >= width - 1 {
      return nil
    }
    let repeated = Set(texts).count < texts.count
    return !merged.isEmpty || repeated ? header - 1 : nil
  }

  static func isPeriodHeader(_ text: String) -> Bool {
    let t = TextMatching.trimmed(text)
    guard t.first?.isNumber == true else { return false }
    return Period(parsing: t) != nil
  }

  /// Whether a header names a field: equal to one of its words, or beginning with one.
  static func field(_ header: String, in words: [String]) -> Bool {
    let h = TextMatching.normalized(header)
    return words.contains { w in
      if h == w { return true }
      guard h.hasPrefix(w), let next = h.dropFirst(w.count).first else { return false }
      return next == " " || next == "(" || next == ","
    }
  }

  static func findLabel(_ words: [String], in sheet: Worksheet, above header: Int) -> (
    String, CellReference
  )? {
    for row in sheet.rows where row.number < header {
      for cell in row.cells {
        guard case .string(let s) = cell.value else { continue }
        let text = TextMatching.trimmed(s)
        for word in words {
          let n = TextMatching.normalized(text)
          let w = TextMatching.normalized(word)
          if n == w || n.hasPrefix(w + ":") || (n.hasPrefix(w + " ") && text.contains(":")) {
            return (word, CellReference(row: row.number, column: cell.column))
          }
        }
      }
    }
    return nil
  }

  // MARK: tables

  struct DraftTable {
    var yaml: String
    var note: String
    var keyHeaders: [String]
  }

  static func draftTable(_ sheet: Worksheet, header: Header, isOnlySheet: Bool) -> DraftTable {
    var assigned: [String: (Int, String)] = [:]  // field → (column, header)
    var unplaced: [(Int, String)] = []
    var periodColumns: [(Int, String)] = []
    let order: [(String, [String])] = [
      ("goal_id", goalID), ("kpi_id", kpiID), ("activity", activity), ("kpi_name", kpiName),
      ("target", target), ("outcome", outcome), ("aligns_to", alignsTo), ("goal_title", goalTitle),
      ("owner", owner), ("status", status), ("start", start), ("end", end),
      ("prioritised", prioritised), ("assessment", assessment), ("analysis", analysis),
      ("comment", comment), ("direction", direction), ("unit_of_measure", unitOfMeasure),
      ("gender", gender), ("period", period), ("unit", unitCode), ("unit", unit),
      ("description", description),
    ]
    // Two passes, so that a more telling synonym list (a code column for the unit) claims its
    // column before a looser one takes another.
    var taken: Set<Int> = []
    for (f, words) in order where assigned[f] == nil {
      for (column, name, _) in header.columns where !taken.contains(column) && !isPeriodHeader(name)
      {
        if field(name, in: words) {
          assigned[f] = (column, name)
          taken.insert(column)
          break
        }
      }
    }
    for (column, name, _) in header.columns where !taken.contains(column) {
      if isPeriodHeader(name) {
        periodColumns.append((column, name))
      } else {
        unplaced.append((column, name))
      }
    }
    // A unit plan's "Nämndmål" column is what the unit goal aligns to.
    if assigned["goal_id"] != nil, let title = assigned["goal_title"],
      TextMatching.normalized(title.1) == "nämndmål", assigned["aligns_to"] == nil
    {
      let other = unplaced.first { field($0.1, in: goalTitle) }
      if other != nil || assigned.count > 2 {
        assigned["aligns_to"] = title
        assigned["goal_title"] = nil
      }
    }
    if assigned["aligns_to"] == nil,
      let i = unplaced.firstIndex(where: { TextMatching.normalized($0.1) == "nämndmål" })
    {
      assigned["aligns_to"] = unplaced.remove(at: i)
    }
    // A nämndmål column beside a curriculum column: both feed aligns_to.
    if assigned["aligns_to"] != nil, assigned["goal_title"] != nil,
      let i = unplaced.firstIndex(where: { TextMatching.normalized($0.1) == "nämndmål" })
    {
      assigned["aligns_to2"] = unplaced.remove(at: i)
    }
    let hasGender = header.columns.contains { c in
      c.group.map { BuiltInValueMaps.gender.value(for: $0) != nil } ?? false
    }
    if let tree = draftTree(sheet, header: header, isOnlySheet: isOnlySheet) { return tree }
    // The entity.
    let entity: Entity
    if assigned["activity"] != nil {
      entity = .activity
    } else if assigned["kpi_name"] != nil || assigned["kpi_id"] != nil {
      let long =
        assigned["target"] == nil
        && (assigned["outcome"] != nil || !periodColumns.isEmpty || hasGender)
        && (assigned["period"] != nil || !periodColumns.isEmpty || assigned["unit"] != nil
          || hasGender)
      entity = long ? .measurement : .kpi
    } else if assigned["goal_title"] != nil || assigned["goal_id"] != nil {
      entity = .goal
    } else if !periodColumns.isEmpty || hasGender
      || (assigned["outcome"] != nil && assigned["period"] != nil)
    {
      entity = .measurement
    } else {
      let note =
        "\(SourceLocation.quotedSheetName(sheet.name)): header on row \(header.row) names no goal, KPI or activity; not mapped"
      return DraftTable(yaml: "", note: note, keyHeaders: [])
    }
    func letter(_ c: Int) -> String { CellReference.columnLetters(c) }
    var lines: [String] = []
    var keyHeaders: [String] = []
    var placed: Set<Int> = []
    func line(_ field: String, _ key: String, extra: String = "", comment: String = "") {
      guard let (column, name) = assigned[key] else { return }
      var extra = extra
      var comment = comment
      // Goal numbers (1, 2, 3) become readable ids that other sheets' numbers also give.
      if ["goal_id"].contains(key), isNumberColumn(sheet, column, below: header.row) {
        extra = "format: \"{unit}-M{value}\"" + (extra.isEmpty ? "" : ", \(extra)")
        comment = "goal numbers: a readable id per unit"
      }
      if key == "status" || key == "assessment",
        let map = valueMap(sheet, column, below: header.row, assessment: key == "assessment")
      {
        extra = "map: \(map)" + (extra.isEmpty ? "" : ", \(extra)")
        comment = "traffic lights and smileys as found"
      }
      let value = extra.isEmpty ? quote(name) : "{ column: \(quote(name)), \(extra) }"
      lines.append(
        "      \(field): \(value)   # \(letter(column))\(comment.isEmpty ? "" : ", \(comment)")")
      placed.insert(column)
      if keyHeaders.count < 3 { keyHeaders.append(name) }
    }
    /// A goal column on a KPI or activity sheet; goal numbers give the goal sheet's ids.
    func goalLine() {
      guard let (column, name) = assigned["goal_title"] else { return }
      if isNumberColumn(sheet, column, below: header.row) {
        lines.append(
          "      goal: { column: \(quote(name)), format: \"{unit}-M{value}\" }   # \(letter(column)), "
            + "goal numbers: the goal sheet's ids")
        placed.insert(column)
        if keyHeaders.count < 3 { keyHeaders.append(name) }
      } else {
        line("goal", "goal_title")
      }
    }
    // Gender columns beside an outcome (`Utfall T2 | K | M`, `Tot | F | P`) on a KPI sheet.
    let genderColumns = unplaced.filter { BuiltInValueMaps.gender.value(for: $0.1) != nil }
    var genderUnpivot: [(Int, String)] = []
    var fillDown: [String] = []
    func mergedGoalColumn() -> Bool {
      guard let (column, _) = assigned["goal_id"] ?? assigned["goal_title"] else { return false }
      return sheet.mergedRanges.contains {
        $0.start.column == column && $0.end.column == column && $0.rowCount > 1
      }
    }
    switch entity {
    case .goal:
      line("id", "goal_id", extra: "required: true")
      line("title", "goal_title")
      line("text", "description", extra: "optional: true")
      if let (c1, n1) = assigned["aligns_to2"], let (c2, n2) = assigned["aligns_to"] {
        lines.append(
          "      aligns_to: { columns: [\(quote(n1)), \(quote(n2))] }   # \(letter(c1)), \(letter(c2)): "
            + "nämndmål by title and the curriculum")
        placed.formUnion([c1, c2])
      } else {
        line("aligns_to", "aligns_to")
      }
      line("prioritised", "prioritised", extra: "optional: true")
      line("period", "period")
      if assigned["goal_id"] == nil {
        lines.append(
          "      id: { value: \"{sheet}-{row}\" }   # no id column: write the real id source")
      }
    case .kpi:
      line("goal", "goal_id")
      if assigned["goal_id"] == nil { goalLine() }
      if mergedGoalColumn() { fillDown.append("goal") }
      line("name", "kpi_name", extra: "required: true")
      line("id", "kpi_id", extra: "default: \"{unit}-{sheet}-{row}\"")
      if assigned["kpi_id"] == nil {
        lines.append(
          "      id: { value: \"{sheet}-{row}\" }   # no id column: write the real id source")
      }
      if assigned["kpi_name"] == nil {
        lines.append("      name: { field: id }   # no name column")
      }
      line("unit_of_measure", "unit_of_measure", extra: "optional: true")
      line("direction", "direction")
      line("target", "target")
      if genderColumns.count >= 2 {
        // `Utfall T2 | K | M`: the outcome is the total, the others its gender split.
        let all = (assigned["outcome"].map { [$0] } ?? []) + genderColumns
        genderUnpivot = all
        placed.formUnion(all.map(\.0))
      } else {
        line(
          "outcome", "outcome", extra: "type: percent", comment: "check the type: percent or number"
        )
      }
      line("comment", "comment", extra: "optional: true")
    case .measurement:
      line("kpi", "kpi_id", extra: "required: true")
      if assigned["kpi_id"] == nil, assigned["kpi_name"] != nil {
        line("kpi", "kpi_name", extra: "slug: true", comment: "no id column: an id from the name")
      } else if assigned["kpi_id"] == nil, !periodColumns.isEmpty || assigned["outcome"] != nil {
        lines.append(
          "      kpi: { value: \"{file}\", slug: true }   # no indicator column: one indicator per file"
        )
      }
      line("kpi_name", "kpi_name", extra: "optional: true")
      line("unit", "unit", extra: "type: code")
      // Riket (0000) or county rows beside the municipality's: a comparison series.
      if let (column, name) = assigned["unit"],
        sheet.rows.contains(where: { r in
          r.number > header.row
            && ComparisonSeriesReader.series(for: r.cell(column: column)?.value.displayText ?? "")
              != nil
        })
      {
        // A name column beside the code (`Område` beside `Områdes-ID`) names the rows that
        // have no code ("Liknande kommuner").
        if let other = unplaced.first(where: { field($0.1, in: unit) }) {
          lines.append(
            "      comparison: { columns: [\(quote(name)), \(quote(other.1))] }   # \(letter(column)), "
              + "\(letter(other.0)): Riket, county and similar-municipality rows are comparison series"
          )
          placed.insert(other.0)
        } else {
          lines.append(
            "      comparison: \(quote(name))   # \(letter(column)), Riket and county rows are comparison series"
          )
        }
      }
      line("period", "period")
      line("gender", "gender", extra: "type: gender")
      line("value", "outcome")
      line("comment", "comment", extra: "optional: true")
    case .activity:
      line("goal", "goal_id")
      if assigned["goal_id"] == nil { goalLine() }
      if mergedGoalColumn() { fillDown.append("goal") }
      line("title", "activity", extra: "required: true")
      line("owner", "owner", extra: "optional: true")
      line("start", "start")
      line("end", "end")
      line("status", "status")
      line("comment", "comment", extra: "optional: true")
    default: break
    }
    var y = "  - name: \(quote(slugName(sheet.name)))\n"
    if !isOnlySheet { y += "    sheet: \(quote(sheet.name))\n" }
    y += "    entity: \(entity.rawValue)\n"
    let findWords = keyHeaders.prefix(2).map(quote).joined(separator: ", ")
    if let g = header.groupRow {
      y +=
        "    header: { find: [\(findWords)], rows: 2 }   # header on row \(header.row), groups on row \(g)\n"
    } else {
      y += "    header: { find: [\(findWords)] }   # header on row \(header.row)\n"
    }
    if !fillDown.isEmpty {
      y += "    fill_down: [\(fillDown.joined(separator: ", "))]   # merged goal cells\n"
    }
    y += "    fields:\n" + lines.joined(separator: "\n") + "\n"
    if entity == .measurement && (!periodColumns.isEmpty || hasGender || assigned["outcome"] == nil)
    {
      y += "    unpivot:\n"
      if !periodColumns.isEmpty {
        let newestFirst =
          periodColumns.count > 1
          && (Period(parsing: periodColumns[0].1) ?? .year(0))
            > (Period(parsing: periodColumns[1].1) ?? .year(0))
        y +=
          "      columns_regex: \"^(?<period>\\\\d{4}(/\\\\d{2})?)$\"   # \(periodColumns.count) period columns\n"
        y += "      order: \(newestFirst ? "newest-first" : "oldest-first")\n"
        y += "      fields:\n        period: { from: period }\n"
      } else if hasGender {
        y += "      group_regex: \"^(?<kon>Totalt|Flickor|Pojkar|Kvinnor|Män)$\"\n"
        y +=
          "      fields:\n        kpi: { from: header, slug: true }\n        gender: { from: kon }\n"
      } else {
        y += "      columns: \"*\"   # every column not used above\n"
        y +=
          "      except: [\(unplaced.prefix(4).map { quote($0.1) }.joined(separator: ", "))]   # descriptive columns: check\n"
        y += "      fields:\n        kpi: { from: header, slug: true }\n"
      }
    }
    if !genderUnpivot.isEmpty {
      // A period in the outcome's header (`Utfall T2`) matches the next period's file too.
      let alternatives = genderUnpivot.map {
        NSRegularExpression.escapedPattern(for: $0.1).replacingOccurrences(
          of: #"\d+"#, with: #"\\d+"#, options: .regularExpression)
      }
      let split = genderUnpivot.compactMap { c in
        BuiltInValueMaps.gender.value(for: c.1).map { "\(quote(c.1)): \($0)" }
      }
      let total = genderUnpivot.count > split.count ? ", \"*\": T" : ""
      y += "    unpivot:   # the outcome and its gender columns: one utfall each\n"
      y += "      columns_regex: \(quote("^(" + alternatives.joined(separator: "|") + ")$"))\n"
      y +=
        "      fields:\n        gender: { from: header, map: { \(split.joined(separator: ", "))\(total) } }\n"
      y += "      value: { type: percent }   # check: percent or number\n"
    }
    if entity == .goal, assigned["assessment"] != nil {
      y += "\n  - name: \(quote(slugName(sheet.name) + "-assessments"))\n"
      if !isOnlySheet { y += "    sheet: \(quote(sheet.name))\n" }
      y += "    entity: assessment\n"
      y += "    header: { find: [\(findWords)] }\n"
      y +=
        "    rows: { skip_when: { column: \(quote(assigned["assessment"]?.1 ?? "")), blank: true } }\n"
      y += "    fields:\n"
      if let (c, n) = assigned["goal_id"] ?? assigned["goal_title"] {
        if assigned["goal_id"] != nil, isNumberColumn(sheet, c, below: header.row) {
          y += "      goal: { column: \(quote(n)), format: \"{unit}-M{value}\" }   # \(letter(c))\n"
        } else {
          y += "      goal: \(quote(n))   # \(letter(c))\n"
        }
      }
      if let (c, n) = assigned["assessment"] {
        if let map = valueMap(sheet, c, below: header.row, assessment: true) {
          y +=
            "      level: { column: \(quote(n)), map: \(map) }   # \(letter(c)), smileys and colours as found\n"
        } else {
          y += "      level: \(quote(n))   # \(letter(c))\n"
        }
        placed.insert(c)
      }
      if let (c, n) = assigned["analysis"] {
        y += "      analysis: { column: \(quote(n)), optional: true }   # \(letter(c))\n"
        placed.insert(c)
      }
    }
    let left = header.columns.filter { c in
      !placed.contains(c.column) && !periodColumns.contains { $0.0 == c.column }
    }
    if !left.isEmpty && !(entity == .measurement && y.contains("columns: \"*\"")) {
      y +=
        "    # not mapped: "
        + left.map { "\(letter($0.column)) \(quote($0.name))" }.joined(separator: ", ") + "\n"
    }
    let note =
      "\(SourceLocation.quotedSheetName(sheet.name)): header on row \(header.row)"
      + (header.groupRow.map { " (groups on row \($0))" } ?? "") + ", \(entity.rawValue) table, "
      + "\(placed.count) of \(header.columns.count) columns placed"
      + (periodColumns.isEmpty ? "" : ", \(periodColumns.count) period columns")
    return DraftTable(yaml: y, note: note, keyHeaders: keyHeaders)
  }

  /// A sheet of sections: rows `Prioriterat mål 1: <title>` (a word, a number, a colon),
  /// label/value rows below them (`Kopplat till nämndmål`, `Bedömning`, `Analys`) and
  /// sub-headers for nyckeltal and activities that repeat in every section.
  static func draftSections(_ sheet: Worksheet, isOnlySheet: Bool) -> DraftTable? {
    var prefix: String?
    var sectionRows: [Int] = []
    for row in sheet.rows {
      guard let first = row.cells.first(where: { !$0.value.displayText.isEmpty }) else { continue }
      let text = TextMatching.trimmed(first.value.displayText)
      guard
        let m = text.range(
          of: #"^[^\d:–—-]{3,40}?\s\d{1,2}(\s*:|\.\s|\s+[–—-]\s)"#, options: .regularExpression)
      else { continue }
      // `Prioriterat mål 1:`, `Fokusområde 2 – `, `Mål 3. `; not a date (`Export 2026-09-15`).
      let p = String(text[m]).replacingOccurrences(
        of: #"\s\d{1,2}(\s*:|\.\s|\s+[–—-]\s)$"#, with: "", options: .regularExpression)
      if prefix == nil { prefix = p }
      if TextMatching.normalized(p) == TextMatching.normalized(prefix ?? "") {
        sectionRows.append(row.number)
      }
    }
    guard let prefix, let firstSection = sectionRows.first else { return nil }
    // Label rows and sub-headers after the first section row.
    var labels: [String: String] = [:]  // field → label
    var kpiHeader: [String] = []
    var activityHeader: [String] = []
    for row in sheet.rows where row.number > firstSection {
      let texts = row.cells.map { TextMatching.trimmed($0.value.displayText) }.filter {
        !$0.isEmpty
      }
      guard let first = texts.first else { continue }
      if texts.count >= 3 {
        if kpiHeader.isEmpty, texts.contains(where: { field($0, in: kpiName) }),
          texts.contains(where: { field($0, in: target) })
        {
          kpiHeader = texts
        } else if activityHeader.isEmpty, texts.contains(where: { field($0, in: activity) }) {
          activityHeader = texts
        }
        continue
      }
      if labels["aligns_to"] == nil, field(first, in: alignsTo + ["nämndmål"]) {
        labels["aligns_to"] = first
      } else if labels["level"] == nil, field(first, in: assessment) {
        labels["level"] = first
      } else if labels["analysis"] == nil, field(first, in: analysis) {
        labels["analysis"] = first
      }
    }
    let pattern =
      "^\(NSRegularExpression.escapedPattern(for: prefix)) (?<number>\\d+)\\s*[:.–—-]\\s*(?<title>.+?)\\s*$"
    let section =
      "    sections:\n      - name: mål\n        when: { regex: \(quote(pattern)) }\n"
    let sectionID = "        fields:\n          id: { value: \"{unit}-M{number}\" }\n"
    var y = ""
    func head(_ name: String, _ entity: Entity) {
      y += "  - name: \(name)\n"
      if !isOnlySheet { y += "    sheet: \(quote(sheet.name))\n" }
      y += "    entity: \(entity.rawValue)\n"
    }
    head("mal", .goal)
    y += section + "        entity: goal   # one goal per section row\n"
    y +=
      sectionID + "          title: { value: \"{title}\" }\n          prioritised: { value: Ja }\n"
    if let l = labels["aligns_to"] {
      y += "          aligns_to: { label: \(quote(l)) }   # a label/value row of the section\n"
    }
    if let level = labels["level"] {
      head("bedomningar", .assessment)
      y += section + "        entity: assessment\n"
      y += "        fields:\n          goal: { value: \"{unit}-M{number}\" }\n"
      // The values of the label row in every section: traffic lights or smileys get a map.
      let values = sheet.rows.compactMap { r -> String? in
        let filled = r.cells.filter { !TextMatching.trimmed($0.value.displayText).isEmpty }
        guard let first = filled.first,
          TextMatching.normalized(first.value.displayText) == TextMatching.normalized(level)
        else { return nil }
        return filled.dropFirst().first?.value.displayText
      }
      if let map = valueMap(texts: values, assessment: true) {
        y +=
          "          level: { label: \(quote(level)), map: \(map) }   # traffic lights as found\n"
      } else {
        y += "          level: { label: \(quote(level)) }\n"
      }
      if let a = labels["analysis"] { y += "          analysis: { label: \(quote(a)) }\n" }
    }
    var placed = labels.count
    if !kpiHeader.isEmpty, let name = kpiHeader.first(where: { field($0, in: kpiName) }) {
      head("nyckeltal", .kpi)
      let targetName = kpiHeader.first { field($0, in: target) } ?? ""
      y +=
        "    header: { find: [\(quote(name)), \(quote(targetName))], repeats: true }   # a sub-header in every section\n"
      y += section + sectionID
      y += "    fields:\n      goal: { section: mål }\n      name: \(quote(name))\n"
      if let id = kpiHeader.first(where: { field($0, in: kpiID) }) {
        y += "      id: { column: \(quote(id)), default: \"{unit}-K{row}\" }\n"
        placed += 1
      } else {
        y += "      id: { value: \"{unit}-K{row}\" }\n"
      }
      y += "      target: \(quote(targetName))\n"
      placed += 2
      let genders = kpiHeader.filter { h in
        let last = h.split(separator: " ").last.map(String.init) ?? h
        return BuiltInValueMaps.gender.value(for: last) != nil
      }
      if genders.count >= 2 {
        // `Utfall T2 totalt` also matches `Utfall T3 totalt` in the next period's file.
        let alternatives = genders.map {
          NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(
            of: #"\d+"#, with: #"\\d+"#, options: .regularExpression)
        }
        y += "    unpivot:   # the gender columns: one utfall each\n"
        y += "      columns_regex: \(quote("^(" + alternatives.joined(separator: "|") + ")$"))\n"
        y += "      fields:\n        gender: { from: header, type: gender }\n"
        y += "      value: { type: percent }   # check: percent or number\n"
        placed += genders.count
      } else if let o = kpiHeader.first(where: { field($0, in: outcome) }) {
        y += "      outcome: { column: \(quote(o)), type: percent }\n"
        placed += 1
      }
    }
    if !activityHeader.isEmpty, let title = activityHeader.first(where: { field($0, in: activity) })
    {
      head("aktiviteter", .activity)
      let statusName = activityHeader.first { field($0, in: status) }
      y +=
        "    header: { find: [\(quote(title))\(statusName.map { ", " + quote($0) } ?? "")], repeats: true }\n"
      // A row with no title but other cells goes on with the activity above it.
      y += "    rows: { continues_when: { column: \(quote(title)), blank: true } }\n"
      y += section + sectionID
      y += "    fields:\n      goal: { section: mål }\n      title: \(quote(title))\n"
      placed += 1
      for (f, words) in [
        ("responsible", owner), ("start", start), ("end", end), ("status", status),
        ("comment", comment),
      ] {
        if let h = activityHeader.first(where: { field($0, in: words) }) {
          y += "      \(f): { column: \(quote(h)), optional: true }\n"
          placed += 1
        }
      }
    }
    let total = labels.count + kpiHeader.count + activityHeader.count
    let note =
      "\(SourceLocation.quotedSheetName(sheet.name)): \(sectionRows.count) sections \"\(prefix) N: …\" "
      + "(rows \(sectionRows.map(String.init).joined(separator: ", "))), \(labels.count) label rows, "
      + "\(kpiHeader.isEmpty ? 0 : 1) nyckeltal and \(activityHeader.isEmpty ? 0 : 1) activity sub-header; "
      + "\(placed) of \(total) columns and labels placed"
    return DraftTable(yaml: y, note: note, keyHeaders: Array(kpiHeader.prefix(3)))
  }

  /// A flat list with a level column (`Typ`: KF-mål, Nämndmål, Indikator, Aktivitet): one
  /// table per kind of row, the tree from row order (`tree:`), readable ids per goal level.
  static func draftTree(_ sheet: Worksheet, header: Header, isOnlySheet: Bool) -> DraftTable? {
    let levelWords = ["typ", "nivå", "level", "type", "objekttyp", "radtyp"]
    let below = sheet.rows.filter { $0.number > header.row }
    var kinds: [String] = []
    // The level column, or else a column whose cells are indented in steps (the tree given
    // only by indentation): its levels are named by what they hold.
    var byIndent = false
    let level: (column: Int, name: String, group: String?)
    if let named = header.columns.first(where: {
      levelWords.contains(TextMatching.normalized($0.name))
    }) {
      level = named
      for row in below {
        let t = TextMatching.trimmed(row.cell(column: level.column)?.value.displayText ?? "")
        if !t.isEmpty, !kinds.contains(t) { kinds.append(t) }
      }
    } else if let indented = header.columns.first(where: { c in
      Set(below.compactMap { $0.cell(column: c.column)?.indent }).count >= 2
    }) {
      level = indented
      byIndent = true
    } else {
      return nil
    }
    // Levels written as numbers (`Nivå` 1, 2, 3) or given by indentation: the deepest level
    // holds nyckeltal when its rows have a KPI id or a target, else activities; the levels
    // above are goals, KF-mål over nämndmål when there are two or more.
    var numbered: [String: (entity: Entity, prefix: String?, level: String?)] = [:]
    let numeric = !kinds.isEmpty && kinds.allSatisfy { Int($0) != nil }
    if numeric || byIndent {
      let steps: [Int]
      if byIndent {
        steps = Set(
          below.compactMap { r -> Int? in
            guard let c = r.cell(column: level.column),
              !TextMatching.trimmed(c.value.displayText).isEmpty
            else { return nil }
            return Int(c.indent)
          }
        ).sorted()
      } else {
        steps = kinds.compactMap { Int($0) }.sorted()
      }
      guard steps.count >= 2 else { return nil }
      let deepest = steps.last ?? 0
      let idColumn = header.columns.first { field($0.name, in: kpiID) }?.column
      let targetColumn = header.columns.first { field($0.name, in: target) }?.column
      let leafRows = below.filter { r in
        guard let c = r.cell(column: level.column) else { return false }
        return byIndent ? Int(c.indent) == deepest : Int(c.value.displayText) == deepest
      }
      let kpiLeaves = leafRows.contains { r in
        [idColumn, targetColumn].contains { col in
          col.map { !TextMatching.trimmed(r.cell(column: $0)?.value.displayText ?? "").isEmpty }
            ?? false
        }
      }
      kinds = []
      for (i, step) in steps.enumerated() {
        let goalLevels = steps.count - 1
        let word: String
        let k: (entity: Entity, prefix: String?, level: String?)
        if step == deepest {
          word = byIndent ? (kpiLeaves ? "Indikator" : "Aktivitet") : String(step)
          k = (kpiLeaves ? .kpi : .activity, nil, nil)
        } else if goalLevels >= 2 && i == 0 {
          word = byIndent ? "KF-mål" : String(step)
          k = (.goal, "KF", "council")
        } else {
          word = byIndent ? (i <= 1 ? "Nämndmål" : "Mål \(i + 1)") : String(step)
          k = (.goal, i <= 1 ? "NM" : "M\(i + 1)", nil)
        }
        kinds.append(word)
        numbered[word] = k
      }
    }
    func kind(_ word: String) -> (entity: Entity, prefix: String?, level: String?)? {
      if let k = numbered[word] { return k }
      let n = TextMatching.normalized(word)
      if n.contains("kf") || n.contains("kommunfullmäktige") || n.contains("kommunmål") {
        return (.goal, "KF", "council")
      }
      if n.contains("nämnd") { return (.goal, "NM", nil) }
      if n.contains("indikator") || n.contains("nyckeltal") || n.contains("mått")
        || n.contains("mätetal")
      {
        return (.kpi, nil, nil)
      }
      if n.contains("aktivitet") || n.contains("åtgärd") || n.contains("insats")
        || n.contains("uppdrag")
      {
        return (.activity, nil, nil)
      }
      if n.contains("mål") { return (.goal, "M", nil) }
      return nil
    }
    let goals = kinds.filter { kind($0)?.entity == .goal }
    let leaves = kinds.filter { [.kpi, .activity].contains(kind($0)?.entity) }
    guard !goals.isEmpty, goals.count + (leaves.isEmpty ? 0 : 1) >= 2 else { return nil }
    let others = header.columns.filter { $0.column != level.column }
    func col(_ words: [String]) -> (column: Int, name: String, group: String?)? {
      others.first { field($0.name, in: words) }
    }
    let title =
      byIndent
      ? level
      : col(["rubrik", "namn", "benämning", "titel", "title", "name"] + goalTitle + kpiName)
        ?? others.first
    guard let title else { return nil }
    // The header words that find the table: the level column and the title, or (by
    // indentation, where they are one column) the title and the next column.
    let findWords =
      byIndent
      ? [level.name, others.first?.name ?? level.name] : [level.name, title.name]
    let kolada = col(kpiID)
    let targetColumn = col(target)
    let curriculum = col(alignsTo)
    let ownerColumn = col(owner)
    func letter(_ c: Int) -> String { CellReference.columnLetters(c) }
    var y = ""
    var placed: Set<Int> = [level.column, title.column]
    let levels =
      goals.map {
        "        - { name: \(quote($0)), id: \"\(kind($0)?.prefix ?? "M")-{tree_number}\" }"
      }
      + (leaves.isEmpty
        ? [] : ["        - { name: [\(leaves.map(quote).joined(separator: ", "))] }"])
    for (i, word) in (goals + leaves).enumerated() {
      guard let k = kind(word) else { continue }
      // Levels written as numbers are named by what they hold (`1` would make no name).
      let tableName: String
      if numbered[word] == nil {
        tableName = slugName(word)
      } else if k.entity == .goal {
        tableName = k.prefix == "KF" ? "kf-mal" : k.prefix == "NM" ? "namndmal" : "mal-\(i + 1)"
      } else {
        tableName = k.entity == .kpi ? "nyckeltal" : "aktiviteter"
      }
      y += "  - name: \(quote(tableName))\n"
      if !isOnlySheet { y += "    sheet: \(quote(sheet.name))\n" }
      y += "    entity: \(k.entity.rawValue)\n"
      y +=
        "    header: { find: [\(quote(findWords[0])), \(quote(findWords[1]))] }   # header on row \(header.row)\n"
      if i == 0 {
        y += "    tree: &tree   # the parent is the nearest row above at the level above\n"
        if byIndent {
          y +=
            "      indent: \(quote(level.name))   # \(letter(level.column)): the level is the cell's indentation\n"
        } else {
          y += "      level: \(quote(level.name))   # \(letter(level.column))\n"
        }
        y += "      levels:\n" + levels.joined(separator: "\n") + "\n"
      } else {
        y += "    tree: *tree\n"
      }
      if byIndent {
        y += "    rows: { keep_when: { tree_level: \(quote(word)) } }\n"
      } else {
        y +=
          "    rows: { keep_when: { column: \(quote(level.name)), equals: \(quote(word)) } }\n"
      }
      y += "    fields:\n"
      switch k.entity {
      case .goal:
        y +=
          "      id: { value: \"{tree_id}\" }   # no id column: \(k.prefix ?? "M")-1, \(k.prefix ?? "M")-2, …\n"
        y += "      title: \(quote(title.name))   # \(letter(title.column))\n"
        if let l = k.level { y += "      level: { value: \(l) }\n" }
        if goals.firstIndex(of: word) ?? 0 > 0 {
          y += "      parent: { value: \"{tree_parent}\" }\n"
        }
        if let c = curriculum {
          y +=
            "      aligns_to: { column: \(quote(c.name)), optional: true }   # \(letter(c.column))\n"
          placed.insert(c.column)
        }
      case .kpi:
        if let c = kolada {
          y +=
            "      id: { column: \(quote(c.name)), default: \"{tree_parent}-K{tree_number}\" }   # \(letter(c.column))\n"
          placed.insert(c.column)
        } else {
          y += "      id: { value: \"{tree_parent}-K{tree_number}\" }\n"
        }
        y += "      name: \(quote(title.name))   # \(letter(title.column))\n"
        y += "      goal: { value: \"{tree_parent}\" }\n"
        if let c = targetColumn {
          y += "      target: \(quote(c.name))   # \(letter(c.column))\n"
          placed.insert(c.column)
        }
      default:
        y += "      title: \(quote(title.name))   # \(letter(title.column))\n"
        y += "      goal: { value: \"{tree_parent}\" }\n"
        if let c = ownerColumn {
          y +=
            "      responsible: { column: \(quote(c.name)), optional: true }   # \(letter(c.column))\n"
          placed.insert(c.column)
        }
      }
      y += "\n"
    }
    let left = header.columns.filter { !placed.contains($0.column) }
    if !left.isEmpty {
      y +=
        "    # not mapped: "
        + left.map { "\(letter($0.column)) \(quote($0.name))" }.joined(separator: ", ") + "\n"
    }
    let note =
      "\(SourceLocation.quotedSheetName(sheet.name)): header on row \(header.row), a flat list "
      + (byIndent
        ? "whose levels are the indentation of \(letter(level.column)) \"\(level.name)\" "
        : "with the level column \(letter(level.column)) \"\(level.name)\" ")
      + "(\(kinds.joined(separator: ", "))), "
      + "\(goals.count + leaves.count) tables, \(placed.count) of \(header.columns.count) columns placed"
    return DraftTable(yaml: y, note: note, keyHeaders: findWords)
  }

  /// Whether a column's cells below the header are whole numbers (goal numbers 1, 2, 3).
  static func isNumberColumn(_ sheet: Worksheet, _ column: Int, below row: Int) -> Bool {
    let values = sheet.rows.filter { $0.number > row }.compactMap { $0.cell(column: column) }
      .map { TextMatching.trimmed($0.value.displayText) }.filter { !$0.isEmpty }
    return !values.isEmpty && values.allSatisfy { Int($0).map { $0 > 0 && $0 < 1000 } ?? false }
  }

  /// An inline value map for the traffic lights, emoji and smileys a status or assessment
  /// column holds, with `"*": keep` so that words the built-in maps know still pass.
  static func valueMap(_ sheet: Worksheet, _ column: Int, below row: Int, assessment: Bool)
    -> String?
  {
    valueMap(
      texts: sheet.rows.filter { $0.number > row }.compactMap {
        $0.cell(column: column)?.value.displayText
      }, assessment: assessment)
  }

  /// The value map for texts (the values of a column, or of a label row in every section).
  static func valueMap(texts: [String], assessment: Bool) -> String? {
    let known: [(String, String, String)] = [
      ("grön", "ongoing", "fulfilled"), ("gul", "delayed", "partly-fulfilled"),
      ("röd", "delayed", "not-fulfilled"), ("🟢", "ongoing", "fulfilled"),
      ("🟡", "delayed", "partly-fulfilled"), ("🔴", "delayed", "not-fulfilled"),
      ("✅", "done", "fulfilled"), ("⚪", "not-started", "not-assessed"),
      ("😊", "done", "fulfilled"), ("🙂", "ongoing", "fulfilled"),
      ("😐", "delayed", "partly-fulfilled"), ("🙁", "delayed", "not-fulfilled"),
      ("☹️", "delayed", "not-fulfilled"),
    ]
    var found: [String] = []
    for raw in texts {
      let text = TextMatching.trimmed(raw)
      guard
        let entry = known.first(where: {
          TextMatching.normalized($0.0) == TextMatching.normalized(text)
        }),
        !found.contains(text)
      else { continue }
      found.append(text)
      _ = entry
    }
    guard !found.isEmpty else { return nil }
    // The whole family, not only the symbols this sample uses: other units use the others.
    let pairs = known.map { "\(quote($0.0)): \(assessment ? $0.2 : $0.1)" }
    return "{ " + (pairs + ["\"*\": keep"]).joined(separator: ", ") + " }"
  }

  // MARK: text

  static func quote(_ s: String) -> String {
    let plain = s.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }
    if plain, let first = s.first, first.isLetter,
      !["yes", "no", "true", "false", "null", "on", "off"]
        .contains(s.lowercased())
    {
      return s
    }
    return "\""
      + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n") + "\""
  }

  static func slugName(_ text: String) -> String {
    let words = TextMatching.slug(text).split(separator: "-").filter { !$0.allSatisfy(\.isNumber) }
    let name = words.prefix(5).joined(separator: "-")
    return name.isEmpty ? "draft" : name
  }

  /// A file-name glob that does not name the sample: the extension only (`*.xlsx`). The
  /// sample's name holds its unit and date, which other units' files do not share; the
  /// draft's sheets and header words choose the files.
  static func glob(for stem: String, ext: String) -> String {
    "*.\(ext.isEmpty ? "*" : ext)"
  }
}
