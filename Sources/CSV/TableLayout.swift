/// Reads the layout of the sampled table: title lines, header, trailing delimiter, number
/// notation. Works on decoded text; the hints go into ``CSVDetection``.
struct TableLayout {
  /// One decoded record of the sample.
  struct Row {
    var number: Int
    var line: Int
    var fields: [String]
  }

  var titleLines: [CSVDetection.TitleLine] = []
  var tableStart: Int?
  var header: Row?
  var headerReason = ""
  var groupRows: [Int] = []
  var trailingDelimiter = false
  var decimalSeparator: Character?
  var decimalReason = ""
  var spaceThousands = false
  var thousandsExample = ""
  var commaDecimals = 0
  var pointDecimals = 0
  var decimalExample = ""

  init(rows: [Row], fieldCount: Int, delimiter: Character) {
    let nonBlank = rows.filter { row in row.fields.contains { !$0.isEmpty } }
    guard var startIndex = nonBlank.firstIndex(where: { $0.fields.count == fieldCount }) else {
      headerReason = "the file has no records"
      return
    }
    // A header with fewer or more fields than the data (a spreadsheet export whose data rows
    // carry extra formula columns) still belongs to the table.
    if startIndex > 0 {
      let previous = nonBlank[startIndex - 1]
      let first = nonBlank[startIndex]
      if previous.fields.count >= 2 && previous.fields.count != fieldCount
        && previous.fields.allSatisfy({ !$0.isEmpty && !Self.isNumberLike($0) })
        && previous.line + 1 == first.line
      {
        startIndex -= 1
      }
    }
    let joiner = String(delimiter)
    titleLines = nonBlank[..<startIndex].filter { row in
      row.fields.contains { !$0.trimmingWhitespace().isEmpty }
    }.map {
      CSVDetection.TitleLine(line: $0.line, text: $0.fields.joined(separator: joiner))
    }
    tableStart = nonBlank[startIndex].number
    let table = Array(nonBlank[startIndex...])
    let full = table.filter { $0.fields.count == fieldCount }
    trailingDelimiter =
      fieldCount >= 2 && !full.isEmpty && full.allSatisfy { $0.fields.last?.isEmpty ?? false }

    // The header: the last record before the first data record, a data record being one
    // with numbers in at least half of the columns that mostly hold numbers.
    let width = table.map(\.fields.count).max() ?? 0
    var nonEmpty = [Int](repeating: 0, count: width)
    var numeric = [Int](repeating: 0, count: width)
    for row in table {
      for (c, field) in row.fields.enumerated() where !field.isEmpty {
        nonEmpty[c] += 1
        if Self.isNumberLike(field) { numeric[c] += 1 }
      }
    }
    let numericColumns = (0..<width).filter { nonEmpty[$0] >= 2 && numeric[$0] * 2 >= nonEmpty[$0] }
    func isData(_ row: Row) -> Bool {
      let hits = numericColumns.filter { c in
        c < row.fields.count && Self.isNumberLike(row.fields[c])
      }.count
      return hits >= max(1, numericColumns.count / 2)
    }
    let firstData = numericColumns.isEmpty ? nil : table.firstIndex(where: isData)
    if let firstData, firstData > 0 {
      header = table[firstData - 1]
      groupRows = table[..<(firstData - 1)].map(\.number)
      headerReason =
        "the record above the first one with numbers in the numeric columns (record "
        + "\(table[firstData].number), line \(table[firstData].line))"
    } else if let firstData {
      let first = table[firstData]
      let numbers = first.fields.filter { Self.isNumberLike($0) }
      if !numbers.isEmpty && numbers.allSatisfy({ Self.isYearLike($0) }) && table.count > 1
        && isData(table[1])
        && !table[1].fields.filter({ Self.isNumberLike($0) }).allSatisfy({
          Self.isYearLike($0)
        })
      {
        header = first
        headerReason = "its only numbers are years, as column titles of a table by period"
      } else {
        headerReason =
          "the first record of the table (line \(first.line)) already holds numbers in the "
          + "numeric columns, so the table seems to have no header row"
      }
    } else if table.count >= 2 {
      header = table[0]
      headerReason = "no column holds mostly numbers, so the first record of the table is taken"
    } else {
      headerReason = "the table has a single record"
    }

    // Number notation, from the records below the header.
    let dataRows = header.map { h in table.filter { $0.number > h.number } } ?? table
    for row in dataRows {
      for field in row.fields {
        switch Self.decimalKind(field) {
        case .comma:
          commaDecimals += 1
          if decimalExample.isEmpty && delimiter != "," { decimalExample = field }
        case .point:
          pointDecimals += 1
        case .none: break
        }
        if !spaceThousands && Self.hasSpaceThousands(field) {
          spaceThousands = true
          thousandsExample = field
        }
      }
    }
    if commaDecimals > pointDecimals {
      decimalSeparator = ","
      decimalReason =
        "\(grouped(commaDecimals)) value\(commaDecimals == 1 ? "" : "s") such as "
        + "\"\(decimalExample)\" \(commaDecimals == 1 ? "has" : "have") a decimal comma"
        + (pointDecimals > 0 ? " (\(grouped(pointDecimals)) a decimal point)" : "")
    } else if pointDecimals > 0 {
      decimalSeparator = "."
      decimalReason =
        "\(grouped(pointDecimals)) value\(pointDecimals == 1 ? " has" : "s have") a decimal "
        + "point" + (commaDecimals > 0 ? " (\(grouped(commaDecimals)) a decimal comma)" : "")
    } else {
      decimalReason = "no value in the sample has decimals"
    }
  }

