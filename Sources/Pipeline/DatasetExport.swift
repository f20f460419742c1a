public import CSV
public import Canonical
public import Foundation
import Spreadsheet
import XLSX

/// Writes canonical records for use outside RedThread: one CSV file per table, one workbook
/// with a worksheet per table, or canonical JSON.
public enum DatasetExport {
  /// The output format.
  public enum Format: Sendable, Hashable {
    /// One CSV file per table (`goals.csv`, `kpis.csv`, …) in a folder, in a dialect.
    case csv(CSVDialect)
    /// One workbook with a worksheet per table.
    case xlsx
    /// Canonical JSON (`docs/canonical-model.md`).
    case json
  }

  /// Writes a dataset.
  ///
  /// - Parameters:
  ///   - dataset: the records.
  ///   - format: the format.
  ///   - destination: a folder for CSV (created when missing); a file for XLSX and JSON.
  /// - Returns: the files written.
  /// - Throws: `CSVError`, `XLSXWriteError` or ``PipelineError`` `write-failed`; each file is
  ///   written to a temporary name and renamed, so none is left half-written.
  @discardableResult
  public static func write(_ dataset: Dataset, format: Format, to destination: URL) throws
    -> [URL]
  {
    switch format {
    case .json:
      let data: Data
      do { data = try dataset.canonicalJSON() } catch {
        throw PipelineError(.writeFailed, "cannot encode the canonical JSON: \(error)")
      }
      try Workspace.writeAtomically(data, to: destination)
      return [destination]
    case .csv(let dialect):
      do {
        try FileManager.default.createDirectory(
          at: destination, withIntermediateDirectories: true)
      } catch {
        throw PipelineError(
          .writeFailed, "cannot create the folder: \(error.localizedDescription)",
          location: .init(file: destination.path))
      }
      var written: [URL] = []
      for table in DatasetTables.tables(dataset) {
        let url = destination.appendingPathComponent(table.name + ".csv")
        try CSVWriter.write(table.worksheet, to: url.path, dialect: dialect)
        written.append(url)
      }
      return written
    case .xlsx:
      let writer = try XLSXWriter(
        path: destination.path,
        options: XLSXWriteOptions(
          created: CivilDateTime(year: 2000, month: 1, day: 1), title: "RedThread export"))
      do {
        let bold = CellStyle(bold: true)
        let date = CellStyle(numberFormat: "yyyy-mm-dd")
        for table in DatasetTables.tables(dataset) {
          let last = CellReference(row: max(1, table.rows.count + 1), column: table.columns.count)
          try writer.addWorksheet(
            name: table.name,
            options: WorksheetOptions(
              frozenRows: 1, autoFilter: CellRange(CellReference(row: 1, column: 1), last)))
          try writer.writeRow(table.columns.map { WriteCell(.string($0), style: bold) })
          for row in table.rows {
            try writer.writeRow(
              row.map { value in
                value.map { v -> WriteCell in
                  if case .dateTime = v { return WriteCell(v, style: date) }
                  return WriteCell(v)
                }
              })
          }
        }
        try writer.close()
      } catch {
        writer.discard()
        throw error
      }
      return [destination]
    }
  }
}
