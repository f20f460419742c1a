public import Spreadsheet

/// An error in a mapping file, a shared value-map file or a reference file: the YAML is
/// malformed, a key is unknown, a value has the wrong shape, or a file it names is missing.
///
/// Every error names where it is, as `mappings/plan.yaml:12:5` (1-based line and column), the
/// key path (`tables[1].fields.title.colum`) and, for misspellings, a did-you-mean hint:
///
/// ```
/// mappings/plan.yaml:12:7: error: unknown key 'colum' in field 'title' [unknown-key]
///   hint: did you mean 'column'?
/// ```
///
/// Problems in the *data* a mapping reads are not errors but ``Spreadsheet/Diagnostic``s (see
/// ``MappingDiagnostics``).
public struct MappingError: LocatedError, Hashable {
  /// The kinds of mapping error. Raw values are the stable codes listed in `docs/errors.md`.
  public enum Code: String, Sendable, CaseIterable, Hashable {
    /// The file cannot be read.
    case fileUnreadable = "mapping-file-unreadable"
    /// The YAML does not parse (syntax error, bad indentation, tab).
    case yamlSyntax = "mapping-yaml-syntax"
    /// The file is empty or holds only comments.
    case emptyFile = "mapping-empty-file"
    /// The same key appears twice in one YAML mapping.
    case duplicateKey = "mapping-duplicate-key"
    /// A key the language does not know.
    case unknownKey = "mapping-unknown-key"
    /// A key the language requires is absent.
    case missingKey = "mapping-missing-key"
    /// A value has the wrong shape (a list where text is expected, text where a number is).
    case wrongType = "mapping-wrong-type"
    /// A value is not one of the allowed words.
    case invalidValue = "mapping-invalid-value"
    /// A regular expression does not compile.
    case invalidRegex = "mapping-invalid-regex"
    /// A cell reference is not A1 form (`B2`, `'Mål'!B2`).
    case invalidCellReference = "mapping-invalid-cell-reference"
    /// Two keys that exclude each other are both given (`column` and `value`).
    case conflictingKeys = "mapping-conflicting-keys"
    /// A field name that the table's entity does not have.
    case unknownField = "mapping-unknown-field"
    /// A named value map, context value, section or field that is not defined.
    case unknownReference = "mapping-unknown-reference"
    /// The file named by `extends` or `values` does not exist or does not load.
    case includeNotFound = "mapping-include-not-found"
    /// `extends` chains back to a file already being loaded.
    case extendsCycle = "mapping-extends-cycle"
    /// Two mapping files in one folder share a name.
    case duplicateMapping = "mapping-duplicate-name"
    /// A reference file (units, goals, succession, register) is malformed.
    case invalidReference = "mapping-invalid-reference"
  }

  /// The kind of error.
  public var kind: Code
  /// Where: the mapping file with 1-based line and column.
  public var location: SourceLocation?
  /// What is wrong, naming the offending key or value.
  public var message: String
  /// The key path inside the file, e.g. `tables[1].fields.title.column`.
  public var keyPath: String?
  /// What to do, e.g. `did you mean 'column'?`.
  public var hint: String?
  /// Further errors found in the same file, when this error was thrown for all of them.
  public var others: [MappingError]

  /// The stable code.
  public var code: String { kind.rawValue }

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: the kind.
  ///   - location: the file and 1-based line and column.
  ///   - message: one sentence naming the offending value.
  ///   - keyPath: the key path inside the file.
  ///   - hint: what to do.
  public init(
    _ code: Code, at location: SourceLocation?, _ message: String, keyPath: String? = nil,
    hint: String? = nil
  ) {
    self.kind = code
    self.location = location
    self.message = message
    self.keyPath = keyPath
    self.hint = hint
    self.others = []
  }

