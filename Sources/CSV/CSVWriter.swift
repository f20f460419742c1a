import Foundation
public import Spreadsheet

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes delimited text in a ``CSVDialect``, record by record, with constant memory.
///
/// Output goes to a temporary file beside the target (`.NAME.XXXX.tmp`) that is renamed over
/// the target by ``close()``; an error, a writer dropped without `close()` or a crash leaves
/// the target as it was and no half-written file under its name.
///
/// Values are written in the dialect's notation: numbers in shortest round-trip form with the
/// dialect's decimal separator (`-12,5` in `excel-sv`), never guarded, so they stay numbers;
/// booleans as `TRUE`/`FALSE` or `SANT`/`FALSKT`; dates as ISO 8601; text with the formula
/// guard (``FormulaGuard``) and quoted when it holds the delimiter, a quote, CR or LF.
///
/// ```swift
/// try CSVWriter.write(sheet, to: "export.csv", dialect: .excelSwedish)
/// ```
public final class CSVWriter {
  /// The target path.
  public let path: String
  /// The dialect.
  public let dialect: CSVDialect
  private let temporaryPath: String
  private let handle: FileHandle
  private var pending: [UInt8] = []
  private var closed = false
  private var rowNumber = 0
  private let delimiter: UInt8
  private let quote: UInt8

  /// Creates the temporary file beside `path` and writes the byte-order mark, if any.
  ///
  /// - Throws: ``CSVError`` `invalid-option` (a delimiter or quote that is not one ASCII
  ///   character, or an encoding other than UTF-8 or Windows-1252), `write-failed`.
  public init(path: String, dialect: CSVDialect) throws {
    guard let delimiter = dialect.delimiter.asciiByte, let quote = dialect.quote.asciiByte,
      delimiter != quote, delimiter != 0x0A, delimiter != 0x0D
    else {
      throw CSVError(
        code: .invalidOption, path: path,
        message: "the dialect '\(dialect.name)' needs a delimiter and a quote that are two "
          + "different ASCII characters other than CR and LF")
    }
    guard [.utf8, .utf8WithBOM, .windows1252].contains(dialect.encoding) else {
      throw CSVError(
        code: .invalidOption, path: path,
        message: "the writer writes UTF-8 or Windows-1252, not \(dialect.encoding.name)")
    }
    self.path = path
    self.dialect = dialect
    self.delimiter = delimiter
    self.quote = quote
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    temporaryPath =
      folder.appendingPathComponent(
        ".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
      ).path
    guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporaryPath)
    else {
      throw CSVError(
        code: .writeFailed, path: path,
        message:
          "cannot create a file in \(folder.path) (does the folder exist, may it be written?)")
    }
    self.handle = handle
    pending.reserveCapacity(1 << 16)
    pending += dialect.encoding.byteOrderMark
  }

  deinit {
    if !closed {
      try? handle.close()
      try? FileManager.default.removeItem(atPath: temporaryPath)
    }
  }

  /// Writes one record: `values[i]` is column `i + 1`; `nil` is an empty field.
  ///
  /// - Throws: ``CSVError`` `unrepresentable-character` (Windows-1252), `write-failed`.
  public func writeRow(_ values: [CellValue?]) throws {
    rowNumber += 1
    for (index, value) in values.enumerated() {
      if index > 0 { pending.append(delimiter) }
      guard let value else { continue }
      let text = dialect.text(for: value)
      try append(
        text, quoted: needsQuotes(text, first: index == 0 && rowNumber == 1), column: index + 1)
    }
    pending += dialect.lineEnding.bytes
    if pending.count >= 1 << 16 { try flush() }
  }

  /// Writes the rest, closes the temporary file and renames it over the target.
  ///
  /// - Throws: ``CSVError`` `write-failed`.
  public func close() throws {
    guard !closed else { return }
    do {
      try flush()
      try handle.synchronize()
      try handle.close()
    } catch {
      closed = true
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw CSVError(
        code: .writeFailed, path: path, message: "writing failed: \(error.localizedDescription)",
        underlying: error)
    }
    closed = true
    if rename(temporaryPath, path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw CSVError(
        code: .writeFailed, path: path,
        message: "cannot move the finished file into place: \(reason)")
    }
  }

  /// Writes a worksheet: every row from 1 to the last, every record as wide as the widest
  /// row (missing cells and rows are empty fields), then closes.
  ///
  /// - Throws: as ``writeRow(_:)`` and ``close()``; the target is untouched on error.
  public static func write(_ sheet: Worksheet, to path: String, dialect: CSVDialect = .rfc4180)
    throws
  {
    let writer = try CSVWriter(path: path, dialect: dialect)
    try writer.write(sheet)
    try writer.close()
  }

  /// The bytes ``write(_:to:dialect:)`` would write.
  ///
  /// - Throws: ``CSVError`` `unrepresentable-character`.
  public static func bytes(_ sheet: Worksheet, dialect: CSVDialect = .rfc4180) throws -> [UInt8] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redthread-csv-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(sheet.name + ".csv").path
    try write(sheet, to: path, dialect: dialect)
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  private func write(_ sheet: Worksheet) throws {
    let width = sheet.rows.reduce(0) { max($0, $1.cells.last?.column ?? 0) }
    var next = 1
    for row in sheet.rows {
      while next < row.number {
        try writeRow([CellValue?](repeating: nil, count: width))
        next += 1
      }
      var values = [CellValue?](repeating: nil, count: width)
      for cell in row.cells where cell.column >= 1 && cell.column <= width {
        values[cell.column - 1] = cell.value
      }
      try writeRow(values)
      next = row.number + 1
    }
  }

  private func needsQuotes(_ text: String, first: Bool) -> Bool {
    for byte in text.utf8
    where byte == delimiter || byte == quote || byte == 0x0A || byte == 0x0D {
      return true
    }
    // A first field `sep=…` would read as Excel's separator line.
    return first && text.lowercased().hasPrefix("sep=")
  }

  private func append(_ text: String, quoted: Bool, column: Int) throws {
    if quoted { pending.append(quote) }
    switch dialect.encoding {
    case .windows1252:
      for scalar in text.unicodeScalars {
        guard let byte = Windows1252.byte(for: scalar) else {
          let code = String(scalar.value, radix: 16, uppercase: true)
          throw CSVError(
            code: .unrepresentableCharacter,
            location: SourceLocation(
              file: path, cell: CellReference(row: rowNumber, column: column), line: rowNumber),
            message:
              "\"\(scalar)\" (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)) "
              + "in \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\" has no "
              + "Windows-1252 byte; write UTF-8 (excel-sv) instead")
        }
        if byte == quote && quoted { pending.append(quote) }
        pending.append(byte)
      }
    default:
      for byte in text.utf8 {
        if byte == quote && quoted { pending.append(quote) }
        pending.append(byte)
      }
    }
    if quoted { pending.append(quote) }
  }

  private func flush() throws {
    guard !pending.isEmpty else { return }
    do {
      try handle.write(contentsOf: Data(pending))
    } catch {
      throw CSVError(
        code: .writeFailed, path: path, message: "writing failed: \(error.localizedDescription)",
        underlying: error)
    }
    pending.removeAll(keepingCapacity: true)
  }
}

