public import ArgumentParser
public import CSV
public import Canonical
import Foundation

// The values the commands take, parsed by swift-argument-parser with their completions, as in
// its own examples: a period, a day, a CSV dialect. Formats are `CaseIterable` enums in their
// commands.

extension Period: ExpressibleByArgument {
  /// Parses `2026-Q3`, `Q3 2026`, `2026-T2`, `2025/26`, `2026`.
  public init?(argument: String) { self.init(parsing: argument) }

  /// The periods of this year and the next, for shell completion.
  public static var defaultCompletionKind: CompletionKind {
    let year = Calendar(identifier: .gregorian).component(.year, from: Date())
    var periods: [String] = []
    for y in [year, year + 1] {
      periods += ["\(y)"] + (1...3).map { "\(y)-T\($0)" } + (1...4).map { "\(y)-Q\($0)" }
      periods.append("\(y)/\(String(format: "%02d", (y + 1) % 100))")
    }
    return .list(periods)
  }
}

extension CalendarDate: ExpressibleByArgument {
  /// Parses `YYYY-MM-DD`.
  public init?(argument: String) { self.init(iso: argument) }

  /// Today, for shell completion.
  public static var defaultCompletionKind: CompletionKind {
    let parts = Calendar(identifier: .gregorian).dateComponents(
      [.year, .month, .day], from: Date())
    let today = String(
      format: "%04d-%02d-%02d", parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1)
    return .list([today])
  }
}

extension CSVDialect: ExpressibleByArgument {
  /// Parses a dialect's name: `rfc4180`, `excel-sv`, `excel-sv-1252`.
  public init?(argument: String) {
    guard let dialect = CSVDialect(named: argument) else { return nil }
    self = dialect
  }

  /// The dialects' names.
  public static var allValueStrings: [String] { builtIn.map(\.name) }

  /// The dialects' names, for shell completion.
  public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

  /// The name, in help texts.
  public var defaultValueDescription: String { name }
}
