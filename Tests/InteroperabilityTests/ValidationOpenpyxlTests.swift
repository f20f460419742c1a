import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// Data validations, protection, a hidden list sheet, defined names and a custom property, as
/// openpyxl 3.1 reads them (`ws.data_validations`, `ws.protection`, `cell.protection`,
/// `wb.defined_names`, `wb.custom_doc_props`).
@Suite(.enabled(if: ExternalTools.hasOpenpyxl, "python3 with openpyxl is not installed"))
struct ValidationOpenpyxlTests {
  static let dump = """
    import json, sys, warnings
    warnings.simplefilter("error")
    import openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {"sheets": [], "names": {}, "props": {}}
    for ws in wb.worksheets:
        dvs = []
        for dv in ws.data_validations.dataValidation:
            dvs.append([dv.type, dv.operator or "", str(dv.sqref), dv.formula1 or "", dv.formula2 or "",
                        dv.promptTitle or "", dv.prompt or ""])
        locked = {c.coordinate: c.protection.locked for row in ws.iter_rows() for c in row}
        out["sheets"].append({"title": ws.title, "state": ws.sheet_state,
            "protected": bool(ws.protection.sheet), "password": ws.protection.password,
            "dv": dvs, "locked": locked})
    for name, dn in wb.defined_names.items():
        out["names"][name] = dn.attr_text
    for p in wb.custom_doc_props.props:
        out["props"][p.name] = str(p.value)
    print(json.dumps(out, ensure_ascii=False))
    """

  @Test func validationsProtectionAndProperties() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/plan.xlsx"
    let writer = try XLSXWriter(
      path: path,
      options: XLSXWriteOptions(customProperties: [
        CustomProperty(name: "RedThreadFormat", value: .text("arbetsplan/1"))
      ]))
    let input = CellStyle(fillColor: .init(rgb: 0xFFF2CC), locked: false)
    try writer.addWorksheet(name: "Mål", options: WorksheetOptions(protection: SheetProtection()))
    try writer.writeRow(["Enhet:", "Åsens skola"])
    try writer.writeRow([.string("NM-2 Trygghet", style: input), .number(50, style: input)])
    try writer.addDataValidation(
      DataValidation(
        ranges: [CellRange("A2:A9")!], rule: .list(source: "Lista_Namndmal"),
        prompt: .init(title: "Nämndmål", text: "Välj ur listan.")))
    try writer.addDataValidation(
      DataValidation(ranges: [CellRange("B2:B9")!], rule: .decimal(.between(0, 100))))
    try writer.addDataValidation(
      DataValidation(
        ranges: [CellRange("C2:C9")!],
        rule: .date(
          .between(
            CivilDateTime(year: 2026, month: 10, day: 1),
            CivilDateTime(year: 2026, month: 12, day: 31)))))
    try writer.addDataValidation(
      DataValidation(ranges: [CellRange("D2:D9")!], rule: .whole(.greaterThanOrEqual(0))))
    try writer.addWorksheet(name: "Listor", options: WorksheetOptions(visibility: .hidden))
    try writer.writeRow(["NM-1 Kunskap"])
    try writer.writeRow(["NM-2 Trygghet"])
    try writer.defineName("Lista_Namndmal", refersTo: "Listor!$A$1:$A$2")
    try writer.close()

    let result = try ExternalTools.run("python3", ["-c", Self.dump, path])
    try #require(result.status == 0, "openpyxl failed: \(result.error)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(json["props"] as? [String: String] == ["RedThreadFormat": "arbetsplan/1"])
    #expect(json["names"] as? [String: String] == ["Lista_Namndmal": "Listor!$A$1:$A$2"])
    let sheets = try #require(json["sheets"] as? [[String: Any]])
    #expect(sheets.map { $0["title"] as? String } == ["Mål", "Listor"])
    #expect(sheets.map { $0["state"] as? String } == ["visible", "hidden"])
    #expect(sheets[0]["protected"] as? Bool == true)
    #expect(sheets[0]["password"] is NSNull)
    #expect(sheets[1]["protected"] as? Bool == false)
    let locked = try #require(sheets[0]["locked"] as? [String: Bool])
    #expect(locked["A1"] == true)
    #expect(locked["B1"] == true)
    #expect(locked["A2"] == false)
    #expect(locked["B2"] == false)
    let validations = try #require(sheets[0]["dv"] as? [[String]])
    // openpyxl gives no operator for "between", the default it leaves out.
    #expect(
      validations == [
        ["list", "", "A2:A9", "Lista_Namndmal", "", "Nämndmål", "Välj ur listan."],
        ["decimal", "", "B2:B9", "0", "100", "", ""],
        ["date", "", "C2:C9", "46296", "46387", "", ""],
        ["whole", "greaterThanOrEqual", "D2:D9", "0", "", "", ""],
      ])
  }
}
