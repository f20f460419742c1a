public import Spreadsheet

/// Options for reading a workbook.
public struct XLSXReadOptions: Sendable {
  /// Creates the default options.
  public init() {}
}

/// Reads Office Open XML workbooks (`.xlsx`, `.xlsm`).
public enum XLSXReader {
  /// Reads a whole workbook into memory.
  ///
  /// - Parameters:
  ///   - path: the file path, as the user gave it.
  ///   - options: limits and switches.
  /// - Returns: the workbook with every worksheet.
  /// - Throws: ``XLSXError``.
  public static func read(path: String, options: XLSXReadOptions = .init()) throws -> Workbook {
    throw XLSXError(code: .notImplemented, path: path, message: "the XLSX reader is not built yet")
  }
}