extension CSVError {
  /// An error at a position given as a location.
  init(code: Code, location: SourceLocation, message: String) {
    self.init(code: code, path: location.file, message: message)
    self.location = location
  }
}

extension CSVDialect {
  /// The text a value is written as, before quoting: numbers in this dialect's notation,
  /// booleans, ISO dates, durations as `h:mm:ss`, text with the formula guard when on.
  public func text(for value: CellValue) -> String {
    switch value {
    case .string(let s): return formulaGuard ? FormulaGuard.apply(s) : s
    case .number(let x): return format(x)
    case .bool(let b): return b ? trueText : falseText
    case .dateTime(let d):
      return d.isMidnight ? d.isoDate : d.isoDate + String(dateTimeSeparator) + d.isoTime
    case .duration(let seconds):
      let total = Int(seconds.rounded())
      let sign = total < 0 ? "-" : ""
      let t = abs(total)
      return sign + "\(t / 3600):" + padded((t / 60) % 60, 2) + ":"
        + padded(t % 60, 2)
    case .error(let e): return e
    }
  }

  /// A number in this dialect's notation: the shortest digits that read back to the same
  /// Double, positional from 1e-7 to 1e21 (`0,000125`, `1250000`), else `1,5E+25`.
  public func format(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-Infinity" : "Infinity") }
    if x == 0 { return "0" }
    let decimal = String(decimalSeparator)
    if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
    var text = abs(x).description
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      text = String(text[..<e])
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let integer = parts.first.map(String.init) ?? ""
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    var digits = Array(integer + fraction)
    var point = integer.count + exponent
    while digits.count > 1 && digits.first == "0" {
      digits.removeFirst()
      point -= 1
    }
    while digits.count > 1 && digits.last == "0" && digits.count > point { digits.removeLast() }
    let sign = x < 0 ? "-" : ""
    if point > -7 && point <= 21 {
      if point <= 0 {
        return sign + "0" + decimal + String(repeating: "0", count: -point) + String(digits)
      }
      if point >= digits.count {
        return sign + String(digits) + String(repeating: "0", count: point - digits.count)
      }
      return sign + String(digits[..<point]) + decimal + String(digits[point...])
    }
    let rest = digits.count > 1 ? decimal + String(digits[1...]) : ""
    let e = point - 1
    return sign + String(digits[0]) + rest + "E" + (e < 0 ? "-" : "+")
      + padded(abs(e), 2)
  }
}

/// `7` → `07` for `width` 2.
func padded(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return digits.count >= width
    ? digits : String(repeating: "0", count: width - digits.count) + digits
}
