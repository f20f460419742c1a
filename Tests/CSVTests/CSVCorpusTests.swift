import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import CSV

/// Reads every CSV file of the shared corpus and compares the cells with the oracle (Python's
/// `csv` module), as `corpus-check --only csv` does. Skipped where `../shared` is absent.
@Suite(.enabled(if: Fixture.shared != nil)) struct CSVCorpusTests {
  /// Files refused on purpose, with the code: the oracle reads them by replacing a broken
  /// byte and by taking an unclosed quote to the end of the file.
  static let refusals = [
    "csv/duckdb/invalid_utf.csv": "invalid-utf8",
    "csv/duckdb/unterminated.csv": "unterminated-quote",
  ]

  @Test func everyCorpusFileAgreesWithTheOracleOrIsRefusedByName() throws {
    let shared = try #require(Fixture.shared)
    let corpus = shared.appendingPathComponent("corpus")
    let oracles = try FileManager.default.subpathsOfDirectory(
      atPath: corpus.appendingPathComponent("oracle/csv").path
    ).filter { $0.hasSuffix(".json") }.sorted()
    #expect(oracles.count >= 90)
    var agreeing = 0
    for name in oracles {
      let data = try Data(contentsOf: corpus.appendingPathComponent("oracle/csv/" + name))
      let oracle = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      let file = try #require(oracle["file"] as? String)
      let path = corpus.appendingPathComponent(file).path
      if let code = Self.refusals[file] {
        let error = csvError { _ = try CSVReader.read(path: path) }
        #expect(error?.code == code, "\(file)")
        continue
      }
      let workbook = try CSVReader.read(path: path)
      var expected: [String: String] = [:]
      for (r, row) in ((oracle["rows"] as? [[String]]) ?? []).enumerated() where r < 200 {
        for (c, value) in row.enumerated() where c < 50 && !value.isEmpty {
          expected[CellReference.columnLetters(c + 1) + String(r + 1)] = value
        }
      }
      let got = cellMap(workbook).filter { key, _ in
        guard let reference = CellReference(key) else { return false }
        return reference.row <= 200 && reference.column <= 50
      }
      let dialect = oracle["dialect"] as? [String: Any]
      let delimiter = dialect?["delimiter"] as? String
      #expect(got == expected, "\(file)")
      #expect(delimiter == nil || workbook.textLayout?.delimiter == delimiter, "\(file)")
      if got == expected { agreeing += 1 }
    }
    #expect(agreeing + Self.refusals.count == oracles.count)
  }
}
