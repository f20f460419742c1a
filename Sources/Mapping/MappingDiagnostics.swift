import Spreadsheet

/// The ids of the diagnostic codes the mapper reports for problems in the data it reads, as
/// the `String`s a ``Spreadsheet/Diagnostic`` carries. Each is defined once, in the catalogue
/// (``Diagnostics/DiagnosticCode``, section ``Diagnostics/DiagnosticSection/mappingData``),
/// and located at a cell (`file 'Sheet'!B7`, `file.csv:12 (C11)`), a header row or the file.
public enum MappingDiagnostics {
  /// `sheet-not-found`: the table's worksheet is not in the workbook.
  public static let sheetNotFound = DiagnosticCode.sheetNotFound.id
  /// `header-not-found`: no row has the table's header words.
  public static let headerNotFound = DiagnosticCode.headerNotFound.id
  /// `column-not-found`: a mapped column is not in the header row.
  public static let columnNotFound = DiagnosticCode.columnNotFound.id
  /// `missing-value`: a required field is blank.
  public static let missingValue = DiagnosticCode.missingValue.id
  /// `type-error`: a value is not a number, date, period, target, yes/no, ...
  public static let typeError = DiagnosticCode.typeError.id
  /// `unknown-value`: a value is not in the field's value map.
  public static let unknownValue = DiagnosticCode.unknownValue.id
  /// `pattern-mismatch`: a value does not match the field's pattern.
  public static let patternMismatch = DiagnosticCode.patternMismatch.id
  /// `unknown-unit`: a unit name is not in the unit register.
  public static let unknownUnit = DiagnosticCode.unknownUnit.id
  /// `unknown-goal`: a goal title or id is not among the known goals.
  public static let unknownGoal = DiagnosticCode.unknownGoal.id
  /// `unknown-lookup-value`: a key is not in a register table.
  public static let unknownLookupValue = DiagnosticCode.unknownLookupValue.id
  /// `lookup-table-missing`: the mapping looks up in a register table that is not loaded.
  public static let lookupTableMissing = DiagnosticCode.lookupTableMissing.id
  /// `context-value-missing`: a required context value (unit, period) is absent.
  public static let contextValueMissing = DiagnosticCode.contextValueMissing.id
  /// `period-order`: period columns are not in the declared order.
  public static let periodOrder = DiagnosticCode.periodOrder.id
  /// `rows-left-out`: rows with values that no table of the mapping took (info, per file).
  public static let rowsLeftOut = DiagnosticCode.rowsLeftOut.id
}
