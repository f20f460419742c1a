import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// The path of a fixture under `Tests/Fixtures/xlsx/`.
func xlsxFixture(_ relativePath: String) -> String {
  Fixture.url("xlsx/" + relativePath).path
}

/// Reads a fixture whole.
func readFixture(_ relativePath: String) throws -> Workbook {
  try XLSXReader.read(path: xlsxFixture(relativePath))
}

/// The error code a read of `path` ends with, or `nil` when it succeeds.
func readErrorCode(_ path: String, options: XLSXReadOptions = .init()) -> XLSXError.Code? {
  do {
    _ = try XLSXReader.read(path: path, options: options)
    return nil
  } catch let error as XLSXError {
    return error.kind
  } catch {
    Issue.record("not an XLSXError: \(error)")
    return nil
  }
}

/// The error a read of `path` throws.
func readError(_ path: String, options: XLSXReadOptions = .init()) -> XLSXError? {
  do {
    _ = try XLSXReader.read(path: path, options: options)
    return nil
  } catch {
    return error as? XLSXError
  }
}

extension Workbook {
  /// The value at an A1 reference of the named sheet.
  func value(_ sheet: String, _ a1: String) -> CellValue? {
    guard let ws = worksheet(named: sheet), let ref = CellReference(a1) else { return nil }
    return ws.cell(at: ref)?.value
  }

  /// The cell at an A1 reference of the named sheet.
  func cell(_ sheet: String, _ a1: String) -> Cell? {
    guard let ws = worksheet(named: sheet), let ref = CellReference(a1) else { return nil }
    return ws.cell(at: ref)
  }
}

extension CellValue {
  /// The ISO text of a date value (`2026-03-31`, `10:15:00` for a time of day alone,
  /// `2026-03-31T10:15:00`), or `nil`.
  var isoText: String? {
    guard case .dateTime(let d) = self else { return nil }
    if d.serial >= 0 && d.serial < 1 { return d.isoTime }
    return d.description
  }
}
