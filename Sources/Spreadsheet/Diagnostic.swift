@_exported public import Diagnostics

/// A problem found in the data: collected into a report, never thrown.
///
/// Each has a stable kebab-case ``code`` (listed in `docs/errors.md`), a severity, where it is,
/// the offending value, a message and a hint on what to do.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Stable kebab-case code, e.g. `unresolved-reference`.
  public var code: String
  /// How serious it is.
  public var severity: Severity
  /// Where it is, when known.
  public var location: SourceLocation?
  /// One sentence on what is wrong, naming the offending value.
  public var message: String
  /// What to do about it, e.g. "did you mean 'NM-2'?".
  public var hint: String?
  /// The offending value as written, when there is one.
  public var value: String?
  /// The values of the code's message and hint templates, by placeholder name (`kpi`,
  /// `period`, …), when the diagnostic was made from a template; `nil` otherwise.
  ///
  /// They let a report render the message in another language from the code and these
  /// values (the board report's Kontroll sheet renders the validator's codes in Swedish),
  /// while ``message`` and ``hint`` stay in the command line's English.
  public var arguments: [String: String]?

  /// Creates a diagnostic.
  public init(
    code: String, severity: Severity, location: SourceLocation?, message: String,
    hint: String? = nil, value: String? = nil, arguments: [String: String]? = nil
  ) {
    self.code = code
    self.severity = severity
    self.location = location
    self.message = message
    self.hint = hint
    self.value = value
    self.arguments = arguments
  }

  /// Creates a diagnostic of a catalogued kind.
  ///
  /// - Parameters:
  ///   - code: the kind, from the catalogue.
  ///   - severity: the severity, when not the code's default.
  ///   - location: where it is.
  ///   - message: one sentence naming the offending value.
  ///   - hint: what to do.
  ///   - value: the offending value as written.
  ///   - arguments: the values of the code's templates.
  public init(
    _ code: DiagnosticCode, severity: Severity? = nil, location: SourceLocation?,
    message: String, hint: String? = nil, value: String? = nil,
    arguments: [String: String]? = nil
  ) {
    self.init(
      code: code.id, severity: severity ?? code.severity, location: location, message: message,
      hint: hint, value: value, arguments: arguments)
  }

  /// `location: severity: message [code]`, then the hint on the next line when there is one.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    text += "\(severity.rawValue): \(message) [\(code)]"
    if let hint { text += "\n  hint: \(hint)" }
    return text
  }
}
