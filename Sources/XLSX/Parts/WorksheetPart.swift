internal import Interop
import Spreadsheet

/// Turns the SAX2 events of a worksheet part (`xl/worksheets/sheetN.xml`, ECMA-376 Part 1
/// §18.3.1.99 `<worksheet>`) into ``Row`` values, one `<row>` at a time.
///
/// Rows are appended to ``rows`` as they close; the reader drains them between chunks, so at
/// most one chunk's worth of rows (64 KiB of XML) is held. Merged ranges (`<mergeCell>`, after
/// the cells) collect in ``mergedRanges``.
///
/// Cells are placed by their `r` attribute (`B7`, either case), or, when it is missing, one
/// column after the previous cell of the row; rows by `<row r=…>`, or one after the previous
/// `<row>`. The `<dimension>` element is ignored (it is often wrong or missing).
struct WorksheetHandler: XMLContentHandler {
  enum CellType: UInt8 {
    case number, sharedString, formulaString, inlineString, boolean, error, isoDate
  }

  enum TextTarget: UInt8 {
    case none, value, formula, inline
  }

  // Configuration.
  let strings: [String]
  let formatKinds: [NumberFormat.Kind?]
  let formatCodes: [String?]
  /// The indent of each cell format; empty when none is indented.
  let indents: [UInt8]
  let dateSystem: DateSystem
  let maxRows: Int
  let maxColumns: Int
  let maxTextBytes: Int
  /// The most bytes of one cell's value, inline string or formula (`maxStringBytes`).
  let maxStringBytes: Int

  // Output.
  var rows: [Row] = []
  var mergedRanges: [CellRange] = []
  var failure: (code: XLSXError.Code, message: String, cell: CellReference?, row: Int?)?
  /// The shared formulas of ``rows``: masters with their text, other cells with their index.
  var marks: [SharedFormulaMark] = []
  var finished = false

  // Interned names.
  private var sheetDataName = XMLName.none
  private var rowName = XMLName.none
  private var cName = XMLName.none
  private var vName = XMLName.none
  private var fName = XMLName.none
  private var isName = XMLName.none
  private var tName = XMLName.none
  private var rPhName = XMLName.none
  private var mergeCellName = XMLName.none
  private var spaceAttribute = XMLName.none
  private var rAttribute = XMLName.none
  private var sAttribute = XMLName.none
  private var refAttribute = XMLName.none
  private var siAttribute = XMLName.none
  private var worksheetName = XMLName.none
  private var dialogsheetName = XMLName.none
  private var macrosheetName = XMLName.none
  private var chartsheetName = XMLName.none
  private var sawRoot = false
  private var sharedValue = XMLName.none

  // Row state.
  private var inSheetData = false
  private var rowOpen = false
  private var rowNumber = 0
  private var lastRowNumber = 0
  private var cells: [Cell] = []
  private var cellCapacity = 8
  /// The column of the last `<c>` of the row, empty or not (cells without `r` follow it).
  private var lastCellColumn = 0
  /// UTF-8 bytes of text in the string cells read so far (a shared string counts each time).
  var textBytes = 0

  // Cell state.
  private var cellOpen = false
  private var cellRow = 0
  private var cellColumn = 0
  private var cellType = CellType.number
  private var cellStyle = 0
  private var target = TextTarget.none
  private var hasValue = false
  private var hasFormula = false
  /// `si` of a `<f t="shared">`, or -1.
  private var sharedIndex = -1
  /// Shared-formula marks of the open row (resolved by ``SharedFormulaResolver``).
  private var rowMarks: [SharedFormulaMark] = []
  private var hasInline = false
  private var inInline = false
  private var phoneticDepth = 0
  private var textStart = 0
  private var preserveSpace = false
  /// UTF-8 length of the string value ``cellValue()`` just made, or -1 for other values.
  private var stringBytes = -1
  /// The text of a cell reference beyond any grid (`AAAA1`, `A0`), for the error.
  private var badReference: String?
  private var valueBuffer = TextBuffer()
  private var formulaBuffer = TextBuffer()
  private var inlineBuffer = TextBuffer()

