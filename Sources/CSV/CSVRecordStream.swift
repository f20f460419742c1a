import Foundation
public import Spreadsheet

/// Reads a delimited file record by record with constant memory: the file is read in chunks
/// into one buffer that holds at most the current record and the rest of its chunk.
///
/// Opening the stream reads the first ``CSVReadOptions/sampleBytes`` bytes and detects the
/// encoding and the dialect (``detection``). Records are then handed out one at a time,
/// either as ``CSVRecord`` values (``next()``) or, without copying, as ``CSVRawRecord`` views
/// valid only inside a closure (``forEachRecord(_:)``).
///
/// Record numbers are 1-based and count every record, blank ones and title lines included
/// (an Excel `sep=` line is not a record). Line numbers are 1-based lines of the file; a
/// record whose quoted fields hold line breaks spans several lines and carries the line it
/// starts on.
///
/// ```swift
/// let stream = try CSVRecordStream(path: "kolada.csv")
/// while let record = try stream.next() {
///   print(record.line, record.fields)
/// }
/// ```
///
/// Problems the reader works around are collected in ``diagnostics``; the others are thrown
/// as ``CSVError`` by the call that reaches them: `file-not-found`, `unreadable-file`,
/// `binary-file`, `invalid-option` (opening); `invalid-utf8`, `invalid-utf16`,
/// `invalid-utf32`, `invalid-shift-jis`, `unterminated-quote`, `nul-byte`, `ragged-row`,
/// `record-too-large`, `too-many-fields` (reading).
public final class CSVRecordStream {
  /// The path as the user gave it.
  public let path: String
  /// The options in force.
  public let options: CSVReadOptions
  /// What was detected, and why. The encoding and the line-ending counts are final once
  /// ``next()`` has returned `nil`.
  public private(set) var detection: CSVDetection
  /// Warnings collected so far (`ragged-row`, `nul-byte`, `stray-quote`, `mojibake`), in file
  /// order, at most ``CSVReadOptions/maxDiagnosticsPerCode`` per code plus a count of the rest.
  public private(set) var diagnostics: [Diagnostic] = []
  /// Records read so far, blank ones included.
  public private(set) var recordCount = 0
  /// Records left out under ``CSVReadOptions/RaggedRowPolicy/skip``.
  public private(set) var skippedRecords = 0
  /// Records below the header with a field count other than the table's.
  public private(set) var raggedRecords = 0
  /// The most fields seen in one record.
  public private(set) var maxFieldCount = 0
  /// The name of the one worksheet a workbook made from this file has: the file name
  /// without its extension.
  public let worksheetName: String

  /// The encoding as far as known: single-byte files are named `windows-1252` once a byte
  /// 0x80–0x9F has been read, and an ASCII start may turn out to be single-byte Western.
  public var encoding: CSVEncoding {
    if validator.isSingleByte {
      if declaredEncoding == .windows1252 || validator.sawC1 { return .windows1252 }
      return .iso88591
    }
    return declaredEncoding == .utf8 && validator.fellBackAt != nil ? .iso88591 : declaredEncoding
  }

  // Input and buffer.
  private let input: any ByteInput
  private(set) var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var start = 0
  private var end = 0
  private var validated = 0
  private var baseOffset = 0
  private var eof = false
  private let readChunk = 1 << 20
  /// A second buffer for ``fill()`` to move the unread bytes into, so that the bytes of
  /// records already handed to the typing thread stay where they are (``preservesBuffer``).
  private var spare: UnsafeMutablePointer<UInt8>?
  private var spareCapacity = 0
  /// Whether ``fill()`` must leave the current buffer's bytes in place (typed reading).
  var preservesBuffer = false

  // Splitting.
  private(set) var spans: UnsafeMutablePointer<FieldSpan>
  private var spanCapacity: Int
  private let dialect: ScanDialect
  private var validator: TextValidator
  private let declaredEncoding: CSVEncoding
  private let expectedFields: Int
  private let tableStart: Int
  private var nextLine: Int
  private var nextNumber = 1
  private var eventIndex = 0
  private var finished = false
  private var countingLineEndings = false

  // The current record.
  private(set) var currentNumber = 0
  private(set) var currentLine = 0
  private(set) var currentCount = 0
  private var currentStart = 0

  // Scratch space for decoding fields.
  var scratch: [UInt8] = []
  var utf8Scratch: [UInt8] = []
  private var diagnosticCounts: [String: Int] = [:]

