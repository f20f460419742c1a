import CSV

/// Reads every field of a delimited file to a typed value, streaming record by record: numbers
/// (decimal comma or point, as detected), ISO dates, booleans (`TRUE`/`FALSE`,
/// `SANT`/`FALSKT`) and text (transcoded to UTF-8), as the bench kit's C floor `csv_floor
/// typed` does. Empty fields are not cells.
func benchReadCSV(path: String, into totals: inout ReadTotals) throws {
  let stream = try CSVRecordStream(path: path)
  try stream.forEachTypedRecord { record in
    for value in record.values {
      switch value {
      case .empty:
        continue
      case .number(let x):
        totals.numbers += 1
        totals.numberSum += x
      case .date:
        totals.dates += 1
      case .boolean:
        totals.booleans += 1
      case .text:
        totals.strings += 1
      }
      totals.cells += 1
    }
  }
}