  init(
    strings: [String], styles: StyleSheet, dateSystem: DateSystem, maxRows: Int,
    maxColumns: Int, maxTextBytes: Int, maxStringBytes: Int = 1 << 20
  ) {
    self.maxTextBytes = maxTextBytes
    self.maxStringBytes = maxStringBytes
    self.strings = strings
    self.formatKinds = styles.cellFormats.map { $0?.kind }
    self.formatCodes = styles.cellFormats.map { $0?.formatCode }
    self.indents = styles.indents
    self.dateSystem = dateSystem
    self.maxRows = maxRows
    self.maxColumns = maxColumns
  }

  var isStopped: Bool { failure != nil }

  mutating func bind(_ names: XMLNameTable) {
    sheetDataName = names.intern("sheetData")
    rowName = names.intern("row")
    cName = names.intern("c")
    vName = names.intern("v")
    fName = names.intern("f")
    isName = names.intern("is")
    tName = names.intern("t")
    rPhName = names.intern("rPh")
    mergeCellName = names.intern("mergeCell")
    spaceAttribute = names.intern("space")
    rAttribute = names.intern("r")
    sAttribute = names.intern("s")
    refAttribute = names.intern("ref")
    siAttribute = names.intern("si")
    worksheetName = names.intern("worksheet")
    dialogsheetName = names.intern("dialogsheet")
    macrosheetName = names.intern("macrosheet")
    chartsheetName = names.intern("chartsheet")
    sharedValue = names.intern("shared")
  }

  // MARK: Events

  mutating func startElement(
    _ name: XMLName, namespace: XMLNamespaceURI, attributes: XMLAttributes
  ) {
    if !sawRoot {
      sawRoot = true
      // A chartsheet named as a worksheet has no cells: it reads as an empty sheet.
      guard
        name == worksheetName || name == dialogsheetName || name == macrosheetName
          || name == chartsheetName
      else {
        fail(
          .notAWorksheet,
          "the part's root element is <\(name.string)>, not <worksheet>: it is not a worksheet",
          cell: nil)
        return
      }
    }
    if cellOpen {
      if name == vName {
        target = .value
        hasValue = true
        valueBuffer.removeAll()
      } else if name == fName {
        target = .formula
        hasFormula = true
        formulaBuffer.removeAll()
        if let type = attributes.value(of: tName), type.elementsEqual("shared".utf8),
          let si = attributes.value(of: siAttribute)
        {
          sharedIndex = NumberText.parseIndex(si, limit: Int(Int32.max)) ?? -1
        }
      } else if name == isName {
        inInline = true
        hasInline = true
      } else if inInline {
        if name == tName {
          if phoneticDepth == 0 {
            target = .inline
            textStart = inlineBuffer.count
            preserveSpace = XMLText.preservesSpace(attributes, spaceAttribute)
          }
        } else if name == rPhName {
          phoneticDepth += 1
        }
      }
      return
    }
    if name == cName {
      if inSheetData { startCell(attributes) }
    } else if name == rowName {
      if inSheetData { startRow(attributes) }
    } else if name == sheetDataName {
      inSheetData = true
    } else if name == mergeCellName {
      if let text = attributes.string(of: refAttribute), let range = CellRange(text) {
        mergedRanges.append(range)
      }
    }
  }

  mutating func endElement(_ name: XMLName) {
    if cellOpen {
      if name == cName {
        endCell()
      } else if name == vName || name == fName {
        target = .none
      } else if inInline {
        if name == tName {
          if target == .inline, !preserveSpace { inlineBuffer.trimWhitespace(from: textStart) }
          target = .none
        } else if name == rPhName {
          phoneticDepth -= 1
        } else if name == isName {
          inInline = false
          target = .none
        }
      }
      return
    }
    if name == rowName {
      if rowOpen { endRow() }
    } else if name == sheetDataName {
      if rowOpen { endRow() }
      inSheetData = false
    }
  }

  mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
    switch target {
    case .none: return
    case .value:
      guard valueBuffer.count + text.count <= maxStringBytes else { return textTooLong("value") }
      valueBuffer.append(text)
    case .formula:
      guard formulaBuffer.count + text.count <= maxStringBytes else {
        return textTooLong("formula")
      }
      formulaBuffer.append(text)
    case .inline:
      guard inlineBuffer.count + text.count <= maxStringBytes else {
        return textTooLong("text")
      }
      inlineBuffer.append(text)
    }
  }

  /// Stops at a cell whose text passes `maxStringBytes`, as it arrives.
  private mutating func textTooLong(_ what: String) {
    target = .none
    let inGrid = cellRow >= 1 && cellRow <= maxRows && cellColumn >= 1 && cellColumn <= maxColumns
    let cell = inGrid ? CellReference(row: cellRow, column: cellColumn) : nil
    fail(
      .cellTextTooLong,
      "the \(what) of cell \(cell?.a1 ?? "at row \(cellRow)") is longer than \(maxStringBytes) "
        + "bytes (maxStringBytes)",
      cell: cell, row: inGrid ? cellRow : nil)
  }

  // MARK: Rows

  private mutating func startRow(_ attributes: XMLAttributes) {
    if rowOpen { endRow() }
    var number = lastRowNumber + 1
    if let bytes = attributes.value(of: rAttribute) {
      if let n = NumberText.parseIndex(bytes, limit: Int(Int32.max)), n >= 1 {
        number = n
      } else if Self.isInteger(bytes) {
        // 0, a negative number, or one past any grid: not a row anyone can place.
        fail(
          .cellOutOfRange,
          "row number '\(Self.quoted(bytes))' is not a row of the grid (1 to \(maxRows))",
          cell: nil)
        return
      }
    }
    guard number <= maxRows else {
      fail(
        .cellOutOfRange, "row \(number) lies beyond the last row allowed (\(maxRows))",
        cell: nil, row: number)
      return
    }
    openRow(number)
  }

  /// Opens a row. A `<row>` element (or a cell outside any row) moves ``lastRowNumber``, from
  /// which a `<row>` without `r` takes its number; a cell whose `r` names another row does not.
  private mutating func openRow(_ number: Int, movesLastRow: Bool = true) {
    rowOpen = true
    rowNumber = number
    if movesLastRow { lastRowNumber = number }
    lastCellColumn = 0
    cells = []
    cells.reserveCapacity(cellCapacity)
  }

  private mutating func endRow() {
    rowOpen = false
    if !cells.isEmpty {
      cellCapacity = max(cellCapacity, cells.count)
      if !rowMarks.isEmpty {
        for var mark in rowMarks {
          mark.rowIndex = rows.count
          marks.append(mark)
        }
        rowMarks.removeAll()
      }
      rows.append(Row(number: rowNumber, cells: cells))
      cells = []
    } else {
      rowMarks.removeAll()
    }
  }

  // MARK: Cells

  private mutating func startCell(_ attributes: XMLAttributes) {
    if !rowOpen { openRow(lastRowNumber + 1) }
    cellOpen = true
    cellType = .number
    cellStyle = 0
    hasValue = false
    hasFormula = false
    sharedIndex = -1
    hasInline = false
    inInline = false
    phoneticDepth = 0
    target = .none
    inlineBuffer.removeAll()
    cellRow = rowNumber
    cellColumn = lastCellColumn + 1
    badReference = nil
    var i = 0
    while i < attributes.count {
      let attribute = attributes.name(at: i)
      if attribute == rAttribute {
        parseReference(attributes.value(at: i))
      } else if attribute == tName {
        cellType = Self.cellType(attributes.value(at: i))
      } else if attribute == sAttribute {
        cellStyle = NumberText.parseIndex(attributes.value(at: i), limit: 1 << 30) ?? 0
      }
      i += 1
    }
    lastCellColumn = cellColumn
  }

  /// Whether `bytes` is an integer (optional spaces and sign, digits): a row number that
  /// `parseIndex` refused is then 0, negative or too large, not some other text.
  static func isInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n, XMLText.isSpace(bytes[i]) { i += 1 }
    if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
    var digits = 0
    while i < n, bytes[i] &- UInt8(ascii: "0") < 10 {
      digits += 1
      i += 1
    }
    while i < n, XMLText.isSpace(bytes[i]) { i += 1 }
    return digits > 0 && i == n
  }

  /// The first bytes of an attribute value, for a message.
  static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let text = String(decoding: bytes.prefix(40), as: UTF8.self)
    return bytes.count > 40 ? text + "…" : text
  }

  /// Reads `B7` (letters then digits, either case, `$` ignored) into the cell's column and
  /// row. More than three letters, more than nine digits or row 0 make the reference one that
  /// no grid has: it is kept in ``badReference`` for the error.
  @inline(__always)
  private mutating func parseReference(_ bytes: UnsafeBufferPointer<UInt8>) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      let upper = b & 0xDF
      if digits == 0, upper &- 65 < 26 {
        column = column &* 26 &+ Int(upper &- 64)
        letters &+= 1
        if letters > 3 { column = Int(Int32.max) }
      } else if b &- 48 < 10 {
        row = row &* 10 &+ Int(b &- 48)
        digits &+= 1
        if digits > 9 { row = Int(Int32.max) }
      } else if b != UInt8(ascii: "$") {
        return
      }
      i &+= 1
    }
    if letters > 3 || digits > 9 || (digits > 0 && row == 0) {
      badReference = Self.quoted(bytes)
      return
    }
    if letters > 0 { cellColumn = column }
    if digits > 0 { cellRow = row }
  }

  @inline(__always)
  static func cellType(_ bytes: UnsafeBufferPointer<UInt8>) -> CellType {
    switch bytes.count {
    case 1:
      switch bytes[0] {
      case UInt8(ascii: "s"): return .sharedString
      case UInt8(ascii: "b"): return .boolean
      case UInt8(ascii: "e"): return .error
      case UInt8(ascii: "d"): return .isoDate
      default: return .number
      }
    case 3 where bytes[0] == UInt8(ascii: "s"): return .formulaString
    case 9 where bytes[0] == UInt8(ascii: "i"): return .inlineString
    default: return .number
    }
  }

  private mutating func endCell() {
    cellOpen = false
    target = .none
    if let badReference {
      fail(
        .cellOutOfRange,
        "cell reference '\(badReference)' is not a cell of the grid of \(maxRows) rows and "
          + "\(maxColumns) columns",
        cell: nil, row: rowNumber >= 1 && rowNumber <= maxRows ? rowNumber : nil)
      return
    }
    guard cellRow <= maxRows, cellColumn <= maxColumns else {
      let row = cellRow > maxRows ? "row \(cellRow)" : "row \(cellRow)"
      let column = CellReference.columnLetters(min(cellColumn, 1 << 20))
      fail(
        .cellOutOfRange,
        "cell \(column)\(cellRow) (\(row), column \(cellColumn)) lies beyond the grid of "
          + "\(maxRows) rows and \(maxColumns) columns",
        cell: CellReference(row: min(cellRow, 1 << 30), column: min(cellColumn, 1 << 30)))
      return
    }
    stringBytes = -1
    guard let value = cellValue() else { return }
    let formula: String? =
      hasFormula && !formulaBuffer.isEmpty ? formulaBuffer.string : nil
    if stringBytes >= 0 {
      // A string value (its length was taken where it was made, without copying it here).
      if stringBytes == 0, formula == nil { return }
      textBytes += stringBytes
      if textBytes > maxTextBytes {
        fail(
          .cellTextTooLarge,
          "the string cells of the sheet hold more than \(maxTextBytes) bytes of text "
            + "(maxCellTextBytes), reached at cell \(CellReference.columnLetters(cellColumn))"
            + "\(cellRow)",
          cell: CellReference(row: cellRow, column: cellColumn))
        return
      }
    }
    let code = cellStyle < formatCodes.count ? formatCodes[cellStyle] : nil
    let indent = cellStyle < indents.count ? indents[cellStyle] : 0
    if cellRow != rowNumber {
      // A cell whose reference names another row than its `<row>`: it belongs to that row.
      endRow()
      openRow(cellRow, movesLastRow: false)
    }
    if sharedIndex >= 0 {
      rowMarks.append(
        SharedFormulaMark(
          rowIndex: 0, row: cellRow, column: cellColumn, index: sharedIndex, text: formula))
    }
    // The cell is built where it is stored, so that its strings move in without a copy.
    if !cells.isEmpty, cells[cells.count - 1].column >= cellColumn {
      insert(
        Cell(
          column: cellColumn, value: value, numberFormat: code, formula: formula, indent: indent))
    } else {
      cells.append(
        Cell(
          column: cellColumn, value: value, numberFormat: code, formula: formula, indent: indent))
    }
  }

  /// Places a cell that arrived out of column order, replacing one in the same column.
  private mutating func insert(_ cell: Cell) {
    var low = 0
    var high = cells.count
    while low < high {
      let mid = (low + high) / 2
      if cells[mid].column < cell.column { low = mid + 1 } else { high = mid }
    }
    if low < cells.count, cells[low].column == cell.column {
      cells[low] = cell
    } else {
      cells.insert(cell, at: low)
    }
  }

  private mutating func cellValue() -> CellValue? {
    switch cellType {
    case .sharedString:
      // `<v/>` and `<v></v>` name no string: an empty cell, as calamine and openpyxl read it.
      guard hasValue, valueBuffer.bytes.contains(where: { !NumberText.isSpace($0) }) else {
        return nil
      }
      let index = NumberText.parseIndex(valueBuffer.bytes)
      guard let index, index < strings.count else {
        let text = valueBuffer.string
        fail(
          .invalidSharedString,
          "cell \(CellReference.columnLetters(cellColumn))\(cellRow) refers to shared string "
            + "'\(text)', but the table has \(strings.count) strings",
          cell: CellReference(row: cellRow, column: cellColumn))
        return nil
      }
      let text = strings[index]
      stringBytes = text.utf8.count
      return .string(text)
    case .formulaString:
      guard hasValue else { return nil }
      return measured(EscapedText.decode(valueBuffer.bytes))
    case .inlineString:
      // `<is>` holds the text; a `<v>` alone is not read (as openpyxl and calamine do).
      guard hasInline else { return nil }
      return measured(EscapedText.decode(inlineBuffer.bytes))
    case .boolean:
      guard hasValue else { return nil }
      if let flag = Self.boolean(valueBuffer.bytes) {
        return .bool(flag)
      }
      let text = valueBuffer.string.trimmingSpaces()
      return text.isEmpty ? nil : measured(text)
    case .error:
      guard hasValue else { return nil }
      return .error(valueBuffer.string)
    case .isoDate:
      guard hasValue else { return nil }
      let text = valueBuffer.string.trimmingSpaces()
      if let date = ISODateText.parse(text) { return .dateTime(date) }
      return text.isEmpty ? nil : measured(text)
    case .number:
      if !hasValue {
        if hasInline { return measured(EscapedText.decode(inlineBuffer.bytes)) }
        return nil
      }
      let parsed = NumberText.parseDouble(valueBuffer.bytes)
      guard let number = parsed else {
        let text = valueBuffer.string
        return text.trimmingSpaces().isEmpty ? nil : measured(text)
      }
      guard cellStyle < formatKinds.count, let kind = formatKinds[cellStyle] else {
        return .number(number)
      }
      return Self.typed(number, kind: kind, dateSystem: dateSystem)
    }
  }

  /// A string value, its length noted in ``stringBytes``.
  @inline(__always)
  private mutating func measured(_ text: String) -> CellValue {
    stringBytes = text.utf8.count
    return .string(text)
  }

  /// `1`/`0`, or `true`/`false` in any case, around optional spaces.
  @inline(__always)
  static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    if bytes.count == 1 {
      if bytes[0] == UInt8(ascii: "1") { return true }
      if bytes[0] == UInt8(ascii: "0") { return false }
    }
    let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces().lowercased()
    switch text {
    case "1", "true": return true
    case "0", "false": return false
    default: return nil
    }
  }

  /// A number under a number format: a date, a time, an elapsed time or a plain number.
  ///
  /// A serial in 0 ..< 1 under a date or time format is a time of day alone (on the epoch day
  /// 1899-12-30 of ``CivilDateTime``), as calamine and openpyxl read it. Serials outside the
  /// years 1 to 9999 (Excel shows `#####`) stay numbers.
  static func typed(_ number: Double, kind: NumberFormat.Kind, dateSystem: DateSystem)
    -> CellValue
  {
    switch kind {
    case .date, .dateTime, .time:
      if number >= 0 && number < 1 { return .dateTime(CivilDateTime(serial: number)) }
      guard number > -693_593, number < 2_958_466 else { return .number(number) }
      return .dateTime(dateSystem.dateTime(fromSerial: number))
    case .duration:
      return .duration(seconds: number * 86_400)
    case .number, .percent, .text:
      return .number(number)
    }
  }

  private mutating func fail(
    _ code: XLSXError.Code, _ message: String, cell: CellReference?, row: Int? = nil
  ) {
    if failure == nil { failure = (code, message, cell, row ?? cell?.row) }
  }
}

extension String {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
    return String(s)
  }
}
