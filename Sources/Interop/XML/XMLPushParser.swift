internal import CLibXML2

/// A streaming SAX2 parser over an ``XMLByteSource``, driving an ``XMLContentHandler``.
///
/// Bytes are pulled from the source in 64 KiB chunks and pushed into libxml2, so memory stays
/// flat whatever the document size. Callers either parse to the end (``parseToEnd()``) or one
/// chunk at a time (``parseNextChunk()``) to hand out results as they appear.
///
/// Safety: options are `XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT`, never
/// `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`; a `<!DOCTYPE` stops the parse
/// with ``XMLParseError/Kind-swift.enum/doctype``; the handler declares no entities, so any
/// entity reference other than the five predefined ones is a well-formedness error; and the
/// process-wide entity loader of ``LibXML2`` refuses every external load.
///
/// The corresponding C functions are `xmlCreatePushParserCtxt`, `xmlCtxtUseOptions`,
/// `xmlParseChunk`, `xmlStopParser` and `xmlFreeParserCtxt`
/// (<https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-parser.html>).
public final class XMLPushParser<Handler: XMLContentHandler> {
  /// The handler's state, owned by the parser. Read results from it between chunks and after
  /// the end.
  public let handler: UnsafeMutablePointer<Handler>
  @usableFromInline let core: XMLParserCore

  /// Creates a parser, reads the first chunk (so that libxml2 can detect UTF-16 or UTF-8 from
  /// the first bytes) and lets the handler intern its names.
  ///
  /// - Parameters:
  ///   - source: where the bytes come from.
  ///   - documentName: the name used in errors (a part name such as `xl/workbook.xml`).
  ///   - handler: the initial handler state.
  /// - Throws: ``XMLParseError`` when libxml2 cannot make a parser, or the source's error.
  ///   - limits: the caps on single constructs (default: ``XMLParserLimits/init()``).
  @inlinable
  public init(
    source: any XMLByteSource, documentName: String, handler: Handler,
    limits: XMLParserLimits = XMLParserLimits()
  ) throws {
    let state = UnsafeMutablePointer<Handler>.allocate(capacity: 1)
    state.initialize(to: handler)
    self.handler = state
    let thunks = XMLEventThunks(
      start: { raw, name, namespace, attributes in
        let h = raw.assumingMemoryBound(to: Handler.self)
        h.pointee.startElement(name, namespace: namespace, attributes: attributes)
        return h.pointee.isStopped
      },
      end: { raw, name in
        let h = raw.assumingMemoryBound(to: Handler.self)
        h.pointee.endElement(name)
        return h.pointee.isStopped
      },
      characters: { raw, text in
        let h = raw.assumingMemoryBound(to: Handler.self)
        h.pointee.characters(text)
        return h.pointee.isStopped
      })
    do {
      core = try XMLParserCore(
        source: source, documentName: documentName, state: UnsafeMutableRawPointer(state),
        thunks: thunks, limits: limits)
    } catch {
      state.deinitialize(count: 1)
      state.deallocate()
      throw error
    }
    state.pointee.bind(core.nameTable)
  }

  deinit {
    handler.deinitialize(count: 1)
    handler.deallocate()
  }

  /// Pushes the next chunk of the document into the parser.
  ///
  /// - Returns: `false` once the document is complete (or the handler stopped it), `true` while
  ///   more remains.
  /// - Throws: ``XMLParseError`` for malformed XML or a DOCTYPE; the source's error (for a zip
  ///   entry: a size cap or a corrupt entry).
  public func parseNextChunk() throws -> Bool {
    try core.step()
  }

  /// Creates a parser that is fed with ``push(_:isFinal:)`` instead of pulling from a source.
  ///
  /// - Parameters:
  ///   - documentName: the name used in errors.
  ///   - handler: the initial handler state.
  ///   - limits: the caps on single constructs.
  /// - Throws: ``XMLParseError`` when libxml2 cannot make a parser.
  @inlinable
  public convenience init(
    documentName: String, handler: Handler, limits: XMLParserLimits = XMLParserLimits()
  ) throws {
    try self.init(
      source: XMLMemorySource([]), documentName: documentName, handler: handler, limits: limits)
  }

