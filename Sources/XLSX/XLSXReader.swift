import Foundation
internal import Interop
public import Spreadsheet

/// One tab of a workbook as `xl/workbook.xml` lists it, found through the workbook's
/// relationships.
public struct WorksheetEntry: Hashable, Sendable {
  /// 0-based position in tab order.
  public var index: Int
  /// The name on the tab.
  public var name: String
  /// Visible, hidden or very hidden (`<sheet state=…>`).
  public var visibility: Worksheet.Visibility
  /// Worksheet, chartsheet, or other (dialog or macro sheet).
  public var kind: Worksheet.Kind
  /// The part that holds the sheet, e.g. `xl/worksheets/sheet1.xml`.
  public var partName: String
}

/// Reads Office Open XML workbooks (`.xlsx`, `.xlsm`, `.xltx`, `.xltm`, transitional or Strict
/// ISO/IEC 29500) from libzip and libxml2's SAX2 push parser, streaming.
///
/// Open a file once, list its sheets, then stream each sheet's rows: a caller never holds more
/// than one row (plus the shared-string table, which every row may refer to):
///
/// ```swift
/// let reader = try XLSXReader(path: "plan.xlsx")
/// for sheet in reader.sheets where sheet.kind == .worksheet {
///   let rows = try reader.rows(of: sheet)
///   while let row = try rows.next() {
///     print(sheet.name, row.number, row.cells.count)
///   }
/// }
/// ```
///
/// Or read a small workbook whole with ``read(path:options:)``.
///
/// Parts are found through relationships (`_rels/.rels` → the `officeDocument` part → its
/// `.rels` → worksheets, shared strings, styles), never by fixed paths. Part names compare
/// case-insensitively, backslashes in zip entry names count as `/`, and for duplicate entries
/// the last wins. Shared strings and styles are optional. Dates come from number formats
/// (``NumberFormat``) in the workbook's ``DateSystem``.
///
/// Every error is an ``XLSXError`` naming the file (and part, sheet or cell), with a code from
/// ``XLSXError/catalogue``.
public final class XLSXReader {
  /// The path as given.
  public let path: String
  /// The caps in force.
  public let options: XLSXReadOptions
  /// The sheets in tab order, chartsheets included.
  public let sheets: [WorksheetEntry]
  /// The workbook's date system (`workbookPr/@date1904`).
  public let dateSystem: DateSystem
  /// The workbook part, e.g. `xl/workbook.xml`.
  public let workbookPartName: String
  /// Warnings met while opening: `skipped-sheet` for each sheet that names no relationship of
  /// the workbook (an empty or unknown `r:id`), which is left out of ``sheets``.
  public let diagnostics: [Diagnostic]

  let package: Package
  private let sharedStringsPart: PartName?
  private let stylesPart: PartName?
  /// The custom document properties (`docProps/custom.xml`), by name; empty when the part is
  /// absent. A part that cannot be parsed is ignored like any other optional part.
  public let customProperties: [String: String]
  private var loadedStrings: [String]?
  private var loadedStyles: StyleSheet?

