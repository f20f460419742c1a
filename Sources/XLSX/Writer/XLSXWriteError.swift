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
  public enum Code: Sendable, CaseIterable {
    /// An option is out of range, e.g. a compression level of 12.
    case invalidOption
    /// A sheet name is empty or only spaces.
    case sheetNameBlank
    /// A sheet name is longer than 31 characters.
    case sheetNameTooLong
    /// A sheet name holds one of `[ ] : * ? / \`, a control character, or starts or ends
    /// with an apostrophe.
    case sheetNameInvalidCharacter
    /// `History` is reserved by Excel.
    case sheetNameReserved
    /// Another sheet already has the name (compared case-insensitively, as Excel does).
    case duplicateSheetName
    /// A row or cell was written before any worksheet was added, or close found none.
    case noWorksheet
    /// A row number is not after the previous row's.
    case rowOutOfOrder
    /// A row number is beyond 1,048,576 or below 1.
    case tooManyRows
    /// A row has more than 16,384 cells.
    case tooManyColumns
    /// Cell text is longer than 32,767 characters.
    case cellTextTooLong
    /// A number is NaN or infinite: Excel has no such value.
    case nonFiniteNumber
    /// A date is before 1900-01-01 or after 9999-12-31 (and not a time of day alone),
    /// outside Excel's 1900 date system.
    case dateOutOfRange
    /// An error value is not one Excel knows (`#N/A`, `#DIV/0!`, …).
    case invalidErrorValue
    /// A range, column or pane lies outside the grid, or merged ranges overlap.
    case invalidRange
    /// A style cannot be written: an empty or over-long number format, a font size outside
    /// 1–409 points, or more than 64,000 distinct cell formats.
    case invalidStyle
    /// The writer was used after ``XLSXWriter/close()``, ``XLSXWriter/discard()`` or a
    /// `write-failed` error.
    case writerClosed
    /// The file could not be written (disk full, folder missing or read-only, libzip or zlib
    /// failure); nothing was left behind.
    case writeFailed
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
}

extension XLSXWriteError.Code {
  /// The code's entry in the catalogue of codes.
  public var diagnosticCode: DiagnosticCode {
    switch self {
    case .invalidOption: return .invalidOption
    case .sheetNameBlank: return .sheetNameBlank
    case .sheetNameTooLong: return .sheetNameTooLong
    case .sheetNameInvalidCharacter: return .sheetNameInvalidCharacter
    case .sheetNameReserved: return .sheetNameReserved
    case .duplicateSheetName: return .duplicateSheetName
    case .noWorksheet: return .noWorksheet
    case .rowOutOfOrder: return .rowOutOfOrder
    case .tooManyRows: return .tooManyRows
    case .tooManyColumns: return .tooManyColumns
    case .cellTextTooLong: return .cellTextTooLong
    case .nonFiniteNumber: return .nonFiniteNumber
    case .dateOutOfRange: return .dateOutOfRange
    case .invalidErrorValue: return .invalidErrorValue
    case .invalidRange: return .invalidRange
    case .invalidStyle: return .invalidStyle
    case .writerClosed: return .writerClosed
    case .writeFailed: return .writeFailed
    }
  }

  /// The stable kebab-case id (``Diagnostics/DiagnosticCode/id``).
  public var rawValue: String { diagnosticCode.id }
}