  /// Pushes bytes the caller already holds into the parser; the handler's events for every
  /// complete construct in them have been delivered when it returns.
  ///
  /// - Parameters:
  ///   - bytes: the next bytes of the document.
  ///   - isFinal: `true` with the last bytes (or none), to end the document.
  /// - Throws: ``XMLParseError`` for malformed XML or a DOCTYPE.
  public func push(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool) throws {
    try core.push(bytes, terminate: isFinal)
  }

  /// Pushes bytes that hold a run of whole elements, with text between them, in the content
  /// of the element the parser is in (a worksheet's rows inside `<sheetData>`).
  ///
  /// Plain markup is read by ``XMLElementScanner`` and delivered to the handler as the same
  /// events libxml2 would deliver, without passing through libxml2; anything else (and any
  /// bytes while libxml2 holds an unfinished construct, or converts the document from an
  /// encoding other than UTF-8) is pushed into libxml2 as by
  /// ``push(_:isFinal:)``. Line numbers in libxml2's later errors do not count scanned lines.
  ///
  /// - Throws: as ``push(_:isFinal:)``.
  public func pushElements(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    try core.pushElements(bytes)
  }

  /// Parses the rest of the document.
  ///
  /// - Throws: as ``parseNextChunk()``.
  public func parseToEnd() throws {
    while try core.step() {}
  }

  /// Whether the handler stopped the parser before the end of the document.
  public var stoppedByHandler: Bool { core.stoppedByHandler }

  /// How many of the bytes given to ``pushElements(_:)`` the scanner read (the rest went
  /// through libxml2).
  public var scannedByteCount: Int { core.scannedByteCount }

  /// The 1-based line and column libxml2 has reached (`xmlSAX2GetLineNumber`,
  /// `xmlSAX2GetColumnNumber`): after the handler stops the parser, where it stopped.
  public var position: (line: Int, column: Int) { core.position }
}

/// Caps on single constructs of a document, checked as it is pushed into libxml2.
public struct XMLParserLimits: Sendable, Hashable {
  /// The longest start tag, attributes included, in bytes (default 128 KiB). libxml2 2.9
  /// checks an element's attributes for duplicates pairwise, so a tag with 200,000 attributes
  /// takes minutes; no start tag that a spreadsheet application writes comes near this size.
  /// libxml2 waits for the whole tag before parsing it, so the cap is checked on the bytes it
  /// holds in waiting, before the tag is parsed.
  public var maxStartTagBytes: Int = 128 << 10

  /// Creates the default limits.
  public init() {}
}

/// Interns names in one parser's dictionary (libxml2 `xmlDictLookup`).
public struct XMLNameTable {
  let dict: OpaquePointer?

  /// The interned form of `name`; compare it with names from events of the same parser.
  public func intern(_ name: StaticString) -> XMLName {
    guard let dict else { return .none }
    let pointer = name.withUTF8Buffer { buffer in
      xmlDictLookup(dict, buffer.baseAddress, Int32(buffer.count))
    }
    return XMLName(pointer)
  }
}

/// The handler's methods, type-erased so that libxml2's C callbacks (which cannot be generic)
/// can reach them. Each returns whether the handler asks to stop.
@usableFromInline
struct XMLEventThunks {
  @usableFromInline let start:
    (UnsafeMutableRawPointer, XMLName, XMLNamespaceURI, XMLAttributes)
      -> Bool
  @usableFromInline let end: (UnsafeMutableRawPointer, XMLName) -> Bool
  @usableFromInline let characters: (UnsafeMutableRawPointer, UnsafeBufferPointer<UInt8>) -> Bool

  @usableFromInline
  init(
    start: @escaping (UnsafeMutableRawPointer, XMLName, XMLNamespaceURI, XMLAttributes) -> Bool,
    end: @escaping (UnsafeMutableRawPointer, XMLName) -> Bool,
    characters: @escaping (UnsafeMutableRawPointer, UnsafeBufferPointer<UInt8>) -> Bool
  ) {
    self.start = start
    self.end = end
    self.characters = characters
  }
}

/// What libxml2's callbacks receive as user data.
struct XMLCallbackBox {
  var context: xmlParserCtxtPtr?
  let state: UnsafeMutableRawPointer
  let thunks: XMLEventThunks
  var error: XMLParseError?
  var stoppedByHandler = false
  let documentName: String
}