  /// Opens a workbook and reads its workbook part and relationships.
  ///
  /// - Parameters:
  ///   - path: the file path, as the user gave it (kept in every error location).
  ///   - options: caps and limits.
  /// - Throws: ``XLSXError``: `not-a-zip`, `truncated-zip`, `corrupt-zip`, `unreadable-file`,
  ///   `encrypted-workbook`, `legacy-xls`, `not-a-workbook`, `xlsb-workbook`, `ods-workbook`,
  ///   `missing-part`, `malformed-xml`, `doctype-refused`, `too-many-parts` and the size caps.
  public init(path: String, options: XLSXReadOptions = .init()) throws {
    self.path = path
    self.options = options
    let package = try Package(path: path, options: options)
    self.package = package
    let location = SourceLocation(file: path)

    let rootRels = PartName("_rels/.rels")
    guard package.entry(rootRels) != nil else {
      if package.has("mimetype") || package.has("content.xml") {
        throw XLSXError(
          .odsWorkbook, location: location,
          message: "the file is an OpenDocument spreadsheet (it has 'content.xml' and no "
            + "'_rels/.rels'); save it as .xlsx")
      }
      if package.has("xl/workbook.bin") {
        throw XLSXError(
          .xlsbWorkbook, location: location,
          message: "the file is an Excel binary workbook (.xlsb); save it as .xlsx")
      }
      throw XLSXError(
        .missingPart, location: location,
        message: "the package has no '_rels/.rels' part, so its workbook cannot be found")
    }
    let root = try package.parse(rootRels, handler: RelationshipsHandler())
    guard
      let office = root.relationships.first(where: {
        $0.kind == "officeDocument" && !$0.isExternal
      })
    else {
      throw XLSXError(
        .missingPart, location: location,
        message: "'_rels/.rels' has no officeDocument relationship naming the workbook part")
    }
    let workbookPart = PartName("/").resolve(office.target)
    workbookPartName = workbookPart.path
    if workbookPart.path.lowercased().hasSuffix(".bin") {
      throw XLSXError(
        .xlsbWorkbook, location: location,
        message: "the workbook part is '\(workbookPart.path)': an Excel binary workbook "
          + "(.xlsb); save it as .xlsx")
    }
    guard package.entry(workbookPart) != nil else {
      throw XLSXError(
        .missingPart, location: location,
        message: "the workbook part '\(workbookPart.path)' named by '_rels/.rels' is missing")
    }
    var custom: [String: String] = [:]
    if let rel = root.relationships.first(where: {
      $0.kind == "custom-properties" && !$0.isExternal
    }) {
      let part = PartName("/").resolve(rel.target)
      if package.entry(part) != nil,
        let parsed = try? package.parse(part, handler: CustomPropertiesHandler())
      {
        for (name, value) in parsed.properties where custom[name] == nil { custom[name] = value }
      }
    }
    customProperties = custom
    let workbook = try package.parse(workbookPart, handler: WorkbookHandler())
    dateSystem = workbook.dateSystem

    let relsPart = workbookPart.relationshipsPart
    guard package.entry(relsPart) != nil else {
      throw XLSXError(
        .missingPart, location: location,
        message: "the workbook's relationships part '\(relsPart.path)' is missing, so its "
          + "sheets cannot be found")
    }
    let rels = try package.parse(relsPart, handler: RelationshipsHandler()).relationships
    var byID: [String: Relationship] = [:]
    for rel in rels where byID[rel.id] == nil { byID[rel.id] = rel }

    let sharedStringsPart = rels.first { $0.kind == "sharedStrings" && !$0.isExternal }
      .map { workbookPart.resolve($0.target) }
    let stylesPart = rels.first { $0.kind == "styles" && !$0.isExternal }
      .map { workbookPart.resolve($0.target) }
    /// Parts that a worksheet relationship must never name.
    var reserved: [String: String] = [
      workbookPart.key: "the workbook part", relsPart.key: "the workbook's relationships",
      rootRels.key: "the package relationships",
    ]
    if let sharedStringsPart { reserved[sharedStringsPart.key] = "the shared strings" }
    if let stylesPart { reserved[stylesPart.key] = "the styles" }

    var entries: [WorksheetEntry] = []
    var warnings: [Diagnostic] = []
    for (i, sheet) in workbook.sheets.enumerated() {
      guard let rel = byID[sheet.relationshipID], !rel.isExternal else {
        // A sheet with no part to read (Excel leaves `r:id=""` on some very hidden sheets):
        // the others are still read, as calamine and openpyxl do.
        let why =
          sheet.relationshipID.isEmpty
          ? "has an empty relationship id (r:id=\"\")"
          : byID[sheet.relationshipID] != nil
            ? "names relationship '\(sheet.relationshipID)', which points outside the package"
            : "names relationship '\(sheet.relationshipID)', which '\(relsPart.path)' does not have"
        warnings.append(
          Diagnostic(
            code: DiagnosticCode.skippedSheet.id, severity: .warning,
            location: SourceLocation(file: path, sheet: sheet.name),
            message: "sheet '\(sheet.name)' (\(sheet.state.rawValue)) \(why), so it has no part "
              + "to read; it is skipped and the other sheets are read",
            hint: "open the workbook in Excel and save it again if the sheet is needed"))
        continue
      }
      let kind: Worksheet.Kind
      switch rel.kind {
      case "worksheet": kind = .worksheet
      case "chartsheet": kind = .chartsheet
      default: kind = .other
      }
      let target = workbookPart.resolve(rel.target)
      if kind == .worksheet {
        let what =
          reserved[target.key]
          ?? (target.key.hasSuffix(".rels") ? "a relationships part" : nil)
        if let what {
          throw XLSXError(
            .notAWorksheet, location: SourceLocation(file: path, sheet: sheet.name),
            message: "sheet '\(sheet.name)' names the part '\(target.path)' (\(what)) as its "
              + "worksheet")
        }
      }
      entries.append(
        WorksheetEntry(
          index: i, name: sheet.name, visibility: sheet.state, kind: kind,
          partName: target.path))
    }
    sheets = entries
    diagnostics = warnings
    self.sharedStringsPart = sharedStringsPart
    self.stylesPart = stylesPart
  }

