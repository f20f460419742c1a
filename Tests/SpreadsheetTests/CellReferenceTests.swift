import Testing

@testable import Spreadsheet

@Suite struct CellReferenceTests {
  @Test(arguments: [
    ("A1", 1, 1), ("B7", 7, 2), ("Z10", 10, 26), ("AA1", 1, 27), ("AB3", 3, 28),
    ("XFD1048576", 1_048_576, 16_384), ("$C$5", 5, 3), ("ab12", 12, 28),
  ])
  func parsesA1(text: String, row: Int, column: Int) {
    let ref = CellReference(text)
    #expect(ref == CellReference(row: row, column: column))
  }

  @Test(arguments: ["", "A", "1", "A0", "XFE1", "A1048577", "1A", "A1B", "AAAA1", "A-1"])
  func rejectsInvalid(text: String) {
    #expect(CellReference(text) == nil)
  }

  @Test func columnLettersRoundTrip() {
    for column in [1, 2, 26, 27, 52, 53, 702, 703, 16_384] {
      let letters = CellReference.columnLetters(column)
      #expect(CellReference.columnNumber(letters) == column)
    }
    #expect(CellReference.columnLetters(16_384) == "XFD")
    #expect(CellReference(row: 7, column: 2).a1 == "B7")
  }

  @Test func rangeParsesAndContains() throws {
    let range = try #require(CellRange("B2:D5"))
    #expect(range.rowCount == 4 && range.columnCount == 3)
    #expect(range.contains(CellReference(row: 3, column: 3)))
    #expect(!range.contains(CellReference(row: 6, column: 3)))
    #expect(CellRange("D5:B2") == range)
    #expect(CellRange("C3")?.description == "C3")
  }
}
