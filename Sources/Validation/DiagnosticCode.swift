public import Spreadsheet

/// One kind of problem the validator reports: a stable kebab-case id, the rule it checks, its
/// severity and the message template.
///
/// `docs/errors.md` is generated from ``catalogue``; ids never change once released.
///
/// Templates name their values in braces, e.g. `goal '{goal}' aligns to '{reference}'`;
/// ``message(_:)`` fills them in.
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
  /// What a diagnostic of this kind points at.
  public enum Scope: String, Hashable, Sendable, CaseIterable {
    /// One cell of a worksheet (or one field of a CSV record).
    case cell
    /// One row of a worksheet (or one CSV record).
    case row
    /// One delivered file.
    case file
    /// The whole delivery for the board and period (no single file).
    case dataset
  }

  /// Stable kebab-case id, e.g. `unresolved-reference`.
  public let id: String
  /// Short title, e.g. "Reference does not resolve".
  public let title: String
  /// The title in Swedish, for the board report's Kontroll sheet, e.g. "Målvärde saknas".
  public let swedishTitle: String
  /// The rule checked, in one or two sentences.
  public let rule: String
  /// The severity of every diagnostic of this kind.
  public let severity: Severity
  /// The message with `{name}` placeholders.
  public let template: String
  /// What the location points at.
  public let scope: Scope

  /// Creates a code; the built-in codes are the static members listed in ``all``.
  public init(
    id: String, title: String, swedishTitle: String? = nil, rule: String, severity: Severity,
    template: String, scope: Scope
  ) {
    self.id = id
    self.title = title
    self.swedishTitle = swedishTitle ?? title
    self.rule = rule
    self.severity = severity
    self.template = template
    self.scope = scope
  }

  /// The placeholder names of ``template``, in order of first appearance.
  public var placeholders: [String] {
    var names: [String] = []
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"),
      let close = rest[open...].firstIndex(of: "}")
    {
      let name = String(rest[rest.index(after: open)..<close])
      if !names.contains(name) { names.append(name) }
      rest = rest[rest.index(after: close)...]
    }
    return names
  }

  /// Fills the template: each `{name}` becomes `values[name]`; a name without a value stays
  /// as written so that a missing value shows in tests.
  ///
  /// - Parameter values: placeholder name → text.
  /// - Returns: the message.
  public func message(_ values: [String: String]) -> String {
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"),
      let close = rest[open...].firstIndex(of: "}")
    {
      out += rest[..<open]
      let name = String(rest[rest.index(after: open)..<close])
      out += values[name] ?? "{\(name)}"
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }

  /// Makes a diagnostic of this kind.
  ///
  /// - Parameters:
  ///   - location: where it is (`nil` for dataset-wide findings such as a missing delivery).
  ///   - values: the template's placeholder values.
  ///   - value: the offending value as written.
  ///   - hint: what to do, e.g. a did-you-mean.
  /// - Returns: the diagnostic with this code's id and severity.
  public func diagnostic(
    at location: SourceLocation?, _ values: [String: String], value: String? = nil,
    hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      code: id, severity: severity, location: location, message: message(values), hint: hint,
      value: value)
  }

  /// The id.
  public var description: String { id }
}
