public import Spreadsheet

/// An error that stops reading or writing a workbook.
///
/// Every code is stable once released and listed in ``catalogue`` (from which `docs/errors.md`
/// is generated). The ``location`` names the file and, when known, the sheet and cell; the
/// ``message`` names the offending value and the rule.
public struct XLSXError: LocatedError {
  /// The kinds of failure, each with a stable kebab-case code.
  public enum Code: String, Sendable, CaseIterable {
    // MARK: Reading: the container

    /// The file is neither a zip archive nor a Compound File (CFB) container.
    case notAZip = "not-a-zip"
    /// The file starts like a zip archive but ends early.
    case truncatedZip = "truncated-zip"
    /// The zip archive is inconsistent, fails a CRC check, or holds data that cannot be inflated.
    case corruptZip = "corrupt-zip"
    /// The file cannot be read (I/O error, permissions).
    case unreadableFile = "unreadable-file"
    /// The file is empty (0 bytes).
    case emptyFile = "empty-file"
    /// A zip archive followed by bytes that are not part of it (its end record is not at the
    /// end of the file).
    case trailingData = "trailing-data"
    /// A password-protected workbook: a CFB container with `EncryptionInfo` and
    /// `EncryptedPackage` streams (ECMA-376 Part 2 / MS-OFFCRYPTO), or zip entries encrypted
    /// with a zip password.
    case encryptedWorkbook = "encrypted-workbook"
    /// A legacy Excel 97–2003 workbook (`.xls`, BIFF8 in a CFB container).
    case legacyXLS = "legacy-xls"
    /// A CFB container that holds neither a workbook stream nor an encrypted package.
    case notAWorkbook = "not-a-workbook"
    /// An Excel binary workbook (`.xlsb`): its workbook part is `xl/workbook.bin`.
    case xlsbWorkbook = "xlsb-workbook"
    /// An OpenDocument spreadsheet (`.ods`).
    case odsWorkbook = "ods-workbook"

    // MARK: Reading: the package

    /// A required part or relationship is missing: `_rels/.rels`, the `officeDocument`
    /// relationship, the workbook part, the workbook's relationships, or a sheet's part.
    case missingPart = "missing-part"
    /// A part is not well-formed XML, or uses an encoding libxml2 cannot decode.
    case malformedXML = "malformed-xml"
    /// A part is encoded in something other than UTF-8 or UTF-16 (UTF-32).
    case unsupportedEncoding = "unsupported-encoding"
    /// A sheet's relationship points at a part that is not a worksheet (the workbook part, a
    /// relationships part, the shared strings or styles), or at a part whose root element is not
    /// `<worksheet>`.
    case notAWorksheet = "not-a-worksheet"
    /// A part carries a `<!DOCTYPE>` declaration (never produced by spreadsheet applications;
    /// the vehicle of entity-expansion and external-entity attacks).
    case doctypeRefused = "doctype-refused"
    /// A cell refers to a shared string that the shared-string table does not have.
    case invalidSharedString = "invalid-shared-string"

    // MARK: Reading: caps (each set in `XLSXReadOptions`)

    /// One part inflates past `maxPartBytes`.
    case partTooLarge = "part-too-large"
    /// The parts read inflate past `maxTotalBytes` together.
    case workbookTooLarge = "workbook-too-large"
    /// A part inflates more than `maxCompressionRatio` times its compressed size.
    case compressionRatioExceeded = "compression-ratio-exceeded"
    /// The archive lists more than `maxParts` entries.
    case tooManyParts = "too-many-parts"
    /// The shared-string table holds more than `maxSharedStrings` strings.
    case tooManySharedStrings = "too-many-shared-strings"
    /// The shared strings hold more than `maxSharedStringBytes` bytes of text together.
    case sharedStringsTooLarge = "shared-strings-too-large"
    /// The string cells of a sheet hold more than `maxCellTextBytes` of text together.
    case cellTextTooLarge = "cell-text-too-large"
    /// A cell or row lies beyond `maxRows` (Excel: 1,048,576) or `maxColumns` (Excel: 16,384),
    /// or its row number or reference is not a number from 1 on.
    case cellOutOfRange = "cell-out-of-range"
    /// One cell's text or one shared string is longer than `maxStringBytes`.
    case cellTextTooLong = "cell-text-too-long"
    /// The formulas that a sheet's shared formulas expand to pass `maxSharedFormulaBytes`.
    case sharedFormulasTooLarge = "shared-formulas-too-large"
    /// One XML construct passes a parser limit: a start tag longer than `maxStartTagBytes`, or
    /// one of libxml2's fixed limits (10 MB of look-ahead, 256 nested elements).
    case xmlLimitExceeded = "xml-limit-exceeded"

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

