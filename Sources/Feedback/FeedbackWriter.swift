public import Foundation
public import Spreadsheet

/// Writes the feedback of a run: for each source file with errors or warnings, its feedback
/// workbook in `feedback/<period>/<name> – återkoppling.xlsx`, and for a rejected file a copy
/// beside it in `rejected/`.
public struct FeedbackWriter: Sendable {
  /// The workspace's `feedback/` folder.
  public var folder: URL

  /// Creates a writer for a `feedback/` folder.
  public init(folder: URL) {
    self.folder = folder
  }

  /// The feedback workbook's name for a source: `<name without extension> – återkoppling.xlsx`,
  /// the name shortened (at a character boundary, marked `…`) so that the whole stays within
  /// 240 bytes: file names may have 255, and the workbook is first written under a temporary
  /// name a few bytes longer.
  public static func fileName(for source: String) -> String {
    let stem = (source as NSString).deletingPathExtension
    return FileNames.fitting(
      stem.isEmpty ? source : stem, suffix: " – återkoppling.xlsx", maxBytes: maximumNameBytes)
  }

  /// The longest feedback workbook name, in bytes of UTF-8.
  static let maximumNameBytes = 240

  /// The feedback workbook of a source for a period.
  public func url(for source: String, period: String) -> URL {
    folder.appendingPathComponent(period).appendingPathComponent(Self.fileName(for: source))
  }

  /// Writes (or, when the file has no errors or warnings any more, removes) the feedback
  /// workbook of one source file.
  ///
  /// - Parameters:
  ///   - source: the file (where it lies now).
  ///   - name: the name it arrived with (the name in the diagnostics' locations).
  ///   - diagnostics: its diagnostics.
  ///   - period: the period's folder name, e.g. `2026-Q3`.
  ///   - beside: another folder to put a copy in (rejected/), if any.
  /// - Returns: the workbooks written.
  /// - Throws: when the source cannot be read or the workbook cannot be written.
  @discardableResult
  public func write(
    source: URL, name: String, diagnostics: [Diagnostic], period: String, beside: URL? = nil
  ) throws -> [URL] {
    let own = FeedbackWorkbook.relevant(diagnostics).filter {
      $0.location?.file == nil || $0.location?.file == name
    }
    let target = url(for: name, period: period)
    guard !own.isEmpty else {
      try? FileManager.default.removeItem(at: target)
      return []
    }
    try FeedbackWorkbook.write(source: source, diagnostics: own, to: target)
    var written = [target]
    if let beside {
      let copy = beside.appendingPathComponent(Self.fileName(for: name))
      try? FileManager.default.removeItem(at: copy)
      try FileManager.default.copyItem(at: target, to: copy)
      written.append(copy)
    }
    return written
  }
}

/// Names of files written beside a sender's file.
public enum FileNames {
  /// `name` + `suffix`, with `name` shortened (at a character boundary, marked `…`) when the
  /// whole would pass `maxBytes` bytes of UTF-8 (file names may have 255).
  public static func fitting(_ name: String, suffix: String, maxBytes: Int = 255) -> String {
    let whole = name + suffix
    guard whole.utf8.count > maxBytes else { return whole }
    var kept = ""
    let budget = maxBytes - suffix.utf8.count - "…".utf8.count
    for character in name {
      if kept.utf8.count + String(character).utf8.count > budget { break }
      kept.append(character)
    }
    return kept + "…" + suffix
  }
}
