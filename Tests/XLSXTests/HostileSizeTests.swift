import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// Crafted workbooks that try to make one construct huge (a string, an element, a shared
/// formula's expansion, a row) or that are not what they claim. Each read must end in its named
/// error quickly and keep peak RSS under 256 MiB (``HostileFileTests/hostileRead(_:_:)`` runs
/// `redthread inspect` in a child process and measures it).
extension HostileFileTests {
  static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

  /// A part made of `prefix`, `count` copies of `byte`, and `suffix`, deflated about 1,000 to 1,
  /// with true sizes in both zip headers.
  func bombEntry(
    _ name: String, prefix: String, byte: UInt8, count: Int, suffix: String
  ) -> CraftedZip.Entry {
    let bomb = DeflateBomb.make(
      prefix: Array(prefix.utf8), byte: byte, count: count, suffix: Array(suffix.utf8))
    return .deflated(name, bomb.data, crc: bomb.crc, declaredSize: UInt32(clamping: bomb.size))
  }

  func sheetEntry(_ rows: String) -> CraftedZip.Entry {
    .stored(
      "xl/worksheets/sheet1.xml",
      "<worksheet xmlns=\"\(Self.main)\"><sheetData>\(rows)</sheetData></worksheet>")
  }

  @Test func hugeSharedStringStopsAtTheStringCap() throws {
    // One <si><t> of 200 MB: the reader refuses it once it passes 1 MiB, holding no more.
    let sst = bombEntry(
      "xl/sharedStrings.xml", prefix: "<sst xmlns=\"\(Self.main)\"><si><t>", byte: 0x61,
      count: 200_000_000, suffix: "</t></si></sst>")
    let sheet = sheetEntry("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: sheet, sharedStrings: sst), name: "huge-sst.xlsx")
    let read = try hostileRead(path)
    #expect(read.code == "cell-text-too-long")
    #expect(read.peak < Self.limit)
    let error = readError(path)
    #expect(error?.message.contains("xl/sharedStrings.xml:1:") == true)
    #expect(error?.message.contains("maxStringBytes") == true)
  }

  @Test func longSharedStringReadsWithTheCapRaised() throws {
    // 20 MB in one shared string reads whole when the cap allows it (the text is gathered in
    // one growing buffer, not copied per chunk).
    let count = 20_000_000
    let sst = bombEntry(
      "xl/sharedStrings.xml", prefix: "<sst xmlns=\"\(Self.main)\"><si><t>", byte: 0x62,
      count: count, suffix: "</t></si></sst>")
    let sheet = sheetEntry("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: sheet, sharedStrings: sst), name: "long-sst.xlsx")
    var options = XLSXReadOptions()
    options.maxStringBytes = 32 << 20
    options.maxCompressionRatio = Int.max / 2
    let table = try XLSXReader(path: path, options: options).sharedStrings()
    #expect(table.count == 1)
    #expect(table[0]?.utf8.count == count)
    #expect(readErrorCode(path) == .cellTextTooLong)
  }

  @Test func sharedStringCountDefaultCap() throws {
    // One string past the default count (1,000,000): refused, with the table's memory bounded.
    var sst = Array("<sst xmlns=\"\(Self.main)\">".utf8)
    let item = Array("<si/>".utf8)
    sst.reserveCapacity(item.count * 1_000_001 + 64)
    for _ in 0..<1_000_001 { sst.append(contentsOf: item) }
    sst.append(contentsOf: Array("</sst>".utf8))
    let sheet = sheetEntry("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: sheet, sharedStrings: .stored("xl/sharedStrings.xml", sst)),
      name: "count.xlsx")
    let read = try hostileRead(path)
    #expect(read.code == "too-many-shared-strings")
    #expect(read.peak < Self.limit)
  }

  @Test func sharedFormulaExpansionStopsAtTheBudget() throws {
    // A 6,000-reference master formula shared by 1,000 cells expands to 18 MB of formula text.
    let master = String(repeating: "A1+", count: 6_000) + "A1"
    var rows =
      "<row r=\"1\"><c r=\"B1\"><f t=\"shared\" ref=\"B1:B1000\" si=\"0\">\(master)</f><v>1</v>"
      + "</c></row>"
    for r in 2...1_000 {
      rows += "<row r=\"\(r)\"><c r=\"B\(r)\"><f t=\"shared\" si=\"0\"/><v>1</v></c></row>"
    }
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: sheetEntry(rows)), name: "shared-formula.xlsx")
    let read = try hostileRead(path)
    #expect(read.code == "shared-formulas-too-large")
    #expect(read.peak < Self.limit)
    let error = readError(path)
    #expect(error?.message.contains("maxSharedFormulaBytes") == true)
    #expect(error?.location?.cell?.column == 2)
    // Two parsers apply the same budget.
    let two = readError(path, options: WorksheetPipelineTests.parallel(segment: 4096))
    #expect(two?.kind == .sharedFormulasTooLarge)
    #expect(two?.location == error?.location)
    var options = XLSXReadOptions()
    options.maxSharedFormulaBytes = 32 << 20
    let workbook = try XLSXReader.read(path: path, options: options)
    #expect(workbook.cell("Sheet1", "B1000")?.formula?.hasPrefix("A1000+A1000+") == true)
  }

