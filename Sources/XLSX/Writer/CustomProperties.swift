public import Spreadsheet

/// A custom document property: a named value stored with the workbook, shown in Excel under
/// File › Info › Properties › Advanced › Custom and in LibreOffice under File › Properties ›
/// Custom Properties. RedThread marks the workbooks it sends with their format and version, so
/// that a returned file is recognised whatever its name.
///
/// Models `<property>` in `docProps/custom.xml` (ECMA-376 Part 1 §22.3), with its
/// `vt:` value types (§22.4).
public struct CustomProperty: Hashable, Sendable {
  /// The name, unique in the workbook (compared ignoring case, as Excel does).
  public var name: String
  /// The value.
  public var value: Value

  /// Creates a property.
  public init(name: String, value: Value) {
    self.name = name
    self.value = value
  }

  /// A property's value and its type.
  public enum Value: Hashable, Sendable {
    /// Text (`vt:lpwstr`).
    case text(String)
    /// A whole number (`vt:i4`).
    case integer(Int32)
    /// A number (`vt:r8`).
    case number(Double)
    /// Yes or no (`vt:bool`).
    case bool(Bool)
    /// A date and time, as UTC (`vt:filetime`).
    case date(CivilDateTime)
  }
}

extension WriterPackageParts {
  static let customPropertiesType =
    "application/vnd.openxmlformats-officedocument.custom-properties+xml"
  static let customPropertiesRelationship =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"

  /// `docProps/custom.xml`: each property with the format id Office uses for user-defined
  /// properties and ids from 2 up.
  static func customProperties(_ properties: [CustomProperty]) -> [UInt8] {
    var x = WriterXML()
    x.raw(WriterXML.declaration)
    x.raw(
      "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        + "custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/"
        + "2006/docPropsVTypes\">")
    for (i, property) in properties.enumerated() {
      x.raw(
        "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"\(i + 2)\" name=\"")
      x.attribute(property.name)
      x.raw("\">")
      switch property.value {
      case .text(let text):
        x.raw("<vt:lpwstr>")
        x.text(text)
        x.raw("</vt:lpwstr>")
      case .integer(let n): x.raw("<vt:i4>\(n)</vt:i4>")
      case .number(let n): x.raw("<vt:r8>\(CellValueText.number(n))</vt:r8>")
      case .bool(let b): x.raw("<vt:bool>\(b ? "true" : "false")</vt:bool>")
      case .date(let d): x.raw("<vt:filetime>\(CellValueText.w3cdtf(d))</vt:filetime>")
      }
      x.raw("</property>")
    }
    x.raw("</Properties>")
    return x.bytes
  }

  /// The problem with a set of properties, or `nil`: blank or duplicate names, non-finite
  /// numbers.
  static func customPropertiesProblem(_ properties: [CustomProperty]) -> String? {
    var seen: Set<String> = []
    for property in properties {
      if property.name.allSatisfy(\.isWhitespace) {
        return "a custom property has a blank name"
      }
      guard property.name.utf16.count <= 255 else {
        return "custom property name has more than 255 characters: \"\(property.name.prefix(30))…\""
      }
      guard seen.insert(property.name.lowercased()).inserted else {
        return "custom property \"\(property.name)\" is given twice"
      }
      if case .number(let n) = property.value, !n.isFinite {
        return "custom property \"\(property.name)\" is \(n), not a finite number"
      }
    }
    return nil
  }
}
