internal import Interop

/// Reads `docProps/custom.xml` (ECMA-376 Part 1 §22.3): each `<property name="…">` and the
/// text of its value element (`vt:lpwstr`, `vt:i4`, `vt:bool`, …), in document order.
struct CustomPropertiesHandler: XMLContentHandler {
  var properties: [(name: String, value: String)] = []
  private var propertyName = XMLName.none
  private var nameAttribute = XMLName.none
  private var current: String?
  private var text: [UInt8] = []

  mutating func bind(_ names: XMLNameTable) {
    propertyName = names.intern("property")
    nameAttribute = names.intern("name")
  }

  mutating func startElement(
    _ name: XMLName, namespace: XMLNamespaceURI, attributes: XMLAttributes
  ) {
    guard name == propertyName else { return }
    current = attributes.string(of: nameAttribute) ?? ""
    text.removeAll(keepingCapacity: true)
  }

  mutating func endElement(_ name: XMLName) {
    guard name == propertyName, let current else { return }
    // A property has one value; a cap keeps a hostile part from growing without end.
    properties.append((current, String(decoding: text, as: UTF8.self)))
    self.current = nil
  }

  mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
    guard current != nil, self.text.count + text.count <= 65_536 else { return }
    self.text.append(contentsOf: text)
  }
}