/// The non-generic part of ``XMLPushParser``: owns the `xmlParserCtxt` and the chunk buffer.
@usableFromInline
final class XMLParserCore {
  static let chunkSize = 64 * 1024
  let context: xmlParserCtxtPtr
  let box: UnsafeMutablePointer<XMLCallbackBox>
  let source: any XMLByteSource
  let buffer: UnsafeMutableRawBufferPointer
  var finished = false
  /// Whether the first bytes, given to `xmlCreatePushParserCtxt`, still await parsing.
  var initialPending = false
  let documentName: String
  let limits: XMLParserLimits
  /// Reads plain runs of elements for ``pushElements(_:)``.
  var scanner = XMLElementScanner()
  var scannedByteCount = 0

  @usableFromInline
  init(
    source: any XMLByteSource, documentName: String, state: UnsafeMutableRawPointer,
    thunks: XMLEventThunks, limits: XMLParserLimits
  ) throws {
    LibXML2.initialize()
    self.source = source
    self.documentName = documentName
    self.limits = limits
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    let box = UnsafeMutablePointer<XMLCallbackBox>.allocate(capacity: 1)
    box.initialize(
      to: XMLCallbackBox(context: nil, state: state, thunks: thunks, documentName: documentName))
    func release() {
      box.deinitialize(count: 1)
      box.deallocate()
      buffer.deallocate()
    }
    var sax = xmlSAXHandler()
    sax.initialized = XML_SAX2_MAGIC
    sax.startElementNs = saxStartElement
    sax.endElementNs = saxEndElement
    sax.characters = saxCharacters
    sax.cdataBlock = saxCharacters
    sax.internalSubset = saxInternalSubset
    sax.serror = saxStructuredError
    // The first bytes let libxml2 detect the encoding (UTF-16 BOM, `<?xml` in UTF-16).
    let first: Int
    do {
      first = try Self.fill(source, buffer, minimum: 4)
      try Self.refuseUnsupportedEncoding(
        UnsafeRawBufferPointer(rebasing: buffer[0..<first]), documentName: documentName)
    } catch {
      release()
      throw error
    }
    let created = documentName.withCString { name in
      xmlCreatePushParserCtxt(
        &sax, UnsafeMutableRawPointer(box),
        buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(first), name)
    }
    guard let created else {
      release()
      throw XMLParseError(
        kind: .malformed, document: documentName, line: 0, column: 0, code: 0,
        message: "xmlCreatePushParserCtxt failed")
    }
    _ = xmlCtxtUseOptions(created, LibXML2.parseOptions)
    initialPending = first > 0
    box.pointee.context = created
    self.context = created
    self.box = box
    self.buffer = buffer
  }

  deinit {
    xmlFreeParserCtxt(context)
    box.deinitialize(count: 1)
    box.deallocate()
    buffer.deallocate()
  }

  @usableFromInline var nameTable: XMLNameTable { XMLNameTable(dict: context.pointee.dict) }
  var stoppedByHandler: Bool { box.pointee.stoppedByHandler }
  var position: (line: Int, column: Int) {
    (Int(xmlSAX2GetLineNumber(context)), Int(xmlSAX2GetColumnNumber(context)))
  }

  /// Reads until `minimum` bytes or the end of the source.
  static func fill(
    _ source: any XMLByteSource, _ buffer: UnsafeMutableRawBufferPointer, minimum: Int
  ) throws -> Int {
    var total = 0
    while total < minimum {
      let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
      if n <= 0 { break }
      total += n
    }
    return total
  }

  /// Refuses UTF-32 (with a byte-order mark, or `<` as a UTF-32 code unit): libxml2 2.9 reads
  /// it as an empty document.
  static func refuseUnsupportedEncoding(
    _ head: UnsafeRawBufferPointer, documentName: String
  ) throws {
    guard head.count >= 4 else { return }
    let b = (head[0], head[1], head[2], head[3])
    let name: String
    switch b {
    case (0x00, 0x00, 0xFE, 0xFF): name = "UTF-32 big-endian (byte-order mark 00 00 FE FF)"
    case (0xFF, 0xFE, 0x00, 0x00): name = "UTF-32 little-endian (byte-order mark FF FE 00 00)"
    case (0x00, 0x00, 0x00, 0x3C): name = "UTF-32 big-endian (no byte-order mark)"
    case (0x3C, 0x00, 0x00, 0x00): name = "UTF-32 little-endian (no byte-order mark)"
    default: return
    }
    throw XMLParseError(
      kind: .unsupportedEncoding, document: documentName, line: 1, column: 1, code: 0,
      message: "the part is encoded in \(name); OOXML parts are UTF-8 or UTF-16")
  }