  enum DecimalKind { case comma, point, none }

  /// Whether a value reads as a number in Swedish or English notation: digits with an
  /// optional sign, one decimal comma or point, space or no-break-space thousands, `%`.
  static func isNumberLike(_ field: String) -> Bool {
    var digits = 0
    var marks = 0
    var index = 0
    for scalar in field.unicodeScalars {
      switch scalar {
      case "0"..."9": digits += 1
      case ",", ".": marks += 1
      case "-", "+", "\u{2212}": if index != 0 { return false }
      case " ", "\u{A0}", "\u{202F}": if digits == 0 { return false }
      case "%": break
      default: return false
      }
      index += 1
    }
    return digits > 0 && marks <= 1
  }

  /// Whether a value is a year (1900–2100) or a school year (`2024/25`).
  static func isYearLike(_ field: String) -> Bool {
    let scalars = Array(field.unicodeScalars)
    func year(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
      guard s.count == 4, s.allSatisfy({ $0.properties.numericType != nil && $0.isASCII }),
        let value = Int(String(String.UnicodeScalarView(s)))
      else { return false }
      return value >= 1900 && value <= 2100
    }
    if scalars.count == 4 { return year(scalars[0..<4]) }
    if scalars.count == 7 && scalars[4] == "/" { return year(scalars[0..<4]) }
    return false
  }

  static func decimalKind(_ field: String) -> DecimalKind {
    var sawDigitBefore = false
    var sawDigitAfter = false
    var mark: Unicode.Scalar?
    var index = 0
    for scalar in field.unicodeScalars {
      switch scalar {
      case "0"..."9":
        if mark == nil { sawDigitBefore = true } else { sawDigitAfter = true }
      case ",", ".":
        if mark != nil { return .none }
        mark = scalar
      case "-", "+", "\u{2212}": if index != 0 { return .none }
      case " ", "\u{A0}", "\u{202F}": if mark != nil || !sawDigitBefore { return .none }
      case "%": break
      default: return .none
      }
      index += 1
    }
    guard sawDigitBefore && sawDigitAfter, let mark else { return .none }
    return mark == "," ? .comma : .point
  }

  static func hasSpaceThousands(_ field: String) -> Bool {
    let scalars = Array(field.unicodeScalars)
    guard let space = scalars.firstIndex(where: { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" })
    else { return false }
    guard space > 0 && space <= 4 && scalars.count >= space + 4 else { return false }
    return isNumberLike(field) && scalars[(space + 1)...(space + 3)].allSatisfy { $0.isASCIIDigit }
  }
}

extension Unicode.Scalar {
  var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}

extension String {
  func trimmingWhitespace() -> Substring {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return Substring(scalars[first...last])
  }
}
