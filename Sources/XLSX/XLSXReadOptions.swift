/// Options for reading a workbook: the caps that keep a hostile file from exhausting memory or
/// time. Every cap has a named error (``XLSXError/Code``) when it is passed.
///
/// Sizes are counted while inflating, never taken from the zip directory (which can lie).
/// The defaults read any workbook Excel can make; lower them for a service that must answer
/// quickly.
public struct XLSXReadOptions: Sendable, Hashable {
  /// The most bytes one part may inflate to (default 1 GiB). Error: `part-too-large`.
  public var maxPartBytes: Int = 1 << 30
  /// The most bytes all parts read may inflate to together (default 4 GiB).
  /// Error: `workbook-too-large`.
  public var maxTotalBytes: Int = 4 << 30
  /// The largest inflated ÷ compressed size of a part, checked once the part has produced
  /// ``compressionRatioGraceBytes`` (default 200). Error: `compression-ratio-exceeded`.
  public var maxCompressionRatio: Int = 200
  /// Bytes a part may produce before its compression ratio is checked (default 16 MiB): small
  /// parts of repeated XML compress far better than real data.
  public var compressionRatioGraceBytes: Int = 16 << 20
  /// The most entries the zip archive may list (default 10,000). Error: `too-many-parts`.
  public var maxParts: Int = 10_000
  /// The most strings the shared-string table may hold (default 1,000,000).
  /// Error: `too-many-shared-strings`.
  ///
  /// The table stays in memory while the sheets are read, at about 64 bytes per string plus
  /// its text; with this default and ``maxSharedStringBytes`` it stays under 200 MiB.
  public var maxSharedStrings: Int = 1_000_000
  /// The most UTF-8 bytes of text the shared strings may hold together (default 64 MiB).
  /// Error: `shared-strings-too-large`.
  public var maxSharedStringBytes: Int = 64 << 20
  /// The most UTF-8 bytes of one cell's text or of one shared string (default 1 MiB; Excel
  /// allows 32,767 characters, at most 96 KiB of UTF-8). Checked while the text arrives, so a
  /// hostile part cannot make the reader hold one huge string. Error: `cell-text-too-long`.
  public var maxStringBytes: Int = 1 << 20
  /// The most UTF-8 bytes of formula text that the shared formulas of one sheet may expand
  /// to (default 16 MiB). Excel writes a shared formula's text once and lets other cells refer
  /// to it (ECMA-376 Part 1 §18.3.1.40); each of those cells gets its own moved copy, so a
  /// small part can expand to gigabytes. Error: `shared-formulas-too-large`.
  public var maxSharedFormulaBytes: Int = 16 << 20
  /// The longest XML start tag, attributes included, in bytes (default 128 KiB). libxml2
  /// compares an element's attributes pairwise, so an element with 200,000 attributes would
  /// take minutes. Error: `xml-limit-exceeded`.
  public var maxStartTagBytes: Int = 128 << 10
  /// The most UTF-8 bytes of text the string cells of one sheet may hold together, a shared
  /// string counting each time a cell uses it (default 512 MiB). A few kilobytes of XML can make
  /// a million cells refer to one megabyte-long shared string; this cap stops that blow-up
  /// before a consumer materializes it. Error: `cell-text-too-large`.
  public var maxCellTextBytes: Int = 512 << 20
  /// The last 1-based row a cell may have (default and maximum useful value: Excel's
  /// 1,048,576). Error: `cell-out-of-range`.
  public var maxRows: Int = 1_048_576
  /// The last 1-based column a cell may have (default: Excel's 16,384, `XFD`).
  /// Error: `cell-out-of-range`.
  public var maxColumns: Int = 16_384
  /// The most cells the sheets of a workbook read whole (``XLSXReader/workbook()``) may hold
  /// together (default 2,000,000). A cell in memory takes about 70 bytes, so a full grid of
  /// 1,048,576 rows × 16 columns would take over a gigabyte; a planning workbook has thousands
  /// of cells. Streaming with ``XLSXReader/rows(of:)`` is not capped. Error: `too-many-cells`.
  public var maxCells: Int = 2_000_000

  /// Whether large worksheet parts are parsed by two libxml2 parsers on two threads while a
  /// third inflates them (default `true`; used only on machines with two or more cores). The
  /// rows, their order and the errors are the same as with one parser.
  public var parallelParsing = true
  /// The inflated size from which a worksheet part is parsed on two threads (default 4 MiB,
  /// about 100,000 cells); judged from the zip directory's sizes.
  public var parallelMinimumPartBytes: Int = 4 << 20
  /// The size in bytes from which a run of rows is cut into a piece for one of the two parsers
  /// (default 64 KiB). Smaller pieces spread the work more evenly and cost more hand-overs;
  /// tests use tiny pieces to put a cut between every two rows.
  public var parallelSegmentBytes: Int = 64 << 10
  /// Whether the two parsers read plain runs of rows with RedThread's own scanner rather than
  /// libxml2 (default `true`). The scanner gives libxml2's events exactly and hands anything
  /// but plain markup (comments, CDATA, namespace declarations, entities in attribute values,
  /// malformed bytes) to libxml2, so the results and errors are the same either way; `false`
  /// is for measuring, and a safety valve.
  public var scansPlainRows = true

  /// Creates the default options.
  public init() {}
}
