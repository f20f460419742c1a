import Foundation
import Interop
import Testing

/// ``XMLPushParser/pushElements(_:)`` delivers exactly the events and errors of libxml2, and
/// reads plain rows itself.
@Suite struct XMLElementScannerTests {
  static let prefix =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"urn:main\" "
    + "xmlns:x=\"urn:main\" xmlns:x14ac=\"urn:ac\" xmlns:r=\"urn:rel\"><sheetData>"
  static let suffix = "</sheetData></worksheet>"

  struct Outcome: Equatable {
    var events: [String]
    var error: String?
    var scanned = 0
  }

  /// Parses `head`, the pieces and the suffix; the pieces through the scanner or straight into
  /// libxml2.
  static func outcome(
    _ pieces: [[UInt8]], scanner: Bool, stopAfter: Int = .max, head: String = prefix
  ) -> Outcome {
    var handler = RecordingHandler(exact: true)
    handler.stopAfter = stopAfter
    var result = Outcome(events: [])
    do {
      let parser = try XMLPushParser(documentName: "sheet.xml", handler: handler)
      defer {
        parser.handler.pointee.flush()
        result.events = parser.handler.pointee.events
        result.scanned = parser.scannedByteCount
      }
      try Array(head.utf8).withUnsafeBufferPointer { try parser.push($0, isFinal: false) }
      for piece in pieces {
        try piece.withUnsafeBufferPointer {
          if scanner { try parser.pushElements($0) } else { try parser.push($0, isFinal: false) }
        }
      }
      try Array(suffix.utf8).withUnsafeBufferPointer { try parser.push($0, isFinal: true) }
    } catch let error as XMLParseError {
      result.error = "\(error.kind) \(error.code)"
    } catch {
      result.error = "\(error)"
    }
    return result
  }

  static func outcome(_ body: [UInt8], scanner: Bool, stopAfter: Int = .max) -> Outcome {
    outcome([body], scanner: scanner, stopAfter: stopAfter)
  }

  /// Bodies the scanner reads itself.
  static let plain: [String] = [
    "<row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" s=\"3\" t=\"s\"><v>12</v></c>"
      + "<c r=\"B1\"><f>SUM(A1:A3)&amp;&quot;x&quot;&lt;&gt;&apos;</f><v>1</v></c></row>",
    "\r\n<row r='2'>\r\n <c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> a\rb\r\nc </t>"
      + "</is></c></row>\n",
    "<row><c t=\"inlineStr\"><is><t>&#233;&#x1F600;&#9;&#13;&#38;&#x26;&#60;</t></is></c></row>",
    "<row><c t=\"inlineStr\"><is><r><rPr><b/><sz val=\"11\"/></rPr><t>Åäö 😀 ☃</t></r>"
      + "<rPh sb=\"0\" eb=\"1\"><t>カ</t></rPh></is></c></row>",
    "<x:row r=\"5\"><x:c r=\"A5\"><x:v>5</x:v></x:c></x:row>",
    "<row r=\"6\" /><row r = \"7\" ><c r=\"A7\"  /></row >",
    "<row r=\"8\"><c r=\"A8\" t=\"str\"><f>A1>2</f><v>a>b ]] ] ]></v></c></row>",
    "<row r=\"9\" x14ac:note=\"é ☃ 😀\" r:id='it\"s'/>",
    "<row r=\"10\"><c r=\"A10\"><v>1</v></c></row><row r=\"11\"><c r=\"A11\"><v>2</v></c></row>",
    "<row r=\"12\" ht=\"15\" customHeight=\"1\" hidden=\"0\" a.b-c_d=\"x\" _u=\"y\"/>",
    "",
    "   \n\t ",
    "<row\tr=\"13\"\r\n s=\"1\"\n/><row r=\"14\"\t>x</row>",
    "<row><c t=\"inlineStr\"><is><t>&#xD7FF;&#xE000;&#xFFFD;&#x10FFFF;]&#93;>]]&gt;</t></is></c></row>",
    "<row r=\"15\" note=\"\u{FEFF}\u{85}\"><c t=\"str\"><v>\u{FEFF}\u{85}\u{7F}</v></c></row>",
    "<row r=\"16\" xml:lang=\"sv\" xml:space=\"default\"/>",
    String(repeating: "<a>", count: 64) + String(repeating: "</a>", count: 64),
    "<row><c t=\"str\"><v>" + String(repeating: "abcdefg", count: 700) + "&amp;"
      + String(repeating: "x", count: 13) + "é\t\n" + String(repeating: "y", count: 29)
      + "]" + String(repeating: "z", count: 9) + "</v></c></row>",
  ]

