import Foundation
internal import Interop
import Spreadsheet
internal import WorkQueue

/// What a worksheet handler needs, in a form that can cross threads.
struct WorksheetConfig: Sendable {
  var strings: [String]
  var styles: StyleSheet
  var dateSystem: DateSystem
  var maxRows: Int
  var maxColumns: Int
  var maxTextBytes: Int
  /// `maxStringBytes`: one cell's text.
  var maxStringBytes: Int = 1 << 20
  /// `maxSharedFormulaBytes`: the sheet's shared formulas, expanded.
  var maxSharedFormulaBytes: Int = Int.max
  /// The XML caps (`maxStartTagBytes`).
  var xmlLimits = XMLParserLimits()
  /// `scansPlainRows`: row pieces go through the parser's element scanner.
  var scansPlainRows = true

  func handler() -> WorksheetHandler {
    WorksheetHandler(
      strings: strings, styles: styles, dateSystem: dateSystem, maxRows: maxRows,
      maxColumns: maxColumns, maxTextBytes: maxTextBytes, maxStringBytes: maxStringBytes)
  }
}

/// Reads one large worksheet part on three threads: one inflates it and cuts it into pieces of
/// whole rows (``WorksheetSplitter``), two parse alternate pieces with their own libxml2 SAX2
/// parser and worksheet handler. The caller's thread takes the rows back in part order.
///
/// Every piece carries a sequence number and yields one batch (its rows, or the error that
/// stopped it), so rows and errors reach the caller in exactly the order of one sequential
/// parse. Memory stays bounded: each parser holds at most two pieces in waiting, and parsers
/// wait when they are more than four batches ahead of the caller.
///
/// The splitting thread opens its own `zip_t` on the file (libzip archives are not thread-safe)
/// and shares the workbook's byte budget, so every cap counts as in a sequential read.
final class WorksheetPipeline {
  private let shared: Shared
  private var threads: [WorkerThread] = []
  private var pending: [Row] = []
  private var nextSequence = 0
  private var finalBatches = 0
  private var finished = false
  private var textBytes = 0
  private var sharedFormulas = SharedFormulaResolver()
  private let maxTextBytes: Int
  private let path: String
  private let sheet: String
  /// The merged ranges; complete once ``next()`` has returned `nil`.
  private(set) var mergedRanges: [CellRange] = []

  /// Starts the threads.
  ///
  /// - Parameters:
  ///   - path: the workbook file.
  ///   - part: the worksheet part.
  ///   - sheet: the sheet's name (for error locations).
  ///   - limits: the zip caps.
  ///   - budget: the workbook's shared count of inflated bytes.
  ///   - config: the handler's configuration; its text cap is applied here, in part order.
  ///   - segmentBytes: the size of the row pieces.
  init(
    path: String, part: String, sheet: String, limits: ZipLimits, budget: ZipByteBudget,
    config: WorksheetConfig, segmentBytes: Int
  ) {
    self.path = path
    self.sheet = sheet
    maxTextBytes = config.maxTextBytes
    sharedFormulas = SharedFormulaResolver(maxBytes: config.maxSharedFormulaBytes)
    var workerConfig = config
    workerConfig.maxTextBytes = Int.max
    let shared = Shared()
    self.shared = shared
    let context = Context(
      path: path, part: part, sheet: sheet, limits: limits, budget: budget, config: workerConfig,
      segmentBytes: segmentBytes)
    let bodies: [@Sendable () -> Void] = [
      { Self.parse(worker: 0, shared: shared, context: context) },
      { Self.parse(worker: 1, shared: shared, context: context) },
      { Self.split(shared: shared, context: context) },
    ]
    for body in bodies {
      guard let thread = WorkerThread(body) else {
        // Out of threads: the read stops with a named error instead of waiting forever.
        shared.cancel()
        startFailure = XLSXError(
          .unreadableFile, location: SourceLocation(file: path, sheet: sheet),
          message: "no thread could be started to read the part '\(part)' (pthread_create "
            + "failed); read it with parallelParsing off")
        break
      }
      threads.append(thread)
    }
  }

  /// Set when a thread could not be started.
  private var startFailure: XLSXError?

  deinit {
    shared.cancel()
    for thread in threads { thread.join() }
  }

