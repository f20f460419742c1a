internal import Interop
import Spreadsheet

/// A `<sheet>` of the workbook part (ECMA-376 Part 1 §18.2.19).
struct SheetElement: Hashable {
  var name: String
  var sheetID: String
  var state: Worksheet.Visibility
  var relationshipID: String
}

/// Reads `xl/workbook.xml` (ECMA-376 Part 1 §18.2.27): the sheets in tab order, their
/// visibility and relationship ids, and the date system (`workbookPr/@date1904`).
struct WorkbookHandler: XMLContentHandler {
  var sheets: [SheetElement] = []
  var dateSystem: DateSystem = .date1900
  /// The root element's namespace: `…/spreadsheetml/2006/main` (transitional) or
  /// `http://purl.oclc.org/ooxml/spreadsheetml/main` (Strict).
  var rootNamespace: String?
  private var sheetName = XMLName.none
  private var workbookPrName = XMLName.none
  private var nameName = XMLName.none
  private var sheetIDName = XMLName.none
  private var stateName = XMLName.none
  private var idName = XMLName.none
  private var date1904Name = XMLName.none

  mutating func bind(_ names: XMLNameTable) {
    sheetName = names.intern("sheet")
    workbookPrName = names.intern("workbookPr")
    nameName = names.intern("name")
    sheetIDName = names.intern("sheetId")
    stateName = names.intern("state")
    idName = names.intern("id")
    date1904Name = names.intern("date1904")
  }

  mutating func startElement(
    _ name: XMLName, namespace: XMLNamespaceURI, attributes: XMLAttributes
  ) {
    if rootNamespace == nil { rootNamespace = namespace.string }
    if name == sheetName {
      var element = SheetElement(name: "", sheetID: "", state: .visible, relationshipID: "")
      for i in 0..<attributes.count {
        let attribute = attributes.name(at: i)
        if attribute == nameName {
          element.name = attributes.string(at: i)
        } else if attribute == sheetIDName {
          element.sheetID = attributes.string(at: i)
        } else if attribute == stateName {
          switch attributes.string(at: i) {
          case "hidden": element.state = .hidden
          case "veryHidden": element.state = .veryHidden
          default: element.state = .visible
          }
        } else if attribute == idName, attributes.hasNamespace(at: i) {
          element.relationshipID = attributes.string(at: i)
        }
      }
      sheets.append(element)
    } else if name == workbookPrName {
      if let value = attributes.string(of: date1904Name) {
        dateSystem = value == "1" || value.lowercased() == "true" ? .date1904 : .date1900
      }
    }
  }

  mutating func endElement(_ name: XMLName) {}
  mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
