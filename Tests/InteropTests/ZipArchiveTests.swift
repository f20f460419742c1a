import Foundation
import Interop
import TestSupport
import Testing

@Suite struct ZipArchiveTests {
  static let wide = ZipLimits(
    maxEntryBytes: 1 << 30, maxTotalBytes: 1 << 31, maxCompressionRatio: 1000,
    ratioGraceBytes: 1 << 20, maxEntries: 1000)

  func archive(_ entries: [CraftedZip.Entry], limits: ZipLimits = wide) throws -> ZipArchive {
    let path = try CraftedZip.write(CraftedZip.archive(entries), name: "a.zip")
    return try ZipArchive(path: path, limits: limits)
  }

  @Test func listsAndReadsEntries() throws {
    let zip = try archive([.stored("a.txt", "hello"), .stored("dir\\b.txt", "wörld")])
    #expect(zip.entries.map(\.name) == ["a.txt", "dir\\b.txt"])
    #expect(zip.entries[1].declaredSize == 6)
    #expect(try zip.contents(of: zip.entries[0]) == Array("hello".utf8))
    #expect(try zip.contents(of: zip.entries[1]) == Array("wörld".utf8))
    #expect(zip.totalBytesRead == 11)
  }

  @Test func notAZip() throws {
    let path = try CraftedZip.write(Array("just text".utf8), name: "x.zip")
    #expect {
      _ = try ZipArchive(path: path, limits: Self.wide)
    } throws: { error in
      guard let e = error as? ZipError else { return false }
      return e.kind == .notAZip && e.function == "zip_open" && e.libzipCode == 19
    }
  }

  @Test func entryCapCountsInflatedBytesNotTheHeader() throws {
    let bomb = DeflateBomb.make(prefix: [], byte: 0x41, count: 10 << 20, suffix: [])
    var limits = Self.wide
    limits.maxEntryBytes = 1 << 20
    let zip = try archive(
      [.deflated("bomb", bomb.data, crc: bomb.crc, declaredSize: 10)], limits: limits)
    #expect(zip.entries[0].declaredSize == 10)
    #expect {
      _ = try zip.contents(of: zip.entries[0])
    } throws: { error in
      (error as? ZipError)?.kind == .entryTooLarge
    }
  }

  @Test func deflateBombInflatesCompletelyUnderWideCaps() throws {
    let bomb = DeflateBomb.make(prefix: Array("<".utf8), byte: 0x41, count: 3 << 20, suffix: [0x3E])
    #expect(bomb.data.count < 4000)
    let zip = try archive(
      [.deflated("bomb", bomb.data, crc: bomb.crc, declaredSize: UInt32(bomb.size))])
    let bytes = try zip.contents(of: zip.entries[0])
    #expect(bytes.count == (3 << 20) + 2)
    #expect(bytes.first == 0x3C && bytes.last == 0x3E && bytes[1000] == 0x41)
  }

  @Test func ratioCap() throws {
    let bomb = DeflateBomb.make(prefix: [], byte: 0x41, count: 4 << 20, suffix: [])
    var limits = Self.wide
    limits.maxCompressionRatio = 100
    limits.ratioGraceBytes = 1 << 20
    let zip = try archive(
      [.deflated("bomb", bomb.data, crc: bomb.crc, declaredSize: UInt32(bomb.size))],
      limits: limits)
    #expect {
      _ = try zip.contents(of: zip.entries[0])
    } throws: { error in
      (error as? ZipError)?.kind == .compressionRatioTooHigh
    }
  }

  @Test func totalCapSpansEntries() throws {
    var limits = Self.wide
    limits.maxTotalBytes = 8
    let zip = try archive([.stored("a", "12345"), .stored("b", "67890")], limits: limits)
    _ = try zip.contents(of: zip.entries[0])
    #expect {
      _ = try zip.contents(of: zip.entries[1])
    } throws: { error in
      (error as? ZipError)?.kind == .totalTooLarge
    }
  }

  @Test func entryCountCap() throws {
    var limits = Self.wide
    limits.maxEntries = 1
    #expect {
      _ = try archive([.stored("a", "1"), .stored("b", "2")], limits: limits)
    } throws: { error in
      (error as? ZipError)?.kind == .tooManyEntries
    }
  }

  @Test func corruptCRCIsReported() throws {
    var entry = CraftedZip.Entry.stored("a", "hello")
    entry.crc ^= 1
    let zip = try archive([entry])
    #expect {
      _ = try zip.contents(of: zip.entries[0])
    } throws: { error in
      (error as? ZipError)?.kind == .corrupt
    }
  }

  @Test func streamFeedsTheXMLParser() throws {
    let zip = try archive([.stored("x.xml", "<a><b>text</b></a>")])
    let parser = try XMLPushParser(
      source: try zip.open(zip.entries[0]), documentName: "x.xml", handler: RecordingHandler())
    try parser.parseToEnd()
    parser.handler.pointee.flush()
    #expect(parser.handler.pointee.events == ["<a>", "<b>", "text", "</b>", "</a>"])
  }
}
