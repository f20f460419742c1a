public import Spreadsheet

/// The Swedish of a diagnostic: a title, a message and a hint rendered from its code's Swedish
/// templates in the catalogue (``Diagnostics/DiagnosticCode/swedish``) — never translated from
/// the English text.
///
/// The arguments are the diagnostic's own (``Spreadsheet/Diagnostic/arguments``: the
/// validator's codes carry all of theirs), with the offending value (`{value}`), the file
/// (`{file}`) and the worksheet (`{sheet}`) from the diagnostic.
public enum SwedishMessages {
  /// A diagnostic in Swedish.
  public struct Text: Hashable, Sendable {
    /// The code's title.
    public var title: String
    /// The message.
    public var message: String
    /// The hint, when there is advice.
    public var hint: String?
  }

  /// The diagnostic in Swedish for a reader, or `nil` when its code is not in the catalogue.
  ///
  /// - Parameters:
  ///   - diagnostic: the diagnostic.
  ///   - audience: the controller (the Kontroll sheet) or the sender (a reason file).
  public static func text(
    for diagnostic: Diagnostic, audience: DiagnosticCode.Audience = .controller
  ) -> Text? {
    guard let code = DiagnosticCode.named(diagnostic.code) else { return nil }
    var arguments = diagnostic.arguments ?? [:]
    if arguments["value"] == nil { arguments["value"] = diagnostic.value }
    if arguments["sheet"] == nil { arguments["sheet"] = diagnostic.location?.sheet }
    if arguments["file"] == nil { arguments["file"] = diagnostic.location?.file }
    // A rejected file's reason, in Swedish from its own code.
    if code == .fileRejected, let inner = arguments["code"].flatMap(DiagnosticCode.named),
      inner != .fileRejected
    {
      var text = DiagnosticTemplate.render(
        inner.swedish[audience].message, ["sheet": diagnostic.location?.sheet ?? ""],
        in: .swedish)
      while text.last == "." || text.last == " " { text.removeLast() }
      arguments["reason"] = text.prefix(1).lowercased() + text.dropFirst()
    }
    return Text(
      title: code.swedish.title,
      message: code.message(arguments, in: .swedish, for: audience),
      hint: code.hint(arguments, in: .swedish, for: audience))
  }
}
