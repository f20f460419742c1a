/// How a written cell looks: font, fill, borders, alignment and number format.
///
/// A small value type; equal styles share one cell format. The writer deduplicates them into
/// `xl/styles.xml` (ECMA-376 Part 1 §18.8): `<fonts>`, `<fills>`, `<borders>`, `<numFmts>`
/// (custom ids from 164 up) and one `<xf>` per distinct style in `<cellXfs>`.
///
/// ```swift
/// let header = CellStyle(
///   bold: true, fillColor: CellStyle.Color(rgb: 0xDDEBF7),
///   border: .init(bottom: .init(.medium)), wrapText: true)
/// let percent = CellStyle(numberFormat: CellStyle.FormatCode.percentOneDecimal)
/// ```
public struct CellStyle: Hashable, Sendable {
  /// Bold font (`<b/>`).
  public var bold: Bool {
    get { storage.fields.bold }
    set { mutate { $0.bold = newValue } }
  }
  /// Italic font (`<i/>`).
  public var italic: Bool {
    get { storage.fields.italic }
    set { mutate { $0.italic = newValue } }
  }
  /// Font size in points, 1–409; `nil` is the workbook default, 11.
  public var fontSize: Double? {
    get { storage.fields.fontSize }
    set { mutate { $0.fontSize = newValue } }
  }
  /// Font colour; `nil` is automatic (black).
  public var fontColor: Color? {
    get { storage.fields.fontColor }
    set { mutate { $0.fontColor = newValue } }
  }
  /// Solid background fill (`<patternFill patternType="solid">`); `nil` is no fill.
  public var fillColor: Color? {
    get { storage.fields.fillColor }
    set { mutate { $0.fillColor = newValue } }
  }
  /// Cell borders; `nil` is none.
  public var border: Border? {
    get { storage.fields.border }
    set { mutate { $0.border = newValue } }
  }
  /// Horizontal alignment; `nil` is Excel's general alignment (text left, numbers right).
  public var horizontalAlignment: HorizontalAlignment? {
    get { storage.fields.horizontalAlignment }
    set { mutate { $0.horizontalAlignment = newValue } }
  }
  /// Vertical alignment; `nil` is bottom.
  public var verticalAlignment: VerticalAlignment? {
    get { storage.fields.verticalAlignment }
    set { mutate { $0.verticalAlignment = newValue } }
  }
  /// Wrap text onto several lines within the column width.
  public var wrapText: Bool {
    get { storage.fields.wrapText }
    set { mutate { $0.wrapText = newValue } }
  }
  /// The number format code, e.g. `0%` or `yyyy-mm-dd` (see ``FormatCode``); `nil` is General,
  /// except for dates and durations, which get ``FormatCode/date`` and
  /// ``FormatCode/duration``. Written in the file's invariant form: `.` decimal point and `,`
  /// thousands separator, which Excel shows in the reader's locale.
  public var numberFormat: String? {
    get { storage.fields.numberFormat }
    set { mutate { $0.numberFormat = newValue } }
  }
  /// Whether the cell is locked when its sheet is protected (``SheetProtection``); `false`
  /// writes `<protection locked="0"/>`, a cell the user may fill in. Every cell is locked
  /// by default, as in Excel; locking has no effect on an unprotected sheet.
  public var locked: Bool {
    get { storage.fields.locked }
    set { mutate { $0.locked = newValue } }
  }

  /// Creates a style; every part defaults to Excel's default look.
  public init(
    bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, fontColor: Color? = nil,
    fillColor: Color? = nil, border: Border? = nil,
    horizontalAlignment: HorizontalAlignment? = nil,
    verticalAlignment: VerticalAlignment? = nil, wrapText: Bool = false,
    numberFormat: String? = nil, locked: Bool = true
  ) {
    storage = Storage(
      Fields(
        bold: bold, italic: italic, fontSize: fontSize, fontColor: fontColor,
        fillColor: fillColor, border: border, horizontalAlignment: horizontalAlignment,
        verticalAlignment: verticalAlignment, wrapText: wrapText, numberFormat: numberFormat,
        locked: locked))
  }