  /// The first sheet with this name, compared case-insensitively as Excel does.
  public func sheet(named name: String) -> WorksheetEntry? {
    if let exact = sheets.first(where: { $0.name == name }) { return exact }
    let lower = name.lowercased()
    return sheets.first { $0.name.lowercased() == lower }
  }

  /// The shared-string table, read on first use (an absent part is an empty table).
  ///
  /// - Throws: ``XLSXError``: `too-many-shared-strings`, `shared-strings-too-large`,
  ///   `malformed-xml`, `doctype-refused`, and the size caps.
  public func sharedStrings() throws -> SharedStringTable {
    SharedStringTable(strings: try strings())
  }

  func strings() throws -> [String] {
    if let loadedStrings { return loadedStrings }
    var result: [String] = []
    if let part = sharedStringsPart, package.entry(part) != nil {
      let (handler, line, _) = try package.parseWithPosition(
        part,
        handler: SharedStringsHandler(
          maxCount: options.maxSharedStrings, maxBytes: options.maxSharedStringBytes,
          maxStringBytes: options.maxStringBytes))
      if let failure = handler.failure {
        throw XLSXError(
          failure.code, location: SourceLocation(file: path),
          message: "\(part.path):\(line): \(failure.message)")
      }
      result = handler.strings
    }
    loadedStrings = result
    return result
  }

  /// The number formats of the cell formats, read on first use (an absent part means every
  /// cell is General).
  ///
  /// - Throws: ``XLSXError`` (`malformed-xml`, `doctype-refused`, size caps).
  public func styleSheet() throws -> StyleSheet {
    if let loadedStyles { return loadedStyles }
    var result = StyleSheet()
    if let part = stylesPart, package.entry(part) != nil {
      result = try package.parse(part, handler: StyleSheetHandler()).styleSheet()
    }
    loadedStyles = result
    return result
  }

  /// Starts streaming the rows of a sheet.
  ///
  /// A chartsheet has no rows: the reader it returns ends at once.
  ///
  /// - Parameter sheet: one of ``sheets``.
  /// - Returns: a reader that hands out rows one at a time, in the order of the part.
  /// - Throws: ``XLSXError`` (`missing-part` when the sheet's part is absent, the shared
  ///   strings' and styles' errors, `malformed-xml`, `doctype-refused`, size caps).
  public func rows(of sheet: WorksheetEntry) throws -> XLSXRowReader {
    if sheet.kind == .chartsheet { return XLSXRowReader(sheet: sheet, path: path, backend: .none) }
    let part = PartName(sheet.partName)
    guard package.entry(part) != nil else {
      throw XLSXError(
        .missingPart, location: SourceLocation(file: path, sheet: sheet.name),
        message: "the part '\(part.path)' of sheet '\(sheet.name)' is missing")
    }
    let config = WorksheetConfig(
      strings: try strings(), styles: try styleSheet(), dateSystem: dateSystem,
      maxRows: options.maxRows, maxColumns: options.maxColumns,
      maxTextBytes: options.maxCellTextBytes, maxStringBytes: options.maxStringBytes,
      maxSharedFormulaBytes: options.maxSharedFormulaBytes, xmlLimits: package.xmlLimits,
      scansPlainRows: options.scansPlainRows)
    if let entry = package.entry(part), useTwoParsers(for: entry) {
      let pipeline = WorksheetPipeline(
        path: path, part: part.path, sheet: sheet.name, limits: package.limits,
        budget: package.archive.budget, config: config,
        segmentBytes: options.parallelSegmentBytes)
      let package = package
      let path = path
      let maxSharedFormulaBytes = options.maxSharedFormulaBytes
      return XLSXRowReader(
        sheet: sheet, path: path, backend: .pipeline(pipeline),
        sequentialReader: {
          let source = try package.stream(part, sheet: sheet.name)
          let parser: XMLPushParser<WorksheetHandler>
          do {
            parser = try XMLPushParser(
              source: source, documentName: part.path, handler: config.handler(),
              limits: package.xmlLimits)
          } catch {
            throw package.translate(error, part: part.path, sheet: sheet.name)
          }
          return XLSXRowReader(
            sheet: sheet, path: path, backend: .parser(parser),
            maxSharedFormulaBytes: maxSharedFormulaBytes)
        })
    }
    let source = try package.stream(part, sheet: sheet.name)
    do {
      let parser = try XMLPushParser(
        source: source, documentName: part.path, handler: config.handler(),
        limits: package.xmlLimits)
      return XLSXRowReader(
        sheet: sheet, path: path, backend: .parser(parser),
        maxSharedFormulaBytes: options.maxSharedFormulaBytes)
    } catch {
      throw package.translate(error, part: part.path, sheet: sheet.name)
    }
  }

