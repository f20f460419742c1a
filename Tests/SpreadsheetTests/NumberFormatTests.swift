import Testing

@testable import Spreadsheet

@Suite struct NumberFormatTests {
  @Test(arguments: [
    ("General", NumberFormat.Kind.number), ("0.00", .number), ("#,##0 \"kr\"", .number),
    ("0%", .percent), ("0.0 %", .percent), ("yyyy-mm-dd", .date), ("[$-41D]yyyy-mm-dd", .date),
    ("d mmmm yyyy", .date), ("hh:mm", .time), ("h:mm:ss AM/PM", .time), ("mm:ss", .time),
    ("yyyy-mm-dd hh:mm", .dateTime), ("[h]:mm", .duration), ("[mm]:ss", .duration),
    ("@", .text), ("\"Datum\" 0", .number), ("[Red]0.00", .number), ("0.00E+00", .number),
    ("mmm-yy", .date), ("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", .date),
  ])
  func classifiesCodes(code: String, kind: NumberFormat.Kind) {
    #expect(NumberFormat(id: 164, formatCode: code).kind == kind)
  }

  @Test func builtInDateIds() {
    for id in [14, 15, 16, 17, 22] {
      let code = NumberFormat.builtInCode(id)!
      #expect(NumberFormat(id: id, formatCode: code).isDateOrTime, "id \(id)")
    }
    #expect(NumberFormat(id: 46, formatCode: NumberFormat.builtInCode(46)!).kind == .duration)
    #expect(NumberFormat(id: 9, formatCode: NumberFormat.builtInCode(9)!).kind == .percent)
  }
}
