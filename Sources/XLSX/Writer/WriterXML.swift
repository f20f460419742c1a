import Spreadsheet

/// A small XML part built in memory: the package parts, the stylesheet, and the header and
/// footer of worksheet parts. Worksheet rows go through ``XMLStream`` instead.
struct WriterXML {
  /// The XML declaration Excel writes at the top of every part.
  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  /// SpreadsheetML's main namespace (ECMA-376 Part 1, transitional).
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  /// The namespace of `r:id` attributes.
  static let relationshipNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  /// The UTF-8 bytes so far.
  private(set) var bytes: [UInt8] = []

  /// Appends markup as it is.
  mutating func raw(_ markup: String) {
    bytes.append(contentsOf: markup.utf8)
  }

  /// Appends an attribute value, escaped (see ``XMLStream/attribute(_:)``).
  mutating func attribute(_ value: String) {
    bytes.append(contentsOf: Self.escaped(value, asAttribute: true))
  }

  /// Appends element text with Excel's escaping (see ``XMLStream``).
  mutating func text(_ value: String) {
    bytes.append(contentsOf: Self.escaped(value, asAttribute: false))
  }

  /// The text as a `String`, for tests and messages.
  var string: String { String(decoding: bytes, as: UTF8.self) }

  /// Escapes with the same code as the worksheet rows, so both agree byte for byte.
  static func escaped(_ value: String, asAttribute: Bool) -> [UInt8] {
    var out: [UInt8] = []
    let stream = XMLStream(capacity: 4096) { out.append(contentsOf: $0) }
    // The sink cannot fail, so neither can the stream.
    if asAttribute {
      try? stream.attribute(value)
    } else {
      try? stream.text(value)
    }
    try? stream.flush()
    return out
  }
}

/// Text forms of values used in parts.
enum CellValueText {
  /// The shortest text that reads back to the same double: `11`, `10.5`, `1e-07`.
  static func number(_ value: Double) -> String {
    if let whole = Int(exactly: value), abs(whole) < 9_007_199_254_740_992 {
      return String(whole)
    }
    return value.description
  }

  /// `2026-03-31T10:15:00Z`: a UTC time in W3CDTF, as `dcterms:created` takes it.
  static func w3cdtf(_ value: CivilDateTime) -> String {
    let c = value.components
    func pad(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T"
      + "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
  }
}
