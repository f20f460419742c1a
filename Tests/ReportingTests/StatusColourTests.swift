import Canonical
import Reporting
import Testing

/// One colour rule per status word: a word shown in two tones gets no conditional-format
/// rule, so that no cell takes another cell's colour (every "Pågår" was red, because the
/// first "Pågår" in the column belonged to a delayed activity).
@Suite struct StatusColourTests {
  @Test func aWordInOneToneGetsThatTone() {
    let rules = ReportWorkbookBuilder.colourRules([
      .text("✓ Uppnått", tone: .good), .text("✗ Ej uppnått", tone: .bad),
      .text("✓ Uppnått", tone: .good),
    ])
    #expect(rules == ["✓ Uppnått": .good, "✗ Ej uppnått": .bad])
  }

  @Test func aWordInTwoTonesGetsNoRule() {
    let rules = ReportWorkbookBuilder.colourRules([
      .text("Pågår", tone: .bad), .text("Pågår"), .text("Klar", tone: .good),
    ])
    #expect(rules == ["Klar": .good])
  }

  @Test func everyPågårActivityHasTheSameToneAndItIsNotRed() throws {
    let sheets = ReportLayout().sheets(for: try HoforsFixture.report())
    let activities = try #require(sheets.first { $0.name == "Aktiviteter" })
    let status = try #require(activities.header.firstIndex(of: "Status"))
    let ongoing = activities.rows.filter { $0[status].displayText == "Pågår" }
    #expect(!ongoing.isEmpty)
    #expect(ongoing.allSatisfy { $0[status].tone == nil })
    // The delay is shown in its own column.
    let delayed = try #require(activities.header.firstIndex(of: "Försenad"))
    #expect(ongoing.contains { $0[delayed].displayText == "Ja" && $0[delayed].tone == .bad })
    for sheet in sheets {
      for column in 0..<sheet.header.count {
        let rules = ReportWorkbookBuilder.colourRules(
          sheet.rows.compactMap { column < $0.count ? $0[column] : nil })
        #expect(rules["Pågår"] != .bad, "\(sheet.name) column \(column + 1)")
      }
    }
  }

  @Test func statusCellsCarryASymbolAWordAndATone() {
    #expect(ReportLayout.status("Uppnått", .good).displayText == "✓ Uppnått")
    #expect(ReportLayout.status("Ej uppnått", .bad).displayText == "✗ Ej uppnått")
    #expect(ReportLayout.status("Delvis uppfyllt", .caution).displayText == "▲ Delvis uppfyllt")
    #expect(ReportLayout.status("Kan ej bedömas", .muted).tone == .muted)
  }
}
