/// A well-formed XML part read as element spans over its bytes, for surgical edits: every byte
/// outside the spans an edit replaces stays as it was.
///
/// Not a general XML parser: it reads what OOXML producers write (elements, attributes in
/// quotes, text, comments, CDATA, processing instructions) and refuses a document type
/// declaration. Attribute values are kept decoded (entities resolved) and with the byte range
/// of their raw text, so one attribute can be replaced without touching the rest of the tag.
struct XMLSpanDocument {
  /// One attribute of a start tag.
  struct Attribute {
    /// The qualified name as written, e.g. `r:id`.
    var name: String
    /// The value with entities resolved.
    var value: String
    /// The byte range of the raw value between the quotes.
    var valueRange: Range<Int>
  }

  /// One element.
  struct Element {
    /// The qualified name as written, e.g. `x:row` or `row`.
    var name: String
    /// The attributes in document order.
    var attributes: [Attribute]
    /// Offset of the `<` of the start tag.
    var start: Int
    /// Offset just after the start tag's `>`.
    var startTagEnd: Int
    /// Offset of the `<` of the end tag (``startTagEnd`` when the element is empty).
    var contentEnd: Int
    /// Offset just after the whole element.
    var end: Int
    /// Whether it was written `<name/>`.
    var isSelfClosing: Bool
    /// Index of the parent element, `nil` for the root.
    var parent: Int?
    /// Indexes of the child elements, in order.
    var children: [Int] = []

    /// The name without its prefix.
    var localName: Substring {
      guard let colon = name.firstIndex(of: ":") else { return Substring(name) }
      return name[name.index(after: colon)...]
    }

    /// The prefix with its colon (`x:`), or empty.
    var prefix: String {
      guard let colon = name.firstIndex(of: ":") else { return "" }
      return String(name[...colon])
    }

    /// The value of an attribute by qualified name.
    func attribute(_ name: String) -> String? {
      attributes.first { $0.name == name }?.value
    }

    /// The value of an attribute by local name, whatever its prefix.
    func attribute(local name: String) -> String? {
      attributes.first { $0.name == name || $0.name.hasSuffix(":" + name) }?.value
    }
  }

  /// A part that is not well-formed enough to edit.
  struct Malformed: Error, CustomStringConvertible {
    /// What was wrong and at which byte.
    var description: String
  }

  /// The part's bytes.
  let bytes: [UInt8]
  /// Every element in document order (a parent before its children).
  private(set) var elements: [Element] = []