  /// Opens a file and detects its encoding and dialect.
  ///
  /// - Parameters:
  ///   - path: the file, as the user gave it (kept in every location).
  ///   - options: overrides and policies.
  /// - Throws: ``CSVError`` `file-not-found`, `unreadable-file`, `binary-file`,
  ///   `invalid-option`, `invalid-utf16`, `invalid-utf32`.
  public init(path: String, options: CSVReadOptions = .init()) throws {
    self.path = path
    self.options = options
    worksheetName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let forcedDelimiter = try Self.optionByte(options.delimiter, "delimiter", path: path)
    let forcedQuote = try Self.optionByte(options.quote, "quote", path: path)
    if let forcedDelimiter, forcedDelimiter == forcedQuote {
      throw CSVError(
        code: .invalidOption, path: path, message: "the delimiter and the quote are the same")
    }
    let file = try FileInput(path: path)
    let sampleBytes = max(4096, min(options.sampleBytes, 256 << 20))
    let initialCapacity = max(sampleBytes, 1 << 20) + 8
    let initialBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: initialCapacity)
    let initialSpans = UnsafeMutablePointer<FieldSpan>.allocate(capacity: 256)
    capacity = initialCapacity
    buffer = initialBuffer
    spanCapacity = 256
    spans = initialSpans
    var cleanup = true
    defer {
      if cleanup {
        initialBuffer.deallocate()
        initialSpans.deallocate()
      }
    }

    // Sample the raw bytes and decide the encoding.
    var rawEnd = 0
    var rawEOF = false
    while rawEnd < sampleBytes {
      let n = try file.read(into: buffer + rawEnd, count: sampleBytes - rawEnd)
      if n == 0 {
        rawEOF = true
        break
      }
      rawEnd += n
    }
    let sample = UnsafeBufferPointer(start: buffer, count: rawEnd)
    var guess: EncodingGuess
    if let forced = options.encoding {
      let bom = forced == .utf8 ? CSVEncoding.utf8WithBOM.byteOrderMark : forced.byteOrderMark
      let hasBOM =
        !bom.isEmpty && rawEnd >= bom.count && (0..<bom.count).allSatisfy { sample[$0] == bom[$0] }
      guess = EncodingGuess(
        encoding: forced == .utf8 && hasBOM ? .utf8WithBOM : forced,
        bomLength: hasBOM ? bom.count : 0,
        reason: "given as an option" + (hasBOM ? " (its byte-order mark is skipped)" : ""))
    } else {
      guess = try EncodingDetector.detect(sample, complete: rawEOF, path: path)
    }
    declaredEncoding = guess.encoding
    if guess.encoding.isTranscoded {
      let prefix = Array(sample[guess.bomLength...])
      let source = PrefixedInput(prefix: prefix, rest: file)
      input =
        guess.encoding.isWide
        ? WideDecoder(
          source: source, encoding: guess.encoding, path: path, startOffset: guess.bomLength)
        : CodePageDecoder(
          source: source, encoding: guess.encoding, path: path, startOffset: guess.bomLength)
      end = 0
      // The decoder writes whole characters (up to 4 bytes): stop short of the sample's end.
      while sampleBytes - end >= 8 {
        let n = try input.read(into: buffer + end, count: sampleBytes - end)
        if n == 0 {
          eof = true
          break
        }
        end += n
      }
      start = 0
    } else {
      input = file
      end = rawEnd
      eof = rawEOF
      start = guess.bomLength
    }
    switch guess.encoding {
    case .windows1252, .iso88591:
      validator = TextValidator(mode: .western, maxNULEvents: options.maxDiagnosticsPerCode + 1)
    case .utf8:
      validator = TextValidator(
        mode: .utf8(mayFallBack: options.encoding == nil),
        maxNULEvents: options.maxDiagnosticsPerCode + 1)
    default:
      validator = TextValidator(
        mode: .utf8(mayFallBack: false), maxNULEvents: options.maxDiagnosticsPerCode + 1)
    }
    validated = validator.check(buffer, from: start, to: end, eof: eof, baseOffset: baseOffset)

    // An Excel `sep=X` first line.
    nextLine = 1
    var sepDelimiter: UInt8?
    if let sep = Self.excelSeparatorLine(buffer, from: start, end: end) {
      sepDelimiter = sep.delimiter
      start = sep.next
      nextLine = 2
    }

