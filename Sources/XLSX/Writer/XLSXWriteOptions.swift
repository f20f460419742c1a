public import Spreadsheet

/// Options for a whole workbook written by ``XLSXWriter``.
public struct XLSXWriteOptions: Sendable {
  /// 0 stores the parts uncompressed; 1 (fastest) to 9 (smallest) deflate them. 6, zlib's
  /// default, is the usual balance; 1 writes about twice as fast for files ~35 % larger.
  public var compressionLevel: Int
  /// `true` writes text once into `xl/sharedStrings.xml` and refers to it by index (what Excel
  /// does; smaller files when text repeats, but the distinct strings stay in memory until
  /// ``XLSXWriter/close()``); `false` writes every text inline in its cell (`t="inlineStr"`:
  /// constant memory whatever the text).
  public var sharedStrings: Bool
  /// `dcterms:created` and `dcterms:modified` in `docProps/core.xml`, as UTC; `nil` leaves
  /// them out, so that the same input always gives the same bytes.
  public var created: CivilDateTime?
  /// `dc:creator` in `docProps/core.xml`; `nil` leaves it out.
  public var creator: String?
  /// `dc:title` in `docProps/core.xml`; `nil` leaves it out.
  public var title: String?
  /// Mark text that Excel would read as a formula if retyped (it begins with `=`, `+`, `-`,
  /// `@`, a tab or a carriage return) with `quotePrefix`, as Excel does for `'=…`. The text is
  /// a string either way; this keeps it one when a user edits the cell.
  public var quotePrefixFormulaLikeText: Bool
  /// Threads that compress in parallel with the caller; `nil` uses one per processor
  /// (deflate costs about four times what producing the XML does, so the caller's thread
  /// mostly waits and every core compresses); 0 compresses on the caller's thread. The bytes
  /// written are the same whatever the number.
  public var compressionThreads: Int?
  /// Folder for the temporary spool file that holds compressed worksheets until the file is
  /// assembled (only used past 64 KiB of compressed data; unlinked at once). `nil` uses the
  /// target's own folder.
  public var temporaryDirectory: String?
  /// Custom document properties (`docProps/custom.xml`), in this order; none writes no part.
  public var customProperties: [CustomProperty]

  /// Creates options; the defaults suit reports.
  public init(
    compressionLevel: Int = 6, sharedStrings: Bool = true, created: CivilDateTime? = nil,
    creator: String? = "RedThread", title: String? = nil,
    quotePrefixFormulaLikeText: Bool = true, compressionThreads: Int? = nil,
    temporaryDirectory: String? = nil, customProperties: [CustomProperty] = []
  ) {
    self.compressionLevel = compressionLevel
    self.sharedStrings = sharedStrings
    self.created = created
    self.creator = creator
    self.title = title
    self.quotePrefixFormulaLikeText = quotePrefixFormulaLikeText
    self.compressionThreads = compressionThreads
    self.temporaryDirectory = temporaryDirectory
    self.customProperties = customProperties
  }
}

/// Options for one worksheet, given to ``XLSXWriter/addWorksheet(name:options:)``.
///
/// Everything here is written before or after the rows, so it is known before the first row
/// (widths, panes) or can still be changed until the next worksheet starts (autofilter,
/// merged ranges, conditional formats: see ``XLSXWriter/setAutoFilter(_:)``).
public struct WorksheetOptions: Sendable {
  /// Column widths in characters of the default font, as Excel's column-width dialog shows
  /// them, keyed by 1-based column (1 is `A`); 0 hides the column. `<cols>`, ECMA-376 Part 1
  /// §18.3.1.13.
  public var columnWidths: [Int: Double]
  /// Rows kept in view at the top while scrolling (a frozen `<pane>`), e.g. 1 for a header.
  public var frozenRows: Int
  /// Columns kept in view at the left while scrolling.
  public var frozenColumns: Int
  /// The range with filter buttons on its first row (`<autoFilter>`), usually the header
  /// and the data below it.
  public var autoFilter: CellRange?
  /// Merged ranges (`<mergeCell>`), e.g. a title across the table's width; they may not
  /// overlap.
  public var mergedRanges: [CellRange]
  /// Conditional formats (`<conditionalFormatting>`), e.g. a status column coloured by value.
  public var conditionalFormats: [ConditionalFormat]
  /// The colour of the sheet's tab (`<tabColor>`).
  public var tabColor: CellStyle.Color?
  /// Whether Excel draws its grid lines.
  public var showGridLines: Bool
  /// Whether the tab is shown, hidden, or hidden so that only VBA can show it.
  public var visibility: Worksheet.Visibility
  /// Data validations (`<dataValidations>`): drop-down lists and allowed numbers and dates;
  /// more can be added with ``XLSXWriter/addDataValidation(_:)``.
  public var dataValidations: [DataValidation]
  /// Protection without a password (`<sheetProtection>`); `nil` leaves the sheet unprotected.
  public var protection: SheetProtection?
  /// How the sheet prints (paper, orientation, fit, repeated rows, header and footer);
  /// `nil` leaves Excel's defaults.
  public var pageSetup: PageSetup?