  /// Reads the spans of a part.
  ///
  /// - Throws: ``Malformed`` for unbalanced tags, a document type declaration or a tag that
  ///   does not end.
  init(_ bytes: [UInt8]) throws {
    self.bytes = bytes
    var stack: [Int] = []
    var i = 0
    let n = bytes.count
    while i < n {
      guard bytes[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      if i + 1 < n, bytes[i + 1] == UInt8(ascii: "?") {
        i = try Self.skip(bytes, from: i, past: Array("?>".utf8))
      } else if Self.matches(bytes, at: i, Array("<!--".utf8)) {
        i = try Self.skip(bytes, from: i, past: Array("-->".utf8))
      } else if Self.matches(bytes, at: i, Array("<![CDATA[".utf8)) {
        i = try Self.skip(bytes, from: i, past: Array("]]>".utf8))
      } else if i + 1 < n, bytes[i + 1] == UInt8(ascii: "!") {
        throw Malformed(description: "a document type declaration at byte \(i)")
      } else if i + 1 < n, bytes[i + 1] == UInt8(ascii: "/") {
        guard let open = stack.popLast() else {
          throw Malformed(description: "an end tag without a start tag at byte \(i)")
        }
        let close = try Self.skip(bytes, from: i, past: [UInt8(ascii: ">")])
        let name = String(decoding: bytes[(i + 2)..<(close - 1)], as: UTF8.self)
          .trimmedXMLSpace()
        guard name == elements[open].name else {
          throw Malformed(
            description: "end tag </\(name)> at byte \(i) closes <\(elements[open].name)>")
        }
        elements[open].contentEnd = i
        elements[open].end = close
        i = close
      } else {
        let (element, next) = try Self.startTag(bytes, at: i, parent: stack.last)
        let index = elements.count
        elements.append(element)
        if let parent = stack.last { elements[parent].children.append(index) }
        if !element.isSelfClosing { stack.append(index) }
        i = next
      }
    }
    guard stack.isEmpty, !elements.isEmpty else {
      throw Malformed(description: "the document has no root or an element that does not end")
    }
  }

  /// The root element.
  var root: Element { elements[0] }

  /// The prefix (with its colon) the root binds to a namespace, `""` for the default
  /// namespace, or `nil` when the root does not declare it.
  func rootPrefix(for uri: String) -> String? {
    for a in root.attributes where a.value == uri {
      if a.name == "xmlns" { return "" }
      if a.name.hasPrefix("xmlns:") { return String(a.name.dropFirst(6)) + ":" }
    }
    return nil
  }

  /// The relationships namespace of OOXML.
  static let relationshipsNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  /// How to write an `r:id` attribute in this document: with the root's own prefix for the
  /// relationships namespace, or with a local declaration when the root has none.
  func relationshipIDAttribute(_ id: String) -> String {
    if let prefix = rootPrefix(for: Self.relationshipsNamespace), !prefix.isEmpty {
      return "\(prefix)id=\"\(Self.escape(id))\""
    }
    return "xmlns:r=\"\(Self.relationshipsNamespace)\" r:id=\"\(Self.escape(id))\""
  }

  /// The children of an element with a given local name.
  func children(of index: Int, named local: String) -> [Int] {
    elements[index].children.filter { elements[$0].localName == local }
  }

  /// The first child of an element with a given local name.
  func child(of index: Int, named local: String) -> Int? {
    elements[index].children.first { elements[$0].localName == local }
  }

  /// The raw bytes of an element's content (between its tags).
  func content(of index: Int) -> ArraySlice<UInt8> {
    bytes[elements[index].startTagEnd..<elements[index].contentEnd]
  }

  /// The text of an element and its descendants, with entities resolved.
  func text(of index: Int) -> String {
    var out = ""
    var i = elements[index].startTagEnd
    let stop = elements[index].contentEnd
    while i < stop {
      if bytes[i] == UInt8(ascii: "<") {
        if Self.matches(bytes, at: i, Array("<![CDATA[".utf8)),
          let end = try? Self.skip(bytes, from: i, past: Array("]]>".utf8))
        {
          out += String(decoding: bytes[(i + 9)..<(end - 3)], as: UTF8.self)
          i = end
          continue
        }
        while i < stop, bytes[i] != UInt8(ascii: ">") { i += 1 }
        i += 1
        continue
      }
      var j = i
      while j < stop, bytes[j] != UInt8(ascii: "<") { j += 1 }
      out += Self.decode(bytes[i..<j])
      i = j
    }
    return out
  }

  // MARK: - Scanning

  private static func matches(_ bytes: [UInt8], at i: Int, _ pattern: [UInt8]) -> Bool {
    guard i + pattern.count <= bytes.count else { return false }
    for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
    return true
  }

  /// The offset just past the first `pattern` at or after `from + 1`.
  private static func skip(_ bytes: [UInt8], from: Int, past pattern: [UInt8]) throws -> Int {
    var i = from + 1
    while i + pattern.count <= bytes.count {
      if bytes[i] == pattern[0], matches(bytes, at: i, pattern) { return i + pattern.count }
      i += 1
    }
    throw Malformed(description: "markup at byte \(from) does not end")
  }

  private static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }

