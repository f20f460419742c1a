import Foundation
import Reporting
import Spreadsheet
import TestSupport
import Testing
import XLSX

private let hasOpenpyxl = ExternalProgram.hasOpenpyxl
private let hasLibreOffice = ExternalProgram.hasLibreOffice

/// Filling controllers' templates (docs/templates.md): the shipped sample, which holds every
/// feature, compared part by part with its source; a second template laid out otherwise; and
/// the problems `report check` finds.
@Suite struct TemplateFillTests {
  static let sample = Fixture.repo("samples/templates/nämndrapport-mall.xlsx").path
  static let second = Fixture.url("templates/andra-mall.xlsx").path
  static let broken = Fixture.url("templates/trasig-mall.xlsx").path

  /// Five nyckeltal, two activities, two units (the second has not delivered), two checks.
  static let data: TemplateData = {
    func kpi(_ n: Int, _ unit: String, _ outcome: Double, _ previous: Double, _ status: String)
      -> TemplateRecord
    {
      TemplateRecord([
        "id": .text("N\(n)"), "namn": .text("Nyckeltal \(n)"), "enhet": .text(unit),
        "målvärde": .text("Minst 80 %"), "utfall": .number(outcome),
        "föregående": .number(previous),
        "trend": .text(outcome < previous ? "Försämrad" : "Förbättrad"), "status": .text(status),
      ])
    }
    let kpis = [
      kpi(1, "Skola A", 81.5, 80, "Uppnått"), kpi(2, "Skola A", 70, 72, "Ej uppnått"),
      kpi(3, "Skola A", 90, 88, "Uppnått"),
      kpi(4, "Skolområdet Västra med en lång del", 60, 65, "Ej uppnått"),
      kpi(5, "Skolområdet Västra med en lång del", 75, 70, "Delvis uppnått"),
    ]
    let activities = [
      TemplateRecord([
        "titel": .text("Läsfrämjande"), "enhet": .text("Skola A"), "ansvarig": .text("Rektor"),
        "start": .date(year: 2026, month: 8, day: 17),
        "slut": .date(year: 2026, month: 12, day: 18),
        "status": .text("Pågår"),
      ]),
      TemplateRecord([
        "titel": .text("Trygghetsvandring"), "enhet": .text("Skolområdet Västra med en lång del"),
        "ansvarig": .text("Kurator"), "start": .date(year: 2026, month: 9, day: 1),
        "slut": .date(year: 2026, month: 9, day: 30), "status": .text("Klar"),
      ]),
    ]
    func unit(
      _ name: String, _ id: String, delivered: Bool, errors: Int, kpis: [TemplateRecord],
      activities: [TemplateRecord]
    ) -> TemplateRecord {
      TemplateRecord(
        [
          "namn": .text(name), "id": .text(id), "inlämnad": .text(delivered ? "Ja" : "Nej"),
          "fil": .text(delivered ? "Arbetsplan \(name).xlsx" : ""), "fel": .number(Double(errors)),
          "typ": .text("Skola"), "antal_nyckeltal": .number(Double(kpis.count)),
          "antal_aktiviteter": .number(Double(activities.count)),
        ], collections: ["nyckeltal": kpis, "aktiviteter": activities])
    }
    return TemplateData(
      scalars: [
        "kommun": .text("Testby kommun"), "nämnd": .text("Barn- och utbildningsnämnden"),
        "period": .text("kvartal 3 2026"), "period_id": .text("2026-Q3"),
        "rapportdatum": .date(year: 2026, month: 10, day: 15),
        "titel": .text("Nämndrapport – Barn- och utbildningsnämnden"),
        "andel_nyckeltal_uppfyllda": .percent(0.4), "enheter_inlämnade": .number(1),
        "enheter_förväntade": .number(2), "aktiviteter_försenade": .number(0),
        "antal_fel": .number(2), "antal_nyckeltal": .number(5), "nyckeltal_uppfyllda": .number(2),
        "antal_aktiviteter": .number(2),
      ],
      collections: [
        "nyckeltal": kpis, "aktiviteter": activities,
        "enheter": [
          unit(
            "Skola A", "a", delivered: true, errors: 0, kpis: Array(kpis[0..<3]),
            activities: [activities[0]]),
          unit(
            "Skolområdet Västra med en lång del", "v", delivered: false, errors: 2,
            kpis: Array(kpis[3...]), activities: [activities[1]]),
        ],
        "kontroll": [
          TemplateRecord([
            "fil": .text("Arbetsplan Skola A.xlsx"), "cell": .text("'Mål'!C8"),
            "allvar": .text("Fel"), "meddelande": .text("Målet NM-22 finns inte."),
            "åtgärd": .text("Menade du NM-2?"),
          ]),
          TemplateRecord([
            "fil": .text("Arbetsplan Skola A.xlsx"), "cell": .text("'Nyckeltal'!D10"),
            "allvar": .text("Varning"), "meddelande": .text("Målvärde saknas."),
            "åtgärd": .text("Skriv ett målvärde."),
          ]),
        ],
      ])
  }()

