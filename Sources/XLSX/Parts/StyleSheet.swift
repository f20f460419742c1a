internal import Interop
public import Spreadsheet

/// What the reader needs of `xl/styles.xml` (ECMA-376 Part 1 §18.8.39, `<styleSheet>`): the
/// number format of each cell format (`<cellXfs><xf numFmtId=…>`), with custom codes from
/// `<numFmts>` and built-in codes for ids below 164 (§18.8.30), and the indentation of each
/// (`<xf><alignment indent=…/>`, §18.8.1).
public struct StyleSheet: Sendable {
  /// The number format of each cell format, indexed by the cell's `s` attribute; `nil` for
  /// General.
  public private(set) var cellFormats: [NumberFormat?]
  /// The alignment's indent of each cell format, indexed like ``cellFormats``; empty when no
  /// cell format is indented.
  public private(set) var indents: [UInt8]

  /// Creates a style sheet from the cell formats' number formats and indents.
  public init(cellFormats: [NumberFormat?] = [], indents: [UInt8] = []) {
    self.cellFormats = cellFormats
    self.indents = indents.contains { $0 != 0 } ? indents : []
  }

  /// The indent of cell format `index`, 0 when out of range.
  @inline(__always)
  public func indent(style index: Int) -> UInt8 {
    index >= 0 && index < indents.count ? indents[index] : 0
  }

  /// The number format of cell format `index`, or `nil` (General) when out of range.
  @inline(__always)
  public func numberFormat(style index: Int) -> NumberFormat? {
    index >= 0 && index < cellFormats.count ? cellFormats[index] : nil
  }
}

/// Reads `<numFmts>` and `<cellXfs>` of the styles part.
struct StyleSheetHandler: XMLContentHandler {
  var customCodes: [Int: String] = [:]
  var formatIDs: [Int] = []
  var indents: [UInt8] = []

  private var numFmtsName = XMLName.none
  private var numFmtName = XMLName.none
  private var cellXfsName = XMLName.none
  private var xfName = XMLName.none
  private var numFmtIdName = XMLName.none
  private var formatCodeName = XMLName.none
  private var alignmentName = XMLName.none
  private var indentName = XMLName.none
  private var inNumFmts = false
  private var inCellXfs = false

  mutating func bind(_ names: XMLNameTable) {
    numFmtsName = names.intern("numFmts")
    numFmtName = names.intern("numFmt")
    cellXfsName = names.intern("cellXfs")
    xfName = names.intern("xf")
    numFmtIdName = names.intern("numFmtId")
    formatCodeName = names.intern("formatCode")
    alignmentName = names.intern("alignment")
    indentName = names.intern("indent")
  }

  mutating func startElement(
    _ name: XMLName, namespace: XMLNamespaceURI, attributes: XMLAttributes
  ) {
    if name == numFmtsName {
      inNumFmts = true
    } else if name == cellXfsName {
      inCellXfs = true
    } else if inNumFmts, name == numFmtName {
      if let idBytes = attributes.value(of: numFmtIdName),
        let id = NumberText.parseIndex(idBytes, limit: 1_000_000),
        let code = attributes.string(of: formatCodeName)
      {
        customCodes[id] = code
      }
    } else if inCellXfs, name == xfName {
      var id = 0
      if let idBytes = attributes.value(of: numFmtIdName) {
        id = NumberText.parseIndex(idBytes, limit: 1_000_000) ?? 0
      }
      formatIDs.append(id)
      indents.append(0)
    } else if inCellXfs, name == alignmentName, !indents.isEmpty,
      let bytes = attributes.value(of: indentName)
    {
      // Excel caps the indent at 250 (§18.8.1 allows any unsigned int).
      indents[indents.count - 1] = UInt8(min(NumberText.parseIndex(bytes, limit: 1_000) ?? 0, 250))
    }
  }

  mutating func endElement(_ name: XMLName) {
    if name == numFmtsName {
      inNumFmts = false
    } else if name == cellXfsName {
      inCellXfs = false
    }
  }

  mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {}

  /// The style sheet: each cell format's number format (`nil` for General).
  func styleSheet() -> StyleSheet {
    var cache: [Int: NumberFormat?] = [:]
    let formats: [NumberFormat?] = formatIDs.map { id in
      if let cached = cache[id] { return cached }
      let format: NumberFormat?
      if let code = customCodes[id] {
        format = Self.isGeneral(code) ? nil : NumberFormat(id: id, formatCode: code)
      } else if let code = NumberFormat.builtInCode(id), id != 0 {
        format = NumberFormat(id: id, formatCode: code)
      } else {
        format = nil
      }
      cache[id] = format
      return format
    }
    return StyleSheet(cellFormats: formats, indents: indents)
  }

  static func isGeneral(_ code: String) -> Bool {
    code.isEmpty || code.lowercased() == "general"
  }
}
