/// `[Content_Types].xml` (ECMA-376 Part 2 §10.1.2.2): the media type of every part, by
/// extension (`<Default>`) or by part name (`<Override>`); both read and written.
public struct ContentTypesPart: Hashable, Sendable {
  /// `<Default Extension ContentType>`, in document order; extensions compare without case.
  public var defaults: [(extension: String, contentType: String)] {
    get { defaultList.map { ($0.key, $0.value) } }
    set { defaultList = newValue.map { Pair(key: $0.extension, value: $0.contentType) } }
  }
  /// `<Override PartName ContentType>`, in document order; part names start with `/`.
  public var overrides: [(partName: String, contentType: String)] {
    get { overrideList.map { ($0.key, $0.value) } }
    set { overrideList = newValue.map { Pair(key: $0.partName, value: $0.contentType) } }
  }

  private struct Pair: Hashable, Sendable {
    var key: String
    var value: String
  }

  private var defaultList: [Pair] = []
  private var overrideList: [Pair] = []

  /// The part's name in the package.
  public static let partName = "[Content_Types].xml"

  /// Reads the part.
  ///
  /// - Throws: ``XLSXError`` (`malformedXML`) when it cannot be read.
  public init(xml bytes: [UInt8]) throws {
    let doc: XMLSpanDocument
    do { doc = try XMLSpanDocument(bytes) } catch {
      throw XLSXError(.malformedXML, location: nil, message: "[Content_Types].xml: \(error)")
    }
    for index in doc.root.children {
      let element = doc.elements[index]
      if element.localName == "Default",
        let ext = element.attribute("Extension"), let type = element.attribute("ContentType")
      {
        defaultList.append(Pair(key: ext, value: type))
      } else if element.localName == "Override",
        let name = element.attribute("PartName"), let type = element.attribute("ContentType")
      {
        overrideList.append(Pair(key: name, value: type))
      }
    }
  }

  /// The media type of a part (`xl/worksheets/sheet1.xml`), by override, else by extension.
  public func contentType(of part: String) -> String? {
    let name = "/" + PartName(part).path
    if let hit = overrideList.first(where: { $0.key.lowercased() == name.lowercased() }) {
      return hit.value
    }
    guard let dot = name.lastIndex(of: ".") else { return nil }
    let ext = name[name.index(after: dot)...].lowercased()
    return defaultList.first { $0.key.lowercased() == ext }?.value
  }

  /// Gives a part its media type with an override (replacing an earlier override).
  public mutating func setOverride(part: String, contentType: String) {
    let name = "/" + PartName(part).path
    if let i = overrideList.firstIndex(where: { $0.key.lowercased() == name.lowercased() }) {
      overrideList[i].value = contentType
    } else {
      overrideList.append(Pair(key: name, value: contentType))
    }
  }

  /// Removes a part's override, if it has one.
  public mutating func removeOverride(part: String) {
    let name = "/" + PartName(part).path
    overrideList.removeAll { $0.key.lowercased() == name.lowercased() }
  }

  /// Adds a default for an extension unless there is one.
  public mutating func ensureDefault(extension ext: String, contentType: String) {
    guard !defaultList.contains(where: { $0.key.lowercased() == ext.lowercased() }) else {
      return
    }
    defaultList.append(Pair(key: ext, value: contentType))
  }

  /// The part as XML.
  public func xml() -> [UInt8] {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    for d in defaultList {
      out += "<Default Extension=\"\(XMLSpanDocument.escape(d.key))\" "
      out += "ContentType=\"\(XMLSpanDocument.escape(d.value))\"/>"
    }
    for o in overrideList {
      out += "<Override PartName=\"\(XMLSpanDocument.escape(o.key))\" "
      out += "ContentType=\"\(XMLSpanDocument.escape(o.value))\"/>"
    }
    out += "</Types>"
    return Array(out.utf8)
  }

  /// Two parts are equal when they list the same defaults and overrides in the same order.
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.defaultList == rhs.defaultList && lhs.overrideList == rhs.overrideList
  }

  /// Hashes the defaults and overrides.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(defaultList)
    hasher.combine(overrideList)
  }
}
