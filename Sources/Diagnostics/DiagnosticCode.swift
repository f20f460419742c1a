/// One kind of problem RedThread reports, thrown or collected: the single catalogue of codes.
///
/// Every code is defined once, as a static member in `Sources/Diagnostics/Catalogue/`, with a
/// stable kebab-case ``id`` (it never changes once released), the ``category`` that decides
/// the exit status, a default ``severity``, English message and hint templates and Swedish
/// texts in two voices (``SwedishTexts``). ``all`` lists them; `docs/errors.md` and
/// `redthread codes` are generated from it.
///
/// Templates name their values in braces, e.g. `goal '{goal}' aligns to '{reference}'`;
/// ``message(_:)`` fills them in (see ``DiagnosticTemplate``).
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
  /// What a diagnostic of this kind points at.
  public enum Scope: String, Hashable, Sendable, CaseIterable {
    /// One cell of a worksheet (or one field of a CSV record).
    case cell
    /// One row of a worksheet (or one CSV record).
    case row
    /// One file as a whole.
    case file
    /// A line and column of a text file: a mapping, `redthread.yaml`, a CSV file.
    case text
    /// The whole delivery for the board and period (no single file).
    case dataset
  }

  /// Who reads a Swedish text.
  public enum Audience: String, Hashable, Sendable, CaseIterable {
    /// The one who sent the file (a rektor, a förskolechef): plain words about their own
    /// workbook, nothing only a controller can do.
    case sender
    /// The controller who runs RedThread and the nämnd reading the report's Kontroll sheet.
    case controller
  }

  /// Stable kebab-case id, e.g. `unresolved-reference`.
  public let id: String
  /// The part of RedThread the code comes from.
  public let section: DiagnosticSection
  /// What kind of failure it is; decides the exit status (``DiagnosticCategory/exitStatus``).
  public let category: DiagnosticCategory
  /// The severity of a diagnostic of this kind unless its maker says otherwise (a thrown error
  /// is always an error).
  public let severity: Severity
  /// What the location points at.
  public let scope: Scope
  /// Short title, e.g. "Reference does not resolve".
  public let title: String
  /// The rule checked, or what the code means and what to do, in a few sentences.
  public let rule: String
  /// The message with `{name}` placeholders, in English.
  public let template: String
  /// What to do, in English, with the same placeholders; `nil` when there is no advice.
  public let hintTemplate: String?
  /// The Swedish title and the message and hint in Swedish for each ``Audience``.
  public let swedish: SwedishTexts
  /// Example values of the templates' arguments for this code, over
  /// ``DiagnosticCode/exampleArguments``.
  public let example: [String: String]

  /// Creates a code; the built-in codes are the static members listed in ``all``.
  ///
  /// - Parameters:
  ///   - id: the stable kebab-case id.
  ///   - section: where in RedThread the code comes from.
  ///   - category: what kind of failure it is (exit status).
  ///   - severity: the default severity.
  ///   - scope: what the location points at.
  ///   - title: a short English title.
  ///   - rule: the rule, or what the code means and what to do.
  ///   - template: the English message template.
  ///   - hint: the English hint template.
  ///   - swedish: the Swedish texts.
  ///   - example: example argument values, over the shared ones.
  public init(
    id: String, section: DiagnosticSection, category: DiagnosticCategory = .data,
    severity: Severity = .error, scope: Scope, title: String, rule: String, template: String,
    hint: String? = nil, swedish: SwedishTexts, example: [String: String] = [:]
  ) {
    self.id = id
    self.section = section
    self.category = category
    self.severity = severity
    self.scope = scope
    self.title = title
    self.rule = rule
    self.template = template
    self.hintTemplate = hint
    self.swedish = swedish
    self.example = example
  }

  /// The Swedish title, e.g. "Målvärde saknas".
  public var swedishTitle: String { swedish.title }
  /// The Swedish message for the controller (the board report's Kontroll sheet).
  public var swedishTemplate: String { swedish.controller.message }
  /// The Swedish hint for the controller.
  public var swedishHintTemplate: String? { swedish.controller.hint }

  /// The argument names of ``template``, in order of first appearance.
  public var placeholders: [String] { DiagnosticTemplate.argumentNames(in: template) }

  /// Every template of the code: English message and hint, then Swedish for each audience.
  public var templates: [String] {
    [
      template, hintTemplate ?? "", swedish.controller.message, swedish.controller.hint ?? "",
      swedish.sender.message, swedish.sender.hint ?? "",
    ]
  }

  /// Every argument name the templates use, sorted.
  public var argumentNames: [String] {
    Set(templates.flatMap(DiagnosticTemplate.argumentNames(in:))).sorted()
  }

  /// Fills the English template: each `{name}` becomes `values[name]`; a name without a
  /// value stays as written so that a missing value shows in tests.
  ///
  /// - Parameter values: placeholder name → text.
  /// - Returns: the message.
  public func message(_ values: [String: String]) -> String {
    message(values, in: .english)
  }

  /// The message in a language: the Swedish for the audience (the controller's unless told)
  /// for ``DiagnosticLanguage/swedish``, else ``template``.
  public func message(
    _ values: [String: String], in language: DiagnosticLanguage,
    for audience: Audience = .controller
  ) -> String {
    let text = language.id == DiagnosticLanguage.swedish.id ? swedish[audience].message : template
    return DiagnosticTemplate.render(text, values, in: language)
  }

  /// The hint in a language, or `nil` when the code has none or its optional parts are all
  /// left out (a did-you-mean with no candidate).
  public func hint(
    _ values: [String: String], in language: DiagnosticLanguage = .english,
    for audience: Audience = .controller
  ) -> String? {
    let text = language.id == DiagnosticLanguage.swedish.id ? swedish[audience].hint : hintTemplate
    guard let text else { return nil }
    let hint = DiagnosticTemplate.render(text, values, in: language)
    return hint.isEmpty ? nil : hint
  }

  /// The arguments of this code's example: the shared example values, with the code's own.
  public var exampleValues: [String: String] {
    Self.exampleArguments.merging(example) { _, own in own }
  }

  /// The code with an id, if it is one of ``all``.
  public static func named(_ id: String) -> DiagnosticCode? { byID[id] }

  private static let byID: [String: DiagnosticCode] = Dictionary(
    all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

  /// The codes of one section, in the catalogue's order.
  public static func codes(in section: DiagnosticSection) -> [DiagnosticCode] {
    all.filter { $0.section == section }
  }

  /// The id.
  public var description: String { id }

  /// Two codes are the same code when their ids are equal.
  public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id == rhs.id }

  /// Hashes the id.
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A code's Swedish: a title, and a message and a hint for each reader.
public struct SwedishTexts: Hashable, Sendable {
  /// A message and an optional hint, as templates.
  public struct Voice: Hashable, Sendable {
    /// The message: a whole sentence.
    public var message: String
    /// What to do, when there is advice.
    public var hint: String?

    /// Creates a voice.
    public init(message: String, hint: String?) {
      self.message = message
      self.hint = hint
    }
  }

  /// The short title (the Kontroll sheet's column).
  public var title: String
  /// For the one who sent the file: a rektor filling in an arbetsplan. Plain words, no library
  /// names, no commands, nothing only a controller can do.
  public var sender: Voice
  /// For the controller and the nämnd.
  public var controller: Voice

  /// Creates the Swedish of a code.
  ///
  /// - Parameters:
  ///   - title: the short title.
  ///   - controller: the controller's message.
  ///   - controllerHint: the controller's hint.
  ///   - sender: the sender's message.
  ///   - senderHint: the sender's hint.
  public init(
    title: String, controller: String, controllerHint: String?, sender: String,
    senderHint: String?
  ) {
    self.title = title
    self.controller = Voice(message: controller, hint: controllerHint)
    self.sender = Voice(message: sender, hint: senderHint)
  }

  /// The voice for an audience.
  public subscript(audience: DiagnosticCode.Audience) -> Voice {
    audience == .sender ? sender : controller
  }
}
