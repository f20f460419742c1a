import Spreadsheet

/// Moves the relative references of a shared formula (ECMA-376 Part 1 §18.3.1.40, `<f
/// t="shared">`) from its first cell to another cell of its range.
///
/// Excel writes the text of a shared formula once, on its first cell; the other cells carry
/// only `<f t="shared" si="0"/>` and mean "the same formula, moved". A reference moves unless
/// its column or row is anchored with `$`: `B1*2` written in C1 reads `B2*2` in C2, `$B$1*2`
/// stays. String literals, quoted sheet names and structured references (`Table[Column]`) are
/// not touched; names that only look like references (`LOG10(`, `Sheet1!`) are not either.
/// A reference moved off the grid becomes `#REF!`, as in Excel.
enum SharedFormula {
  /// The formula of a cell `rows` below and `columns` right of the formula's first cell.
  static func translate(_ formula: String, rows: Int, columns: Int) -> String {
    guard rows != 0 || columns != 0 else { return formula }
    var formula = formula
    return formula.withUTF8 { translate($0, rows: rows, columns: columns) }
  }

  /// The same, over the formula's UTF-8 bytes; one pass, no allocation but the result's.
  static func translate(_ chars: UnsafeBufferPointer<UInt8>, rows: Int, columns: Int) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(chars.count + 16)
    var i = 0
    let n = chars.count
    while i < n {
      let c = chars[i]
      if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        // A string literal or a quoted sheet name, with doubled quotes inside.
        let quote = c
        out.append(c)
        i += 1
        while i < n {
          out.append(chars[i])
          if chars[i] == quote {
            if i + 1 < n, chars[i + 1] == quote {
              out.append(quote)
              i += 2
              continue
            }
            i += 1
            break
          }
          i += 1
        }
        continue
      }
      if c == UInt8(ascii: "[") {
        // A structured reference or an external workbook index: copied to its bracket.
        var depth = 0
        while i < n {
          if chars[i] == UInt8(ascii: "[") { depth += 1 }
          if chars[i] == UInt8(ascii: "]") { depth -= 1 }
          out.append(chars[i])
          i += 1
          if depth == 0 { break }
        }
        continue
      }
      if isNameCharacter(c) || c == UInt8(ascii: "$") {
        // A word: a reference, a range of references, or a name / function / number.
        var end = i
        var colons = 0
        while end < n,
          isNameCharacter(chars[end]) || chars[end] == UInt8(ascii: "$")
            || chars[end] == UInt8(ascii: ":")
        {
          if chars[end] == UInt8(ascii: ":") { colons += 1 }
          end += 1
        }
        let word = UnsafeBufferPointer(rebasing: chars[i..<end])
        let next = end < n ? chars[end] : 0
        let previous = out.last ?? 0
        if next == UInt8(ascii: "("), colons == 0 {
          out.append(contentsOf: word)  // a function name
        } else if next == UInt8(ascii: "!") || previous == UInt8(ascii: ".")
          || isNameCharacter(previous)
        {
          out.append(contentsOf: word)  // a sheet name, or the tail of something else
        } else if !moveRange(word, colons: colons, rows: rows, columns: columns, into: &out) {
          out.append(contentsOf: word)
        }
        i = end
        continue
      }
      out.append(c)
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  @inline(__always)
  static func isNameCharacter(_ b: UInt8) -> Bool {
    (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
      || b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") || b == UInt8(ascii: "_")
      || b == UInt8(ascii: ".") || b >= 0x80
  }

  /// Moves `A1`, `A1:B2`, `A:B` or `1:2` (each part with optional `$`): appends the moved form
  /// of `word` (with `colons` colons) to `out`; `false`, with nothing
  /// appended, when `word` is not a reference or range.
  static func moveRange(
    _ word: UnsafeBufferPointer<UInt8>, colons: Int, rows: Int, columns: Int,
    into out: inout [UInt8]
  ) -> Bool {
    guard colons <= 1 else { return false }
    let first: Part
    var second: Part?
    if colons == 0 {
      guard let part = Part(word) else { return false }
      guard case .cell = part else { return false }  // a bare column or row is a name
      first = part
    } else {
      guard let colon = word.firstIndex(of: UInt8(ascii: ":")),
        let a = Part(UnsafeBufferPointer(rebasing: word[..<colon])),
        let b = Part(UnsafeBufferPointer(rebasing: word[(colon + 1)...]))
      else { return false }
      switch (a, b) {
      case (.cell, .cell), (.column, .column), (.row, .row): break
      default: return false
      }
      first = a
      second = b
    }
    let mark = out.count
    guard first.append(rows: rows, columns: columns, to: &out) else {
      out.removeSubrange(mark...)
      out.append(contentsOf: "#REF!".utf8)
      return true
    }
    if let second {
      out.append(UInt8(ascii: ":"))
      guard second.append(rows: rows, columns: columns, to: &out) else {
        out.removeSubrange(mark...)
        out.append(contentsOf: "#REF!".utf8)
        return true
      }
    }
    return true
  }

  enum Part {
    case cell(column: Int, columnFixed: Bool, row: Int, rowFixed: Bool)
    case column(Int, fixed: Bool)
    case row(Int, fixed: Bool)

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      var i = 0
      var columnFixed = false
      var rowFixed = false
      if i < bytes.count, bytes[i] == UInt8(ascii: "$") {
        columnFixed = true
        i += 1
      }
      var column = 0
      var letters = 0
      while i < bytes.count, (bytes[i] | 0x20) >= UInt8(ascii: "a"),
        (bytes[i] | 0x20) <= UInt8(ascii: "z")
      {
        column = column * 26 + Int((bytes[i] | 0x20) - UInt8(ascii: "a") + 1)
        letters += 1
        i += 1
        if letters > 3 { return nil }
      }
      if i < bytes.count, bytes[i] == UInt8(ascii: "$") {
        rowFixed = true
        i += 1
      }
      var row = 0
      var digits = 0
      while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
        row = row * 10 + Int(bytes[i] - UInt8(ascii: "0"))
        digits += 1
        i += 1
        if digits > 7 { return nil }
      }
      guard i == bytes.count else { return nil }
      switch (letters > 0, digits > 0) {
      case (true, true):
        guard column <= CellReference.maxColumn, row >= 1, row <= CellReference.maxRow else {
          return nil
        }
        self = .cell(column: column, columnFixed: columnFixed, row: row, rowFixed: rowFixed)
      case (true, false):
        guard !rowFixed, column <= CellReference.maxColumn else { return nil }
        self = .column(column, fixed: columnFixed)
      case (false, true):
        // `$5` parses with columnFixed; a row's anchor is that same `$`.
        guard row >= 1, row <= CellReference.maxRow else { return nil }
        self = .row(row, fixed: columnFixed || rowFixed)
      default:
        return nil
      }
    }

