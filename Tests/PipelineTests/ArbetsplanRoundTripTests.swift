import Canonical
import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Pipeline

private let hasOpenpyxl = ExternalProgram.hasOpenpyxl
private let hasLibreOffice = ExternalProgram.hasLibreOffice

/// Runs python3 and returns its exit status and output.
private func python(_ arguments: [String]) throws -> (status: Int32, output: String, error: String)
{
  try ExternalProgram.run("python3", arguments)
}

/// `redthread plan send` on the sample municipality, the workbooks filled with openpyxl as
/// rektorer would in Excel (Tests/Fixtures/arbetsplan/fill_arbetsplan.py), returned to the
/// inbox — one of them renamed — and run again for the new period.
@Suite(.enabled(if: hasOpenpyxl, "python3 with openpyxl is not installed"))
struct ArbetsplanRoundTripTests {
  static let period = Period.quarter(4, 2026)

  /// A workspace made as `make demo` makes it, after its first run (kvartal 3 2026).
  static func demoWorkspace() throws -> (Workspace, PipelineConfig, MappingConverter) {
    let (_, workspace) = try SampleMunicipalityTests.run()
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    return (workspace, config, try MappingConverter.load(config: config))
  }

  static let validationDump = """
    import json, sys, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {"props": {p.name: str(p.value) for p in wb.custom_doc_props.props}, "sheets": {}}
    for ws in wb.worksheets:
        out["sheets"][ws.title] = {
            "state": ws.sheet_state, "protected": bool(ws.protection.sheet),
            "password": ws.protection.password,
            "dv": [[str(dv.sqref), dv.type, dv.formula1 or ""] for dv in ws.data_validations.dataValidation],
            "header": [c.value for c in ws[7]] if ws.max_row >= 7 else [],
            "unlocked": sorted(c.coordinate for row in ws.iter_rows() for c in row if not c.protection.locked)[:3],
            "lockedB2": ws["B2"].protection.locked,
        }
    print(json.dumps(out, ensure_ascii=False))
    """

