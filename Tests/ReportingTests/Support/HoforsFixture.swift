import Canonical
import Foundation
import Reporting
import TestSupport
import Validation

/// The Hofors dataset of the validation tests (kvartal 1 2026), read from its canonical JSON.
enum HoforsFixture {
  static let board = "hofors-bun"
  static let period = Period.quarter(1, 2026)
  static let reportDate = CalendarDate(year: 2026, month: 4, day: 15)

  static func dataset() throws -> Dataset {
    let data = try Data(contentsOf: Fixture.url("validation/hofors-2026-Q1.json"))
    return try JSONDecoder().decode(Dataset.self, from: data)
  }

  /// The municipality follows åk 9 results by hemkommun (N15508) from 2026.
  static let options: ValidationOptions = {
    var successions = KoladaSeries.successionsByReplacedID
    successions["N15419"] = KoladaSuccession(
      replaced: "N15419", successor: "N15508", source: "BUN decision 2025-12-10")
    return ValidationOptions(koladaSuccessions: successions)
  }()

  static func report() throws -> BoardReport {
    BoardReport.make(
      dataset: try dataset(), boardID: board, period: period, options: options,
      reportDate: reportDate)
  }
}
