import Canonical
import Foundation
import Spreadsheet

extension MappingRun {
  func mapTable(_ table: TableMapping, index: Int) {
    let label = table.name ?? "tables[\(index)]"
    let candidates: [Worksheet]
    var sheetReason: String
    switch table.sheet {
    case .first:
      candidates = workbook.worksheets.first.map { [$0] } ?? []
      sheetReason = workbook.format == .csv ? "the file's only table" : "the first worksheet"
    case .named(let names):
      let found = names.lazy.compactMap { name in
        self.workbook.worksheet(named: name)
          ?? self.workbook.worksheets.first {
            TextMatching.normalized($0.name) == TextMatching.normalized(name)
          }
      }.first
      candidates = found.map { [$0] } ?? []
      sheetReason = "named \(names.map { "\"\($0)\"" }.joined(separator: " | "))"
    case .regex(let pattern):
      candidates = workbook.worksheets.filter { regexes.match(pattern, in: $0.name) != nil }.prefix(
        1
      )
      .map { $0 }
      sheetReason = "first name matching /\(pattern)/"
    case .every:
      candidates = workbook.worksheets.filter { $0.kind == .worksheet }
      sheetReason = "every worksheet with the header"
    }
    guard !candidates.isEmpty else {
      var run = MappingExplanation.TableRun(
        table: label, entity: table.entity, sheet: nil, sheetReason: sheetReason + ": none found",
        headerRow: nil, groupRow: nil, headerReason: "not searched")
      if table.optional {
        run.notes.append("table is optional and its worksheet is absent")
      } else {
        let names = workbook.worksheets.map(\.name)
        var wanted = ""
        if case .named(let n) = table.sheet { wanted = n.first ?? "" }
        log.report(
          MappingDiagnostics.sheetNotFound, at: SourceLocation(file: workbook.path),
          "the workbook has no worksheet for table \(label) (\(sheetReason)); it has "
            + names.map { SourceLocation.quotedSheetName($0) }.joined(separator: ", "),
          hint: TextMatching.suggestion(for: wanted, among: names).map { "did you mean '\($0)'?" })
      }
      explanation.tables.append(run)
      return
    }
    var anyHeader = false
    var missedRuns: [MappingExplanation.TableRun] = []
    for sheet in candidates {
      var run = MappingExplanation.TableRun(
        table: label, entity: table.entity, sheet: sheet.name, sheetReason: sheetReason,
        headerRow: nil, groupRow: nil, headerReason: "")
      guard let layout = header.findHeader(table, in: sheet) else {
        run.headerReason = header.missReason(table)
        missedRuns.append(run)
        continue
      }
      anyHeader = true
      run.headerRow = layout.headerRow
      run.groupRow = layout.groupRow
      run.headerReason = layout.reason
      mapRows(table, layout: layout, run: &run)
      explanation.tables.append(run)
    }
    if !anyHeader {
      explanation.tables += missedRuns
      if !table.optional, let sheet = candidates.first {
        log.report(
          MappingDiagnostics.headerNotFound,
          at: SourceLocation(file: workbook.path, sheet: sheet.name),
          "no header row for table \(label) in the first \(table.header.within) rows: "
            + header.missReason(table))
      }
    }
  }
}