  /// The next row in part order, or `nil` at the end.
  ///
  /// - Throws: the first error of the part, in part order (as ``XLSXRowReader/next()``).
  func next() throws -> Row? {
    if let startFailure {
      self.startFailure = nil
      finished = true
      throw startFailure
    }
    while true {
      if let row = pending.popLast() { return row }
      if finished { return nil }
      var batch = shared.takeResult(sequence: nextSequence)
      nextSequence += 1
      if let error = batch.error {
        finished = true
        throw error
      }
      try checkText(batch)
      mergedRanges += batch.mergedRanges
      if batch.isFinal {
        finalBatches += 1
        if finalBatches == 2 { finished = true }
      }
      var rows: [Row] = []
      swap(&rows, &batch.rows)
      if !batch.marks.isEmpty {
        sharedFormulas.resolve(&rows, batch.marks)
        if let error = sharedFormulas.error(path: path, sheet: sheet) {
          finished = true
          throw error
        }
      }
      rows.reverse()
      pending = rows
    }
  }

  /// Applies `maxCellTextBytes` across both parsers, finding the exact cell that passes it.
  private func checkText(_ batch: Batch) throws {
    guard batch.textBytes > 0 else { return }
    if textBytes + batch.textBytes <= maxTextBytes {
      textBytes += batch.textBytes
      return
    }
    for row in batch.rows {
      for cell in row.cells {
        guard case .string(let s) = cell.value else { continue }
        textBytes += s.utf8.count
        if textBytes > maxTextBytes {
          finished = true
          let reference = CellReference(row: row.number, column: cell.column)
          throw XLSXError(
            .cellTextTooLarge,
            location: SourceLocation(file: path, sheet: sheet, cell: reference),
            message: "the string cells of the sheet hold more than \(maxTextBytes) bytes of text "
              + "(maxCellTextBytes), reached at cell \(reference.a1)")
        }
      }
    }
  }

  // MARK: Threads

  struct Context: Sendable {
    var path: String
    var part: String
    var sheet: String
    var limits: ZipLimits
    var budget: ZipByteBudget
    var config: WorksheetConfig
    var segmentBytes: Int
  }

  enum Work {
    /// Bytes for the parser; `sequence` is the batch they yield (`nil`: no batch); `rows`:
    /// whole rows inside `<sheetData>`.
    case bytes(sequence: Int?, [UInt8], rows: Bool = false)
    /// The end of the parser's document; its last batch has this number.
    case finish(sequence: Int)
  }

  struct Batch {
    var sequence: Int
    var rows: [Row] = []
    var error: (any Error)?
    var textBytes = 0
    var marks: [SharedFormulaMark] = []
    var mergedRanges: [CellRange] = []
    var isFinal = false
  }

  /// Inflates the part, cuts it and hands the pieces out: prolog and rest to parser 0, row
  /// pieces alternately to parsers 0 and 1.
  private static func split(shared: Shared, context: Context) {
    var sequence = 0
    var next = 0
    var secondStarted = false
    var splitter = WorksheetSplitter(segmentBytes: context.segmentBytes)
    var pieces: [WorksheetSplitter.Piece] = []
    /// Hands the pieces out; `false` once the pipeline is cancelled.
    func dispatch() -> Bool {
      defer { pieces.removeAll(keepingCapacity: true) }
      for piece in pieces {
        switch piece {
        case .prolog(let bytes), .rest(let bytes):
          guard shared.send(.bytes(sequence: sequence, bytes), to: 0) else { return false }
        case .rows(let bytes):
          if next == 1 && !secondStarted {
            secondStarted = true
            guard shared.send(.bytes(sequence: nil, splitter.wrapperPrefix), to: 1) else {
              return false
            }
          }
          guard shared.send(.bytes(sequence: sequence, bytes, rows: true), to: next) else {
            return false
          }
          next = 1 - next
        }
        sequence += 1
      }
      return true
    }
    do {
      let archive = try ZipArchive(
        path: context.path, limits: context.limits, budget: context.budget)
      let wanted = PartName(context.part).key
      guard let entry = archive.entries.last(where: { PartName($0.name).key == wanted }) else {
        throw XLSXError(
          .missingPart, location: SourceLocation(file: context.path, sheet: context.sheet),
          message: "the part '\(context.part)' of sheet '\(context.sheet)' is missing")
      }
      let stream = try archive.open(entry)
      var chunk = [UInt8](repeating: 0, count: 64 * 1024)
      var ended = false
      while !ended {
        let n = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
        if n == 0 {
          splitter.finish(into: &pieces)
          ended = true
        } else {
          chunk.withUnsafeBufferPointer {
            splitter.feed(UnsafeBufferPointer(rebasing: $0[0..<n]), into: &pieces)
          }
        }
        guard dispatch() else { return }
      }
      if secondStarted {
        _ = shared.send(.bytes(sequence: nil, splitter.wrapperSuffix), to: 1)
      }
      _ = shared.send(.finish(sequence: sequence), to: 0)
      _ = shared.send(.finish(sequence: sequence + 1), to: 1)
    } catch {
      // The bytes read before the error are parsed first, as one parser would have parsed
      // them before reading on: their own errors come first.
      splitter.finish(into: &pieces)
      guard dispatch() else { return }
      let translated = Package.translate(
        error, path: context.path, part: context.part, sheet: context.sheet)
      _ = shared.post(Batch(sequence: sequence, error: translated))
      shared.cancelInputs()
    }
  }

