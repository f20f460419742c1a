public import Spreadsheet

/// One cell handed to ``XLSXWriter/writeRow(_:)``: a typed value and an optional style.
///
/// How each value is written (ECMA-376 Part 1 §18.3.1.4):
/// - ``CellValue/string(_:)`` with empty text: no value; with a style, a blank cell that
///   shows the style (e.g. a header fill), otherwise nothing (see ``blank(style:)``).
/// - ``CellValue/string(_:)``: always text (a shared string, or an inline string), never a
///   formula, whatever it begins with (`=`, `+`, `-`, `@`). Text that Excel would take for a
///   formula if retyped also gets `quotePrefix` in its format, as when a user types `'=…`.
/// - ``CellValue/number(_:)``: a number, in the shortest form that reads back to the same
///   double.
/// - ``CellValue/bool(_:)``: `TRUE` or `FALSE`.
/// - ``CellValue/dateTime(_:)``: a serial day number in the 1900 date system, with the style's
///   number format or ``CellStyle/FormatCode/date`` (``CellStyle/FormatCode/dateTime`` when it
///   has a time of day). A time of day alone is a ``CivilDateTime`` on 1899-12-30 (serial
///   0 ..< 1, as readers return it), written as the bare fraction with
///   ``CellStyle/FormatCode/time``.
/// - ``CellValue/duration(seconds:)``: days (seconds ÷ 86,400) with
///   ``CellStyle/FormatCode/duration`` unless the style gives a format.
/// - ``CellValue/error(_:)``: an error cell such as `#N/A`.
///
/// Literals make rows short to write: `["Mål", "T\(n)", 0.88, true, nil]` as `[WriteCell?]`.
public struct WriteCell: Hashable, Sendable {
  /// The value.
  public var value: CellValue
  /// The style; `nil` is the default look.
  public var style: CellStyle?

  /// Creates a cell.
  public init(_ value: CellValue, style: CellStyle? = nil) {
    self.value = value
    self.style = style
  }

  /// Creates a cell.
  public init(value: CellValue, style: CellStyle? = nil) {
    self.init(value, style: style)
  }

  /// A text cell.
  public static func string(_ text: String, style: CellStyle? = nil) -> WriteCell {
    WriteCell(.string(text), style: style)
  }

  /// A blank cell that shows a style, e.g. the fill of a header row across empty columns.
  public static func blank(style: CellStyle) -> WriteCell {
    WriteCell(.string(""), style: style)
  }

  /// A number cell.
  public static func number(_ number: Double, style: CellStyle? = nil) -> WriteCell {
    WriteCell(.number(number), style: style)
  }

  /// A date or date-time cell.
  public static func date(_ date: CivilDateTime, style: CellStyle? = nil) -> WriteCell {
    WriteCell(.dateTime(date), style: style)
  }

  /// A boolean cell.
  public static func bool(_ value: Bool, style: CellStyle? = nil) -> WriteCell {
    WriteCell(.bool(value), style: style)
  }
}

extension WriteCell: ExpressibleByStringLiteral {
  /// A text cell.
  public init(stringLiteral value: String) { self.init(.string(value)) }
}

extension WriteCell: ExpressibleByFloatLiteral {
  /// A number cell.
  public init(floatLiteral value: Double) { self.init(.number(value)) }
}

extension WriteCell: ExpressibleByIntegerLiteral {
  /// A number cell.
  public init(integerLiteral value: Int) { self.init(.number(Double(value))) }
}

extension WriteCell: ExpressibleByBooleanLiteral {
  /// A boolean cell.
  public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
}

extension WriteCell: ExpressibleByStringInterpolation {}
