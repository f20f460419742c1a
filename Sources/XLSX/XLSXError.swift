public import Spreadsheet

/// An error that stops reading or writing a workbook.
///
/// Every code is stable once released and listed in ``catalogue`` (from which `docs/errors.md`
/// is generated). The ``location`` names the file and, when known, the sheet and cell; the
/// ``message`` names the offending value and the rule.
public struct XLSXError: LocatedError {
  /// The kinds of failure, each with a stable kebab-case code.
  public enum Code: Sendable, CaseIterable {
    // MARK: Reading: the container

    /// The file is neither a zip archive nor a Compound File (CFB) container.
    case notAZip
    /// The file starts like a zip archive but ends early.
    case truncatedZip
    /// The zip archive is inconsistent, fails a CRC check, or holds data that cannot be inflated.
    case corruptZip
    /// The file cannot be read (I/O error, permissions).
    case unreadableFile
    /// The file is empty (0 bytes).
    case emptyFile
    /// A zip archive followed by bytes that are not part of it (its end record is not at the
    /// end of the file).
    case trailingData
    /// A password-protected workbook: a CFB container with `EncryptionInfo` and
    /// `EncryptedPackage` streams (ECMA-376 Part 2 / MS-OFFCRYPTO), or zip entries encrypted
    /// with a zip password.
    case encryptedWorkbook
    /// A legacy Excel 97–2003 workbook (`.xls`, BIFF8 in a CFB container).
    case legacyXLS
    /// A CFB container that holds neither a workbook stream nor an encrypted package.
    case notAWorkbook
    /// An Excel binary workbook (`.xlsb`): its workbook part is `xl/workbook.bin`.
    case xlsbWorkbook
    /// An OpenDocument spreadsheet (`.ods`).
    case odsWorkbook

    // MARK: Reading: the package

    /// A required part or relationship is missing: `_rels/.rels`, the `officeDocument`
    /// relationship, the workbook part, the workbook's relationships, or a sheet's part.
    case missingPart
    /// A part is not well-formed XML, or uses an encoding libxml2 cannot decode.
    case malformedXML
    /// A part is encoded in something other than UTF-8 or UTF-16 (UTF-32).
    case unsupportedEncoding
    /// A sheet's relationship points at a part that is not a worksheet (the workbook part, a
    /// relationships part, the shared strings or styles), or at a part whose root element is not
    /// `<worksheet>`.
    case notAWorksheet
    /// A part carries a `<!DOCTYPE>` declaration (never produced by spreadsheet applications;
    /// the vehicle of entity-expansion and external-entity attacks).
    case doctypeRefused
    /// A cell refers to a shared string that the shared-string table does not have.
    case invalidSharedString

    // MARK: Reading: caps (each set in `XLSXReadOptions`)

    /// One part inflates past `maxPartBytes`.
    case partTooLarge
    /// The parts read inflate past `maxTotalBytes` together.
    case workbookTooLarge
    /// A part inflates more than `maxCompressionRatio` times its compressed size.
    case compressionRatioExceeded
    /// The archive lists more than `maxParts` entries.
    case tooManyParts
    /// The shared-string table holds more than `maxSharedStrings` strings.
    case tooManySharedStrings
    /// The shared strings hold more than `maxSharedStringBytes` bytes of text together.
    case sharedStringsTooLarge
    /// The string cells of a sheet hold more than `maxCellTextBytes` of text together.
    case cellTextTooLarge
    /// A cell or row lies beyond `maxRows` (Excel: 1,048,576) or `maxColumns` (Excel: 16,384),
    /// or its row number or reference is not a number from 1 on.
    case cellOutOfRange
    /// One cell's text or one shared string is longer than `maxStringBytes`.
    case cellTextTooLong
    /// The formulas that a sheet's shared formulas expand to pass `maxSharedFormulaBytes`.
    case sharedFormulasTooLarge
    /// One XML construct passes a parser limit: a start tag longer than `maxStartTagBytes`, or
    /// one of libxml2's fixed limits (10 MB of look-ahead, 256 nested elements).
    case xmlLimitExceeded
    /// The sheets of a workbook read whole hold more than `maxCells` cells together.
    case tooManyCells

    // MARK: Writing
  }

  /// The kind of failure.
  public var kind: Code
  /// Where: the file, and the sheet and cell when known.
  public var location: SourceLocation?
  /// What went wrong, naming the offending value.
  public var message: String
  /// The lower-level error, when one caused this one (a libzip or libxml2 failure).
  public var underlying: (any Error)?

  /// The stable code.
  public var code: String { kind.rawValue }

  /// Creates an error for a file.
  public init(code: Code, path: String, message: String) {
    self.kind = code
    self.location = SourceLocation(file: path)
    self.message = message
    self.underlying = nil
  }

  /// Creates an error at a location.
  ///
  /// - Parameters:
  ///   - code: the kind.
  ///   - location: file, sheet, cell.
  ///   - message: one sentence naming the offending value.
  ///   - underlying: the error that caused it.
  public init(
    _ code: Code, location: SourceLocation?, message: String, underlying: (any Error)? = nil
  ) {
    self.kind = code
    self.location = location
    self.message = message
    self.underlying = underlying
  }
}

extension XLSXError.Code {
  /// The code's entry in the catalogue of codes.
  public var diagnosticCode: DiagnosticCode {
    switch self {
    case .notAZip: return .notAZip
    case .truncatedZip: return .truncatedZip
    case .corruptZip: return .corruptZip
    case .unreadableFile: return .unreadableFile
    case .emptyFile: return .emptyFile
    case .trailingData: return .trailingData
    case .encryptedWorkbook: return .encryptedWorkbook
    case .legacyXLS: return .legacyXLS
    case .notAWorkbook: return .notAWorkbook
    case .xlsbWorkbook: return .xlsbWorkbook
    case .odsWorkbook: return .odsWorkbook
    case .missingPart: return .missingPart
    case .malformedXML: return .malformedXML
    case .unsupportedEncoding: return .unsupportedEncoding
    case .notAWorksheet: return .notAWorksheet
    case .doctypeRefused: return .doctypeRefused
    case .invalidSharedString: return .invalidSharedString
    case .partTooLarge: return .partTooLarge
    case .workbookTooLarge: return .workbookTooLarge
    case .compressionRatioExceeded: return .compressionRatioExceeded
    case .tooManyParts: return .tooManyParts
    case .tooManySharedStrings: return .tooManySharedStrings
    case .sharedStringsTooLarge: return .sharedStringsTooLarge
    case .cellTextTooLarge: return .cellTextTooLarge
    case .cellOutOfRange: return .cellOutOfRange
    case .cellTextTooLong: return .cellTextTooLong
    case .sharedFormulasTooLarge: return .sharedFormulasTooLarge
    case .xmlLimitExceeded: return .xmlLimitExceeded
    case .tooManyCells: return .tooManyCells
    }
  }

  /// The stable kebab-case id (``Diagnostics/DiagnosticCode/id``).
  public var rawValue: String { diagnosticCode.id }
}
