import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import XLSX

/// The two-parser pipeline gives exactly what one parser gives: same rows in the same order,
/// same merged ranges, same errors.
@Suite struct WorksheetPipelineTests {
  static func sequential() -> XLSXReadOptions {
    var options = XLSXReadOptions()
    options.parallelParsing = false
    return options
  }

  static func parallel(segment: Int) -> XLSXReadOptions {
    var options = XLSXReadOptions()
    options.parallelParsing = true
    options.parallelMinimumPartBytes = 0
    options.parallelSegmentBytes = segment
    return options
  }

  /// The workbook, or the error code, a read gives.
  static func outcome(_ path: String, _ options: XLSXReadOptions) -> Result<Workbook, XLSXError> {
    do {
      return .success(try XLSXReader.read(path: path, options: options))
    } catch let error as XLSXError {
      return .failure(error)
    } catch {
      return .failure(XLSXError(.corruptZip, location: nil, message: "\(error)"))
    }
  }

  static func expectSame(_ path: String, segment: Int) {
    let one = outcome(path, sequential())
    let two = outcome(path, parallel(segment: segment))
    switch (one, two) {
    case (.success(let a), .success(let b)):
      #expect(a == b, "\(path), segments of \(segment) bytes")
    case (.failure(let a), .failure(let b)):
      #expect(a.kind == b.kind, "\(path): \(a) / \(b)")
    default:
      Issue.record("\(path): sequential \(one), parallel \(two)")
    }
  }

  static var fixtures: [String] {
    let folder = Fixture.url("xlsx")
    let files =
      FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
      .compactMap { ($0 as? URL)?.path } ?? []
    return files.filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".xls") || $0.hasSuffix(".xlsb") }
      .sorted()
  }

  @Test(arguments: [1, 97, 4096])
  func fixturesReadTheSame(segment: Int) {
    let files = Self.fixtures
    #expect(files.count > 40)
    for file in files { Self.expectSame(file, segment: segment) }
  }

  /// A sheet that exercises the splitter's lexer: rows with and without `r`, a prefix,
  /// comments and CDATA holding `<row>`, `>` inside attribute values, processing
  /// instructions, an empty row, a cell naming another row, merged ranges after the rows.
  static let trickySheet: String = {
    var rows = ""
    for r in 1...300 {
      let explicit = r % 3 != 0
      rows += explicit ? "<x:row r=\"\(r)\" x:foo='a>b'>" : "<x:row spans=\"1:3\">"
      rows += "<x:c r=\"A\(r)\"><x:v>\(r)</x:v></x:c>"
      rows += "<x:c t=\"inlineStr\"><x:is><x:t><![CDATA[<row r=\"9\">]]> \(r)</x:t></x:is></x:c>"
      if r % 50 == 0 { rows += "<x:c r=\"D\(r + 1000)\"><x:v>7</x:v></x:c>" }
      rows += "</x:row>\n<!-- </x:sheetData> <row> -->"
      if r % 7 == 0 { rows += "<?pi x?><x:row/>" }
    }
    return
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><x:worksheet "
      + "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:dimension "
      + "ref=\"A1\"/><x:sheetData>\(rows)</x:sheetData><x:mergeCells count=\"1\">"
      + "<x:mergeCell ref=\"A1:B2\"/></x:mergeCells></x:worksheet>"
  }()

  @Test(arguments: [1, 50, 333, 5000, 1 << 20])
  func trickySheetReadsTheSame(segment: Int) throws {
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: .stored("xl/worksheets/sheet1.xml", Self.trickySheet)),
      name: "tricky.xlsx")
    Self.expectSame(path, segment: segment)
    let wb = try XLSXReader.read(path: path, options: Self.parallel(segment: segment))
    let ws = try #require(wb.worksheets.first)
    #expect(ws.cell(at: CellReference(row: 3, column: 1))?.value == .number(3))
    #expect(ws.cell(at: CellReference(row: 300, column: 2))?.value == .string("<row r=\"9\"> 300"))
    #expect(ws.cell(at: CellReference(row: 1050, column: 4))?.value == .number(7))
    #expect(ws.mergedRanges.map(\.description) == ["A1:B2"])
  }

  @Test func errorsArriveInPartOrder() throws {
    // Row 150 names a shared string that does not exist; rows before it are handed out first.
    var data = ""
    for r in 1...300 {
      data += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"s\"><v>\(r == 150 ? 9 : 0)</v></c></row>"
    }
    let path = try CraftedZip.write(
      CraftedZip.workbook(
        sheetXML: .stored(
          "xl/worksheets/sheet1.xml",
          "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData>\(data)</sheetData></worksheet>"),
        sharedStrings: .stored(
          "xl/sharedStrings.xml",
          "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>x</t>"
            + "</si></sst>")),
      name: "order.xlsx")
    for options in [Self.sequential(), Self.parallel(segment: 100)] {
      let reader = try XLSXReader(path: path, options: options)
      let rows = try reader.rows(of: reader.sheets[0])
      var seen = 0
      do {
        while let row = try rows.next() {
          seen += 1
          #expect(row.number == seen)
        }
        Issue.record("no error")
      } catch let error as XLSXError {
        #expect(error.kind == .invalidSharedString)
        #expect(error.location?.cell?.a1 == "A150")
        #expect(seen <= 149)
      }
    }
  }

  @Test func abandoningAReaderStopsItsThreads() throws {
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: .stored("xl/worksheets/sheet1.xml", Self.trickySheet)),
      name: "abandon.xlsx")
    for _ in 0..<20 {
      let reader = try XLSXReader(path: path, options: Self.parallel(segment: 64))
      let rows = try reader.rows(of: reader.sheets[0])
      _ = try rows.next()
    }
  }

  @Test func textCapNamesTheCellAcrossParsers() throws {
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: .stored("xl/worksheets/sheet1.xml", Self.trickySheet)),
      name: "text.xlsx")
    var options = Self.parallel(segment: 200)
    options.maxCellTextBytes = 1000
    var sequential = Self.sequential()
    sequential.maxCellTextBytes = 1000
    let a = readError(path, options: options)
    let b = readError(path, options: sequential)
    #expect(a?.kind == .cellTextTooLarge)
    #expect(a?.location?.cell == b?.location?.cell)
  }

  static let corpus: URL? = {
    if let folder = ProcessInfo.processInfo.environment["REDTHREAD_CORPUS"] {
      return URL(fileURLWithPath: folder)
    }
    return Fixture.shared?.appendingPathComponent("corpus/xlsx")
  }()

  @Test(.enabled(if: corpus != nil))
  func sharedCorpusReadsTheSame() throws {
    let folder = try #require(Self.corpus)
    let files =
      FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
      .compactMap { ($0 as? URL)?.path }.filter { !$0.hasSuffix("/") }.sorted() ?? []
    for file in files
    where (try? FileManager.default.attributesOfItem(atPath: file)[.type])
      as? FileAttributeType == .typeRegular
    {
      Self.expectSame(file, segment: 512)
    }
  }
}
