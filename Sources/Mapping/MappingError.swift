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
  public enum Code: Sendable, CaseIterable, Hashable {
    /// The file cannot be read.
    case fileUnreadable
    /// The YAML does not parse (syntax error, bad indentation, tab).
    case yamlSyntax
    /// The file is empty or holds only comments.
    case emptyFile
    /// The same key appears twice in one YAML mapping.
    case duplicateKey
    /// A key the language does not know.
    case unknownKey
    /// A key the language requires is absent.
    case missingKey
    /// A value has the wrong shape (a list where text is expected, text where a number is).
    case wrongType
    /// A value is not one of the allowed words.
    case invalidValue
    /// A regular expression does not compile.
    case invalidRegex
    /// A cell reference is not A1 form (`B2`, `'Mål'!B2`).
    case invalidCellReference
    /// Two keys that exclude each other are both given (`column` and `value`).
    case conflictingKeys
    /// A field name that the table's entity does not have.
    case unknownField
    /// A named value map, context value, section or field that is not defined.
    case unknownReference
    /// The file named by `extends` or `values` does not exist or does not load.
    case includeNotFound
    /// `extends` chains back to a file already being loaded.
    case extendsCycle
    /// Two mapping files in one folder share a name.
    case duplicateMapping
    /// A reference file (units, goals, succession, register) is malformed.
    case invalidReference
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
}

extension MappingError.Code {
  /// The code's entry in the catalogue of codes.
  public var diagnosticCode: DiagnosticCode {
    switch self {
    case .fileUnreadable: return .mappingFileUnreadable
    case .yamlSyntax: return .mappingYAMLSyntax
    case .emptyFile: return .mappingEmptyFile
    case .duplicateKey: return .mappingDuplicateKey
    case .unknownKey: return .mappingUnknownKey
    case .missingKey: return .mappingMissingKey
    case .wrongType: return .mappingWrongType
    case .invalidValue: return .mappingInvalidValue
    case .invalidRegex: return .mappingInvalidRegex
    case .invalidCellReference: return .mappingInvalidCellReference
    case .conflictingKeys: return .mappingConflictingKeys
    case .unknownField: return .mappingUnknownField
    case .unknownReference: return .mappingUnknownReference
    case .includeNotFound: return .mappingIncludeNotFound
    case .extendsCycle: return .mappingExtendsCycle
    case .duplicateMapping: return .mappingDuplicateName
    case .invalidReference: return .mappingInvalidReference
    }
  }

  /// The stable kebab-case id (``Diagnostics/DiagnosticCode/id``).
  public var rawValue: String { diagnosticCode.id }
}
