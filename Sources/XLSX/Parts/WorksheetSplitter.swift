#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Cuts the bytes of a worksheet part into pieces that two SAX2 parsers can read at the same
/// time, each piece a run of whole `<row>` elements.
///
/// It reads the part as it is inflated, with a small lexer that knows start and end tags
/// (quoted attribute values may hold `>`), comments, CDATA sections and processing
/// instructions, and counts element depth inside `<sheetData>`. It never decodes text: cuts
/// fall only between two rows at the top of `<sheetData>`, where every construct is complete.
///
/// The first parser reads the part itself, minus the row pieces given to the second; the second
/// reads a stand-in document made of the part's own XML declaration, root start tag and
/// `<sheetData>` start tag (so every namespace prefix is declared), its row pieces, and the
/// matching end tags. Each row piece starts with `<row r="N"/>` for the previous row's number N,
/// so that a row without `r` gets the number it would get in one sequential parse.
///
/// Anything it does not expect (a part that is not UTF-8, a DOCTYPE, an element other than
/// `<row>` at the top of `<sheetData>`, an `r` with a character reference) ends the cutting:
/// the rest of the part goes, in order, to the first parser.
struct WorksheetSplitter {
  enum Piece {
    /// Everything up to and including the `<sheetData>` start tag: for the first parser.
    case prolog([UInt8])
    /// Whole rows from inside `<sheetData>`, preceded by a `<row r="N"/>` marker when N > 0.
    case rows([UInt8])
    /// The rest of the part, in order: for the first parser.
    case rest([UInt8])
  }

  private enum Phase {
    case prolog, rows, rest
  }

  private enum Lexer: Equatable {
    case text, comment, cdata, processingInstruction
    case tag(start: Int, quote: UInt8)
  }

  /// The bytes that open the stand-in document of the second parser (valid once the prolog
  /// piece has been emitted).
  private(set) var wrapperPrefix: [UInt8] = []
  /// The bytes that close it.
  private(set) var wrapperSuffix: [UInt8] = []

  private let segmentBytes: Int
  private var buffer: [UInt8] = []
  private var scan = 0
  private var phase = Phase.prolog
  private var lexer = Lexer.text
  private var depth = 0
  private var checkedDeclaration = false
  /// The part's own BOM and XML declaration, repeated at the start of the stand-in document so
  /// that both parsers read the bytes under the same declared encoding.
  private var declaration: [UInt8] = []
  private var rootTag: [UInt8] = []
  private var rootName: [UInt8] = []
  private var lastRow = 0
  private var segmentStartRow = 0

  /// - Parameter segmentBytes: the size from which a run of rows is cut into a piece.
  init(segmentBytes: Int) {
    self.segmentBytes = segmentBytes
  }

  /// Whether rows are still being cut (the second parser may get more pieces).
  var isCutting: Bool { phase != .rest }

