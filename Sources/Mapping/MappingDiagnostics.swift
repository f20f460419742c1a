public import Spreadsheet

/// The diagnostic codes the mapper reports for problems in the data it reads. Each is located
/// at a cell (`file 'Sheet'!B7`, `file.csv:12 (C11)`), a header row or the file.
public enum MappingDiagnostics {
  /// `sheet-not-found`: the table's worksheet is not in the workbook.
  public static let sheetNotFound = "sheet-not-found"
  /// `header-not-found`: no row has the table's header words.
  public static let headerNotFound = "header-not-found"
  /// `column-not-found`: a mapped column is not in the header row.
  public static let columnNotFound = "column-not-found"
  /// `missing-value`: a required field is blank.
  public static let missingValue = "missing-value"
  /// `type-error`: a value is not a number, date, period, target, yes/no, ...
  public static let typeError = "type-error"
  /// `unknown-value`: a value is not in the field's value map.
  public static let unknownValue = "unknown-value"
  /// `pattern-mismatch`: a value does not match the field's pattern.
  public static let patternMismatch = "pattern-mismatch"
  /// `unknown-unit`: a unit name is not in the unit register.
  public static let unknownUnit = "unknown-unit"
  /// `unknown-goal`: a goal title or id is not among the known goals.
  public static let unknownGoal = "unknown-goal"
  /// `unknown-lookup-value`: a key is not in a register table.
  public static let unknownLookupValue = "unknown-lookup-value"
  /// `lookup-table-missing`: the mapping looks up in a register table that is not loaded.
  public static let lookupTableMissing = "lookup-table-missing"
  /// `context-value-missing`: a required context value (unit, period) is absent.
  public static let contextValueMissing = "context-value-missing"
  /// `period-order`: period columns are not in the declared order.
  public static let periodOrder = "period-order"
  /// `rows-left-out`: rows with values that no table of the mapping took (info, per file).
  public static let rowsLeftOut = "rows-left-out"

  /// The catalogue entries for `docs/errors.md`.
  public static let catalogue: [CodeDescription] = [
    CodeDescription(
      code: sheetNotFound, title: "Worksheet not found",
      explanation: "The workbook has no worksheet the table names. Rename the sheet back, or "
        + "add its new name to the mapping's `sheet` list."),
    CodeDescription(
      code: headerNotFound, title: "Header row not found",
      explanation: "No row near the top of the worksheet has the header words the table looks "
        + "for (`header.find`). The template may have changed: compare its header row with the "
        + "mapping, or run `redthread mapping explain`."),
    CodeDescription(
      code: columnNotFound, title: "Column not found",
      explanation: "A column the mapping reads is not in the header row; the hint names the "
        + "closest header. Add the new name to the field's synonym list, or mark the field "
        + "`optional: true`."),
    CodeDescription(
      code: missingValue, title: "Missing value",
      explanation: "A cell that must be filled in is blank (a goal's title, a KPI's name, a "
        + "field marked `required`)."),
    CodeDescription(
      code: typeError, title: "Value of the wrong type",
      explanation: "The cell's value cannot be read as the field's type: a number (`47,8`, "
        + "`4 102`), a percentage, a date (`2026-03-03`, `3 mars 2026`), yes/no (`Ja`/`Nej`), "
        + "a period (`2025/26`, `T2 2026`) or a target (`Minst 88 %`)."),
    CodeDescription(
      code: unknownValue, title: "Value not in the list",
      explanation: "The cell's text is not one of the words the field accepts (a status, an "
        + "assessment, a value map entry); the hint names the closest one."),
    CodeDescription(
      code: patternMismatch, title: "Value does not match the pattern",
      explanation: "The cell's text does not have the form the mapping requires, e.g. a "
        + "Kolada id `N15419` (`^[NU]\\d{5}$`)."),
    CodeDescription(
      code: unknownUnit, title: "Unknown unit",
      explanation: "The unit name (or code) is not in the unit register, under its name or any "
        + "alias; the hint names the closest unit. Add the spelling as an alias in the "
        + "register."),
    CodeDescription(
      code: unknownGoal, title: "Unknown goal",
      explanation: "A goal named by title or id is not among the known goals; the hint names "
        + "the closest one."),
    CodeDescription(
      code: unknownLookupValue, title: "Value not in the register",
      explanation: "The key is not in the register table the field looks up."),
    CodeDescription(
      code: lookupTableMissing, title: "Register table not loaded",
      explanation: "The mapping looks values up in a register table that no reference file "
        + "loads; add it under `registers` in the reference files."),
    CodeDescription(
      code: contextValueMissing, title: "Context value missing",
      explanation: "A value the whole file depends on (the unit in B2, the period line) is "
        + "blank or absent."),
    CodeDescription(
      code: periodOrder, title: "Period columns out of order",
      explanation: "The period columns of a wide table are not in the order the mapping "
        + "declares (`newest-first` or `oldest-first`): a column may have moved."),
    CodeDescription(
      code: rowsLeftOut, title: "Rows left out",
      explanation: "Rows with values that no table of the mapping made a record from (a total "
        + "row, a row failing `keep_when`, a row with nothing in the mapped columns, notes after "
        + "the table's end). Information only; `redthread mapping explain` lists each row and "
        + "the reason, so that nothing is lost silently."),
  ]
}
