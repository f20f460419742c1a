/// How a worksheet prints: paper, orientation, scaling, repeated rows, header and footer.
///
/// Models `<pageSetup>`, `<pageSetUpPr fitToPage>` in `<sheetPr>` and `<headerFooter>` of a
/// worksheet part (ECMA-376 Part 1 §18.3.1.63, §18.3.1.65, §18.3.1.46), and the defined name
/// `_xlnm.Print_Titles` in `xl/workbook.xml` for the repeated rows.
///
/// ```swift
/// let setup = PageSetup(
///   orientation: .landscape, fitToWidth: 1, repeatRows: 1...1,
///   header: "&LHofors kommun&RBarn- och utbildningsnämnden", footer: "&CSida &P av &N")
/// ```
public struct PageSetup: Hashable, Sendable {
  /// Portrait or landscape.
  public enum Orientation: String, Hashable, Sendable {
    /// Taller than wide.
    case portrait
    /// Wider than tall.
    case landscape
  }

  /// Excel's paper size code: 9 is A4, 1 US Letter (Excel's default when unset).
  public var paperSize: Int
  /// Portrait or landscape.
  public var orientation: Orientation
  /// Pages across the printed width; `nil` prints at 100 %. With a value, the sheet is
  /// scaled to fit (`fitToPage`).
  public var fitToWidth: Int?
  /// Pages down; 0 is as many as needed (with ``fitToWidth`` 1: "one page wide, any length").
  public var fitToHeight: Int
  /// Rows repeated at the top of every printed page (1-based, e.g. `1...1` for a header).
  public var repeatRows: ClosedRange<Int>?
  /// The page header in Excel's codes (`&L` left, `&C` centre, `&R` right, `&P` page,
  /// `&N` pages, `&D` date, `&&` an ampersand); at most 255 characters.
  public var header: String?
  /// The page footer, in the same codes.
  public var footer: String?
  /// Manual page breaks: a new page starts at each of these 1-based rows (`<rowBreaks>`).
  /// Excel ignores them when the sheet is fitted to pages (``fitToWidth``).
  public var rowBreaks: [Int]
  /// The print scale in percent (10–400) when the sheet is not fitted to pages.
  public var scale: Int?

  /// Creates a page setup; the defaults are A4 portrait at 100 %.
  public init(
    paperSize: Int = 9, orientation: Orientation = .portrait, fitToWidth: Int? = nil,
    fitToHeight: Int = 0, repeatRows: ClosedRange<Int>? = nil, header: String? = nil,
    footer: String? = nil, rowBreaks: [Int] = [], scale: Int? = nil
  ) {
    self.rowBreaks = rowBreaks
    self.scale = scale
    self.paperSize = paperSize
    self.orientation = orientation
    self.fitToWidth = fitToWidth
    self.fitToHeight = fitToHeight
    self.repeatRows = repeatRows
    self.header = header
    self.footer = footer
  }

  /// Escapes text for a header or footer: `&` becomes `&&`, so a name such as
  /// "Vård & omsorg" is not read as a code.
  public static func literal(_ text: String) -> String {
    text.replacing("&", with: "&&")
  }

  /// Excel's limit on a header or footer string, in characters.
  public static let maximumHeaderFooterLength = 255
}
