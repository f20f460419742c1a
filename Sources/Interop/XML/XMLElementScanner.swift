internal import CLibXML2

/// A fast reader for runs of whole elements in the content of an element (a worksheet's rows
/// inside `<sheetData>`), for the plain shapes that spreadsheet applications write.
///
/// It reads the bytes into a list of SAX2 events exactly as libxml2 would deliver them (the
/// same interned names from the parser's dictionary, namespace URIs from the parser's
/// in-scope declarations, attribute arrays in libxml2's five-pointer layout, text with the
/// predefined entities and character references replaced and line ends normalized) and
/// *declines* anything else, before delivering a single event: comments, CDATA, processing
/// instructions, namespace declarations, an attribute value holding `&`, `<` or a tab or
/// line break (which libxml2 normalizes), an undeclared prefix, a duplicate attribute, a
/// character that is not an XML `Char` (W3C XML 1.0 §2.2) or not well-formed UTF-8, `]]>` in
/// text, unbalanced tags, very deep nesting, a start tag past the parser's cap. What it
/// declines is pushed into libxml2 as it is, so libxml2 still judges every input that is not
/// plainly well-formed, and reports its errors as before.
///
/// One difference is allowed: a run of text arrives in one `characters` call, where libxml2
/// may make several (before and after each reference); handlers join the pieces.
///
/// Used by ``XMLPushParser/pushElements(_:)``, only on documents that libxml2 reads without a
/// converter (UTF-8).
struct XMLElementScanner {
  enum EventKind: UInt8 {
    /// A start tag; `first` and `count` index ``attributes`` (in attributes of 5 pointers).
    case start
    /// An end tag (also after an empty-element tag).
    case end
    /// Text in the scanned bytes at `first`, `count` bytes.
    case text
    /// Text decoded into the arena at `first`, `count` bytes.
    case decodedText
  }

  struct Event {
    var kind: EventKind
    var name: UnsafePointer<UInt8>?
    var uri: UnsafePointer<UInt8>?
    var first: Int
    var count: Int
  }

  /// The events of the last accepted scan.
  private(set) var events: [Event] = []
  /// Attribute pointers of the last accepted scan: local name, prefix, URI, value start, value
  /// end (libxml2's `startElementNsSAX2Func` layout).
  private(set) var attributes: [UnsafePointer<UInt8>?] = []
  /// Decoded text; never reallocated during a scan (it holds at least the scanned byte count).
  private let arenaStorage = Arena()
  private var arena: UnsafeMutablePointer<UInt8>
  private var arenaCount = 0
  /// The start of the decoded text of ``EventKind/decodedText`` events.
  var decoded: UnsafePointer<UInt8> { UnsafePointer(arena) }
  private var xmlns: UnsafePointer<UInt8>?

  private final class Arena {
    var pointer: UnsafeMutablePointer<UInt8>
    var capacity: Int

    init() {
      capacity = 64 << 10
      pointer = .allocate(capacity: capacity)
    }

    func reserve(_ count: Int) {
      guard count > capacity else { return }
      pointer.deallocate()
      capacity = count
      pointer = .allocate(capacity: count)
    }

    deinit { pointer.deallocate() }
  }

  private var cache: [CachedName]
  /// Names of one ASCII letter (`c`, `v`, `r`, `s`, `t`: most names in a sheet), by byte.
  private var single: [UnsafePointer<UInt8>?]
  private var prefixes: [(prefix: UnsafePointer<UInt8>, uri: UnsafePointer<UInt8>?)] = []
  private var stack: [(start: Int, length: Int, name: UnsafePointer<UInt8>?)] = []

  /// The deepest nesting it reads (libxml2's own limit without `XML_PARSE_HUGE` is 256).
  static let maxDepth = 64
  /// The longest name it reads; libxml2 accepts 50,000 bytes.
  static let maxNameBytes = 1000
  /// The longest tag it reads, whatever the parser's own cap: libxml2 stops at 10,000,000
  /// bytes held in waiting (`XML_MAX_LOOKUP_LIMIT`) and at attribute values of that length.
  static let maxTagBytes = 1 << 20

  struct CachedName {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var length = -1
    var pointer: UnsafePointer<UInt8>?
  }

