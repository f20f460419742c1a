public import Spreadsheet

/// Options for reading delimited text.
public struct CSVReadOptions: Sendable {
  /// Creates the default options (detect encoding and dialect).
  public init() {}
}

/// Reads delimited text (CSV, TSV, semicolon files from a Swedish Excel).
public enum CSVReader {
  /// Reads a whole file into a one-sheet workbook whose `textLayout` gives the detected
  /// encoding and delimiter.
  ///
  /// - Throws: ``CSVError``.
  public static func read(path: String, options: CSVReadOptions = .init()) throws -> Workbook {
    throw CSVError(code: .notImplemented, path: path, message: "the CSV reader is not built yet")
  }

  /// Says what was detected in a file and why (encoding, delimiter, quoting, header).
  ///
  /// - Throws: ``CSVError``.
  public static func explain(path: String, options: CSVReadOptions = .init()) throws -> String {
    throw CSVError(code: .notImplemented, path: path, message: "the CSV reader is not built yet")
  }
}
