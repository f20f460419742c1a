/// An OPC part name inside the package, e.g. `xl/worksheets/sheet1.xml` (ECMA-376 Part 2 §9.1).
///
/// Stored without a leading `/`, with `/` separators (some producers write `\` in zip entry
/// names) and with percent-escapes decoded. Part names compare case-insensitively, as OPC
/// requires; ``key`` is the folded form used for look-ups.
struct PartName: Hashable, CustomStringConvertible {
  /// The name as resolved, e.g. `xl/worksheets/sheet1.xml`.
  let path: String

  init(_ raw: String) {
    var text = raw.replacingAll("\\", with: "/")
    while text.hasPrefix("/") { text.removeFirst() }
    path = Self.normalizeDots(Self.percentDecoded(text))
  }

  /// The case-folded form for look-ups.
  var key: String { path.lowercased() }

  var description: String { path }

  /// The folder of the part, with a trailing `/`, or empty at the root.
  var folder: String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[...slash])
  }

  /// The relationships part of this part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
  var relationshipsPart: PartName {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    return PartName(folder + "_rels/" + file + ".rels")
  }

  /// Resolves a relationship target against this part (the source).
  ///
  /// A target starting with `/` is absolute in the package; otherwise it is relative to the
  /// source part's folder (ECMA-376 Part 2 §9.3).
  func resolve(_ target: String) -> PartName {
    let cleaned = target.replacingAll("\\", with: "/")
    if cleaned.hasPrefix("/") { return PartName(cleaned) }
    return PartName(folder + cleaned)
  }

  static func normalizeDots(_ path: String) -> String {
    guard path.contains(".") else { return path }
    var out: [Substring] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      if segment == "." { continue }
      if segment == ".." {
        if !out.isEmpty { out.removeLast() }
        continue
      }
      out.append(segment)
    }
    return out.joined(separator: "/")
  }

  static func percentDecoded(_ text: String) -> String {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var i = 0
    while i < utf8.count {
      if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hexValue(utf8[i + 1]),
        let low = hexValue(utf8[i + 2])
      {
        bytes.append(high << 4 | low)
        i += 3
      } else {
        bytes.append(utf8[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: Character) -> String {
    guard contains(target) else { return self }
    return String(map { $0 == target ? replacement : $0 })
  }
}
