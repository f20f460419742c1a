import Foundation
public import Spreadsheet

/// A whole CSV file read into a workbook, with what was detected and the warnings.
public struct CSVReadResult: Sendable {
  /// One worksheet named after the file (its name without the extension); every non-empty
  /// field is a `.string` cell holding the raw field text (typing is the mapping's job); row
  /// numbers are record numbers and `Row.line` the line each record starts on.
  public var workbook: Workbook
  /// The encoding and dialect, and why.
  public var detection: CSVDetection
  /// Warnings: `ragged-row`, `nul-byte`, `stray-quote`, `mojibake`.
  public var diagnostics: [Diagnostic]
  /// Records read, blank ones included (skipped ragged records excluded).
  public var recordCount: Int
}

/// Reads delimited text: CSV, TSV, the semicolon files of a Swedish Excel, Skolverket and
/// Kolada exports.
///
/// Detects the encoding (byte-order mark; UTF-16/32 from the NUL pattern; UTF-8; otherwise
/// single-byte Western, named `windows-1252` only when a byte 0x80–0x9F occurs) and the
/// dialect (delimiter among `,` `;` tab `|` `:`, Excel's `sep=` line, quote character,
/// escape style), then splits the records as RFC 4180 and Python's `csv` module do. See
/// `docs/csv.md`.
///
/// ```swift
/// let workbook = try CSVReader.read(path: "Grundskola - Kostnader per kommun 2024 Kommun.csv")
/// let sheet = workbook.worksheets[0]          // one worksheet, named after the file
/// print(workbook.textLayout?.encoding ?? "")  // "utf-8-sig"
/// ```
public enum CSVReader {
  /// Reads a whole file into a one-sheet workbook whose `textLayout` gives the detected
  /// encoding and delimiter.
  ///
  /// - Parameters:
  ///   - path: the file, as the user gave it.
  ///   - options: overrides and policies.
  /// - Returns: the workbook; see ``CSVReadResult/workbook``.
  /// - Throws: ``CSVError``: `file-not-found`, `unreadable-file`, `file-too-large`,
  ///   `binary-file`, `invalid-option`, `invalid-utf8`, `invalid-utf16`, `invalid-utf32`,
  ///   `invalid-shift-jis`, `unterminated-quote`, `nul-byte`, `ragged-row`, `record-too-large`, `too-many-fields`.
  public static func read(path: String, options: CSVReadOptions = .init()) throws -> Workbook {
    try readResult(path: path, options: options).workbook
  }

  /// Reads a whole file into a workbook, and returns the detection and the warnings too.
  ///
  /// - Throws: as ``read(path:options:)``.
  public static func readResult(path: String, options: CSVReadOptions = .init()) throws
    -> CSVReadResult
  {
    let stream = try CSVRecordStream(path: path, options: options)
    if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber,
      size.intValue > options.maxFileBytes
    {
      throw CSVError(
        code: .fileTooLarge, path: path,
        message:
          "the file is \(size.intValue) bytes, more than the \(formatBytes(options.maxFileBytes)) "
          + "a workbook holds; stream it record by record instead")
    }
    var rows: [Row] = []
    try stream.forEachRecord { record in
      var cells: [Cell] = []
      for i in 0..<record.count where !record.isEmpty(i) {
        cells.append(Cell(column: i + 1, value: .string(record.string(i))))
      }
      if !cells.isEmpty {
        rows.append(Row(number: record.number, cells: cells, line: record.line))
      }
    }
    let detection = stream.detection
    let workbook = Workbook(
      path: path, format: .csv,
      worksheets: [Worksheet(name: stream.worksheetName, rows: rows)],
      textLayout: Workbook.TextLayout(
        encoding: detection.encoding.name, delimiter: String(detection.delimiter)))
    return CSVReadResult(
      workbook: workbook, detection: detection, diagnostics: stream.diagnostics,
      recordCount: stream.recordCount)
  }

  /// Says what was detected in a file and why: encoding, delimiter, quote and escape style,
  /// `sep=` line, line endings, trailing delimiter, title lines, the likely header, number
  /// notation, then the whole-file counts and warnings.
  ///
  /// A file that cannot be read to the end still gets its detection explained, followed by
  /// the error.
  ///
  /// - Returns: lines of text ending in a newline.
  /// - Throws: ``CSVError`` when the file cannot be opened or its encoding cannot be
  ///   detected (`file-not-found`, `unreadable-file`, `binary-file`, `invalid-option`).
  public static func explain(path: String, options: CSVReadOptions = .init()) throws -> String {
    let stream = try CSVRecordStream(path: path, options: options)
    var failure: (any Error)?
    do {
      try stream.drain()
    } catch {
      failure = error
    }
    return CSVExplanation.render(stream: stream, failure: failure)
  }
}
