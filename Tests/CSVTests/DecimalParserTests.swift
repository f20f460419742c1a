import Foundation
import Testing

@testable import CSV

@Suite struct DecimalParserTests {
  func parse(_ text: String, decimal: UInt8 = 0x2E) -> Double? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return nil }
      return DecimalParser.parse(base, buffer.count, decimal: decimal)
    }
  }

  @Test func thePowerTableMatchesPublishedEntries() {
    // Go's strconv table (rounded-down 128-bit mantissas): 1e43 and the first entry, 1e-348.
    let at43 = (43 - PowersOfTen.minExponent) * 2
    #expect(PowersOfTen.table[at43 + 1] == 0xE596_B7B0_C643_C719)
    #expect(PowersOfTen.table[at43] == 0x6D9C_CD05_D000_0000)
    #expect(PowersOfTen.table[1] == 0xFA8F_D5A0_081C_0288)
    #expect(PowersOfTen.table[0] == 0x1732_C869_CD60_E453)
    let at0 = (0 - PowersOfTen.minExponent) * 2
    #expect(PowersOfTen.table[at0 + 1] == 0x8000_0000_0000_0000 && PowersOfTen.table[at0] == 0)
  }

  @Test(
    arguments: [
      ("0", 0.0), ("-0", -0.0), ("42", 42), ("-2814", -2814), ("+5", 5), ("81165.04", 81165.04),
      ("175.08142105268598", 175.08142105268598), ("0.33380776779489085", 0.33380776779489085),
      ("1e-5", 1e-5), ("2.5E+3", 2500), (".5", 0.5), ("5.", 5), ("000123", 123),
      ("1.7976931348623157e308", 1.7976931348623157e308),
      ("4.9e-324", Double.leastNonzeroMagnitude),
      ("123456789012345678901234567890", 123456789012345678901234567890.0),
      ("0.1000000000000000055511151231257827", 0.1),
    ])
  func parsesLikeStrtod(text: String, expected: Double) {
    let value = parse(text)
    #expect(value == expected)
    #expect(value?.sign == expected.sign)
  }

  @Test func decimalComma() {
    #expect(parse("86,4", decimal: 0x2C) == 86.4)
    #expect(parse("-12,5", decimal: 0x2C) == -12.5)
    #expect(parse("86.4", decimal: 0x2C) == nil)
  }

  @Test(arguments: ["", "-", "+", ".", "1e", "1e+", "12a", "1 234", "1.2.3", "e5", "1e400", "--1"])
  func rejects(text: String) {
    #expect(parse(text) == nil)
  }

  @Test func randomDecimalsRoundLikeTheCLibrary() {
    var generator = SystemRandomNumberGenerator()
    var mismatches: [String] = []
    for _ in 0..<100_000 {
      let digits = Int.random(in: 1...24, using: &generator)
      var text = Int.random(in: 0...3, using: &generator) == 0 ? "-" : ""
      var mantissa = ""
      for k in 0..<digits {
        mantissa.append(
          Character(String(Int.random(in: k == 0 ? 1...9 : 0...9, using: &generator))))
      }
      let point = Int.random(in: 0...digits, using: &generator)
      if point < digits {
        let index = mantissa.index(mantissa.startIndex, offsetBy: point)
        mantissa.insert(".", at: index)
        if point == 0 { mantissa = "0" + mantissa }
      }
      text += mantissa
      if Int.random(in: 0...2, using: &generator) == 0 {
        text += "e" + String(Int.random(in: -330...310, using: &generator))
      }
      guard let expected = Double(text), expected.isFinite else { continue }
      if parse(text) != expected { mismatches.append(text) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }
}
