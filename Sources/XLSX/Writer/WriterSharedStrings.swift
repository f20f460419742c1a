#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The writer's shared-string table: each distinct text once, in first-use order, written as
/// `xl/sharedStrings.xml` (ECMA-376 Part 1 §18.4.9 `sst`).
///
/// Texts are compared by their exact UTF-8 bytes, not by Swift's `==` (which treats `Å` and
/// `A` + combining ring as equal): a cell must read back with the very characters written.
/// The distinct strings stay in memory until the workbook is closed; the rows do not.
final class WriterSharedStrings {
  /// A text hashed and compared by its UTF-8 bytes.
  struct ExactText: Hashable {
    let text: String

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
      let a = lhs.text.utf8
      let b = rhs.text.utf8
      guard a.count == b.count else { return false }
      return a.withContiguousStorageIfAvailable { x in
        b.withContiguousStorageIfAvailable { y in
          guard let p = x.baseAddress, let q = y.baseAddress else { return true }
          return memcmp(p, q, x.count) == 0
        }
      }.flatMap { $0 } ?? a.elementsEqual(b)
    }

    func hash(into hasher: inout Hasher) {
      let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
      }
      if hashed == nil {
        for byte in text.utf8 { hasher.combine(byte) }
      }
    }
  }

  private var indices: [ExactText: Int] = [:]
  private(set) var strings: [String] = []
  /// String cells written (the `count` attribute); at least the number of distinct strings.
  private(set) var references = 0

  /// The 0-based index of `text`, adding it on first use.
  func index(of text: String) -> Int {
    references += 1
    let key = ExactText(text: text)
    if let index = indices[key] { return index }
    let index = strings.count
    strings.append(text)
    indices[key] = index
    return index
  }

  /// Writes the `xl/sharedStrings.xml` part.
  func write(to stream: XMLStream) throws {
    try stream.markup(WriterXML.declaration)
    try stream.markup(
      "<sst xmlns=\"\(WriterXML.mainNamespace)\" count=\"\(references)\" "
        + "uniqueCount=\"\(strings.count)\">")
    for var text in strings {
      try text.withUTF8 { utf8 in
        if XMLStream.needsSpacePreserve(utf8) {
          try stream.raw("<si><t xml:space=\"preserve\">")
        } else {
          try stream.raw("<si><t>")
        }
        try stream.text(utf8: utf8)
        try stream.raw("</t></si>")
      }
    }
    try stream.raw("</sst>")
  }
}
