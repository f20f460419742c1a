import Foundation
import Testing

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
