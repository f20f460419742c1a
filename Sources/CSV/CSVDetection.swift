/// What the reader detected in a file, with the evidence: what `redthread inspect --explain`
/// prints.
///
/// Fields that describe the sample (the first ``CSVReadOptions/sampleBytes`` bytes, at most
/// ``CSVReadOptions/sampleRecords`` records) say so; ``CSVRecordStream`` updates the encoding
/// and the line endings while it reads the rest.
public struct CSVDetection: Sendable, Hashable {
  /// How records end.
  public enum LineEnding: String, Sendable, Hashable {
    /// CR LF (Windows, Excel).
    case crlf
    /// LF (Unix, macOS).
    case lf
    /// A lone CR (classic Mac OS, Excel for Mac 2011).
    case cr
    /// More than one kind.
    case mixed
    /// The text has a single record and no line break.
    case none
  }

  /// How one candidate delimiter splits the sampled records.
  public struct DelimiterCandidate: Sendable, Hashable {
    /// The delimiter.
    public var delimiter: Character
    /// The field count most records have (2 or more), or 1 when it splits nothing.
    public var fieldCount: Int
    /// Records of the table (from the first record with ``fieldCount`` fields) that have
    /// exactly ``fieldCount`` fields.
    public var matchingRecords: Int
    /// Non-blank records of the table, matching or not.
    public var tableRecords: Int
    /// Non-blank records sampled, including title lines above the table.
    public var sampledRecords: Int
    /// The 1-based record number where the table starts for this delimiter.
    public var firstMatchingRecord: Int?
    /// `matchingRecords² / tableRecords`: high when many records agree and few disagree.
    public var score: Double
    /// Sampled fields that hold another candidate (not counting decimal commas); decides ties.
    public var foreignFields = 0

    /// Creates a candidate's figures.
    public init(
      delimiter: Character, fieldCount: Int, matchingRecords: Int, tableRecords: Int,
      sampledRecords: Int, firstMatchingRecord: Int?, score: Double
    ) {
      self.delimiter = delimiter
      self.fieldCount = fieldCount
      self.matchingRecords = matchingRecords
      self.tableRecords = tableRecords
      self.sampledRecords = sampledRecords
      self.firstMatchingRecord = firstMatchingRecord
      self.score = score
    }
  }

  /// A line above the table, such as Skolverket's "Statistik från Skolverket".
  public struct TitleLine: Sendable, Hashable {
    /// The 1-based line.
    public var line: Int
    /// The text, fields joined by the delimiter.
    public var text: String
  }

  /// A legacy encoding weighed for a file that is not UTF-8, with how plausibly it reads the
  /// sample (see docs/csv.md, "Encoding").
  public struct EncodingAlternative: Sendable, Hashable {
    /// The encoding.
    public var encoding: CSVEncoding
    /// The plausibility score: higher is likelier.
    public var score: Double
    /// The first line with non-ASCII text as this encoding reads it (at most 60 characters).
    public var example: String
  }

  /// The encoding.
  public var encoding: CSVEncoding
  /// Why: the byte-order mark, the NUL pattern, UTF-8 validity or the single-byte evidence.
  public var encodingReason: String
  /// The length in bytes of the byte-order mark skipped (0 when none).
  public var byteOrderMarkLength: Int
  /// The legacy encodings weighed, best first, when the sample is not UTF-8 and no option
  /// gave the encoding; empty otherwise.
  public var encodingAlternatives: [EncodingAlternative] = []
  /// Whether another encoding reads the sample nearly as plausibly as ``encoding`` (the read
  /// then carries an `uncertain-encoding` warning).
  public var encodingIsUncertain = false

  /// The field delimiter.
  public var delimiter: Character
  /// Why, in a sentence.
  public var delimiterReason: String
  /// Every candidate tried, in the order `,` `;` tab `|` `:` (empty when an option or a
  /// `sep=` line gave the delimiter).
  public var candidates: [DelimiterCandidate]
  /// Whether an Excel `sep=X` first line gave the delimiter (that line is not a record).
  public var excelSeparatorLine: Bool
  /// The quote character.
  public var quote: Character
  /// Why.
  public var quoteReason: String
  /// How quotes inside quoted fields are escaped.
  public var escape: CSVReadOptions.EscapeStyle
  /// Why.
  public var escapeReason: String
  /// Fields per record in the table.
  public var fieldCount: Int
  /// Whether every record of the table ends with the delimiter (its last field is always
  /// empty), as Skolverket's exports do.
  public var trailingDelimiter: Bool
  /// Records ended by CR LF: in the sample until records are read, then in the records read
  /// (the whole file once the stream is drained); likewise the next two counts.
  public var crlfCount: Int
  /// Records ended by LF alone.
  public var lfCount: Int
  /// Records ended by a lone CR.
  public var crCount: Int
  /// The line ending, from the three counts.
  public var lineEnding: LineEnding {
    let kinds = [crlfCount, lfCount, crCount].filter { $0 > 0 }.count
    if kinds == 0 { return .none }
    if kinds > 1 { return .mixed }
    return crlfCount > 0 ? .crlf : lfCount > 0 ? .lf : .cr
  }
  /// Lines above the table (not blank), with their text.
  public var titleLines: [TitleLine]
  /// The 1-based record number where the table starts (its first record with
  /// ``fieldCount`` fields), or `nil` for an empty file.
  public var tableStartRecord: Int?
  /// The 1-based record number of the most likely header row, or `nil` when the table seems
  /// to have none. Choosing the header is the mapping's job; this is a hint.
  public var headerRecord: Int?
  /// The 1-based line of ``headerRecord``.
  public var headerLine: Int?
  /// The header record's text, fields joined by the delimiter (empty when none).
  public var headerText: String
  /// Why that record (or why none).
  public var headerReason: String
  /// Records between the start of the table and the header: group rows of a two-row header
  /// (Skolverket's `;;;;;Flickor;Flickor;…`).
  public var headerGroupRecords: [Int]
  /// The decimal separator numbers in the sample use, when any has decimals.
  public var decimalSeparator: Character?
  /// Why.
  public var decimalReason: String
  /// Whether numbers group thousands with a space or no-break space (`3 827`).
  public var spaceThousandsSeparator: Bool
  /// A value with a space thousands separator, when there is one.
  public var thousandsExample: String
  /// Records sampled.
  public var sampledRecords: Int
  /// Bytes sampled (after the byte-order mark, in UTF-8 for UTF-16/32 files).
  public var sampledBytes: Int
  /// Whether the sample is the whole file.
  public var sampleIsWholeFile: Bool

  /// `;`, `,`, `tab`, `|` as prose shows a delimiter.
  public static func display(_ c: Character) -> String {
    switch c {
    case "\t": return "tab"
    case " ": return "space"
    default: return "`\(c)`"
    }
  }
}
