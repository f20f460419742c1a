public import Spreadsheet

/// An error that stops reading or writing delimited text.
///
/// Every error names where it happened: the file alone for whole-file problems
/// (`export.csv`), or the 1-based line and character column for problems inside the text
/// (`export.csv:12:7`). Problems the reader can work around (a ragged row under the `pad`
/// policy, a stray quote, NUL bytes kept as text, mojibake) are not thrown: they are
/// ``Spreadsheet/Diagnostic`` values with the codes in ``CSVError/diagnosticCatalogue``.
public struct CSVError: LocatedError {
  /// The kinds of failure, each with a stable kebab-case code.
  public enum Code: String, Sendable, CaseIterable {
    /// The path does not exist.
    case fileNotFound = "file-not-found"
    /// The file exists but cannot be opened or read.
    case unreadableFile = "unreadable-file"
    /// The file is larger than ``CSVReadOptions/maxFileBytes``.
    case fileTooLarge = "file-too-large"
    /// The bytes are not text (a known binary signature, or NUL bytes in a pattern that is
    /// not UTF-16 or UTF-32).
    case binaryFile = "binary-file"
    /// A file that is UTF-8 holds a byte sequence that is not UTF-8.
    case invalidUTF8 = "invalid-utf8"
    /// A UTF-16 file holds an unpaired surrogate or ends in half a code unit.
    case invalidUTF16 = "invalid-utf16"
    /// A UTF-32 file holds a value above U+10FFFF, a surrogate, or ends in a partial unit.
    case invalidUTF32 = "invalid-utf32"
    /// A Shift-JIS (code page 932) file holds a byte pair that is not a character.
    case invalidShiftJIS = "invalid-shift-jis"
    /// A quoted field is still open at the end of the file.
    case unterminatedQuote = "unterminated-quote"
    /// A NUL byte in the text, under ``CSVReadOptions/NULBytePolicy/error``.
    case nulByte = "nul-byte"
    /// A record whose field count differs from the table's, under
    /// ``CSVReadOptions/RaggedRowPolicy/error``.
    case raggedRow = "ragged-row"
    /// One record is larger than ``CSVReadOptions/maxRecordBytes``.
    case recordTooLarge = "record-too-large"
    /// A record has more fields than ``CSVReadOptions/maxFields``.
    case tooManyFields = "too-many-fields"
    /// An option names no known encoding, or a delimiter or quote that cannot be used.
    case invalidOption = "invalid-option"
    /// The writer met a character the chosen encoding (Windows-1252) cannot hold.
    case unrepresentableCharacter = "unrepresentable-character"
    /// The writer could not create, write or rename its output file.
    case writeFailed = "write-failed"
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

