import Foundation
public import Spreadsheet

/// The mappings of a folder, and the choice of one for each dropped file.
///
/// ```swift
/// let set = try MappingSet.load(folder: "mappings")
/// if let chosen = set.select(forFile: "Arbetsplan Petreskolan kvartal 3 2026.xlsx",
///                            workbook: workbook) {
///   print(chosen.mapping.name, chosen.reason)
/// }   // nil: no mapping fits; the pipeline rejects the file
/// ```
public struct MappingSet: Sendable {
  /// The mappings, in file-name order.
  public var mappings: [MappingFile]

  /// Creates a set.
  public init(_ mappings: [MappingFile]) { self.mappings = mappings }

  /// Loads every `*.yaml` file directly in a folder (sub-folders hold shared value maps and
  /// base mappings, which are loaded through `values` and `extends`).
  ///
  /// - Throws: ``MappingError`` for the first broken file (the rest in
  ///   ``MappingError/others``), or `mapping-duplicate-name` when two files share a name.
  public static func load(folder: String) throws -> MappingSet {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw MappingError(
        .fileUnreadable, at: SourceLocation(file: folder), "cannot list the folder '\(folder)'")
    }
    var errors: [MappingError] = []
    var files: [MappingFile] = []
    for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      let path = (folder as NSString).appendingPathComponent(name)
      let (file, problems) = MappingFile.loadCollecting(path: path)
      errors += problems
      guard problems.isEmpty, let file else { continue }
      if let other = files.first(where: { $0.name == file.name }) {
        errors.append(
          MappingError(
            .duplicateMapping, at: file.location,
            "the mapping name '\(file.name)' is also used by '\(other.path)'", keyPath: "mapping"))
        continue
      }
      files.append(file)
    }
    if var first = errors.first {
      first.others = Array(errors.dropFirst())
      throw first
    }
    return MappingSet(files)
  }

  /// A mapping chosen for a file, and why.
  public struct Selection: Sendable {
    /// The mapping.
    public var mapping: MappingFile
    /// Why it fits: `file name matches '*arbetsplan*.xlsx'; has sheets Mål, Nyckeltal`.
    public var reason: String
    /// Other mappings that fit too, with their reasons (lower priority or less specific).
    public var alsoMatching: [String]
  }

  /// The mapping whose `match` fits a file best: every criterion it gives must hold; among
  /// several, the highest `priority`, then the most criteria, then the name.
  ///
  /// - Parameters:
  ///   - path: the file's path or name (only the name is matched against `file` globs).
  ///   - workbook: the file as read (for sheet names and header words).
  /// - Returns: the choice, or `nil` when no mapping fits.
  public func select(forFile path: String, workbook: Workbook) -> Selection? {
    let name = (path as NSString).lastPathComponent
    var fits: [(MappingFile, String, Int)] = []
    for mapping in mappings {
      if let (reason, score) = Self.evaluate(mapping.match, fileName: name, workbook: workbook) {
        fits.append((mapping, reason, score))
      }
    }
    fits.sort { a, b in
      if a.0.match.priority != b.0.match.priority { return a.0.match.priority > b.0.match.priority }
      if a.2 != b.2 { return a.2 > b.2 }
      return a.0.name < b.0.name
    }
    guard let best = fits.first else { return nil }
    return Selection(
      mapping: best.0, reason: best.1,
      alsoMatching: fits.dropFirst().map { "\($0.0.name): \($0.1)" })
  }

  /// Whether a rule fits a file: the reason and a specificity score, or `nil`.
  static func evaluate(_ rule: MatchRule, fileName: String, workbook: Workbook) -> (String, Int)? {
    var reasons: [String] = []
    var score = 0
    if rule.files.isEmpty && rule.sheets.isEmpty && rule.headers.isEmpty && rule.property == nil {
      return nil
    }
    if let (name, value) = rule.property {
      let key = name.lowercased()
      guard
        let found = workbook.customProperties.first(where: { $0.key.lowercased() == key }),
        TextMatching.trimmed(found.value) == TextMatching.trimmed(value)
      else { return nil }
      reasons.append("document property \(found.key) = '\(value)'")
      score += 2
    }
    if !rule.files.isEmpty {
      guard let glob = rule.files.first(where: { Glob($0).matches(fileName) }) else { return nil }
      reasons.append("file name matches '\(glob)'")
      score += 1
    }
    if !rule.sheets.isEmpty {
      for sheet in rule.sheets {
        guard
          workbook.worksheets.contains(where: {
            TextMatching.normalized($0.name) == TextMatching.normalized(sheet)
          })
        else { return nil }
      }
      reasons.append("has sheets \(rule.sheets.joined(separator: ", "))")
      score += rule.sheets.count
    }
    if !rule.headers.isEmpty {
      var found: String?
      for sheet in workbook.worksheets {
        for row in sheet.rows.prefix(while: { $0.number <= 30 }) {
          let texts = row.cells.map { TextMatching.loose($0.value.displayText) }
          let all = rule.headers.allSatisfy { h in
            let key = TextMatching.loose(h)
            return texts.contains(key)
          }
          if all {
            found = "\(SourceLocation.quotedSheetName(sheet.name)) row \(row.number)"
            break
          }
        }
        if found != nil { break }
      }
      guard let found else { return nil }
      reasons.append(
        "header words \(rule.headers.map { "'\($0)'" }.joined(separator: ", ")) on \(found)")
      score += rule.headers.count
    }
    return (reasons.joined(separator: "; "), score)
  }
}
