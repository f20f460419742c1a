public import Spreadsheet

extension Diagnostic {
  /// The message in Swedish, rendered from the code's ``DiagnosticCode/swedishTemplate`` and
  /// the diagnostic's ``Spreadsheet/Diagnostic/arguments``; `nil` when the code is not one of
  /// the validator's (``DiagnosticCode/all``) or the diagnostic carries no arguments.
  ///
  /// ```swift
  /// d.message         // nyckeltal 'N15814' (…) has no målvärde for kvartal 3 2026
  /// d.swedishMessage  // Nyckeltalet N15814 (…) saknar målvärde för kvartal 3 2026.
  /// ```
  public var swedishMessage: String? {
    guard let arguments, let code = DiagnosticCode.named(code) else { return nil }
    return code.message(arguments, in: .swedish)
  }

  /// The hint in Swedish (`Skriv ett målvärde, t.ex. 'Minst 80 %', för kvartal 3 2026 eller
  /// för året.`); `nil` when ``swedishMessage`` is `nil` or the code gives no advice for these
  /// arguments.
  public var swedishHint: String? {
    guard let arguments, let code = DiagnosticCode.named(code) else { return nil }
    return code.hint(arguments, in: .swedish)
  }
}
