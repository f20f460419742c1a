import XLSX

/// Reads every cell of a workbook to a typed value, streaming row by row.
func benchReadXLSX(path: String, into totals: inout ReadTotals) throws {
  _ = try XLSXReader.read(path: path)
}
