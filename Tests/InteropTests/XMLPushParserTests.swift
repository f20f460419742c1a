import Foundation
import Interop
import Testing

/// Records every event as text, to check what the SAX2 parser hands out.
///
/// `exact` records everything libxml2 hands over instead: namespace URIs of elements and
/// attributes, raw attribute value bytes, and the text as one quoted run between tags.
struct RecordingHandler: XMLContentHandler {
  var events: [String] = []
  var text: [UInt8] = []
  var stopAfter: Int = .max
  var cName = XMLName.none
  var exact = false

  mutating func bind(_ names: XMLNameTable) {
    cName = names.intern("c")
  }

  mutating func startElement(
    _ name: XMLName, namespace: XMLNamespaceURI, attributes: XMLAttributes
  ) {
    flush()
    if exact {
      var event = "<\(name.string) {\(namespace.string)}"
      for i in 0..<attributes.count {
        let value = String(decoding: attributes.value(at: i), as: UTF8.self)
        event += " \(attributes.name(at: i).string){\(attributes.namespaceURI(at: i) ?? "-")}"
        event += "=[\(value)]"
      }
      events.append(event + ">")
      return
    }
    var event = "<\(name.string)"
    for i in 0..<attributes.count {
      event += " \(attributes.name(at: i).string)=\(attributes.string(at: i))"
      if attributes.hasNamespace(at: i) { event += "@ns" }
    }
    if name == cName { event += " [c]" }
    if !namespace.isEmpty { event += " {\(namespace.string)}" }
    events.append(event + ">")
  }

  mutating func endElement(_ name: XMLName) {
    flush()
    events.append("</\(name.string)>")
  }

  mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
    self.text.append(contentsOf: text)
  }

  mutating func flush() {
    if !text.isEmpty {
      let run = String(decoding: text, as: UTF8.self)
      events.append(exact ? "'\(run)'" : run)
      text = []
    }
  }

  var isStopped: Bool { events.count >= stopAfter }
}

func parse(_ xml: [UInt8], handler: RecordingHandler = RecordingHandler()) throws -> [String] {
  let parser = try XMLPushParser(
    source: XMLMemorySource(xml), documentName: "test.xml", handler: handler)
  try parser.parseToEnd()
  parser.handler.pointee.flush()
  return parser.handler.pointee.events
}

func parse(_ xml: String) throws -> [String] {
  try parse(Array(xml.utf8))
}

@Suite struct XMLPushParserTests {
  @Test func elementsAttributesAndText() throws {
    let events = try parse("<a x=\"1\"><c r=\"A1\">t &amp; &lt;u&gt; &#233;</c><b/></a>")
    #expect(
      events == ["<a x=1>", "<c r=A1 [c]>", "t & <u> é", "</c>", "<b>", "</b>", "</a>"])
  }

  @Test func prefixedNamesAreLocalAndNamespacesKnown() throws {
    let events = try parse(
      "<x:a xmlns:x=\"urn:m\" xmlns:r=\"urn:r\"><x:c r:id=\"rId1\"/></x:a>")
    #expect(events == ["<a {urn:m}>", "<c id=rId1@ns [c] {urn:m}>", "</c>", "</a>"])
  }

  @Test func ampersandInAttributesIsDecoded() throws {
    let events = try parse("<a name=\"R&amp;D &#38; &lt;x&gt;\"/>")
    #expect(events.first == "<a name=R&D & <x>>")
  }

  @Test func textSplitAcrossChunksIsWhole() throws {
    // A text node of 200,000 bytes spans several 64 KiB chunks.
    let long = String(repeating: "åb", count: 100_000)
    let events = try parse("<a>\(long)</a>")
    #expect(events == ["<a>", long, "</a>"])
  }

  @Test func utf16WithBOMIsDetected() throws {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>Förskola 🎈</a>"
    let le: [UInt8] = [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be: [UInt8] = [0xFE, 0xFF] + xml.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(try parse(le) == ["<a>", "Förskola 🎈", "</a>"])
    #expect(try parse(be) == ["<a>", "Förskola 🎈", "</a>"])
  }

  @Test func doctypeIsRefused() {
    #expect {
      _ = try parse("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>")
    } throws: { error in
      (error as? XMLParseError)?.kind == .doctype
    }
  }

  @Test func undeclaredEntityIsAnError() {
    #expect {
      _ = try parse("<a>&e;</a>")
    } throws: { error in
      guard let e = error as? XMLParseError else { return false }
      return e.kind == .malformed && e.code == 26 && e.line == 1
    }
  }

  @Test func malformedXMLReportsLineAndColumn() {
    #expect {
      _ = try parse("<a>\n<b></a>")
    } throws: { error in
      guard let e = error as? XMLParseError else { return false }
      return e.line == 2 && e.column > 0 && e.description.hasPrefix("test.xml:2:")
    }
  }

  @Test func handlerCanStopTheParser() throws {
    var handler = RecordingHandler()
    handler.stopAfter = 2
    let parser = try XMLPushParser(
      source: XMLMemorySource(Array("<a><b/><c/><d/></a>".utf8)), documentName: "t",
      handler: handler)
    try parser.parseToEnd()
    #expect(parser.stoppedByHandler)
    #expect(parser.handler.pointee.events == ["<a>", "<b>"])
  }

  @Test func chunkByChunk() throws {
    let rows = String(repeating: "<r>x</r>", count: 50_000)
    let parser = try XMLPushParser(
      source: XMLMemorySource(Array("<a>\(rows)</a>".utf8)), documentName: "t",
      handler: RecordingHandler())
    var chunks = 0
    while try parser.parseNextChunk() { chunks += 1 }
    #expect(chunks >= 5)
    #expect(parser.handler.pointee.events.count == 150_002)
  }

  @Test func emptyDocumentIsMalformed() {
    #expect(throws: XMLParseError.self) { _ = try parse("") }
  }

  @Test func versionIsKnown() {
    #expect(LibXML2.version.split(separator: ".").count == 3)
  }
}