  init() {
    arena = arenaStorage.pointer
    cache = Array(repeating: CachedName(), count: 64)
    single = Array(repeating: nil, count: 128)
  }

  /// Reads `bytes` into ``events`` (valid until the next scan, with `bytes`).
  ///
  /// - Parameters:
  ///   - bytes: whole elements and text, in the content of the parser's current element.
  ///   - context: the libxml2 parser whose dictionary and namespaces the names belong to.
  ///   - maxStartTagBytes: the parser's cap on a start tag.
  /// - Returns: `false` when the bytes hold anything it does not read exactly as libxml2.
  mutating func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, context: xmlParserCtxtPtr, maxStartTagBytes: Int
  ) -> Bool {
    events.removeAll(keepingCapacity: true)
    attributes.removeAll(keepingCapacity: true)
    stack.removeAll(keepingCapacity: true)
    prefixes.removeAll(keepingCapacity: true)
    arenaCount = 0
    guard let p = bytes.baseAddress, let dict = context.pointee.dict else { return bytes.isEmpty }
    arenaStorage.reserve(bytes.count)
    arena = arenaStorage.pointer
    xmlns = context.pointee.str_xmlns
    let n = bytes.count
    if n == 0 { return true }
    // Text ending in CR or `]` could join the next bytes (CR LF, `]]>`) in libxml2.
    if p[n - 1] == 0x0D || p[n - 1] == 0x5D { return false }
    let maxTagBytes = min(maxStartTagBytes, Self.maxTagBytes)
    var i = 0
    while i < n {
      // Text up to the next tag.
      let textStart = i
      var decode = false
      while i < n {
        // Eight plain bytes at a time: no `<`, `&`, `]`, byte below 0x20 or non-ASCII byte.
        while i + 8 <= n,
          !Self.hasSpecialTextByte(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
        {
          i += 8
        }
        if i >= n { break }
        let b = p[i]
        if b == 0x3C { break }  // <
        if b >= 0x80 {
          guard let length = Self.utf8Char(p, i, n) else { return false }
          i += length
          continue
        }
        if b < 0x20 {
          if b == 0x0D {
            decode = true
          } else if b != 0x09 && b != 0x0A {
            return false
          }
        } else if b == 0x26 {  // &
          decode = true
        } else if b == 0x5D, i + 2 < n, p[i + 1] == 0x5D, p[i + 2] == 0x3E {  // ]]>
          return false
        }
        i += 1
      }
      if i > textStart {
        if decode {
          let start = arenaCount
          guard decodeText(p, textStart, i) else { return false }
          events.append(
            Event(kind: .decodedText, name: nil, uri: nil, first: start, count: arenaCount - start))
        } else {
          events.append(
            Event(kind: .text, name: nil, uri: nil, first: textStart, count: i - textStart))
        }
      }
      if i >= n { break }
      // A tag at i.
      guard i + 1 < n else { return false }
      let next = p[i + 1]
      if next == 0x2F {  // </
        guard let top = stack.popLast() else { return false }
        var j = i + 2
        guard j + top.length <= n else { return false }
        var k = 0
        while k < top.length {
          guard p[j + k] == p[top.start + k] else { return false }
          k += 1
        }
        j += top.length
        while j < n, Self.isSpace(p[j]) { j += 1 }
        guard j < n, p[j] == 0x3E, j - i < maxTagBytes else { return false }
        events.append(Event(kind: .end, name: top.name, uri: nil, first: 0, count: 0))
        i = j + 1
        continue
      }
      guard let end = startTag(p, i, n, dict: dict, context: context) else { return false }
      guard end - i <= maxTagBytes else { return false }
      i = end
    }
    return stack.isEmpty
  }

  // MARK: Start tags

  /// Reads the start tag at `i` (its `<`) and returns the index after its `>`, or `nil`.
  private mutating func startTag(
    _ p: UnsafePointer<UInt8>, _ tagStart: Int, _ n: Int, dict: OpaquePointer,
    context: xmlParserCtxtPtr
  ) -> Int? {
    var i = tagStart + 1
    guard let element = qualifiedName(p, &i, n) else { return nil }
    guard let local = intern(p + element.localStart, element.localLength, dict) else {
      return nil
    }
    var uri: UnsafePointer<UInt8>?
    if element.prefixLength > 0 {
      guard let prefix = intern(p + element.start, element.prefixLength, dict),
        prefix != context.pointee.str_xml, prefix != xmlns,
        let resolved = namespace(of: prefix, context)
      else { return nil }
      uri = resolved
    } else {
      uri = defaultNamespace(context)
    }
    let firstAttribute = attributes.count / 5
    var count = 0
    var empty = false
    while true {
      var spaced = false
      while i < n, Self.isSpace(p[i]) {
        i += 1
        spaced = true
      }
      guard i < n else { return nil }
      if p[i] == 0x3E {  // >
        i += 1
        break
      }
      if p[i] == 0x2F {  // />
        guard i + 1 < n, p[i + 1] == 0x3E else { return nil }
        i += 2
        empty = true
        break
      }
      guard spaced, let name = qualifiedName(p, &i, n) else { return nil }
      while i < n, Self.isSpace(p[i]) { i += 1 }
      guard i < n, p[i] == 0x3D else { return nil }  // =
      i += 1
      while i < n, Self.isSpace(p[i]) { i += 1 }
      guard i < n, p[i] == 0x22 || p[i] == 0x27 else { return nil }
      let quote = p[i]
      i += 1
      let valueStart = i
      while i < n {
        let b = p[i]
        if b == quote { break }
        if b >= 0x80 {
          guard let length = Self.utf8Char(p, i, n) else { return nil }
          i += length
          continue
        }
        // Tabs and line breaks are normalized by libxml2, `&` replaced; `<` is an error.
        if b < 0x20 || b == 0x26 || b == 0x3C { return nil }
        i += 1
      }
      guard i < n else { return nil }
      let valueEnd = i
      i += 1
      guard let attributeLocal = intern(p + name.localStart, name.localLength, dict) else {
        return nil
      }
      var attributePrefix: UnsafePointer<UInt8>?
      var attributeURI: UnsafePointer<UInt8>?
      if name.prefixLength > 0 {
        guard let prefix = intern(p + name.start, name.prefixLength, dict), prefix != xmlns
        else { return nil }
        if prefix == context.pointee.str_xml {
          attributeURI = context.pointee.str_xml_ns
        } else {
          guard let resolved = namespace(of: prefix, context) else { return nil }
          attributeURI = resolved
        }
        attributePrefix = prefix
      } else if attributeLocal == xmlns {
        return nil
      }
      // A repeated name is an error (or, with different prefixes, a namespace question).
      var k = firstAttribute
      while k < firstAttribute + count {
        if attributes[k * 5] == attributeLocal { return nil }
        k += 1
      }
      attributes.append(attributeLocal)
      attributes.append(attributePrefix)
      attributes.append(attributeURI)
      attributes.append(UnsafePointer(p + valueStart))
      attributes.append(UnsafePointer(p + valueEnd))
      count += 1
    }
    events.append(Event(kind: .start, name: local, uri: uri, first: firstAttribute, count: count))
    if empty {
      events.append(Event(kind: .end, name: local, uri: nil, first: 0, count: 0))
    } else {
      guard stack.count < Self.maxDepth else { return nil }
      stack.append((element.start, element.length, local))
    }
    return i
  }

  /// A name `prefix:local` or `local` of ASCII name characters at `i`, which it passes.
  private func qualifiedName(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> (
    start: Int, length: Int, prefixLength: Int, localStart: Int, localLength: Int
  )? {
    let start = i
    var colon = -1
    guard i < n, Self.isNameStart(p[i]) else { return nil }
    i += 1
    while i < n {
      let b = p[i]
      if Self.isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E {
        i += 1
      } else if b == 0x3A {  // :
        guard colon < 0, i + 1 < n, Self.isNameStart(p[i + 1]) else { return nil }
        colon = i
        i += 1
      } else if b >= 0x80 {
        return nil
      } else {
        break
      }
    }
    let length = i - start
    guard length <= Self.maxNameBytes else { return nil }
    if colon < 0 { return (start, length, 0, start, length) }
    return (start, length, colon - start, colon + 1, i - colon - 1)
  }

  /// Whether one of the eight bytes of `w` needs a look of its own in text: `<`, `&`, `]`, a
  /// byte below 0x20 (control, tab, line break) or a byte of a non-ASCII character. The
  /// zero-byte test `(x - 0x01…) & ~x & 0x80…` is exact for whether any byte is zero.
  @inline(__always)
  private static func hasSpecialTextByte(_ w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    if w & highs != 0 { return true }
    // With every high bit clear, this marks exactly the bytes below 0x20.
    if (w &- 0x2020_2020_2020_2020) & ~w & highs != 0 { return true }
    let lt = w ^ (ones &* 0x3C)
    let amp = w ^ (ones &* 0x26)
    let bracket = w ^ (ones &* 0x5D)
    return ((lt &- ones) & ~lt | (amp &- ones) & ~amp | (bracket &- ones) & ~bracket) & highs != 0
  }

  @inline(__always)
  private static func isNameStart(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
  }

  @inline(__always)
  private static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
  }

  // MARK: Names and namespaces

  /// The name interned in the parser's dictionary (`xmlDictLookup`), through a small cache.
  private mutating func intern(
    _ name: UnsafePointer<UInt8>, _ length: Int, _ dict: OpaquePointer
  ) -> UnsafePointer<UInt8>? {
    if length == 1 {
      let b = Int(name[0] & 0x7F)
      if let pointer = single[b] { return pointer }
      let pointer = xmlDictLookup(dict, name, 1)
      single[b] = pointer
      return pointer
    }
    guard length <= 16 else { return xmlDictLookup(dict, name, Int32(length)) }
    var low: UInt64 = 0
    var high: UInt64 = 0
    var k = 0
    while k < length {
      if k < 8 {
        low |= UInt64(name[k]) << (8 * UInt64(k))
      } else {
        high |= UInt64(name[k]) << (8 * UInt64(k - 8))
      }
      k += 1
    }
    let slot = Int(
      truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9) ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15)
        >> 58)
    let entry = cache[slot]
    if entry.length == length, entry.low == low, entry.high == high { return entry.pointer }
    guard let pointer = xmlDictLookup(dict, name, Int32(length)) else { return nil }
    cache[slot] = CachedName(low: low, high: high, length: length, pointer: pointer)
    return pointer
  }

  /// The URI bound to `prefix` in the parser's in-scope declarations (libxml2's `nsTab`,
  /// pairs of prefix and URI, innermost last), or `nil` when it is not declared.
  private mutating func namespace(
    of prefix: UnsafePointer<UInt8>, _ context: xmlParserCtxtPtr
  ) -> UnsafePointer<UInt8>? {
    for entry in prefixes where entry.prefix == prefix { return entry.uri }
    var uri: UnsafePointer<UInt8>?
    if let table = context.pointee.nsTab {
      var k = Int(context.pointee.nsNr) - 2
      while k >= 0 {
        if table[k] == prefix {
          uri = table[k + 1]
          break
        }
        k -= 2
      }
    }
    prefixes.append((prefix, uri))
    return uri
  }

  /// The default namespace in scope, as libxml2's `xmlGetNamespace(ctxt, NULL)` finds it.
  private func defaultNamespace(_ context: xmlParserCtxtPtr) -> UnsafePointer<UInt8>? {
    guard let table = context.pointee.nsTab else { return nil }
    var k = Int(context.pointee.nsNr) - 2
    while k >= 0 {
      if table[k] == nil {
        guard let uri = table[k + 1], uri.pointee != 0 else { return nil }
        return uri
      }
      k -= 2
    }
    return nil
  }

  // MARK: Text

  /// Decodes text with `&`, or CR, into the arena: the five predefined entities and character
  /// references replaced (W3C XML 1.0 §4.1, §4.6), CR LF and lone CR turned into LF (§2.11).
  private mutating func decodeText(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
    var i = from
    while i < to {
      let b = p[i]
      if b == 0x0D {
        arena[arenaCount] = 0x0A
        arenaCount += 1
        i += (i + 1 < to && p[i + 1] == 0x0A) ? 2 : 1
      } else if b == 0x26 {
        guard let semicolon = Self.firstIndex(of: 0x3B, p, i + 1, min(to, i + 12)) else {
          return false
        }
        let body = UnsafeBufferPointer(start: p + i + 1, count: semicolon - i - 1)
        if body.first == 0x23 {  // #
          guard let value = Self.characterReference(body), Self.isChar(value) else {
            return false
          }
          appendUTF8(value)
        } else if let replacement = Self.predefined(body) {
          arena[arenaCount] = replacement
          arenaCount += 1
        } else {
          return false
        }
        i = semicolon + 1
      } else {
        arena[arenaCount] = b
        arenaCount += 1
        i += 1
      }
    }
    return true
  }

  private static func firstIndex(
    of byte: UInt8, _ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int
  ) -> Int? {
    var i = from
    while i < to {
      if p[i] == byte { return i }
      i += 1
    }
    return nil
  }

  private static func predefined(_ body: UnsafeBufferPointer<UInt8>) -> UInt8? {
    if body.elementsEqual("lt".utf8) { return 0x3C }
    if body.elementsEqual("gt".utf8) { return 0x3E }
    if body.elementsEqual("amp".utf8) { return 0x26 }
    if body.elementsEqual("quot".utf8) { return 0x22 }
    if body.elementsEqual("apos".utf8) { return 0x27 }
    return nil
  }

  /// The value of `#123` or `#x7B` (at most 7 digits), or `nil`.
  private static func characterReference(_ body: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard body.count >= 2 else { return nil }
    var value: UInt32 = 0
    if body[1] == 0x78 {  // x
      guard body.count >= 3, body.count <= 9 else { return nil }
      for b in body[2...] {
        let digit: UInt8
        switch b {
        case 0x30...0x39: digit = b - 0x30
        case 0x61...0x66: digit = b - 0x61 + 10
        case 0x41...0x46: digit = b - 0x41 + 10
        default: return nil
        }
        value = value << 4 | UInt32(digit)
      }
    } else {
      guard body.count <= 8 else { return nil }
      for b in body[1...] {
        guard b >= 0x30 && b <= 0x39 else { return nil }
        value = value * 10 + UInt32(b - 0x30)
      }
    }
    return value
  }

  /// W3C XML 1.0 §2.2 `Char`.
  private static func isChar(_ v: UInt32) -> Bool {
    v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF)
      || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF)
  }

  private mutating func appendUTF8(_ v: UInt32) {
    let a = arena + arenaCount
    if v < 0x80 {
      a[0] = UInt8(v)
      arenaCount += 1
    } else if v < 0x800 {
      a[0] = UInt8(0xC0 | (v >> 6))
      a[1] = UInt8(0x80 | (v & 0x3F))
      arenaCount += 2
    } else if v < 0x10000 {
      a[0] = UInt8(0xE0 | (v >> 12))
      a[1] = UInt8(0x80 | ((v >> 6) & 0x3F))
      a[2] = UInt8(0x80 | (v & 0x3F))
      arenaCount += 3
    } else {
      a[0] = UInt8(0xF0 | (v >> 18))
      a[1] = UInt8(0x80 | ((v >> 12) & 0x3F))
      a[2] = UInt8(0x80 | ((v >> 6) & 0x3F))
      a[3] = UInt8(0x80 | (v & 0x3F))
      arenaCount += 4
    }
  }

  /// The length of the well-formed UTF-8 sequence at `i` whose scalar is an XML `Char`, or
  /// `nil` (overlong forms, surrogates, U+FFFE, U+FFFF and values past U+10FFFF are not).
  @inline(__always)
  private static func utf8Char(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int? {
    let b0 = UInt32(p[i])
    if b0 < 0xC2 { return nil }
    if b0 < 0xE0 {
      guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return nil }
      return 2
    }
    if b0 < 0xF0 {
      guard i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else { return nil }
      let v = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
      guard v >= 0x800, v < 0xD800 || (v > 0xDFFF && v <= 0xFFFD) else { return nil }
      return 3
    }
    if b0 < 0xF5 {
      guard i + 3 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80,
        p[i + 3] & 0xC0 == 0x80
      else { return nil }
      let v =
        (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
        | UInt32(p[i + 3] & 0x3F)
      guard v >= 0x10000, v <= 0x10FFFF else { return nil }
      return 4
    }
    return nil
  }
}