  private static func startTag(_ bytes: [UInt8], at start: Int, parent: Int?) throws -> (
    Element, Int
  ) {
    let n = bytes.count
    var i = start + 1
    let nameStart = i
    while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") {
      i += 1
    }
    let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
    var attributes: [Attribute] = []
    while true {
      while i < n, isSpace(bytes[i]) { i += 1 }
      guard i < n else {
        throw Malformed(description: "tag <\(name) at byte \(start) does not end")
      }
      if bytes[i] == UInt8(ascii: ">") {
        let element = Element(
          name: name, attributes: attributes, start: start, startTagEnd: i + 1,
          contentEnd: i + 1, end: i + 1, isSelfClosing: false, parent: parent)
        return (element, i + 1)
      }
      if bytes[i] == UInt8(ascii: "/") {
        guard i + 1 < n, bytes[i + 1] == UInt8(ascii: ">") else {
          throw Malformed(description: "a stray '/' in tag <\(name) at byte \(i)")
        }
        let element = Element(
          name: name, attributes: attributes, start: start, startTagEnd: i + 2,
          contentEnd: i + 2, end: i + 2, isSelfClosing: true, parent: parent)
        return (element, i + 2)
      }
      let attrStart = i
      while i < n, bytes[i] != UInt8(ascii: "="), !isSpace(bytes[i]) { i += 1 }
      let attrName = String(decoding: bytes[attrStart..<i], as: UTF8.self)
      while i < n, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "=") { i += 1 }
      guard i < n, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
        throw Malformed(description: "attribute \(attrName) at byte \(attrStart) has no quotes")
      }
      let quote = bytes[i]
      let valueStart = i + 1
      i = valueStart
      while i < n, bytes[i] != quote { i += 1 }
      guard i < n else { throw Malformed(description: "attribute \(attrName) does not end") }
      attributes.append(
        Attribute(
          name: attrName, value: decode(bytes[valueStart..<i]), valueRange: valueStart..<i))
      i += 1
    }
  }

  /// Resolves the five predefined entities and character references.
  static func decode(_ raw: ArraySlice<UInt8>) -> String {
    guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
    let text = String(decoding: raw, as: UTF8.self)
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";") else {
        out += rest[amp...]
        return out
      }
      let entity = rest[rest.index(after: amp)..<semi]
      switch entity {
      case "lt": out += "<"
      case "gt": out += ">"
      case "amp": out += "&"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        var scalar: Unicode.Scalar?
        if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
          scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if entity.hasPrefix("#") {
          scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
        }
        if let scalar { out.unicodeScalars.append(scalar) } else { out += rest[amp...semi] }
      }
      rest = rest[rest.index(after: semi)...]
    }
    out += rest
    return out
  }

  /// Escapes text for element content or an attribute value in double quotes.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\"": out += "&quot;"
      case "\r": out += "&#13;"
      default:
        // Characters XML 1.0 does not allow are dropped.
        if scalar.value < 0x20, scalar != "\n", scalar != "\t" { continue }
        if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// Byte-range replacements on one part, applied together: each replaces a range of the
/// original bytes (an empty range inserts); edits at the same offset keep the order added.
struct XMLEdits {
  private var edits: [(range: Range<Int>, bytes: [UInt8], order: Int)] = []

  /// Whether there is nothing to apply.
  var isEmpty: Bool { edits.isEmpty }

  /// Replaces `range` with `text`.
  mutating func replace(_ range: Range<Int>, with text: String) {
    edits.append((range, Array(text.utf8), edits.count))
  }

  /// Inserts `text` at `offset`.
  mutating func insert(_ text: String, at offset: Int) {
    replace(offset..<offset, with: text)
  }

  /// Sets an attribute of an element's start tag: replaces its value, or adds it after the
  /// element's name.
  mutating func setAttribute(
    _ name: String, to value: String, of element: XMLSpanDocument.Element
  ) {
    if let attribute = element.attributes.first(where: { $0.name == name }) {
      replace(attribute.valueRange, with: XMLSpanDocument.escape(value))
    } else {
      insert(
        " \(name)=\"\(XMLSpanDocument.escape(value))\"",
        at: element.start + 1 + element.name.utf8.count)
    }
  }

  /// The bytes with every edit applied.
  ///
  /// - Precondition: the ranges do not overlap (insertions at one offset may be many).
  func applied(to bytes: [UInt8]) -> [UInt8] {
    let sorted = edits.sorted {
      ($0.range.lowerBound, $0.order) < ($1.range.lowerBound, $1.order)
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + sorted.reduce(0) { $0 + $1.bytes.count })
    var position = 0
    for edit in sorted {
      let from = max(position, edit.range.lowerBound)
      if from > position { out.append(contentsOf: bytes[position..<from]) }
      out.append(contentsOf: edit.bytes)
      position = max(position, edit.range.upperBound)
    }
    out.append(contentsOf: bytes[position...])
    return out
  }
}

extension String {
  fileprivate func trimmedXMLSpace() -> String {
    let set = " \t\r\n"
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
