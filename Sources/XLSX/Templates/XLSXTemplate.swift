import Foundation
public import Spreadsheet

/// A controller's own workbook used as a report template: `{{name}}` placeholders in cells,
/// headers and footers, `{{#each collection}}` … `{{/each}}` row blocks, `{{#if …}}` …
/// `{{/if}}` conditional rows and a sheet named `{{#each collection}}` cloned per item.
///
/// Filling edits the package in place (``XLSXPackage``): rows are written into the sheets,
/// and everything that points below or into a block follows (formulas on every sheet,
/// defined names, merged cells, conditional formats, data validations, tables, hyperlinks,
/// chart series with their caches, drawing anchors). Parts without markup or references to
/// moved rows stay byte-identical. The contract is documented in `docs/templates.md`.
///
/// ```swift
/// let template = try XLSXTemplate(path: "mall.xlsx")
/// let problems = template.check(contract)
/// try template.fill(data, contract: contract, to: "rapport.xlsx")
/// ```
public final class XLSXTemplate {
  /// One placeholder or marker found, and where.
  public struct Placeholder: Hashable, Sendable {
    /// Where: sheet and cell (no cell for a header or footer).
    public var location: SourceLocation
    /// The markup as written, e.g. `{{#each nyckeltal}}`.
    public var markup: String
    /// Whether it is in a header or footer.
    public var inHeaderFooter: Bool
  }

  /// The file.
  public let path: String
  let package: XLSXPackage
  let workbookPart: String
  var workbookXML: [UInt8]
  var sharedStrings: [String] = []
  var date1904 = false
  /// Worksheets in tab order.
  var sheets: [SheetEntry] = []
  var parsed: [String: TemplateSheet] = [:]

  struct SheetEntry {
    var name: String
    var part: String
    var relationshipID: String
    var element: Int
  }

  /// Opens a template.
  ///
  /// - Throws: ``XLSXError`` when it is not a workbook that can be edited.
  public init(path: String) throws {
    self.path = path
    package = try XLSXPackage(path: path)
    workbookPart = try package.workbookPartName()
    workbookXML = try package.part(workbookPart)
    let doc = try XLSXEditor.span(workbookXML, part: workbookPart, path: path)
    let rels = try package.relationships(of: workbookPart)
    if let pr = doc.child(of: 0, named: "workbookPr") {
      let v = doc.elements[pr].attribute("date1904")
      date1904 = v == "1" || v == "true"
    }
    if let sheetsIndex = doc.child(of: 0, named: "sheets") {
      for index in doc.children(of: sheetsIndex, named: "sheet") {
        let e = doc.elements[index]
        guard let name = e.attribute("name"), let id = e.attribute(local: "id"),
          let rel = rels.entries.first(where: { $0.id == id }), rel.kind == "worksheet"
        else { continue }
        sheets.append(
          SheetEntry(
            name: name, part: package.target(of: rel, from: workbookPart), relationshipID: id,
            element: index))
      }
    }
    if let rel = rels.first(kind: "sharedStrings"),
      package.has(package.target(of: rel, from: workbookPart))
    {
      let part = package.target(of: rel, from: workbookPart)
      let sst = try XLSXEditor.span(try package.part(part), part: part, path: path)
      sharedStrings = sst.children(of: 0, named: "si").map { si in
        // The text runs, without phonetic guides.
        let runs = sst.children(of: si, named: "r")
        if runs.isEmpty, let t = sst.child(of: si, named: "t") { return sst.text(of: t) }
        return runs.compactMap { sst.child(of: $0, named: "t").map(sst.text(of:)) }.joined()
      }
    }
    let markup = sharedStrings.map(TemplateSheet.hasBraces)
    let blank = sharedStrings.map { $0.allSatisfy(\.isWhitespace) }
    for sheet in sheets {
      parsed[sheet.part] = try TemplateSheet(
        bytes: try package.part(sheet.part), part: sheet.part, name: sheet.name, file: path,
        sharedStrings: sharedStrings, sharedMarkup: markup, sharedBlank: blank)
    }
  }

  /// The tab name of a per-item sheet: the item's `namn` (or first text field) without
  /// `[ ] : * ? / \\` and end apostrophes, at most 31 characters, unique without regard to
  /// case among `taken` (which it joins); `Blad n` when nothing is left.
  public static func sheetName(for item: TemplateRecord, index: Int, taken: inout Set<String>)
    -> String
  {
    TemplateFiller.sheetName(for: item, index: index, taken: &taken)
  }

  /// The collection a sheet is cloned for: its name is `{{#each collection}}`.
  static func perItemCollection(_ sheetName: String) -> String? {
    if case .each(let c)? = TemplateSyntax.soleTag(sheetName) { return c }
    return nil
  }