  /// The catalogue entries for `docs/errors.md`: every code, with a title and what to do.
  public static let catalogue: [CodeDescription] = Code.allCases.map {
    CodeDescription(code: $0.rawValue, title: $0.title, explanation: $0.explanation)
  }

  /// The catalogue entries for `docs/errors.md`: the warnings the reader collects as
  /// ``Spreadsheet/Diagnostic`` values (``XLSXReader/diagnostics``, `Workbook.diagnostics`)
  /// instead of stopping.
  public static let diagnosticCatalogue: [CodeDescription] = [
    CodeDescription(
      code: "skipped-sheet", title: "Sheet skipped",
      explanation: "A sheet of the workbook part names no relationship of the workbook: its "
        + "`r:id` is empty (Excel leaves `r:id=\"\"` on some very hidden sheets) or not in "
        + "`xl/_rels/workbook.xml.rels`. It has no part to read, so it is left out and the "
        + "other sheets are read. Save the workbook again in Excel if the sheet is needed.")
  ]
}

extension XLSXError.Code {
  /// A short title for the catalogue.
  public var title: String {
    switch self {
    case .notAZip: return "Not a workbook file"
    case .truncatedZip: return "Truncated workbook"
    case .corruptZip: return "Corrupt workbook archive"
    case .unreadableFile: return "Unreadable file"
    case .emptyFile: return "Empty file"
    case .trailingData: return "Bytes after the zip archive"
    case .encryptedWorkbook: return "Encrypted workbook"
    case .legacyXLS: return "Legacy .xls workbook"
    case .notAWorkbook: return "Compound file without a workbook"
    case .xlsbWorkbook: return "Binary workbook (.xlsb)"
    case .odsWorkbook: return "OpenDocument spreadsheet (.ods)"
    case .missingPart: return "Missing part"
    case .malformedXML: return "Malformed XML"
    case .doctypeRefused: return "DOCTYPE refused"
    case .unsupportedEncoding: return "Unsupported encoding"
    case .notAWorksheet: return "Sheet part is not a worksheet"
    case .invalidSharedString: return "Invalid shared-string index"
    case .partTooLarge: return "Part too large"
    case .workbookTooLarge: return "Workbook too large"
    case .compressionRatioExceeded: return "Compression ratio exceeded"
    case .tooManyParts: return "Too many parts"
    case .tooManySharedStrings: return "Too many shared strings"
    case .sharedStringsTooLarge: return "Shared strings too large"
    case .cellTextTooLarge: return "Cell text too large"
    case .cellOutOfRange: return "Cell beyond Excel's limits"
    case .cellTextTooLong: return "Cell text too long"
    case .sharedFormulasTooLarge: return "Shared formulas too large"
    case .xmlLimitExceeded: return "XML construct too large"
    }
  }

