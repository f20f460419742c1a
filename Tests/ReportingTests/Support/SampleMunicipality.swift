import Canonical
import Foundation
import Mapping
import Spreadsheet
import SpreadsheetIO
import TestSupport

/// The demo municipality under `samples/hofors/`, read as the pipeline reads it: every inbox
/// file through the shipped mappings (`mappings/`), with the reference files (unit register,
/// national goals), merged into one dataset. Files named as they arrived.
enum SampleMunicipality {
  static let board = "bun"
  static let period = Period.quarter(3, 2026)

  struct Loaded {
    var dataset: Dataset
    var mappingDiagnostics: [Diagnostic]
    var mapped: [String]
    var skipped: [String]
  }

  static func load() throws -> Loaded {
    let root = Fixture.repo("samples/hofors")
    let reference = try ReferenceData.load(paths: [
      root.appendingPathComponent("reference/units.yaml").path,
      root.appendingPathComponent("reference/national-goals.yaml").path,
    ])
    let mappings = try MappingSet.load(folder: Fixture.repo("mappings").path)
    var dataset = Dataset(units: reference.units, goals: reference.goals)
    var diagnostics: [Diagnostic] = []
    var mapped: [String] = []
    var skipped: [String] = []
    let inbox = root.appendingPathComponent("inbox")
    let names = try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()
    for name in names {
      guard !name.hasPrefix("~$"),
        var workbook = try? SpreadsheetFile.read(path: inbox.appendingPathComponent(name).path)
      else {
        skipped.append(name)
        continue
      }
      workbook.path = name
      guard let selection = mappings.select(forFile: name, workbook: workbook) else {
        skipped.append(name)
        continue
      }
      let result = Mapper(mapping: selection.mapping, reference: reference).map(workbook)
      dataset.append(contentsOf: result.dataset)
      diagnostics += result.diagnostics
      mapped.append(name)
    }
    return Loaded(
      dataset: dataset, mappingDiagnostics: diagnostics, mapped: mapped, skipped: skipped)
  }

  /// The faults `samples/make_samples.py` planted: file, sheet and primary cell.
  static func plantedFaults() throws -> [(file: String, sheet: String, cell: String)] {
    let data = try Data(contentsOf: Fixture.repo("samples/planted-faults.json"))
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let faults = json?["faults"] as? [[String: Any]] ?? []
    return faults.compactMap { f in
      guard let file = f["file"] as? String, let sheet = f["sheet"] as? String,
        let cell = f["cell"] as? String
      else { return nil }
      return (file, sheet, cell)
    }
  }
}
