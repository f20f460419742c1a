import Canonical
import Reporting
import Testing

@Suite struct ReportLayoutTests {
  let sheets: [ReportSheet]

  init() throws { sheets = ReportLayout().sheets(for: try HoforsFixture.report()) }

  func sheet(_ name: String) throws -> ReportSheet {
    try #require(sheets.first { $0.name == name })
  }

  func texts(_ row: [ReportCell]) -> [String] { row.map(\.displayText) }

  @Test func swedishSheetsInOrderGoalsFirst() {
    #expect(
      sheets.map(\.name) == [
        "Sammanfattning", "Måluppfyllelse", "Nyckeltal", "Diagram", "Enheter", "Aktiviteter",
        "Röd tråd", "Kontroll",
      ])
    for sheet in sheets {
      #expect(sheet.name.count <= 31)
      for row in sheet.rows { #expect(row.count == sheet.header.count, "\(sheet.name)") }
    }
  }

  @Test func summaryTitleBlockAndCounts() throws {
    let s = try sheet("Sammanfattning")
    #expect(
      s.titleRows.map(texts) == [
        ["Nämndrapport – Barn- och utbildningsnämnden"],
        ["Kommun", "Hofors kommun"],
        ["Nämnd", "Barn- och utbildningsnämnden"],
        ["Period", "kvartal 1 2026 (2026-01-01 – 2026-03-31)"],
        ["Bedömningsdag", "2026-03-31"],
        ["Rapportdatum", "2026-04-15"],
      ])
    #expect(s.headerRow == 8)
    // Page 1: the nämndmål with status as symbol, word and colour.
    #expect(
      s.header == [
        "Nämndmål", "Måluppfyllelse", "Underlag", "Nyckeltal uppnådda", "Försenade aktiviteter",
      ])
    #expect(
      texts(s.rows[0]) == [
        "NM-1 Fler elever når kunskapskraven i alla ämnen", "✗ Ej uppfyllt",
        "Beräknad från nyckeltal", "0 av 2", "0",
      ])
    #expect(s.rows[0][1].tone == .bad && s.rows[1][1].tone == .good)
    // Then the counts per status, under their own header.
    let counts = try #require(s.rows.firstIndex { $0.first?.displayText == "Område" })
    #expect(s.subheaderRows == [counts])
    #expect(texts(s.rows[counts + 1]) == ["Nyckeltal", "✓ Uppnått", "2", "14,3 %", ""])
    #expect(texts(s.rows[counts + 2]) == ["Nyckeltal", "✗ Ej uppnått", "10", "71,4 %", ""])
    // Diagnostics are counts, never shares.
    let checks = s.rows.filter { $0[0].displayText == "Kontroll" }.map(texts)
    #expect(
      checks == [
        ["Kontroll", "✗ Fel", "7", "", ""], ["Kontroll", "▲ Varning", "6", "", ""],
        ["Kontroll", "– Information", "0", "", ""],
      ])
    let units = s.rows.filter { $0[0].displayText == "Enheter" }.map(texts)
    #expect(
      units == [
        ["Enheter", "✓ Inlämnat", "6", "85,7 %", ""],
        ["Enheter", "✗ Ej inlämnat", "1", "14,3 %", ""],
      ])
  }

  @Test func nyckeltalWithTargetOutcomeTrendAndStatus() throws {
    let s = try sheet("Nyckeltal")
    #expect(
      s.header == [
        "Enhet", "Mål", "Nyckeltal-ID", "Nyckeltal", "Målvärde", "Utfall", "Utfall avser",
        "Föregående", "Föregående avser", "Trend", "Status", "Flickor/kvinnor (K)",
        "Pojkar/män (M)", "Källa",
      ])
    let petre = try #require(s.rows.first { $0[0].displayText == "Petreskolan" })
    #expect(
      texts(petre) == [
        "Petreskolan", "PE-1", "N15482",
        "Elever i åk 6 med lägst betyget E i engelska, kommunala skolor, andel (%)", "Minst 90 %",
        "88,3 %", "2025", "85,0 %", "2024", "Förbättring", "✗ Ej uppnått", "", "",
        "Arbetsplan Petreskolan 2026.xlsx 'Nyckeltal'!B5",
      ])
    #expect(petre[5].format == .percent && petre[10].tone == .bad)
    let merit = try #require(s.rows.first { $0[2].displayText == "N15505" })
    #expect(merit[5].displayText == "221,4" && merit[5].format == .decimal)
    let noTarget = try #require(s.rows.first { $0[2].displayText == "PE-N3" })
    #expect(noTarget[10].displayText == "▲ Målvärde saknas" && noTarget[10].tone == .caution)
    // K and M where the source splits by gender.
    #expect(s.rows.contains { !$0[11].displayText.isEmpty && !$0[12].displayText.isEmpty })
  }

  @Test func activitiesWithDatesAndDelayedFlag() throws {
    let s = try sheet("Aktiviteter")
    let delayed = try #require(s.rows.first { $0[7].displayText == "Ja" })
    #expect(
      texts(delayed) == [
        "Petreskolan", "PE-2", "Rastvärdsschema med fler vuxna ute", "Biträdande rektor",
        "2025-08-18", "2026-02-28", "Pågår", "Ja", "",
      ])
    #expect(delayed[4].format == .date && delayed[7].tone == .bad)
    #expect(s.rows.filter { $0[7].displayText == "Nej" }.allSatisfy { $0[7].tone == .good })
  }

  @Test func goalsUnitsAndRedThread() throws {
    // One block per nämndmål: the goal, its fulfilment, its analysis, its nyckeltal.
    let goals = try sheet("Måluppfyllelse")
    #expect(goals.rows[0][0].displayText == "NM-1 Fler elever når kunskapskraven i alla ämnen")
    #expect(goals.spanningRows.contains(0) && goals.spanningRows.contains(2))
    #expect(
      texts(goals.rows[1]).prefix(3) == [
        "Måluppfyllelse", "✗ Ej uppfyllt", "Beräknad från nyckeltal",
      ])
    #expect(goals.rows[2][0].displayText.hasPrefix("Analys: "))
    #expect(goals.subheaderRows.contains(3))
    #expect(
      texts(goals.rows[3]) == [
        "Nyckeltal", "Enhet", "Målvärde", "Utfall", "Föregående", "Trend", "Status", "Riket",
      ])
    #expect(goals.rows[4][0].displayText.hasPrefix("N15"))
    #expect(goals.header.count == 8)
    #expect(!goals.filter)
    let units = try sheet("Enheter")
    #expect(
      texts(units.rows.last ?? []).prefix(4) == ["Förskoleområde Torsåker", "Förskola", "Nej", ""])
    #expect(units.rows.last?[2].tone == .bad)
    let thread = try sheet("Röd tråd")
    #expect(
      texts(thread.rows[0]) == [
        "LGR22-2.2 Kunskaper", "KF-1 Alla barn och unga ges förutsättningar att lyckas i skolan",
        "NM-1 Fler elever når kunskapskraven i alla ämnen", "Barn- och utbildningsnämnden", "",
        "Nyckeltal",
        "N15419 Elever i åk 9 som uppnått betygskriterierna i alla ämnen, kommunala skolor, andel (%)",
        "✗ Ej uppnått", "Hel",
      ])
    #expect(thread.rows.filter { $0[8].displayText == "Bruten" }.count == 7)
  }

  @Test func kontrollListsEachFaultWithFileAndCell() throws {
    let s = try sheet("Kontroll")
    #expect(
      s.header == [
        "Allvarlighet", "Kontroll", "Kod", "Fil", "Cell", "Avser", "Meddelande", "Åtgärd",
      ])
    let rows = s.rows.map {
      "\($0[0].displayText) \($0[2].displayText) \($0[3].displayText) \($0[4].displayText)"
    }
    #expect(rows.contains("Fel missing-target Arbetsplan Petreskolan 2026.xlsx 'Nyckeltal'!D7"))
    #expect(rows.contains("Fel unresolved-reference Arbetsplan Petreskolan 2026.xlsx 'Mål'!C6"))
    #expect(rows.contains("Varning total-outside-gender-range kolada-2104.csv rad 12"))
    #expect(rows.contains("Fel missing-delivery units.yaml rad 27"))
    let missing = try #require(s.rows.first { $0[2].displayText == "missing-target" })
    #expect(missing[1].displayText == "Målvärde saknas")
    #expect(missing[0].tone == .bad)
  }

  @Test func columnWidthsFitWithinBounds() throws {
    for sheet in sheets {
      let widths = sheet.columnWidths
      #expect(widths.count == sheet.header.count)
      for (_, w) in widths {
        #expect(w >= ReportSheet.minimumWidth && w <= ReportSheet.maximumWidth)
      }
    }
    let kpis = try sheet("Nyckeltal")
    #expect(kpis.columnWidths[3] == 14)  // "Nyckeltal-ID" + 2
    #expect(kpis.columnWidths[4] == 36)  // capped so that the table reads on one page width
  }

  @Test(arguments: [
    (ReportCell.number(74.5, .percent), "74,5 %"), (.number(128_412, .kronor), "128 412 kr"),
    (.number(1_234_567, .integer), "1 234 567"), (.number(221.44, .decimal), "221,4"),
    (.number(-0.04, .decimal), "0,0"), (.number(7, .general), "7"),
    (.date(CalendarDate(year: 2026, month: 9, day: 30)), "2026-09-30"), (.text(nil), ""),
  ])
  func swedishDisplayText(cell: ReportCell, text: String) {
    #expect(cell.displayText == text)
  }
}
