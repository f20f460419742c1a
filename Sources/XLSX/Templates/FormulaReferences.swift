import Foundation
import Spreadsheet

/// A cell or range reference inside a formula, as written.
struct FormulaReference: Hashable, Sendable {
  /// The sheet named before `!`, unquoted; `nil` for the formula's own sheet.
  var sheet: String?
  /// First column (1-based), 0 for a whole-row reference (`5:7`).
  var column1: Int
  var row1: Int
  var column1Absolute: Bool
  var row1Absolute: Bool
  /// The second corner of a range, when there is one.
  var column2: Int?
  var row2: Int?
  var column2Absolute = false
  var row2Absolute = false

  var isRange: Bool { row2 != nil }

  func text(sheetText: String?) -> String {
    func corner(_ c: Int, _ r: Int, _ ca: Bool, _ ra: Bool) -> String {
      (c > 0 ? (ca ? "$" : "") + CellReference.columnLetters(c) : "") + (ra ? "$" : "")
        + String(r)
    }
    var out = sheetText.map { $0 + "!" } ?? ""
    out += corner(column1, row1, column1Absolute, row1Absolute)
    if let row2 {
      out += ":" + corner(column2 ?? 0, row2, column2Absolute, row2Absolute)
    }
    return out
  }
}

/// Finds the cell and range references of an Excel formula (not inside string literals,
/// not function or defined names) and rewrites them.
enum FormulaReferences {
  /// The formula with each reference replaced by what `transform` returns for it (`nil`
  /// writes `#REF!`). Whole-column references (`A:A`) and external workbooks are kept.
  static func rewrite(
    _ formula: String, _ transform: (FormulaReference) -> FormulaReference?
  ) -> String {
    let chars = Array(formula.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    let n = chars.count
    func isWord(_ c: Unicode.Scalar) -> Bool {
      c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "." || c == "$"
        || c == "\\"
    }
    func word(at start: Int) -> Int {
      var j = start
      while j < n, isWord(chars[j]) { j += 1 }
      return j
    }
    func string(_ a: Int, _ b: Int) -> String {
      var s = String.UnicodeScalarView()
      s.append(contentsOf: chars[a..<b])
      return String(s)
    }
    /// A reference starting at `start` (after any sheet prefix): the parsed reference and
    /// the offset after it.
    func reference(at start: Int, sheet: String?) -> (FormulaReference, Int)? {
      let end1 = word(at: start)
      guard end1 > start else { return nil }
      let first = string(start, end1)
      if let (c, r, ca, ra) = Self.cell(first) {
        var ref = FormulaReference(
          sheet: sheet, column1: c, row1: r, column1Absolute: ca, row1Absolute: ra)
        if end1 < n, chars[end1] == ":" {
          let end2 = word(at: end1 + 1)
          if let (c2, r2, ca2, ra2) = Self.cell(string(end1 + 1, end2)) {
            ref.column2 = c2
            ref.row2 = r2
            ref.column2Absolute = ca2
            ref.row2Absolute = ra2
            return (ref, end2)
          }
        }
        if end1 < n, chars[end1] == "(" { return nil }
        return (ref, end1)
      }
      if let (r, ra) = Self.row(first), end1 < n, chars[end1] == ":" {
        let end2 = word(at: end1 + 1)
        if let (r2, ra2) = Self.row(string(end1 + 1, end2)) {
          var ref = FormulaReference(
            sheet: sheet, column1: 0, row1: r, column1Absolute: false, row1Absolute: ra)
          ref.row2 = r2
          ref.row2Absolute = ra2
          return (ref, end2)
        }
      }
      return nil
    }
    func emit(_ ref: FormulaReference, sheetText: String?) {
      if let new = transform(ref) {
        let text = new.sheet == ref.sheet ? sheetText : new.sheet.map(Self.quoted)
        out.append(contentsOf: new.text(sheetText: text).unicodeScalars)
      } else {
        out.append(contentsOf: ((sheetText.map { $0 + "!" } ?? "") + "#REF!").unicodeScalars)
      }
    }
    while i < n {
      let c = chars[i]
      if c == "\"" {
        var j = i + 1
        while j < n {
          if chars[j] == "\"" {
            if j + 1 < n, chars[j + 1] == "\"" {
              j += 2
              continue
            }
            break
          }
          j += 1
        }
        let stop = min(j + 1, n)
        out.append(contentsOf: chars[i..<stop])
        i = stop
        continue
      }
      if c == "'" {
        var j = i + 1
        var name = ""
        while j < n {
          if chars[j] == "'" {
            if j + 1 < n, chars[j + 1] == "'" {
              name += "'"
              j += 2
              continue
            }
            break
          }
          name.unicodeScalars.append(chars[j])
          j += 1
        }
        if j + 1 < n, chars[j + 1] == "!", !name.hasPrefix("["),
          let (ref, next) = reference(at: j + 2, sheet: name)
        {
          emit(ref, sheetText: string(i, j + 1))
          i = next
          continue
        }
        let stop = min(j + 1, n)
        out.append(contentsOf: chars[i..<stop])
        i = stop
        continue
      }
      let previousIsWord = i > 0 && (isWord(chars[i - 1]) || chars[i - 1] == "]")
      if isWord(c), !previousIsWord {
        let end = word(at: i)
        if end < n, chars[end] == "!" {
          let name = string(i, end)
          if let (ref, next) = reference(at: end + 1, sheet: name) {
            emit(ref, sheetText: name)
            i = next
            continue
          }
          out.append(contentsOf: chars[i...end])
          i = end + 1
          continue
        }
        if let (ref, next) = reference(at: i, sheet: nil) {
          emit(ref, sheetText: nil)
          i = next
          continue
        }
        out.append(contentsOf: chars[i..<end])
        i = end
        continue
      }
      out.append(c)
      i += 1
    }
    return String(out)
  }

  /// A sheet name as a formula writes it: bare when it is a plain word, else in quotes.
  static func quoted(_ name: String) -> String {
    let plain =
      !name.isEmpty && !(name.first?.isNumber ?? true)
      && name.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII }
      && cell(name) == nil
    return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// `$A$1` → (column, row, column absolute, row absolute).
  static func cell(_ text: String) -> (Int, Int, Bool, Bool)? {
    var s = Substring(text)
    let ca = s.first == "$"
    if ca { s = s.dropFirst() }
    let letters = s.prefix { $0.isASCII && $0.isLetter }
    guard (1...3).contains(letters.count) else { return nil }
    s = s.dropFirst(letters.count)
    let ra = s.first == "$"
    if ra { s = s.dropFirst() }
    guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }), let row = Int(s),
      (1...1_048_576).contains(row),
      let column = CellReference.columnNumber(letters.uppercased()), column <= 16384
    else { return nil }
    return (column, row, ca, ra)
  }

  /// `$5` → (row, absolute).
  static func row(_ text: String) -> (Int, Bool)? {
    var s = Substring(text)
    let ra = s.first == "$"
    if ra { s = s.dropFirst() }
    guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }), let row = Int(s),
      (1...1_048_576).contains(row)
    else { return nil }
    return (row, ra)
  }

  /// A space-separated list of ranges (`sqref`), each rewritten; ranges that vanish are left
  /// out.
  static func rewriteSqref(_ sqref: String, _ transform: (FormulaReference) -> FormulaReference?)
    -> String
  {
    sqref.split(separator: " ").compactMap { part -> String? in
      var result: String?
      _ = rewrite(String(part)) { ref in
        if let new = transform(ref) { result = new.text(sheetText: nil) }
        return ref
      }
      return result
    }.joined(separator: " ")
  }

  /// Moves the relative parts of a formula's references by whole rows and columns (a shared
  /// formula's text, from its first cell to another).
  static func translate(_ formula: String, rows dr: Int, columns dc: Int) -> String {
    rewrite(formula) { ref in
      var r = ref
      if !r.row1Absolute { r.row1 += dr }
      if r.column1 > 0, !r.column1Absolute { r.column1 += dc }
      if let row2 = r.row2, !r.row2Absolute { r.row2 = row2 + dr }
      if let c2 = r.column2, c2 > 0, !r.column2Absolute { r.column2 = c2 + dc }
      guard r.row1 >= 1, (r.row2 ?? 1) >= 1, r.column1 >= 0, (r.column2 ?? 0) >= 0 else {
        return nil
      }
      return r
    }
  }
}
