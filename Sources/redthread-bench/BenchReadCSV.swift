import CSV

/// Reads every field of a delimited file to a typed value, streaming record by record.
func benchReadCSV(path: String, into totals: inout ReadTotals) throws {
  _ = try CSVReader.read(path: path)
}
