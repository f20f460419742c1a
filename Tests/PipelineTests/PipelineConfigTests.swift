import Foundation
import Testing
import Validation

@testable import Pipeline

@Suite struct PipelineConfigTests {
  func write(_ text: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "redthread-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent("redthread.yaml")
    try Data(text.utf8).write(to: url)
    return url.path
  }

  @Test func loadsAndResolvesPaths() throws {
    let path = try write(
      """
      municipality: hofors
      board: bun
      period: 2026-Q3
      reference: [reference/units.yaml]
      mappings: [mappings]
      inbox: { settle_seconds: 0.5 }
      """)
    let config = try PipelineConfig.load(path: path)
    #expect(config.board == "bun")
    #expect(config.period.id == "2026-Q3")
    #expect(config.settleSeconds == 0.5)
    let folder = (path as NSString).deletingLastPathComponent
    #expect(config.referenceFiles == [folder + "/reference/units.yaml"])
  }

  @Test func everyValidationOptionIsRead() throws {
    let path = try write(
      """
      board: bun
      period: 2026-Q3
      validation:
        kept_series: [N15419]
        successions: { N15419: N15508 }
        expected_units: [petreskolan, asens-skola]
        suppress: [activity-delayed]
        severity: { goal-without-breakdown: info, missing-analysis: error }
        status_thresholds: { met: 100, partly_met: 91 }
      """)
    let options = try PipelineConfig.load(path: path).validation
    #expect(options.keptSeries == ["N15419"])
    #expect(options.koladaSuccessions["N15419"]?.successor == "N15508")
    #expect(options.expectedUnitIDs == ["petreskolan", "asens-skola"])
    #expect(options.suppressedCodes == ["activity-delayed"])
    #expect(
      options.severityByCode == ["goal-without-breakdown": .info, "missing-analysis": .error])
    #expect(options.statusThresholds == StatusThresholds(met: 100, partlyMet: 91))
    let plain = try PipelineConfig.load(path: try write("board: bun\nperiod: 2026-Q3\n"))
    #expect(plain.validation == ValidationOptions())
  }

  /// A wrong validation option names its line and column, the value and what is allowed.
  @Test(arguments: [
    ("  suppress: [activity-delayd]\n", 3, 14, "did you mean 'activity-delayed'?"),
    ("  suppress: [type-error]\n", 3, 14, "reported while reading or mapping files"),
    ("  severity: { missing-target: fatal }\n", 3, 31, "'fatal' is not a severity"),
    ("  kept_series: [15419]\n", 3, 17, "'15419' is not a Kolada id"),
    ("  status_thresholds: { met: 100, partly_met: 100 }\n", 3, 46, "must be below 'met'"),
    ("  status_thresholds: { met: -5 }\n", 3, 29, "percentage of the målvärde"),
    ("  tresholds: {}\n", 3, 3, "unknown key 'tresholds'"),
  ])
  func aWrongValidationOptionIsLocated(
    line: String, row: Int, column: Int, message: String
  ) throws {
    let path = try write("board: bun\nperiod: 2026-Q3\nvalidation:\n" + line)
    do {
      _ = try PipelineConfig.load(path: path)
      Issue.record("expected an error for \(line)")
    } catch let error as PipelineError {
      #expect(error.code == "invalid-config")
      #expect(error.location?.line == row + 1 && error.location?.column == column, "\(error)")
      #expect(error.message.contains(message), "\(error.message)")
    }
  }

  @Test func unknownKeyIsLocatedWithSuggestion() throws {
    let path = try write("board: bun\nperiod: 2026-Q3\nmapings: [m]\n")
    do {
      _ = try PipelineConfig.load(path: path)
      Issue.record("expected an error")
    } catch let error as PipelineError {
      #expect(error.code == "invalid-config")
      #expect(error.location?.line == 3 && error.location?.column == 1)
      #expect(error.message.contains("did you mean 'mappings'?"))
    }
  }

  @Test func badPeriodIsLocated() throws {
    let path = try write("board: bun\nperiod: kvartal 5\n")
    #expect {
      _ = try PipelineConfig.load(path: path)
    } throws: { error in
      guard let e = error as? PipelineError else { return false }
      return e.location?.line == 2 && e.location?.column == 9 && e.message.contains("kvartal 5")
    }
  }

  @Test func syntaxErrorIsLocated() throws {
    let path = try write("board: bun\nperiod: [2026\n")
    #expect {
      _ = try PipelineConfig.load(path: path)
    } throws: { error in
      (error as? PipelineError)?.location?.line != nil
    }
  }
}
