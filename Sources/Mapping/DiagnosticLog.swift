import Spreadsheet

/// The diagnostics one mapping run finds, in the order it finds them, and their final order:
/// by location, the order found breaking ties.
final class DiagnosticLog {
  private(set) var entries: [Diagnostic] = []
  /// Keys of problems reported once per run however often they are met.
  private var reportedOnce: Set<String> = []

  /// Adds a diagnostic.
  func report(
    _ code: String, _ severity: Severity = .error, at location: SourceLocation?, _ message: String,
    hint: String? = nil, value: String? = nil, arguments: [String: String]? = nil
  ) {
    entries.append(
      Diagnostic(
        code: code, severity: severity, location: location, message: message, hint: hint,
        value: value, arguments: arguments))
  }

  /// Whether `key` is met for the first time in this run (it is remembered).
  func isFirst(_ key: String) -> Bool {
    reportedOnce.insert(key).inserted
  }

  /// The diagnostics in a stable order: worksheet tab order, then row, then column; the order
  /// found breaks ties.
  func sorted(tabOrder worksheets: [Worksheet]) -> [Diagnostic] {
    let sheetIndex = Dictionary(
      worksheets.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    return entries.enumerated().sorted { x, y in
      let a = x.element.location
      let b = y.element.location
      let ka = (a?.sheet.flatMap { sheetIndex[$0] } ?? -1, a?.row ?? 0, a?.cell?.column ?? 0)
      let kb = (b?.sheet.flatMap { sheetIndex[$0] } ?? -1, b?.row ?? 0, b?.cell?.column ?? 0)
      return ka != kb ? ka < kb : x.offset < y.offset
    }.map(\.element)
  }
}
