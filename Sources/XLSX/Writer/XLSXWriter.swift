import Interop
public import Spreadsheet

/// Writes an Office Open XML workbook (`.xlsx`) row by row, with constant memory and
/// byte-identical output for identical input.
///
/// Worksheets are written one after another; rows are handed in one at a time, in ascending
/// order, and compressed as they arrive, so a caller never holds a whole sheet. Nothing
/// appears at the path until ``close()`` succeeds: the file is assembled beside the target
/// and renamed over it, so an error, a ``discard()`` or a crash leaves no half-written
/// workbook and an existing file untouched.
///
/// ```swift
/// let writer = try XLSXWriter(path: "rapport.xlsx")
/// try writer.addWorksheet(
///   name: "Nyckeltal",
///   options: WorksheetOptions(columnWidths: [1: 40, 2: 12], frozenRows: 1))
/// let header = CellStyle(bold: true, fillColor: CellStyle.Color(rgb: 0xDDEBF7))
/// let percent = CellStyle(numberFormat: CellStyle.FormatCode.percent)
/// try writer.writeRow([.string("Nyckeltal", style: header), .string("Utfall", style: header)])
/// try writer.writeRow([.string("Andel behöriga till gymnasiet"), .number(0.88, style: percent)])
/// try writer.setAutoFilter(CellRange("A1:B2")!)
/// try writer.close()
/// ```
///
/// Rows and columns are 1-based as Excel shows them; the limits are Excel's: 1,048,576 rows,
/// 16,384 columns, 32,767 characters of text per cell, sheet names of at most 31 characters.
/// The parts follow ECMA-376 Part 1 (transitional SpreadsheetML): `[Content_Types].xml`
/// first, then the relationships, document properties, workbook, styles, shared strings and
/// worksheets, each at a fixed time stamp (1980-01-01).
///
/// Not thread-safe: use one writer from one thread (it compresses on its own threads).
public final class XLSXWriter {
  /// The path of the workbook, as given.
  public let path: String
  /// The options the writer was created with.
  public let options: XLSXWriteOptions

  private enum State { case open, closed, failed }
  private var state = State.open
  private var zip: ZipWriter?
  private let styles = WriterStyleTable()
  private let sharedStrings: WriterSharedStrings?
  private let columns = ColumnLetters()
  private var sheet: WorksheetStream?
  private var written: [(sheet: WrittenSheet, entry: ZipSpooledEntry)] = []
  private var names: Set<String> = []
  /// The drawings of finished sheets, numbered from 1, with their charts (numbered across
  /// the workbook).
  private var drawings:
    [(number: Int, charts: [(number: Int, chart: Chart, anchor: ChartAnchor)])] = []
  private var definedNames: [(name: String, formula: String)] = []
  // Per-row scratch state of the hot path, touched only by `writeRow` and `prepare` on the
  // writer's one thread and never across a call that could reach it again: the dynamic
  // exclusivity checks (a thread-local lookup per access) can go.
  @exclusivity(unchecked) private var formatScratch: [Int] = []
  @exclusivity(unchecked) private var styleCache: [StyleCacheEntry] = []

  /// Excel's error values (ECMA-376 Part 1 §18.17.2.1 and `#GETTING_DATA`).
  static let errorValues: Set<String> = [
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  ]
  /// Excel's first date, 1900-01-01 (serial 1).
  static let firstDate = CivilDateTime(year: 1900, month: 1, day: 1).serial
  /// The first instant after Excel's last date, 9999-12-31.
  static let endOfTime = CivilDateTime(year: 10_000, month: 1, day: 1).serial