  /// Equal when every part is equal; the same style value reused is recognised at once.
  public static func == (lhs: CellStyle, rhs: CellStyle) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  /// Hashes every part.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(storage.fields)
  }

  // The parts live in one shared, immutable-once-shared box: a style is copied into every cell
  // that uses it, so a copy costs one reference count, and comparing a style with itself
  // (the usual case for a column) is one pointer comparison.
  private var storage: Storage

  private struct Fields: Hashable, Sendable {
    var bold: Bool
    var italic: Bool
    var fontSize: Double?
    var fontColor: Color?
    var fillColor: Color?
    var border: Border?
    var horizontalAlignment: HorizontalAlignment?
    var verticalAlignment: VerticalAlignment?
    var wrapText: Bool
    var numberFormat: String?
    var locked: Bool
  }

  private final class Storage: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private mutating func mutate(_ change: (inout Fields) -> Void) {
    var fields = storage.fields
    change(&fields)
    storage = Storage(fields)
  }

  /// An opaque ARGB colour, as `xl/styles.xml` writes it (`rgb="FFC6EFCE"`).
  public struct Color: Hashable, Sendable, CustomStringConvertible {
    /// Alpha, red, green, blue, 8 bits each; Excel ignores alpha, write `FF`.
    public var argb: UInt32

    /// Creates a colour from 32-bit ARGB, e.g. `0xFFC6EFCE`.
    public init(argb: UInt32) { self.argb = argb }

    /// Creates an opaque colour from 24-bit RGB, e.g. `0xC6EFCE`.
    public init(rgb: UInt32) { self.argb = 0xFF00_0000 | (rgb & 0x00FF_FFFF) }

    /// Parses `C6EFCE`, `#C6EFCE` or `FFC6EFCE` (6 or 8 hexadecimal digits).
    ///
    /// - Returns: `nil` when the text is not 6 or 8 hexadecimal digits.
    public init?(hex: String) {
      var text = Substring(hex)
      if text.hasPrefix("#") { text = text.dropFirst() }
      guard text.count == 6 || text.count == 8, let value = UInt32(text, radix: 16) else {
        return nil
      }
      self.argb = text.count == 6 ? 0xFF00_0000 | value : value
    }

    /// Eight upper-case hexadecimal digits, `FFC6EFCE`, as written in the file.
    public var hex: String {
      let digits = String(argb, radix: 16, uppercase: true)
      return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Same as ``hex``.
    public var description: String { hex }
  }

  /// The line style of a border edge (`ST_BorderStyle`, ECMA-376 Part 1 §18.18.3).
  public enum BorderLine: String, Hashable, Sendable, CaseIterable {
    /// A thin line.
    case thin
    /// A medium line.
    case medium
    /// A thick line.
    case thick
    /// A thin dashed line.
    case dashed
    /// A thin dotted line.
    case dotted
    /// A double line.
    case double
    /// A hairline.
    case hair
  }

  /// One edge of a border: a line style and a colour.
  public struct BorderEdge: Hashable, Sendable {
    /// The line style.
    public var line: BorderLine
    /// The colour; `nil` is automatic (black).
    public var color: Color?

    /// Creates an edge.
    public init(_ line: BorderLine, color: Color? = nil) {
      self.line = line
      self.color = color
    }
  }

  /// The four edges of a cell's border (`<border>`); `nil` edges have no line.
  public struct Border: Hashable, Sendable {
    /// The left edge.
    public var left: BorderEdge?
    /// The right edge.
    public var right: BorderEdge?
    /// The top edge.
    public var top: BorderEdge?
    /// The bottom edge.
    public var bottom: BorderEdge?

    /// Creates a border from its edges.
    public init(
      left: BorderEdge? = nil, right: BorderEdge? = nil, top: BorderEdge? = nil,
      bottom: BorderEdge? = nil
    ) {
      self.left = left
      self.right = right
      self.top = top
      self.bottom = bottom
    }

    /// The same line on all four edges.
    public static func all(_ line: BorderLine, color: Color? = nil) -> Border {
      let edge = BorderEdge(line, color: color)
      return Border(left: edge, right: edge, top: edge, bottom: edge)
    }
  }

  /// Horizontal alignment (`ST_HorizontalAlignment`).
  public enum HorizontalAlignment: String, Hashable, Sendable, CaseIterable {
    /// Text at the left edge.
    case left
    /// Centred.
    case center
    /// Text at the right edge.
    case right
    /// Spread to both edges (wraps).
    case justify
    /// Centred across the selection of empty cells to the right.
    case centerContinuous
  }

  /// Vertical alignment (`ST_VerticalAlignment`).
  public enum VerticalAlignment: String, Hashable, Sendable, CaseIterable {
    /// At the top.
    case top
    /// Centred.
    case center
    /// At the bottom (Excel's default).
    case bottom
    /// Spread from top to bottom.
    case justify
  }

  /// Number format codes for reports, in the invariant form the file stores.
  ///
  /// Excel shows `,` as the reader's thousands separator and `.` as the decimal separator, so
  /// ``kronor`` appears as `1 234 kr` and ``percentOneDecimal`` as `88,0 %` in Swedish Excel
  /// (whose format dialog shows them as `# ##0 "kr"` and `0,0 %`).
  public enum FormatCode {
    /// Whole numbers: `1234`.
    public static let integer = "0"
    /// Whole numbers with thousands separators: `1 234`.
    public static let grouped = "#,##0"
    /// Two decimals: `12.50`.
    public static let twoDecimals = "0.00"
    /// Whole percent (built-in id 9): 0.88 shows as `88%`.
    public static let percent = "0%"
    /// Percent with one decimal and a space, Swedish style: 0.884 shows as `88,4 %`.
    public static let percentOneDecimal = "0.0\\ %"
    /// Swedish kronor, whole: 1234 shows as `1 234 kr`.
    public static let kronor = "#,##0\\ \"kr\""
    /// ISO 8601 date: `2026-03-31`.
    public static let date = "yyyy-mm-dd"
    /// ISO 8601 date and time to the minute: `2026-03-31 14:05`.
    public static let dateTime = "yyyy-mm-dd hh:mm"
    /// A time of day: `14:05:30`.
    public static let time = "hh:mm:ss"
    /// Elapsed hours, minutes and seconds: `37:30:00`.
    public static let duration = "[h]:mm:ss"
  }
}