  /// Creates worksheet options; the defaults are Excel's.
  public init(
    columnWidths: [Int: Double] = [:], frozenRows: Int = 0, frozenColumns: Int = 0,
    autoFilter: CellRange? = nil, mergedRanges: [CellRange] = [],
    conditionalFormats: [ConditionalFormat] = [], tabColor: CellStyle.Color? = nil,
    showGridLines: Bool = true, visibility: Worksheet.Visibility = .visible,
    dataValidations: [DataValidation] = [], protection: SheetProtection? = nil,
    pageSetup: PageSetup? = nil
  ) {
    self.columnWidths = columnWidths
    self.frozenRows = frozenRows
    self.frozenColumns = frozenColumns
    self.autoFilter = autoFilter
    self.mergedRanges = mergedRanges
    self.conditionalFormats = conditionalFormats
    self.tabColor = tabColor
    self.showGridLines = showGridLines
    self.visibility = visibility
    self.dataValidations = dataValidations
    self.protection = protection
    self.pageSetup = pageSetup
  }
}

/// A conditional format: cells of a range take a style when a rule holds for their value.
///
/// Models `<conditionalFormatting>` with `<cfRule>` (ECMA-376 Part 1 §18.3.1.18) and the
/// `<dxf>` it points to in `xl/styles.xml`. Rules are tried in order; the first that holds
/// wins (`stopIfTrue`).
///
/// ```swift
/// let status = ConditionalFormat(range: CellRange("F2:F500")!, rules: [
///   .init(.textEquals("Uppnått"), style: CellStyle(fontColor: .init(rgb: 0x006100),
///                                                  fillColor: .init(rgb: 0xC6EFCE))),
///   .init(.textEquals("Ej uppnått"), style: CellStyle(fontColor: .init(rgb: 0x9C0006),
///                                                     fillColor: .init(rgb: 0xFFC7CE))),
/// ])
/// ```
public struct ConditionalFormat: Hashable, Sendable {
  /// The cells the format applies to.
  public var range: CellRange
  /// The rules, first match wins.
  public var rules: [Rule]

  /// Creates a conditional format.
  public init(range: CellRange, rules: [Rule]) {
    self.range = range
    self.rules = rules
  }

  /// A condition on a cell's value and the style shown when it holds.
  public struct Rule: Hashable, Sendable {
    /// The condition.
    public var condition: Condition
    /// The style applied on top of the cell's own: only bold, italic, font colour, fill
    /// colour and border may be set (Excel's differential formats).
    public var style: CellStyle

    /// Creates a rule.
    public init(_ condition: Condition, style: CellStyle) {
      self.condition = condition
      self.style = style
    }
  }

  /// A test on a cell's value (`cfRule type="cellIs"` or `containsText`).
  public enum Condition: Hashable, Sendable {
    /// The text equals this, ignoring case, as Excel compares.
    case textEquals(String)
    /// The text contains this, ignoring case.
    case textContains(String)
    /// The number is equal to the value.
    case equal(Double)
    /// The number is greater than the value.
    case greaterThan(Double)
    /// The number is greater than or equal to the value.
    case greaterThanOrEqual(Double)
    /// The number is less than the value.
    case lessThan(Double)
    /// The number is less than or equal to the value.
    case lessThanOrEqual(Double)
    /// The number lies between the two values, both included.
    case between(Double, Double)
  }
}
