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

  /// A file of many batches and several read buffers: `count` records of a Swedish export
  /// (`;`, decimal comma, CR LF), with quoted fields holding `;`, doubled quotes and line
  /// breaks, in Windows-1252 or UTF-8.
  func largeExport(count: Int, windows1252: Bool) -> [UInt8] {
    var text = "Kommun;Värde;Datum;Klar;Anteckning\r\n"
    for i in 1...count {
      let day = i % 28 + 1
      text +=
        "Kommun \(i) län;\(i),5;2026-02-\(day < 10 ? "0" : "")\(day);\(i % 2 == 0 ? "SANT" : "FALSKT");"
        + (i % 3 == 0 ? "\"säger \"\"\(i)\"\"; rad\nny rad\"" : "-\(i)") + "\r\n"
    }
    if !windows1252 { return Array(text.utf8) }
    return text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
  }

  @Test(arguments: [true, false])
  func manyBatchesArriveInOrderAndTypedAsOnOneThread(windows1252: Bool) throws {
    let count = 60_000
    let path = try temporaryFile(largeExport(count: count, windows1252: windows1252))
    defer { removeTemporary(path) }
    let stream = try CSVRecordStream(path: path)
    #expect(stream.encoding == (windows1252 ? .iso88591 : .utf8))
    var seen = 0
    var problems: [String] = []
    var line = 1
    try stream.forEachTypedRecord { record in
      seen += 1
      let i = record.number - 1
      if record.line != line { problems.append("record \(record.number) on line \(record.line)") }
      line += i % 3 == 0 && i > 0 ? 2 : 1
      guard i > 0 else { return }
      let day = i % 28 + 1
      var expected: [CSVScalar] = [
        .number(Double(i) + 0.5), .date(CivilDateTime(year: 2026, month: 2, day: day)),
        .boolean(i % 2 == 0),
      ]
      if i % 3 != 0 { expected.append(.number(-Double(i))) }
      let values = Array(record.values)
      guard values.count == 5, case .text(let name) = values[0],
        record.string(name) == "Kommun \(i) län",
        Array(values[1..<(i % 3 == 0 ? 4 : 5)]) == expected
      else {
        problems.append("record \(record.number): \(values)")
        return
      }
      if i % 3 == 0 {
        guard case .text(let note) = values[4], record.string(note) == "säger \"\(i)\"; rad\nny rad"
        else {
          problems.append("record \(record.number) note: \(values[4])")
          return
        }
      }
    }
    #expect(seen == count + 1)
    #expect(problems.prefix(5) == [])
  }

  @Test func anErrorAfterManyBatchesComesAfterEveryRecordBeforeIt() throws {
    var bytes = largeExport(count: 30_000, windows1252: false)
    bytes += Array("Kommun x;1;2;3;\"aldrig stängd\r\n".utf8)
    let path = try temporaryFile(bytes)
    defer { removeTemporary(path) }
    let stream = try CSVRecordStream(path: path)
    var seen = 0
    var lastNumber = 0
    let error = #expect(throws: CSVError.self) {
      try stream.forEachTypedRecord { record in
        seen += 1
        lastNumber = record.number
      }
    }
    #expect(error?.code == "unterminated-quote")
    #expect(seen == 30_001)
    #expect(lastNumber == 30_001)
  }
}