  @Test func sendWritesOneCheckedWorkbookPerUnitWithLastPeriodCarriedForward() throws {
    let (workspace, config, converter) = try Self.demoWorkspace()
    let sender = PlanSender(workspace: workspace, config: config, converter: converter)
    let sent = try sender.send(
      unitIDs: [], period: Self.period, deadline: CalendarDate(year: 2027, month: 1, day: 15))
    #expect(
      sent.map(\.unit) == [
        "forskoleomrade-centrum", "forskoleomrade-norr", "forskoleomrade-soder",
        "hyttbackens-skola", "lillaskolan", "petreskolan", "asens-skola",
      ])
    #expect(sender.sentRecords(for: Self.period).count == 7)
    // Åsens skola's last plan aligned ASE-2 to "NM-22": carried as written, and noted.
    #expect(
      sent.first { $0.unit == "asens-skola" }?.unknownReferences == ["'Enhetens mål'!C9: NM-22"])
    #expect(sent.filter { $0.unknownReferences != nil }.count == 1)
    for item in sent {
      let path = workspace.root.appendingPathComponent(item.file).path
      // RedThread's own reader: the format property, the sheets, the carried-forward goals.
      let workbook = try XLSXReader.read(path: path)
      #expect(workbook.customProperties["RedThreadFormat"] == "arbetsplan-1")
      #expect(workbook.customProperties["RedThreadUnit"] == item.unit)
      #expect(
        workbook.worksheets.map(\.name)
          == ["Mål i en vy", "Enhetens mål", "Nyckeltal", "Aktiviteter", "Listor"])
      #expect(workbook.worksheets.last?.visibility == .hidden)
      #expect((item.carried["goals"] ?? 0) >= 3, "\(item.unit)")
      #expect((item.carried["kpis"] ?? 0) >= 3, "\(item.unit)")
      let goals = try #require(workbook.worksheet(named: "Enhetens mål"))
      #expect(goals.cell(at: CellReference("A8")!)?.value.displayText.isEmpty == false)
      let kpis = try #require(workbook.worksheet(named: "Nyckeltal"))
      // Outcomes are left empty for the new period.
      for row in 8..<(8 + (item.carried["kpis"] ?? 0)) {
        #expect(kpis.cell(at: CellReference(row: row, column: 5))?.value.displayText ?? "" == "")
      }

      // openpyxl: validation on every goal reference, KPI id, status and date column,
      // protection without a password, the header locked and the input cells open.
      let result = try python(["-c", Self.validationDump, path])
      try #require(result.status == 0, "openpyxl: \(result.error)")
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
      let sheets = try #require(json["sheets"] as? [String: [String: Any]])
      func validated(_ sheet: String, _ column: String) -> String? {
        let dv = sheets[sheet]?["dv"] as? [[String]] ?? []
        return dv.first { entry in
          entry[0].split(separator: " ").contains { $0.hasPrefix(column + "8") }
        }.map { "\($0[1]) \($0[2])" }
      }
      #expect(validated("Enhetens mål", "C") == "list Lista_Namndmal")
      #expect(validated("Enhetens mål", "D") == "list Lista_Nationella_mal")
      #expect(validated("Nyckeltal", "A") == "list Lista_Enhetsmal")
      #expect(validated("Nyckeltal", "C") == "list Lista_Nyckeltal")
      #expect(validated("Nyckeltal", "E")?.hasPrefix("decimal") == true)
      #expect(validated("Aktiviteter", "A") == "list Lista_Enhetsmal")
      #expect(validated("Aktiviteter", "D")?.hasPrefix("date") == true)
      #expect(validated("Aktiviteter", "E")?.hasPrefix("date") == true)
      #expect(validated("Aktiviteter", "F") == "list Lista_Status")
      for name in ["Mål i en vy", "Enhetens mål", "Nyckeltal", "Aktiviteter"] {
        #expect(sheets[name]?["protected"] as? Bool == true, "\(name)")
        #expect(sheets[name]?["password"] is NSNull, "\(name)")
        #expect(sheets[name]?["lockedB2"] as? Bool == true, "\(name)")
      }
      #expect((sheets["Enhetens mål"]?["unlocked"] as? [String])?.first == "A10")
    }
  }

  @Test func filledWorkbooksComeBackWithOnlyThePlantedFaults() throws {
    let (workspace, baseConfig, converter) = try Self.demoWorkspace()
    let sender = PlanSender(workspace: workspace, config: baseConfig, converter: converter)
    _ = try sender.send(unitIDs: [], period: Self.period)
    let fill = Fixture.url("arbetsplan/fill_arbetsplan.py").path
    let result = try python([fill, sender.folder(for: Self.period).path, workspace.inbox.path])
    try #require(result.status == 0, "fill_arbetsplan.py: \(result.error)")
    let planted = try result.output.split(separator: "\n").map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
      return [object?["file"] ?? "", object?["cell"] ?? "", object?["code"] ?? ""]
    }
    #expect(planted.count == 2)

    var config = baseConfig
    config.period = Self.period
    let runner = PipelineRunner(
      workspace: workspace, config: config, converter: converter,
      validator: RedThreadChecks(), reporter: RecordingReporter(),
      now: { Date(timeIntervalSince1970: 1_798_000_000) }, wait: { _ in })
    let summary = try runner.runOnce()

    // Every returned workbook is read, the renamed one too, by the shipped mapping.
    let archived = summary.files.compactMap { file -> String? in
      if case .archived = file.outcome { return file.name }
      return nil
    }
    #expect(archived.count == 7)
    #expect(archived.contains("Lillå svar.xlsx"))
    let store = try SQLiteStore.open(workspace)
    let returned = try store.files(outcome: .converted).filter { $0.period == Self.period.id }
    #expect(returned.count == 7)
    #expect(returned.allSatisfy { $0.mapping == "arbetsplan-redthread" })

    // Every unit delivered: a unit plan for the period from each.
    let dataset = try workspace.currentDataset(reference: converter.reference)
    let delivered = Set(
      dataset.plans.filter { $0.kind == .unitPlan && $0.period == Self.period }.compactMap(
        \.unitID))
    #expect(delivered == Set(sender.units().map(\.id)))
    #expect(!summary.diagnostics.contains { $0.code == "missing-delivery" })

    // plan status: every unit was sent its workbook and has returned it, the renamed one too.
    let status = try sender.status(for: Self.period)
    #expect(status.count == 7)
    #expect(status.allSatisfy { $0.sent != nil && $0.returned != nil })
    #expect(status.first { $0.unit == "lillaskolan" }?.returned?.name == "Lillå svar.xlsx")

    // Zero faults but the planted ones, each at its cell; the holiday list rejected in the
    // first run is still listed.
    let found = summary.diagnostics.filter { $0.severity >= .warning }.map {
      [$0.location?.file ?? "", $0.location?.reference ?? "", $0.code]
    }
    let expected = planted + [["Läsårstider 2026-2027.xlsx", "", "file-rejected"]]
    #expect(Set(found) == Set(expected))
    #expect(found.count == expected.count)
    let typo = summary.diagnostics.first { $0.code == "unresolved-reference" }
    #expect(typo?.hint?.contains("'NM-2'") == true)

    // The drop-down text maps back to the goal id.
    let hyttbacken = dataset.goals.filter {
      $0.ownerUnitID == "hyttbackens-skola" && $0.period == Self.period
    }
    #expect(
      hyttbacken.first { $0.id == "HYT-1" }?.alignsTo.allSatisfy { !$0.contains(" ") } == true)
    #expect(hyttbacken.first { $0.id == "HYT-2" }?.alignsTo == ["NM-22"])
  }

  /// Every sent workbook opens in LibreOffice: converted to CSV (its first sheet, as shown),
  /// it has the header block and the nämndmål.
  @Test(.enabled(if: hasLibreOffice, "LibreOffice (soffice) is not installed"))
  func sentWorkbooksOpenInLibreOffice() throws {
    let (workspace, config, converter) = try Self.demoWorkspace()
    let sender = PlanSender(workspace: workspace, config: config, converter: converter)
    let sent = try sender.send(unitIDs: [], period: Self.period)
    let out = workspace.root.appendingPathComponent("csv")
    let files = sent.map { workspace.root.appendingPathComponent($0.file).path }
    let profile = workspace.root.appendingPathComponent("lo-profile")
    let result = try ExternalProgram.run(
      "soffice",
      [
        "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out.path,
      ] + files)
    try #require(result.status == 0, "soffice: \(result.error)")
    for item in sent {
      let name = (item.file as NSString).lastPathComponent.replacingOccurrences(
        of: ".xlsx", with: ".csv")
      let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
      #expect(text.contains("\"Enhet:\",\"\(item.unitName)\""), "\(name)")
      #expect(text.contains("Lämnas senast:"), "\(name)")
      #expect(text.contains("NM-2 Barn och elever känner sig trygga och har studiero"), "\(name)")
    }
  }

  /// A unit that has not returned its workbook is missing from the new period's report — not
  /// reported with last period's plan — and `plan status` says so.
  @Test func aUnitThatHasNotReturnedIsMissingNotCarried() throws {
    let (workspace, baseConfig, converter) = try Self.demoWorkspace()
    let sender = PlanSender(workspace: workspace, config: baseConfig, converter: converter)
    _ = try sender.send(unitIDs: [], period: Self.period)
    let fill = Fixture.url("arbetsplan/fill_arbetsplan.py").path
    let result = try python([fill, sender.folder(for: Self.period).path, workspace.inbox.path])
    try #require(result.status == 0, "fill_arbetsplan.py: \(result.error)")
    try FileManager.default.removeItem(
      at: workspace.inbox.appendingPathComponent("Arbetsplan Förskoleområde Söder 2026-Q4.xlsx"))
    var config = baseConfig
    config.period = Self.period
    let runner = PipelineRunner(
      workspace: workspace, config: config, converter: converter,
      validator: RedThreadChecks(), reporter: RecordingReporter(),
      now: { Date(timeIntervalSince1970: 1_798_000_000) }, wait: { _ in })
    let summary = try runner.runOnce()
    let missing = summary.diagnostics.filter { $0.code == "missing-delivery" }
    #expect(missing.count == 1)
    #expect(missing.first?.message.contains("forskoleomrade-soder") == true)
    #expect(
      !summary.diagnostics.contains {
        $0.location?.file == "Arbetsplan Förskoleområde Söder kvartal 3 2026.xlsx"
      })
    let status = try sender.status(for: Self.period)
    #expect(status.filter { $0.returned == nil }.map(\.unit) == ["forskoleomrade-soder"])
    #expect(status.allSatisfy { $0.sent != nil })
  }
}
