import Spreadsheet
import Testing

@testable import CSV

@Suite struct CSVTypedRecordTests {
  func typedRows(_ file: String, decimal: Character? = nil) throws -> [[String]] {
    let stream = try CSVRecordStream(path: csvFixture(file))
    var rows: [[String]] = []
    try stream.forEachTypedRecord(decimalSeparator: decimal) { record in
      rows.append(
        record.values.map { value in
          switch value {
          case .empty: return "empty"
          case .number(let x): return "number \(x)"
          case .date(let d): return "date \(d)"
          case .boolean(let b): return "bool \(b)"
          case .text(let range): return "text \(record.string(range))"
          }
        })
    }
    return rows
  }

  @Test func swedishExcelExportIsTypedWithTheDetectedDecimalComma() throws {
    let rows = try typedRows("excel-sv-windows-1252.csv")
    #expect(
      rows[1] == [
        "text Barn- och utbildningsnämnden", "text Andel elever med godkänt i alla ämnen",
        "number 86.4", "number 88.0", "date 2026-03-31", "bool true", "text Ökning – se bilaga",
      ])
    #expect(rows[2][2] == "number -12.5")
    #expect(rows[2][5] == "bool false")
    #expect(rows[2][6] == "text \"Mätt\" i april; preliminärt")
    #expect(rows[3][2] == "text 1 234,5")
    #expect(rows[3][3] == "empty")
  }

  @Test func aGivenDecimalSeparatorWins() throws {
    let rows = try typedRows("excel-sv-windows-1252.csv", decimal: ".")
    #expect(rows[1][2] == "text 86,4")
  }

  @Test func invalidDatesAreText() throws {
    let path = try temporaryFile(Array("d\n2026-02-29\n2024-02-29\n2026-13-01\n".utf8))
    defer { removeTemporary(path) }
    let stream = try CSVRecordStream(path: path)
    var kinds: [String] = []
    try stream.forEachTypedRecord { record in
      if case .date = record.values[0] { kinds.append("date") } else { kinds.append("other") }
    }
    #expect(kinds == ["other", "other", "date", "other"])
  }
}
