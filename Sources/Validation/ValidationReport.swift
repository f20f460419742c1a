public import Canonical
public import Spreadsheet

/// The result of validating a board and period: every diagnostic, in a stable order.
///
/// Dataset-wide findings (no location) come first, then by file, sheet, row, column (or CSV
/// line), code and message, so the same inputs always give the same report.
public struct ValidationReport: Hashable, Sendable, Codable {
  /// The board validated.
  public var boardID: String
  /// The period validated.
  public var period: Period
  /// The diagnostics, sorted.
  public var diagnostics: [Diagnostic]

  /// Creates a report, sorting the diagnostics.
  public init(boardID: String, period: Period, diagnostics: [Diagnostic]) {
    self.boardID = boardID
    self.period = period
    self.diagnostics = diagnostics.sorted(by: ValidationReport.precedes)
  }

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The number of diagnostics of a severity.
  public func count(_ severity: Severity) -> Int {
    diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
  }

  /// The diagnostics with a code.
  public func diagnostics(code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

  /// `(location, code)` pairs, for tests and quick listings: the location is `'Sheet'!B7`
  /// (or `'Sheet'!7:7`), `file.csv:12` for text positions, the file name for file-wide
  /// findings and the empty string for dataset-wide ones.
  public var flat: [(location: String, code: String)] {
    diagnostics.map { d in
      guard let location = d.location else { return ("", d.code) }
      if location.line != nil { return ("\(location.file):\(location.line ?? 0)", d.code) }
      return (location.reference ?? location.file, d.code)
    }
  }

  /// Orders two diagnostics: dataset-wide first, then by place, code and message.
  public static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    switch (a.location, b.location) {
    case (nil, nil): break
    case (nil, _): return true
    case (_, nil): return false
    case (let la?, let lb?):
      if la.file != lb.file { return la.file < lb.file }
      if (la.sheet ?? "") != (lb.sheet ?? "") { return (la.sheet ?? "") < (lb.sheet ?? "") }
      let ra = la.line ?? la.row ?? 0
      let rb = lb.line ?? lb.row ?? 0
      if ra != rb { return ra < rb }
      let ca = la.cell?.column ?? 0
      let cb = lb.cell?.column ?? 0
      if ca != cb { return ca < cb }
    }
    if a.code != b.code { return a.code < b.code }
    if a.message != b.message { return a.message < b.message }
    return (a.value ?? "") < (b.value ?? "")
  }
}