  static func filled(_ template: String = sample, data: TemplateData = data) throws -> String {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("template-\(UUID().uuidString).xlsx").path
    try XLSXTemplate(path: template).fill(
      data, contract: BoardReportTemplate.contract, to: out)
    return out
  }

  /// The worksheet part of a sheet, by its name in the filled workbook.
  static func sheetPart(_ name: String, in parts: PackageParts) -> String? {
    let workbook = parts.text("xl/workbook.xml")
    let rels = parts.text("xl/_rels/workbook.xml.rels")
    let escaped = name.replacingOccurrences(of: "&", with: "&amp;")
    guard let tag = workbook.range(of: "<sheet name=\"\(escaped)\"") else { return nil }
    let rest = workbook[tag.upperBound...]
    guard let idStart = rest.range(of: "r:id=\""),
      let idEnd = rest[idStart.upperBound...].firstIndex(of: "\"")
    else { return nil }
    let id = rest[idStart.upperBound..<idEnd]
    guard let relTag = rels.range(of: "Id=\"\(id)\"") ?? rels.range(of: "Id=\"\(id)\" ") else {
      return nil
    }
    // The relationship's Target, before or after its Id.
    let element =
      rels[..<relTag.lowerBound].range(of: "<Relationship", options: .backwards)
      .map { rels[$0.lowerBound...] } ?? rels[...]
    guard let t = element.range(of: "Target=\""),
      let e = element[t.upperBound...].firstIndex(of: "\"")
    else { return nil }
    var target = String(element[t.upperBound..<e])
    if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
    return target
  }

  // MARK: - The sample, every feature

