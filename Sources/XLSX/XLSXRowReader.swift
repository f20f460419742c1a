internal import Interop
public import Spreadsheet

/// Hands out the rows of one sheet, one at a time, as the part is parsed.
///
/// Holds at most the rows of a few chunks of XML. After ``next()`` has returned `nil`,
/// ``mergedRanges`` holds the sheet's merged ranges (they follow the cells in the part).
///
/// A large part (``XLSXReadOptions/parallelMinimumPartBytes``) is parsed by two libxml2 parsers
/// on two threads while a third inflates it; the rows, their order and the errors are those of
/// one sequential parse. The threads stop when the reader is released.
public final class XLSXRowReader {
  enum Backend {
    case none
    case parser(XMLPushParser<WorksheetHandler>)
    case pipeline(WorksheetPipeline)
  }

  /// The sheet being read.
  public let sheet: WorksheetEntry
  private let path: String
  private let backend: Backend
  /// Rows of the last chunk, last row first.
  private var pending: [Row] = []
  private var sharedFormulas = SharedFormulaResolver()
  private var done = false
  /// For the two-parser backend: makes a one-parser reader of the same part, used only when
  /// the pipeline fails, so that the error reported is the first in the part, exactly the one
  /// a sequential read reports (a parser of one piece may hold back bytes it cannot parse yet,
  /// such as an `&` waiting for its `;`, while the other parser reads on).
  private let sequentialReader: (() throws -> XLSXRowReader)?

  init(
    sheet: WorksheetEntry, path: String, backend: Backend, maxSharedFormulaBytes: Int = Int.max,
    sequentialReader: (() throws -> XLSXRowReader)? = nil
  ) {
    self.sheet = sheet
    self.path = path
    self.backend = backend
    sharedFormulas = SharedFormulaResolver(maxBytes: maxSharedFormulaBytes)
    self.sequentialReader = sequentialReader
    if case .none = backend { done = true }
  }

  /// The error a one-parser read of the part meets first, or `pipelineError` when that read
  /// meets none or stops only at a workbook-wide byte cap (which the second read consumes
  /// again).
  private func firstError(after pipelineError: any Error) -> any Error {
    guard let sequentialReader else { return pipelineError }
    do {
      // Opening may already fail (a part in an encoding that is refused from its first bytes).
      let reader = try sequentialReader()
      while try reader.next() != nil {}
    } catch let error as XLSXError where error.kind == .workbookTooLarge {
      return pipelineError
    } catch {
      return error
    }
    return pipelineError
  }

  /// The next row in part order (ascending in every file Excel writes), or `nil` at the end.
  ///
  /// - Throws: ``XLSXError`` (`malformed-xml`, `doctype-refused`, `cell-out-of-range`,
  ///   `invalid-shared-string`, size caps), with the sheet and, for cells, the cell.
  public func next() throws -> Row? {
    let parser: XMLPushParser<WorksheetHandler>
    switch backend {
    case .none: return nil
    case .pipeline(let pipeline):
      do {
        return try pipeline.next()
      } catch {
        throw firstError(after: error)
      }
    case .parser(let p): parser = p
    }
    while true {
      if let row = pending.popLast() { return row }
      let handler = parser.handler
      if !handler.pointee.rows.isEmpty {
        // Take the chunk's rows without copying them; hand them out from the end.
        swap(&pending, &handler.pointee.rows)
        if !handler.pointee.marks.isEmpty {
          sharedFormulas.resolve(&pending, handler.pointee.marks)
          handler.pointee.marks.removeAll()
          if let error = sharedFormulas.error(path: path, sheet: sheet.name) {
            done = true
            pending.removeAll()
            handler.pointee.rows.removeAll()
            throw error
          }
        }
        pending.reverse()
        continue
      }
      if done { return nil }
      let more: Bool
      do {
        more = try parser.parseNextChunk()
      } catch {
        done = true
        handler.pointee.rows.removeAll()
        handler.pointee.marks.removeAll()
        throw Package.translate(error, path: path, part: sheet.partName, sheet: sheet.name)
      }
      if let failure = handler.pointee.failure {
        done = true
        handler.pointee.rows.removeAll()
        handler.pointee.marks.removeAll()
        throw XLSXError(
          failure.code,
          location: SourceLocation(
            file: path, sheet: sheet.name, cell: failure.cell, row: failure.row),
          message: failure.message)
      }
      if !more { done = true }
    }
  }

  /// Calls `body` with every remaining row.
  ///
  /// - Throws: as ``next()``, or what `body` throws.
  public func forEach(_ body: (Row) throws -> Void) throws {
    while let row = try next() { try body(row) }
  }

  /// The merged ranges (`<mergeCell ref=…>`); complete once ``next()`` has returned `nil`.
  public var mergedRanges: [CellRange] {
    switch backend {
    case .none: return []
    case .parser(let parser): return parser.handler.pointee.mergedRanges
    case .pipeline(let pipeline): return pipeline.mergedRanges
    }
  }
}