  /// Whether a worksheet part is large enough to be read by two parsers on two threads.
  private func useTwoParsers(for entry: ZipEntry) -> Bool {
    guard options.parallelParsing, ProcessInfo.processInfo.activeProcessorCount >= 2 else {
      return false
    }
    return max(entry.declaredSize, entry.compressedSize * 4) >= options.parallelMinimumPartBytes
  }

  /// Reads one sheet whole: rows in ascending order (rows that appear twice are merged) and
  /// merged ranges.
  ///
  /// - Throws: as ``rows(of:)``.
  public func worksheet(_ sheet: WorksheetEntry) throws -> Worksheet {
    var cells = 0
    return try worksheet(sheet, cells: &cells)
  }

  /// Reads one sheet whole, adding its cells to `cells` and stopping with `too-many-cells`
  /// (located at the cell that passes it) when the count passes `maxCells`.
  func worksheet(_ sheet: WorksheetEntry, cells: inout Int) throws -> Worksheet {
    let reader = try rows(of: sheet)
    var rows: [Row] = []
    var sorted = true
    while let row = try reader.next() {
      if let last = rows.last, last.number >= row.number { sorted = false }
      cells += row.cells.count
      if cells > options.maxCells {
        let over = row.cells[max(0, row.cells.count - (cells - options.maxCells))]
        let reference = CellReference(row: row.number, column: over.column)
        throw XLSXError(
          .tooManyCells, location: SourceLocation(file: path, sheet: sheet.name, cell: reference),
          message: "the workbook holds more than \(options.maxCells) cells (maxCells), "
            + "reached at '\(sheet.name)'!\(reference.a1)")
      }
      rows.append(row)
    }
    if !sorted { rows = Self.mergeRows(rows) }
    return Worksheet(
      name: sheet.name, visibility: sheet.visibility, kind: sheet.kind, rows: rows,
      mergedRanges: reader.mergedRanges)
  }

  /// Reads every sheet into memory.
  ///
  /// - Throws: as ``rows(of:)``.
  public func workbook() throws -> Workbook {
    var worksheets: [Worksheet] = []
    var cells = 0
    for sheet in sheets {
      worksheets.append(try worksheet(sheet, cells: &cells))
    }
    var workbook = Workbook(
      path: path, format: .xlsx, worksheets: worksheets, dateSystem: dateSystem,
      diagnostics: diagnostics)
    workbook.customProperties = customProperties
    return workbook
  }

  /// Reads a whole workbook into memory: for small files; stream large ones with
  /// ``rows(of:)``.
  ///
  /// - Parameters:
  ///   - path: the file path, as the user gave it.
  ///   - options: caps and limits.
  /// - Returns: the workbook with every sheet (chartsheets have no rows).
  /// - Throws: ``XLSXError``, with any code of ``XLSXError/catalogue`` that reading produces.
  public static func read(path: String, options: XLSXReadOptions = .init()) throws -> Workbook {
    try XLSXReader(path: path, options: options).workbook()
  }

  /// Sorts rows by number and merges rows with the same number (later cells win per column).
  static func mergeRows(_ rows: [Row]) -> [Row] {
    let ordered = rows.enumerated().sorted {
      $0.element.number != $1.element.number
        ? $0.element.number < $1.element.number : $0.offset < $1.offset
    }.map(\.element)
    var out: [Row] = []
    for row in ordered {
      if let last = out.last, last.number == row.number {
        var byColumn: [Int: Cell] = [:]
        for cell in last.cells { byColumn[cell.column] = cell }
        for cell in row.cells { byColumn[cell.column] = cell }
        out[out.count - 1].cells = byColumn.values.sorted { $0.column < $1.column }
      } else {
        out.append(row)
      }
    }
    return out
  }
}
