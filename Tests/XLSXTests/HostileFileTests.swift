import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

#if canImport(Glibc)
  import Glibc
#endif

/// Crafted hostile workbooks, each made in the test. Every read must end in a named error (or
/// succeed harmlessly) quickly, and keep its peak resident memory under 256 MiB (measured in a
/// child process, see ``hostileRead(_:_:)``).
///
/// Serialized so that the child processes do not compete for the machine.
@Suite(.serialized) struct HostileFileTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let limit = 256 << 20

  /// Reads `path` the way the inbox does and returns the error code (nil on success), the
  /// peak resident memory of the read and what was read (the JSON of `redthread inspect`).
  ///
  /// The read runs in a child process (`redthread inspect --format json`, built next to the
  /// tests) so that its peak RSS is its own; without that executable it runs in this process,
  /// where tests running at the same time add to the figure. With `REDTHREAD_REPORT_RSS=1` in
  /// the environment, prints the figures.
  func hostileRead(_ path: String, _ name: String = #function) throws -> (
    code: String?, peak: Int, output: String
  ) {
    let start = Date()
    var result: (code: String?, peak: Int, output: String)
    if let cli = ChildProcess.redthread {
      let outcome = try ChildProcess.run(cli, ["inspect", "--format", "json", path])
      var code: String?
      if outcome.status != 0 {
        let object = try? JSONSerialization.jsonObject(with: Data(outcome.output.utf8))
        code = ((object as? [String: Any])?["error"] as? [String: Any])?["code"] as? String
        if code == nil { code = "exit \(outcome.status)" }
      }
      result = (code, outcome.peakBytes, outcome.output)
    } else {
      PeakMemory.reset()
      var output = ""
      var code: String?
      do {
        let workbook = try XLSXReader.read(path: path)
        output = workbook.worksheets.flatMap(\.rows).flatMap(\.cells).map(\.value.displayText)
          .joined(separator: " ")
      } catch let error as XLSXError {
        code = error.code
      }
      result = (code, PeakMemory.peakBytes() ?? 0, output)
    }
    if ProcessInfo.processInfo.environment["REDTHREAD_REPORT_RSS"] != nil {
      let mib = Double(result.peak) / 1_048_576
      let seconds = Date().timeIntervalSince(start)
      let how = ChildProcess.redthread == nil ? "in process" : "redthread inspect"
      print(
        "\(name): \(result.code ?? "read") in \(String(format: "%.2f", seconds)) s, peak RSS "
          + "\(String(format: "%.1f", mib)) MiB (\(how))")
    }
    return result
  }

  func sheet(_ doctype: String, _ cell: String) -> CraftedZip.Entry {
    .stored(
      "xl/worksheets/sheet1.xml",
      "<?xml version=\"1.0\"?>\(doctype)<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\">"
        + "<c r=\"A1\" t=\"inlineStr\"><is><t>\(cell)</t></is></c></row></sheetData></worksheet>")
  }

  @Test func billionLaughs() throws {
    var doctype = "<!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">"
    for i in 1...10 {
      doctype += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">"
    }
    doctype += "]>"
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: sheet(doctype, "&lol10;")), name: "laughs.xlsx")
    let read = try hostileRead(path)
    #expect(read.code == "doctype-refused")
    #expect(read.peak < Self.limit)
  }

  @Test func quadraticBlowUp() throws {
    let big = String(repeating: "a", count: 50_000)
    let doctype = "<!DOCTYPE worksheet [<!ENTITY a \"\(big)\">]>"
    let refs = String(repeating: "&a;", count: 20_000)
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: sheet(doctype, refs)), name: "quadratic.xlsx")
    let read = try hostileRead(path)
    #expect(read.code == "doctype-refused")
    #expect(read.peak < Self.limit)
  }

  @Test func undeclaredEntityWithoutDoctypeIsMalformed() throws {
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: sheet("", "&secret;")), name: "entity.xlsx")
    #expect(readErrorCode(path) == .malformedXML)
  }

  @Test func externalEntityOverFile() throws {
    let secret = try CraftedZip.write(Array("TOP-SECRET-\(UUID())".utf8), name: "secret.txt")
    let doctype = "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file://\(secret)\">]>"
    for part in ["sheet", "sharedStrings"] {
      let bytes: [UInt8]
      if part == "sheet" {
        bytes = CraftedZip.workbook(sheetXML: sheet(doctype, "&xxe;"))
      } else {
        bytes = CraftedZip.workbook(
          sheetXML: .stored(
            "xl/worksheets/sheet1.xml",
            "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v>"
              + "</c></row></sheetData></worksheet>"),
          sharedStrings: .stored(
            "xl/sharedStrings.xml",
            "<?xml version=\"1.0\"?>\(doctype)<sst xmlns=\"\(Self.main)\"><si><t>&xxe;</t></si></sst>"
          ))
      }
      let path = try CraftedZip.write(bytes, name: "xxe-file-\(part).xlsx")
      let error = readError(path)
      #expect(error?.kind == .doctypeRefused)
      #expect(error?.message.contains("TOP-SECRET") == false)
      let read = try hostileRead(path)
      #expect(read.code == "doctype-refused")
      #expect(!read.output.contains("TOP-SECRET"))
      #expect(read.peak < Self.limit)
    }
  }

  @Test func externalEntityOverHTTPMakesNoRequest() throws {
    let listener = try LoopbackListener()
    let url = "http://127.0.0.1:\(listener.port)/xxe"
    let cases = [
      "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"\(url)\">]>",
      "<!DOCTYPE worksheet [<!ENTITY % p SYSTEM \"\(url)\"> %p;]>",
      "<!DOCTYPE worksheet SYSTEM \"\(url)\">",
    ]
    for (i, doctype) in cases.enumerated() {
      let path = try CraftedZip.write(
        CraftedZip.workbook(sheetXML: sheet(doctype, "&xxe;")), name: "xxe-http-\(i).xlsx")
      #expect(readErrorCode(path) == .doctypeRefused)
      let read = try hostileRead(path)
      #expect(read.code == "doctype-refused")
      #expect(read.peak < Self.limit)
    }
    #expect(listener.connectionsReceived() == 0)
  }

  /// A 1 GiB sheet part (a worksheet whose `<sheetData>` holds 1 GiB of spaces) deflated to
  /// about 1 MB, with both zip headers declaring 1,000 bytes.
  func zipBomb() throws -> String {
    let prefix = Array(
      "<?xml version=\"1.0\"?><worksheet xmlns=\"\(Self.main)\"><sheetData>".utf8)
    let suffix = Array("</sheetData></worksheet>".utf8)
    let bomb = DeflateBomb.make(prefix: prefix, byte: 0x20, count: 1 << 30, suffix: suffix)
    #expect(bomb.data.count < 1_100_000)
    let entry = CraftedZip.Entry.deflated(
      "xl/worksheets/sheet1.xml", bomb.data, crc: bomb.crc, declaredSize: 1000)
    return try CraftedZip.write(CraftedZip.workbook(sheetXML: entry), name: "bomb.xlsx")
  }

  @Test func zipBombWithLyingHeaderStopsAtTheRatioCap() throws {
    let path = try zipBomb()
    let read = try hostileRead(path)
    #expect(read.code == "compression-ratio-exceeded")
    #expect(read.peak < Self.limit)
  }

  @Test func zipBombStopsAtThePartCap() throws {
    let path = try zipBomb()
    var options = XLSXReadOptions()
    options.maxCompressionRatio = Int.max / 2
    options.maxPartBytes = 64 << 20
    let error = readError(path, options: options)
    #expect(error?.kind == .partTooLarge)
    #expect(error?.message.contains("declares 1000 bytes") == true)
  }

  @Test func millionSharedStrings() throws {
    var sst = Array("<sst xmlns=\"\(Self.main)\">".utf8)
    sst.reserveCapacity(30_000_000)
    let open = Array("<si><t>s".utf8)
    let close = Array("</t></si>".utf8)
    var digits = [UInt8](repeating: 0, count: 8)
    for i in 0..<1_000_000 {
      sst.append(contentsOf: open)
      var n = i
      var k = 8
      repeat {
        k -= 1
        digits[k] = UInt8(48 + n % 10)
        n /= 10
      } while n > 0
      sst.append(contentsOf: digits[k...])
      sst.append(contentsOf: close)
    }
    sst.append(contentsOf: Array("</sst>".utf8))
    let sheetXML = CraftedZip.Entry.stored(
      "xl/worksheets/sheet1.xml",
      "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
        + "<c r=\"B1\" t=\"s\"><v>999999</v></c></row></sheetData></worksheet>")
    let path = try CraftedZip.write(
      CraftedZip.workbook(sheetXML: sheetXML, sharedStrings: .stored("xl/sharedStrings.xml", sst)),
      name: "million.xlsx")
    sst = []
    let read = try hostileRead(path)
    #expect(read.code == nil)
    #expect(read.output.contains("s999999"))
    #expect(read.peak < Self.limit)
    #expect(try XLSXReader.read(path: path).value("Sheet1", "B1") == .string("s999999"))
    var options = XLSXReadOptions()
    options.maxSharedStrings = 999_999
    #expect(readErrorCode(path, options: options) == .tooManySharedStrings)
  }
}

/// A TCP listener on 127.0.0.1 that counts the connections it was offered.
final class LoopbackListener {
  let socket: Int32
  let port: UInt16

  init() throws {
    struct SocketError: Error {}
    #if canImport(Glibc)
      let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      guard fd >= 0 else { throw SocketError() }
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      address.sin_port = 0
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0
        }
      }
      guard bound else {
        close(fd)
        throw SocketError()
      }
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      socket = fd
      port = UInt16(bigEndian: address.sin_port)
    #else
      throw SocketError()
    #endif
  }

  deinit {
    #if canImport(Glibc)
      close(socket)
    #endif
  }

  /// Accepts whatever is pending and returns how many connections there were.
  func connectionsReceived() -> Int {
    var count = 0
    #if canImport(Glibc)
      while true {
        let client = accept(socket, nil, nil)
        if client < 0 { break }
        close(client)
        count += 1
      }
    #endif
    return count
  }
}
