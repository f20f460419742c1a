/// A relationships part (`xl/_rels/workbook.xml.rels`, ECMA-376 Part 2 §9.3): the
/// `<Relationship>` elements of one source part; both read and written.
public struct RelationshipsPart: Hashable, Sendable {
  /// One `<Relationship>`.
  public struct Entry: Hashable, Sendable {
    /// `Id`, unique in the part, e.g. `rId3`.
    public var id: String
    /// `Type`, a URI ending in the kind (`…/worksheet`, `…/comments`).
    public var type: String
    /// `Target` as written (relative to the source part's folder unless it starts with `/`).
    public var target: String
    /// `TargetMode="External"`.
    public var isExternal: Bool

    /// Creates an entry.
    public init(id: String, type: String, target: String, isExternal: Bool = false) {
      self.id = id
      self.type = type
      self.target = target
      self.isExternal = isExternal
    }

    /// The last segment of the type (`worksheet`, `comments`, `vmlDrawing`), the same for
    /// transitional and Strict namespaces.
    public var kind: String {
      guard let slash = type.lastIndex(of: "/") else { return type }
      return String(type[type.index(after: slash)...])
    }
  }

  /// The relationships in document order.
  public var entries: [Entry] = []

  /// The relationship type URI of a kind in the transitional namespace.
  public static func type(_ kind: String) -> String {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + kind
  }

  /// An empty part.
  public init() {}

  /// Reads the part.
  ///
  /// - Throws: ``XLSXError`` (`malformedXML`).
  public init(xml bytes: [UInt8], partName: String) throws {
    let doc: XMLSpanDocument
    do { doc = try XMLSpanDocument(bytes) } catch {
      throw XLSXError(.malformedXML, location: nil, message: "\(partName): \(error)")
    }
    for index in doc.root.children where doc.elements[index].localName == "Relationship" {
      let e = doc.elements[index]
      entries.append(
        Entry(
          id: e.attribute("Id") ?? "", type: e.attribute("Type") ?? "",
          target: e.attribute("Target") ?? "",
          isExternal: e.attribute("TargetMode")?.lowercased() == "external"))
    }
  }

  /// The first relationship of a kind (`comments`, `vmlDrawing`), if any.
  public func first(kind: String) -> Entry? {
    entries.first { $0.kind == kind }
  }

  /// Adds a relationship with a new id (`rId` + one more than the largest numbered id).
  ///
  /// - Returns: the new id.
  public mutating func add(type: String, target: String) -> String {
    let used = Set(entries.map(\.id))
    var n =
      (entries.compactMap { $0.id.hasPrefix("rId") ? Int($0.id.dropFirst(3)) : nil }.max() ?? 0)
      + 1
    while used.contains("rId\(n)") { n += 1 }
    let id = "rId\(n)"
    entries.append(Entry(id: id, type: type, target: target))
    return id
  }

  /// The part as XML.
  public func xml() -> [UInt8] {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    out += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for e in entries {
      out += "<Relationship Id=\"\(XMLSpanDocument.escape(e.id))\" "
      out += "Type=\"\(XMLSpanDocument.escape(e.type))\" "
      out += "Target=\"\(XMLSpanDocument.escape(e.target))\""
      if e.isExternal { out += " TargetMode=\"External\"" }
      out += "/>"
    }
    out += "</Relationships>"
    return Array(out.utf8)
  }
}
