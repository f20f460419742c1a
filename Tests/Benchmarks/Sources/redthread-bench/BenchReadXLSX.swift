import Foundation
import Spreadsheet
import XLSX

/// Reads every cell of a workbook to a typed value, streaming row by row: the shared strings
/// and a few chunks of rows are all that is held.
///
/// `REDTHREAD_BENCH_PARSERS=1` in the environment reads large sheets with one parser instead
/// of two, to show what the second thread brings; `REDTHREAD_BENCH_SCANNER=0` has the two
/// parsers read every row with libxml2, to show what the row scanner brings.
func benchReadXLSX(path: String, into totals: inout ReadTotals) throws {
  var options = XLSXReadOptions()
  if ProcessInfo.processInfo.environment["REDTHREAD_BENCH_PARSERS"] == "1" {
    options.parallelParsing = false
  }
  if ProcessInfo.processInfo.environment["REDTHREAD_BENCH_SCANNER"] == "0" {
    options.scansPlainRows = false
  }
  let reader = try XLSXReader(path: path, options: options)
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
