import CSV
import Foundation
import Mapping
import Pipeline
import Spreadsheet
import SpreadsheetIO
import Testing
import XLSX

@testable import Feedback

@Suite struct ReasonFileTests {
  /// Every code a file can be rejected with: the readers' errors, the opening errors, the
  /// pipeline's own, and the mapping's codes that reject a readable file.
  static let rejectionCodes: [String] = Array(
    Set(
      XLSXError.Code.allCases.map(\.diagnosticCode.id)
        + CSVError.Code.allCases.map(\.diagnosticCode.id)
        + SpreadsheetFileError.Code.allCases.map(\.diagnosticCode.id)
        + ["no-matching-mapping", "processing-interrupted", "unreadable-file"]
        + MappingConverter.rejectingCodes + ["unknown-unit", "type-error"])
  ).sorted()

  /// Words of the command line's English that a Swedish reason file never has.
  static let englishWords = [
    "the", "file", "not", "is", "could", "cannot", "reason", "hint", "where", "received",
    "error", "workbook", "sheet", "archive", "zip", "truncated", "encrypted", "mapping",
    "drop", "inbox", "see",
  ]

  @Test(arguments: rejectionCodes) func theReasonIsSwedishInTheSendersWords(code: String) {
    #expect(DiagnosticCode.named(code) != nil, "\(code) is not in the catalogue")
    let diagnostic = Diagnostic(
      code: code, severity: .error,
      location: Spreadsheet.SourceLocation(
        file: "Plan.xlsx", sheet: "Mål", cell: CellReference("B7")),
      message: "zip_open failed: Not a zip archive (libzip 19)",
      hint: "run redthread mapping explain",
      value: "x")
    let text = ReasonFile.text(
      name: "Plan.xlsx", diagnostic: diagnostic,
      received: Date(timeIntervalSince1970: 1_790_000_000))
    #expect(text.hasPrefix("Filen kunde inte tas emot\n"))
    #expect(text.contains("Vad är fel: "))
    #expect(text.contains("Vad du kan göra: "))
    #expect(text.contains("Var: bladet 'Mål', cell B7"))
    #expect(SenderTexts.isForSender(text.replacingOccurrences(of: "Plan.xlsx", with: "")))
    let lower = text.lowercased()
    #expect(!lower.contains("libzip"))
    #expect(!lower.contains("redthread"))
    #expect(!lower.contains(code))
    let words = Set(
      lower.split { !$0.isLetter }.map(String.init))
    for english in Self.englishWords {
      #expect(!words.contains(english), "'\(english)' in the reason for \(code)")
    }
  }

  @Test func theReceivedTimeIsWrittenInUTC() {
    #expect(
      ReasonFile.timestamp(Date(timeIntervalSince1970: 1_790_000_000))
        == "2026-09-21 kl. 14.13 (UTC)")
  }
}
