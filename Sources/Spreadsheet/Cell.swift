/// One non-empty cell: where it is, its typed value and what produced the value.
///
/// Models `<c>` in a worksheet part (ECMA-376 Part 1 §18.3.1.4), or one CSV field.
public struct Cell: Hashable, Sendable {
  /// The 1-based column of the cell (1 is `A`).
  public var column: Int
  /// The typed value.
  public var value: CellValue
  /// The indentation of the cell's text in steps (the alignment's `indent`, ECMA-376 Part 1
  /// §18.8.1), 0 when none: a flat list may give its tree by it.
  public var indent: UInt8
  /// The number format code applied to the cell when it is not General, e.g. `0%`.
  public var numberFormat: String?
  /// The formula text without the leading `=`, when the cell holds a formula; ``value`` is
  /// then its cached result.
  public var formula: String?

  /// Creates a cell.
  ///
  /// - Parameters:
  ///   - column: 1-based column.
  ///   - value: the typed value.
  ///   - numberFormat: the format code when not General.
  ///   - formula: the formula text without `=`.
  ///   - indent: the indentation of the text in steps (the alignment's `indent`).
  public init(
    column: Int, value: CellValue, numberFormat: String? = nil, formula: String? = nil,
    indent: UInt8 = 0
  ) {
    self.column = column
    self.value = value
    self.indent = indent
    self.numberFormat = numberFormat
    self.formula = formula
  }
}

/// One row of a worksheet: its 1-based number and its non-empty cells in column order.
///
/// Models `<row>` (ECMA-376 Part 1 §18.3.1.73), or one CSV record.
public struct Row: Hashable, Sendable {
  /// The 1-based row number, as shown in Excel.
  public var number: Int
  /// The non-empty cells, ordered by column, each column at most once.
  public var cells: [Cell]
  /// For text sources: the 1-based line on which the record starts (quoted newlines make it
  /// differ from ``number``). `nil` for workbooks.
  public var line: Int?

  /// Creates a row.
  public init(number: Int, cells: [Cell], line: Int? = nil) {
    self.number = number
    self.cells = cells
    self.line = line
  }

  /// The cell in a 1-based column, or `nil` when that cell is empty.
  public func cell(column: Int) -> Cell? {
    var low = 0
    var high = cells.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let c = cells[mid].column
      if c == column { return cells[mid] }
      if c < column { low = mid + 1 } else { high = mid - 1 }
    }
    return nil
  }

  /// Whether every cell is empty or blank text.
  public var isBlank: Bool {
    cells.allSatisfy { cell in
      if case .string(let s) = cell.value {
        return s.allSatisfy { $0.isWhitespace }
      }
      return false
    }
  }
}
