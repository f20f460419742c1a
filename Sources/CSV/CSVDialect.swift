/// How ``CSVWriter`` writes delimited text: the two dialects `redthread export --format csv`
/// offers, or one made to measure.
///
/// - `rfc4180`: UTF-8 without a byte-order mark, `,`, CR LF after every record (RFC 4180
///   §2.1–2.2, so that every reader agrees), `.` decimals, `TRUE`/`FALSE`, ISO 8601 dates.
/// - `excel-sv`: what a Swedish Excel writes and reads by double-click: UTF-8 with a
///   byte-order mark (Excel takes BOM-less files for the ANSI code page) or Windows-1252,
///   `;` (the list separator of the Swedish regional settings), decimal comma, CR LF,
///   `SANT`/`FALSKT`, dates as `2026-03-31` and `2026-03-31 10:15:00`.
public struct CSVDialect: Sendable, Hashable {
  /// How records end.
  public enum LineEnding: String, Sendable, Hashable {
    /// CR LF, as RFC 4180 and Excel write.
    case crlf
    /// LF alone.
    case lf

    var bytes: [UInt8] { self == .crlf ? [0x0D, 0x0A] : [0x0A] }
  }

  /// The dialect's name, as `--format csv --dialect NAME` takes it.
  public var name: String
  /// The field delimiter (one ASCII character).
  public var delimiter: Character
  /// The quote character (one ASCII character).
  public var quote: Character
  /// The record terminator.
  public var lineEnding: LineEnding
  /// The decimal separator of numbers, `.` or `,`.
  public var decimalSeparator: Character
  /// The encoding: ``CSVEncoding/utf8``, ``CSVEncoding/utf8WithBOM`` or
  /// ``CSVEncoding/windows1252``.
  public var encoding: CSVEncoding
  /// How `true` is written.
  public var trueText: String
  /// How `false` is written.
  public var falseText: String
  /// Between date and time in a date-time: `T` (ISO 8601) or a space (Excel).
  public var dateTimeSeparator: Character
  /// Whether text that a spreadsheet would run as a formula is neutralised with a leading `'`
  /// (OWASP); see ``FormulaGuard``. On in both built-in dialects.
  public var formulaGuard: Bool

  /// Creates a dialect.
  public init(
    name: String, delimiter: Character, quote: Character = "\"", lineEnding: LineEnding,
    decimalSeparator: Character, encoding: CSVEncoding, trueText: String, falseText: String,
    dateTimeSeparator: Character, formulaGuard: Bool = true
  ) {
    self.name = name
    self.delimiter = delimiter
    self.quote = quote
    self.lineEnding = lineEnding
    self.decimalSeparator = decimalSeparator
    self.encoding = encoding
    self.trueText = trueText
    self.falseText = falseText
    self.dateTimeSeparator = dateTimeSeparator
    self.formulaGuard = formulaGuard
  }

  /// RFC 4180: UTF-8, `,`, CR LF.
  public static let rfc4180 = CSVDialect(
    name: "rfc4180", delimiter: ",", lineEnding: .crlf, decimalSeparator: ".", encoding: .utf8,
    trueText: "TRUE", falseText: "FALSE", dateTimeSeparator: "T")

  /// A Swedish Excel's CSV: UTF-8 with BOM, `;`, decimal comma, CR LF.
  public static let excelSwedish = CSVDialect(
    name: "excel-sv", delimiter: ";", lineEnding: .crlf, decimalSeparator: ",",
    encoding: .utf8WithBOM, trueText: "SANT", falseText: "FALSKT", dateTimeSeparator: " ")

  /// A Swedish Excel's CSV in Windows-1252 ("CSV (semikolonavgränsad)" in older Excel):
  /// characters outside Windows-1252 are the error `unrepresentable-character`.
  public static let excelSwedishWindows1252: CSVDialect = {
    var dialect = excelSwedish
    dialect.name = "excel-sv-1252"
    dialect.encoding = .windows1252
    return dialect
  }()

  /// The built-in dialects by name: `rfc4180`, `excel-sv`, `excel-sv-1252`.
  public static let builtIn: [CSVDialect] = [.rfc4180, .excelSwedish, .excelSwedishWindows1252]

  /// The built-in dialect with this name (`excel-sv-windows-1252` is accepted for
  /// `excel-sv-1252`), or `nil`.
  public init?(named name: String) {
    let key = name.lowercased()
    let wanted = key == "excel-sv-windows-1252" ? "excel-sv-1252" : key
    guard let dialect = Self.builtIn.first(where: { $0.name == wanted }) else { return nil }
    self = dialect
  }

  /// Read options that read this dialect back exactly: its delimiter, quote and encoding,
  /// and ``CSVReadOptions/removeFormulaGuard`` when the guard is on.
  public var readOptions: CSVReadOptions {
    CSVReadOptions(
      encoding: encoding, delimiter: delimiter, quote: quote, escape: .doubled,
      removeFormulaGuard: formulaGuard)
  }
}
