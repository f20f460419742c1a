import Spreadsheet
import Testing

@testable import CSV

@Suite struct MojibakeTests {
  @Test func doublyEncodedTextIsReportedWithTheFix() throws {
    let path = csvFixture("mojibake.csv")
    let result = try CSVReader.readResult(path: path)
    let first = try #require(result.diagnostics.first)
    #expect(first.code == "mojibake")
    #expect(first.location == .text(path, line: 1, column: 9))
    #expect(first.message.contains("\"Ã¤\" looks like \"ä\""))
    #expect(first.hint?.contains("iconv -f utf-8 -t windows-1252") == true)
    #expect(result.diagnostics.last?.message.contains("in all") == true)
  }

  @Test(
    arguments: [
      ("GÃ¶teborg", "Göteborg"), ("VÃ¤stra GÃ¶talands lÃ¤n", "Västra Götalands län"),
      ("Ã…re", "Åre"), ("â€“", "–"),
    ])
  func repairs(broken: String, fixed: String) {
    #expect(Mojibake.repair(broken) == fixed)
  }

  @Test func cleanTextIsNotRepaired() {
    #expect(Mojibake.repair("Göteborg") == nil)
    #expect(Mojibake.repair("plain") == nil)
    #expect(Mojibake.repair("Łódź") == nil)
  }
}
