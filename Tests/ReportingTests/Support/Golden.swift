import Foundation
import TestSupport
import Testing

/// Golden files under `Tests/Fixtures/golden/<suite>/<name>`: the output must match byte for
/// byte. `RECORD_GOLDENS=1` rewrites the file and fails the test, so a recording run is never
/// mistaken for a passing one.
enum Golden {
  struct Mismatch: Error, CustomStringConvertible {
    var description: String
  }

  static func url(suite: String, name: String) -> URL {
    Fixture.url("golden/\(suite)/\(name)")
  }

  static func check(_ text: String, suite: String, name: String) throws {
    try check(Data(text.utf8), suite: suite, name: name)
  }

  static func check(_ data: Data, suite: String, name: String) throws {
    let url = url(suite: suite, name: name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
      Issue.record("recorded golden file \(url.path); run again without RECORD_GOLDENS")
      return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
      throw Mismatch(description: "golden file missing: \(url.path) (record with RECORD_GOLDENS=1)")
    }
    if expected != data {
      let got = String(decoding: data, as: UTF8.self)
      let want = String(decoding: expected, as: UTF8.self)
      let gotLines = got.split(separator: "\n", omittingEmptySubsequences: false)
      let wantLines = want.split(separator: "\n", omittingEmptySubsequences: false)
      var firstDiff = "sizes differ"
      for i in 0..<max(gotLines.count, wantLines.count) {
        let g = i < gotLines.count ? String(gotLines[i]) : "<end>"
        let w = i < wantLines.count ? String(wantLines[i]) : "<end>"
        if g != w {
          firstDiff = "line \(i + 1):\n  expected: \(w)\n  actual:   \(g)"
          break
        }
      }
      throw Mismatch(description: "\(url.lastPathComponent) differs at \(firstDiff)")
    }
  }
}
