import Canonical
import Foundation
import Spreadsheet
import SpreadsheetIO
import TestSupport
import Testing

@testable import Mapping

/// A held-back municipality (Tests/Fixtures/lindvik, made by `make_lindvik.py` without looking
/// at what `infer` accepts): the four layout families of samples/ekbacka in other words. Only
/// UNEDITED `mapping infer` drafts, one drafted from one file of each family, map every file;
/// the record counts per kind come out as the generator's `truth.json` says, within a stated
/// tolerance.
@Suite struct HeldBackInferenceTests {
  static let root = Fixture.repo("Tests/Fixtures/lindvik")
  static let inbox = root.appendingPathComponent("inbox")
  static let kinds = ["goals", "kpis", "targets", "measurements", "activities", "assessments"]
  /// One file of each family: the drafts are made from these and from nothing else.
  static let draftSources = [
    "BUN verksamhetsplan 2026.xlsx", "Strandskolan uppföljning T2 2026.xlsx",
    "Solrosen arbetsplan 2026.xlsx", "kolada_jamforelse_lindvik.csv",
  ]

  struct Truth: Decodable { var records: [String: [String: Int]] }

  static func counts(_ d: Dataset) -> [String: Int] {
    [
      "goals": d.goals.count, "kpis": d.kpis.count, "targets": d.targets.count,
      "measurements": d.measurements.count, "activities": d.activities.count,
      "assessments": d.assessments.count,
    ]
  }

  /// Every inbox file mapped with the unedited drafts: file → counts (nil: no draft chosen).
  static func mapWithDrafts() throws -> [String: [String: Int]?] {
    let reference = try ReferenceData.load(paths: [
      root.appendingPathComponent("reference/units.yaml").path,
      root.appendingPathComponent("reference/national-goals.yaml").path,
    ])
    var drafts: [MappingFile] = []
    for file in draftSources {
      let book = try SpreadsheetFile.read(path: inbox.appendingPathComponent(file).path)
      drafts.append(try MappingFile.load(yaml: MappingInference.infer(book).yaml))
    }
    let set = MappingSet(drafts)
    var out: [String: [String: Int]?] = [:]
    let files = try FileManager.default.contentsOfDirectory(atPath: inbox.path)
    for file in files {
      let path = inbox.appendingPathComponent(file).path
      let book = try SpreadsheetFile.read(path: path)
      guard let selection = set.select(forFile: path, workbook: book) else {
        out[file] = .some(nil)
        continue
      }
      out[file] = counts(
        Mapper(mapping: selection.mapping, reference: reference).map(book).dataset)
    }
    return out
  }

  @Test func uneditedDraftsGetMostRecordCountsRight() throws {
    let truth = try JSONDecoder().decode(
      Truth.self, from: Data(contentsOf: Self.root.appendingPathComponent("truth.json")))
    let got = try Self.mapWithDrafts()
    #expect(Set(got.keys) == Set(truth.records.keys))
    var exact = 0
    var total = 0
    var report: [String] = []
    for (file, want) in truth.records.sorted(by: { $0.key < $1.key }) {
      let have = got[file] ?? nil
      #expect(have != nil, "\(file): no draft was chosen")
      for kind in Self.kinds {
        let w = want[kind] ?? 0
        let h = have?[kind] ?? 0
        total += 1
        if w == h { exact += 1 } else { report.append("\(file) \(kind): \(h), truth \(w)") }
        // The tolerance per kind and file: off by at most one record (a planted fault may cost
        // the one record it sits on).
        #expect(abs(w - h) <= 1, "\(file) \(kind): \(h) records, the truth is \(w)")
      }
    }
    // Most: at least 9 in 10 of the (file, kind) counts exactly right.
    #expect(exact * 10 >= total * 9, "\(exact) of \(total) exact; \(report)")
    // And per kind, the total over all files within 10 % of the truth.
    for kind in Self.kinds {
      let w = truth.records.values.map { $0[kind] ?? 0 }.reduce(0, +)
      let h = got.values.map { $0?[kind] ?? 0 }.reduce(0, +)
      #expect(abs(w - h) * 10 <= w, "\(kind): \(h) records in all, the truth is \(w)")
    }
  }
}
