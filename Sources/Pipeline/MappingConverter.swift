public import Canonical
public import Foundation
public import Mapping
import Spreadsheet
import SpreadsheetIO

/// The pipeline's converter: reads a file with ``SpreadsheetIO/SpreadsheetFile``, chooses its
/// mapping from the mapping folders, and maps it with the reference data.
///
/// A file is rejected (moved to rejected/ with a reason) when no mapping matches it, or when
/// the mapping could not find what the whole file hangs on: its worksheet, its header row, or
/// the unit and period a plan belongs to. Problems in single cells are kept as diagnostics and
/// the file is used.
public struct MappingConverter: SourceConverter {
  /// The mapping files, from the configured folders.
  public var mappings: MappingSet
  /// The unit register and goal lists.
  public var referenceData: ReferenceData

  /// Codes of mapping diagnostics that make a file unusable.
  public static let rejectingCodes: Set<String> = [
    MappingDiagnostics.sheetNotFound, MappingDiagnostics.headerNotFound,
    MappingDiagnostics.contextValueMissing,
  ]

  /// Creates a converter.
  public init(mappings: MappingSet, referenceData: ReferenceData) {
    self.mappings = mappings
    self.referenceData = referenceData
  }

  /// Loads the mapping folders and reference files a configuration names.
  ///
  /// - Throws: ``PipelineError`` `reference-unreadable`; `MappingError` for a broken mapping
  ///   file (located at `file:line:column`).
  public static func load(config: PipelineConfig) throws -> MappingConverter {
    var all: [MappingFile] = []
    for path in config.mappingPaths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw PipelineError(
          .invalidConfig, "the mapping folder '\(path)' does not exist",
          location: SourceLocation(file: config.path))
      }
      if isDirectory.boolValue {
        all += try MappingSet.load(folder: path).mappings
      } else {
        all.append(try MappingFile.load(path: path))
      }
    }
    let reference: ReferenceData
    do {
      reference = try ReferenceData.load(paths: config.referenceFiles)
    } catch let error as any LocatedError {
      throw PipelineError(
        .referenceUnreadable, error.message, location: error.location, underlying: error)
    }
    var converter = MappingConverter(mappings: MappingSet(all), referenceData: reference)
    converter.referenceRoot = (config.path as NSString).deletingLastPathComponent
    return converter
  }

  /// The folder reference-file paths are shown relative to (the workspace).
  public var referenceRoot: String?

  /// The units and goals of the reference files as canonical records, their provenance
  /// relative to the workspace (`reference/units.yaml`).
  public var reference: Dataset {
    func relative(_ p: Provenance?) -> Provenance? {
      guard var p, let root = referenceRoot, p.file.hasPrefix(root + "/") else { return p }
      p.file = String(p.file.dropFirst(root.count + 1))
      return p
    }
    var units = referenceData.units
    var goals = referenceData.goals
    for i in units.indices { units[i].provenance = relative(units[i].provenance) }
    for i in goals.indices { goals[i].provenance = relative(goals[i].provenance) }
    return Dataset(units: units, goals: goals)
  }

  /// Reads, selects a mapping and maps one file.
  ///
  /// - Throws: the reader's `LocatedError` for a file that cannot be read at all.
  public func convert(file: URL, displayName: String) throws -> Conversion {
    var workbook = try SpreadsheetFile.read(path: file.path)
    workbook.path = displayName
    if workbook.format == .csv,
      (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?
        .intValue == 0
    {
      // An empty text file reads as an empty table; it is an empty file, as an empty .xlsx
      // is, not a template that no mapping knows.
      return Conversion(
        dataset: Dataset(), diagnostics: [], mappingName: "-", mappingVersion: nil,
        rejection: Diagnostic(
          code: DiagnosticCode.emptyFile.id, severity: .error,
          location: SourceLocation(file: displayName),
          message: "'\(displayName)' is empty (0 bytes)",
          hint: "copy the file again from its source",
          arguments: ["file": displayName]))
    }
    guard let selection = mappings.select(forFile: displayName, workbook: workbook) else {
      let names = mappings.mappings.map(\.name).sorted().joined(separator: ", ")
      return Conversion(
        dataset: Dataset(), diagnostics: [], mappingName: "-", mappingVersion: nil,
        rejection: Diagnostic(
          code: DiagnosticCode.noMatchingMapping.id, severity: .error,
          location: SourceLocation(file: displayName),
          message: "no mapping matches this file (its name, worksheets and header words)",
          hint: "if it is a new template, write a mapping for it (redthread mapping infer); "
            + "mappings tried: \(names)"))
    }
    if workbook.format == .csv, selection.mapping.raggedRows != nil {
      // The mapping sets how ragged rows are read (pad, skip or error): read the text again
      // with its options.
      workbook = try SpreadsheetFile.read(
        path: file.path, csvOptions: selection.mapping.csvReadOptions())
      workbook.path = displayName
    }
    let result = Mapper(mapping: selection.mapping, reference: referenceData).map(workbook)
    let name = selection.mapping.name
    let version = selection.mapping.version
    if let fatal = result.diagnostics.first(where: {
      $0.severity == .error && Self.rejectingCodes.contains($0.code)
    }) {
      return Conversion(
        dataset: Dataset(), diagnostics: result.diagnostics, mappingName: name,
        mappingVersion: version, rejection: fatal)
    }
    if let plan = result.dataset.plans.first, plan.kind != .statistics,
      plan.unitID == nil || plan.period == nil
    {
      let what = plan.unitID == nil ? "which unit it belongs to" : "which period it covers"
      let cause = result.diagnostics.first {
        $0.severity == .error
          && ($0.code == MappingDiagnostics.unknownUnit || $0.code == MappingDiagnostics.typeError)
      }
      return Conversion(
        dataset: Dataset(), diagnostics: result.diagnostics, mappingName: name,
        mappingVersion: version,
        rejection: cause
          ?? Diagnostic(
            code: MappingDiagnostics.contextValueMissing, severity: .error,
            location: SourceLocation(file: displayName),
            message: "the file does not say \(what)",
            hint: "fill in the unit name and the period in the title block"))
    }
    // Rows with values that no table took: one info line per file (nothing lost silently).
    return Conversion(
      dataset: result.dataset,
      diagnostics: result.diagnostics + [result.leftOutSummary].compactMap { $0 },
      mappingName: name, mappingVersion: version)
  }
}
