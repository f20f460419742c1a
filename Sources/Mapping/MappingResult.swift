public import Canonical
import Foundation
public import Spreadsheet

/// What mapping one workbook gives: the canonical records, the problems found in the data, and
/// an explanation of every choice made (for `redthread mapping explain`).
public struct MappingResult: Sendable {
  /// The records read, each with its provenance.
  public var dataset: Dataset
  /// Problems in the data, each located at a cell, row or sheet.
  public var diagnostics: [Diagnostic]
  /// Which sheets, header rows and columns were used, and why.
  public var explanation: MappingExplanation

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// An info diagnostic (`rows-left-out`) counting the rows with values that no table took,
  /// by reason, or `nil` when every such row was taken. `redthread run` adds it to the file's
  /// diagnostics; `mapping explain` lists the rows themselves.
  public var leftOutSummary: Diagnostic? {
    let rows = explanation.leftOut
    guard let first = rows.first else { return nil }
    let reasons = Dictionary(grouping: rows, by: \.reason).map { ($0.key, $0.value.count) }
      .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    let n = rows.count
    return Diagnostic(
      code: MappingDiagnostics.rowsLeftOut, severity: .info,
      location: SourceLocation(
        file: explanation.file, sheet: first.sheet, row: first.row, line: first.line),
      message: "\(n) row\(n == 1 ? "" : "s") with values \(n == 1 ? "was" : "were") left out: "
        + reasons.prefix(4).map { "\($0.1) \($0.0)" }.joined(separator: "; ")
        + (reasons.count > 4 ? "; …" : ""),
      hint: "redthread mapping explain lists every row left out and why",
      value: String(n), arguments: ["count": String(n)])
  }

  /// Creates a result.
  public init(dataset: Dataset, diagnostics: [Diagnostic], explanation: MappingExplanation) {
    self.dataset = dataset
    self.diagnostics = diagnostics
    self.explanation = explanation
  }
}

/// A dry run's account: the context values read, and for each table the sheet, header row and
/// column bindings chosen (and why), the rows skipped (and why) and the first records made.
public struct MappingExplanation: Sendable {
  /// The mapping's name.
  public var mapping: String
  /// The mapping's version.
  public var version: Int
  /// The workbook's path.
  public var file: String
  /// Context values, in mapping order.
  public var context: [ContextLine]
  /// One entry per table and worksheet read.
  public var tables: [TableRun]
  /// The rows with values that no table took, with the reason.
  public var leftOut: [LeftOutRow] = []

  /// Creates an explanation.
  public init(
    mapping: String, version: Int, file: String, context: [ContextLine] = [],
    tables: [TableRun] = []
  ) {
    self.mapping = mapping
    self.version = version
    self.file = file
    self.context = context
    self.tables = tables
  }

  /// One context value: its name, where it was read and what it became.
  public struct ContextLine: Sendable, Hashable {
    /// The name.
    public var name: String
    /// Where it was read: `cell 'Mål'!B2`, `label "Valt läsår" at 'Statistik'!A4`, ...
    public var source: String
    /// The value as read, or `nil` when absent.
    public var value: String?
  }

  /// One column binding: which column a field was read from, and how it was found.
  public struct ColumnLine: Sendable, Hashable {
    /// The field (`title`, `dimensions.huvudman`).
    public var field: String
    /// What the mapping asked for (`"Mål" | "Enhetsmål"`).
    public var wanted: String
    /// The column letter, or `nil` when not found.
    public var column: String?
    /// The header text of the column found.
    public var header: String?
    /// How it was found: `name`, `name (letters and digits only)`, `regex`, `position`,
    /// `not found`, `absent, optional`.
    public var how: String
  }

