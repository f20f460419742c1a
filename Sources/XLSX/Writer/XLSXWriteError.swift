public import Spreadsheet

/// An error that stops writing a workbook, naming the file, sheet and cell and the offending
/// value.
///
/// Rendered like every ``LocatedError``:
/// `reports/q3.xlsx: 'Nyckeltal'!C7: error: cell text has 40,000 characters; Excel's limit is
/// 32,767 [cell-text-too-long]`.
///
/// A value error (`cell-text-too-long`, `non-finite-number`, …) is found before anything of the
/// row is written: the row is refused and the writer stays usable. A `write-failed` error
/// ends the writer; nothing is left on disk.
public struct XLSXWriteError: LocatedError {
  /// The kinds of failure, each with a stable kebab-case code.
  public enum Code: String, Sendable, CaseIterable {
    /// An option is out of range, e.g. a compression level of 12.
    case invalidOption = "invalid-option"
    /// A sheet name is empty or only spaces.
    case sheetNameBlank = "sheet-name-blank"
    /// A sheet name is longer than 31 characters.
    case sheetNameTooLong = "sheet-name-too-long"
    /// A sheet name holds one of `[ ] : * ? / \`, a control character, or starts or ends
    /// with an apostrophe.
    case sheetNameInvalidCharacter = "sheet-name-invalid-character"
    /// `History` is reserved by Excel.
    case sheetNameReserved = "sheet-name-reserved"
    /// Another sheet already has the name (compared case-insensitively, as Excel does).
    case duplicateSheetName = "duplicate-sheet-name"
    /// A row or cell was written before any worksheet was added, or close found none.
    case noWorksheet = "no-worksheet"
    /// A row number is not after the previous row's.
    case rowOutOfOrder = "row-out-of-order"
    /// A row number is beyond 1,048,576 or below 1.
    case tooManyRows = "too-many-rows"
    /// A row has more than 16,384 cells.
    case tooManyColumns = "too-many-columns"
    /// Cell text is longer than 32,767 characters.
    case cellTextTooLong = "cell-text-too-long"
    /// A number is NaN or infinite: Excel has no such value.
    case nonFiniteNumber = "non-finite-number"
    /// A date is before 1900-01-01 or after 9999-12-31 (and not a time of day alone),
    /// outside Excel's 1900 date system.
    case dateOutOfRange = "date-out-of-range"
    /// An error value is not one Excel knows (`#N/A`, `#DIV/0!`, …).
    case invalidErrorValue = "invalid-error-value"
    /// A range, column or pane lies outside the grid, or merged ranges overlap.
    case invalidRange = "invalid-range"
    /// A style cannot be written: an empty or over-long number format, a font size outside
    /// 1–409 points, or more than 64,000 distinct cell formats.
    case invalidStyle = "invalid-style"
    /// The writer was used after ``XLSXWriter/close()``, ``XLSXWriter/discard()`` or a
    /// `write-failed` error.
    case writerClosed = "writer-closed"
    /// The file could not be written (disk full, folder missing or read-only, libzip or zlib
    /// failure); nothing was left behind.
    case writeFailed = "write-failed"
  }

  /// The kind of failure.
  public var kind: Code
  /// Where: the file, and the sheet and cell when the error concerns one.
  public var location: SourceLocation?
  /// What went wrong, naming the offending value and the rule.
  public var message: String
  /// The lower-level error, e.g. the libzip failure behind `write-failed`.
  public var underlying: (any Error)?

  /// The stable code.
  public var code: String { kind.rawValue }

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: the kind.
  ///   - location: the file, sheet and cell.
  ///   - message: one sentence naming the value and the rule.
  ///   - underlying: the lower-level error, if any.
  public init(
    code: Code, location: SourceLocation?, message: String, underlying: (any Error)? = nil
  ) {
    self.kind = code
    self.location = location
    self.message = message
    self.underlying = underlying
  }