  /// Bytes pushed into libxml2 and not parsed yet.
  private var pendingBytes: UnsafeBufferPointer<UInt8>? {
    guard let input = context.pointee.input, let cur = input.pointee.cur,
      let end = input.pointee.end, end > cur
    else { return nil }
    return UnsafeBufferPointer(start: cur, count: end - cur)
  }

  /// Refuses a start tag that libxml2 holds in waiting once it is longer than the cap.
  private func checkStartTag() throws {
    guard context.pointee.instate == XML_PARSER_START_TAG,
      let pending = pendingBytes, pending.count > limits.maxStartTagBytes
    else { return }
    finished = true
    throw XMLParseError(
      kind: .limitExceeded, document: documentName, line: Int(xmlSAX2GetLineNumber(context)),
      column: Int(xmlSAX2GetColumnNumber(context)), code: 0,
      message: "a start tag is longer than \(limits.maxStartTagBytes) bytes (maxStartTagBytes)")
  }

  func step() throws -> Bool {
    if finished { return false }
    if initialPending {
      // Parse what is already held before reading on, so that the document's own errors come
      // before the source's (a zip entry's CRC error is found only at its end).
      initialPending = false
      try feed(nil, 0, terminate: false)
      return !finished
    }
    let n = try source.read(into: buffer)
    try feed(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), n, terminate: n == 0)
    return !finished
  }

  /// Delivers `bytes` through the scanner when it reads them, else pushes them into libxml2.
  func pushElements(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    if finished { return }
    if context.pointee.instate == XML_PARSER_CONTENT, context.pointee.disableSAX == 0,
      context.pointee.wellFormed != 0, pendingBytes == nil, box.pointee.error == nil,
      context.pointee.input?.pointee.buf?.pointee.encoder == nil,
      scanner.scan(bytes, context: context, maxStartTagBytes: limits.maxStartTagBytes)
    {
      scannedByteCount += bytes.count
      deliverScannedEvents(from: bytes.baseAddress)
      return
    }
    try push(bytes, terminate: false)
  }

  /// Calls the handler with the scanner's events, stopping as libxml2 would when it asks.
  private func deliverScannedEvents(from scannedBase: UnsafePointer<UInt8>?) {
    let state = box.pointee.state
    let thunks = box.pointee.thunks
    let decoded = scanner.decoded
    scanner.attributes.withUnsafeBufferPointer { attributeTable in
      let table = UnsafeMutablePointer(mutating: attributeTable.baseAddress)
      for event in scanner.events {
        let stop: Bool
        switch event.kind {
        case .start:
          stop = thunks.start(
            state, XMLName(event.name), XMLNamespaceURI(event.uri),
            XMLAttributes(base: table.map { $0 + event.first * 5 }, count: event.count))
        case .end:
          stop = thunks.end(state, XMLName(event.name))
        case .text:
          stop = thunks.characters(
            state,
            UnsafeBufferPointer(start: scannedBase.map { $0 + event.first }, count: event.count))
        case .decodedText:
          stop = thunks.characters(
            state, UnsafeBufferPointer(start: decoded + event.first, count: event.count))
        }
        if stop {
          stopParser(box)
          finished = true
          return
        }
      }
    }
  }

  func push(_ bytes: UnsafeBufferPointer<UInt8>, terminate: Bool) throws {
    if finished { return }
    // In pieces of at most one chunk, so that the caps on what libxml2 holds in waiting are
    // checked as often as when pulling from a source.
    try bytes.withMemoryRebound(to: CChar.self) { chars in
      var offset = 0
      repeat {
        let n = min(Self.chunkSize, chars.count - offset)
        let last = offset + n == chars.count
        try feed(chars.baseAddress.map { $0 + offset }, n, terminate: terminate && last)
        offset += n
      } while offset < chars.count && !finished
    }
  }

  private func feed(_ bytes: UnsafePointer<CChar>?, _ count: Int, terminate: Bool) throws {
    try checkStartTag()
    let rc = xmlParseChunk(context, bytes, Int32(count), terminate ? 1 : 0)
    if let error = box.pointee.error {
      finished = true
      throw error
    }
    if box.pointee.stoppedByHandler {
      finished = true
      return
    }
    if rc != 0 {
      finished = true
      throw XMLParseError(
        kind: .malformed, document: documentName, line: Int(xmlSAX2GetLineNumber(context)),
        column: Int(xmlSAX2GetColumnNumber(context)), code: Int(rc),
        message: "the XML is not well-formed")
    }
    if terminate { finished = true }
  }
}

