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