    // The dialect.
    let spanRoom = max(1, min(options.maxFields, 1 << 16))
    let sampleSpans = UnsafeMutablePointer<FieldSpan>.allocate(capacity: spanRoom)
    defer { sampleSpans.deallocate() }
    let detector = DialectDetector(
      base: buffer, from: start, to: end, complete: eof,
      maxRecords: max(10, options.sampleRecords), spans: sampleSpans, maxFields: spanRoom,
      firstLine: nextLine)
    var quote = forcedQuote ?? 0x22
    var quoteReason =
      forcedQuote != nil ? "given as an option" : "the RFC 4180 default"
    var backslash = options.escape == .backslash
    var candidates: [CSVDetection.DelimiterCandidate] = []
    var chosen: CSVDetection.DelimiterCandidate?
    var delimiter: UInt8
    var delimiterReason: String
    func tryAll(quote: UInt8) -> [CSVDetection.DelimiterCandidate] {
      DialectDetector.candidates.map { c in
        let byte = c.asciiByte ?? 0x2C
        return DialectDetector.evaluate(
          detector.split(ScanDialect(delimiter: byte, quote: quote, backslash: backslash)),
          delimiter: c)
      }
    }
    if let given = forcedDelimiter ?? sepDelimiter {
      delimiter = given
      let split = detector.split(ScanDialect(delimiter: given, quote: quote, backslash: backslash))
      chosen = DialectDetector.evaluate(split, delimiter: Character(Unicode.Scalar(given)))
      delimiterReason =
        forcedDelimiter != nil
        ? "given as an option"
        : "the first line `sep=\(Character(Unicode.Scalar(given)))` is Excel's separator hint "
          + "(it is not a record)"
    } else {
      candidates = tryAll(quote: quote)
      chosen = DialectDetector.choose(candidates)
      delimiter = chosen?.delimiter.asciiByte ?? 0x2C
      delimiterReason = ""
      if chosen == nil,
        let wide = DialectDetector.candidates.first(where: { c in
          detector.split(
            ScanDialect(delimiter: c.asciiByte ?? 0x2C, quote: quote, backslash: backslash)
          ).tooManyFields
        })
      {
        // No candidate splits a whole record out of the sample, but one splits a record
        // into more fields than the sample has room for: that record is too wide, and
        // reading it with this delimiter says so (`too-many-fields`) instead of taking each
        // line as one field.
        delimiter = wide.asciiByte ?? 0x2C
        delimiterReason =
          "no record of the sample ends, but `\(wide)` splits a record into more than "
          + "\(spanRoom) fields"
      }
    }
    // Single quotes as the quote character, when fields are wrapped in them and never in `"`.
    let firstSplit = detector.split(
      ScanDialect(delimiter: delimiter, quote: quote, backslash: backslash))
    if forcedQuote == nil && firstSplit.quotedFields == 0 && firstSplit.singleQuotedFields >= 2 {
      let again = detector.split(
        ScanDialect(delimiter: delimiter, quote: 0x27, backslash: backslash))
      let before = DialectDetector.evaluate(
        firstSplit, delimiter: Character(Unicode.Scalar(delimiter)))
      let after = DialectDetector.evaluate(again, delimiter: Character(Unicode.Scalar(delimiter)))
      if after.score >= before.score {
        quote = 0x27
        quoteReason =
          "\(firstSplit.singleQuotedFields) fields are wrapped in `'` and none in `\"`"
        if forcedDelimiter == nil && sepDelimiter == nil {
          candidates = tryAll(quote: quote)
          chosen = DialectDetector.choose(candidates) ?? chosen
          delimiter = chosen?.delimiter.asciiByte ?? delimiter
        } else {
          chosen = after
        }
      }
    } else if forcedQuote == nil {
      quoteReason =
        firstSplit.quotedFields > 0
        ? "\(firstSplit.quotedFields) field\(firstSplit.quotedFields == 1 ? " is" : "s are") "
          + "quoted with `\"`"
        : "no field in the sample is quoted; `\"` (RFC 4180) is assumed"
    }
    // Backslash escapes, when `\"` breaks quoted fields and no quote is doubled.
    var escapeReason = options.escape != nil ? "given as an option" : ""
    let split = detector.split(
      ScanDialect(delimiter: delimiter, quote: quote, backslash: backslash))
    if options.escape == nil {
      if split.backslashStrays > 0 && split.doubledQuotes == 0 {
        let again = detector.split(ScanDialect(delimiter: delimiter, quote: quote, backslash: true))
        if again.strayQuotes < split.strayQuotes {
          backslash = true
          escapeReason =
            "\(split.backslashStrays) quoted field\(split.backslashStrays == 1 ? "" : "s") "
            + "hold `\\\(Character(Unicode.Scalar(quote)))` and no quote is doubled"
        }
      }
      if !backslash {
        escapeReason =
          split.doubledQuotes > 0
          ? "\(split.doubledQuotes) quote\(split.doubledQuotes == 1 ? " is" : "s are") doubled "
            + "inside quoted fields (RFC 4180)"
          : "no escaped quote in the sample; doubling (RFC 4180) is assumed"
      }
    }
    dialect = ScanDialect(delimiter: delimiter, quote: quote, backslash: backslash)
    let finalSplit =
      backslash == (options.escape == .backslash) && quote == (forcedQuote ?? 0x22)
      ? split : detector.split(dialect)
    let scored = DialectDetector.evaluate(
      finalSplit, delimiter: Character(Unicode.Scalar(delimiter)))
    let fieldCount = max(1, scored.fieldCount)
    if delimiterReason.isEmpty {
      delimiterReason = Self.delimiterSentence(
        chosen: scored, candidates: candidates, found: chosen != nil)
    }

