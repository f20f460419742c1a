/// A whole spreadsheet file held in memory: its worksheets in tab order.
///
/// Produced by the XLSX and CSV readers; a CSV file is a workbook of one worksheet named after
/// the file, with ``textLayout`` describing the detected encoding and dialect.
public struct Workbook: Hashable, Sendable {
  /// The file format a workbook was read from.
  public enum Format: String, Hashable, Sendable, Codable {
    /// Office Open XML workbook (`.xlsx`, `.xlsm`).
    case xlsx
    /// Delimited text.
    case csv
  }

  /// How a text source was decoded and split.
  public struct TextLayout: Hashable, Sendable {
    /// The character encoding, by its IANA-style name: `utf-8`, `utf-8-sig`, `windows-1252`,
    /// `iso-8859-1`, `utf-16-le`, `utf-16-be`, `utf-32-le`, `utf-32-be`.
    public var encoding: String
    /// The field delimiter, e.g. `;`.
    public var delimiter: String

    /// Creates a text layout.
    public init(encoding: String, delimiter: String) {
      self.encoding = encoding
      self.delimiter = delimiter
    }
  }

  /// The path the file was read from, as the user gave it.
  public var path: String
  /// The format read.
  public var format: Format
  /// The worksheets in tab order.
  public var worksheets: [Worksheet]
  /// The date system of the workbook (XLSX `workbookPr/@date1904`).
  public var dateSystem: DateSystem
  /// For CSV: encoding and delimiter.
  public var textLayout: TextLayout?
  /// Custom document properties by name, their values as text (XLSX `docProps/custom.xml`);
  /// empty for CSV and for workbooks without them.
  public var customProperties: [String: String] = [:]

  /// Creates a workbook.
  public init(
    path: String, format: Format, worksheets: [Worksheet], dateSystem: DateSystem = .date1900,
    textLayout: TextLayout? = nil
  ) {
    self.path = path
    self.format = format
    self.worksheets = worksheets
    self.dateSystem = dateSystem
    self.textLayout = textLayout
  }

  /// The first worksheet with this name, compared case-insensitively as Excel does.
  public func worksheet(named name: String) -> Worksheet? {
    if let exact = worksheets.first(where: { $0.name == name }) { return exact }
    let lower = name.lowercased()
    return worksheets.first { $0.name.lowercased() == lower }
  }
}
