import Foundation
public import Spreadsheet

/// One worksheet of a template read for filling: its rows and cells, the markup in them,
/// and its blocks as a tree.
struct TemplateSheet {
  struct Cell {
    var element: Int
    var column: Int
    /// The cell's text (shared or inline string), when it holds text.
    var text: String?
    /// The `<f>` element.
    var formula: Int?
    /// Whether the text holds `{{`.
    var markup = false
    /// Whether the text is empty or spaces.
    var blank = true
  }

  struct Row {
    var element: Int
    var cells: [Cell]
  }

  enum Marker {
    case each(String)
    case `if`(TemplateCondition)
  }

  indirect enum Node {
    case row(Int)
    case block(Marker, open: Int, close: Int, children: [Node])
  }

  /// One piece of markup and where it is.
  struct Tag {
    var cell: CellReference?
    /// `headerFooter` text, when not in a cell.
    var inHeaderFooter: Bool
    var tag: TemplateTag
    var text: String
    /// The collections of the blocks around it, outermost first.
    var within: [String]
  }

  let doc: XMLSpanDocument
  let part: String
  var name: String
  var rows: [Int: Row] = [:]
  var maxRow = 0
  var nodes: [Node] = []
  var tags: [Tag] = []
  var problems: [TemplateProblem] = []
  var hasMarkup: Bool { !tags.isEmpty }

  /// Reads a worksheet; `sharedMarkup` and `sharedBlank` say of each shared string whether
  /// it holds `{{` and whether it is blank (worked out once, not per cell).
  init(
    bytes: [UInt8], part: String, name: String, file: String, sharedStrings: [String],
    sharedMarkup: [Bool], sharedBlank: [Bool]
  ) throws {
    do { doc = try XMLSpanDocument(bytes) } catch {
      throw XLSXError(
        .malformedXML, location: SourceLocation(file: file, sheet: name),
        message: "\(part) cannot be read as a template: \(error)")
    }
    self.part = part
    self.name = name
    guard let data = doc.child(of: 0, named: "sheetData") else { return }
    var rowNumber = 0
    for index in doc.children(of: data, named: "row") {
      rowNumber = doc.elements[index].attribute("r").flatMap { Int($0) } ?? rowNumber + 1
      var cells: [Cell] = []
      var column = 0
      for c in doc.children(of: index, named: "c") {
        let e = doc.elements[c]
        if let r = e.attribute("r"), let ref = CellReference(r) {
          column = ref.column
        } else {
          column += 1
        }
        var cell = Cell(
          element: c, column: column, text: nil, formula: doc.child(of: c, named: "f"))
        switch e.attribute("t") {
        case "s":
          if let v = doc.child(of: c, named: "v"), let i = Int(doc.text(of: v)),
            sharedStrings.indices.contains(i)
          {
            cell.text = sharedStrings[i]
            cell.markup = sharedMarkup[i]
            cell.blank = sharedBlank[i]
          }
        case "inlineStr":
          if let s = doc.child(of: c, named: "is") {
            let text = doc.text(of: s)
            cell.text = text
            cell.markup = Self.hasBraces(text)
            cell.blank = text.allSatisfy(\.isWhitespace)
          }
        default: break
        }
        cells.append(cell)
      }
      rows[rowNumber] = Row(element: index, cells: cells.sorted { $0.column < $1.column })
      maxRow = max(maxRow, rowNumber)
    }
    parse(file: file)
  }

  /// Whether a text holds `{{` (a byte scan, so that long texts without markup cost little).
  static func hasBraces(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for b in text.utf8 {
      if b == UInt8(ascii: "{"), previous == b { return true }
      previous = b
    }
    return false
  }