    /// Appends the moved text; `false` when it moves off the grid (part of it may have been
    /// appended).
    func append(rows: Int, columns: Int, to out: inout [UInt8]) -> Bool {
      func column(_ c: Int, _ fixed: Bool) -> Bool {
        let value = fixed ? c : c + columns
        guard value >= 1, value <= CellReference.maxColumn else { return false }
        if fixed { out.append(UInt8(ascii: "$")) }
        // At most three letters (XFD), made last first.
        var letters: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var count = 0
        var v = value
        withUnsafeMutableBytes(of: &letters) { buffer in
          while v > 0, count < 4 {
            buffer[count] = UInt8(ascii: "A") + UInt8((v - 1) % 26)
            v = (v - 1) / 26
            count += 1
          }
          while count > 0 {
            count -= 1
            out.append(buffer[count])
          }
        }
        return true
      }
      func row(_ r: Int, _ fixed: Bool) -> Bool {
        let value = fixed ? r : r + rows
        guard value >= 1, value <= CellReference.maxRow else { return false }
        if fixed { out.append(UInt8(ascii: "$")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
          0, 0, 0, 0, 0, 0, 0, 0
        )
        var count = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { buffer in
          repeat {
            buffer[count] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            count += 1
          } while v > 0
          while count > 0 {
            count -= 1
            out.append(buffer[count])
          }
        }
        return true
      }
      switch self {
      case .cell(let c, let columnFixed, let r, let rowFixed):
        return column(c, columnFixed) && row(r, rowFixed)
      case .column(let c, let fixed):
        return column(c, fixed)
      case .row(let r, let fixed):
        return row(r, fixed)
      }
    }
  }
}

/// A cell of a shared formula, noted by the worksheet handler and resolved in part order by
/// ``SharedFormulaResolver`` (the two parsers of a large sheet each see only some rows).
struct SharedFormulaMark {
  /// Index of the row in its batch of rows.
  var rowIndex: Int
  /// 1-based row and column of the cell.
  var row: Int
  var column: Int
  /// `si`: which shared formula.
  var index: Int
  /// The formula text on the formula's first cell; `nil` on the others.
  var text: String?
}

/// Gives every cell of a shared formula its own text, moved from the formula's first cell,
/// under a budget of translated text (`maxSharedFormulaBytes`).
struct SharedFormulaResolver {
  private var masters: [Int: (text: String, row: Int, column: Int)] = [:]
  /// The most bytes of formula text the sheet's shared formulas may expand to.
  var maxBytes: Int
  /// Bytes of formula text made so far.
  private(set) var translatedBytes = 0
  /// The cell at which the budget was passed; nothing more is translated after it.
  private(set) var exceeded: (row: Int, column: Int)?

  init(maxBytes: Int = Int.max) {
    self.maxBytes = maxBytes
  }

  /// The error for a passed budget, located at the cell that passed it.
  func error(path: String, sheet: String) -> XLSXError? {
    guard let exceeded else { return nil }
    let cell = CellReference(row: exceeded.row, column: exceeded.column)
    return XLSXError(
      .sharedFormulasTooLarge, location: SourceLocation(file: path, sheet: sheet, cell: cell),
      message: "the shared formulas of the sheet expand to more than \(maxBytes) bytes of "
        + "formula text (maxSharedFormulaBytes), reached at cell \(cell.a1)")
  }

  /// Resolves the marks of one batch of rows, in order. Stops at the cell that passes the
  /// budget, noting it in ``exceeded``.
  mutating func resolve(_ rows: inout [Row], _ marks: [SharedFormulaMark]) {
    guard exceeded == nil else { return }
    for mark in marks {
      if let text = mark.text {
        masters[mark.index] = (text, mark.row, mark.column)
        continue
      }
      guard let master = masters[mark.index], mark.rowIndex < rows.count else { continue }
      // The moved text is at most a few bytes per reference longer than the master's; the
      // budget is checked before the work.
      translatedBytes += master.text.utf8.count
      if translatedBytes > maxBytes {
        exceeded = (mark.row, mark.column)
        return
      }
      let translated = SharedFormula.translate(
        master.text, rows: mark.row - master.row, columns: mark.column - master.column)
      let cells = rows[mark.rowIndex].cells
      var low = 0
      var high = cells.count - 1
      while low <= high {
        let mid = (low + high) / 2
        if cells[mid].column == mark.column {
          rows[mark.rowIndex].cells[mid].formula = translated
          break
        }
        if cells[mid].column < mark.column { low = mid + 1 } else { high = mid - 1 }
      }
    }
  }
}