  /// Bodies the scanner leaves to libxml2: some are well-formed, some are errors.
  static let declined: [String] =
    [
      "<row><!-- x --></row>",
      "<row><c t=\"str\"><v><![CDATA[<x>]]></v></c></row>",
      "<row><?pi x?></row>",
      "<row xmlns:y=\"urn:y\"><y:c/></row>",
      "<row xmlns=\"urn:other\"/>",
      "<row r=\"1\" t=\"a&amp;b\"/>",
      "<row r=\"1\" t=\"a\tb\"/>",
      "<row r=\"1\" t=\"a\nb\"/>",
      "<row><c></row>",
      "<row><c>",
      "</row>",
      "<row>\u{1}</row>",
      "<row>a]]>b</row>",
      "<row>&#0;</row>",
      "<row>&#xD800;</row>",
      "<row>&#xFFFE;</row>",
      "<row>&#x110000;</row>",
      "<row>&foo;</row>",
      "<row>&lt</row>",
      "<row>&#00000000065;</row>",
      "<q:row/>",
      "<row r=\"1\" r=\"2\"/>",
      "<row x14ac:r=\"1\" r=\"2\"/>",
      "<row r=\"1\"s=\"2\"/>",
      "<row r=1/>",
      "< row/>",
      "<row/ >",
      "<1row/>",
      "<row:/>",
      "<a:b:c/>",
      "<rów/>",
      "<xml:row/>",
      "<row r=\"<\"/>",
      "<row r=\"1\"",
      "<row>" + String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        + "</row>",
      "<row><c/></rows>",
      "<row><c/></ro>",
      "<row><c/></ row>",
      "<row>&#X41;</row>",
      "<row>&#x;</row>",
      "<row>&#;</row>",
      "<row/>\r",
      "<row/>]",
      String(repeating: "<a>", count: 65) + String(repeating: "</a>", count: 65),
      "<row>" + String(repeating: "a", count: 1001) + "]]>" + String(repeating: "b", count: 40)
        + "</row>",
    ]
    + (0..<16).map { k in
      "<row>" + String(repeating: "a", count: k) + "\u{1}" + String(repeating: "a", count: 20)
        + "</row>"
    }

  @Test(arguments: plain)
  func plainRowsAreScannedWithLibxml2sEvents(_ body: String) {
    let bytes = Array(body.utf8)
    let libxml2 = Self.outcome(bytes, scanner: false)
    let scanned = Self.outcome(bytes, scanner: true)
    #expect(libxml2.error == nil)
    #expect(scanned.scanned == bytes.count, "the scanner read the body itself")
    #expect(scanned.events == libxml2.events)
    #expect(scanned.error == libxml2.error)
  }

  @Test(arguments: declined)
  func anythingElseGoesToLibxml2(_ body: String) {
    let bytes = Array(body.utf8)
    let libxml2 = Self.outcome(bytes, scanner: false)
    let scanned = Self.outcome(bytes, scanner: true)
    #expect(scanned.scanned == 0, "declined")
    #expect(scanned == Outcome(events: libxml2.events, error: libxml2.error, scanned: 0))
  }

