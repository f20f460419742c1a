import Spreadsheet
import Testing
import Validation

/// The console's view of the diagnostics: grouped per code, collapsed per offending value,
/// errors first, a summary per code, and no error hidden without its code.
@Suite struct DiagnosticDigestTests {
  func unknownUnit(row: Int) -> Diagnostic {
    Diagnostic(
      code: "unknown-unit", severity: .error,
      location: SourceLocation(file: "kolada-1480.csv", line: row),
      message: "unit '1480' is not in the unit register", value: "1480")
  }

  var diagnostics: [Diagnostic] {
    var out: [Diagnostic] = [
      Diagnostic(
        code: "activity-delayed", severity: .warning,
        location: SourceLocation(file: "a.xlsx", sheet: "Insatser", cell: CellReference("F9")),
        message: "activity 'X' is delayed", value: "X")
    ]
    out += (2...55).map(unknownUnit)
    out.append(
      Diagnostic(
        code: "missing-delivery", severity: .error,
        location: SourceLocation(file: "units.yaml", line: 27),
        message: "unit 'Torsåker' delivered no file", value: "torsaker"))
    return out
  }

  @Test func fiftyFourIdenticalLinesBecomeOneGroup() {
    let digest = DiagnosticDigest(diagnostics)
    #expect(digest.groups.map(\.code) == ["unknown-unit", "missing-delivery", "activity-delayed"])
    #expect(digest.groups.map(\.diagnostics.count) == [54, 1, 1])
    let text = DiagnosticDigest.text(digest.groups[0])
    #expect(text.split(separator: "\n").count == 2)
    #expect(text.contains("54 times with the same value [unknown-unit]; also at: line 3, line 4"))
    #expect(text.contains("… (41 more places)"))
  }

  @Test func differentValuesOfOneCodeAreSeparateGroups() {
    var list = diagnostics
    var other = unknownUnit(row: 60)
    other.value = "2180"
    other.message = "unit '2180' is not in the unit register"
    list.append(other)
    let digest = DiagnosticDigest(list)
    #expect(digest.groups.filter { $0.code == "unknown-unit" }.map(\.value) == ["1480", "2180"])
    #expect(
      digest.summary.map { "\($0.severity.rawValue) \($0.code) \($0.count) \($0.groups)" } == [
        "error unknown-unit 55 2", "error missing-delivery 1 1", "warning activity-delayed 1 1",
      ])
  }

  @Test func errorsComeFirstAndTheConsoleEndsWithASummaryPerCode() {
    let lines = DiagnosticDigest(diagnostics).lines(limit: 40)
    #expect(lines.first == "Errors (55):")
    let warnings = lines.firstIndex(of: "Warnings (1):") ?? -1
    let missing = lines.firstIndex { $0.contains("[missing-delivery]") } ?? Int.max
    #expect(missing < warnings)
    let summary = lines.firstIndex(of: "Per code:")
    #expect(summary != nil)
    #expect(
      Array(lines[(summary ?? 0)...]) == [
        "Per code:", "  error    unknown-unit      54 (1 distinct)",
        "  error    missing-delivery  1",
        "  warning  activity-delayed  1",
      ])
  }

  @Test func aGroupLeftOutIsNamedByItsCode() {
    let lines = DiagnosticDigest(diagnostics).lines(limit: 1)
    #expect(lines.contains { $0.contains("[unknown-unit]") })
    #expect(!lines.contains { $0.contains("[missing-delivery]") })
    let hidden = lines.first { $0.hasPrefix("… not shown here") } ?? ""
    #expect(hidden.contains("missing-delivery error ×1"))
    #expect(hidden.contains("activity-delayed warning ×1"))
    #expect(!lines.contains { $0.contains("and ") && $0.contains(" more in") })
  }
}
