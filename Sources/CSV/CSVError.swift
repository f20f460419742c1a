public import Spreadsheet

/// An error that stops reading or writing delimited text.
public struct CSVError: LocatedError {
  /// The kinds of failure, each with a stable kebab-case code.
  public enum Code: String, Sendable, CaseIterable {
    /// Placeholder until the reader lands.
    case notImplemented = "not-implemented"
  }

  /// The kind of failure.
  public var kind: Code
  /// Where.
  public var location: SourceLocation?
  /// What went wrong, naming the offending value.
  public var message: String

  /// The stable code.
  public var code: String { kind.rawValue }

  /// Creates an error for a file.
  public init(code: Code, path: String, message: String) {
    self.kind = code
    self.location = SourceLocation(file: path)
    self.message = message
  }
}
