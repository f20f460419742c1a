public import CSV

extension MappingFile {
  /// The CSV reader options this mapping asks for: `csv: { ragged_rows: … }` sets
  /// ``CSV/CSVReadOptions/raggedRows``; everything else stays as in `base`.
  ///
  /// The pipeline reads a file once with the defaults to choose its mapping, and reads it again
  /// with these options when they differ.
  ///
  /// - Parameter base: the options to start from (default: detect everything, pad).
  public func csvReadOptions(_ base: CSVReadOptions = CSVReadOptions()) -> CSVReadOptions {
    var options = base
    if let policy = raggedRows,
      let mapped = CSVReadOptions.RaggedRowPolicy(rawValue: policy.rawValue)
    {
      options.raggedRows = mapped
    }
    return options
  }
}
