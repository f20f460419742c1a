public import Spreadsheet

/// The kinds of problem every located YAML file can have, whatever it configures.
///
/// A module that reads a YAML file of its own (mapping files, reference files,
/// `redthread.yaml`) conforms its error kinds to this protocol, so ``YAMLReader`` reports the
/// generic problems in that module's own codes.
public protocol YAMLProblemKind: Sendable, Hashable {
  /// The file cannot be read, or is not UTF-8 text.
  static var fileUnreadable: Self { get }
  /// The YAML does not parse (syntax error, bad indentation, tab).
  static var yamlSyntax: Self { get }
  /// The file holds no YAML document.
  static var emptyFile: Self { get }
  /// The same key appears twice in one YAML mapping.
  static var duplicateKey: Self { get }
  /// A key the file's language does not know.
  static var unknownKey: Self { get }
  /// A value has the wrong shape (a list where text is expected, text where a number is).
  static var wrongType: Self { get }
  /// A value is not one of the allowed words or is out of range.
  static var invalidValue: Self { get }
  /// A regular expression does not compile.
  static var invalidRegex: Self { get }
}

/// One problem in a YAML file, located at the node it concerns.
public struct YAMLProblem<Kind: YAMLProblemKind>: Error, Hashable, Sendable {
  /// The kind, in the reading module's own codes.
  public var kind: Kind
  /// The file with the 1-based line and column of the node (or only the file).
  public var location: SourceLocation
  /// What is wrong, naming the offending key or value.
  public var message: String
  /// The key path inside the file, e.g. `tables[1].fields.title.column`.
  public var keyPath: String?
  /// What to do, e.g. `did you mean 'column'?`.
  public var hint: String?

  /// Creates a problem.
  public init(
    _ kind: Kind, at location: SourceLocation, _ message: String, keyPath: String? = nil,
    hint: String? = nil
  ) {
    self.kind = kind
    self.location = location
    self.message = message
    self.keyPath = keyPath
    self.hint = hint
  }
}