  /// Creates a writer; nothing is written before ``close()``.
  ///
  /// - Parameters:
  ///   - path: the workbook to create or replace.
  ///   - options: compression, shared strings, document properties.
  /// - Throws: ``XLSXWriteError`` `invalid-option` (compression level outside 0–9, negative
  ///   thread count) or `write-failed` (the folder is missing or not writable, or the path is
  ///   a folder).
  public init(path: String, options: XLSXWriteOptions = .init()) throws {
    self.path = path
    self.options = options
    guard (0...9).contains(options.compressionLevel) else {
      throw XLSXWriteError(
        code: .invalidOption, location: SourceLocation(file: path),
        message: "compression level \(options.compressionLevel) is not in 0...9")
    }
    if let threads = options.compressionThreads, threads < 0 {
      throw XLSXWriteError(
        code: .invalidOption, location: SourceLocation(file: path),
        message: "compression threads \(threads) is negative")
    }
    if let problem = WriterPackageParts.customPropertiesProblem(options.customProperties) {
      throw XLSXWriteError(
        code: .invalidOption, location: SourceLocation(file: path), message: problem)
    }
    sharedStrings = options.sharedStrings ? WriterSharedStrings() : nil
    do {
      zip = try ZipWriter(
        path: path, compressionLevel: options.compressionLevel,
        compressionThreads: options.compressionThreads,
        spoolDirectory: options.temporaryDirectory)
    } catch {
      throw XLSXWriteError(
        code: .writeFailed, location: SourceLocation(file: path),
        message: "cannot write the workbook: \(error)", underlying: error)
    }
  }

  deinit {
    zip?.discard()
  }

  /// The last row written to the current worksheet (1-based), or 0 before its first row.
  public var lastRow: Int { sheet?.lastRow ?? 0 }

  /// The name of the worksheet rows go to, or `nil` before the first.
  public var currentWorksheetName: String? { sheet?.name }

  // MARK: - Worksheets

  /// Ends the current worksheet, if any, and starts a new one; rows go to it from now on.
  ///
  /// - Parameters:
  ///   - name: the tab name: 1–31 characters, none of `[ ] : * ? / \`, not beginning or
  ///     ending with `'`, not `History`, unique ignoring case.
  ///   - options: column widths, frozen panes, autofilter, merged ranges, conditional
  ///     formats, tab colour, visibility.
  /// - Throws: ``XLSXWriteError`` `sheet-name-blank`, `sheet-name-too-long`,
  ///   `sheet-name-invalid-character`, `sheet-name-reserved`, `duplicate-sheet-name`,
  ///   `invalid-range` (a width, pane or range outside the grid, overlapping merges),
  ///   `invalid-style` (a conditional format's style), `writer-closed`, `write-failed`.
  public func addWorksheet(name: String, options: WorksheetOptions = .init()) throws {
    let zip = try openZip()
    let here = SourceLocation(file: path, sheet: name)
    if let (code, message) = SheetNameRules.problem(name) {
      throw XLSXWriteError(code: code, location: here, message: message)
    }
    let key = SheetNameRules.comparisonKey(name)
    guard !names.contains(key) else {
      throw XLSXWriteError(
        code: .duplicateSheetName, location: here,
        message: "a sheet named \"\(name)\" already exists (names are compared ignoring case)")
    }
    try validate(options, sheet: name)
    var formats: [(ConditionalFormat, [Int])] = []
    for format in options.conditionalFormats {
      formats.append((format, try register(format, sheet: name)))
    }
    try finishSheet()
    names.insert(key)
    let number = written.count + 1
    let selected =
      options.visibility == .visible
      && !written.contains { $0.sheet.visibility == .visible }
    do {
      try zip.beginEntry()
      // A small buffer: it is copied into the compressor's 64 KiB chunks anyway.
      let stream = XMLStream(capacity: 16 * 1024) { bytes in try zip.write(bytes) }
      let next = WorksheetStream(name: name, number: number, options: options, stream: stream)
      next.conditionalFormats = formats
      try next.writeHeader(selected: selected)
      sheet = next
    } catch {
      throw fail(error)
    }
  }

  /// Sets the current worksheet's autofilter range (`<autoFilter>`), replacing any earlier
  /// one; call it any time before the next worksheet starts, e.g. after the last row.
  ///
  /// - Parameter range: the header row and the data below it, e.g. `A1:J500`.
  /// - Throws: ``XLSXWriteError`` `invalid-range`, `no-worksheet`, `writer-closed`.
  public func setAutoFilter(_ range: CellRange) throws {
    let sheet = try openSheet()
    try checkInGrid(range, sheet: sheet.name, what: "autofilter")
    sheet.autoFilter = range
  }