  /// Every code the writer can produce, for `docs/errors.md`.
  public static let catalogue: [CodeDescription] = Code.allCases.map { code in
    switch code {
    case .invalidOption:
      return CodeDescription(
        code: code.rawValue, title: "Invalid writer option",
        explanation:
          "An option is out of range, e.g. a compression level outside 0–9. Fix the option.")
    case .sheetNameBlank:
      return CodeDescription(
        code: code.rawValue, title: "Blank sheet name",
        explanation: "Excel needs a sheet name with at least one visible character.")
    case .sheetNameTooLong:
      return CodeDescription(
        code: code.rawValue, title: "Sheet name too long",
        explanation: "Excel allows at most 31 characters in a sheet name. Shorten it.")
    case .sheetNameInvalidCharacter:
      return CodeDescription(
        code: code.rawValue, title: "Invalid character in sheet name",
        explanation:
          "Sheet names may not contain [ ] : * ? / \\ or control characters, nor begin or end "
          + "with an apostrophe.")
    case .sheetNameReserved:
      return CodeDescription(
        code: code.rawValue, title: "Reserved sheet name",
        explanation: "Excel reserves the name 'History' (in any case). Choose another name.")
    case .duplicateSheetName:
      return CodeDescription(
        code: code.rawValue, title: "Duplicate sheet name",
        explanation:
          "Two sheets have the same name, compared without regard to case as Excel does.")
    case .noWorksheet:
      return CodeDescription(
        code: code.rawValue, title: "No worksheet",
        explanation:
          "A row was written before any worksheet was added, or the workbook was closed with "
          + "no worksheet: Excel needs at least one.")
    case .rowOutOfOrder:
      return CodeDescription(
        code: code.rawValue, title: "Row out of order",
        explanation:
          "Rows are streamed: each row number must be greater than the previous one's.")
    case .tooManyRows:
      return CodeDescription(
        code: code.rawValue, title: "Row beyond Excel's grid",
        explanation: "Row numbers run from 1 to 1,048,576, Excel's limit.")
    case .tooManyColumns:
      return CodeDescription(
        code: code.rawValue, title: "Column beyond Excel's grid",
        explanation: "A row can hold at most 16,384 cells (columns A to XFD), Excel's limit.")
    case .cellTextTooLong:
      return CodeDescription(
        code: code.rawValue, title: "Cell text too long",
        explanation: "A cell holds at most 32,767 characters, Excel's limit. Shorten the text.")
    case .nonFiniteNumber:
      return CodeDescription(
        code: code.rawValue, title: "Not a finite number",
        explanation:
          "NaN and infinities cannot be stored in a workbook. Write a blank or an error value "
          + "such as #N/A instead.")
    case .dateOutOfRange:
      return CodeDescription(
        code: code.rawValue, title: "Date outside Excel's range",
        explanation:
          "Excel's 1900 date system covers 1900-01-01 to 9999-12-31, and times of day alone "
          + "(serials 0 to 1). Write other dates as text.")
    case .invalidErrorValue:
      return CodeDescription(
        code: code.rawValue, title: "Unknown error value",
        explanation:
          "An error cell must hold one of Excel's error values: #NULL!, #DIV/0!, #VALUE!, "
          + "#REF!, #NAME?, #NUM!, #N/A or #GETTING_DATA.")
    case .invalidRange:
      return CodeDescription(
        code: code.rawValue, title: "Invalid range",
        explanation:
          "A merged range, autofilter, column width or frozen pane lies outside Excel's grid, "
          + "or two merged ranges overlap.")
    case .invalidStyle:
      return CodeDescription(
        code: code.rawValue, title: "Invalid cell style",
        explanation:
          "A number format is empty or longer than 255 characters, a font size is outside "
          + "1–409 points, or the workbook needs more than 64,000 distinct cell formats.")
    case .writerClosed:
      return CodeDescription(
        code: code.rawValue, title: "Writer closed",
        explanation:
          "The writer was used after close, discard or a write failure. Start a new writer.")
    case .writeFailed:
      return CodeDescription(
        code: code.rawValue, title: "Write failed",
        explanation:
          "The workbook could not be written: the folder is missing or read-only, the disk is "
          + "full, or libzip or zlib failed (the detail names the C function). Nothing was "
          + "left behind and an existing file at the path is unchanged.")
    }
  }
}
