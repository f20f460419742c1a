/// The part of RedThread a code comes from: the sections of `docs/errors.md` and of
/// `redthread codes`, in the order a file travels through RedThread.
public enum DiagnosticSection: String, Hashable, Sendable, CaseIterable {
  /// Before any reader sees the file.
  case opening
  /// The XLSX reader.
  case readingWorkbooks = "reading-workbooks"
  /// The XLSX writer.
  case writingWorkbooks = "writing-workbooks"
  /// The CSV reader and writer, errors and warnings.
  case csv
  /// Mapping and reference files.
  case mappingFiles = "mapping-files"
  /// Applying a mapping to a file.
  case mappingData = "mapping-data"
  /// The red-thread validation for a board and period.
  case redThread = "red-thread"
  /// `redthread init`, `run`, the workspace and its configuration.
  case pipeline

  /// The heading in `docs/errors.md`.
  public var title: String {
    switch self {
    case .opening: return "Opening files"
    case .readingWorkbooks: return "Reading workbooks (XLSX)"
    case .writingWorkbooks: return "Writing workbooks (XLSX)"
    case .csv: return "Reading and writing CSV"
    case .mappingFiles: return "Mapping files"
    case .mappingData: return "Mapping data"
    case .redThread: return "The red thread"
    case .pipeline: return "The pipeline"
    }
  }

  /// What the codes of the section are.
  public var summary: String {
    switch self {
    case .opening:
      return "Thrown before any reader sees the file."
    case .readingWorkbooks:
      return "Thrown by the XLSX reader: the file is not a workbook it can read, or it breaks "
        + "a safety cap. `redthread inspect --format json` prints them as "
        + "`{\"error\": {\"code\": …}}`."
    case .writingWorkbooks:
      return "Thrown by the XLSX writer when a value or a name breaks Excel's limits."
    case .csv:
      return "Thrown by the CSV reader and writer, or collected as warnings while the file is "
        + "still read."
    case .mappingFiles:
      return "Thrown when a mapping or reference file is broken; located at "
        + "`mapping.yaml:line:column`. `redthread mapping check` lists them all."
    case .mappingData:
      return "Diagnostics from applying a mapping to a file; located at `file: 'Sheet'!B7` or "
        + "`file.csv:12 (C11)`."
    case .redThread:
      return "Diagnostics of the validation for a board and period; listed in the board "
        + "report's Kontroll sheet."
    case .pipeline:
      return "Thrown by `redthread init` and `redthread run`, or given as the reason a file was "
        + "moved to rejected/."
    }
  }
}
