public import Spreadsheet
import Validation

/// One diagnostic in the sender's words: a title, what is wrong and what to do.
public struct SenderMessage: Hashable, Sendable {
  /// The short title, e.g. "Värde saknas".
  public var title: String
  /// What is wrong.
  public var problem: String
  /// What the sender can do.
  public var action: String

  /// The words for a diagnostic: ``SenderTexts`` by code, with the red-thread validator's
  /// own Swedish message where it has one and it asks nothing of the controller.
  public init(_ diagnostic: Diagnostic) {
    var arguments = diagnostic.arguments ?? [:]
    arguments["value"] = arguments["value"] ?? diagnostic.value
    arguments["sheet"] = arguments["sheet"] ?? diagnostic.location?.sheet
    let entry = SenderTexts.entries[diagnostic.code]
    var title = entry?.title ?? "Uppgift att se över"
    var problem = entry.map { DiagnosticTemplate.render($0.problem, arguments, in: .swedish) }
    var action = entry.map { DiagnosticTemplate.render($0.action, arguments, in: .swedish) }
    if let code = DiagnosticCode.named(diagnostic.code) {
      if entry == nil { title = code.swedishTitle }
      if let message = diagnostic.swedishMessage, SenderTexts.isForSender(message) {
        problem = message
      }
      if let hint = diagnostic.swedishHint, !hint.isEmpty, SenderTexts.isForSender(hint) {
        action = hint
      }
    }
    self.title = title
    self.problem =
      problem
      ?? "Uppgiften här behöver ses över\(diagnostic.value.map { " (värdet '\($0)')" } ?? "")."
    self.action = action ?? "Kontrollera uppgiften mot mallen och rätta den om den är fel."
  }

  /// Where a location is, in words: `bladet 'Mål', cell B7`, `rad 14 i filen`.
  public static func place(_ location: SourceLocation?) -> String? {
    guard let location else { return nil }
    if let line = location.line, location.cell == nil || location.sheet == nil {
      return "rad \(line) i filen"
    }
    guard let sheet = location.sheet else {
      return location.line.map { "rad \($0) i filen" }
    }
    if let cell = location.cell {
      var text = "bladet '\(sheet)', cell \(cell.a1)"
      if let line = location.line { text += " (rad \(line) i filen)" }
      return text
    }
    if let row = location.row { return "bladet '\(sheet)', rad \(row)" }
    return "bladet '\(sheet)'"
  }
}