  /// Merges a range of the current worksheet (`<mergeCell>`), e.g. a title across the
  /// table; the top-left cell's value shows. Call any time before the next worksheet starts.
  ///
  /// - Parameter range: at least two cells, overlapping no other merged range.
  /// - Throws: ``XLSXWriteError`` `invalid-range`, `no-worksheet`, `writer-closed`.
  public func mergeCells(_ range: CellRange) throws {
    let sheet = try openSheet()
    try checkMerge(range, against: sheet.mergedRanges, sheet: sheet.name)
    sheet.mergedRanges.append(range)
  }

  /// Adds a conditional format to the current worksheet; call any time before the next
  /// worksheet starts.
  ///
  /// - Throws: ``XLSXWriteError`` `invalid-range`, `invalid-style`, `no-worksheet`,
  ///   `writer-closed`.
  public func addConditionalFormat(_ format: ConditionalFormat) throws {
    let sheet = try openSheet()
    try checkInGrid(format.range, sheet: sheet.name, what: "conditional format")
    let ids = try register(format, sheet: sheet.name)
    sheet.conditionalFormats.append((format, ids))
  }

  /// Places a chart on the current worksheet; call any time before the next worksheet
  /// starts. The chart is written as native DrawingML with its values cached, so it shows
  /// in viewers that do not recalculate.
  ///
  /// - Parameters:
  ///   - chart: the chart.
  ///   - anchor: where it sits, in cells.
  /// - Throws: ``XLSXWriteError`` `invalid-range` (an anchor outside the grid or of no
  ///   size), `invalid-option` (a chart without series, or a series with another count of
  ///   values than there are categories), `no-worksheet`, `writer-closed`.
  public func insertChart(_ chart: Chart, at anchor: ChartAnchor) throws {
    let sheet = try openSheet()
    guard anchor.column >= 1, anchor.row >= 1, anchor.columns >= 1, anchor.rows >= 1,
      anchor.column + anchor.columns <= CellReference.maxColumn,
      anchor.row + anchor.rows <= CellReference.maxRow
    else {
      throw XLSXWriteError(
        code: .invalidRange, location: SourceLocation(file: path, sheet: sheet.name),
        message: "chart anchor at column \(anchor.column), row \(anchor.row), "
          + "\(anchor.columns)×\(anchor.rows) cells, is outside the grid")
    }
    guard !chart.series.isEmpty,
      chart.series.allSatisfy({ $0.values.count == chart.categories.count })
    else {
      throw XLSXWriteError(
        code: .invalidOption, location: SourceLocation(file: path, sheet: sheet.name),
        message: "a chart needs at least one series, each with one value per category "
          + "(\(chart.categories.count))")
    }
    sheet.charts.append((chart, anchor))
  }

  /// Adds a data validation to the current worksheet (a drop-down list, allowed numbers or
  /// dates); call any time before the next worksheet starts.
  ///
  /// - Throws: ``XLSXWriteError`` `invalid-range`, `invalid-option` (an empty list, an inline
  ///   list over 255 characters, a message over Excel's limits), `non-finite-number`,
  ///   `date-out-of-range`, `no-worksheet`, `writer-closed`.
  public func addDataValidation(_ validation: DataValidation) throws {
    let sheet = try openSheet()
    try check(validation, sheet: sheet.name)
    sheet.dataValidations.append(validation)
  }

