/// An error that stops the work and says where: every module's thrown error conforms, so the
/// command line prints them all the same way and turns them into JSON with a named code.
public protocol LocatedError: Error, CustomStringConvertible {
  /// Stable kebab-case code, e.g. `not-a-zip` (listed in `docs/errors.md`).
  var code: String { get }
  /// Where, when known.
  var location: SourceLocation? { get }
  /// One sentence naming the offending value and the rule.
  var message: String { get }
}

extension LocatedError {
  /// `location: error: message [code]`.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    return text + "error: \(message) [\(code)]"
  }
}

/// One entry of the error and diagnostic catalogue, from which `docs/errors.md` is generated.
public struct CodeDescription: Hashable, Sendable {
  /// Stable kebab-case code.
  public var code: String
  /// Short title.
  public var title: String
  /// What it means and what to do.
  public var explanation: String

  /// Creates an entry.
  public init(code: String, title: String, explanation: String) {
    self.code = code
    self.title = title
    self.explanation = explanation
  }
}
