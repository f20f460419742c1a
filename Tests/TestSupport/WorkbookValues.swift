public import Spreadsheet
import XLSX

extension Workbook {
  /// Every non-empty cell value of every worksheet: sheet name → A1 reference → value. Tests
  /// compare two workbooks' values with it (an edited copy against its source).
  public var cellValuesBySheet: [String: [String: CellValue]] {
    var out: [String: [String: CellValue]] = [:]
    for sheet in worksheets {
      var cells: [String: CellValue] = [:]
      for row in sheet.rows {
        for cell in row.cells where cell.value != .string("") {
          cells[CellReference(row: row.number, column: cell.column).a1] = cell.value
        }
      }
      out[sheet.name] = cells
    }
    return out
  }

  /// ``cellValuesBySheet`` of the workbook at `path`, read with ``XLSX/XLSXReader``.
  ///
  /// - Throws: the reader's `XLSXError`.
  public static func cellValuesBySheet(at path: String) throws -> [String: [String: CellValue]] {
    try XLSXReader.read(path: path).cellValuesBySheet
  }
}