  /// What the code means and what to do about it.
  public var explanation: String {
    switch self {
    case .notAZip:
      return "The file is neither a zip archive (XLSX) nor a Compound File (XLS, encrypted "
        + "XLSX). It may be a CSV or HTML file with an .xlsx name: open it in Excel and save it "
        + "as an Excel Workbook (.xlsx)."
    case .truncatedZip:
      return "The file starts like an XLSX (zip) archive but ends early, usually an incomplete "
        + "download or copy. Copy the file again from its source."
    case .corruptZip:
      return "The zip archive is inconsistent, a part fails its CRC check, or its data cannot "
        + "be inflated. Open the file in Excel, let it repair the workbook, and save it again."
    case .unreadableFile:
      return "The file could not be read (I/O error or missing permission)."
    case .emptyFile:
      return "The file is empty (0 bytes), usually a failed save or an interrupted copy. Copy "
        + "the file again from its source."
    case .trailingData:
      return "The file holds a complete zip archive followed by bytes that are not part of it "
        + "(often zero bytes left by a copy or download tool), so the archive's end record is "
        + "not at the end of the file. Open the file in Excel and save it again."
    case .encryptedWorkbook:
      return "The workbook is protected with a password to open (a Compound File with "
        + "EncryptionInfo and EncryptedPackage, or zip entries encrypted with a password). "
        + "Remove the password in Excel (File > Info > Protect Workbook) and send it again."
    case .legacyXLS:
      return "The file is an Excel 97-2003 workbook (.xls, BIFF8). Open it in Excel or "
        + "LibreOffice and save it as an Excel Workbook (.xlsx)."
    case .notAWorkbook:
      return "The file is a Compound File (the container of legacy Office documents) but holds "
        + "no workbook, e.g. a Word .doc with an .xls name."
    case .xlsbWorkbook:
      return "The file is an Excel Binary Workbook (.xlsb). Save it as an Excel Workbook "
        + "(.xlsx)."
    case .odsWorkbook:
      return "The file is an OpenDocument spreadsheet (.ods). Save it as an Excel Workbook "
        + "(.xlsx) in LibreOffice or Excel."
    case .missingPart:
      return "A part the workbook needs is missing from the package: `_rels/.rels`, the "
        + "officeDocument relationship, the workbook part, its relationships "
        + "(`xl/_rels/workbook.xml.rels`), or the part of a listed sheet. Optional parts "
        + "(shared strings, styles) may be absent."
    case .malformedXML:
      return "A part of the workbook is not well-formed XML (the message gives the part, line "
        + "and column), or is in an encoding that cannot be decoded."
    case .unsupportedEncoding:
      return "A part of the workbook is encoded in UTF-32, which OOXML does not allow (parts "
        + "are UTF-8 or UTF-16). Open the file in Excel and save it again."
    case .notAWorksheet:
      return "A sheet of the workbook points, through its relationship, at a part that is not a "
        + "worksheet (the workbook part itself, a relationships part, the shared strings or the "
        + "styles), or at a part whose root element is not <worksheet>. The file was not made "
        + "by a spreadsheet application or has been tampered with."
    case .doctypeRefused:
      return "A part contains a <!DOCTYPE> declaration. Spreadsheet applications never write "
        + "one; document type definitions carry entity-expansion and external-entity attacks, "
        + "so such files are refused."
    case .invalidSharedString:
      return "A cell refers to a shared string by an index past the end of the shared-string "
        + "table (`xl/sharedStrings.xml`)."
    case .partTooLarge:
      return "One part of the archive inflates past the per-part cap (`maxPartBytes`, default "
        + "1 GiB), counted while inflating. Raise the cap if the file is genuine."
    case .workbookTooLarge:
      return "The parts read inflate past the cap for the whole workbook (`maxTotalBytes`, "
        + "default 4 GiB)."
    case .compressionRatioExceeded:
      return "A part inflates more than `maxCompressionRatio` (default 200) times its "
        + "compressed size once past 16 MiB: the signature of a zip bomb."
    case .tooManyParts:
      return "The archive lists more entries than `maxParts` (default 10,000)."
    case .tooManySharedStrings:
      return "The shared-string table holds more strings than `maxSharedStrings` (default "
        + "1,000,000; the table is held in memory while the sheets are read)."
    case .sharedStringsTooLarge:
      return "The shared strings hold more text than `maxSharedStringBytes` (default 64 MiB "
        + "of UTF-8; the table is held in memory while the sheets are read)."
    case .cellTextTooLarge:
      return "The string cells of one sheet hold more text than `maxCellTextBytes` (default "
        + "512 MiB), counting a shared string each time a cell refers to it: a small file can "
        + "make thousands of cells refer to one huge shared string."
    case .cellOutOfRange:
      return "A cell or row lies beyond the grid: rows 1 to `maxRows` (Excel: 1,048,576) and "
        + "columns A to `maxColumns` (Excel: 16,384, XFD), or a row number or cell reference "
        + "is 0, negative or not a number."
    case .cellTextTooLong:
      return "One cell's text or one shared string is longer than `maxStringBytes` (default "
        + "1 MiB of UTF-8; Excel itself allows 32,767 characters in a cell). The message gives "
        + "the part and line."
    case .sharedFormulasTooLarge:
      return "The formulas a sheet's shared formulas expand to hold more text than "
        + "`maxSharedFormulaBytes` (default 16 MiB): a small file can share one very long "
        + "formula over thousands of cells."
    case .xmlLimitExceeded:
      return "One XML construct of a part is too large to parse safely: a start tag longer "
        + "than `maxStartTagBytes` (default 128 KiB, e.g. an element with thousands of "
        + "attributes), more than 10 MB of look-ahead, or more than 256 nested elements "
        + "(libxml2's limits). Spreadsheet applications never write such parts."
    }
  }
}
