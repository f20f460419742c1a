/// A rectangular range of cells such as `A1:C10`, inclusive at both ends.
///
/// Models the `ref` of `<mergeCell>` (ECMA-376 Part 1 §18.3.1.55) and of `<dimension>`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  /// The top-left cell.
  public var start: CellReference
  /// The bottom-right cell.
  public var end: CellReference

  /// Creates a range from two corners, in any order.
  public init(_ a: CellReference, _ b: CellReference) {
    start = CellReference(row: min(a.row, b.row), column: min(a.column, b.column))
    end = CellReference(row: max(a.row, b.row), column: max(a.column, b.column))
  }

  /// Parses `A1:C10`, or a single cell `B2` as a one-cell range.
  ///
  /// - Returns: `nil` when either side is not a valid A1 reference.
  public init?<S: StringProtocol>(_ text: S) {
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    guard let first = parts.first, let a = CellReference(first) else { return nil }
    if parts.count == 2 {
      guard let b = CellReference(parts[1]) else { return nil }
      self.init(a, b)
    } else {
      self.init(a, a)
    }
  }

  /// Whether `reference` lies inside the range.
  public func contains(_ reference: CellReference) -> Bool {
    reference.row >= start.row && reference.row <= end.row && reference.column >= start.column
      && reference.column <= end.column
  }

  /// Number of rows spanned (at least 1).
  public var rowCount: Int { end.row - start.row + 1 }
  /// Number of columns spanned (at least 1).
  public var columnCount: Int { end.column - start.column + 1 }

  /// The A1 form, `A1:C10`; a one-cell range prints as `B2:B2` only when the corners differ.
  public var description: String {
    start == end ? start.a1 : "\(start.a1):\(end.a1)"
  }
}
