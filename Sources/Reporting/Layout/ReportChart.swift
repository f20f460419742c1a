/// A chart of the report before any file format: a column chart of a nämndmål's nyckeltal
/// (outcome against målvärde) or a line chart of one nyckeltal over periods (with Riket).
public struct ReportChart: Hashable, Sendable {
  /// Column or line.
  public enum Kind: String, Hashable, Sendable {
    /// Bars side by side per category.
    case column
    /// Lines through the categories.
    case line
  }

  /// One series.
  public struct Series: Hashable, Sendable {
    /// The legend text.
    public var name: String
    /// One value per category, in the unit the format expects (percent 0–100).
    public var values: [Double?]
    /// The colour, as 24-bit RGB.
    public var rgb: UInt32

    /// Creates a series.
    public init(name: String, values: [Double?], rgb: UInt32) {
      self.name = name
      self.values = values
      self.rgb = rgb
    }
  }

  /// Column or line.
  public var kind: Kind
  /// The title.
  public var title: String
  /// The category labels (nyckeltal ids, periods).
  public var categories: [String]
  /// The series.
  public var series: [Series]
  /// How the values are shown (percent, one decimal, kronor).
  public var format: ReportCell.Format

  /// Creates a chart.
  public init(
    kind: Kind, title: String, categories: [String], series: [Series],
    format: ReportCell.Format
  ) {
    self.kind = kind
    self.title = title
    self.categories = categories
    self.series = series
    self.format = format
  }
}