  /// Defines a workbook-wide name (`<definedName>` in `xl/workbook.xml`), e.g. the range of a
  /// drop-down list: `defineName("Lista_Status", refersTo: "Listor!$D$2:$D$7")`.
  ///
  /// - Parameters:
  ///   - name: letters, digits, `_` and `.`, beginning with a letter or `_`, at most 255
  ///     characters, not a cell reference such as `A1` or `R1C1`, unique ignoring case.
  ///   - formula: what it refers to, without `=`; sheet names with spaces quoted
  ///     (`'Enhetens mål'!$A$8:$A$57`).
  /// - Throws: ``XLSXWriteError`` `invalid-option`, `writer-closed`.
  public func defineName(_ name: String, refersTo formula: String) throws {
    _ = try openZip()
    let here = SourceLocation(file: path)
    let valid =
      !name.isEmpty && name.utf16.count <= 255
      && name.first.map { $0.isLetter || $0 == "_" } == true
      && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
      && CellReference(name) == nil
      && !(name.uppercased().hasPrefix("R") && name.dropFirst().contains("C")
        && name.allSatisfy { $0.isNumber || "RrCc".contains($0) })
    guard valid else {
      throw XLSXWriteError(
        code: .invalidOption, location: here,
        message: "\"\(name)\" is not a valid defined name (letters, digits, '_' and '.', "
          + "beginning with a letter or '_', not a cell reference)")
    }
    guard !definedNames.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
      throw XLSXWriteError(
        code: .invalidOption, location: here, message: "the name \"\(name)\" is defined twice")
    }
    guard !formula.isEmpty, !formula.hasPrefix("=") else {
      throw XLSXWriteError(
        code: .invalidOption, location: here,
        message: "the name \"\(name)\" refers to \"\(formula)\"; give a range without '='")
    }
    definedNames.append((name, formula))
  }

  // MARK: - Rows

  /// Writes the next row of the current worksheet: the row after the last one written
  /// (row 1 for the first).
  ///
  /// - Parameter cells: the cells from column A on; `nil` leaves a cell empty.
  /// - Throws: see ``writeRow(_:at:)``.
  public func writeRow(_ cells: [WriteCell?]) throws {
    try writeRow(cells, at: (sheet?.lastRow ?? 0) + 1)
  }

  /// Writes a row of the current worksheet at a 1-based row number, which must be greater
  /// than the last one written (skipped rows stay empty).
  ///
  /// The row is checked whole before any of it is written: when a value is refused, nothing
  /// of the row is written and the writer can go on.
  ///
  /// - Parameters:
  ///   - cells: the cells from column A on (at most 16,384); `nil` leaves a cell empty.
  ///   - row: the 1-based row number, 1...1,048,576.
  /// - Throws: ``XLSXWriteError`` `row-out-of-order`, `too-many-rows`, `too-many-columns`,
  ///   `cell-text-too-long` (over 32,767 characters), `non-finite-number` (NaN, ±∞),
  ///   `date-out-of-range`, `invalid-error-value`, `invalid-style`, `no-worksheet`,
  ///   `writer-closed`, `write-failed`.
  public func writeRow(_ cells: [WriteCell?], at row: Int) throws {
    try writeRow(cells, at: row, height: nil)
  }

  /// Writes a row at a 1-based row number with a height, e.g. one computed for wrapped text
  /// with ``TextWidth/rowHeight(_:width:bold:fontSize:)``.
  ///
  /// - Parameters:
  ///   - cells: the cells from column A on; `nil` leaves a cell empty.
  ///   - row: the 1-based row number, greater than the last one written.
  ///   - height: the row's height in points (`ht`, 0–409), or `nil` for the default.
  /// - Throws: as ``writeRow(_:at:)``, and `invalid-option` for a height outside 0–409.
  public func writeRow(_ cells: [WriteCell?], at row: Int, height: Double?) throws {
    let sheet = try openSheet()
    if let height, !(0...409).contains(height) {
      throw XLSXWriteError(
        code: .invalidOption, location: SourceLocation(file: path, sheet: sheet.name, row: row),
        message: "row height \(height) is outside Excel's 0...409 points")
    }
    guard row >= 1, row <= CellReference.maxRow else {
      throw XLSXWriteError(
        code: .tooManyRows, location: SourceLocation(file: path, sheet: sheet.name),
        message: "row \(row) is outside Excel's rows 1...\(CellReference.maxRow)")
    }
    guard row > sheet.lastRow else {
      throw XLSXWriteError(
        code: .rowOutOfOrder, location: SourceLocation(file: path, sheet: sheet.name, row: row),
        message: "row \(row) comes after row \(sheet.lastRow); rows are written in ascending order")
    }
    guard cells.count <= CellReference.maxColumn else {
      throw XLSXWriteError(
        code: .tooManyColumns, location: SourceLocation(file: path, sheet: sheet.name, row: row),
        message: "row has \(cells.count) cells; Excel's limit is \(CellReference.maxColumn)")
    }
    if formatScratch.count < cells.count {
      formatScratch.append(contentsOf: repeatElement(0, count: cells.count - formatScratch.count))
    }
    try cells.withUnsafeBufferPointer { cells in
      var filled = 0
      for index in 0..<cells.count {
        guard let cell = cells[index] else { continue }
        formatScratch[index] = try prepare(cell, columnIndex: index, row: row, sheet: sheet.name)
        filled += 1
      }
      guard filled > 0 || height != nil else { return }
      do {
        try formatScratch.withUnsafeBufferPointer { formats in
          try sheet.encodeRow(
            cells, row: row, formats: formats, sharedStrings: sharedStrings, columns: columns,
            height: height)
        }
      } catch {
        throw fail(error)
      }
    }
    sheet.lastRow = row
  }

  // MARK: - Closing

  /// Ends the last worksheet and writes the workbook: the file appears at ``path`` only now,
  /// complete.
  ///
  /// - Throws: ``XLSXWriteError`` `no-worksheet` (none was added: add one and close again),
  ///   `invalid-option` (every sheet is hidden), `writer-closed`, `write-failed` (nothing is
  ///   left behind; an existing file at the path is unchanged).
  public func close() throws {
    let zip = try openZip()
    guard sheet != nil || !written.isEmpty else {
      throw XLSXWriteError(
        code: .noWorksheet, location: SourceLocation(file: path),
        message: "the workbook has no worksheet; Excel needs at least one")
    }
    guard
      written.contains(where: { $0.sheet.visibility == .visible })
        || sheet?.options.visibility == .visible
    else {
      throw XLSXWriteError(
        code: .invalidOption, location: SourceLocation(file: path),
        message: "every worksheet is hidden; Excel needs at least one visible sheet")
    }
    do {
      try finishSheet()
      let sheets = written.map(\.sheet)
      let shared = sharedStrings.map { !$0.strings.isEmpty } ?? false
      let custom = !options.customProperties.isEmpty
      var parts: [(String, ZipSpooledEntry)] = []
      parts.append(
        (
          "[Content_Types].xml",
          try zip.spool(
            WriterPackageParts.contentTypes(
              sheets: sheets, sharedStrings: shared, customProperties: custom))
        ))
      parts.append(
        (
          "_rels/.rels",
          try zip.spool(WriterPackageParts.rootRelationships(customProperties: custom))
        ))
      parts.append(
        ("docProps/core.xml", try zip.spool(WriterPackageParts.coreProperties(options: options))))
      parts.append(("docProps/app.xml", try zip.spool(WriterPackageParts.appProperties())))
      if custom {
        parts.append(
          (
            "docProps/custom.xml",
            try zip.spool(WriterPackageParts.customProperties(options.customProperties))
          ))
      }
      parts.append(
        (
          "xl/workbook.xml",
          try zip.spool(WriterPackageParts.workbook(sheets: sheets, definedNames: definedNames))
        ))
      parts.append(
        (
          "xl/_rels/workbook.xml.rels",
          try zip.spool(
            WriterPackageParts.workbookRelationships(sheets: sheets, sharedStrings: shared))
        ))
      parts.append(("xl/styles.xml", try zip.spool(styles.part())))
      if shared, let sharedStrings {
        try zip.beginEntry()
        let stream = XMLStream { bytes in try zip.write(bytes) }
        try sharedStrings.write(to: stream)
        try stream.flush()
        parts.append(("xl/sharedStrings.xml", try zip.endEntry()))
      }
      for (sheet, entry) in written {
        parts.append(("xl/worksheets/sheet\(sheet.number).xml", entry))
      }
      for (sheet, _) in written {
        guard let drawing = sheet.drawing else { continue }
        parts.append(
          (
            "xl/worksheets/_rels/sheet\(sheet.number).xml.rels",
            try zip.spool(WriterChartParts.sheetRelationships(drawing: drawing))
          ))
      }
      for (number, drawing) in drawings {
        parts.append(
          (
            "xl/drawings/drawing\(number).xml",
            try zip.spool(WriterChartParts.drawing(anchors: drawing.map(\.anchor)))
          ))
        parts.append(
          (
            "xl/drawings/_rels/drawing\(number).xml.rels",
            try zip.spool(WriterChartParts.drawingRelationships(charts: drawing.map(\.number)))
          ))
        for chart in drawing {
          parts.append(
            (
              "xl/charts/chart\(chart.number).xml",
              try zip.spool(WriterChartParts.chart(chart.chart))
            )
          )
        }
      }
      for (name, entry) in parts {
        try zip.add(name: name, entry: entry)
      }
      try zip.close()
      self.zip = nil
      state = .closed
    } catch {
      throw fail(error)
    }
  }

  /// Abandons the workbook: nothing is written and an existing file at the path is unchanged.
  /// The writer cannot be used afterwards.
  public func discard() {
    zip?.discard()
    zip = nil
    sheet = nil
    if state == .open { state = .closed }
  }

  // MARK: - Helpers

  private func openZip() throws -> ZipWriter {
    guard state == .open, let zip else {
      throw XLSXWriteError(
        code: .writerClosed, location: SourceLocation(file: path),
        message: state == .failed
          ? "the writer stopped after an earlier write failure"
          : "the writer is closed")
    }
    return zip
  }

  private func openSheet() throws -> WorksheetStream {
    _ = try openZip()
    guard let sheet else {
      throw XLSXWriteError(
        code: .noWorksheet, location: SourceLocation(file: path),
        message: "no worksheet has been added; call addWorksheet(name:) first")
    }
    return sheet
  }

  private func finishSheet() throws {
    guard let sheet, let zip else { return }
    self.sheet = nil
    do {
      try sheet.writeFooter()
      let entry = try zip.endEntry()
      var done = WrittenSheet(
        name: sheet.name, number: sheet.number, visibility: sheet.options.visibility,
        autoFilter: sheet.autoFilter, repeatRows: sheet.options.pageSetup?.repeatRows)
      if !sheet.charts.isEmpty {
        let number = drawings.count + 1
        let first = drawings.reduce(0) { $0 + $1.charts.count } + 1
        let charts = sheet.charts.enumerated().map { index, placed in
          (number: first + index, chart: placed.chart, anchor: placed.anchor)
        }
        drawings.append((number, charts))
        done.drawing = number
        done.charts = charts.map(\.number)
      }
      written.append((done, entry))
    } catch {
      throw fail(error)
    }
  }

  /// Marks the writer failed, drops the archive, and turns a lower-level error into
  /// `write-failed`; writer errors pass through.
  private func fail(_ error: any Error) -> any Error {
    if let error = error as? XLSXWriteError { return error }
    state = .failed
    zip?.discard()
    zip = nil
    sheet = nil
    return XLSXWriteError(
      code: .writeFailed, location: SourceLocation(file: path),
      message: "cannot write the workbook: \(error)", underlying: error)
  }

  private struct StyleCacheEntry {
    var style: CellStyle?
    var kind: UInt8
    var format: Int
  }

  /// Checks a cell's value against Excel's limits and returns its cell format index.
  private func prepare(_ cell: WriteCell, columnIndex: Int, row: Int, sheet: String) throws
    -> Int
  {
    // 0 plain, 1 text to protect with quotePrefix, 2 date, 3 date-time, 4 duration, 5 time
    var kind: UInt8 = 0
    switch cell.value {
    case .string(let text):
      if text.utf8.count > 32_767 {
        let length = text.utf16.count
        if length > 32_767 {
          throw XLSXWriteError(
            code: .cellTextTooLong, location: location(columnIndex, row, sheet),
            message:
              "cell text has \(length) characters; Excel's limit is 32,767: "
              + "\"\(text.prefix(30))…\"")
        }
      }
      if options.quotePrefixFormulaLikeText, let first = text.utf8.first,
        first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
          || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
      {
        kind = 1
      }
    case .number(let number):
      guard number.isFinite else {
        throw XLSXWriteError(
          code: .nonFiniteNumber, location: location(columnIndex, row, sheet),
          message: "number \(number) cannot be stored: a workbook has no NaN or infinity")
      }
    case .bool:
      break
    case .dateTime(let date):
      let timeOfDay = date.serial >= 0 && date.serial < 1
      guard timeOfDay || (date.serial >= Self.firstDate && date.serial < Self.endOfTime) else {
        throw XLSXWriteError(
          code: .dateOutOfRange, location: location(columnIndex, row, sheet),
          message:
            "date \(date.serial.isFinite ? date.description : String(date.serial)) is outside "
            + "Excel's 1900 date system (1900-01-01 to 9999-12-31, or a time of day alone)")
      }
      if cell.style?.numberFormat == nil { kind = timeOfDay ? 5 : date.isMidnight ? 2 : 3 }
    case .duration(let seconds):
      guard seconds.isFinite else {
        throw XLSXWriteError(
          code: .nonFiniteNumber, location: location(columnIndex, row, sheet),
          message: "duration \(seconds) s cannot be stored: a workbook has no NaN or infinity")
      }
      if cell.style?.numberFormat == nil { kind = 4 }
    case .error(let error):
      guard Self.errorValues.contains(error) else {
        throw XLSXWriteError(
          code: .invalidErrorValue, location: location(columnIndex, row, sheet),
          message:
            "\"\(error)\" is not an Excel error value "
            + "(#NULL!, #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #N/A, #GETTING_DATA)")
      }
    }
    if kind == 0 && cell.style == nil { return 0 }
    if columnIndex < styleCache.count {
      let cached = styleCache[columnIndex]
      if cached.kind == kind && cached.style == cell.style { return cached.format }
    }
    var style = cell.style ?? CellStyle()
    switch kind {
    case 2: style.numberFormat = CellStyle.FormatCode.date
    case 3: style.numberFormat = CellStyle.FormatCode.dateTime
    case 4: style.numberFormat = CellStyle.FormatCode.duration
    case 5: style.numberFormat = CellStyle.FormatCode.time
    default: break
    }
    let format: Int
    do {
      format = try styles.formatIndex(for: style, quotePrefix: kind == 1)
    } catch {
      throw XLSXWriteError(
        code: .invalidStyle, location: location(columnIndex, row, sheet), message: error.message)
    }
    while styleCache.count <= columnIndex {
      styleCache.append(StyleCacheEntry(style: nil, kind: 255, format: 0))
    }
    styleCache[columnIndex] = StyleCacheEntry(style: cell.style, kind: kind, format: format)
    return format
  }

  private func location(_ columnIndex: Int, _ row: Int, _ sheet: String) -> SourceLocation {
    SourceLocation(
      file: path, sheet: sheet, cell: CellReference(row: row, column: columnIndex + 1))
  }

  private func validate(_ options: WorksheetOptions, sheet: String) throws {
    let here = SourceLocation(file: path, sheet: sheet)
    for (column, width) in options.columnWidths {
      guard column >= 1, column <= CellReference.maxColumn else {
        throw XLSXWriteError(
          code: .invalidRange, location: here,
          message: "column \(column) is outside Excel's columns 1...\(CellReference.maxColumn)")
      }
      guard width.isFinite, width >= 0, width <= 255 else {
        throw XLSXWriteError(
          code: .invalidRange, location: here,
          message:
            "column \(CellReference.columnLetters(column)) width \(width) is outside 0...255")
      }
    }
    guard options.frozenRows >= 0, options.frozenRows < CellReference.maxRow,
      options.frozenColumns >= 0, options.frozenColumns < CellReference.maxColumn
    else {
      throw XLSXWriteError(
        code: .invalidRange, location: here,
        message:
          "frozen pane of \(options.frozenRows) rows and \(options.frozenColumns) columns is "
          + "outside the grid")
    }
    if let range = options.autoFilter {
      try checkInGrid(range, sheet: sheet, what: "autofilter")
    }
    var merged: [CellRange] = []
    for range in options.mergedRanges {
      try checkMerge(range, against: merged, sheet: sheet)
      merged.append(range)
    }
    for format in options.conditionalFormats {
      try checkInGrid(format.range, sheet: sheet, what: "conditional format")
    }
    if let setup = options.pageSetup {
      let here = SourceLocation(file: path, sheet: sheet)
      for text in [setup.header, setup.footer].compactMap({ $0 })
      where text.count > PageSetup.maximumHeaderFooterLength {
        throw XLSXWriteError(
          code: .invalidOption, location: here,
          message: "page header or footer has \(text.count) characters; Excel's limit is "
            + "\(PageSetup.maximumHeaderFooterLength)")
      }
      if let rows = setup.repeatRows, rows.lowerBound < 1 || rows.upperBound > CellReference.maxRow
      {
        throw XLSXWriteError(
          code: .invalidRange, location: here,
          message: "repeated rows \(rows.lowerBound)...\(rows.upperBound) are outside the grid")
      }
      if let scale = setup.scale, !(10...400).contains(scale) {
        throw XLSXWriteError(
          code: .invalidOption, location: here,
          message: "print scale \(scale) % is outside Excel's 10...400")
      }
      if let width = setup.fitToWidth, width < 0 || setup.fitToHeight < 0 {
        throw XLSXWriteError(
          code: .invalidOption, location: here,
          message: "fit to \(width) pages wide and \(setup.fitToHeight) tall is negative")
      }
    }
    for validation in options.dataValidations {
      try check(validation, sheet: sheet)
    }
  }

  private func check(_ validation: DataValidation, sheet: String) throws {
    if let (code, message) = validation.problem() {
      throw XLSXWriteError(
        code: code,
        location: SourceLocation(file: path, sheet: sheet, cell: validation.ranges.first?.start),
        message: message)
    }
  }

  private func checkInGrid(_ range: CellRange, sheet: String, what: String) throws {
    guard range.start.isWithinExcelLimits, range.end.isWithinExcelLimits else {
      throw XLSXWriteError(
        code: .invalidRange, location: SourceLocation(file: path, sheet: sheet),
        message:
          "\(what) range rows \(range.start.row)...\(range.end.row), columns "
          + "\(range.start.column)...\(range.end.column) is outside Excel's grid")
    }
  }

  private func checkMerge(_ range: CellRange, against others: [CellRange], sheet: String) throws {
    try checkInGrid(range, sheet: sheet, what: "merged")
    let here = SourceLocation(file: path, sheet: sheet, cell: range.start)
    guard range.start != range.end else {
      throw XLSXWriteError(
        code: .invalidRange, location: here,
        message: "merged range \(range) is a single cell; a merge needs at least two")
    }
    if let other = others.first(where: { Self.overlap($0, range) }) {
      throw XLSXWriteError(
        code: .invalidRange, location: here,
        message: "merged range \(range) overlaps merged range \(other)")
    }
  }

  private static func overlap(_ a: CellRange, _ b: CellRange) -> Bool {
    a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.column <= b.end.column
      && b.start.column <= a.end.column
  }

  /// Registers the styles of a conditional format's rules and checks its values.
  private func register(_ format: ConditionalFormat, sheet: String) throws -> [Int] {
    let here = SourceLocation(file: path, sheet: sheet, cell: format.range.start)
    var ids: [Int] = []
    for rule in format.rules {
      switch rule.condition {
      case .textEquals(let text), .textContains(let text):
        guard text.utf16.count <= 255 else {
          throw XLSXWriteError(
            code: .cellTextTooLong, location: here,
            message: "conditional format text has \(text.utf16.count) characters; the limit is 255")
        }
      case .equal(let n), .greaterThan(let n), .greaterThanOrEqual(let n), .lessThan(let n),
        .lessThanOrEqual(let n):
        guard n.isFinite else {
          throw XLSXWriteError(
            code: .nonFiniteNumber, location: here,
            message: "conditional format value \(n) is not a finite number")
        }
      case .between(let a, let b):
        guard a.isFinite, b.isFinite else {
          throw XLSXWriteError(
            code: .nonFiniteNumber, location: here,
            message: "conditional format values \(a), \(b) are not finite numbers")
        }
      }
      do {
        ids.append(try styles.differentialIndex(for: rule.style))
      } catch {
        throw XLSXWriteError(code: .invalidStyle, location: here, message: error.message)
      }
    }
    return ids
  }
}
