import Testing

@testable import XLSX

/// Text and number forms in worksheet XML (ECMA-376 Part 1 §22.9.2.19 `ST_Xstring`).
@Suite struct WriterEscapingTests {
  func escaped(_ text: String) -> String {
    String(decoding: WriterXML.escaped(text, asAttribute: false), as: UTF8.self)
  }

  @Test(arguments: [
    ("plain text", "plain text"),
    ("a & b < c > d \"q\" 'a'", "a &amp; b &lt; c &gt; d \"q\" 'a'"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("carriage\r\nreturn", "carriage_x000D_\nreturn"),
    ("nul\u{0}bell\u{7}esc\u{1B}", "nul_x0000_bell_x0007_esc_x001B_"),
    ("\u{B}\u{C}\u{1F}", "_x000B__x000C__x001F_"),
    ("literal _x0041_ stays", "literal _x005F_x0041_ stays"),
    ("upper _X00ff_ too", "upper _x005F_X00ff_ too"),
    ("short and long: _x12_ _x12345_", "short and long: _x005F_x12_ _x005F_x12345_"),
    ("not escapes: _x_ _xG1_ _x12 x12_ _", "not escapes: _x_ _xG1_ _x12 x12_ _"),
    ("noncharacters \u{FFFE}\u{FFFF}", "noncharacters _xFFFE__xFFFF_"),
    ("åäö Ω 😀 e\u{301}", "åäö Ω 😀 e\u{301}"),
    ("\u{FEFF}bom and \u{FFFD}", "\u{FEFF}bom and \u{FFFD}"),
  ])
  func elementText(input: String, expected: String) {
    #expect(escaped(input) == expected)
  }

  @Test func attributeText() {
    let text = String(
      decoding: WriterXML.escaped("a\"b&c<d>\t\n\r", asAttribute: true), as: UTF8.self)
    #expect(text == "a&quot;b&amp;c&lt;d&gt;&#9;&#10;&#13;")
  }

  @Test func longTextCrossesBufferBoundaries() throws {
    // Every escape expands 1 byte to 7: the stream must split the work across many flushes.
    let input = String(repeating: "x\u{1}_x0041_&", count: 20_000)
    var chunks = 0
    var out: [UInt8] = []
    let stream = XMLStream(capacity: 4096) { bytes in
      chunks += 1
      out.append(contentsOf: bytes)
    }
    try stream.text(input)
    try stream.flush()
    #expect(chunks > 10)
    let expected = String(repeating: "x_x0001__x005F_x0041_&amp;", count: 20_000)
    #expect(String(decoding: out, as: UTF8.self) == expected)
  }

  @Test(arguments: [
    (42.0, "42"), (-7.0, "-7"), (0.0, "0"), (-0.0, "0"), (0.25, "0.25"), (0.1, "0.1"),
    (86_702.4, "86702.4"), (1e-7, "1e-07"), (123_456_789_012_345.0, "123456789012345"),
    (1e15, "1000000000000000"), (9_007_199_254_740_992, "9007199254740992.0"),
    (1e16, "1e+16"), (2.5e300, "2.5e+300"),
    (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
    (Double.leastNonzeroMagnitude, "5e-324"), (1.0 / 3.0, "0.3333333333333333"),
  ])
  func numbers(value: Double, expected: String) throws {
    var out: [UInt8] = []
    let stream = XMLStream { out.append(contentsOf: $0) }
    try stream.number(value)
    try stream.flush()
    let text = String(decoding: out, as: UTF8.self)
    #expect(text == expected)
    #expect(Double(text) == value)
  }

  @Test func spacePreserve() {
    func check(_ text: String) -> Bool {
      var text = text
      return text.withUTF8 { XMLStream.needsSpacePreserve($0) }
    }
    #expect(check(" lead"))
    #expect(check("trail\n"))
    #expect(check("\ttab"))
    #expect(!check("in side"))
    #expect(!check(""))
  }
}
