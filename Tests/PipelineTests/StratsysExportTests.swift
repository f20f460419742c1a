import Canonical
import Foundation
import TestSupport
import Testing

@testable import Pipeline

/// The Stratsys import files made from the demo municipality after one `run`: the units'
/// kvartal 3 outcomes and the Kolada export's yearly values.
@Suite struct StratsysExportTests {
  static func demoDataset() throws -> Dataset {
    let (_, workspace) = try SampleMunicipalityTests.run()
    let config = try PipelineConfig.load(path: workspace.configFile.path)
    let converter = try MappingConverter.load(config: config)
    return try workspace.currentDataset(reference: converter.reference)
  }

  static func text(_ dataset: Dataset, _ format: StratsysExport.Format) throws -> (
    String, StratsysExport.Summary
  ) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redthread-stratsys-\(UUID().uuidString).txt")
    let summary = try StratsysExport.write(dataset, format: format, to: url)
    return (try String(contentsOf: url, encoding: .utf8), summary)
  }

  @Test func measureDataForKvartal3HoldsTheUnitsOutcomesByNameAndDate() throws {
    let dataset = try Self.demoDataset().selecting(.period(.quarter(3, 2026)))
    let (text, summary) = try Self.text(dataset, .measureData)
    let lines = text.components(separatedBy: "\r\n").dropLast()
    #expect(text.hasSuffix("\r\n"))
    #expect(lines.count == 23)
    #expect(summary.written == 23)
    #expect(
      lines.first == "Förskoleområde Centrum\t2026-09-30\tBarn per barngrupp\t15,8")
    // Every line: a register name, the quarter's last day, a name, a number with decimal comma.
    let units: Set<String> = [
      "Petreskolan", "Lillåskolan", "Hyttbackens skola", "Åsens skola", "Förskoleområde Centrum",
      "Förskoleområde Norr", "Förskoleområde Söder",
    ]
    for line in lines {
      let fields = line.components(separatedBy: "\t")
      #expect(fields.count == 4)
      #expect(units.contains(fields[0]), "\(line)")
      #expect(fields[1] == "2026-09-30")
      #expect(Double(fields[3].replacingOccurrences(of: ",", with: ".")) != nil, "\(line)")
    }
    // Lillåskolan's N15643 is "Ej mätt": left out and counted, not written as 0.
    #expect(summary.withoutValue == 1)
    #expect(!lines.contains { $0.hasPrefix("Lillåskolan") && $0.contains("Helt och hållet") })
    // Kolada's yearly values are not kvartal 3's.
    #expect(!text.contains("2025-12-31"))
  }

  @Test func integrationFromAYearToAQuarterHoldsEverySeriesByCode() throws {
    let dataset = try Self.demoDataset().selecting(
      .range(from: .year(2025), to: .quarter(3, 2026)))
    let (text, summary) = try Self.text(dataset, .kpiIntegration)
    let lines = text.components(separatedBy: "\r\n").dropLast()
    #expect(lines.count == 37)
    // Kolada: kommunkod 2104 is the municipality's unit; 2025's values dated 2025-12-31.
    #expect(lines.contains("2025-12-31;hofors;N15419;T;69,5"))
    #expect(lines.contains("2025-12-31;hofors;N15505;K;226,4"))
    // Suppressed ("..", small groups) and "Ej mätt" values are left out.
    #expect(!lines.contains { $0.hasPrefix("2025-12-31;hofors;N15419;K;") })
    #expect(summary.withoutValue == 5)
    // 2023 and 2024 are outside the range.
    #expect(!lines.contains { $0.hasPrefix("2023") || $0.hasPrefix("2024") })
    // The units' kvartal 3 outcomes, by register id and nyckeltal id.
    #expect(lines.contains { $0.hasPrefix("2026-09-30;petreskolan;N15613;T;") })
    #expect(Set(lines.map { $0.components(separatedBy: ";")[3] }) == ["T", "K", "M"])
    // Sorted by date, unit id, nyckeltal id.
    let keys = lines.map { $0.components(separatedBy: ";").prefix(3).joined(separator: ";") }
    #expect(keys == keys.sorted())
  }

  @Test func aLaterFileGivingTheSameValueCountsOnce() throws {
    var dataset = Dataset(units: [OrgUnit(id: "s1", name: "Skola 1", kind: .school)])
    for (value, file) in [(70.0, "a.csv"), (72.5, "b.csv")] {
      dataset.measurements.append(
        Canonical.Measurement(
          kpiID: "N15419", unitID: "s1", period: .year(2025), value: value,
          provenance: Provenance(file: file)))
    }
    dataset.measurements.append(
      Canonical.Measurement(kpiID: "N15419", unitID: "okänd", period: .year(2025), value: 1))
    let (text, summary) = try Self.text(dataset, .kpiIntegration)
    #expect(text == "2025-12-31;s1;N15419;T;72,5\r\n")
    #expect(summary.replaced == 1)
    #expect(summary.unknownUnits == ["okänd"])
  }

  @Test func theLinesDocsCLIShowsAreWhatTheDemoExports() throws {
    let docs = try String(contentsOf: Fixture.repo("docs/cli.md"), encoding: .utf8)
    let shown = docs.components(separatedBy: "\n").filter {
      $0.hasPrefix("2025-12-31;") || $0.hasPrefix("2026-09-30;") || $0.contains("\t2026-09-30\t")
    }
    #expect(shown.count == 11)
    let demo = try Self.demoDataset()
    let (matt, _) = try Self.text(demo.selecting(.period(.quarter(3, 2026))), .measureData)
    let (integration, _) = try Self.text(
      demo.selecting(.range(from: .year(2025), to: .quarter(3, 2026))), .kpiIntegration)
    let written = Set((matt + integration).components(separatedBy: "\r\n"))
    for line in shown { #expect(written.contains(line), "\(line)") }
  }
}
