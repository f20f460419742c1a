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
    let chars = Array(formula.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(chars.count + 8)
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
        while end < n,
          isNameCharacter(chars[end]) || chars[end] == UInt8(ascii: "$")
            || chars[end] == UInt8(ascii: ":")
        {
          end += 1
        }
        let word = Array(chars[i..<end])
        let next = end < n ? chars[end] : 0
        let previous = out.last ?? 0
        if next == UInt8(ascii: "("), !word.contains(UInt8(ascii: ":")) {
          out += word  // a function name
        } else if next == UInt8(ascii: "!") || previous == UInt8(ascii: ".")
          || isNameCharacter(previous)
        {
          out += word  // a sheet name, or the tail of something else
        } else if let moved = moveRange(word, rows: rows, columns: columns) {
          out += moved
        } else {
          out += word
        }
        i = end
        continue
      }
      out.append(c)
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func isNameCharacter(_ b: UInt8) -> Bool {
    (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
      || b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") || b == UInt8(ascii: "_")
      || b == UInt8(ascii: ".") || b >= 0x80
  }

  /// Moves `A1`, `A1:B2`, `A:B` or `1:2` (each part with optional `$`), or returns `nil` when
  /// `word` is none of these.
  static func moveRange(_ word: [UInt8], rows: Int, columns: Int) -> [UInt8]? {
    let parts = word.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else { return nil }
    var kinds: [Part] = []
    for part in parts {
      guard let parsed = Part(Array(part)) else { return nil }
      kinds.append(parsed)
    }
    if kinds.count == 1 {
      guard case .cell = kinds[0] else { return nil }  // a bare column or row is a name
    } else {
      switch (kinds[0], kinds[1]) {
      case (.cell, .cell), (.column, .column), (.row, .row): break
      default: return nil
      }
    }
    var out: [UInt8] = []
    for (k, part) in kinds.enumerated() {
      if k > 0 { out.append(UInt8(ascii: ":")) }
      guard let text = part.moved(rows: rows, columns: columns) else {
        return Array("#REF!".utf8)
      }
      out += text
    }
    return out
  }

  enum Part {
    case cell(column: Int, columnFixed: Bool, row: Int, rowFixed: Bool)
    case column(Int, fixed: Bool)
    case row(Int, fixed: Bool)

    init?(_ bytes: [UInt8]) {
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

    func moved(rows: Int, columns: Int) -> [UInt8]? {
      func columnText(_ c: Int, _ fixed: Bool) -> [UInt8]? {
        let value = fixed ? c : c + columns
        guard value >= 1, value <= CellReference.maxColumn else { return nil }
        return (fixed ? [UInt8(ascii: "$")] : []) + Array(CellReference.columnLetters(value).utf8)
      }
      func rowText(_ r: Int, _ fixed: Bool) -> [UInt8]? {
        let value = fixed ? r : r + rows
        guard value >= 1, value <= CellReference.maxRow else { return nil }
        return (fixed ? [UInt8(ascii: "$")] : []) + Array(String(value).utf8)
      }
      switch self {
      case .cell(let column, let columnFixed, let row, let rowFixed):
        guard let c = columnText(column, columnFixed), let r = rowText(row, rowFixed) else {
          return nil
        }
        return c + r
      case .column(let column, let fixed):
        return columnText(column, fixed)
      case .row(let row, let fixed):
        return rowText(row, fixed)
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

/// Gives every cell of a shared formula its own text, moved from the formula's first cell.
struct SharedFormulaResolver {
  private var masters: [Int: (text: String, row: Int, column: Int)] = [:]

  /// Resolves the marks of one batch of rows, in order.
  mutating func resolve(_ rows: inout [Row], _ marks: [SharedFormulaMark]) {
    for mark in marks {
      if let text = mark.text {
        masters[mark.index] = (text, mark.row, mark.column)
        continue
      }
      guard let master = masters[mark.index], mark.rowIndex < rows.count else { continue }
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