  @Test func hugeInlineStringStopsAtTheStringCap() throws {
    // A 200 MB inline string in a sheet whose headers tell the truth: the part is large, so
    // two parsers read it; the splitter holds at most 4 MiB while it looks for the row's end,
    // then hands the rest to the first parser, whose handler stops at 1 MiB of text.
    let entry = bombEntry(
      "xl/worksheets/sheet1.xml",
      prefix: "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\"><c r=\"A1\" "
        + "t=\"inlineStr\"><is><t>",
      byte: 0x61, count: 200_000_000, suffix: "</t></is></c></row></sheetData></worksheet>")
    let path = try CraftedZip.write(CraftedZip.workbook(sheetXML: entry), name: "inline.xlsx")
    let read = try hostileRead(path)
    #expect(read.code == "cell-text-too-long")
    #expect(read.peak < Self.limit)
    let one = readError(path, options: WorksheetPipelineTests.sequential())
    #expect(one?.kind == .cellTextTooLong)
    #expect(one?.location?.cell == CellReference(row: 1, column: 1))
  }

  /// A worksheet whose `<sheetData>` holds 1 GiB of spaces, deflated about 1,000 to 1; the
  /// central directory tells the truth, the local header the truth or `localSize`.
  func honestBomb(localSize: UInt32? = nil) throws -> String {
    let entry = bombEntry(
      "xl/worksheets/sheet1.xml",
      prefix: "<?xml version=\"1.0\"?><worksheet xmlns=\"\(Self.main)\"><sheetData>",
      byte: 0x20, count: 1 << 30, suffix: "</sheetData></worksheet>")
    var bytes = CraftedZip.workbook(sheetXML: entry)
    if let localSize {
      // The local header of the sheet part: signature, then the name at offset 30.
      let name = Array("xl/worksheets/sheet1.xml".utf8)
      var i = 0
      while i + 30 + name.count <= bytes.count {
        if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04,
          Array(bytes[(i + 30)..<(i + 30 + name.count)]) == name
        {
          for k in 0..<4 { bytes[i + 22 + k] = UInt8((localSize >> (8 * UInt32(k))) & 0xFF) }
          break
        }
        i += 1
      }
    }
    return try CraftedZip.write(bytes, name: "honest-bomb.xlsx")
  }

  @Test func zipBombWithHonestHeadersStaysBounded() throws {
    // The zip directory declares 1 GiB, so two parsers read the part: the splitter must not
    // gather the whitespace while it waits for a row.
    let path = try honestBomb()
    let read = try hostileRead(path)
    #expect(read.code == "compression-ratio-exceeded")
    #expect(read.peak < Self.limit)
    var options = XLSXReadOptions()
    options.maxCompressionRatio = Int.max / 2
    options.maxPartBytes = 64 << 20
    #expect(readErrorCode(path, options: options) == .partTooLarge)
  }

  @Test func zipBombLyingOnlyInItsLocalHeaderStaysBounded() throws {
    let path = try honestBomb(localSize: 1000)
    let read = try hostileRead(path)
    #expect(read.code == "compression-ratio-exceeded")
    #expect(read.peak < Self.limit)
  }

