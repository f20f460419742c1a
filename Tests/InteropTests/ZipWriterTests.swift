import Foundation
import Interop
import TestSupport
import Testing

/// Text that compresses like a worksheet: repetitive, with numbers that vary.
func sampleText(lines: Int) -> [UInt8] {
  var state: UInt64 = 20_251_129
  var text = ""
  for line in 0..<lines {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    text += "<row r=\"\(line + 1)\"><c r=\"A\(line + 1)\"><v>\(state >> 40)</v></c></row>\n"
  }
  return Array(text.utf8)
}

@Suite struct ZipWriterTests {
  func write(
    _ entries: [(String, [UInt8])], to path: String, level: Int = 6, threads: Int? = nil,
    memoryLimit: Int = 1 << 20
  ) throws {
    let zip = try ZipWriter(
      path: path, compressionLevel: level, compressionThreads: threads,
      spoolMemoryLimit: memoryLimit)
    var spooled: [(String, ZipSpooledEntry)] = []
    for (name, bytes) in entries { spooled.append((name, try zip.spool(bytes))) }
    for (name, entry) in spooled { try zip.add(name: name, entry: entry) }
    try zip.close()
  }

  @Test(arguments: [0, 1, 6, 9])
  func entriesReadBackInOrder(level: Int) throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/out.zip"
    let big = sampleText(lines: 40_000)  // about 1.9 MB: many chunks
    try write(
      [("b/first.xml", Array("<a/>".utf8)), ("a/big.xml", big), ("empty", [])], to: path,
      level: level)
    let entries = try ZipDirectory.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    #expect(entries.map(\.name) == ["b/first.xml", "a/big.xml", "empty"])
    #expect(try ZipDirectory.contents(entries[0]) == Array("<a/>".utf8))
    #expect(try ZipDirectory.contents(entries[1]) == big)
    #expect(try ZipDirectory.contents(entries[2]) == [])
    #expect(entries.allSatisfy { $0.method == (level == 0 ? 0 : 8) })
    if level > 0 { #expect(entries[1].compressedSize < big.count / 3) }
    // 1980-01-01 00:00 in MS-DOS fields; no ZIP64 extra field for small entries.
    #expect(entries.allSatisfy { $0.dosDate == (0 << 9 | 1 << 5 | 1) && $0.dosTime == 0 })
    #expect(entries.allSatisfy { $0.localExtraLength == 0 })
    #expect(folder.contents == ["out.zip"])
  }

  @Test func sameBytesWhateverTheThreadsAndSpool() throws {
    let folder = try ScratchFolder()
    let big = sampleText(lines: 60_000)
    let inputs = [("one.xml", big), ("two.xml", Array(big.prefix(70_000)))]
    try write(inputs, to: folder.path + "/a.zip", threads: 0)
    try write(inputs, to: folder.path + "/b.zip", threads: 2)
    try write(inputs, to: folder.path + "/c.zip", threads: 3, memoryLimit: 64 * 1024)
    try write(inputs, to: folder.path + "/d.zip", threads: 2)
    let a = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/a.zip"))
    for name in ["b", "c", "d"] {
      #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/\(name).zip")) == a)
    }
    #expect(folder.contents == ["a.zip", "b.zip", "c.zip", "d.zip"])
  }

  @Test func missingFolderIsRefused() throws {
    #expect(throws: ZipWriterError.self) {
      _ = try ZipWriter(path: "/nonexistent-folder-\(UUID().uuidString)/x.zip")
    }
  }

  @Test func levelOutOfRangeIsRefused() throws {
    let folder = try ScratchFolder()
    #expect(throws: ZipWriterError.self) {
      _ = try ZipWriter(path: folder.path + "/x.zip", compressionLevel: 10)
    }
  }

  @Test func discardLeavesNothingAndKeepsTheOldFile() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/keep.zip"
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    do {
      let zip = try ZipWriter(path: path, spoolMemoryLimit: 1024)
      let entry = try zip.spool(sampleText(lines: 5_000))
      try zip.add(name: "x.xml", entry: entry)
      zip.discard()
    }
    do {
      // Abandoned without close or discard: deinit discards.
      let zip = try ZipWriter(path: path, spoolMemoryLimit: 1024)
      _ = try zip.spool(sampleText(lines: 5_000))
    }
    #expect(folder.contents == ["keep.zip"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))
  }

  @Test func duplicateNameIsRefused() throws {
    let folder = try ScratchFolder()
    let zip = try ZipWriter(path: folder.path + "/dup.zip")
    let entry = try zip.spool(Array("x".utf8))
    try zip.add(name: "a.xml", entry: entry)
    #expect(throws: ZipWriterError.self) { try zip.add(name: "a.xml", entry: entry) }
    zip.discard()
    #expect(folder.contents.isEmpty)
  }
}
