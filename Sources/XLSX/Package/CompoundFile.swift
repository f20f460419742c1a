import Foundation

/// Reads the directory of a Compound File Binary container ([MS-CFB]) to tell what it holds:
/// an encrypted OOXML package (`EncryptionInfo` + `EncryptedPackage`, [MS-OFFCRYPTO]) or a
/// legacy BIFF workbook (`Workbook`, or `Book` for Excel 5/95).
///
/// Only the header, the FAT sectors listed in the header's DIFAT and the directory chain are
/// read; every offset is bounds-checked and every chain is capped, so a hostile file cannot
/// make it loop or read far.
enum CompoundFile {
  /// The CFB signature, `D0 CF 11 E0 A1 B1 1A E1`.
  static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  /// The stream and storage names in the container's directory, or `nil` when the directory
  /// cannot be read.
  static func directoryNames(path: String) -> [String]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let headerData = try? handle.read(upToCount: 512), headerData.count == 512 else {
      return nil
    }
    let header = [UInt8](headerData)
    guard Array(header[0..<8]) == signature else { return nil }
    let sectorShift = Int(u16(header, 30))
    guard sectorShift == 9 || sectorShift == 12 else { return nil }
    let sectorSize = 1 << sectorShift
    let firstDirectorySector = u32(header, 48)
    let fatSectorCount = Int(u32(header, 44))
    var fatSectors: [UInt32] = []
    for i in 0..<min(109, fatSectorCount) {
      fatSectors.append(u32(header, 76 + 4 * i))
    }
    func readSector(_ index: UInt32) -> [UInt8]? {
      guard index < 0xFFFF_FFFA else { return nil }
      let offset = UInt64(index + 1) * UInt64(sectorSize)
      do {
        try handle.seek(toOffset: offset)
        guard let data = try handle.read(upToCount: sectorSize), data.count == sectorSize else {
          return nil
        }
        return [UInt8](data)
      } catch {
        return nil
      }
    }
    var fat: [UInt32] = []
    for sector in fatSectors.prefix(4096) {
      guard let bytes = readSector(sector) else { break }
      for j in 0..<(sectorSize / 4) { fat.append(u32(bytes, 4 * j)) }
    }
    var names: [String] = []
    var sector = firstDirectorySector
    var visited = Set<UInt32>()
    while sector < 0xFFFF_FFFA, visited.count < 4096, visited.insert(sector).inserted {
      guard let bytes = readSector(sector) else { break }
      for entry in 0..<(sectorSize / 128) {
        let base = entry * 128
        let nameLength = Int(u16(bytes, base + 64))
        guard nameLength >= 2, nameLength <= 64 else { continue }
        var units: [UInt16] = []
        for k in 0..<(nameLength / 2 - 1) { units.append(u16(bytes, base + 2 * k)) }
        names.append(String(decoding: units, as: UTF16.self))
      }
      guard Int(sector) < fat.count else { break }
      sector = fat[Int(sector)]
    }
    return names
  }

  static func u16(_ b: [UInt8], _ at: Int) -> UInt16 {
    guard at + 1 < b.count else { return 0 }
    return UInt16(b[at]) | UInt16(b[at + 1]) << 8
  }

  static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
    guard at + 3 < b.count else { return 0 }
    return UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16
      | UInt32(b[at + 3]) << 24
  }
}
