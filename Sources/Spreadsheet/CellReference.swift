/// A cell reference such as `B7`: a 1-based row and a 1-based column, as Excel shows them.
///
/// Rows run from 1 to ``maxRow`` (1,048,576) and columns from 1 (`A`) to ``maxColumn``
/// (16,384, `XFD`), the limits of ECMA-376 Part 1 §18.3.1.73 and of Excel.
public struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The last row Excel can address: 1,048,576.
  public static let maxRow = 1_048_576
  /// The last column Excel can address: 16,384 (`XFD`).
  public static let maxColumn = 16_384

  /// The 1-based row, as shown in Excel.
  public var row: Int
  /// The 1-based column: 1 is `A`, 27 is `AA`.
  public var column: Int

  /// Creates a reference from a 1-based row and a 1-based column.
  ///
  /// - Parameters:
  ///   - row: 1-based row, 1...1,048,576.
  ///   - column: 1-based column, 1...16,384.
  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// The zero-based row index (`row - 1`).
  public var rowIndex: Int { row - 1 }
  /// The zero-based column index (`column - 1`).
  public var columnIndex: Int { column - 1 }

  /// Whether the reference lies inside Excel's grid (1,048,576 rows × 16,384 columns).
  public var isWithinExcelLimits: Bool {
    row >= 1 && row <= Self.maxRow && column >= 1 && column <= Self.maxColumn
  }

  /// The A1 form, e.g. `B7`.
  public var a1: String { Self.columnLetters(column) + String(row) }

  /// The A1 form, e.g. `B7`.
  public var description: String { a1 }

  /// Orders references row by row, then column by column (the order of a worksheet part).
  public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
    lhs.row != rhs.row ? lhs.row < rhs.row : lhs.column < rhs.column
  }

  /// The column letters for a 1-based column number: 1 → `A`, 28 → `AB`, 16,384 → `XFD`.
  ///
  /// - Parameter column: 1-based column number; values below 1 give an empty string.
  /// - Returns: the letters, upper case.
  public static func columnLetters(_ column: Int) -> String {
    guard column >= 1 else { return "" }
    var n = column
    var scalars: [UInt8] = []
    while n > 0 {
      let remainder = (n - 1) % 26
      scalars.append(UInt8(65 + remainder))
      n = (n - 1) / 26
    }
    return String(decoding: scalars.reversed(), as: UTF8.self)
  }

  /// The 1-based column number for column letters: `A` → 1, `ab` → 28.
  ///
  /// - Parameter letters: one to three letters, either case.
  /// - Returns: the column number, or `nil` when `letters` is empty, not letters, or past `XFD`.
  public static func columnNumber<S: StringProtocol>(_ letters: S) -> Int? {
    var n = 0
    var count = 0
    for byte in letters.utf8 {
      let upper = byte & 0xDF
      guard upper >= 65 && upper <= 90 else { return nil }
      n = n * 26 + Int(upper - 64)
      count += 1
      if count > 3 { return nil }
    }
    return count == 0 || n > maxColumn ? nil : n
  }
}

extension CellReference {
  /// Parses an A1 reference such as `B7`, `$B$7` or `xfd1048576`.
  ///
  /// - Parameter text: the reference; `$` anchors are ignored, letters may be either case.
  /// - Returns: `nil` when the text is not a reference inside Excel's limits.
  public init?<S: StringProtocol>(_ text: S) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "$") { continue }
      let upper = byte & 0xDF
      if digits == 0 && upper >= 65 && upper <= 90 {
        column = column * 26 + Int(upper - 64)
        letters += 1
        if letters > 3 { return nil }
      } else if byte >= 48 && byte <= 57 && letters > 0 {
        row = row * 10 + Int(byte - 48)
        digits += 1
        if digits > 7 { return nil }
      } else {
        return nil
      }
    }
    guard letters > 0, digits > 0, row >= 1, row <= Self.maxRow, column <= Self.maxColumn else {
      return nil
    }
    self.init(row: row, column: column)
  }
}

extension CellReference: Codable {
  /// Decodes the A1 form.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let reference = CellReference(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not an A1 reference: \(text)"))
    }
    self = reference
  }

  /// Encodes the A1 form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(a1)
  }
}
