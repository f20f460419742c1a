public import Foundation
public import Spreadsheet
import SpreadsheetIO
import XLSX

/// The sender's own workbook returned with the problems marked: each problem cell filled in
/// the colour of its severity and carrying a note that says in Swedish what is wrong and what
/// to do, and a first worksheet "Återkoppling" that lists every problem with a link to its
/// cell. Nothing else changes: every cell value stays, and every part of the package without
/// a marked cell is byte-identical (``XLSX/XLSXEditor``).
///
/// A CSV file gets an XLSX copy of its table (the same cell references, with the file's line
/// numbers in a column after the table) marked the same way.
public enum FeedbackWorkbook {
  /// The fill of a cell with an error: a light tint of Okabe–Ito orange (#E69F00), told
  /// apart from ``warningFill`` with every kind of colour vision.
  public static let errorFill = "F5D999"
  /// The fill of a cell with a warning: a light tint of Okabe–Ito sky blue (#56B4E9).
  public static let warningFill = "BBE1F6"
  /// The name of the list worksheet.
  public static let listSheetName = "Återkoppling"
  /// The author of the notes.
  public static let noteAuthor = "Återkoppling"

  /// The diagnostics a sender sees: errors and warnings (information is left out).
  public static func relevant(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.filter { $0.severity >= .warning }
  }

