/// An error that stops the work and says where: every module's thrown error conforms, so the
/// command line prints them all the same way, turns them into JSON with a named code and exits
/// with the status of the code's category.
public protocol LocatedError: Error, CustomStringConvertible {
  /// Stable kebab-case code, e.g. `not-a-zip` (an id of ``DiagnosticCode/all``).
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

  /// What kind of failure it is, from the catalogue (``DiagnosticCode/category``); `data` for
  /// a code the catalogue does not list.
  public var category: DiagnosticCategory { DiagnosticCode.named(code)?.category ?? .data }
}
