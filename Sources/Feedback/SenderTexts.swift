/// What the sender of a file (a rektor, a förskolechef) reads about each code: in Swedish, in
/// the words of someone who fills in an arbetsplan, naming no program, file format internals
/// or commands, and asking nothing that only the controller can do.
///
/// The texts themselves are the sender voice of the one catalogue of codes
/// (``Diagnostics/SwedishTexts/sender``); this type holds what is common to all of them: the
/// words a sender text never uses, and the words for severities.
public enum SenderTexts {
  /// Words that only the controller's work uses; a sender text never contains them.
  public static let controllerWords = [
    "enhetsregist", "mappning", "alias", "redthread", "libzip", "libxml", "zlib", "inkorg",
    "rejected/", "yaml", "xml", "zip",
  ]

  /// Whether a text is fit for the sender: it contains none of ``controllerWords``.
  public static func isForSender(_ text: String) -> Bool {
    let lower = text.lowercased()
    return !controllerWords.contains { lower.contains($0) }
  }

  /// How serious, in the sender's words.
  public static func severityWord(_ severity: String) -> String {
    switch severity {
    case "error": return "Fel"
    case "warning": return "Varning"
    default: return "Upplysning"
    }
  }
}
