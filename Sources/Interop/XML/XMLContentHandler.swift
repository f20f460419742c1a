/// Receives the events of an ``XMLPushParser``: a SAX2 content handler kept as a value.
///
/// The parser owns the handler's storage and calls it through a pointer, so a handler is a
/// plain struct whose state needs no class, no reference counting and no exclusivity checks in
/// the hot path. Every argument is borrowed for the duration of the call.
public protocol XMLContentHandler {
  /// Interns the names the handler compares against. Called once, before the first event.
  mutating func bind(_ names: XMLNameTable)

  /// A start tag: its local name, its namespace and its attributes.
  ///
  /// Corresponds to libxml2's `startElementNsSAX2Func`.
  mutating func startElement(
    _ name: XMLName, namespace: XMLNamespaceURI, attributes: XMLAttributes)

  /// An end tag (also sent for empty-element tags such as `<c r="A1"/>`).
  ///
  /// Corresponds to libxml2's `endElementNsSAX2Func`.
  mutating func endElement(_ name: XMLName)

  /// Character data in UTF-8, entity and character references already replaced. One text node
  /// may arrive in several pieces.
  ///
  /// Corresponds to libxml2's `charactersSAXFunc`.
  mutating func characters(_ text: UnsafeBufferPointer<UInt8>)

  /// Whether the handler wants the parser to stop (it found what it needed, or an error that
  /// it keeps for its caller). Checked after every event.
  var isStopped: Bool { get }
}

extension XMLContentHandler {
  /// By default a handler never stops the parser.
  public var isStopped: Bool { false }
}

/// The namespace URI of an element, borrowed during a callback.
public struct XMLNamespaceURI {
  @usableFromInline let pointer: UnsafePointer<UInt8>?

  @inlinable init(_ pointer: UnsafePointer<UInt8>?) { self.pointer = pointer }

  /// Whether the element has a namespace.
  @inlinable public var isEmpty: Bool { pointer == nil }

  /// The URI as text, e.g. `http://schemas.openxmlformats.org/spreadsheetml/2006/main`.
  public var string: String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }
}

/// A source of raw document bytes for an ``XMLPushParser``: a zip entry or memory.
public protocol XMLByteSource: AnyObject {
  /// Fills `buffer` with the next bytes and returns how many; 0 at the end.
  ///
  /// - Throws: whatever stops the source (a size cap, a corrupt zip entry).
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// An ``XMLByteSource`` over bytes held in memory.
public final class XMLMemorySource: XMLByteSource {
  private let bytes: [UInt8]
  private var offset = 0

  /// Creates a source over a copy of `bytes`.
  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Copies the next bytes into `buffer`.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let n = min(buffer.count, bytes.count - offset)
    guard n > 0, let base = buffer.baseAddress else { return 0 }
    bytes.withUnsafeBytes { src in
      if let from = src.baseAddress {
        base.copyMemory(from: from + offset, byteCount: n)
      }
    }
    offset += n
    return n
  }
}
