/// An element or attribute local name interned in a parser's dictionary.
///
/// Two names from the same parser are equal exactly when their pointers are equal, so matching
/// an element is one pointer comparison, with no `String` made. A name is valid only while the
/// ``XMLPushParser`` that interned it lives. Names are local: `x:c` and `c` are both `c`.
public struct XMLName: Equatable, @unchecked Sendable {
  @usableFromInline let pointer: UnsafePointer<UInt8>?

  @inlinable init(_ pointer: UnsafePointer<UInt8>?) { self.pointer = pointer }

  /// A name that equals no parsed name.
  public static let none = XMLName(nil)

  /// Compares by pointer identity (both from the same dictionary).
  @inlinable public static func == (lhs: XMLName, rhs: XMLName) -> Bool {
    lhs.pointer == rhs.pointer
  }

  /// The name as text (for messages; not for matching).
  public var string: String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }
}

/// The attributes of one start tag, borrowed from the parser for the duration of the
/// ``XMLContentHandler/startElement(_:namespace:attributes:)`` call.
///
/// Values are zero-copy byte ranges into the parser's buffer (UTF-8, attribute-value normalized
/// by the parser). libxml2 leaves an `&` that came from `&amp;` or `&#38;` as the five bytes
/// `&#38;` when entities are not substituted; ``string(at:)`` and ``decodedBytes(_:)`` undo that.
public struct XMLAttributes {
  @usableFromInline let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  /// How many attributes the tag has.
  public let count: Int

  @inlinable init(base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
    self.base = base
    self.count = base == nil ? 0 : count
  }

  /// The local name of the attribute at `index` (0-based, `< count`).
  @inlinable public func name(at index: Int) -> XMLName {
    XMLName(base.unsafelyUnwrapped[index * 5])
  }

  /// Whether the attribute at `index` has a namespace (a prefix such as `r:`).
  @inlinable public func hasNamespace(at index: Int) -> Bool {
    base.unsafelyUnwrapped[index * 5 + 2] != nil
  }

  /// The namespace URI of the attribute at `index`, or `nil` when it has none.
  public func namespaceURI(at index: Int) -> String? {
    guard let uri = base.unsafelyUnwrapped[index * 5 + 2] else { return nil }
    return String(cString: uri)
  }

  /// The raw value bytes of the attribute at `index` (valid during the callback only).
  @inlinable public func value(at index: Int) -> UnsafeBufferPointer<UInt8> {
    let start = base.unsafelyUnwrapped[index * 5 + 3]
    let end = base.unsafelyUnwrapped[index * 5 + 4]
    guard let start, let end, end > start else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: start, count: end - start)
  }

  /// The raw value bytes of the first attribute with this local name, or `nil`.
  @inlinable public func value(of name: XMLName) -> UnsafeBufferPointer<UInt8>? {
    var i = 0
    while i < count {
      if base.unsafelyUnwrapped[i * 5] == name.pointer { return value(at: i) }
      i += 1
    }
    return nil
  }

  /// The value of the attribute at `index` as a `String`, with `&#38;` turned back into `&`.
  public func string(at index: Int) -> String {
    Self.decodedString(value(at: index))
  }

  /// The value of the first attribute with this local name as a `String`, or `nil`.
  public func string(of name: XMLName) -> String? {
    guard let bytes = value(of: name) else { return nil }
    return Self.decodedString(bytes)
  }

  /// Turns attribute value bytes into a `String`, undoing libxml2's `&#38;` for `&`.
  public static func decodedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    if !bytes.contains(UInt8(ascii: "&")) { return String(decoding: bytes, as: UTF8.self) }
    return String(decoding: decodedBytes(bytes), as: UTF8.self)
  }

  /// The bytes of an attribute value with each `&#38;` turned back into `&`.
  public static func decodedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    let amp: [UInt8] = Array("&#38;".utf8)
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "&"), i + 5 <= bytes.count,
        bytes[i + 1] == amp[1], bytes[i + 2] == amp[2], bytes[i + 3] == amp[3],
        bytes[i + 4] == amp[4]
      {
        out.append(UInt8(ascii: "&"))
        i += 5
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return out
  }
}
