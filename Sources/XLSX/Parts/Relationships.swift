internal import Interop

/// One relationship of a `.rels` part (ECMA-376 Part 2 §9.3, `<Relationship>`).
struct Relationship: Hashable {
  /// `Id`, e.g. `rId1`.
  var id: String
  /// `Type`, a URI such as
  /// `http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet`.
  var type: String
  /// `Target` as written.
  var target: String
  /// `TargetMode="External"`: the target is outside the package.
  var isExternal: Bool

  /// The last segment of the type URI (`worksheet`, `officeDocument`, `sharedStrings`, …); the
  /// same for transitional (`schemas.openxmlformats.org`) and Strict (`purl.oclc.org/ooxml`)
  /// namespaces.
  var kind: String {
    guard let slash = type.lastIndex(of: "/") else { return type }
    return String(type[type.index(after: slash)...])
  }
}

/// Collects the relationships of a `.rels` part.
struct RelationshipsHandler: XMLContentHandler {
  var relationships: [Relationship] = []
  private var relationshipName = XMLName.none
  private var idName = XMLName.none
  private var typeName = XMLName.none
  private var targetName = XMLName.none
  private var targetModeName = XMLName.none

  mutating func bind(_ names: XMLNameTable) {
    relationshipName = names.intern("Relationship")
    idName = names.intern("Id")
    typeName = names.intern("Type")
    targetName = names.intern("Target")
    targetModeName = names.intern("TargetMode")
  }

  mutating func startElement(
    _ name: XMLName, namespace: XMLNamespaceURI, attributes: XMLAttributes
  ) {
    guard name == relationshipName else { return }
    let target = attributes.string(of: targetName) ?? ""
    relationships.append(
      Relationship(
        id: attributes.string(of: idName) ?? "",
        type: attributes.string(of: typeName) ?? "",
        target: target,
        isExternal: attributes.string(of: targetModeName)?.lowercased() == "external"))
  }

  mutating func endElement(_ name: XMLName) {}
  mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