  /// Every placeholder and marker, sheet by sheet.
  public var placeholders: [Placeholder] {
    var out: [Placeholder] = []
    for sheet in sheets {
      if Self.perItemCollection(sheet.name) != nil {
        out.append(
          Placeholder(
            location: SourceLocation(file: path, sheet: sheet.name), markup: sheet.name,
            inHeaderFooter: false))
      }
      for tag in parsed[sheet.part]?.tags ?? [] {
        out.append(
          Placeholder(
            location: SourceLocation(file: path, sheet: sheet.name, cell: tag.cell),
            markup: Self.markup(tag.tag), inHeaderFooter: tag.inHeaderFooter))
      }
    }
    return out
  }

  static func markup(_ tag: TemplateTag) -> String {
    switch tag {
    case .value(let n): return "{{\(n)}}"
    case .each(let c): return "{{#each \(c)}}"
    case .endEach: return "{{/each}}"
    case .if(let c):
      var t = c.negated && c.compared == nil ? "not \(c.name)" : c.name
      if let v = c.compared { t += (c.negated ? " != '" : " == '") + v + "'" }
      return "{{#if \(t)}}"
    case .endIf: return "{{/if}}"
    case .invalid(let t): return "{{\(t)}}"
    }
  }

  /// The problems of the template against a contract: markup that cannot be filled and
  /// names the contract does not have (with the closest name it has).
  public func check(_ contract: TemplateContract) -> [TemplateProblem] {
    var problems: [TemplateProblem] = []
    let fieldsOf = contract.collections
    for sheet in sheets {
      guard let t = parsed[sheet.part] else { continue }
      problems += t.problems
      var base: [String] = []
      if let c = Self.perItemCollection(sheet.name) {
        if fieldsOf[c] == nil {
          problems.append(
            unknown(
              c, kind: "collection", among: Array(fieldsOf.keys),
              at: SourceLocation(file: path, sheet: sheet.name)))
        } else {
          base = [c]
        }
      }
      for tag in t.tags {
        let at = SourceLocation(file: path, sheet: sheet.name, cell: tag.cell)
        let within = base + tag.within
        let names =
          contract.scalars + within.flatMap { fieldsOf[$0] ?? [] }
        func checkName(_ n: String) {
          guard !names.contains(n) else { return }
          let whereText =
            within.isEmpty ? "" : " in {{#each \(within.last ?? "")}}"
          problems.append(unknown(n, kind: "name", within: whereText, among: names, at: at))
        }
        switch tag.tag {
        case .value(let n): checkName(n)
        case .if(let c): checkName(c.name)
        case .each(let c):
          if fieldsOf[c] == nil {
            problems.append(unknown(c, kind: "collection", among: Array(fieldsOf.keys), at: at))
          }
        default: break
        }
      }
    }
    // In the order of the workbook: sheet by sheet, row by row.
    let order = Dictionary(
      sheets.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
    return problems.enumerated().sorted { a, b in
      let ka = (
        order[a.element.location.sheet ?? ""] ?? 0, a.element.location.cell?.row ?? 0,
        a.element.location.cell?.column ?? 0, a.offset
      )
      let kb = (
        order[b.element.location.sheet ?? ""] ?? 0, b.element.location.cell?.row ?? 0,
        b.element.location.cell?.column ?? 0, b.offset
      )
      return ka < kb
    }.map(\.element)
  }

  private func unknown(
    _ name: String, kind: String, within: String = "", among: [String], at: SourceLocation
  ) -> TemplateProblem {
    var message = "unknown \(kind) '\(name)'\(within)"
    if let near = EditDistance.closest(to: name, among: among) {
      message += "; did you mean '\(near)'?"
    }
    return TemplateProblem(.unknownName, at: at, message)
  }

  /// Fills the template and writes the workbook to `output` (a temporary file beside it,
  /// renamed over it: a failure leaves nothing half-written).
  ///
  /// - Throws: ``TemplateError`` for a template with problems (the first one located, the
  ///   count of the rest); ``XLSXError`` when a part cannot be edited or written.
  public func fill(_ data: TemplateData, contract: TemplateContract, to output: String) throws {
    let problems = check(contract)
    if let first = problems.first {
      throw TemplateError(
        kind: first.kind, location: first.location,
        message: first.message
          + (problems.count > 1
            ? " (and \(problems.count - 1) more problems; run 'report check')" : ""))
    }
    var filler = TemplateFiller(template: self, data: data, contract: contract)
    try filler.run()
    try package.write(to: output)
  }
}

/// A template that cannot be filled: an unknown name or broken markup, located.
public struct TemplateError: LocatedError {
  /// What kind of problem.
  public var kind: TemplateProblem.Kind
  /// Where: file, sheet, cell.
  public var location: SourceLocation?
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(kind: TemplateProblem.Kind, location: SourceLocation?, message: String) {
    self.kind = kind
    self.location = location
    self.message = message
  }

  /// The catalogue's code.
  public var code: String {
    switch kind {
    case .unknownName: return DiagnosticCode.templateUnknownName.id
    case .invalid: return DiagnosticCode.templateInvalid.id
    }
  }
}