  /// Takes the next bytes of the part and appends the pieces they complete to `pieces`.
  mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into pieces: inout [Piece]) {
    if phase == .rest {
      if !bytes.isEmpty { pieces.append(.rest(Array(bytes))) }
      return
    }
    buffer.append(contentsOf: bytes)
    run(into: &pieces)
    if phase != .rest && buffer.count > maxHeldBytes {
      // No cut in sight (one huge row, or a bomb of whitespace): the rest goes to the first
      // parser as it arrives, so memory stays bounded and the caps stop what must stop.
      stop(into: &pieces)
    }
  }

  /// The most bytes held while looking for the end of a row: 4 MiB, or 8 pieces.
  private var maxHeldBytes: Int { max(4 << 20, 8 * segmentBytes) }

  /// Ends the part: whatever is left goes to the first parser.
  mutating func finish(into pieces: inout [Piece]) {
    switch phase {
    case .prolog, .rest:
      if !buffer.isEmpty { pieces.append(.rest(buffer)) }
    case .rows:
      giveUp(at: 0, into: &pieces)
    }
    buffer = []
    phase = .rest
  }

  // MARK: Lexer

  private mutating func run(into pieces: inout [Piece]) {
    if !checkedDeclaration {
      // Wait for the whole XML declaration (or enough bytes to know there is none).
      let bom = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      guard buffer.count >= bom + 5 else { return }
      let hasDeclaration = buffer[bom..<(bom + 5)].elementsEqual("<?xml".utf8)
      if hasDeclaration && Self.declaration(buffer).count <= bom {
        if buffer.count < 4096 { return }
        stop(into: &pieces)
        return
      }
      checkedDeclaration = true
      if !Self.isUTF8(buffer) {
        stop(into: &pieces)
        return
      }
      declaration = Self.declaration(buffer)
    }
    while scan < buffer.count && phase != .rest {
      if phase == .rows && lexer == .text && depth > 0 {
        // The bulk of a sheet: tags inside rows, lexed in one tight loop.
        let scanned = buffer.withUnsafeBufferPointer {
          Self.scanInsideRows($0, from: scan, depth: depth)
        }
        scan = scanned.index
        depth = scanned.depth
        if scanned.needsMoreBytes { return }
        // Otherwise a construct that the general lexer below handles: a comment, CDATA, a
        // processing instruction, an end tag with a quote, or an end tag that may end the row
        // (where a cut may follow).
      }
      let n = buffer.count
      switch lexer {
      case .text:
        guard let lt = firstIndex(of: UInt8(ascii: "<"), from: scan) else {
          scan = n
          return
        }
        guard lt + 9 <= n || (lt + 2 <= n && buffer[lt + 1] != UInt8(ascii: "!")) else {
          scan = lt
          return
        }
        let next = buffer[lt + 1]
        if next == UInt8(ascii: "!") {
          if matches("<!--", at: lt) {
            lexer = .comment
            scan = lt + 4
          } else if matches("<![CDATA[", at: lt) {
            lexer = .cdata
            scan = lt + 9
          } else {
            // A DOCTYPE (refused by the parser) or something unknown: no cutting.
            scan = lt
            stop(into: &pieces)
            return
          }
        } else if next == UInt8(ascii: "?") {
          lexer = .processingInstruction
          scan = lt + 2
        } else {
          lexer = .tag(start: lt, quote: 0)
          scan = lt + 1
        }
      case .comment:
        guard let end = find("-->", from: scan) else { return keepScanning(from: n - 2) }
        lexer = .text
        scan = end + 3
      case .cdata:
        guard let end = find("]]>", from: scan) else { return keepScanning(from: n - 2) }
        lexer = .text
        scan = end + 3
      case .processingInstruction:
        guard let end = find("?>", from: scan) else { return keepScanning(from: n - 1) }
        lexer = .text
        scan = end + 2
      case .tag(let start, var quote):
        let closed = buffer.withUnsafeBufferPointer { Self.tagEnd($0, from: scan, quote: &quote) }
        guard closed >= 0 else {
          lexer = .tag(start: start, quote: quote)
          scan = n
          return
        }
        lexer = .text
        scan = closed + 1
        // A cut or a change of phase rebases the buffer; the loop resumes from its new state.
        tag(from: start, to: closed, into: &pieces)
      }
    }
  }

  private mutating func keepScanning(from index: Int) {
    scan = max(scan, index)
  }

  /// Lexes the start and end tags inside a row (`depth` > 0) with the same rules as the general
  /// lexer, until the bytes end (`needsMoreBytes`; `index` at the unfinished `<`, or at the end)
  /// or a construct that the general lexer must handle (`index` at its `<`, nothing of it
  /// consumed): `<!`, `<?`, an end tag with a quote, or an end tag at depth 1 (the row's own,
  /// after which a cut may follow). Text between tags is skipped with `memchr`.
  private static func scanInsideRows(_ p: UnsafeBufferPointer<UInt8>, from: Int, depth: Int)
    -> (index: Int, depth: Int, needsMoreBytes: Bool)
  {
    guard let base = p.baseAddress else { return (from, depth, true) }
    let n = p.count
    var i = from
    var d = depth
    while i < n {
      guard let hit = memchr(base + i, Int32(UInt8(ascii: "<")), n - i) else {
        return (n, d, true)
      }
      let lt = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      guard lt + 1 < n else { return (lt, d, true) }
      let next = p[lt + 1]
      if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") { return (lt, d, false) }
      var j = lt + 1
      if next == UInt8(ascii: "/") {
        if d == 1 {
          // Possibly the row's end: the general lexer checks it and cuts.
          return (lt, d, false)
        }
        while j < n {
          let b = p[j]
          if b == UInt8(ascii: ">") { break }
          if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { return (lt, d, false) }
          j &+= 1
        }
        guard j < n else { return (lt, d, true) }
        d -= 1
      } else {
        var quote: UInt8 = 0
        let end = tagEnd(p, from: j, quote: &quote)
        guard end >= 0 else { return (lt, d, true) }
        j = end
        if p[j - 1] != UInt8(ascii: "/") { d += 1 }
      }
      i = j + 1
    }
    return (i, d, true)
  }

  /// The index of the `>` that closes a tag, scanning from `from` with the tag's open quote
  /// (0 when none), or -1 when the bytes end first (`quote` then holds the open quote).
  private static func tagEnd(_ p: UnsafeBufferPointer<UInt8>, from: Int, quote: inout UInt8)
    -> Int
  {
    var i = from
    let n = p.count
    var q = quote
    while i < n {
      if q != 0 {
        // Inside a quoted attribute value: only its closing quote matters.
        while i < n && p[i] != q { i &+= 1 }
        guard i < n else { break }
        q = 0
        i &+= 1
        continue
      }
      let b = p[i]
      if b == UInt8(ascii: ">") {
        quote = 0
        return i
      }
      if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { q = b }
      i &+= 1
    }
    quote = q
    return -1
  }

  /// Handles the tag `buffer[start...end]` (`end` is its `>`).
  private mutating func tag(from start: Int, to end: Int, into pieces: inout [Piece]) {
    let isEnd = buffer[start + 1] == UInt8(ascii: "/")
    let selfClosing = !isEnd && end > start && buffer[end - 1] == UInt8(ascii: "/")
    if phase == .rows && depth > 0 {
      // Inside a row (the common case): only the depth matters, not the name.
      if isEnd {
        depth -= 1
      } else if !selfClosing {
        depth += 1
      }
      if depth == 0 && end + 1 >= segmentBytes {
        cut(at: end + 1, into: &pieces)
      }
      return
    }
    let nameStart = start + (isEnd ? 2 : 1)
    var nameEnd = nameStart
    while nameEnd < end, !Self.isNameEnd(buffer[nameEnd]) { nameEnd += 1 }
    var localStart = nameStart
    for i in nameStart..<nameEnd where buffer[i] == UInt8(ascii: ":") { localStart = i + 1 }
    let local = buffer[localStart..<nameEnd]

    switch phase {
    case .prolog:
      if isEnd {
        depth -= 1
        return
      }
      if depth == 0 {
        if selfClosing {
          stop(into: &pieces)
          return
        }
        rootTag = Array(buffer[start...end])
        rootName = Array(buffer[nameStart..<nameEnd])
      } else if depth == 1, local.elementsEqual("sheetData".utf8) {
        if selfClosing {
          stop(into: &pieces)
          return
        }
        let name = Array(buffer[nameStart..<nameEnd])
        wrapperPrefix = declaration + rootTag + Array(buffer[start...end])
        wrapperSuffix =
          Array("</".utf8) + name + Array("></".utf8) + rootName + Array(">".utf8)
        pieces.append(.prolog(Array(buffer[...end])))
        rebase(at: end + 1)
        phase = .rows
        depth = 0
        segmentStartRow = lastRow
        return
      }
      if !selfClosing { depth += 1 }
    case .rows:
      if isEnd {
        depth -= 1
        if depth < 0 {
          // </sheetData>: the rows end here.
          giveUp(at: start, into: &pieces)
          return
        }
      } else {
        if depth == 0 {
          guard local.elementsEqual("row".utf8) else {
            giveUp(at: start, into: &pieces)
            return
          }
          guard let number = rowNumber(in: nameEnd, end) else {
            giveUp(at: start, into: &pieces)
            return
          }
          lastRow = number
        }
        if !selfClosing { depth += 1 }
      }
      if depth == 0 && end + 1 >= segmentBytes {
        cut(at: end + 1, into: &pieces)
      }
    case .rest:
      return
    }
  }

  /// The number of the row whose start tag's attributes lie in `buffer[from..<end]`, as the
  /// worksheet handler will number it; `nil` when `r` cannot be read without decoding.
  private func rowNumber(in from: Int, _ end: Int) -> Int? {
    var i = from
    while i < end {
      while i < end, Self.isSpace(buffer[i]) { i += 1 }
      let nameStart = i
      while i < end, buffer[i] != UInt8(ascii: "="), !Self.isSpace(buffer[i]),
        buffer[i] != UInt8(ascii: "/")
      {
        i += 1
      }
      let name = buffer[nameStart..<i]
      while i < end, Self.isSpace(buffer[i]) { i += 1 }
      guard i < end, buffer[i] == UInt8(ascii: "=") else { break }
      i += 1
      while i < end, Self.isSpace(buffer[i]) { i += 1 }
      guard i < end, buffer[i] == UInt8(ascii: "\"") || buffer[i] == UInt8(ascii: "'") else {
        return nil
      }
      let quote = buffer[i]
      i += 1
      let valueStart = i
      while i < end, buffer[i] != quote { i += 1 }
      let value = buffer[valueStart..<i]
      i += 1
      if name.elementsEqual([UInt8(ascii: "r")]) {
        if value.contains(UInt8(ascii: "&")) { return nil }
        let parsed = value.withUnsafeBufferPointer {
          NumberText.parseIndex($0, limit: Int(Int32.max))
        }
        if let parsed, parsed >= 1 { return parsed }
        return lastRow + 1
      }
    }
    return lastRow + 1
  }

  // MARK: Pieces

  private mutating func cut(at index: Int, into pieces: inout [Piece]) {
    var piece = marker(segmentStartRow)
    piece.reserveCapacity(piece.count + index)
    piece.append(contentsOf: buffer[..<index])
    pieces.append(.rows(piece))
    rebase(at: index)
    segmentStartRow = lastRow
  }

  /// Stops cutting at `index`: rows before it form a last piece, the rest goes in order.
  private mutating func giveUp(at index: Int, into pieces: inout [Piece]) {
    if index > 0 {
      pieces.append(.rows(marker(segmentStartRow) + Array(buffer[..<index])))
    }
    let rest = Array(buffer[index...])
    // The first parser resumes after rows the second may have read: tell it the number of the
    // row before the rest (rows of the buffer after `index` have not been counted when
    // `index` > 0; at 0 the whole buffer is the rest).
    let head = marker(index == 0 ? segmentStartRow : lastRow)
    if !rest.isEmpty || !head.isEmpty { pieces.append(.rest(head + rest)) }
    buffer = []
    scan = 0
    phase = .rest
  }

  /// Stops cutting before the rows began: the whole part goes to the first parser.
  private mutating func stop(into pieces: inout [Piece]) {
    if phase == .rows {
      giveUp(at: 0, into: &pieces)
      return
    }
    if !buffer.isEmpty { pieces.append(.rest(buffer)) }
    buffer = []
    scan = 0
    phase = .rest
  }

  private func marker(_ row: Int) -> [UInt8] {
    row > 0 ? Array("<row r=\"\(row)\"/>".utf8) : []
  }

  private mutating func rebase(at index: Int) {
    buffer.removeSubrange(..<index)
    scan -= index
    if case .tag(let start, let quote) = lexer { lexer = .tag(start: start - index, quote: quote) }
  }

  // MARK: Bytes

  private func firstIndex(of byte: UInt8, from: Int) -> Int? {
    buffer.withUnsafeBufferPointer { p in
      guard from < p.count, let base = p.baseAddress else { return nil }
      guard let hit = memchr(base + from, Int32(byte), p.count - from) else { return nil }
      return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
  }

  private func find(_ text: StaticString, from: Int) -> Int? {
    let pattern = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    guard let first = pattern.first else { return nil }
    var i = from
    while i + pattern.count <= buffer.count {
      if buffer[i] == first, matches(text, at: i) { return i }
      i += 1
    }
    return nil
  }

  private func matches(_ text: StaticString, at index: Int) -> Bool {
    let pattern = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    guard index + pattern.count <= buffer.count else { return false }
    for k in 0..<pattern.count where buffer[index + k] != pattern[k] { return false }
    return true
  }

  private static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }

  private static func isNameEnd(_ b: UInt8) -> Bool {
    isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">")
  }

  /// Whether the part is UTF-8: no UTF-16/32 byte order mark or zero bytes at the start, and
  /// an XML declaration that names no encoding or exactly `UTF-8` (any case).
  static func isUTF8(_ bytes: [UInt8]) -> Bool {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else {
      return start == bytes.count
    }
    if bytes.count > start + 1, bytes[start + 1] == 0 { return false }
    let head = declaration(bytes)
    guard !head.isEmpty else { return true }
    let text = String(decoding: head, as: UTF8.self).lowercased()
    guard let range = text.range(of: "encoding") else { return true }
    var rest = text[range.upperBound...].drop {
      $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n"
    }
    guard rest.first == "=" else { return false }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return false }
    let value = rest.dropFirst().prefix { $0 != quote }
    return value == "utf-8" || value == "utf8"
  }

  /// The BOM and `<?xml …?>` declaration at the start of `bytes`, or nothing.
  static func declaration(_ bytes: [UInt8]) -> [UInt8] {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    guard bytes.count >= start + 5, bytes[start..<(start + 5)].elementsEqual("<?xml".utf8) else {
      return Array(bytes[0..<start])
    }
    var end = start
    while end + 1 < bytes.count {
      if bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">") {
        return Array(bytes[0...(end + 1)])
      }
      end += 1
    }
    return Array(bytes[0..<start])
  }
}
