import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import XLSX

/// Data validation, cell and sheet protection, defined names and custom document properties:
/// each element as the writer emits it, and a whole workbook read back by ``XLSXReader``.
@Suite struct WriterValidationTests {
  func text(_ x: WriterXML) -> String { String(decoding: x.bytes, as: UTF8.self) }

  @Test func listValidationFromADefinedName() {
    var x = WriterXML()
    DataValidation(
      ranges: [CellRange("C8:C57")!], rule: .list(source: "Lista_Namndmal"),
      prompt: .init(title: "Nämndmål", text: "Välj nämndmålet som målet bidrar till."),
      error: .init(title: "Okänt nämndmål", text: "Välj ur listan.")
    ).write(into: &x)
    #expect(
      text(x)
        == "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" "
        + "showErrorMessage=\"1\" errorTitle=\"Okänt nämndmål\" error=\"Välj ur listan.\" "
        + "promptTitle=\"Nämndmål\" prompt=\"Välj nämndmålet som målet bidrar till.\" "
        + "sqref=\"C8:C57\"><formula1>Lista_Namndmal</formula1></dataValidation>")
  }

  @Test func wholeDecimalDateAndInlineList() {
    var x = WriterXML()
    DataValidation.write(
      [
        DataValidation(
          ranges: [CellRange("A1:A2")!, CellRange("C3")!], rule: .whole(.greaterThan(0))),
        DataValidation(
          ranges: [CellRange("E8:E9")!], rule: .decimal(.between(100, 0)), errorStyle: .warning),
        DataValidation(
          ranges: [CellRange("D8:E57")!],
          rule: .date(
            .between(
              CivilDateTime(year: 2026, month: 10, day: 1),
              CivilDateTime(year: 2026, month: 12, day: 31))), allowBlank: false),
        DataValidation(ranges: [CellRange("F8")!], rule: .values(["Ja", "Nej"])),
      ], into: &x)
    #expect(
      text(x)
        == "<dataValidations count=\"4\">"
        + "<dataValidation type=\"whole\" operator=\"greaterThan\" allowBlank=\"1\" "
        + "showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"A1:A2 C3\">"
        + "<formula1>0</formula1></dataValidation>"
        + "<dataValidation type=\"decimal\" errorStyle=\"warning\" allowBlank=\"1\" "
        + "showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"E8:E9\">"
        + "<formula1>0</formula1><formula2>100</formula2></dataValidation>"
        + "<dataValidation type=\"date\" showInputMessage=\"1\" showErrorMessage=\"1\" "
        + "sqref=\"D8:E57\"><formula1>46296</formula1><formula2>46387</formula2>"
        + "</dataValidation>"
        + "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" "
        + "showErrorMessage=\"1\" sqref=\"F8\"><formula1>\"Ja,Nej\"</formula1></dataValidation>"
        + "</dataValidations>")
  }

  @Test func sheetProtectionWithoutPassword() {
    var x = WriterXML()
    SheetProtection().write(into: &x)
    #expect(
      text(x)
        == "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" "
        + "formatRows=\"0\"/>")
    var y = WriterXML()
    SheetProtection(selectLockedCells: false, formatColumns: false, formatRows: false)
      .write(into: &y)
    #expect(
      text(y)
        == "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" selectLockedCells=\"1\"/>"
    )
  }

  @Test func unlockedCellFormat() throws {
    let styles = WriterStyleTable()
    #expect(try styles.formatIndex(for: CellStyle(locked: false), quotePrefix: false) == 1)
    #expect(
      try styles.formatIndex(for: CellStyle(wrapText: true, locked: false), quotePrefix: false)
        == 2)
    let part = String(decoding: styles.part(), as: UTF8.self)
    #expect(
      part.contains(
        "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" "
          + "applyProtection=\"1\"><protection locked=\"0\"/></xf>"))
    #expect(
      part.contains(
        "xfId=\"0\" applyAlignment=\"1\" applyProtection=\"1\"><alignment wrapText=\"1\"/>"
          + "<protection locked=\"0\"/></xf>"))
  }

  @Test func customPropertiesPart() {
    let part = WriterPackageParts.customProperties([
      CustomProperty(name: "RedThreadFormat", value: .text("arbetsplan/1")),
      CustomProperty(name: "Version", value: .integer(3)),
      CustomProperty(name: "Klar", value: .bool(false)),
    ])
    #expect(
      String(decoding: part, as: UTF8.self)
        == "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        + "custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        + "docPropsVTypes\">"
        + "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" "
        + "name=\"RedThreadFormat\"><vt:lpwstr>arbetsplan/1</vt:lpwstr></property>"
        + "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"3\" "
        + "name=\"Version\"><vt:i4>3</vt:i4></property>"
        + "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"4\" "
        + "name=\"Klar\"><vt:bool>false</vt:bool></property></Properties>")
    let types = String(
      decoding: WriterPackageParts.contentTypes(
        sheets: [], sharedStrings: false, customProperties: true), as: UTF8.self)
    #expect(
      types.contains(
        "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.custom-properties+xml\"/>"))
    let rels = String(
      decoding: WriterPackageParts.rootRelationships(customProperties: true), as: UTF8.self)
    #expect(
      rels.contains(
        "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
          + "2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>"))
  }

  @Test func definedNamesInTheWorkbookPart() {
    let sheets = [
      WrittenSheet(name: "Mål", number: 1, visibility: .visible, autoFilter: nil),
      WrittenSheet(name: "Listor", number: 2, visibility: .hidden, autoFilter: nil),
    ]
    let part = String(
      decoding: WriterPackageParts.workbook(
        sheets: sheets, definedNames: [("Lista_Status", "Listor!$D$2:$D$7")]), as: UTF8.self)
    #expect(
      part.contains(
        "<sheet name=\"Listor\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets>"
          + "<definedNames><definedName name=\"Lista_Status\">Listor!$D$2:$D$7</definedName>"
          + "</definedNames>"))
  }

  @Test func refusedValidationsNamesAndProperties() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/refused.xlsx"
    #expect(throws: XLSXWriteError.self) {
      _ = try XLSXWriter(
        path: path,
        options: .init(customProperties: [
          .init(name: "A", value: .text("1")), .init(name: "a", value: .text("2")),
        ]))
    }
    let writer = try XLSXWriter(path: path)
    try writer.addWorksheet(name: "Blad")
    func code(_ body: () throws -> Void) -> String? {
      do {
        try body()
        return nil
      } catch let error as XLSXWriteError {
        return error.code
      } catch {
        return "\(error)"
      }
    }
    #expect(
      code { try writer.addDataValidation(.init(ranges: [], rule: .values(["Ja"]))) }
        == "invalid-range")
    #expect(
      code {
        try writer.addDataValidation(.init(ranges: [CellRange("A1")!], rule: .values(["a,b"])))
      } == "invalid-option")
    #expect(
      code {
        try writer.addDataValidation(
          .init(ranges: [CellRange("A1")!], rule: .decimal(.lessThan(.infinity))))
      } == "non-finite-number")
    #expect(
      code {
        try writer.addDataValidation(
          .init(
            ranges: [CellRange("A1")!], rule: .list(source: "L"),
            prompt: .init(title: String(repeating: "x", count: 33), text: "")))
      } == "invalid-option")
    #expect(code { try writer.defineName("A1", refersTo: "Blad!$A$1") } == "invalid-option")
    #expect(code { try writer.defineName("R1C1", refersTo: "Blad!$A$1") } == "invalid-option")
    #expect(code { try writer.defineName("1x", refersTo: "Blad!$A$1") } == "invalid-option")
    #expect(code { try writer.defineName("Lista", refersTo: "=Blad!$A$1") } == "invalid-option")
    try writer.defineName("Lista", refersTo: "Blad!$A$1")
    #expect(code { try writer.defineName("LISTA", refersTo: "Blad!$A$2") } == "invalid-option")
    writer.discard()
  }

  /// A protected sheet with unlocked input cells, drop-downs from a hidden list sheet and a
  /// format property, read back by RedThread's own reader.
  @Test func roundTripThroughTheReader() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/plan.xlsx"
    try ProtectedPlanWorkbook.write(to: path)
    let reader = try XLSXReader(path: path)
    #expect(reader.customProperties == ["RedThreadFormat": "arbetsplan/1", "Enhet": "Åsens skola"])
    let workbook = try reader.workbook()
    #expect(workbook.customProperties["RedThreadFormat"] == "arbetsplan/1")
    #expect(workbook.worksheets.map(\.name) == ["Mål", "Listor"])
    #expect(workbook.worksheets.map(\.visibility) == [.visible, .hidden])
    let goals = try #require(workbook.worksheet(named: "Mål"))
    #expect(goals.cell(at: CellReference("B1")!)?.value == .string("Åsens skola"))
    #expect(
      goals.cell(at: CellReference("B4")!)?.value
        == .string("NM-2 Barn och elever känner sig trygga"))
    let lists = try #require(workbook.worksheet(named: "Listor"))
    #expect(lists.cell(at: CellReference("A2")!)?.value == .string("NM-1 Alla elever når målen"))
  }
}

