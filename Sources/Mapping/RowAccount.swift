import Spreadsheet

/// A row with values that no table of the mapping took, and why.
public struct LeftOutRow: Sendable, Hashable {
  /// The worksheet (for a CSV file, the file's one table).
  public var sheet: String
  /// The 1-based row number, as shown in Excel (for CSV, the record number).
  public var row: Int
  /// The 1-based line in a CSV file, when it differs from the row.
  public var line: Int?
  /// Why it was left out, by the last table that saw it: `total row (table kpis)`.
  public var reason: String
  /// The row's first non-empty texts, for recognising it.
  public var preview: String
}

/// Which rows of each worksheet the tables took (made records from, or read as header or
/// section rows) and which rows with values they passed over, so that nothing is lost
/// silently.
struct RowAccount {
  private var taken: [String: Set<Int>] = [:]
  private var passed: [String: [Int: (line: Int?, reason: String, preview: String)]] = [:]
  private var sheetOrder: [String] = []

  /// Records a row some table used.
  mutating func take(sheet: String, row: Int) {
    taken[sheet, default: []].insert(row)
  }

  /// Records a row with values a table passed over; a later reason replaces an earlier one.
  mutating func pass(_ row: Row, sheet: String, reason: String) {
    guard !row.isBlank else { return }
    if passed[sheet] == nil { sheetOrder.append(sheet) }
    let texts = row.cells.lazy.map { TextMatching.trimmed($0.value.displayText) }
      .filter { !$0.isEmpty }.prefix(3)
    var preview = texts.joined(separator: " | ")
    if preview.count > 80 { preview = String(preview.prefix(79)) + "…" }
    passed[sheet, default: [:]][row.number] = (row.line, reason, preview)
  }

  /// The rows passed over that no table took, in sheet order and row order.
  var leftOut: [LeftOutRow] {
    sheetOrder.flatMap { sheet -> [LeftOutRow] in
      let used = taken[sheet] ?? []
      return (passed[sheet] ?? [:]).filter { !used.contains($0.key) }.sorted { $0.key < $1.key }
        .map {
          LeftOutRow(
            sheet: sheet, row: $0.key, line: $0.value.line, reason: $0.value.reason,
            preview: $0.value.preview)
        }
    }
  }
}
