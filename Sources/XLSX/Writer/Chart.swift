/// A native chart (DrawingML) on a worksheet: a clustered column chart or a line chart with
/// one or more series, each with its values cached in the part so that viewers that do not
/// recalculate (LibreOffice) draw it as it is.
///
/// Models `xl/charts/chartN.xml` (`<c:chartSpace>`, ECMA-376 Part 1 §21.2) and the
/// `<xdr:graphicFrame>` of `xl/drawings/drawingN.xml` that places it. Colours are explicit
/// RGB (no theme colours, which LibreOffice may draw transparent).
///
/// ```swift
/// let chart = Chart(
///   kind: .column, title: "Trygghet och studiero", categories: ["N15419", "N15814"],
///   series: [
///     .init(name: "Utfall", values: [82, 71], color: .init(rgb: 0x1F4E78)),
///     .init(name: "Målvärde", values: [80, 90], color: .init(rgb: 0xA5A5A5)),
///   ])
/// try writer.insertChart(chart, at: ChartAnchor(column: 1, row: 2, columns: 8, rows: 15))
/// ```
public struct Chart: Hashable, Sendable {
  /// The kind of chart.
  public enum Kind: String, Hashable, Sendable {
    /// Vertical bars side by side per category (`<c:barChart>` with `barDir="col"`).
    case column
    /// Lines with markers through the categories (`<c:lineChart>`).
    case line
  }

  /// One series: a name for the legend, one value per category, a colour, and where in the
  /// workbook the values are (optional; the cache is always written).
  public struct Series: Hashable, Sendable {
    /// The legend text.
    public var name: String
    /// One value per category; `nil` leaves a gap.
    public var values: [Double?]
    /// The bar fill or line colour.
    public var color: CellStyle.Color
    /// The cells holding the values (`'Diagramdata'!$B$2:$B$5`), written as `<c:f>`.
    public var valuesReference: String?

    /// Creates a series.
    public init(
      name: String, values: [Double?], color: CellStyle.Color, valuesReference: String? = nil
    ) {
      self.name = name
      self.values = values
      self.color = color
      self.valuesReference = valuesReference
    }
  }

  /// Column or line.
  public var kind: Kind
  /// The title above the plot, if any.
  public var title: String?
  /// The category labels along the horizontal axis.
  public var categories: [String]
  /// The cells holding the category labels, written as `<c:f>`.
  public var categoriesReference: String?
  /// The series.
  public var series: [Series]
  /// The number format of the value axis and cached values (`0%`, `0.0`), or `General`.
  public var numberFormat: String
  /// The value axis's lowest value; `nil` lets the viewer choose (which may not be 0, and
  /// makes bars look further apart than they are).
  public var minimum: Double?

  /// Creates a chart.
  public init(
    kind: Kind, title: String? = nil, categories: [String], categoriesReference: String? = nil,
    series: [Series], numberFormat: String = "General", minimum: Double? = nil
  ) {
    self.minimum = minimum
    self.kind = kind
    self.title = title
    self.categories = categories
    self.categoriesReference = categoriesReference
    self.series = series
    self.numberFormat = numberFormat
  }
}

/// Where a chart sits on its worksheet: its top-left cell and its size in columns and rows
/// (`<xdr:twoCellAnchor>`).
public struct ChartAnchor: Hashable, Sendable {
  /// The 1-based column of the top-left corner.
  public var column: Int
  /// The 1-based row of the top-left corner.
  public var row: Int
  /// How many columns wide.
  public var columns: Int
  /// How many rows tall.
  public var rows: Int

  /// Creates an anchor.
  public init(column: Int, row: Int, columns: Int, rows: Int) {
    self.column = column
    self.row = row
    self.columns = columns
    self.rows = rows
  }
}
