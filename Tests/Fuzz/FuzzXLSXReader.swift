// libFuzzer entry point for the XLSX reader. Built by Tests/Fuzz/build.sh (not part of the
// package build): the reader's modules are compiled with -sanitize=fuzzer,address.
//
// Input: a file starting with 'P' (zip) or 0xD0 (Compound File) is read as a workbook file as
// it is. Any other first byte selects a part (low two bits: 0 sheet, 1 shared strings,
// 2 workbook, 3 styles) and the rest of the input is that part's XML inside an otherwise valid,
// stored (uncompressed) package, so that mutations reach the XML handlers instead of failing
// zip CRC checks.
import Foundation
import Spreadsheet
import XLSX

private let path: String = {
  let folder =
    FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  return "\(folder)/redthread-fuzz-\(getpid()).xlsx"
}()

private let options: XLSXReadOptions = {
  var o = XLSXReadOptions()
  o.parallelParsing = false
  // Parts of at most 2 MiB: every input is read four times under AddressSanitizer, and a
  // multi-megabyte corpus file (a 7 MB sheet of 50,000 merged ranges) took 11 s a run, so
  // libFuzzer stopped on its timeout. Larger parts test only the size cap, which they reach.
  o.maxPartBytes = 2 << 20
  o.maxTotalBytes = 8 << 20
  o.maxSharedStrings = 200_000
  o.maxSharedStringBytes = 8 << 20
  o.maxCellTextBytes = 16 << 20
  return o
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let input = UnsafeBufferPointer(start: data, count: size)
  let bytes: [UInt8]
  if let first = input.first, first == 0x50 || first == 0xD0 {
    bytes = Array(input)
  } else if let first = input.first {
    bytes = FuzzPackage.make(part: Int(first & 3), xml: Array(input.dropFirst()))
  } else {
    bytes = []
  }
  guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return 0 }
  let one = read(options)
  // Differential check: the two-parser pipeline, cutting every few rows (256-byte pieces), must
  // read exactly what one parser reads.
  let two = read(parallelOptions)
  switch (one, two) {
  case (.success(let a), .success(let b)):
    if a != b { fatalError("the two-parser read differs from the one-parser read") }
  case (.failure(let a), .failure(let b)):
    if a.kind != b.kind { fatalError("errors differ: \(a) / \(b)") }
  default:
    fatalError("one read failed, the other did not: \(one) / \(two)")
  }
  return 0
}

private let parallelOptions: XLSXReadOptions = {
  var o = options
  o.parallelParsing = true
  o.parallelMinimumPartBytes = 0
  o.parallelSegmentBytes = 256
  return o
}()

private func read(_ options: XLSXReadOptions) -> Result<Workbook, XLSXError> {
  do {
    let reader = try XLSXReader(path: path, options: options)
    for sheet in reader.sheets {
      let rows = try reader.rows(of: sheet)
      while let row = try rows.next() {
        for cell in row.cells {
          _ = cell.value.displayText
          if case .dateTime(let d) = cell.value { _ = d.isoDateTime }
        }
      }
      _ = rows.mergedRanges.map(\.description)
    }
    return .success(try XLSXReader.read(path: path, options: options))
  } catch let error as XLSXError {
    _ = error.description
    return .failure(error)
  } catch {
    // Only XLSXError may escape the reader.
    fatalError("unexpected error type: \(error)")
  }
}

/// A stored zip package with one replaceable part.
enum FuzzPackage {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

  static func make(part: Int, xml: [UInt8]) -> [UInt8] {
    var parts: [(String, [UInt8])] = [
      (
        "_rels/.rels",
        Array(
          ("<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" "
            + "Target=\"xl/workbook.xml\"/></Relationships>").utf8)
      ),
      (
        "xl/workbook.xml",
        Array(
          ("<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"S\" sheetId=\"1\" "
            + "r:id=\"rId1\"/></sheets></workbook>").utf8)
      ),
      (
        "xl/_rels/workbook.xml.rels",
        Array(
          ("<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" "
            + "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" "
            + "Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"\(rel)/styles\" "
            + "Target=\"styles.xml\"/></Relationships>").utf8)
      ),
      (
        "xl/worksheets/sheet1.xml",
        Array(
          ("<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
            + "<c r=\"B1\" s=\"1\"><v>45000.5</v></c></row></sheetData></worksheet>").utf8)
      ),
      ("xl/sharedStrings.xml", Array("<sst xmlns=\"\(main)\"><si><t>x</t></si></sst>".utf8)),
      (
        "xl/styles.xml",
        Array(
          ("<styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"
            + "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>")
            .utf8)
      ),
    ]
    let index = [3, 4, 1, 5][part]
    parts[index].1 = xml
    return archive(parts)
  }

  static func archive(_ parts: [(String, [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for (name, data) in parts {
      let offset = UInt32(out.count)
      let n = Array(name.utf8)
      let crc = crc32(data)
      out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
      out += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
      out += le16(UInt16(n.count)) + le16(0) + n + data
      central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0)
      central += le16(0x21) + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
      central += le16(UInt16(n.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
      central += le32(offset) + n
    }
    let at = UInt32(out.count)
    out += central
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(parts.count))
    out += le16(UInt16(parts.count)) + le32(UInt32(central.count)) + le32(at) + le16(0)
    return out
  }

  static let table: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return ~c
  }

  static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
  static func le32(_ v: UInt32) -> [UInt8] {
    [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
  }
}
