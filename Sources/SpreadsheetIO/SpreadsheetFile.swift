public import CSV
import Foundation
public import Spreadsheet
public import XLSX

/// Opens any spreadsheet file RedThread reads, choosing the reader from the file's first bytes
/// and its extension.
///
/// Zip archives and Compound File Binary containers (legacy `.xls`, encrypted workbooks) go to
/// the XLSX reader, which names what it cannot read; everything else is read as delimited text.
public enum SpreadsheetFile {
  /// The format chosen for a file.
  public enum Kind: String, Sendable {
    /// A zip or CFB container: read by the XLSX reader.
    case workbook
    /// Delimited text.
    case text
  }

  /// Reads a file into a workbook.
  ///
  /// - Parameters:
  ///   - path: the path as the user gave it (kept in every location).
  ///   - xlsxOptions: options for workbooks.
  ///   - csvOptions: options for delimited text.
  /// - Throws: ``SpreadsheetFileError`` when the file cannot be opened or is an Office lock
  ///   file; ``XLSX/XLSXError`` or ``CSV/CSVError`` from the readers.
  public static func read(
    path: String, xlsxOptions: XLSXReadOptions = .init(), csvOptions: CSVReadOptions = .init()
  ) throws -> Workbook {
    switch try kind(ofFileAt: path) {
    case .workbook: return try XLSXReader.read(path: path, options: xlsxOptions)
    case .text: return try CSVReader.read(path: path, options: csvOptions)
    }
  }

  /// Decides which reader a file needs from its magic bytes, then its extension.
  ///
  /// - Throws: ``SpreadsheetFileError`` (`file-not-found`, `not-a-regular-file`,
  ///   `office-lock-file`).
  public static func kind(ofFileAt path: String) throws -> Kind {
    let name = (path as NSString).lastPathComponent
    if name.hasPrefix("~$") || name.hasPrefix(".~lock.") {
      throw SpreadsheetFileError(
        code: .officeLockFile, path: path,
        message: "'\(name)' is an Office lock file, not a workbook; it disappears when the "
          + "workbook is closed")
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw SpreadsheetFileError(code: .fileNotFound, path: path, message: "no such file")
    }
    if isDirectory.boolValue {
      throw SpreadsheetFileError(
        code: .notARegularFile, path: path, message: "is a folder, not a file")
    }
    let head = try readHead(path: path, count: 8)
    if head.starts(with: [0x50, 0x4B]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      return .workbook
    }
    let ext = (name as NSString).pathExtension.lowercased()
    if ["xlsx", "xlsm", "xltx", "xltm", "xls", "xlsb", "ods"].contains(ext) {
      return .workbook
    }
    return .text
  }

  static func readHead(path: String, count: Int) throws -> [UInt8] {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw SpreadsheetFileError(
        code: .unreadableFile, path: path, message: "the file cannot be opened for reading")
    }
    defer { try? handle.close() }
    let data = (try? handle.read(upToCount: count)) ?? Data()
    return [UInt8](data)
  }
}

/// An error opening a file before any reader sees it.
public struct SpreadsheetFileError: LocatedError {
  /// The kinds of failure.
  public enum Code: Sendable, CaseIterable {
    /// The path does not exist.
    case fileNotFound
    /// The path is a folder or a device.
    case notARegularFile
    /// The file exists but cannot be read (permissions).
    case unreadableFile
    /// `~$name.xlsx` or `.~lock.name#`: Excel's or LibreOffice's lock file.
    case officeLockFile
  }

  /// The kind of failure.
  public var kind: Code
  /// The file.
  public var location: SourceLocation?
  /// What went wrong.
  public var message: String
  /// The stable code.
  public var code: String { kind.rawValue }

  /// Creates an error for a file.
  public init(code: Code, path: String, message: String) {
    kind = code
    location = SourceLocation(file: path)
    self.message = message
  }
}

extension SpreadsheetFileError.Code {
  /// The code's entry in the catalogue of codes.
  public var diagnosticCode: DiagnosticCode {
    switch self {
    case .fileNotFound: return .fileNotFound
    case .notARegularFile: return .notARegularFile
    case .unreadableFile: return .unreadableFile
    case .officeLockFile: return .officeLockFile
    }
  }

  /// The stable kebab-case id (``Diagnostics/DiagnosticCode/id``).
  public var rawValue: String { diagnosticCode.id }
}
