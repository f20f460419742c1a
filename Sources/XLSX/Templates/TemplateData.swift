import Foundation

/// A value a placeholder is filled with. A cell that holds only a placeholder gets the typed
/// value (a number, a date as an Excel serial, a percentage as a fraction) and keeps its number
/// format; a placeholder inside other text gets the value written out in Swedish.
public enum TemplateValue: Hashable, Sendable {
  /// Text.
  case text(String)
  /// A number.
  case number(Double)
  /// A percentage as a fraction (0.853 is 85,3 %).
  case percent(Double)
  /// A calendar day.
  case date(year: Int, month: Int, day: Int)
  /// Nothing: an empty cell, or nothing in a text.
  case empty

  /// The value written into a text: numbers with a decimal comma, percentages with ` %`,
  /// dates as `2026-10-15`.
  public var displayText: String {
    switch self {
    case .text(let s): return s
    case .number(let n): return Self.swedish(n)
    case .percent(let p): return Self.swedish(p * 100) + " %"
    case .date(let y, let m, let d):
      return String(format: "%04d-%02d-%02d", y, m, d)
    case .empty: return ""
    }
  }

  /// Whether a `{{#if name}}` on the value keeps its rows: non-empty text other than `nej`,
  /// a non-zero number, any date.
  public var isTruthy: Bool {
    switch self {
    case .text(let s):
      let t = s.trimmingCharacters(in: .whitespaces).lowercased()
      return !t.isEmpty && t != "nej" && t != "false" && t != "0"
    case .number(let n), .percent(let n): return n != 0
    case .date: return true
    case .empty: return false
    }
  }

  /// Up to two decimals, decimal comma, no thousands separator.
  static func swedish(_ n: Double) -> String {
    if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
    var text = String(format: "%.2f", n)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text.replacingOccurrences(of: ".", with: ",")
  }

  /// Days since 1899-12-30 (the 1900 date system), or since 1904-01-01.
  func excelSerial(date1904: Bool) -> Double? {
    guard case .date(let y, let m, let d) = self else { return nil }
    // Days from civil (Howard Hinnant's algorithm).
    let yy = m <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let mp = (m + 9) % 12
    let doy = (153 * mp + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146097 + doe - 719468  // since 1970-01-01
    return Double(days + (date1904 ? -24107 : 25569))
  }
}

/// One item of a collection: its fields, and collections of its own (a unit's nyckeltal).
public struct TemplateRecord: Hashable, Sendable {
  /// The fields by name.
  public var fields: [String: TemplateValue]
  /// Collections of the item, by name; inside its block or per-item sheet they replace the
  /// workbook's collections of the same name.
  public var collections: [String: [TemplateRecord]]

  /// Creates an item.
  public init(
    _ fields: [String: TemplateValue], collections: [String: [TemplateRecord]] = [:]
  ) {
    self.fields = fields
    self.collections = collections
  }
}

/// What a template is filled with: scalars and collections.
public struct TemplateData: Hashable, Sendable {
  /// `{{name}}` values anywhere in the workbook.
  public var scalars: [String: TemplateValue]
  /// `{{#each name}}` collections.
  public var collections: [String: [TemplateRecord]]

  /// Creates the data.
  public init(
    scalars: [String: TemplateValue], collections: [String: [TemplateRecord]]
  ) {
    self.scalars = scalars
    self.collections = collections
  }
}

/// The names a template may use: what `check` compares a template against, and what a fill
/// refuses to go beyond.
public struct TemplateContract: Hashable, Sendable {
  /// Scalar names.
  public var scalars: [String]
  /// Collections and the field names of their items.
  public var collections: [String: [String]]
  /// Collections an item of a collection carries (`enheter` → its `nyckeltal`, …).
  public var nested: [String: [String]]

  /// Creates a contract.
  public init(
    scalars: [String], collections: [String: [String]], nested: [String: [String]] = [:]
  ) {
    self.scalars = scalars
    self.collections = collections
    self.nested = nested
  }
}
