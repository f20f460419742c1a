import CSV
import Mapping
public import Spreadsheet
import SpreadsheetIO
import Validation
import XLSX

/// Every error and diagnostic code RedThread can produce, by module, with its meaning:
/// the source of `docs/errors.md`.
public enum ErrorCatalogue {
  /// A group of codes from one part of RedThread.
  public struct Section: Sendable {
    /// The heading, e.g. `Reading workbooks (XLSX)`.
    public var title: String
    /// What the codes of this section are.
    public var summary: String
    /// The entries, in the module's order.
    public var entries: [CodeDescription]
  }

  /// The pipeline's own codes for files it cannot use.
  public static let pipelineDiagnostics: [CodeDescription] = [
    CodeDescription(
      code: "no-matching-mapping", title: "No mapping matches the file",
      explanation: "No mapping's `match` (file-name glob, worksheet names, header words) fits "
        + "the file, so it is moved to rejected/. If it is a new template, write a mapping "
        + "for it (`redthread mapping infer` drafts one)."),
    CodeDescription(
      code: "file-rejected", title: "File received but rejected",
      explanation: "Listed on the report's Kontroll sheet for every file that lies in "
        + "rejected/, with the reason it could not be used, so that a unit whose file was "
        + "refused is not mistaken for one that sent nothing. The row goes away when the file "
        + "is moved out of rejected/ (a corrected file is dropped in the inbox)."),
    CodeDescription(
      code: "processing-interrupted", title: "Processing interrupted twice",
      explanation: "A run stopped (killed, out of memory, power cut) while it was processing "
        + "the file, twice before. The file is moved to rejected/ so that the files after it "
        + "are processed; drop it in the inbox again to retry."),
    CodeDescription(
      code: "unreadable-file", title: "Unreadable file",
      explanation: "The file could not be read for a reason no reader named; it is moved to "
        + "rejected/ with the message."),
  ]

  /// The codes the pipeline gives while it takes a file (`wrong-period`,
  /// `measurement-replaced`), with their rule and both languages' messages.
  static var ingestionDiagnostics: [CodeDescription] {
    DiagnosticCode.ingestion.map {
      CodeDescription(
        code: $0.id, title: $0.title,
        explanation: "\($0.rule) Given when the file is taken. Severity: "
          + "\($0.severity.rawValue). Message: \($0.template) — in the board report: "
          + "\($0.swedishTemplate)")
    }
  }

  /// All sections, in the order a file travels through RedThread.
  public static var sections: [Section] {
    [
      Section(
        title: "Opening files",
        summary: "Thrown before any reader sees the file.",
        entries: SpreadsheetFileError.catalogue),
      Section(
        title: "Reading workbooks (XLSX)",
        summary: "Thrown by the XLSX reader: the file is not a workbook it can read, or it breaks "
          + "a safety cap. `redthread inspect --format json` prints them as "
          + "`{\"error\": {\"code\": …}}`.",
        entries: XLSXError.catalogue),
      Section(
        title: "Writing workbooks (XLSX)",
        summary: "Thrown by the XLSX writer when a value or a name breaks Excel's limits.",
        entries: XLSXWriteError.catalogue),
      Section(
        title: "Reading and writing CSV",
        summary: "Thrown by the CSV reader and writer.",
        entries: CSVError.catalogue),
      Section(
        title: "CSV warnings",
        summary: "Collected while reading delimited text; the file is still read.",
        entries: CSVError.diagnosticCatalogue),
      Section(
        title: "Mapping files",
        summary: "Thrown when a mapping or reference file is broken; located at "
          + "`mapping.yaml:line:column`. `redthread mapping check` lists them all.",
        entries: MappingError.catalogue),
      Section(
        title: "Mapping data",
        summary: "Diagnostics from applying a mapping to a file; located at "
          + "`file: 'Sheet'!B7` or `file.csv:12 (C11)`.",
        entries: MappingDiagnostics.catalogue),
      Section(
        title: "The red thread",
        summary: "Diagnostics of the validation for a board and period; listed in the board "
          + "report's Kontroll sheet.",
        entries: DiagnosticCode.catalogue),
      Section(
        title: "The pipeline",
        summary: "Thrown by `redthread init` and `redthread run`, or given as the reason a file "
          + "was moved to rejected/.",
        entries: PipelineError.catalogue + pipelineDiagnostics + ingestionDiagnostics),
    ]
  }

  /// `docs/errors.md`: a table per section.
  public static func markdown() -> String {
    var out = """
      # Errors and diagnostics

      Every code RedThread prints is listed here. Codes are stable: once released, a code keeps
      its meaning. Errors stop the work on a file (it is refused, or moved to `rejected/` with a
      reason file); diagnostics are problems in the data, collected and shown with their file and
      cell (`Arbetsplan.xlsx: 'Mål'!C8`) or line (`export.csv:14 (C13)`).

      This file is generated from the catalogues in the code (`ErrorCatalogue.markdown()`); a
      test fails when it is stale. Regenerate it with `RECORD_GOLDENS=1 make test`.

      """
    var seen: Set<String> = []
    for section in sections {
      out += "\n## \(section.title)\n\n\(section.summary)\n\n| code | meaning |\n|---|---|\n"
      for entry in section.entries {
        let duplicate = seen.contains(entry.code)
        seen.insert(entry.code)
        let text = entry.explanation.split(separator: "\n").joined(separator: " ")
          .replacingOccurrences(of: "|", with: "\\|")
        out +=
          "| `\(entry.code)` | **\(entry.title).** \(text)\(duplicate ? " (also above)" : "") |\n"
      }
    }
    return out
  }
}