  @Test func elementWithTooManyAttributesIsRefused() throws {
    let attributes = (0..<200_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
    let path = try CraftedZip.write(
      CraftedZip.workbook(
        sheetXML: sheetEntry("<row r=\"1\"><c r=\"A1\" \(attributes)><v>1</v></c></row>")),
      name: "attributes.xlsx")
    let read = try hostileRead(path)
    #expect(read.code == "xml-limit-exceeded")
    #expect(read.peak < Self.limit)
    #expect(readError(path)?.message.contains("maxStartTagBytes") == true)
    // A thousand attributes are fine.
    let few = (0..<1_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
    let ok = try CraftedZip.write(
      CraftedZip.workbook(
        sheetXML: sheetEntry("<row r=\"1\"><c r=\"A1\" \(few)><v>1</v></c></row>")),
      name: "few-attributes.xlsx")
    #expect(try XLSXReader.read(path: ok).value("Sheet1", "A1") == .number(1))
  }
}

/// Files that are not what they claim: each gets its own code and a message that says why.
@Suite struct MisleadingFileTests {
  static let main = HostileFileTests.main
  static let rel = HostileFileTests.rel
  static let pkg = HostileFileTests.pkg

  func sheet() -> CraftedZip.Entry {
    .stored(
      "xl/worksheets/sheet1.xml",
      "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
        + "</sheetData></worksheet>")
  }

  @Test func emptyFile() throws {
    let path = try CraftedZip.write([], name: "empty.xlsx")
    let error = readError(path)
    #expect(error?.kind == .emptyFile)
    #expect(error?.message.contains("empty (0 bytes)") == true)
  }

  @Test func zipFollowedByZeroBytes() throws {
    let bytes = CraftedZip.workbook(sheetXML: sheet()) + [UInt8](repeating: 0, count: 100_000)
    let path = try CraftedZip.write(bytes, name: "trailing.xlsx")
    let error = readError(path)
    #expect(error?.kind == .trailingData)
    #expect(error?.message.contains("100000 more bytes") == true)
    #expect(error?.message.contains("all zero bytes") == true)
  }

  @Test func truncatedZipIsStillTruncated() throws {
    let bytes = CraftedZip.workbook(sheetXML: sheet())
    let path = try CraftedZip.write(Array(bytes.prefix(bytes.count - 30)), name: "cut.xlsx")
    #expect(readErrorCode(path) == .truncatedZip)
  }

  @Test(arguments: [
    ([0xFF, 0xFE, 0x00, 0x00] as [UInt8], "UTF-32 little-endian"),
    ([0x00, 0x00, 0xFE, 0xFF], "UTF-32 big-endian"),
  ])
  func utf32PartIsNamed(bom: [UInt8], name: String) throws {
    var bytes = bom
    let text = "<worksheet xmlns=\"\(Self.main)\"><sheetData/></worksheet>"
    let littleEndian = bom[0] == 0xFF
    for scalar in text.unicodeScalars {
      let v = scalar.value
      let le = [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
      bytes += littleEndian ? le : le.reversed()
    }
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: .stored("xl/worksheets/sheet1.xml", bytes)),
      name: "utf32.xlsx")
    let error = readError(path)
    #expect(error?.kind == .unsupportedEncoding)
    #expect(error?.message.contains(name) == true)
  }

  /// A workbook whose only sheet's relationship targets `target`.
  func workbook(sheetTarget target: String) throws -> String {
    let entries: [CraftedZip.Entry] = [
      .stored(
        "_rels/.rels",
        "<Relationships xmlns=\"\(Self.pkg)\"><Relationship Id=\"rId1\" "
          + "Type=\"\(Self.rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
      .stored(
        "xl/workbook.xml",
        "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\"><sheets><sheet name=\"Blad1\" "
          + "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
      .stored(
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"\(Self.pkg)\"><Relationship Id=\"rId1\" "
          + "Type=\"\(Self.rel)/worksheet\" Target=\"\(target)\"/><Relationship Id=\"rId2\" "
          + "Type=\"\(Self.rel)/styles\" Target=\"styles.xml\"/></Relationships>"),
      .stored("xl/styles.xml", "<styleSheet xmlns=\"\(Self.main)\"/>"),
      sheet(),
    ]
    return try CraftedZip.write(CraftedZip.archive(entries), name: "target.xlsx")
  }

  @Test(arguments: [
    ("workbook.xml", "the workbook part"),
    ("/xl/workbook.xml", "the workbook part"),
    ("_rels/workbook.xml.rels", "the workbook's relationships"),
    ("../_rels/.rels", "the package relationships"),
    ("styles.xml", "the styles"),
    ("worksheets/_rels/sheet1.xml.rels", "a relationships part"),
  ])
  func sheetNamingANonWorksheetPart(target: String, what: String) throws {
    let error = readError(try workbook(sheetTarget: target))
    #expect(error?.kind == .notAWorksheet)
    #expect(error?.message.contains(what) == true)
    #expect(error?.location?.sheet == "Blad1")
  }

  @Test func sheetNamingItsWorksheetReads() throws {
    let book = try XLSXReader.read(path: try workbook(sheetTarget: "worksheets/sheet1.xml"))
    #expect(book.value("Blad1", "A1") == .number(1))
  }
}