  /// One table read on one worksheet.
  public struct TableRun: Sendable {
    /// The table's name, or `tables[i]`.
    public var table: String
    /// The entity made.
    public var entity: Entity
    /// The worksheet read, or `nil` when none was found.
    public var sheet: String?
    /// Why that worksheet.
    public var sheetReason: String
    /// The 1-based header row, or `nil` when none was found.
    public var headerRow: Int?
    /// The group row above it, for two-row headers.
    public var groupRow: Int?
    /// Why that row.
    public var headerReason: String
    /// The column bindings.
    public var columns: [ColumnLine] = []
    /// The columns unpivoted: `F "2024/25" → period 2024/25`.
    public var unpivoted: [String] = []
    /// Data rows read (after the header, before filters).
    public var rowsRead = 0
    /// Records made.
    public var records = 0
    /// Rows skipped, by reason (`blank`, `total row`, `keep_when`, ...).
    public var skipped: [String: Int] = [:]
    /// Where and why reading stopped, if before the last row.
    public var stoppedAt: String?
    /// The first records made, as canonical JSON, one per line.
    public var samples: [String] = []
    /// Other remarks (duplicate header names, succession applied).
    public var notes: [String] = []
  }

  /// The explanation as text for a terminal, with the diagnostics (at most `maxDiagnostics`)
  /// and `samples` records per table.
  public func render(diagnostics: [Diagnostic], samples: Int = 3, maxDiagnostics: Int = 50)
    -> String
  {
    var out = "mapping \(mapping) version \(version) on \(file)\n"
    if !context.isEmpty {
      out += "\ncontext\n"
      for line in context {
        out += "  \(line.name) = \(line.value.map { "\"\($0)\"" } ?? "(none)")  ← \(line.source)\n"
      }
    }
    for run in tables {
      out += "\ntable \(run.table) (\(run.entity.rawValue))\n"
      out +=
        "  sheet: \(run.sheet.map { SourceLocation.quotedSheetName($0) } ?? "(none)")  ← \(run.sheetReason)\n"
      if let header = run.headerRow {
        out += "  header row: \(header)"
        if let group = run.groupRow { out += " (group row \(group))" }
        out += "  ← \(run.headerReason)\n"
      } else {
        out += "  header row: (none)  ← \(run.headerReason)\n"
      }
      if !run.columns.isEmpty {
        out += "  columns:\n"
        let width = run.columns.map(\.field.count).max() ?? 0
        for c in run.columns {
          let pad = String(repeating: " ", count: max(0, width - c.field.count))
          let found = c.column.map { "\($0) \"\(c.header ?? "")\"" } ?? "—"
          out += "    \(c.field)\(pad) ← \(found)  [\(c.how); wanted \(c.wanted)]\n"
        }
      }
      if !run.unpivoted.isEmpty {
        out += "  unpivoted columns (\(run.unpivoted.count)):\n"
        for u in run.unpivoted.prefix(12) { out += "    \(u)\n" }
        if run.unpivoted.count > 12 { out += "    … \(run.unpivoted.count - 12) more\n" }
      }
      out += "  rows read: \(run.rowsRead), records made: \(run.records)\n"
      for (reason, count) in run.skipped.sorted(by: { $0.key < $1.key }) {
        out += "  skipped \(count) row\(count == 1 ? "" : "s"): \(reason)\n"
      }
      if let stop = run.stoppedAt { out += "  stopped: \(stop)\n" }
      for note in run.notes { out += "  note: \(note)\n" }
      if !run.samples.isEmpty {
        out += "  first records:\n"
        for s in run.samples.prefix(samples) { out += "    \(s)\n" }
      }
    }
    if !leftOut.isEmpty {
      out += "\nrows no table took (\(leftOut.count))\n"
      for r in leftOut {
        let place = SourceLocation(file: file, sheet: r.sheet, row: r.row, line: r.line)
        out += "  \(r.line == nil ? place.reference ?? "row \(r.row)" : place.description): "
        out += "\(r.reason): \(r.preview)\n"
      }
    }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    out += "\n\(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s") in the data"
    out +=
      " (\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"))\n"
    for d in diagnostics.prefix(maxDiagnostics) { out += "\(d)\n" }
    if diagnostics.count > maxDiagnostics {
      out += "… \(diagnostics.count - maxDiagnostics) more\n"
    }
    return out
  }
}
