/// The typed value of a non-empty cell, as Excel shows it.
///
/// Empty cells have no value and are absent from a ``Row``. Dates are numbers under a date
/// number format in OOXML (ECMA-376 Part 1 §18.8.30); readers resolve them to ``dateTime`` or,
/// for elapsed-time formats such as `[h]:mm`, to ``duration``.
public enum CellValue: Hashable, Sendable, CustomStringConvertible {
  /// Text, with `_xHHHH_` escapes already decoded.
  case string(String)
  /// An IEEE 754 double; never NaN or infinite.
  case number(Double)
  /// `TRUE` or `FALSE`.
  case bool(Bool)
  /// A date, a time or both, from a number under a date format.
  case dateTime(CivilDateTime)
  /// An elapsed time in seconds, from a number under `[h]`, `[m]` or `[s]` formats.
  case duration(seconds: Double)
  /// An error value such as `#DIV/0!` or `#N/A`.
  case error(String)

  /// The text of a string cell, or `nil`.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The number of a number cell, or `nil`.
  public var numberValue: Double? {
    if case .number(let n) = self { return n }
    return nil
  }

  /// The text as a user reads it: numbers in shortest round-trip form, dates in ISO 8601.
  public var displayText: String {
    switch self {
    case .string(let s): return s
    case .number(let n): return Self.format(n)
    case .bool(let b): return b ? "TRUE" : "FALSE"
    case .dateTime(let d): return d.description
    case .duration(let seconds): return Self.format(seconds) + " s"
    case .error(let e): return e
    }
  }

  /// Same as ``displayText``.
  public var description: String { displayText }

  /// Formats a number without a trailing `.0` for integers: `42`, `0.25`, `1e+21`.
  public static func format(_ n: Double) -> String {
    if n == n.rounded(), abs(n) < 1e15 {
      return String(Int64(n))
    }
    return String(n)
  }
}