  /// The catalogue entries for `docs/errors.md`: the thrown errors.
  public static let catalogue: [CodeDescription] = [
    CodeDescription(
      code: Code.fileNotFound.rawValue, title: "File not found",
      explanation: "The path given does not exist. Check the spelling and the folder."),
    CodeDescription(
      code: Code.unreadableFile.rawValue, title: "Unreadable file",
      explanation: "The file exists but cannot be read (permissions, or a read error)."),
    CodeDescription(
      code: Code.fileTooLarge.rawValue, title: "CSV file too large",
      explanation: "Reading a whole CSV file into a workbook is capped (512 MiB by default) so "
        + "that a runaway export cannot exhaust memory. Stream it record by record instead, "
        + "or raise `maxFileBytes`."),
    CodeDescription(
      code: Code.binaryFile.rawValue, title: "Not a text file",
      explanation: "The file starts with the signature of a binary format (PDF, PNG, GIF, "
        + "JPEG, gzip, …) or holds many NUL bytes in no UTF-16 or UTF-32 pattern. Export the "
        + "data as CSV or XLSX."),
    CodeDescription(
      code: Code.invalidUTF8.rawValue, title: "Invalid UTF-8",
      explanation: "The file is UTF-8 (it holds valid multi-byte UTF-8 sequences) but one "
        + "sequence is broken: usually a file edited in two programs with different "
        + "encodings, or cut short. The error gives the line and the byte offset. Re-export "
        + "the file; bytes are never silently replaced."),
    CodeDescription(
      code: Code.invalidUTF16.rawValue, title: "Invalid UTF-16",
      explanation: "A UTF-16 file holds an unpaired surrogate or an odd number of bytes."),
    CodeDescription(
      code: Code.invalidUTF32.rawValue, title: "Invalid UTF-32",
      explanation: "A UTF-32 file holds a value that is not a Unicode scalar, or a length "
        + "that is not a multiple of four."),
    CodeDescription(
      code: Code.invalidShiftJIS.rawValue, title: "Invalid Shift-JIS",
      explanation: "A file read as Shift-JIS (code page 932) holds a lead byte without a valid "
        + "trail byte, or a pair the code page does not define. The error gives the line and "
        + "the byte offset. Re-export the file as UTF-8, or give its encoding if it is not "
        + "Shift-JIS."),
    CodeDescription(
      code: Code.unterminatedQuote.rawValue, title: "Unterminated quote",
      explanation: "A field opens with a quote that is never closed, so the rest of the file "
        + "would become one cell. The error points at the opening quote."),
    CodeDescription(
      code: Code.nulByte.rawValue, title: "NUL byte",
      explanation: "A NUL byte (0x00) inside the text. By default it is kept and reported as a "
        + "warning; with the `error` policy it stops the read."),
    CodeDescription(
      code: Code.raggedRow.rawValue, title: "Ragged row",
      explanation: "A record below the header has more or fewer fields than the table. With "
        + "the `pad` policy (default) it is kept and reported; `skip` drops it; `error` stops."),
    CodeDescription(
      code: Code.recordTooLarge.rawValue, title: "Record too large",
      explanation: "One record exceeds the cap (64 MiB by default), usually a stray quote that "
        + "swallows the rest of the file."),
    CodeDescription(
      code: Code.tooManyFields.rawValue, title: "Too many fields",
      explanation: "A record has more fields than the cap (16,384, Excel's column limit, by "
        + "default)."),
    CodeDescription(
      code: Code.invalidOption.rawValue, title: "Invalid CSV option",
      explanation: "An option names an unknown encoding or dialect, or a delimiter or quote "
        + "character that is not a single ASCII character."),
    CodeDescription(
      code: Code.unrepresentableCharacter.rawValue, title: "Character not in Windows-1252",
      explanation: "Writing Windows-1252 met a character it cannot hold (e.g. `ł` or an "
        + "emoji). Write UTF-8 with BOM (the `excel-sv` default) instead."),
    CodeDescription(
      code: Code.writeFailed.rawValue, title: "CSV write failed",
      explanation: "The output could not be created, written or moved into place. Nothing is "
        + "left half-written: the writer works in a temporary file beside the target."),
  ]

  /// The catalogue entries for `docs/errors.md`: the warnings the reader collects as
  /// ``Spreadsheet/Diagnostic`` values instead of stopping.
  public static let diagnosticCatalogue: [CodeDescription] = [
    CodeDescription(
      code: "ragged-row", title: "Ragged row",
      explanation: "A record below the header has more or fewer fields than the table; kept "
        + "(short records padded, long ones keep their extra fields) under the `pad` policy."),
    CodeDescription(
      code: "nul-byte", title: "NUL byte kept",
      explanation: "A NUL byte (0x00) was kept inside a field. It usually comes from a "
        + "fixed-width export; check the value."),
    CodeDescription(
      code: "stray-quote", title: "Stray quote",
      explanation: "A quoted field goes on after its closing quote (`\"a\"b`). The text is "
        + "kept as Excel and Python read it (`ab`); the sender should double inner quotes."),
    CodeDescription(
      code: "uncertain-encoding", title: "Encoding uncertain",
      explanation: "The file is not UTF-8 and more than one single-byte or Japanese encoding "
        + "reads it plausibly (Windows-1252, Mac Roman, Shift-JIS). The reader took the most "
        + "likely; the warning and `redthread inspect --explain` name the others and how the "
        + "first non-ASCII text reads in each. Check the values, or give the encoding."),
    CodeDescription(
      code: "mojibake", title: "Doubly encoded text (mojibake)",
      explanation: "Text such as `Ã¥`, `Ã¤`, `Ã¶` is UTF-8 that was once read as Windows-1252 "
        + "and saved as UTF-8 again. The hint gives the likely fix."),
  ]
}