  /// Writes the feedback workbook for a source file.
  ///
  /// - Parameters:
  ///   - source: the file as received (XLSX or CSV).
  ///   - diagnostics: its diagnostics (locations name the worksheet and cell); information is
  ///     left out.
  ///   - destination: where to write it; written atomically.
  /// - Returns: how many cells were marked.
  /// - Throws: the reader's error when the source cannot be read as a workbook or table;
  ///   ``XLSX/XLSXError`` when the feedback cannot be written.
  @discardableResult
  public static func write(source: URL, diagnostics: [Diagnostic], to destination: URL) throws
    -> Int
  {
    let kind = try SpreadsheetFile.kind(ofFileAt: source.path)
    switch kind {
    case .workbook:
      let editor = try XLSXEditor(path: source.path)
      return try mark(editor, diagnostics: relevant(diagnostics), to: destination)
    case .text:
      let workbook = try SpreadsheetFile.read(path: source.path)
      try FileManager.default.createDirectory(
        at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
      let temporary = temporaryCopy(beside: destination)
      defer { try? FileManager.default.removeItem(at: temporary) }
      let names = try writeCopy(of: workbook, to: temporary)
      var moved = relevant(diagnostics)
      for i in moved.indices {
        if let sheet = moved[i].location?.sheet, let name = names[sheet] {
          moved[i].location?.sheet = name
        }
      }
      let editor = try XLSXEditor(path: temporary.path)
      return try mark(editor, diagnostics: moved, to: destination)
    }
  }

  /// Where a CSV file's table is written as a workbook before it is marked: a hidden name
  /// ending in `.tmp` beside the destination, which a pipeline pass killed meanwhile removes on
  /// its next start (as it removes every `.NAME.tmp`).
  static func temporaryCopy(beside destination: URL) -> URL {
    destination.deletingLastPathComponent().appendingPathComponent(
      ".\(UUID().uuidString).csv-copy.xlsx.tmp")
  }

  /// The table of a CSV file as a workbook: each row at its own row number, and the line of
  /// the file it came from in the column after the table.
  ///
  /// - Returns: the worksheet names used, by the names in the diagnostics.
  static func writeCopy(of workbook: Workbook, to url: URL) throws -> [String: String] {
    let writer = try XLSXWriter(path: url.path)
    var names: [String: String] = [:]
    var used: Set<String> = []
    for sheet in workbook.worksheets {
      var name = String(
        sheet.name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
      if name.isEmpty { name = "Tabell" }
      var n = 2
      while used.contains(name.lowercased()) {
        name = String(name.prefix(27)) + " (\(n))"
        n += 1
      }
      used.insert(name.lowercased())
      names[sheet.name] = name
      try writer.addWorksheet(name: name)
      let width = sheet.rows.flatMap { $0.cells.map(\.column) }.max() ?? 0
      let lineColumn = width + 1
      let header = WriteCell.string("Rad i filen")
      var wroteHeader = false
      for row in sheet.rows {
        var cells = [WriteCell?](repeating: nil, count: lineColumn)
        for cell in row.cells where cell.column >= 1 && cell.column <= width {
          cells[cell.column - 1] = WriteCell(cell.value)
        }
        if let line = row.line {
          cells[lineColumn - 1] = .number(Double(line))
        } else if !wroteHeader, row.number == (sheet.rows.first?.number ?? 1) {
          cells[lineColumn - 1] = header
        }
        wroteHeader = true
        try writer.writeRow(cells, at: row.number)
      }
    }
    try writer.close()
    return names
  }

  /// Takes out what an earlier feedback put in a workbook that comes back (a sender may fix
  /// the feedback workbook itself and send it in): the list sheet, the notes written as
  /// ``noteAuthor`` and the fills in ``errorFill`` and ``warningFill``, so marks never pile up.
  static func removeEarlierFeedback(_ editor: XLSXEditor) throws {
    for sheet in editor.worksheets where sheet.name.hasPrefix(listSheetName) {
      let text = String(decoding: try editor.package.part(sheet.partName), as: UTF8.self)
      if text.contains(">Vad är fel<"), text.contains(">Vad du kan göra<") {
        try editor.removeWorksheet(named: sheet.name)
      }
    }
    try editor.removeNotes(author: noteAuthor)
    try editor.removeFills(rgb: [errorFill, warningFill])
  }

  /// Marks the cells, adds the list sheet and writes the workbook.
  static func mark(_ editor: XLSXEditor, diagnostics: [Diagnostic], to destination: URL) throws
    -> Int
  {
    editor.noteAuthor = noteAuthor
    try removeEarlierFeedback(editor)
    // A sheet name Excel forbids (`../../x`) would keep the workbook from opening: it gets an
    // allowed one, and the marks and links follow it.
    let renamed = try editor.sanitizeSheetNames()
    var diagnostics = diagnostics
    for i in diagnostics.indices {
      if let sheet = diagnostics[i].location?.sheet, let name = renamed[sheet] {
        diagnostics[i].location?.sheet = name
      }
    }
    let order = Dictionary(
      editor.worksheets.enumerated().map { ($0.element.name, $0.offset) },
      uniquingKeysWith: { a, _ in a })
    let sorted = diagnostics.enumerated().sorted { a, b in
      let la = a.element.location
      let lb = b.element.location
      let ka = (
        la?.sheet.flatMap { order[$0] } ?? -1, la?.row ?? 0, la?.cell?.column ?? 0, a.offset
      )
      let kb = (
        lb?.sheet.flatMap { order[$0] } ?? -1, lb?.row ?? 0, lb?.cell?.column ?? 0, b.offset
      )
      return ka < kb
    }.map(\.element)

    var worst: [String: [CellReference: Severity]] = [:]
    for d in sorted {
      guard let sheet = d.location?.sheet, order[sheet] != nil, let cell = d.location?.cell
      else { continue }
      let message = SenderMessage(d)
      try editor.addNote(
        message.problem + "\n\nGör så här: " + message.action,
        heading: "\(SenderTexts.severityWord(d.severity.rawValue)): \(message.title)", at: cell,
        sheet: sheet)
      worst[sheet, default: [:]][cell] = max(worst[sheet]?[cell] ?? .info, d.severity)
    }
    var marked = 0
    for (sheet, cells) in worst {
      for (cell, severity) in cells {
        try editor.fill(cell, sheet: sheet, rgb: severity == .error ? errorFill : warningFill)
        marked += 1
      }
    }

    let header = try editor.addTextFormat(bold: true, fillRGB: "E8E8E8")
    let text = try editor.addTextFormat()
    let link = try editor.addTextFormat(underline: true, rgb: "0563C1", wrap: false)
    let errorStyle = try editor.addTextFormat(bold: true, fillRGB: errorFill, wrap: false)
    let warningStyle = try editor.addTextFormat(bold: true, fillRGB: warningFill, wrap: false)
    var rows: [[XLSXEditor.NewCell?]] = [
      ["Allvar", "Blad", "Cell", "Vad är fel", "Vad du kan göra"].map {
        .text($0, style: header)
      }
    ]
    var links: [(cell: CellReference, location: String)] = []
    for d in sorted {
      let message = SenderMessage(d)
      let location = d.location
      let sheet = location?.sheet.flatMap { order[$0] != nil ? $0 : nil }
      var where_: XLSXEditor.NewCell? = nil
      if let sheet {
        let quoted = SourceLocation.quotedSheetName(sheet)
        let target: CellReference
        let shown: String
        if let cell = location?.cell {
          target = cell
          shown = cell.a1
        } else if let row = location?.row {
          target = CellReference(row: row, column: 1)
          shown = "rad \(row)"
        } else {
          target = CellReference(row: 1, column: 1)
          shown = "hela bladet"
        }
        where_ = .text(shown, style: link)
        links.append((CellReference(row: rows.count + 1, column: 3), "\(quoted)!\(target.a1)"))
      } else if let line = location?.line {
        where_ = .text("rad \(line) i filen", style: text)
      }
      let severity = SenderTexts.severityWord(d.severity.rawValue)
      rows.append([
        .text(severity, style: d.severity == .error ? errorStyle : warningStyle),
        .text(location?.sheet ?? "hela filen", style: text), where_,
        .text(message.title + ": " + message.problem, style: text),
        .text(message.action, style: text),
      ])
    }
    try editor.insertWorksheet(
      named: listSheetName, at: 0, rows: rows, columnWidths: [10, 16, 10, 60, 60], links: links)
    try FileManager.default.createDirectory(
      at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try editor.write(to: destination.path)
    return marked
  }
}