  /// Parses the pieces one parser receives and posts a batch for each.
  private static func parse(worker: Int, shared: Shared, context: Context) {
    var parser: XMLPushParser<WorksheetHandler>?
    var failure: (any Error)?
    func batch(_ sequence: Int) -> Batch {
      var result = Batch(sequence: sequence)
      if let failure {
        result.error = failure
        return result
      }
      guard let handler = parser?.handler else { return result }
      if let f = handler.pointee.failure {
        result.error = XLSXError(
          f.code,
          location: SourceLocation(
            file: context.path, sheet: context.sheet, cell: f.cell, row: f.row),
          message: f.message)
        failure = result.error
        return result
      }
      swap(&result.rows, &handler.pointee.rows)
      swap(&result.marks, &handler.pointee.marks)
      result.textBytes = handler.pointee.textBytes
      handler.pointee.textBytes = 0
      return result
    }
    func push(_ bytes: [UInt8], isFinal: Bool, rows: Bool = false) {
      guard failure == nil else { return }
      do {
        if parser == nil {
          parser = try XMLPushParser(
            documentName: context.part, handler: context.config.handler(),
            limits: context.config.xmlLimits)
        }
        if rows && context.config.scansPlainRows {
          try bytes.withUnsafeBufferPointer { try parser?.pushElements($0) }
        } else {
          try bytes.withUnsafeBufferPointer { try parser?.push($0, isFinal: isFinal) }
        }
      } catch {
        failure = Package.translate(
          error, path: context.path, part: context.part, sheet: context.sheet)
      }
    }
    while let work = shared.take(worker: worker) {
      switch work {
      case .bytes(let sequence, let bytes, let rows):
        push(bytes, isFinal: false, rows: rows)
        if let sequence, !shared.post(batch(sequence)) { return }
      case .finish(let sequence):
        // The first parser always ends its document, even when the part gave it no bytes: an
        // empty part is malformed XML, as one parser reports it.
        if parser != nil || worker == 0 { push([], isFinal: true) }
        var last = batch(sequence)
        last.isFinal = true
        if last.error == nil, let handler = parser?.handler {
          last.mergedRanges = handler.pointee.mergedRanges
        }
        _ = shared.post(last)
        return
      }
    }
  }

  /// The queues between the threads: the pieces for each parser (at most two waiting), and
  /// the batches, taken in sequence order (parsers wait when four or more batches ahead).
  final class Shared: Sendable {
    private let inputs = [
      OrderedWorkQueue<Work, Never>(capacity: 2), OrderedWorkQueue<Work, Never>(capacity: 2),
    ]
    private let results = OrderedWorkQueue<Never, Batch>(window: 4)

    /// Queues work for a parser; `false` once the pipeline is cancelled.
    func send(_ work: Work, to worker: Int) -> Bool {
      inputs[worker].send(work)
    }

    /// The next work for a parser, or `nil` once cancelled.
    func take(worker: Int) -> Work? {
      inputs[worker].take()
    }

    /// Posts a batch, waiting while it is too far ahead of the caller; `false` once cancelled.
    func post(_ batch: Batch) -> Bool {
      results.post(batch, sequence: batch.sequence)
    }

    /// Waits for the batch with this number and removes it.
    func takeResult(sequence: Int) -> Batch {
      results.result(sequence: sequence) ?? Batch(sequence: sequence)
    }

    /// After a splitting error: the parsers stop once their queues are empty.
    func cancelInputs() {
      for input in inputs { input.close() }
    }

    /// Stops every thread at its next wait.
    func cancel() {
      for input in inputs { input.cancel() }
      results.cancel()
    }
  }
}
