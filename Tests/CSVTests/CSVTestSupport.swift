import Foundation
import Spreadsheet
import TestSupport

@testable import CSV

/// The path of a fixture under `Tests/Fixtures/csv`.
func csvFixture(_ name: String) -> String {
  Fixture.url("csv/" + name).path
}

/// A temporary file with the given bytes, removed by the caller with `removeTemporary`.
func temporaryFile(_ bytes: [UInt8], name: String = "t.csv") throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "csv-tests-" + UUID().uuidString)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let url = folder.appendingPathComponent(name)
  try Data(bytes).write(to: url)
  return url.path
}

func removeTemporary(_ path: String) {
  try? FileManager.default.removeItem(
    at: URL(fileURLWithPath: path).deletingLastPathComponent())
}

/// The cells of the only worksheet as `[A1: text]`.
func cellMap(_ workbook: Workbook) -> [String: String] {
  var map: [String: String] = [:]
  for row in workbook.worksheets[0].rows {
    for cell in row.cells {
      map[CellReference.columnLetters(cell.column) + String(row.number)] =
        cell.value.stringValue ?? "?"
    }
  }
  return map
}

/// Every record of a file as field arrays.
func allRecords(_ path: String, options: CSVReadOptions = .init()) throws -> [CSVRecord] {
  let stream = try CSVRecordStream(path: path, options: options)
  var records: [CSVRecord] = []
  while let record = try stream.next() { records.append(record) }
  return records
}

/// The error a throwing call ends with, as a CSVError.
func csvError(_ body: () throws -> Void) -> CSVError? {
  do {
    try body()
    return nil
  } catch let error as CSVError {
    return error
  } catch {
    return nil
  }
}
