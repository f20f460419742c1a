internal import Interop

/// The shared-string table of a workbook: `xl/sharedStrings.xml` (ECMA-376 Part 1 §18.4.9,
/// `<sst>`), indexed from 0 by `<c t="s"><v>n</v>`.
///
/// Each `<si>` is plain text (`<t>`) or rich text (`<r><t>` runs, joined); phonetic runs
/// (`<rPh>`, furigana for East Asian text) are not part of the cell text and are skipped.
/// `_xHHHH_` escapes are decoded. Leading and trailing whitespace of a `<t>` without
/// `xml:space="preserve"` is not part of the text.
public struct SharedStringTable: Sendable {
  /// The strings in table order.
  public private(set) var strings: [String]

  /// Creates a table.
  public init(strings: [String] = []) { self.strings = strings }

  /// The number of strings.
  public var count: Int { strings.count }

  /// The string at a 0-based index, or `nil` past the end.
  @inline(__always)
  public subscript(index: Int) -> String? {
    index >= 0 && index < strings.count ? strings[index] : nil
  }
}

/// Collects `<si>` items into a ``SharedStringTable`` under the count and size caps.
struct SharedStringsHandler: XMLContentHandler {
  var strings: [String] = []
  var totalBytes = 0
  let maxCount: Int
  let maxBytes: Int
  /// The most bytes of one string (`maxStringBytes`).
  let maxStringBytes: Int
  /// Set when a cap is passed; the parser then stops.
  var failure: (code: XLSXError.Code, message: String)?

  private var siName = XMLName.none
  private var tName = XMLName.none
  private var rPhName = XMLName.none
  private var spaceName = XMLName.none
  private var textStart = 0
  private var preserveSpace = false
  private var inItem = false
  private var inText = false
  private var phoneticDepth = 0
  private var buffer = TextBuffer()

  init(maxCount: Int, maxBytes: Int, maxStringBytes: Int = Int.max) {
    self.maxCount = maxCount
    self.maxBytes = maxBytes
    self.maxStringBytes = maxStringBytes
  }

  var isStopped: Bool { failure != nil }

  mutating func bind(_ names: XMLNameTable) {
    siName = names.intern("si")
    tName = names.intern("t")
    rPhName = names.intern("rPh")
    spaceName = names.intern("space")
  }

  mutating func startElement(
    _ name: XMLName, namespace: XMLNamespaceURI, attributes: XMLAttributes
  ) {
    if name == tName {
      inText = inItem && phoneticDepth == 0
      textStart = buffer.count
      preserveSpace = XMLText.preservesSpace(attributes, spaceName)
    } else if name == siName {
      inItem = true
      phoneticDepth = 0
      buffer.removeAll()
    } else if name == rPhName {
      phoneticDepth += 1
    }
  }

  mutating func endElement(_ name: XMLName) {
    if name == tName {
      if inText, !preserveSpace { buffer.trimWhitespace(from: textStart) }
      inText = false
    } else if name == rPhName {
      phoneticDepth -= 1
    } else if name == siName {
      inItem = false
      guard strings.count < maxCount else {
        failure = (
          .tooManySharedStrings,
          "the shared-string table holds more than \(maxCount) strings (maxSharedStrings)"
        )
        return
      }
      totalBytes += buffer.count
      guard totalBytes <= maxBytes else {
        failure = (
          .sharedStringsTooLarge,
          "the shared strings hold more than \(maxBytes) bytes of text (maxSharedStringBytes)"
        )
        return
      }
      strings.append(EscapedText.decode(buffer.bytes))
    }
  }

  mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
    guard inText else { return }
    guard buffer.count + text.count <= maxStringBytes else {
      failure = (
        .cellTextTooLong,
        "shared string \(strings.count) (0-based) is longer than \(maxStringBytes) bytes "
          + "(maxStringBytes)"
      )
      return
    }
    buffer.append(text)
  }
}
