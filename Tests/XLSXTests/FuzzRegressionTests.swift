import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import XLSX

/// Inputs the fuzzer (`Tests/Fuzz`) found, kept with the behaviour they must have.
@Suite struct FuzzRegressionTests {
  @Test func badEncodingBeforeACRCError() {
    // A sheet declaring encoding "UTF-9" whose zip entry also fails its CRC check. One parser
    // reported the CRC error (it read on before parsing the first bytes), two parsers the
    // encoding: both now parse what they hold before reading on, and agree.
    let path = xlsxFixture("regressions/fuzz-bad-encoding-and-crc.xlsx")
    let one = readError(path, options: WorksheetPipelineTests.sequential())
    let two = readError(path, options: WorksheetPipelineTests.parallel(segment: 1))
    #expect(one?.kind == .malformedXML)
    #expect(two?.kind == .malformedXML)
    #expect(one?.message.contains("UTF-9") == true)
  }
}

extension FuzzRegressionTests {
  @Test func encodingNamedAlmostUTF8() {
    // A sheet declaring encoding "UTF-8-" (which libxml2 does not know) with a non-UTF-8 byte
    // in its root element's name. The second parser's stand-in document declared UTF-8 and
    // failed on that byte while the first read on: the splitter now cuts only parts that
    // declare exactly UTF-8, and repeats the part's own declaration in the stand-in document.
    let path = xlsxFixture("regressions/fuzz-unknown-utf8-encoding-name.xlsx")
    let one = readError(path, options: WorksheetPipelineTests.sequential())
    let two = readError(path, options: WorksheetPipelineTests.parallel(segment: 1))
    #expect(one?.kind == two?.kind)
    #expect(one?.kind == .invalidSharedString)
  }

  @Test func anAmpersandHeldBackIsStillTheFirstError() {
    // Row 1 holds a bare `&`, row 3 a shared-string index past the table. A push parser waits
    // for the `;` of an entity reference, so with two parsers the second reached row 3 first.
    let path = xlsxFixture("regressions/fuzz-ampersand-held-back.xlsx")
    let one = readError(path, options: WorksheetPipelineTests.sequential())
    #expect(one?.kind == .malformedXML)
    for segment in [1, 64, 256] {
      let two = readError(path, options: WorksheetPipelineTests.parallel(segment: segment))
      #expect(two?.kind == .malformedXML, "segments of \(segment) bytes")
      #expect(two?.message == one?.message, "segments of \(segment) bytes")
    }
  }

  @Test func anEmptyWorksheetPartIsMalformedWithOneParserOrTwo() {
    let path = xlsxFixture("regressions/fuzz-empty-worksheet-part.xlsx")
    #expect(readError(path, options: WorksheetPipelineTests.sequential())?.kind == .malformedXML)
    #expect(
      readError(path, options: WorksheetPipelineTests.parallel(segment: 1))?.kind == .malformedXML)
  }

  @Test func aUTF32PartIsRefusedAsSuchWithOneParserOrTwo() {
    let path = xlsxFixture("regressions/fuzz-utf32-without-bom.xlsx")
    #expect(
      readError(path, options: WorksheetPipelineTests.sequential())?.kind == .unsupportedEncoding)
    #expect(
      readError(path, options: WorksheetPipelineTests.parallel(segment: 256))?.kind
        == .unsupportedEncoding)
  }

  @Test func declarationChecks() {
    #expect(WorksheetSplitter.isUTF8(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>".utf8)))
    #expect(WorksheetSplitter.isUTF8(Array("<?xml version='1.0' encoding = 'utf8'?><a/>".utf8)))
    #expect(WorksheetSplitter.isUTF8(Array("<?xml version=\"1.0\"?><a/>".utf8)))
    #expect(!WorksheetSplitter.isUTF8(Array("<?xml version=\"1.0\" encoding=\"UTF-8-\"?>".utf8)))
    #expect(!WorksheetSplitter.isUTF8(Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?>".utf8)))
    #expect(!WorksheetSplitter.isUTF8([0xFF, 0xFE, 0x3C, 0x00]))
  }
}