private func box(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLCallbackBox>? {
  ctx?.assumingMemoryBound(to: XMLCallbackBox.self)
}

private func stopParser(_ b: UnsafeMutablePointer<XMLCallbackBox>) {
  b.pointee.stoppedByHandler = true
  if let context = b.pointee.context { xmlStopParser(context) }
}

private let saxStartElement: startElementNsSAX2Func = {
  ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
  guard let b = box(ctx), !b.pointee.stoppedByHandler else { return }
  let attrs = XMLAttributes(base: attributes, count: Int(nbAttributes))
  if b.pointee.thunks.start(b.pointee.state, XMLName(localname), XMLNamespaceURI(uri), attrs) {
    stopParser(b)
  }
}

private let saxEndElement: endElementNsSAX2Func = { ctx, localname, _, _ in
  guard let b = box(ctx), !b.pointee.stoppedByHandler else { return }
  if b.pointee.thunks.end(b.pointee.state, XMLName(localname)) {
    stopParser(b)
  }
}

private let saxCharacters: charactersSAXFunc = { ctx, text, length in
  guard let b = box(ctx), !b.pointee.stoppedByHandler, let text, length > 0 else { return }
  if b.pointee.thunks.characters(
    b.pointee.state, UnsafeBufferPointer(start: text, count: Int(length)))
  {
    stopParser(b)
  }
}

private let saxInternalSubset: internalSubsetSAXFunc = { ctx, name, _, _ in
  guard let b = box(ctx) else { return }
  if b.pointee.error == nil {
    let root = name.map { String(cString: $0) } ?? ""
    var line = 0
    var column = 0
    if let context = b.pointee.context {
      line = Int(xmlSAX2GetLineNumber(context))
      column = Int(xmlSAX2GetColumnNumber(context))
    }
    b.pointee.error = XMLParseError(
      kind: .doctype, document: b.pointee.documentName, line: line, column: column, code: 0,
      message: "a DOCTYPE declaration (<!DOCTYPE \(root) …>) is not allowed in an OOXML part")
  }
  if let context = b.pointee.context { xmlStopParser(context) }
}

private let saxStructuredError: xmlStructuredErrorFunc = { ctx, error in
  guard let b = box(ctx), let error else { return }
  let e = error.pointee
  guard e.level.rawValue >= XML_ERR_FATAL.rawValue, b.pointee.error == nil else { return }
  var message = e.message.map { String(cString: $0) } ?? "XML error"
  while message.last == "\n" || message.last == " " { message.removeLast() }
  b.pointee.error = XMLParseError(
    kind: isLimit(code: e.code, message: message) ? .limitExceeded : .malformed,
    document: b.pointee.documentName, line: Int(e.line), column: Int(e.int2),
    code: Int(e.code), message: message)
}

/// Whether a libxml2 error is one of its limits without `XML_PARSE_HUGE`
/// (`XML_MAX_LOOKUP_LIMIT`, `xmlParserMaxDepth`, `XML_MAX_NAME_LENGTH`, `XML_MAX_TEXT_LENGTH`)
/// rather than malformed XML.
private func isLimit(code: Int32, message: String) -> Bool {
  if code == Int32(XML_ERR_NAME_TOO_LONG.rawValue) { return true }
  if message.contains("XML_PARSE_HUGE") { return true }
  guard code == Int32(XML_ERR_INTERNAL_ERROR.rawValue) else { return false }
  return message.contains("Huge input lookup") || message.contains("Excessive depth")
    || message.contains("too long") || message.contains("too big")
}
