/// Where the rows of a template sheet went when its blocks were filled: rows outside blocks
/// move by what the blocks above them grew or shrank; a block's rows became its instances.
struct RowMap: Sendable {
  /// A top-level block (`{{#each}}` or `{{#if}}`), its marker rows included.
  struct Block: Sendable {
    var open: Int
    var close: Int
    /// First output row of the block's rows.
    var outStart: Int
    /// How many output rows it became.
    var outCount: Int
    /// Per instance: template row → output row (the first time the row was written).
    var instances: [[Int: Int]]
  }

  /// Where a formula or construct is: inside an instance of a block, or not.
  struct Host: Hashable, Sendable {
    var block: Int
    var instance: Int
  }

  var blocks: [Block] = []

  /// The identity: nothing moved.
  static let identity = RowMap()

  var isIdentity: Bool { blocks.isEmpty }

  func block(containing row: Int) -> Int? {
    blocks.firstIndex { $0.open <= row && row <= $0.close }
  }

  /// A row outside every block.
  func outside(_ row: Int) -> Int {
    var r = row
    for b in blocks where b.close < row { r += b.outCount - (b.close - b.open + 1) }
    return r
  }

  /// A single cell's row: in a block's body, the first instance's row (or the host
  /// instance's, for a formula inside that block); `nil` when the row is gone.
  func cell(_ row: Int, host: Host? = nil) -> Int? {
    guard let i = block(containing: row) else { return outside(row) }
    let b = blocks[i]
    if let host, host.block == i { return b.instances[host.instance][row] }
    if let hit = b.instances.first?[row] { return hit }
    return b.outCount > 0 ? b.outStart : nil
  }

  /// A range's rows: a corner in a block goes to the block's first or last output row, so
  /// a range over a block covers every row it became; both corners in the host instance's
  /// block map inside that instance. `nil` when nothing is left.
  func range(_ r1: Int, _ r2: Int, host: Host? = nil) -> (Int, Int)? {
    if let host, let i = block(containing: r1), i == host.block, block(containing: r2) == i {
      let rows = blocks[i].instances[host.instance]
      if let a = rows[r1], let b = rows[r2] { return (a, b) }
    }
    let s: Int
    if let i = block(containing: r1) { s = blocks[i].outStart } else { s = outside(r1) }
    let e: Int
    if let i = block(containing: r2) {
      e = blocks[i].outStart + blocks[i].outCount - 1
    } else {
      e = outside(r2)
    }
    return e >= s ? (s, e) : nil
  }

  /// A reference moved by the map (columns never move).
  func apply(_ ref: FormulaReference, host: Host? = nil) -> FormulaReference? {
    var r = ref
    if let row2 = ref.row2 {
      guard let (a, b) = range(min(ref.row1, row2), max(ref.row1, row2), host: host) else {
        return nil
      }
      if ref.row1 <= row2 {
        r.row1 = a
        r.row2 = b
      } else {
        r.row1 = b
        r.row2 = a
      }
      return r
    }
    guard let a = cell(ref.row1, host: host) else { return nil }
    r.row1 = a
    return r
  }
}
