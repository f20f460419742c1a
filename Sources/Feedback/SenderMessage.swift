public import Spreadsheet

/// One diagnostic in the sender's words: a title, what is wrong and what to do.
public struct SenderMessage: Hashable, Sendable {
  /// The short title, e.g. "Värde saknas".
  public var title: String
  /// What is wrong.
  public var problem: String
  /// What the sender can do.
  public var action: String

  /// The words for a diagnostic: the sender voice of its code in the catalogue
  /// (``Diagnostics/SwedishTexts/sender``), filled with the diagnostic's values.
  public init(_ diagnostic: Diagnostic) {
    var arguments = diagnostic.arguments ?? [:]
    arguments["value"] = arguments["value"] ?? diagnostic.value
    arguments["sheet"] = arguments["sheet"] ?? diagnostic.location?.sheet
    if arguments["file"] == nil, let file = diagnostic.location?.file {
      arguments["file"] = String(file.split(separator: "/").last ?? Substring(file))
    }
    let code = DiagnosticCode.named(diagnostic.code)
    let voice = code?.swedish.sender
    self.title = code?.swedish.title ?? "Uppgift att se över"
    let problem = voice.map { DiagnosticTemplate.render($0.message, arguments, in: .swedish) }
    let action = voice?.hint.map { DiagnosticTemplate.render($0, arguments, in: .swedish) }
    self.problem =
      problem.flatMap { $0.isEmpty ? nil : $0 }
      ?? "Uppgiften här behöver ses över\(diagnostic.value.map { " (värdet '\($0)')" } ?? "")."
    self.action =
      action.flatMap { $0.isEmpty ? nil : $0 }
      ?? "Kontrollera uppgiften mot mallen och rätta den om den är fel."
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
