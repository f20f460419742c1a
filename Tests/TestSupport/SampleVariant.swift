import Foundation
import Interop

/// Copies of the demo municipality's workbooks (`samples/hofors/inbox`) for another period:
/// the same bytes with some text replaced in the shared strings and the worksheets, as a
/// controller would get them from a unit that saved its kvartal 3 file as kvartal 2.
///
/// Only text inside XML parts changes (`Kvartal 3 2026` → `Kvartal 2 2026` in B3,
/// `Utfall kvartal 3` → `Utfall kvartal 2` in the header, an outcome `92,3 %` → `90,1 %`);
/// every part is written back stored (uncompressed), in the original order, so the result
/// is a valid workbook that the reader, openpyxl and Excel open.
public enum SampleVariant {
  /// Writes a copy of the workbook at `source` to `destination`, with each `(old, new)` pair
  /// replaced, in order, in every `.xml` part.
  ///
  /// - Throws: `ZipError` when the source cannot be read; a Foundation error when the copy
  ///   cannot be written.
  public static func write(
    from source: URL, to destination: URL, replacing replacements: [(String, String)]
  ) throws {
    let limits = ZipLimits(
      maxEntryBytes: 64 << 20, maxTotalBytes: 256 << 20, maxCompressionRatio: 1000,
      ratioGraceBytes: 1 << 20, maxEntries: 1000)
    let archive = try ZipArchive(path: source.path, limits: limits)
    var entries: [CraftedZip.Entry] = []
    for entry in archive.entries where !entry.isDirectory {
      var bytes = try archive.contents(of: entry)
      if entry.name.hasSuffix(".xml"), var text = String(bytes: bytes, encoding: .utf8) {
        for (old, new) in replacements {
          text = text.replacingOccurrences(of: xmlEscaped(old), with: xmlEscaped(new))
        }
        bytes = Array(text.utf8)
      }
      entries.append(.stored(entry.name, bytes))
    }
    try Data(CraftedZip.archive(entries)).write(to: destination)
  }

  /// The demo's unit workbooks (arbetsplaner) for kvartal `quarter` of `year`: file names,
  /// title blocks and outcome headers say that quarter.
  ///
  /// - Parameters:
  ///   - quarter: 1–4.
  ///   - year: the year the files say.
  ///   - folder: where to write them (created when missing).
  ///   - except: units (their file names contain this text) to leave out.
  ///   - extra: more `(old, new)` replacements, applied after the period's.
  /// - Returns: the files written, in name order.
  @discardableResult
  public static func unitPlans(
    quarter: Int, year: Int = 2026, into folder: URL, except: [String] = [],
    extra: [(String, String)] = []
  ) throws -> [URL] {
    try unitPlans(
      periodText: "Kvartal \(quarter) \(year)", shortText: "Kv \(quarter) \(year)",
      header: "Utfall kvartal \(quarter)", fileText: "kvartal \(quarter) \(year)", into: folder,
      except: except, extra: extra)
  }

  /// The demo's unit workbooks for tertial `tertial` of `year` (`Tertial 2 2026` in B3,
  /// `Utfall tertial 2` as the header).
  @discardableResult
  public static func unitPlans(
    tertial: Int, year: Int = 2026, into folder: URL, except: [String] = [],
    extra: [(String, String)] = []
  ) throws -> [URL] {
    try unitPlans(
      periodText: "Tertial \(tertial) \(year)", shortText: "T\(tertial) \(year)",
      header: "Utfall tertial \(tertial)", fileText: "tertial \(tertial) \(year)", into: folder,
      except: except, extra: extra)
  }

  static func unitPlans(
    periodText: String, shortText: String, header: String, fileText: String, into folder: URL,
    except: [String], extra: [(String, String)]
  ) throws -> [URL] {
    let fm = FileManager.default
    try fm.createDirectory(at: folder, withIntermediateDirectories: true)
    let inbox = Fixture.repo("samples/hofors/inbox")
    let names = try fm.contentsOfDirectory(atPath: inbox.path).filter {
      $0.hasPrefix("Arbetsplan ") && $0.hasSuffix(" kvartal 3 2026.xlsx")
    }.sorted()
    var written: [URL] = []
    for name in names where !except.contains(where: { name.contains($0) }) {
      let target = folder.appendingPathComponent(
        name.replacingOccurrences(of: "kvartal 3 2026", with: fileText))
      try write(
        from: inbox.appendingPathComponent(name), to: target,
        replacing: [
          ("Kvartal 3 2026", periodText), ("Kv 3 2026", shortText),
          ("Utfall kvartal 3", header),
        ] + extra)
      written.append(target)
    }
    return written
  }

  static func xmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