/// The small workbook the validation and protection tests write: a protected sheet `Mål`
/// with a locked header and unlocked input cells, a hidden sheet `Listor` with the lists, a
/// defined name per list and a custom property.
enum ProtectedPlanWorkbook {
  static func write(to path: String) throws {
    let writer = try XLSXWriter(
      path: path,
      options: XLSXWriteOptions(customProperties: [
        CustomProperty(name: "RedThreadFormat", value: .text("arbetsplan/1")),
        CustomProperty(name: "Enhet", value: .text("Åsens skola")),
      ]))
    let input = CellStyle(fillColor: .init(rgb: 0xFFF2CC), locked: false)
    let date = CellStyle(fillColor: .init(rgb: 0xFFF2CC), numberFormat: "yyyy-mm-dd", locked: false)
    try writer.addWorksheet(
      name: "Mål",
      options: WorksheetOptions(
        columnWidths: [1: 14, 2: 40], protection: SheetProtection()))
    try writer.writeRow(["Enhet:", "Åsens skola"])
    try writer.writeRow(["Period:", "Kvartal 4 2026"])
    try writer.writeRow(["Mål-ID", "Nämndmål", "Utfall", "Start", "Antal"])
    try writer.writeRow([
      .string("ASE-1", style: input),
      .string("NM-2 Barn och elever känner sig trygga", style: input),
      .number(86.5, style: input), .date(CivilDateTime(year: 2026, month: 10, day: 5), style: date),
      .string("", style: input),
    ])
    try writer.writeRow([
      .string("", style: input), .string("", style: input), .string("", style: input),
      .string("", style: date), .string("", style: input),
    ])
    try writer.addDataValidation(
      DataValidation(
        ranges: [CellRange("B4:B5")!], rule: .list(source: "Lista_Namndmal"),
        prompt: .init(title: "Nämndmål", text: "Välj ur listan.")))
    try writer.addDataValidation(
      DataValidation(ranges: [CellRange("C4:C5")!], rule: .decimal(.between(0, 100))))
    try writer.addDataValidation(
      DataValidation(
        ranges: [CellRange("D4:D5")!],
        rule: .date(
          .between(
            CivilDateTime(year: 2026, month: 10, day: 1),
            CivilDateTime(year: 2026, month: 12, day: 31)))))
    try writer.addDataValidation(
      DataValidation(ranges: [CellRange("E4:E5")!], rule: .whole(.greaterThanOrEqual(0))))
    try writer.addWorksheet(name: "Listor", options: WorksheetOptions(visibility: .hidden))
    try writer.writeRow(["Nämndmål"])
    try writer.writeRow(["NM-1 Alla elever når målen"])
    try writer.writeRow(["NM-2 Barn och elever känner sig trygga"])
    try writer.defineName("Lista_Namndmal", refersTo: "Listor!$A$2:$A$3")
    try writer.close()
  }
}