    // Decode the sampled records for the layout hints.
    var rows: [TableLayout.Row] = []
    var p = start
    var line = nextLine
    var number = 1
    var sampleScratch: [UInt8] = []
    let single = guess.encoding.isSingleByte
    while rows.count < max(10, options.sampleRecords) {
      let r = scanRecord(
        buffer, from: p, end: end, eof: eof, dialect: dialect, spans: sampleSpans,
        maxFields: spanRoom)
      guard r.status == .record else { break }
      var fields: [String] = []
      fields.reserveCapacity(r.fieldCount)
      for i in 0..<r.fieldCount {
        fields.append(
          FieldText.string(buffer, sampleSpans[i], dialect, singleByte: single, &sampleScratch))
      }
      rows.append(TableLayout.Row(number: number, line: line, fields: fields))
      line += r.innerBreaks + (r.terminator == .none ? 0 : 1)
      number += 1
      p = r.next
    }
    let layout = TableLayout(
      rows: rows, fieldCount: fieldCount, delimiter: Character(Unicode.Scalar(delimiter)))
    expectedFields = fieldCount
    tableStart = layout.tableStart ?? 1

    var sampleCounts = (crlf: 0, lf: 0, cr: 0)
    for record in finalSplit.records {
      switch record.terminator {
      case .crlf: sampleCounts.crlf += 1
      case .lf: sampleCounts.lf += 1
      case .cr: sampleCounts.cr += 1
      case .none: break
      }
    }
    detection = CSVDetection(
      encoding: guess.encoding, encodingReason: guess.reason,
      byteOrderMarkLength: guess.bomLength,
      delimiter: Character(Unicode.Scalar(delimiter)), delimiterReason: delimiterReason,
      candidates: candidates, excelSeparatorLine: sepDelimiter != nil,
      quote: Character(Unicode.Scalar(quote)), quoteReason: quoteReason,
      escape: backslash ? .backslash : .doubled, escapeReason: escapeReason,
      fieldCount: fieldCount, trailingDelimiter: layout.trailingDelimiter,
      crlfCount: sampleCounts.crlf, lfCount: sampleCounts.lf, crCount: sampleCounts.cr,
      titleLines: layout.titleLines, tableStartRecord: layout.tableStart,
      headerRecord: layout.header?.number, headerLine: layout.header?.line,
      headerText: layout.header?.fields.joined(
        separator: String(Character(Unicode.Scalar(delimiter)))) ?? "",
      headerReason: layout.headerReason, headerGroupRecords: layout.groupRows,
      decimalSeparator: layout.decimalSeparator, decimalReason: layout.decimalReason,
      spaceThousandsSeparator: layout.spaceThousands, thousandsExample: layout.thousandsExample,
      sampledRecords: finalSplit.records.count,
      sampledBytes: finalSplit.bytes, sampleIsWholeFile: eof && start + finalSplit.bytes == end)
    detection.encodingAlternatives = guess.ranked.map {
      CSVDetection.EncodingAlternative(encoding: $0.encoding, score: $0.score, example: $0.example)
    }
    detection.encodingIsUncertain = guess.uncertain
    if guess.uncertain, let best = guess.ranked.first {
      let others = guess.ranked.dropFirst().map {
        "\($0.encoding.name) reads \"\($0.example)\""
      }.joined(separator: "; ")
      note(
        DiagnosticCode.uncertainEncoding.id, line: guess.firstLegacyLine,
        message: "the encoding is uncertain: read as \(best.encoding.name) (\"\(best.example)\"), "
          + "but \(others)",
        hint: "check the values; if they are wrong, give the encoding (the read option "
          + "`encoding: \(guess.ranked[1].encoding.name)`) or ask for a UTF-8 export",
        value: best.example)
    }
    cleanup = false
  }

  deinit {
    buffer.deallocate()
    spare?.deallocate()
    spans.deallocate()
  }

  // MARK: Reading records

  /// The next record as values, or `nil` after the last one.
  ///
  /// - Throws: ``CSVError`` (see the type's documentation).
  public func next() throws -> CSVRecord? {
    guard try advanceRecord() else { return nil }
    let raw = currentRecord
    return CSVRecord(number: raw.number, line: raw.line, fields: raw.strings)
  }

  /// Hands every remaining record to `body`, one at a time, without copying its fields.
  ///
  /// The ``CSVRawRecord`` is valid only during the call of `body`.
  ///
  /// - Throws: ``CSVError`` (see the type's documentation), or what `body` throws.
  public func forEachRecord(_ body: (CSVRawRecord) throws -> Void) throws {
    while try advanceRecord() {
      try body(currentRecord)
    }
  }

  /// Reads everything that is left, discarding it, so that ``detection`` and ``diagnostics``
  /// describe the whole file.
  ///
  /// - Throws: ``CSVError``.
  public func drain() throws {
    while try advanceRecord() {}
  }

  private var currentRecord: CSVRawRecord {
    CSVRawRecord(
      number: currentNumber, line: currentLine, count: currentCount, stream: self,
      base: UnsafePointer(buffer), spans: UnsafePointer(spans))
  }

  var isSingleByte: Bool { validator.isSingleByte }
  var scanDialect: ScanDialect { dialect }

  /// Moves to the next record; `false` at the end.
  func advanceRecord() throws -> Bool {
    try advance(fill: true) == .record
  }

  /// What ``advance(fill:)`` reached.
  enum Advance {
    /// A record: ``currentRecord`` describes it.
    case record
    /// The buffer ends inside the next record; ``fill()`` must run before the next call.
    case needsFill
    /// The end of the input.
    case end
  }

  /// Moves to the next record. With `fill` false it stops instead of reading more input, so
  /// that the caller can first hand over the records whose bytes the buffer holds.
  func advance(fill mayFill: Bool) throws -> Advance {
    if finished { return .end }
    if !countingLineEndings {
      // From here on the counts cover the records read, not the sample.
      countingLineEndings = true
      detection.crlfCount = 0
      detection.lfCount = 0
      detection.crCount = 0
    }
    while true {
      let r = scanRecord(
        buffer, from: start, end: end, eof: eof, dialect: dialect, spans: spans,
        maxFields: min(spanCapacity, options.maxFields))
      switch r.status {
      case .needMore:
        if !mayFill { return .needsFill }
        try fill()
        continue
      case .endOfData:
        try reportEvents(upTo: Int.max, recordStart: start, recordLine: nextLine)
        finish()
        return .end
      case .tooManyFields:
        if spanCapacity < options.maxFields {
          growSpans()
          continue
        }
        throw CSVError(
          code: .tooManyFields, path: path, line: nextLine,
          message: "record \(nextNumber) has more than \(options.maxFields) fields")
      case .unterminatedQuote:
        try reportEvents(upTo: baseOffset + r.openQuote, recordStart: start, recordLine: nextLine)
        let position = self.position(of: r.openQuote, recordStart: start, recordLine: nextLine)
        throw CSVError(
          code: .unterminatedQuote, path: path, line: position.line, column: position.column,
          message: "the quote that opens this field is never closed; the rest of the file "
            + "(\(max(0, end - r.openQuote)) bytes of text) would become one cell")
      case .record:
        let recordStart = start
        let recordLine = nextLine
        let number = nextNumber
        start = r.next
        nextNumber += 1
        nextLine += r.innerBreaks + (r.terminator == .none ? 0 : 1)
        recordCount += 1
        switch r.terminator {
        case .crlf: detection.crlfCount += 1
        case .lf: detection.lfCount += 1
        case .cr: detection.crCount += 1
        case .none: break
        }
        try reportEvents(
          upTo: baseOffset + r.next, recordStart: recordStart, recordLine: recordLine)
        currentNumber = number
        currentLine = recordLine
        currentCount = r.fieldCount
        currentStart = recordStart
        if r.fieldCount > maxFieldCount { maxFieldCount = r.fieldCount }
        if r.strayQuote >= 0 {
          let at = position(of: r.strayQuote, recordStart: recordStart, recordLine: recordLine)
          note(
            DiagnosticCode.strayQuote.id, line: at.line, column: at.column,
            message: "text follows the closing quote of a quoted field; it is kept and the "
              + "quote dropped, as Excel and Python read it",
            hint: "double the quotes inside a quoted field (\"\" for \")")
        }
        if number >= tableStart && r.fieldCount > 0 && r.fieldCount != expectedFields
          && !allFieldsBlank(r.fieldCount)
        {
          raggedRecords += 1
          let what =
            "record \(number) has \(r.fieldCount) field\(r.fieldCount == 1 ? "" : "s") where "
            + "the table has \(expectedFields)"
          switch options.raggedRows {
          case .error:
            throw CSVError(code: .raggedRow, path: path, line: recordLine, message: what)
          case .skip:
            skippedRecords += 1
            note(
              DiagnosticCode.raggedRow.id, line: recordLine, row: number,
              message: what + "; it is left out")
            continue
          case .pad:
            note(
              DiagnosticCode.raggedRow.id, line: recordLine, row: number,
              message: what
                + (r.fieldCount < expectedFields
                  ? "; the missing fields read as empty" : "; the extra fields are kept"))
          }
        }
        return .record
      }
    }
  }

  /// Whether every field is empty or spaces and tabs only (such records are not ragged).
  private func allFieldsBlank(_ count: Int) -> Bool {
    for i in 0..<count {
      let span = spans[i]
      if span.kind == .escaped { return false }
      var k = Int(span.start)
      while k < Int(span.end) {
        if buffer[k] != 0x20 && buffer[k] != 0x09 { return false }
        k += 1
      }
    }
    return true
  }

  private func growSpans() {
    let newCapacity = min(options.maxFields, spanCapacity * 4)
    let grown = UnsafeMutablePointer<FieldSpan>.allocate(capacity: newCapacity)
    spans.deallocate()
    spans = grown
    spanCapacity = newCapacity
  }

  /// Moves the unread bytes to the front, grows the buffer when one record fills it, and
  /// reads more. Under ``preservesBuffer`` the unread bytes move to the spare buffer instead,
  /// which becomes the current one: the bytes of the records before them stay in place.
  func fill() throws {
    if start > 0 && preservesBuffer {
      let keep = end - start
      let needed = keep + 8 > capacity ? try grownCapacity() : capacity
      if spareCapacity < needed {
        spare?.deallocate()
        spare = .allocate(capacity: needed)
        spareCapacity = needed
      }
      if let target = spare {
        if keep > 0 { target.update(from: buffer + start, count: keep) }
        spare = buffer
        buffer = target
        swap(&capacity, &spareCapacity)
      }
      validated -= start
      baseOffset += start
      end = keep
      start = 0
    }
    if start > 0 {
      let keep = end - start
      if keep > 0 { buffer.update(from: buffer + start, count: keep) }
      validated -= start
      baseOffset += start
      end = keep
      start = 0
    }
    if capacity - end < 8 {
      let newCapacity = try grownCapacity()
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      grown.update(from: buffer, count: end)
      buffer.deallocate()
      buffer = grown
      capacity = newCapacity
    }
    let n = try input.read(into: buffer + end, count: min(capacity - end, readChunk))
    if n == 0 {
      eof = true
    }
    end += n
    validated = validator.check(buffer, from: validated, to: end, eof: eof, baseOffset: baseOffset)
  }

  /// The next buffer size when one record fills the buffer.
  ///
  /// - Throws: ``CSVError`` `record-too-large` at the cap.
  private func grownCapacity() throws -> Int {
    let limit = min(max(options.maxRecordBytes, readChunk), 1 << 30)
    if capacity >= limit + readChunk {
      throw CSVError(
        code: .recordTooLarge, path: path, line: nextLine,
        message: "record \(nextNumber) is larger than \(formatBytes(options.maxRecordBytes))"
          + (dialect.quote != 0
            ? "; an unclosed quote may have swallowed the lines after it" : ""))
    }
    return min(capacity * 2, limit + readChunk)
  }

  /// Turns the validator's events before `limit` (absolute offset) into diagnostics or errors.
  private func reportEvents(upTo limit: Int, recordStart: Int, recordLine: Int) throws {
    while eventIndex < validator.events.count && validator.events[eventIndex].offset < limit {
      let event = validator.events[eventIndex]
      eventIndex += 1
      let local = event.offset - baseOffset
      let at =
        local >= recordStart
        ? position(of: local, recordStart: recordStart, recordLine: recordLine)
        : (line: recordLine, column: 1)
      let byteOffset = declaredEncoding.isTranscoded ? nil : event.offset
      switch event.kind {
      case .invalidUTF8(let bytes):
        throw CSVError(
          code: .invalidUTF8, path: path, line: at.line, column: at.column,
          byteOffset: byteOffset,
          message: (bytes.count == 1 ? "the byte " : "the bytes ")
            + bytes.map { hexByte($0) }.joined(separator: " ")
            + " at byte offset \(event.offset) \(bytes.count == 1 ? "is" : "are") not UTF-8, "
            + "in a file that is otherwise UTF-8; "
            + "nothing is replaced silently: re-export the file as UTF-8 (or give its encoding)")
      case .nul:
        if options.nulBytes == .error {
          throw CSVError(
            code: .nulByte, path: path, line: at.line, column: at.column, byteOffset: byteOffset,
            message: "a NUL byte (0x00)"
              + (byteOffset.map { " at byte offset \($0)" } ?? "") + " inside the text")
        }
        note(
          DiagnosticCode.nulByte.id, line: at.line, column: at.column,
          message: "a NUL byte (0x00)" + (byteOffset.map { " at byte offset \($0)" } ?? "")
            + " is kept in the field",
          hint: "NUL bytes usually come from a fixed-width or binary export; check the value")
      case .mojibake(let sample):
        let repaired = Mojibake.repair(sample) ?? "?"
        note(
          DiagnosticCode.mojibake.id, line: at.line, column: at.column,
          message: "\"\(sample)\" looks like \"\(repaired)\" encoded twice: UTF-8 text that was "
            + "read as Windows-1252 and saved as UTF-8 again",
          hint: "ask for a fresh UTF-8 export, or undo it with "
            + "`iconv -f utf-8 -t windows-1252 FILE > FIXED.csv`; Mojibake.repair(_:) does the "
            + "same per value", value: sample)
      }
    }
  }

  private func finish() {
    finished = true
    for (code, count) in diagnosticCounts.sorted(by: { $0.key < $1.key })
    where count > options.maxDiagnosticsPerCode {
      diagnostics.append(
        Diagnostic(
          code: code, severity: .warning, location: SourceLocation(file: path),
          message: "\(count - options.maxDiagnosticsPerCode) more \(code) warnings are not listed"))
    }
    if validator.nulCount > validator.maxNULEvents {
      diagnostics.append(
        Diagnostic(
          code: DiagnosticCode.nulByte.id, severity: .warning, location: SourceLocation(file: path),
          message: "the file holds \(validator.nulCount) NUL bytes in all"))
    }
    if validator.mojibakeCount > 1 {
      diagnostics.append(
        Diagnostic(
          code: DiagnosticCode.mojibake.id, severity: .warning,
          location: SourceLocation(file: path),
          message: "\(validator.mojibakeCount) doubly encoded characters in all"))
    }
    detection.encoding = encoding
    if let fallback = validator.fellBackAt {
      detection.encodingReason +=
        "; but \(hexByte(fallback.byte)) at byte offset \(fallback.offset) is not UTF-8 and no "
        + "multi-byte UTF-8 came before it: single-byte Western text"
        + (validator.sawC1
          ? "; bytes 0x80–0x9F occur (first at byte offset \(validator.firstC1)), which only "
            + "Windows-1252 prints" : "")
    } else if declaredEncoding == .iso88591 && validator.sawC1 {
      detection.encodingReason +=
        "; later a byte 0x80–0x9F occurs (byte offset \(validator.firstC1)), which only "
        + "Windows-1252 prints"
    }
  }

  private func note(
    _ code: String, line: Int, column: Int? = nil, row: Int? = nil, message: String,
    hint: String? = nil, value: String? = nil
  ) {
    let count = (diagnosticCounts[code] ?? 0) + 1
    diagnosticCounts[code] = count
    guard count <= options.maxDiagnosticsPerCode else { return }
    var location = SourceLocation.text(path, line: line, column: column)
    if let row {
      location.sheet = worksheetName
      location.row = row
    }
    diagnostics.append(
      Diagnostic(
        code: code, severity: .warning, location: location, message: message, hint: hint,
        value: value))
  }

  /// The 1-based line and character column of a buffer offset inside the record starting at
  /// `recordStart` on `recordLine`.
  private func position(of offset: Int, recordStart: Int, recordLine: Int) -> (
    line: Int, column: Int
  ) {
    var line = recordLine
    var lineStart = recordStart
    var i = recordStart
    while i < offset && i < end {
      let b = buffer[i]
      if b == 0x0A || (b == 0x0D && !(i + 1 < end && buffer[i + 1] == 0x0A)) {
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    var column = 1
    var k = lineStart
    let single = validator.isSingleByte
    while k < offset && k < end {
      if single || buffer[k] & 0xC0 != 0x80 { column += 1 }
      k += 1
    }
    return (line, column)
  }

  // MARK: Helpers for opening

  private static func optionByte(_ c: Character?, _ what: String, path: String) throws -> UInt8? {
    guard let c else { return nil }
    guard let byte = c.asciiByte, byte != 0x0A, byte != 0x0D, byte != 0 else {
      throw CSVError(
        code: .invalidOption, path: path,
        message: "the \(what) \"\(c)\" is not a single ASCII character other than CR, LF or NUL")
    }
    return byte
  }

  /// Excel's `sep=X` hint on the first line: the delimiter and where the next line starts.
  static func excelSeparatorLine(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> (
    delimiter: UInt8, next: Int
  )? {
    guard end - from >= 5 else { return nil }
    let word = [base[from], base[from + 1], base[from + 2], base[from + 3]].map { $0 | 0x20 }
    guard
      word == [0x73, 0x65, 0x70, 0x3D]
        || (base[from + 3] == 0x3D && word[0..<3] == [0x73, 0x65, 0x70])
    else {
      return nil
    }
    let d = base[from + 4]
    guard d >= 0x20 || d == 0x09, d < 0x7F, d != 0x22 else { return nil }
    var p = from + 5
    while p < end && (base[p] == 0x20) { p += 1 }
    if p == end { return (d, p) }
    if base[p] == 0x0A { return (d, p + 1) }
    if base[p] == 0x0D { return (d, p + 1 < end && base[p + 1] == 0x0A ? p + 2 : p + 1) }
    return nil
  }

  static func delimiterSentence(
    chosen: CSVDetection.DelimiterCandidate, candidates: [CSVDetection.DelimiterCandidate],
    found: Bool
  ) -> String {
    guard found else {
      return "no candidate (`,` `;` tab `|` `:`) splits the records into the same number of "
        + "fields, so each record is one field and `,` is assumed"
    }
    let name = CSVDetection.display(chosen.delimiter)
    var text: String
    if chosen.matchingRecords == chosen.tableRecords {
      text =
        "\(name) splits all \(grouped(chosen.matchingRecords)) sampled records of the table "
        + "into \(chosen.fieldCount) fields"
    } else {
      text =
        "\(name) splits \(grouped(chosen.matchingRecords)) of \(grouped(chosen.tableRecords)) "
        + "sampled records of the table into \(chosen.fieldCount) fields"
    }
    if let first = chosen.firstMatchingRecord, first > 1,
      chosen.sampledRecords > chosen.tableRecords
    {
      let above = chosen.sampledRecords - chosen.tableRecords
      text +=
        " (from record \(first); \(above) title line\(above == 1 ? "" : "s") above it do\(above == 1 ? "es" : "") not vote)"
    }
    let others = candidates.filter { $0.delimiter != chosen.delimiter && $0.score > 0 }
    if !others.isEmpty {
      text +=
        "; "
        + others.map { o in
          "\(CSVDetection.display(o.delimiter)) gives \(o.fieldCount) fields in only "
            + "\(grouped(o.matchingRecords)) of \(grouped(o.tableRecords))"
        }.joined(separator: ", ")
    }
    return text
  }
}