  @Test func malformedBytesGoToLibxml2() {
    let bodies: [[UInt8]] = [
      Array("<row>".utf8) + [0xFF] + Array("</row>".utf8),
      Array("<row>".utf8) + [0xC0, 0x80] + Array("</row>".utf8),  // overlong NUL
      Array("<row>".utf8) + [0xED, 0xA0, 0x80] + Array("</row>".utf8),  // a surrogate
      Array("<row>".utf8) + [0xEF, 0xBF, 0xBF] + Array("</row>".utf8),  // U+FFFF
      Array("<row>".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("</row>".utf8),  // past U+10FFFF
      Array("<row>".utf8) + [0xE2, 0x98] + Array("</row>".utf8),  // cut short
      Array("<row r=\"".utf8) + [0xFE] + Array("\"/>".utf8),
      Array("<row>".utf8) + [0x00] + Array("</row>".utf8),
    ]
    for body in bodies {
      let libxml2 = Self.outcome(body, scanner: false)
      let scanned = Self.outcome(body, scanner: true)
      #expect(scanned.scanned == 0)
      #expect(libxml2.error != nil, "\(body)")
      #expect(scanned.error == libxml2.error)
      #expect(scanned.events == libxml2.events)
    }
  }

  @Test func aHandlerThatStopsIsObeyedMidway() {
    let body = Array(Self.plain[0].utf8)
    for stop in [1, 3, 5, 8] {
      let libxml2 = Self.outcome(body, scanner: false, stopAfter: stop)
      let scanned = Self.outcome(body, scanner: true, stopAfter: stop)
      #expect(scanned.events == libxml2.events, "stop after \(stop)")
      #expect(scanned.events.count == stop)
    }
  }

  /// Text at the end of one piece that could join the next one's first bytes.
  @Test(arguments: [("<row/>\r", "\n<row/>"), ("<row/>]]", "><row/>"), ("<row/>]", "]><row/>")])
  func piecesThatJoinGoToLibxml2(_ first: String, _ second: String) {
    let pieces = [Array(first.utf8), Array(second.utf8)]
    let libxml2 = Self.outcome(pieces, scanner: false)
    let scanned = Self.outcome(pieces, scanner: true)
    #expect(scanned.scanned == 0)
    #expect(scanned.events == libxml2.events)
    #expect(scanned.error == libxml2.error)
  }

  /// A document that libxml2 converts (not UTF-8) is never scanned.
  @Test func otherEncodingsGoToLibxml2() {
    let head =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet xmlns=\"urn:main\"><sheetData>"
    let body: [UInt8] = Array("<row t=\"".utf8) + [0xC3, 0xA9] + Array("\"/>".utf8)
    let libxml2 = Self.outcome([body], scanner: false, head: head)
    let scanned = Self.outcome([body], scanner: true, head: head)
    #expect(scanned.scanned == 0)
    #expect(scanned == Outcome(events: libxml2.events, error: libxml2.error, scanned: 0))
    #expect(scanned.events.contains("<row {urn:main} t{-}=[Ã©]>"))
  }

  @Test func bytesHeldByLibxml2KeepTheirOrder() throws {
    // Text that libxml2 holds in waiting (no `<` after it yet) must come before the next
    // scanned row, so the scanner leaves the next body to libxml2.
    let parser = try XMLPushParser(
      documentName: "sheet.xml", handler: RecordingHandler(exact: true))
    try Array((Self.prefix + "held").utf8).withUnsafeBufferPointer {
      try parser.push($0, isFinal: false)
    }
    try Array("<row r=\"1\"/>".utf8).withUnsafeBufferPointer { try parser.pushElements($0) }
    #expect(parser.scannedByteCount == 0)
    try Array("<row r=\"2\"/>".utf8).withUnsafeBufferPointer { try parser.pushElements($0) }
    #expect(parser.scannedByteCount == 12)
    try Array(Self.suffix.utf8).withUnsafeBufferPointer { try parser.push($0, isFinal: true) }
    parser.handler.pointee.flush()
    #expect(
      parser.handler.pointee.events == [
        "<worksheet {urn:main}>", "<sheetData {urn:main}>", "'held'", "<row {urn:main} r{-}=[1]>",
        "</row>", "<row {urn:main} r{-}=[2]>", "</row>", "</sheetData>", "</worksheet>",
      ])
  }
}
