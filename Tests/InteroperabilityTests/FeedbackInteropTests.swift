import Feedback
import Foundation
import Spreadsheet
import TestSupport
import Testing

/// A feedback workbook (the demo's Åsens skola with three problems) as openpyxl and
/// LibreOffice read it: the list sheet first, with its links, and a note and fill on each
/// marked cell. LibreOffice's reading is checked by having it save the workbook again and
/// reading that copy with openpyxl.
@Suite(
  .enabled(if: ExternalTools.hasOpenpyxl, "python3 with openpyxl is not installed"),
  .serialized)
struct FeedbackInteropTests {
  static let script = """
    import json, sys, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {"sheets": wb.sheetnames, "active": wb.active.title, "links": [], "notes": []}
    for row in wb.worksheets[0].iter_rows():
        for c in row:
            if c.hyperlink is not None:
                out["links"].append([c.coordinate, c.hyperlink.location])
    for ws in wb.worksheets[1:]:
        for row in ws.iter_rows():
            for c in row:
                if c.comment is not None:
                    out["notes"].append([ws.title, c.coordinate, c.fill.fgColor.rgb,
                                         c.comment.text.split("\\n")[0]])
    print(json.dumps(out, ensure_ascii=False))
    """

  struct View: Decodable, Equatable {
    var sheets: [String]
    var active: String
    var links: [[String]]
    var notes: [[String]]
  }

  static let expected = View(
    sheets: ["Återkoppling", "Mål", "Nyckeltal", "Aktiviteter"], active: "Återkoppling",
    links: [["C2", "'Mål'!C8"], ["C3", "'Mål'!A9"], ["C4", "'Nyckeltal'!D10"]],
    notes: [
      ["Mål", "C8", "FFF5D999", "Fel: Hänvisning till något som inte finns"],
      ["Mål", "A9", "FFBBE1F6", "Varning: Prioriterat mål utan nyckeltal eller aktivitet"],
      ["Nyckeltal", "D10", "FFF5D999", "Fel: Målvärde saknas"],
    ])

  static func feedback(in folder: URL) throws -> URL {
    let name = "Arbetsplan Åsens skola kvartal 3 2026.xlsx"
    func at(_ sheet: String, _ cell: String) -> Spreadsheet.SourceLocation {
      Spreadsheet.SourceLocation(file: name, sheet: sheet, cell: CellReference(cell))
    }
    let diagnostics = [
      Diagnostic(
        code: "unresolved-reference", severity: .error, location: at("Mål", "C8"), message: "x"),
      Diagnostic(
        code: "goal-without-breakdown", severity: .warning, location: at("Mål", "A9"),
        message: "x"),
      Diagnostic(
        code: "missing-target", severity: .error, location: at("Nyckeltal", "D10"), message: "x"),
    ]
    let out = folder.appendingPathComponent("feedback.xlsx")
    try FeedbackWorkbook.write(
      source: Fixture.repo("samples/hofors/inbox/" + name), diagnostics: diagnostics, to: out)
    return out
  }

  static func view(_ path: String, folder: URL) throws -> View {
    let script = folder.appendingPathComponent("view.py")
    try Data(Self.script.utf8).write(to: script)
    let result = try ExternalTools.run("python3", [script.path, path])
    guard result.status == 0 else { throw ToolFailure(message: result.error) }
    return try JSONDecoder().decode(View.self, from: Data(result.output.utf8))
  }

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redthread-feedback-interop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func openpyxlReadsTheListLinksNotesAndFills() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let view = try Self.view(try Self.feedback(in: folder).path, folder: folder)
    #expect(view == Self.expected)
  }

  @Test(.enabled(if: ExternalTools.hasLibreOffice, "LibreOffice (soffice) is not installed"))
  func libreOfficeReadsTheListLinksNotesAndFills() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = try Self.feedback(in: folder)
    let out = folder.appendingPathComponent("saved")
    let result = try ExternalTools.run(
      "soffice",
      [
        "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to",
        "xlsx", "--outdir", out.path, source.path,
      ])
    #expect(result.status == 0)
    let view = try Self.view(out.appendingPathComponent("feedback.xlsx").path, folder: folder)
    #expect(view == Self.expected)
  }
}
