/// Protection of a worksheet without a password: locked cells cannot be changed, unlocked
/// cells (``CellStyle/locked`` `false`) can, and anyone can lift the protection from Excel's
/// or LibreOffice's menu, so that no one is ever locked out of their own workbook.
///
/// Models `<sheetProtection>` (ECMA-376 Part 1 §18.3.1.85) with `sheet="1"` and no
/// `password` or hash. In the file each `formatColumns`-style attribute says that the action
/// is *protected*; the properties here say what stays *allowed*.
public struct SheetProtection: Hashable, Sendable {
  /// Locked cells may be selected (`selectLockedCells="0"`).
  public var selectLockedCells: Bool
  /// Unlocked cells may be selected.
  public var selectUnlockedCells: Bool
  /// Column widths may be changed.
  public var formatColumns: Bool
  /// Row heights may be changed.
  public var formatRows: Bool
  /// Cells may be formatted.
  public var formatCells: Bool
  /// The autofilter may be used.
  public var autoFilter: Bool
  /// Rows may be sorted.
  public var sort: Bool

  /// Creates a protection; by default cells may be selected and columns and rows resized.
  public init(
    selectLockedCells: Bool = true, selectUnlockedCells: Bool = true,
    formatColumns: Bool = true, formatRows: Bool = true, formatCells: Bool = false,
    autoFilter: Bool = false, sort: Bool = false
  ) {
    self.selectLockedCells = selectLockedCells
    self.selectUnlockedCells = selectUnlockedCells
    self.formatColumns = formatColumns
    self.formatRows = formatRows
    self.formatCells = formatCells
    self.autoFilter = autoFilter
    self.sort = sort
  }

  /// The `<sheetProtection>` element; it follows `<sheetData>`.
  func write(into x: inout WriterXML) {
    x.raw("<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\"")
    if formatCells { x.raw(" formatCells=\"0\"") }
    if formatColumns { x.raw(" formatColumns=\"0\"") }
    if formatRows { x.raw(" formatRows=\"0\"") }
    if sort { x.raw(" sort=\"0\"") }
    if autoFilter { x.raw(" autoFilter=\"0\"") }
    if !selectLockedCells { x.raw(" selectLockedCells=\"1\"") }
    if !selectUnlockedCells { x.raw(" selectUnlockedCells=\"1\"") }
    x.raw("/>")
  }
}