  private func location(_ file: String, _ row: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: file, sheet: name, cell: CellReference(row: row, column: column))
  }

  /// Finds the markup and builds the tree of blocks.
  private mutating func parse(file: String) {
    var stack: [(marker: Marker, open: Int, children: [Node], collection: String?)] = []
    var top: [Node] = []
    func append(_ node: Node) {
      if stack.isEmpty { top.append(node) } else { stack[stack.count - 1].children.append(node) }
    }
    for r in 1...max(maxRow, 1) {
      guard let row = rows[r] else {
        append(.row(r))
        continue
      }
      let within = stack.compactMap(\.collection)
      var marker: TemplateTag?
      let first = row.cells.first { $0.text != nil && !$0.blank }
      for cell in row.cells {
        guard let text = cell.text, cell.formula == nil, cell.markup else { continue }
        let ref = CellReference(row: r, column: cell.column)
        if TemplateSyntax.hasUnclosedTag(text) {
          problems.append(
            TemplateProblem(
              .invalid, at: location(file, r, cell.column),
              "'{{' without a closing '}}' in \"\(text)\""))
        }
        let found = TemplateSyntax.tags(in: text)
        for (_, tag) in found {
          tags.append(
            Tag(cell: ref, inHeaderFooter: false, tag: tag, text: text, within: within))
        }
        let sole = TemplateSyntax.soleTag(text)
        let isMarker: Bool
        switch sole {
        case .each?, .endEach?, .if?, .endIf?: isMarker = true
        default: isMarker = false
        }
        if isMarker, cell.element == first?.element {
          marker = sole
        } else {
          for (_, tag) in found {
            switch tag {
            case .each, .endEach, .if, .endIf:
              problems.append(
                TemplateProblem(
                  .invalid, at: location(file, r, cell.column),
                  "a block marker must stand alone in the first filled cell of its row"))
            case .invalid(let t):
              problems.append(
                TemplateProblem(
                  .invalid, at: location(file, r, cell.column), "'{{\(t)}}' is not a placeholder"))
            case .value: break
            }
          }
        }
      }
      let column = first?.column ?? 1
      switch marker {
      case .each(let c)?:
        stack.append((.each(c), r, [], c))
      case .if(let c)?:
        stack.append((.if(c), r, [], nil))
      case .endEach?, .endIf?:
        let wantEach: Bool
        if case .endEach? = marker { wantEach = true } else { wantEach = false }
        guard let open = stack.popLast() else {
          problems.append(
            TemplateProblem(
              .invalid, at: location(file, r, column),
              "\(wantEach ? "{{/each}}" : "{{/if}}") closes no block"))
          continue
        }
        var isEach = false
        if case .each = open.marker { isEach = true }
        if isEach != wantEach {
          problems.append(
            TemplateProblem(
              .invalid, at: location(file, r, column),
              "\(wantEach ? "{{/each}}" : "{{/if}}") closes the "
                + "\(isEach ? "{{#each}}" : "{{#if}}") of row \(open.open)"))
        }
        append(.block(open.marker, open: open.open, close: r, children: open.children))
      default:
        append(.row(r))
      }
    }
    for open in stack.reversed() {
      var isEach = false
      if case .each = open.marker { isEach = true }
      problems.append(
        TemplateProblem(
          .invalid, at: location(file, open.open, rows[open.open]?.cells.first?.column ?? 1),
          "\(isEach ? "{{#each}}" : "{{#if}}") is never closed (no \(isEach ? "{{/each}}" : "{{/if}}") row below it)"
        ))
      // Close it at the last row so the rest of the check can go on.
      append(.block(open.marker, open: open.open, close: maxRow, children: open.children))
    }
    nodes = top
    // Headers and footers.
    if let hf = doc.child(of: 0, named: "headerFooter") {
      for child in doc.elements[hf].children {
        let text = doc.text(of: child)
        for (_, tag) in TemplateSyntax.tags(in: text) {
          tags.append(Tag(cell: nil, inHeaderFooter: true, tag: tag, text: text, within: []))
          if case .value = tag { continue }
          problems.append(
            TemplateProblem(
              .invalid, at: SourceLocation(file: file, sheet: name),
              "only {{name}} placeholders work in a header or footer, not '{{…}}' blocks"))
        }
      }
    }
  }
}

/// A problem found in a template, located.
public struct TemplateProblem: Hashable, Sendable, CustomStringConvertible {
  /// What kind of problem.
  public enum Kind: Hashable, Sendable {
    /// A name the contract does not have.
    case unknownName
    /// Markup that cannot be filled (unclosed blocks, stray markers, bad `{{…}}`).
    case invalid
  }

  /// What kind.
  public var kind: Kind
  /// Where: file, sheet, cell.
  public var location: SourceLocation
  /// What is wrong, naming the offending text.
  public var message: String

  /// Creates a problem.
  public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
    self.kind = kind
    self.location = location
    self.message = message
  }

  /// `file: 'Sheet'!B7: message`.
  public var description: String { "\(location): \(message)" }
}
