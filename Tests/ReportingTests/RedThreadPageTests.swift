import Canonical
import Foundation
import Reporting
import TestSupport
import Testing

/// The red thread as an HTML page: self-contained, readable without JavaScript, status as
/// word and symbol, every unit under its nämndmål, and what links nowhere under
/// "Utan koppling". The page of the demo is rendered by headless Chromium when it is
/// installed (Debian's `chromium`).
@Suite struct RedThreadPageTests {
  let html: String

  init() throws { html = RedThreadPage(report: try HoforsFixture.report()).html }

  @Test func itIsSwedishWithHeadingsAndLandmarks() {
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
    for tag in ["<header>", "<nav ", "<main ", "<footer>", "<h1>", "<h2 ", "<h3>", "<h4>"] {
      #expect(html.contains(tag), "\(tag)")
    }
    #expect(html.contains("@media print"))
  }

  @Test func itLoadsNothingFromTheNetwork() {
    for pattern in ["http://", "https://", "src=", "<link", "@import", "url("] {
      #expect(!html.contains(pattern), "\(pattern)")
    }
  }

  @Test func statusIsAWordAndASymbolNotColourAlone() {
    #expect(html.contains("✗ Ej uppnått"))
    #expect(html.contains("✓ Uppnått"))
    #expect(html.contains("Utan koppling"))
    // Every status span has a symbol before its word.
    let spans = html.components(separatedBy: "<span class=\"status ").dropFirst()
    #expect(spans.count > 20)
    for span in spans {
      let text = span.split(separator: ">", maxSplits: 1).last.map(String.init) ?? ""
      #expect(["✓", "▲", "✗", "–", "•"].contains(String(text.prefix(1))), "\(text.prefix(30))")
    }
  }

  @Test func everyUnitsGoalsAreUnderTheirNämndmål() throws {
    let report = try HoforsFixture.report()
    for goal in report.goals where goal.level == .unit && !goal.alignsTo.isEmpty {
      #expect(html.contains(">\(goal.goalID)</strong>"), "\(goal.goalID)")
    }
  }

  static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(
    .enabled(if: chromium != nil, "Debian's chromium is not installed (apt-get install chromium)"))
  func headlessChromiumRendersTheDemoPage() throws {
    let folder = try ScratchFolder()
    let page = folder.path + "/rod-trad.html"
    try Data(html.utf8).write(to: URL(fileURLWithPath: page))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--user-data-dir=\(folder.path)/profile", "--dump-dom", "file://\(page)",
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let dom = String(decoding: data, as: UTF8.self)
    #expect(process.terminationStatus == 0)
    // The script ran and added the unit filter and the search box.
    #expect(dom.contains("<select id=\"enhet\">"))
    #expect(dom.contains("Alla enheter"))
    #expect(dom.contains("<input type=\"search\" id=\"sok\">"))
    #expect(dom.contains("✗ Ej uppnått") && dom.contains("Utan koppling"))
    #expect(dom.contains("Petreskolan"))
  }
}
