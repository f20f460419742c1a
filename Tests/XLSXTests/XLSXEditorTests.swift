import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import XLSX

@Suite struct XLSXEditorTests {
  static let fixture = Fixture.url("xlsx/editing/existing-notes.xlsx")

  static func temporary(_ name: String = "edited.xlsx") -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "redthread-editor-\(UUID().uuidString)-\(name)")
  }

  @Test func anUnchangedPackageIsCopiedWithTheSameStoredBytes() throws {
    let out = Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    try XLSXPackage(path: Self.fixture.path).write(to: out.path)
    let before = try PackageParts(path: Self.fixture.path)
    let after = try PackageParts(path: out.path)
    #expect(after.names == before.names)
    #expect(after.contents == before.contents)
    #expect(after.stored == before.stored)
  }

  @Test func notesJoinTheSheetsExistingCommentsAndDrawing() throws {
    let out = Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    let editor = try XLSXEditor(path: Self.fixture.path)
    try editor.addNote("Ny anteckning.", heading: "Fel", at: CellReference("A1")!, sheet: "Mål")
    try editor.addNote("Andra cellen.", at: CellReference("B2")!, sheet: "Mål")
    try editor.addNote("Ett annat blad.", at: CellReference("A1")!, sheet: "Data")
    try editor.write(to: out.path)

    let before = try PackageParts(path: Self.fixture.path)
    let after = try PackageParts(path: out.path)
    // The existing note keeps its text and author and gets ours after it.
    let comments = after.text("xl/comments/comment1.xml")
    #expect(comments.contains("Skriv målets namn här."))
    #expect(comments.contains("Mallens författare"))
    #expect(comments.contains("<author>Återkoppling</author>"))
    #expect(comments.contains("Ny anteckning."))
    #expect(comments.contains("ref=\"B2\""))
    // The existing drawing gets one new box (B2; A1 has one), in its own prefixes and block.
    let vml = after.text("xl/drawings/commentsDrawing1.vml")
    #expect(vml.components(separatedBy: "<ns1:shape ").count == 3)
    #expect(vml.contains("id=\"_x0000_s1026\""))
    #expect(!vml.contains("<v:"))
    // The other sheet gets new parts with the next block of shape ids.
    let dataRels = after.text("xl/worksheets/_rels/sheet3.xml.rels")
    #expect(dataRels.contains("relationships/comments"))
    #expect(dataRels.contains("relationships/vmlDrawing"))
    let newVML = try #require(
      after.names.first { $0.hasSuffix(".vml") && $0 != "xl/drawings/commentsDrawing1.vml" })
    #expect(after.text(newVML).contains("<o:idmap v:ext=\"edit\" data=\"2\"/>"))
    #expect(after.text(newVML).contains("_x0000_s2049"))
    #expect(after.text("xl/worksheets/sheet3.xml").contains("legacyDrawing"))
    // Untouched parts are byte-identical, stored bytes too.
    let changed = after.changed(from: before)
    for name in before.names where !changed.contains(name) {
      #expect(after.stored[name] == before.stored[name], "\(name)")
    }
    #expect(!changed.contains("xl/worksheets/sheet2.xml"))
    #expect(!changed.contains("xl/theme/theme1.xml"))
    #expect(!changed.contains("xl/styles.xml"))
    try Self.expectConsistent(after)
    #expect(
      try Workbook.cellValuesBySheet(at: out.path)
        == Workbook.cellValuesBySheet(at: Self.fixture.path))
  }

  @Test func aFilledCellKeepsItsNumberFormatAndFont() throws {
    let out = Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    let editor = try XLSXEditor(path: Self.fixture.path)
    try editor.fill(CellReference("B2")!, sheet: "Mål", rgb: "F5D999")
    try editor.write(to: out.path)
    let before = try PackageParts(path: Self.fixture.path)
    let after = try PackageParts(path: out.path)
    let oldStyle = try #require(Self.style(of: "B2", in: before.text("xl/worksheets/sheet1.xml")))
    let newStyle = try #require(Self.style(of: "B2", in: after.text("xl/worksheets/sheet1.xml")))
    let oldXF = try XMLSpanDocument(before.contents["xl/styles.xml"]!)
    let newXF = try XMLSpanDocument(after.contents["xl/styles.xml"]!)
    let old = Self.cellFormat(oldStyle, in: oldXF)
    let new = Self.cellFormat(newStyle, in: newXF)
    #expect(new.attribute("numFmtId") == old.attribute("numFmtId"))
    #expect(new.attribute("fontId") == old.attribute("fontId"))
    #expect(new.attribute("fillId") != old.attribute("fillId"))
    #expect(new.attribute("applyFill") == "1")
    #expect(after.changed(from: before) == ["xl/worksheets/sheet1.xml", "xl/styles.xml"])
    #expect(
      try Workbook.cellValuesBySheet(at: out.path)
        == Workbook.cellValuesBySheet(at: Self.fixture.path))
  }

  @Test func emptyCellsAreAddedInRowAndColumnOrder() throws {
    let out = Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    let editor = try XLSXEditor(path: Self.fixture.path)
    for ref in ["A2", "D2", "B4", "Z9"] {
      try editor.fill(CellReference(ref)!, sheet: "Mål", rgb: "BBE1F6")
    }
    try editor.fill(CellReference("C2")!, sheet: "Tom", rgb: "BBE1F6")
    try editor.write(to: out.path)
    let after = try PackageParts(path: out.path)
    let sheet = after.text("xl/worksheets/sheet1.xml")
    let order = ["r=\"A2\"", "r=\"B2\"", "r=\"D2\"", "r=\"3\"", "r=\"B4\"", "r=\"5\"", "r=\"Z9\""]
    let positions = order.map { sheet.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    #expect(after.text("xl/worksheets/sheet2.xml").contains("<c r=\"C2\""))
    #expect(
      try Workbook.cellValuesBySheet(at: out.path)
        == Workbook.cellValuesBySheet(at: Self.fixture.path))
  }

  @Test func anInsertedFirstSheetMovesScopedNamesAndOpensAlone() throws {
    let out = Self.temporary()
    defer { try? FileManager.default.removeItem(at: out) }
    let editor = try XLSXEditor(path: Self.fixture.path)
    let link = try editor.addTextFormat(underline: true, rgb: "0563C1")
    try editor.insertWorksheet(
      named: "Mål", at: 0, rows: [[.text("Se", style: nil), .text("B2", style: link)]],
      links: [(CellReference("B1")!, "'Mål'!B2")])
    try editor.write(to: out.path)
    let after = try PackageParts(path: out.path)
    let workbook = after.text("xl/workbook.xml")
    #expect(workbook.contains("name=\"Mål (2)\""))
    #expect(workbook.contains("localSheetId=\"3\""))
    #expect(workbook.contains("activeTab=\"0\""))
    #expect(!after.text("xl/worksheets/sheet1.xml").contains("tabSelected=\"1\""))
    let read = try XLSXReader.read(path: out.path)
    #expect(read.worksheets.map(\.name) == ["Mål (2)", "Mål", "Tom", "Data"])
    #expect(read.worksheets[0].cell(at: CellReference("B1")!)?.value == .string("B2"))
    let newSheet = try #require(after.names.first { $0 == "xl/worksheets/sheet4.xml" })
    #expect(after.text(newSheet).contains("location=\"'Mål'!B2\""))
    try Self.expectConsistent(after)
  }

  // MARK: - Helpers

  static func style(of ref: String, in sheet: String) -> Int? {
    guard let at = sheet.range(of: "<c r=\"\(ref)\"") else { return nil }
    let tag = sheet[at.upperBound...].prefix { $0 != ">" }
    guard let s = tag.range(of: " s=\"") else { return 0 }
    return Int(tag[s.upperBound...].prefix { $0 != "\"" })
  }

  static func cellFormat(_ index: Int, in doc: XMLSpanDocument) -> XMLSpanDocument.Element {
    let xfs = doc.child(of: 0, named: "cellXfs")!
    return doc.elements[doc.children(of: xfs, named: "xf")[index]]
  }

  /// Every relationship's internal target exists, and every part has a content type.
  static func expectConsistent(_ parts: PackageParts) throws {
    let types = try ContentTypesPart(xml: parts.contents["[Content_Types].xml"]!)
    for name in parts.names where name != "[Content_Types].xml" && !name.hasSuffix("/") {
      #expect(types.contentType(of: name) != nil, "\(name) has no content type")
      guard name.hasSuffix(".rels") else { continue }
      let rels = try RelationshipsPart(xml: parts.contents[name]!, partName: name)
      let source = name.replacingOccurrences(of: "_rels/", with: "")
        .replacingOccurrences(of: ".rels", with: "")
      for entry in rels.entries where !entry.isExternal {
        let target = PartName(source).resolve(entry.target).path
        #expect(parts.names.contains(target), "\(name): \(entry.target) is missing")
      }
    }
  }
}
