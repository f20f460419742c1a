/// Options for reading delimited text. The defaults detect everything and refuse nothing
/// that Excel or Python's `csv` module would read, except broken encodings and unterminated
/// quotes.
public struct CSVReadOptions: Sendable, Hashable {
  /// What to do with a record below the header whose field count differs from the table's.
  ///
  /// The raw values are the words a mapping file uses (`ragged_rows: pad`).
  public enum RaggedRowPolicy: String, Sendable, Hashable, CaseIterable {
    /// Keep the record (a short one reads as if padded with empty fields; a long one keeps
    /// its extra fields) and report a `ragged-row` warning. The default.
    case pad
    /// Stop with the error `ragged-row` at the first such record.
    case error
    /// Leave the record out and report a `ragged-row` warning.
    case skip
  }

  /// What to do with a NUL byte (0x00) inside the text of an 8-bit file.
  public enum NULBytePolicy: String, Sendable, Hashable, CaseIterable {
    /// Keep it as U+0000 in the field and report a `nul-byte` warning. The default, as
    /// Python's `csv` module and DuckDB read such files.
    case keep
    /// Stop with the error `nul-byte`.
    case error
  }

  /// How quotes inside quoted fields are escaped.
  public enum EscapeStyle: String, Sendable, Hashable, CaseIterable {
    /// RFC 4180: a quote inside a quoted field is doubled (`""`).
    case doubled
    /// A backslash escapes the next quote or backslash (`\"`, `\\`); other backslashes are
    /// kept as they are.
    case backslash
  }

  /// The encoding, or `nil` to detect it (byte-order mark, NUL pattern, UTF-8 validity,
  /// otherwise single-byte Western).
  public var encoding: CSVEncoding?
  /// The field delimiter (one ASCII character), or `nil` to detect it among `,` `;` tab `|`
  /// `:` (an Excel `sep=` first line wins).
  public var delimiter: Character?
  /// The quote character (one ASCII character), or `nil` to detect `"` or `'`.
  public var quote: Character?
  /// The escape style inside quoted fields, or `nil` to detect it.
  public var escape: EscapeStyle?
  /// What to do with ragged records.
  public var raggedRows: RaggedRowPolicy
  /// What to do with NUL bytes.
  public var nulBytes: NULBytePolicy
  /// Remove the formula guard the writer adds: a field that starts with `'` followed by `=`,
  /// `+`, `-`, `@`, tab, CR or another `'` loses its first `'`. Off by default (the reader
  /// returns the text as written); see ``CSVWriter``.
  public var removeFormulaGuard: Bool
  /// How many bytes of the start of the file the detection looks at (default 1 MiB).
  public var sampleBytes: Int
  /// How many records of the sample the delimiter detection compares (default 1,000).
  public var sampleRecords: Int
  /// The largest file ``CSVReader/read(path:options:)`` loads into a workbook, in bytes
  /// (default 512 MiB). Streaming has no file cap.
  public var maxFileBytes: Int
  /// The largest single record, in bytes (default 64 MiB).
  public var maxRecordBytes: Int
  /// The most fields in one record (default 16,384, Excel's column limit).
  public var maxFields: Int
  /// The most warnings of one code kept per file (default 100); the rest are counted in a
  /// last warning.
  public var maxDiagnosticsPerCode: Int

  /// Creates options; every parameter has the detecting default.
  public init(
    encoding: CSVEncoding? = nil, delimiter: Character? = nil, quote: Character? = nil,
    escape: EscapeStyle? = nil, raggedRows: RaggedRowPolicy = .pad, nulBytes: NULBytePolicy = .keep,
    removeFormulaGuard: Bool = false, sampleBytes: Int = 1 << 20, sampleRecords: Int = 1000,
    maxFileBytes: Int = 512 << 20, maxRecordBytes: Int = 64 << 20, maxFields: Int = 16_384,
    maxDiagnosticsPerCode: Int = 100
  ) {
    self.encoding = encoding
    self.delimiter = delimiter
    self.quote = quote
    self.escape = escape
    self.raggedRows = raggedRows
    self.nulBytes = nulBytes
    self.removeFormulaGuard = removeFormulaGuard
    self.sampleBytes = sampleBytes
    self.sampleRecords = sampleRecords
    self.maxFileBytes = maxFileBytes
    self.maxRecordBytes = maxRecordBytes
    self.maxFields = maxFields
    self.maxDiagnosticsPerCode = maxDiagnosticsPerCode
  }
}