  @Test func untouchedPartsAreByteIdenticalAndOnlyTheExpectedPartsChange() throws {
    let out = try Self.filled()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let source = try PackageParts(path: Self.sample)
    let filled = try PackageParts(path: out)
    let changed = filled.changed(from: source)
    let added = Set(filled.names).subtracting(source.names)
    // The logo's drawing (anchored above everything), the image, styles, theme, shared
    // strings and document properties are copied as stored.
    for name in source.names where !changed.contains(name) {
      #expect(filled.stored[name] == source.stored[name], "\(name) is not byte-identical")
    }
    for name in [
      "xl/styles.xml", "xl/theme/theme1.xml", "docProps/core.xml", "docProps/app.xml",
      "xl/drawings/drawing1.xml", "xl/media/image1.png",
    ] {
      #expect(source.names.contains(name), "\(name)")
      #expect(!changed.contains(name), "\(name) changed")
    }
    // What changed: the workbook (names, sheets, recalculation), each sheet with markup, the
    // chart, its drawing (anchor below the block), the note and its box, the table.
    #expect(
      changed.subtracting(added) == [
        "[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
        "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml", "xl/worksheets/sheet6.xml",
        "xl/charts/chart1.xml", "xl/drawings/drawing2.xml", "xl/comments/comment1.xml",
        "xl/drawings/commentsDrawing1.vml", "xl/tables/table1.xml",
      ])
    // The second unit's sheet is a new part (the sheet has no parts of its own to copy).
    #expect(added == ["xl/worksheets/sheet7.xml"])
  }

  @Test func placeholdersGetTypedValuesAndTheirFormats() throws {
    let out = try Self.filled()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let values = try Workbook.cellValuesBySheet(at: out)
    let cover = try #require(values["Rapport"])
    #expect(cover["A1"] == .string("Nämndrapport – Barn- och utbildningsnämnden"))
    #expect(cover["A2"] == .string("Testby kommun · Barn- och utbildningsnämnden"))
    #expect(cover["B4"] == .string("kvartal 3 2026"))
    // A date as a date (the cell keeps its yyyy-mm-dd format), a share as a fraction.
    #expect(cover["B5"] == .dateTime(CivilDateTime(year: 2026, month: 10, day: 15)))
    #expect(cover["B6"] == .number(0.4))
    #expect(cover["B7"] == .number(1))
    #expect(cover["C7"] == .string("av 2"))
    // {{#if antal_fel}}: kept, markers gone, the link below moved up by the two marker rows.
    #expect(
      cover["A10"] == .string("Underlaget har 2 fel – se bladet Kontroll innan rapporten lämnas."))
    #expect(cover["A12"] == .string("Till nyckeltalen"))
    let parts = try PackageParts(path: out)
    let sheet1 = parts.text("xl/worksheets/sheet1.xml")
    #expect(sheet1.contains("<c r=\"B5\" s=\""))
    // The report date in the header, written out as in a cell (yyyy-mm-dd).
    #expect(
      sheet1.contains("&amp;CTestby kommun – Barn- och utbildningsnämnden&amp;R2026-10-15"))
    #expect(sheet1.contains("&amp;Lkvartal 3 2026&amp;CSida &amp;P av &amp;N"))
    #expect(!sheet1.contains("{{"))
  }

  @Test func nyckeltalBlockAndEverythingBelowIt() throws {
    let out = try Self.filled()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let values = try Workbook.cellValuesBySheet(at: out)
    let k = try #require(values["Nyckeltal"])
    #expect(k["A1"] == .string("Nyckeltal – Barn- och utbildningsnämnden, kvartal 3 2026"))
    #expect(k["A3"] == .string("Id"))
    for (i, row) in (4...8).enumerated() {
      #expect(k["A\(row)"] == .string("N\(i + 1)"))
      #expect(k["B\(row)"] == .string("Nyckeltal \(i + 1)"))
    }
    #expect(k["E4"] == .number(81.5))
    #expect(k["F8"] == .number(70))
    #expect(k["A9"] == .string("Antal"))
    #expect(
      k["A12"] == .string("Källa: enheternas arbetsplaner och Kolada, sammanställda av RedThread."))
    let parts = try PackageParts(path: out)
    let xml = parts.text("xl/worksheets/sheet2.xml")
    // Above the block: the header row is the same bytes; the view, columns and format too.
    let source = try PackageParts(path: Self.sample).text("xl/worksheets/sheet2.xml")
    func between(_ s: String, _ a: String, _ b: String) -> Substring? {
      guard let r = s.range(of: a), let e = s.range(of: b, range: r.lowerBound..<s.endIndex)
      else { return nil }
      return s[r.lowerBound..<e.upperBound]
    }
    let header = try #require(between(source, "<row r=\"3\"", "</row>"))
    #expect(between(xml, "<row r=\"3\"", "</row>") == header)
    #expect(between(xml, "<sheetViews>", "</cols>") == between(source, "<sheetViews>", "</cols>"))
    // Formulas: ranges over the block grow, the row formula follows each item, cached values
    // are gone (recalculated on open).
    #expect(xml.contains("<f>COUNTA(A4:A8)</f>"))
    #expect(
      xml.contains("<f>IFERROR(COUNTIF(H4:H8,&quot;Uppnått&quot;)/COUNTA(A4:A8),&quot;&quot;)</f>"))
    #expect(xml.contains("<f>COUNTIF(H4:H8,&quot;Uppnått&quot;)</f>"))
    #expect(xml.contains("<f>IF(AND(ISNUMBER(E4),ISNUMBER(F4)),E4-F4,&quot;&quot;)</f>"))
    #expect(xml.contains("<f>IF(AND(ISNUMBER(E8),ISNUMBER(F8)),E8-F8,&quot;&quot;)</f>"))
    // Merged cells, hyperlink, conditional formats, validations, the page break.
    #expect(xml.contains("<mergeCell ref=\"A1:I1\""))
    #expect(xml.contains("<mergeCell ref=\"A12:I12\""))
    #expect(xml.contains("<hyperlink ref=\"A13\"") || xml.contains(" ref=\"A13\" r:id"))
    #expect(xml.contains("sqref=\"H4:H8\""))
    #expect(xml.contains("<conditionalFormatting sqref=\"B14\""))
    #expect(xml.contains("sqref=\"B14\""))
    #expect(xml.contains("<brk id=\"14\""))
    #expect(xml.contains("<dimension ref=\"A1:I14\""))
    // The note and its box.
    #expect(parts.text("xl/comments/comment1.xml").contains("ref=\"A9\""))
    #expect(parts.text("xl/drawings/commentsDrawing1.vml").contains("Row>8</"))
    // The chart: its series and categories span the items, with their values cached.
    let chart = parts.text("xl/charts/chart1.xml")
    #expect(chart.contains("<f>'Nyckeltal'!$E$4:$E$8</f>"))
    #expect(chart.contains("<ptCount val=\"5\"/><pt idx=\"0\"><v>81.5</v></pt>"))
    #expect(chart.contains("<pt idx=\"4\"><v>75</v></pt>"))
    #expect(chart.contains("<strRef><f>'Nyckeltal'!$A$4:$A$8</f><strCache><ptCount val=\"5\"/>"))
    #expect(chart.contains("<pt idx=\"4\"><v>N5</v></pt>"))
    #expect(chart.contains("<f>'Nyckeltal'!$F$4:$F$8</f>"))
    // Its anchor, below the block, moved down by the two rows the block grew.
    #expect(parts.text("xl/drawings/drawing2.xml").contains("<row>15</row>"))
    // Defined names: print area grows, print titles above stay, the workbook name spans.
    let workbook = parts.text("xl/workbook.xml")
    #expect(workbook.contains("<definedName name=\"Utfall\">Nyckeltal!$E$4:$E$8</definedName>"))
    #expect(workbook.contains("localSheetId=\"1\">'Nyckeltal'!$A$1:$I$42</definedName>"))
    #expect(workbook.contains("localSheetId=\"1\">'Nyckeltal'!$3:$3</definedName>"))
    #expect(workbook.contains("fullCalcOnLoad=\"1\""))
  }

  @Test func tableConditionalRowsPerUnitSheetsAndChecks() throws {
    let out = try Self.filled()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let values = try Workbook.cellValuesBySheet(at: out)
    let parts = try PackageParts(path: out)
    // The table grows with the activities (ref and autofilter); dates are dates.
    let table = parts.text("xl/tables/table1.xml")
    #expect(table.contains("ref=\"A3:F5\""))
    #expect(table.contains("<autoFilter ref=\"A3:F5\""))
    let a = try #require(values["Aktiviteter"])
    #expect(a["A5"] == .string("Trygghetsvandring"))
    #expect(a["E4"] == .dateTime(CivilDateTime(year: 2026, month: 12, day: 18)))
    #expect(a["A7"] == .string("Antal aktiviteter: 2"))
    // {{#if not inlämnad}} inside {{#each enheter}}: a line only for the unit that has not.
    let u = try #require(values["Enheter"])
    #expect(u["A4"] == .string("Skola A"))
    #expect(u["A5"] == .string("Skolområdet Västra med en lång del"))
    #expect(
      u["A6"] == .string("↳ Skolområdet Västra med en lång del har inte lämnat in sin arbetsplan."))
    #expect(u["A7"] == .string("Summa fel"))
    #expect(
      parts.text(try #require(Self.sheetPart("Enheter", in: parts))).contains("<f>SUM(D4:D6)</f>"))
    // One sheet per unit, in the template sheet's place, named after the unit (≤ 31).
    let workbook = parts.text("xl/workbook.xml")
    let names = workbook.components(separatedBy: "<sheet name=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
    #expect(
      names == [
        "Rapport", "Nyckeltal", "Aktiviteter", "Enheter", "Skola A",
        "Skolområdet Västra med en lång", "Kontroll",
      ])
    #expect(!workbook.contains("{{#each"))
    let first = try #require(values["Skola A"])
    #expect(first["A1"] == .string("Skola A"))
    #expect(first["A2"] == .string("Skola · 3 nyckeltal · 1 aktiviteter"))
    #expect(first["B6"] == .string("Nyckeltal 3"))
    #expect(first["A7"] == .string("Antal"))
    let second = try #require(values["Skolområdet Västra med en lång"])
    #expect(second["B4"] == .string("Nyckeltal 4"))
    #expect(second["B5"] == .string("Nyckeltal 5"))
    #expect(second["A6"] == .string("Antal"))
    // Each unit sheet has its own print area.
    #expect(workbook.contains("localSheetId=\"4\">'Skola A'!$A$1:$D$20</definedName>"))
    #expect(
      workbook.contains(
        "localSheetId=\"5\">'Skolområdet Västra med en lång'!$A$1:$D$19</definedName>"))
    let kontroll = try #require(values["Kontroll"])
    #expect(kontroll["D2"] == .string("Målet NM-22 finns inte."))
    #expect(kontroll["C3"] == .string("Varning"))
    #expect(kontroll["A4"] == nil)
  }

  @Test(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed"))
  func theFilledSampleOpensInOpenpyxl() throws {
    let out = try Self.filled()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb['Nyckeltal']
      print(wb.sheetnames)
      print(ws['B9'].value, ws.print_area, [str(r) for r in ws.merged_cells.ranges])
      print(wb['Aktiviteter'].tables['Aktiviteter'].ref, len(ws._charts))
      print(wb.defined_names['Utfall'].attr_text)
      """
    let result = try ExternalProgram.run("python3", ["-c", script, out])
    try #require(result.status == 0, "openpyxl: \(result.error)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(
      lines.first
        == "['Rapport', 'Nyckeltal', 'Aktiviteter', 'Enheter', 'Skola A', 'Skolområdet Västra med en lång', 'Kontroll']"
    )
    #expect(lines.dropFirst().first == "=COUNTA(A4:A8) 'Nyckeltal'!$A$1:$I$42 ['A1:I1', 'A12:I12']")
    #expect(lines.dropFirst(2).first == "A3:F5 1")
    #expect(lines.dropFirst(3).first == "Nyckeltal!$E$4:$E$8")
  }

  /// LibreOffice opens the filled workbook and computes the formulas whose cached values
  /// were removed: saved again by LibreOffice, the totals hold the right numbers.
  @Test(.enabled(if: hasOpenpyxl && hasLibreOffice, "LibreOffice or openpyxl is not installed"))
  func libreOfficeOpensItAndComputesTheMovedFormulas() throws {
    let out = try Self.filled()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "template-lo-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(atPath: out)
      try? FileManager.default.removeItem(at: folder)
    }
    let result = try ExternalProgram.run(
      "soffice",
      [
        "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to",
        "xlsx", "--outdir", folder.path, out,
      ])
    try #require(result.status == 0, "soffice: \(result.error)")
    let saved = folder.appendingPathComponent((out as NSString).lastPathComponent).path
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
      k = wb['Nyckeltal']
      print(k['B9'].value, k['E9'].value, k['B10'].value, k['I4'].value)
      print(wb['Enheter']['D7'].value, wb['Skola A']['B7'].value, wb.sheetnames[5])
      """
    let values = try ExternalProgram.run("python3", ["-c", script, saved])
    try #require(values.status == 0, "openpyxl: \(values.error)")
    let lines = values.output.split(separator: "\n").map(String.init)
    // 5 nyckeltal, 2 of 5 uppnått, 81.5 − 80.
    #expect(lines.first == "5 0.4 2 1.5")
    #expect(lines.dropFirst().first == "2 3 Skolområdet Västra med en lång")
  }

  // MARK: - A template laid out otherwise

  @Test func aSecondTemplateLaidOutOtherwiseIsFilledTheSameWay() throws {
    let out = try Self.filled(Self.second)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let values = try Workbook.cellValuesBySheet(at: out)
    let u = try #require(values["Uppföljning"])
    #expect(u["B2"] == .string("Barn- och utbildningsnämnden"))
    #expect(u["B3"] == .string("Uppföljning kvartal 3 2026 – Testby kommun"))
    #expect(u["D6"] == .number(0.4))
    // A two-row body from column B; the conditional row only after items that got worse.
    #expect(u["B8"] == .string("N1: Nyckeltal 1 (Skola A)"))
    #expect(u["C9"] == .number(81.5))
    #expect(u["B10"] == .string("N2: Nyckeltal 2 (Skola A)"))
    #expect(u["B12"] == .string("Obs! Nyckeltal 2 har försämrats sedan 72."))
    #expect(u["B13"] == .string("N3: Nyckeltal 3 (Skola A)"))
    #expect(u["B15"] == .string("N4: Nyckeltal 4 (Skolområdet Västra med en lång del)"))
    #expect(u["B17"] == .string("Obs! Nyckeltal 4 har försämrats sedan 65."))
    #expect(u["B18"] == .string("N5: Nyckeltal 5 (Skolområdet Västra med en lång del)"))
    #expect(u["B21"] == .string("Summa utfall"))
    // {{#if not antal_fel}} with 2 fel: gone, and the last row moved up after it.
    #expect(u["B24"] == .string("Slut på rapporten"))
    #expect(!u.values.contains(.string("Inga fel i underlaget.")))
    let parts = try PackageParts(path: out)
    let xml = parts.text("xl/worksheets/sheet1.xml")
    // A merged cell in the body is repeated for each item.
    for row in [8, 10, 13, 15, 18] { #expect(xml.contains("<mergeCell ref=\"B\(row):E\(row)\"")) }
    // An Excel 2010 data bar on the body's utfall cell covers every item's.
    #expect(xml.contains("<xm:sqref>C9 C11 C14 C16 C19</xm:sqref>"))
    #expect(xml.contains("<f>C9*2</f>"))
    #expect(xml.contains("<f>C19*2</f>"))
    #expect(xml.contains("<f>SUM(C8:C19)</f>"))
    // A formula counting a block on another sheet follows that sheet's rows.
    #expect(xml.contains("<f>COUNTA(Data!A2:A3)</f>"))
    let data = try #require(values["Data"])
    #expect(data["A1"] == .string("Enheter 2026-Q3"))
    #expect(data["A2"] == .string("Skola A"))
    #expect(data["B3"] == .number(2))
    #expect(parts.text("xl/worksheets/sheet2.xml").contains("<f>SUM(B2:B3)</f>"))
    #expect(parts.text("xl/worksheets/sheet2.xml").contains("<f>B3+0</f>"))
    #expect(parts.text("xl/workbook.xml").contains(">Data!$A$2</definedName>"))
    // Per-unit sheets: cut to 31 characters, and their own activities.
    let v = try #require(values["Skolområdet Västra med en lång"])
    #expect(v["A1"] == .string("Enhet: Skolområdet Västra med en lång del (v)"))
    #expect(v["A3"] == .string("Trygghetsvandring"))
    #expect(v["B3"] == .dateTime(CivilDateTime(year: 2026, month: 9, day: 30)))
    #expect(values["Skola A"]?["A3"] == .string("Läsfrämjande"))
  }

  /// The sample saved by LibreOffice: shared strings instead of inline text, prefixed
  /// drawing markup, a two-cell chart anchor, LibreOffice's own chart and note parts.
  @Test func theSampleAsLibreOfficeSavesItIsFilledTheSameWay() throws {
    let template = Fixture.url("templates/nämndrapport-mall-libreoffice.xlsx").path
    let out = try Self.filled(template)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let source = try PackageParts(path: template)
    let filled = try PackageParts(path: out)
    #expect(source.names.contains("xl/sharedStrings.xml"))
    #expect(filled.stored["xl/sharedStrings.xml"] == source.stored["xl/sharedStrings.xml"])
    #expect(filled.stored["xl/styles.xml"] == source.stored["xl/styles.xml"])
    let values = try Workbook.cellValuesBySheet(at: out)
    #expect(values["Rapport"]?["A2"] == .string("Testby kommun · Barn- och utbildningsnämnden"))
    #expect(values["Rapport"]?["B5"] == .dateTime(CivilDateTime(year: 2026, month: 10, day: 15)))
    let k = try #require(values["Nyckeltal"])
    #expect(k["A8"] == .string("N5"))
    #expect(k["E8"] == .number(75))
    #expect(k["A9"] == .string("Antal"))
    #expect(values["Skolområdet Västra med en lång"]?["B5"] == .string("Nyckeltal 5"))
    let sheet = filled.text("xl/worksheets/sheet2.xml")
    #expect(sheet.contains("<f>COUNTA(A4:A8)</f>"))
    #expect(sheet.contains("sqref=\"H4:H8\""))
    let chart = filled.text("xl/charts/chart1.xml")
    #expect(chart.contains("<c:f>Nyckeltal!$E$4:$E$8</c:f>"))
    #expect(chart.contains("<c:f>Nyckeltal!$A$4:$A$8</c:f>"))
    // The chart's two-cell anchor, below the block, keeps its height: both rows move by two.
    let drawing = filled.text("xl/drawings/drawing2.xml")
    #expect(drawing.contains("<xdr:row>15</xdr:row>"))
    #expect(drawing.contains("<xdr:row>35</xdr:row>"))
    #expect(filled.text("xl/comments2.xml").contains("ref=\"A9\""))
    #expect(filled.text("xl/drawings/vmlDrawing1.vml").contains("x:Row>8<"))
  }

  @Test func sheetNamesAreCutCleanedAndUnique() {
    var taken: Set<String> = ["kontroll"]
    func name(_ text: String) -> String {
      XLSXTemplate.sheetName(for: TemplateRecord(["namn": .text(text)]), index: 0, taken: &taken)
    }
    #expect(name("Kontroll") == "Kontroll (2)")
    #expect(name("A/B: skola [norr]?") == "AB skola norr")
    #expect(name("'Citat'") == "Citat")
    let long = String(repeating: "Förskoleområde ", count: 4)
    #expect(name(long) == "Förskoleområde Förskoleområde F")
    #expect(name(long) == "Förskoleområde Förskoleområ (2)")
    #expect(name("") == "Blad 1")
  }

  @Test func anEmptyCollectionLeavesOneBlankCopyAndFalseConditionsRemoveRows() throws {
    var data = Self.data
    data.collections["nyckeltal"] = []
    data.scalars["antal_fel"] = .number(0)
    let out = try Self.filled(data: data)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let values = try Workbook.cellValuesBySheet(at: out)
    let k = try #require(values["Nyckeltal"])
    #expect(k["A4"] == nil)
    #expect(k["A5"] == .string("Antal"))
    let parts = try PackageParts(path: out)
    #expect(parts.text("xl/worksheets/sheet2.xml").contains("<f>COUNTA(A4:A4)</f>"))
    // No errors: the cover's three conditional rows are gone, the link moved up three rows.
    let cover = try #require(values["Rapport"])
    #expect(cover["A11"] == .string("Till nyckeltalen"))
    #expect(!cover.values.contains { $0.stringValue?.contains("fel") == true })
  }

  @Test func withoutUnitsThePerUnitSheetAndItsNamesAreRemoved() throws {
    var data = Self.data
    data.collections["enheter"] = []
    let out = try Self.filled(data: data)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let parts = try PackageParts(path: out)
    let workbook = parts.text("xl/workbook.xml")
    let names = workbook.components(separatedBy: "<sheet name=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
    #expect(names == ["Rapport", "Nyckeltal", "Aktiviteter", "Enheter", "Kontroll"])
    #expect(!workbook.contains("{{#each"))
    #expect(!workbook.contains("localSheetId=\"4\""))
    #expect(!parts.names.contains("xl/worksheets/sheet5.xml"))
    #expect(!parts.text("xl/_rels/workbook.xml.rels").contains("sheet5.xml"))
    #expect(!parts.text("[Content_Types].xml").contains("sheet5.xml"))
    let values = try Workbook.cellValuesBySheet(at: out)
    #expect(values["Kontroll"]?["D2"] == .string("Målet NM-22 finns inte."))
  }

  /// Every workbook of the shared corpus and real data (under 250 kB) that can be opened, filled as a
  /// template without markup, comes back with every part's content unchanged (rows without
  /// `r`, LibreOffice and Excel producers, a one-megabyte shared string in 12,000 cells);
  /// the others are refused with an error.
  @Test(.enabled(if: Fixture.shared != nil, "the shared corpus is not present"))
  func workbooksWithoutMarkupComeBackUnchanged() throws {
    let shared = try #require(Fixture.shared)
    var files: [String] = []
    for folder in ["corpus", "realdata"] {
      let root = shared.appendingPathComponent(folder)
      let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
      while let url = walk?.nextObject() as? URL {
        // The few files over 250 kB take seconds each in a debug build; the rest cover
        // every producer.
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        if url.pathExtension == "xlsx", size < 250_000 { files.append(url.path) }
      }
    }
    var unchanged = 0
    var refused = 0
    for file in files.sorted() {
      let out = FileManager.default.temporaryDirectory
        .appendingPathComponent("template-\(UUID().uuidString).xlsx").path
      defer { try? FileManager.default.removeItem(atPath: out) }
      do {
        try XLSXTemplate(path: file).fill(
          Self.data, contract: BoardReportTemplate.contract, to: out)
      } catch is XLSXError {
        refused += 1
        #expect(!FileManager.default.fileExists(atPath: out), "\(file)")
        continue
      }
      let source = try PackageParts(path: file)
      let filled = try PackageParts(path: out)
      #expect(filled.changed(from: source).isEmpty, "\(file)")
      #expect(Set(filled.names) == Set(source.names), "\(file)")
      unchanged += 1
    }
    #expect(unchanged >= 190)
    #expect(unchanged + refused == files.count)
  }

  // MARK: - Problems

  @Test func checkLocatesEveryProblemWithSuggestions() throws {
    let template = try XLSXTemplate(path: Self.broken)
    let problems = template.check(BoardReportTemplate.contract).map {
      "\($0.location.reference ?? "") \($0.kind == .unknownName ? "name" : "markup"): \($0.message)"
    }
    #expect(
      problems == [
        "'Fel'!A1 name: unknown name 'kommunen'; did you mean 'kommun'?",
        "'Fel'!B4 name: unknown name 'utfal' in {{#each nyckeltal}}; did you mean 'utfall'?",
        "'Fel'!B7 markup: a block marker must stand alone in the first filled cell of its row",
        "'Fel'!A9 markup: '{{' without a closing '}}' in \"{{nämnd\"",
        "'Fel'!A10 markup: {{#if}} is never closed (no {{/if}} row below it)",
        "'Mer'!A1 markup: {{/each}} closes no block",
        "'Mer'!A2 name: unknown collection 'nyckeltall'; did you mean 'nyckeltal'?",
      ])
    #expect(template.placeholders.count == 10)
  }

  @Test func aTemplateWithProblemsIsRefusedAndNothingIsWritten() throws {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("template-\(UUID().uuidString).xlsx").path
    #expect(throws: TemplateError.self) {
      try XLSXTemplate(path: Self.broken).fill(
        Self.data, contract: BoardReportTemplate.contract, to: out)
    }
    #expect(!FileManager.default.fileExists(atPath: out))
    do {
      try XLSXTemplate(path: Self.broken).fill(
        Self.data, contract: BoardReportTemplate.contract, to: out)
    } catch let error as TemplateError {
      #expect(error.code == DiagnosticCode.templateUnknownName.id)
      #expect(
        error.description.hasSuffix(
          "trasig-mall.xlsx: 'Fel'!A1: error: unknown name 'kommunen'; did you mean 'kommun'? "
            + "(and 6 more problems; run 'report check') [template-unknown-name]"))
    }
  }
}
