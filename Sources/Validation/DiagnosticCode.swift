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
  /// The message with `{name}` placeholders, in English (see ``DiagnosticTemplate``).
  public let template: String
  /// The message in Swedish, for the board report: a whole sentence.
  public let swedishTemplate: String
  /// What to do, in English, with the same placeholders; `nil` when there is no advice.
  public let hintTemplate: String?
  /// What to do, in Swedish.
  public let swedishHintTemplate: String?
  /// What the location points at.
  public let scope: Scope

  /// Creates a code; the built-in codes are the static members listed in ``all``.
  ///
  /// - Parameters:
  ///   - swedishTitle: the title in Swedish (the English title when `nil`).
  ///   - swedishTemplate: the message in Swedish (the English template when `nil`).
  ///   - hint: the hint's template in English.
  ///   - swedishHint: the hint's template in Swedish (the English one when `nil`).
  public init(
    id: String, title: String, swedishTitle: String? = nil, rule: String, severity: Severity,
    template: String, swedishTemplate: String? = nil, hint: String? = nil,
    swedishHint: String? = nil, scope: Scope
  ) {
    self.id = id
    self.title = title
    self.swedishTitle = swedishTitle ?? title
    self.rule = rule
    self.severity = severity
    self.template = template
    self.swedishTemplate = swedishTemplate ?? template
    self.hintTemplate = hint
    self.swedishHintTemplate = swedishHint ?? hint
    self.scope = scope
  }

  /// The argument names of ``template``, in order of first appearance.
  public var placeholders: [String] { DiagnosticTemplate.argumentNames(in: template) }

  /// Every argument name the four templates use, sorted.
  public var argumentNames: [String] {
    let templates = [template, swedishTemplate, hintTemplate ?? "", swedishHintTemplate ?? ""]
    return Set(templates.flatMap(DiagnosticTemplate.argumentNames(in:))).sorted()
  }

  /// Fills the English template: each `{name}` becomes `values[name]`; a name without a
  /// value stays as written so that a missing value shows in tests.
  ///
  /// - Parameter values: placeholder name → text.
  /// - Returns: the message.
  public func message(_ values: [String: String]) -> String {
    message(values, in: .english)
  }

  /// The message in a language: ``swedishTemplate`` for ``DiagnosticLanguage/swedish``, else
  /// ``template``.
  public func message(_ values: [String: String], in language: DiagnosticLanguage) -> String {
    let text = language.id == DiagnosticLanguage.swedish.id ? swedishTemplate : template
    return DiagnosticTemplate.render(text, values, in: language)
  }

  /// The hint in a language, or `nil` when the code has none or its optional parts are all
  /// left out (a did-you-mean with no candidate).
  public func hint(_ values: [String: String], in language: DiagnosticLanguage = .english)
    -> String?
  {
    let text = language.id == DiagnosticLanguage.swedish.id ? swedishHintTemplate : hintTemplate
    guard let text else { return nil }
    let hint = DiagnosticTemplate.render(text, values, in: language)
    return hint.isEmpty ? nil : hint
  }

  /// Makes a diagnostic of this kind, carrying its arguments so that it can be rendered in
  /// Swedish later (``Spreadsheet/Diagnostic/swedishMessage``).
  ///
  /// - Parameters:
  ///   - location: where it is (`nil` for dataset-wide findings such as a missing delivery).
  ///   - values: the templates' arguments.
  ///   - value: the offending value as written.
  ///   - hint: what to do, when it is not the code's own hint (``hintTemplate``).
  /// - Returns: the diagnostic with this code's id and severity, the English message and hint.
  public func diagnostic(
    at location: SourceLocation?, _ values: [String: String], value: String? = nil,
    hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      code: id, severity: severity, location: location, message: message(values),
      hint: hint ?? self.hint(values), value: value, arguments: values)
  }

  /// The id.
  public var description: String { id }
}
