import Spreadsheet
import XLSX

/// Reads every cell of a workbook to a typed value, streaming row by row: the shared strings
/// and one chunk of rows are all that is held.
func benchReadXLSX(path: String, into totals: inout ReadTotals) throws {
  let reader = try XLSXReader(path: path)
  for sheet in reader.sheets where sheet.kind != .chartsheet {
    let rows = try reader.rows(of: sheet)
    while let row = try rows.next() {
      for cell in row.cells {
        totals.cells += 1
        switch cell.value {
        case .number(let n):
          totals.numbers += 1
          totals.numberSum += n
        case .string: totals.strings += 1
        case .dateTime, .duration: totals.dates += 1
        case .bool: totals.booleans += 1
        case .error: totals.other += 1
        }
      }
    }
  }
}
