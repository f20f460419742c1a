import Foundation
internal import Interop
import Spreadsheet

/// The zip package of a workbook, opened read-only: part look-up by OPC part name, streaming
/// part reads under the caps of ``XLSXReadOptions``, and the translation of zip and XML
/// failures into ``XLSXError`` values that name the file and part.
final class Package {
  let path: String
  let options: XLSXReadOptions
  let archive: ZipArchive
  /// The zip caps in force.
  let limits: ZipLimits
  /// Entries by case-folded part name. For duplicate names the last entry of the central
  /// directory wins, as in Python's zipfile and Rust's zip crate (calamine).
  private var entriesByKey: [String: ZipEntry] = [:]

  /// Opens the file, first telling apart what is not an XLSX package (CFB containers, other
  /// files) so that each gets its own named error.
  init(path: String, options: XLSXReadOptions) throws {
    self.path = path
    self.options = options
    let head = Self.head(path: path, count: 8)
    guard let head else {
      throw XLSXError(
        .unreadableFile, location: SourceLocation(file: path),
        message: "the file cannot be opened for reading")
    }
    if head.isEmpty {
      throw XLSXError(
        .emptyFile, location: SourceLocation(file: path),
        message: "the file is empty (0 bytes); an .xlsx file is a zip archive")
    }
    if head.starts(with: CompoundFile.signature) {
      throw Self.compoundFileError(path: path)
    }
    let limits = ZipLimits(
      maxEntryBytes: options.maxPartBytes, maxTotalBytes: options.maxTotalBytes,
      maxCompressionRatio: options.maxCompressionRatio,
      ratioGraceBytes: options.compressionRatioGraceBytes, maxEntries: options.maxParts)
    self.limits = limits
    do {
      archive = try ZipArchive(path: path, limits: limits)
    } catch let error as ZipError {
      if error.kind == .notAZip {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
          if let trailing = Self.trailingBytes(path: path) {
            throw XLSXError(
              .trailingData, location: SourceLocation(file: path),
              message: "the zip archive ends at byte \(trailing.archiveEnd), but the file goes on "
                + "for \(trailing.extra) more bytes that are not part of it"
                + (trailing.allZero ? " (all zero bytes)" : ""),
              underlying: error)
          }
          throw XLSXError(
            .truncatedZip, location: SourceLocation(file: path),
            message: "the file starts as a zip archive but its central directory is missing: "
              + "the file is truncated (\(error.message))",
            underlying: error)
        }
        throw XLSXError(
          .notAZip, location: SourceLocation(file: path),
          message: "the file is not a zip archive (first bytes: "
            + head.prefix(4).map { String(format: "%02X", $0) }.joined(separator: " ")
            + "); an .xlsx file is a zip archive",
          underlying: error)
      }
      throw Self.translate(error, path: path, part: nil)
    }
    for entry in archive.entries where !entry.isDirectory {
      entriesByKey[PartName(entry.name).key] = entry
    }
  }

  static func head(path: String, count: Int) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    do {
      // `read(upToCount:)` returns nil at the end of the file: an empty file.
      guard let data = try handle.read(upToCount: count) else { return [] }
      return [UInt8](data)
    } catch {
      return nil
    }
  }

  /// When libzip finds no end record: looks for one in the last 16 MiB of the file, with its
  /// comment ending before the end of the file. Returns where the archive ends and how many
  /// bytes follow it.
  static func trailingBytes(path: String) -> (archiveEnd: Int, extra: Int, allZero: Bool)? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let size = try? handle.seekToEnd(), size > 22 else { return nil }
    let window = min(Int(size), 16 << 20)
    let start = Int(size) - window
    guard (try? handle.seek(toOffset: UInt64(start))) != nil,
      let data = try? handle.read(upToCount: window)
    else { return nil }
    let bytes = [UInt8](data)
    var i = bytes.count - 22
    while i >= 0 {
      if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 {
        let commentLength = Int(bytes[i + 20]) | Int(bytes[i + 21]) << 8
        let end = i + 22 + commentLength
        if end < bytes.count {
          let extra = bytes.count - end
          return (start + end, extra, bytes[end...].allSatisfy { $0 == 0 })
        }
      }
      i -= 1
    }
    return nil
  }

  static func compoundFileError(path: String) -> XLSXError {
    let names = CompoundFile.directoryNames(path: path) ?? []
    let lower = Set(names.map { $0.lowercased() })
    let location = SourceLocation(file: path)
    if lower.contains("encryptioninfo") || lower.contains("encryptedpackage") {
      return XLSXError(
        .encryptedWorkbook, location: location,
        message: "the workbook is encrypted with a password (a Compound File with "
          + "EncryptionInfo and EncryptedPackage streams)")
    }
    if lower.contains("workbook") || lower.contains("book") {
      return XLSXError(
        .legacyXLS, location: location,
        message: "the file is a legacy Excel 97-2003 workbook (.xls, a Compound File with a "
          + "'\(names.first { ["workbook", "book"].contains($0.lowercased()) } ?? "Workbook")' "
          + "stream); save it as .xlsx")
    }
    let listed = names.prefix(6).map { "'\($0)'" }.joined(separator: ", ")
    return XLSXError(
      .notAWorkbook, location: location,
      message: "the file is a Compound File (legacy Office container) without a workbook or an "
        + "encrypted package; its streams are \(listed.isEmpty ? "unreadable" : listed)")
  }

  /// The entry of a part, or `nil` when the package does not have it.
  func entry(_ part: PartName) -> ZipEntry? {
    entriesByKey[part.key]
  }

  /// Whether the package has an entry with this exact (folded) name.
  func has(_ name: String) -> Bool {
    entriesByKey[PartName(name).key] != nil
  }

  /// Opens a part for streaming.
  func stream(_ part: PartName, sheet: String? = nil) throws -> ZipEntryStream {
    guard let entry = entry(part) else {
      throw XLSXError(
        .missingPart, location: location(sheet: sheet),
        message: "the package has no part '\(part.path)'")
    }
    if entry.isEncrypted {
      throw XLSXError(
        .encryptedWorkbook, location: location(sheet: sheet),
        message: "part '\(part.path)' is encrypted with a zip password")
    }
    do {
      return try archive.open(entry)
    } catch let error as ZipError {
      throw Self.translate(error, path: path, part: part.path, sheet: sheet)
    }
  }

  /// Parses a whole part with a handler and returns the handler's final state.
  func parse<H: XMLContentHandler>(_ part: PartName, handler: H, sheet: String? = nil) throws -> H {
    try parseWithPosition(part, handler: handler, sheet: sheet).handler
  }

  /// Parses a whole part with a handler; returns the handler's final state and the 1-based
  /// line and column where the parse ended (where the handler stopped it, if it did).
  func parseWithPosition<H: XMLContentHandler>(
    _ part: PartName, handler: H, sheet: String? = nil
  ) throws -> (handler: H, line: Int, column: Int) {
    let source = try stream(part, sheet: sheet)
    do {
      let parser = try XMLPushParser(
        source: source, documentName: part.path, handler: handler, limits: xmlLimits)
      try parser.parseToEnd()
      let position = parser.position
      return (parser.handler.pointee, position.line, position.column)
    } catch {
      throw translate(error, part: part.path, sheet: sheet)
    }
  }

  /// The XML caps in force.
  var xmlLimits: XMLParserLimits {
    var limits = XMLParserLimits()
    limits.maxStartTagBytes = options.maxStartTagBytes
    return limits
  }

  func location(sheet: String?) -> SourceLocation {
    SourceLocation(file: path, sheet: sheet)
  }

  /// Translates an Interop error raised while reading `part`.
  func translate(_ error: any Error, part: String, sheet: String?) -> any Error {
    Self.translate(error, path: path, part: part, sheet: sheet)
  }

  static func translate(
    _ error: any Error, path: String, part: String?, sheet: String? = nil
  ) -> any Error {
    let location = SourceLocation(file: path, sheet: sheet)
    if let error = error as? XMLParseError {
      switch error.kind {
      case .doctype:
        return XLSXError(
          .doctypeRefused, location: location, message: error.description, underlying: error)
      case .malformed:
        return XLSXError(
          .malformedXML, location: location, message: error.description, underlying: error)
      case .unsupportedEncoding:
        return XLSXError(
          .unsupportedEncoding, location: location, message: error.description,
          underlying: error)
      case .limitExceeded:
        return XLSXError(
          .xmlLimitExceeded, location: location, message: error.description, underlying: error)
      }
    }
    guard let error = error as? ZipError else { return error }
    let code: XLSXError.Code
    switch error.kind {
    case .notAZip: code = .notAZip
    case .truncated: code = .truncatedZip
    case .corrupt: code = .corruptZip
    case .unreadable: code = .unreadableFile
    case .unsupportedEntry:
      code = error.libzipCode == 24 || error.libzipCode == 26 ? .encryptedWorkbook : .corruptZip
    case .entryTooLarge: code = .partTooLarge
    case .totalTooLarge: code = .workbookTooLarge
    case .compressionRatioTooHigh: code = .compressionRatioExceeded
    case .tooManyEntries: code = .tooManyParts
    }
    return XLSXError(code, location: location, message: error.message, underlying: error)
  }
}