  /// `file:line:column: error: message [code]`, then the hint on the next line.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    text += "error: \(message) [\(code)]"
    if let hint { text += "\n  hint: \(hint)" }
    return text
  }

  /// The catalogue entries for `docs/errors.md`.
  public static let catalogue: [CodeDescription] = [
    CodeDescription(
      code: Code.fileUnreadable.rawValue, title: "Mapping file unreadable",
      explanation: "The mapping, value-map or reference file does not exist or cannot be read "
        + "as UTF-8 text."),
    CodeDescription(
      code: Code.yamlSyntax.rawValue, title: "YAML syntax error",
      explanation: "The file is not valid YAML at the line and column given: look for a "
        + "missing colon, a tab used for indentation, or an unclosed quote or bracket."),
    CodeDescription(
      code: Code.emptyFile.rawValue, title: "Empty mapping file",
      explanation: "The file holds no YAML document; a mapping needs at least `mapping`, "
        + "`version`, `match` and `tables`."),
    CodeDescription(
      code: Code.duplicateKey.rawValue, title: "Duplicate key",
      explanation: "A key appears twice in the same YAML mapping; YAML keeps only one of them, "
        + "so remove or rename the other."),
    CodeDescription(
      code: Code.unknownKey.rawValue, title: "Unknown key",
      explanation: "The mapping language has no such key at this place; the hint names the "
        + "closest known key. See docs/mapping-language.md for the keys of each block."),
    CodeDescription(
      code: Code.missingKey.rawValue, title: "Missing key",
      explanation: "A required key is absent, e.g. `mapping`, `version` or a table's `entity`."),
    CodeDescription(
      code: Code.wrongType.rawValue, title: "Wrong kind of value",
      explanation: "The value has the wrong shape: text where a list or a mapping is expected, "
        + "or text where a whole number is expected."),
    CodeDescription(
      code: Code.invalidValue.rawValue, title: "Invalid value",
      explanation: "The value is not one of the allowed words (entity, type, comparison, "
        + "ragged-rows policy, ...); the hint names the closest allowed word."),
    CodeDescription(
      code: Code.invalidRegex.rawValue, title: "Invalid regular expression",
      explanation: "The pattern does not compile. Patterns use the syntax of Swift Regex "
        + "(compatible with PCRE for common use); backslashes must be doubled inside "
        + "double-quoted YAML strings."),
    CodeDescription(
      code: Code.invalidCellReference.rawValue, title: "Invalid cell reference",
      explanation: "A cell is written `B2` or `Sheet!B2` (quote sheet names with spaces: "
        + "`'Mål 2026'!B2`)."),
    CodeDescription(
      code: Code.conflictingKeys.rawValue, title: "Conflicting keys",
      explanation: "Two keys that exclude each other are both given, e.g. a field with both "
        + "`column` and `value`, or a header with both `row` and `find`."),
    CodeDescription(
      code: Code.unknownField.rawValue, title: "Unknown field",
      explanation: "The table's entity has no such canonical field; the hint names the "
        + "closest one. Extra measurement columns go under `dimensions`."),
    CodeDescription(
      code: Code.unknownReference.rawValue, title: "Unknown reference",
      explanation: "A named value map, context value, section or field is used but not "
        + "defined in this file, the files it extends, or its shared value maps."),
    CodeDescription(
      code: Code.includeNotFound.rawValue, title: "Included file not found",
      explanation: "The file named by `extends` or `values` does not exist; paths are "
        + "relative to the mapping file."),
    CodeDescription(
      code: Code.extendsCycle.rawValue, title: "Extends cycle",
      explanation: "A mapping extends itself through a chain of `extends`."),
    CodeDescription(
      code: Code.duplicateMapping.rawValue, title: "Duplicate mapping name",
      explanation: "Two mapping files in one folder declare the same `mapping` name; the "
        + "pipeline could not tell them apart in provenance."),
    CodeDescription(
      code: Code.invalidReference.rawValue, title: "Invalid reference file",
      explanation: "A reference file (units, national goals, KPI succession, register) is "
        + "malformed at the place given."),
  ]
}
