public import Spreadsheet

/// An error that stops reading or writing delimited text.
///
/// Every error names where it happened: the file alone for whole-file problems
/// (`export.csv`), or the 1-based line and character column for problems inside the text
/// (`export.csv:12:7`). Problems the reader can work around (a ragged row under the `pad`
/// policy, a stray quote, NUL bytes kept as text, mojibake) are not thrown: they are
/// ``Spreadsheet/Diagnostic`` values with codes from the catalogue (`DiagnosticCode+CSV.swift`).
public struct CSVError: LocatedError {
  /// The kinds of failure, each with a stable kebab-case code.
  public enum Code: Sendable, CaseIterable {
    /// The path does not exist.
    case fileNotFound
    /// The file exists but cannot be opened or read.
    case unreadableFile
    /// The file is larger than ``CSVReadOptions/maxFileBytes``.
    case fileTooLarge
    /// The bytes are not text (a known binary signature, or NUL bytes in a pattern that is
    /// not UTF-16 or UTF-32).
    case binaryFile
    /// A file that is UTF-8 holds a byte sequence that is not UTF-8.
    case invalidUTF8
    /// A UTF-16 file holds an unpaired surrogate or ends in half a code unit.
    case invalidUTF16
    /// A UTF-32 file holds a value above U+10FFFF, a surrogate, or ends in a partial unit.
    case invalidUTF32
    /// A Shift-JIS (code page 932) file holds a byte pair that is not a character.
    case invalidShiftJIS
    /// A quoted field is still open at the end of the file.
    case unterminatedQuote
    /// A NUL byte in the text, under ``CSVReadOptions/NULBytePolicy/error``.
    case nulByte
    /// A record whose field count differs from the table's, under
    /// ``CSVReadOptions/RaggedRowPolicy/error``.
    case raggedRow
    /// One record is larger than ``CSVReadOptions/maxRecordBytes``.
    case recordTooLarge
    /// A record has more fields than ``CSVReadOptions/maxFields``.
    case tooManyFields
    /// An option names no known encoding, or a delimiter or quote that cannot be used.
    case invalidOption
    /// The writer met a character the chosen encoding (Windows-1252) cannot hold.
    case unrepresentableCharacter
    /// The writer could not create, write or rename its output file.
    case writeFailed
  }

  /// The kind of failure.
  public var kind: Code
  /// Where: the file, and the 1-based line and character column when known.
  public var location: SourceLocation?
  /// What went wrong, naming the offending value and the rule.
  public var message: String
  /// For `invalid-utf8` and `nul-byte`: the 0-based byte offset in the file, as a hex dump
  /// shows it.
  public var byteOffset: Int?
  /// The lower-level error, e.g. the Foundation error of a failed read.
  public var underlying: (any Error)?

  /// The stable code.
  public var code: String { kind.rawValue }

  /// Creates an error for a whole file.
  ///
  /// - Parameters:
  ///   - code: the kind of failure.
  ///   - path: the path as the user gave it.
  ///   - message: one sentence naming the offending value.
  ///   - underlying: the lower-level error, if any.
  public init(code: Code, path: String, message: String, underlying: (any Error)? = nil) {
    self.kind = code
    self.location = SourceLocation(file: path)
    self.message = message
    self.underlying = underlying
  }

  /// Creates an error at a position in the text.
  ///
  /// - Parameters:
  ///   - code: the kind of failure.
  ///   - path: the path as the user gave it.
  ///   - line: 1-based line.
  ///   - column: 1-based column in characters, when known.
  ///   - byteOffset: 0-based byte offset in the file, when known.
  ///   - message: one sentence naming the offending value.
  public init(
    code: Code, path: String, line: Int, column: Int? = nil, byteOffset: Int? = nil,
    message: String
  ) {
    self.kind = code
    self.location = .text(path, line: line, column: column)
    self.message = message
    self.byteOffset = byteOffset
  }
}

extension CSVError.Code {
  /// The code's entry in the catalogue of codes.
  public var diagnosticCode: DiagnosticCode {
    switch self {
    case .fileNotFound: return .fileNotFound
    case .unreadableFile: return .unreadableFile
    case .fileTooLarge: return .fileTooLarge
    case .binaryFile: return .binaryFile
    case .invalidUTF8: return .invalidUTF8
    case .invalidUTF16: return .invalidUTF16
    case .invalidUTF32: return .invalidUTF32
    case .invalidShiftJIS: return .invalidShiftJIS
    case .unterminatedQuote: return .unterminatedQuote
    case .nulByte: return .nulByte
    case .raggedRow: return .raggedRow
    case .recordTooLarge: return .recordTooLarge
    case .tooManyFields: return .tooManyFields
    case .invalidOption: return .invalidOption
    case .unrepresentableCharacter: return .unrepresentableCharacter
    case .writeFailed: return .writeFailed
    }
  }

  /// The stable kebab-case id (``Diagnostics/DiagnosticCode/id``).
  public var rawValue: String { diagnosticCode.id }
}
