public import Canonical
public import Foundation
public import Spreadsheet

/// What converting one source file gave: canonical records and the data problems found.
public struct Conversion: Sendable, Codable, Hashable {
  /// The records.
  public var dataset: Dataset
  /// Problems in the data, located at file and cell.
  public var diagnostics: [Diagnostic]
  /// The mapping used.
  public var mappingName: String
  /// The mapping's version.
  public var mappingVersion: Int?
  /// Why the file cannot be used at all, when it cannot (no mapping fits, no unit, no period):
  /// the pipeline then moves it to rejected/ with this reason.
  public var rejection: Diagnostic?

  /// Creates a conversion.
  public init(
    dataset: Dataset, diagnostics: [Diagnostic], mappingName: String, mappingVersion: Int?,
    rejection: Diagnostic? = nil
  ) {
    self.dataset = dataset
    self.diagnostics = diagnostics
    self.mappingName = mappingName
    self.mappingVersion = mappingVersion
    self.rejection = rejection
  }
}

/// Turns a source file into canonical records (reading it and applying the right mapping).
public protocol SourceConverter: Sendable {
  /// Records from the reference files (units, national goals) that every validation needs.
  var reference: Dataset { get }

  /// Converts one file.
  ///
  /// - Parameters:
  ///   - file: where the file is now (in processing/).
  ///   - displayName: the name to use in every location (the name it arrived with).
  /// - Returns: the conversion; a file that is readable but unusable has ``Conversion/rejection``.
  /// - Throws: a `LocatedError` when the file cannot be read at all.
  func convert(file: URL, displayName: String) throws -> Conversion
}

/// Checks the red thread for a board and period.
public protocol RedThreadValidator: Sendable {
  /// The diagnostics for everything received.
  func validate(_ dataset: Dataset, board: String, period: Period, asOf: CalendarDate)
    -> [Diagnostic]
}

/// Writes the board report workbook.
public protocol BoardReportWriter: Sendable {
  /// Writes the report to `url` (the writer itself must not leave a half-written file).
  ///
  /// - Parameters:
  ///   - asOf: the day activities are judged on.
  ///   - reportDate: the day shown in the report's title block.
  func writeReport(
    dataset: Dataset, diagnostics: [Diagnostic], board: String, period: Period,
    title: String?, asOf: CalendarDate, reportDate: CalendarDate, to url: URL) throws
}
