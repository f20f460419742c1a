public import Spreadsheet

/// A data validation: what a user may type into a range of cells, with the drop-down list,
/// the input message shown when a cell is selected and the error shown for a wrong value.
///
/// Models `<dataValidation>` in `<dataValidations>` (ECMA-376 Part 1 §18.3.1.32 and
/// §18.3.1.33). Excel and LibreOffice check a value as it is typed; a value pasted or written
/// by a program is not checked, so a reader must still check what comes back.
///
/// ```swift
/// let status = DataValidation(
///   ranges: [CellRange("F8:F57")!], rule: .list(source: "Lista_Status"),
///   prompt: .init(title: "Status", text: "Välj ur listan."))
/// let percent = DataValidation(
///   ranges: [CellRange("E8:E57")!], rule: .decimal(.between(0, 100)))
/// ```
public struct DataValidation: Hashable, Sendable {
  /// The cells checked (`sqref`); at least one range.
  public var ranges: [CellRange]
  /// What a value must be.
  public var rule: Rule
  /// Whether a blank cell is accepted (`allowBlank`).
  public var allowBlank: Bool
  /// What happens to a wrong value (`errorStyle`).
  public var errorStyle: ErrorStyle
  /// The message shown when a cell of the range is selected (`promptTitle`, `prompt`).
  public var prompt: Message?
  /// The message shown for a wrong value (`errorTitle`, `error`).
  public var error: Message?

  /// Creates a data validation.
  public init(
    ranges: [CellRange], rule: Rule, allowBlank: Bool = true, errorStyle: ErrorStyle = .stop,
    prompt: Message? = nil, error: Message? = nil
  ) {
    self.ranges = ranges
    self.rule = rule
    self.allowBlank = allowBlank
    self.errorStyle = errorStyle
    self.prompt = prompt
    self.error = error
  }

  /// What a value must be (`type` with `operator`, `formula1` and `formula2`).
  public enum Rule: Hashable, Sendable {
    /// One of a list (`type="list"`), shown as a drop-down: a range or a defined name, such as
    /// `Lista_Status` or `Listor!$A$1:$A$6` (the formula text without `=`).
    case list(source: String)
    /// One of these words (`type="list"` with an inline list `"Ja,Nej"`): at most 255
    /// characters together, no word containing a comma.
    case values([String])
    /// A whole number (`type="whole"`).
    case whole(Comparison)
    /// A number (`type="decimal"`).
    case decimal(Comparison)
    /// A date (`type="date"`), compared by day.
    case date(DateComparison)
  }

  /// A comparison of a number with one or two bounds (`operator`).
  public enum Comparison: Hashable, Sendable {
    /// Between the two bounds, both included.
    case between(Double, Double)
    /// Not between the two bounds.
    case notBetween(Double, Double)
    /// Equal to the value.
    case equal(Double)
    /// Not equal to the value.
    case notEqual(Double)
    /// Greater than the value.
    case greaterThan(Double)
    /// Less than the value.
    case lessThan(Double)
    /// Greater than or equal to the value.
    case greaterThanOrEqual(Double)
    /// Less than or equal to the value.
    case lessThanOrEqual(Double)
  }

  /// A comparison of a date with one or two days.
  public enum DateComparison: Hashable, Sendable {
    /// From the first day to the second, both included.
    case between(CivilDateTime, CivilDateTime)
    /// On or after the day.
    case onOrAfter(CivilDateTime)
    /// On or before the day.
    case onOrBefore(CivilDateTime)
  }

  /// What Excel does with a wrong value.
  public enum ErrorStyle: String, Hashable, Sendable {
    /// Refuses it.
    case stop
    /// Asks whether to keep it.
    case warning
    /// Tells and keeps it.
    case information
  }

  /// A title and a text; Excel's limits are 32 characters for the title and 255 for the text.
  public struct Message: Hashable, Sendable {
    /// The title.
    public var title: String
    /// The text.
    public var text: String

    /// Creates a message.
    public init(title: String, text: String) {
      self.title = title
      self.text = text
    }
  }
}

extension DataValidation {
  /// The problem that keeps a validation from being written, or `nil`.
  func problem() -> (XLSXWriteError.Code, String)? {
    if ranges.isEmpty { return (.invalidRange, "a data validation needs at least one range") }
    for range in ranges where !range.start.isWithinExcelLimits || !range.end.isWithinExcelLimits {
      return (.invalidRange, "data validation range \(range) is outside Excel's grid")
    }
    if let prompt, prompt.title.utf16.count > 32 || prompt.text.utf16.count > 255 {
      return (
        .invalidOption,
        "data validation input message is too long (title \(prompt.title.utf16.count) of 32, "
          + "text \(prompt.text.utf16.count) of 255 characters): \"\(prompt.title)\""
      )
    }
    if let error, error.title.utf16.count > 32 || error.text.utf16.count > 255 {
      return (
        .invalidOption,
        "data validation error message is too long (title \(error.title.utf16.count) of 32, "
          + "text \(error.text.utf16.count) of 255 characters): \"\(error.title)\""
      )
    }
    switch rule {
    case .list(let source):
      if source.isEmpty || source.hasPrefix("=") {
        return (.invalidOption, "a list source is a range or a name without '=': \"\(source)\"")
      }
    case .values(let words):
      if words.isEmpty { return (.invalidOption, "a list of values needs at least one value") }
      if let bad = words.first(where: { $0.contains(",") || $0.contains("\"") }) {
        return (.invalidOption, "a listed value may not contain ',' or '\"': \"\(bad)\"")
      }
      let length = words.joined(separator: ",").utf16.count
      if length > 255 {
        return (
          .invalidOption,
          "an inline list has \(length) characters; Excel's limit is 255 (use a range instead)"
        )
      }
    case .whole(let c), .decimal(let c):
      if !c.bounds.allSatisfy(\.isFinite) {
        return (.nonFiniteNumber, "data validation bounds \(c.bounds) are not finite numbers")
      }
    case .date(let c):
      for day in c.days
      where day.serial < XLSXWriter.firstDate || day.serial >= XLSXWriter.endOfTime {
        return (.dateOutOfRange, "data validation date \(day) is outside Excel's dates")
      }
    }
    return nil
  }

  /// Writes the `<dataValidation>` element.
  func write(into x: inout WriterXML) {
    var type = ""
    var op: String?
    var formulas: [String] = []
    switch rule {
    case .list(let source):
      type = "list"
      formulas = [source]
    case .values(let words):
      type = "list"
      formulas = ["\"" + words.joined(separator: ",") + "\""]
    case .whole(let c), .decimal(let c):
      if case .whole = rule { type = "whole" } else { type = "decimal" }
      (op, formulas) = c.operatorAndFormulas
    case .date(let c):
      type = "date"
      let serials = c.days.map { CellValueText.number(DateSystem.date1900.serial(from: $0)) }
      switch c {
      case .between: op = "between"
      case .onOrAfter: op = "greaterThanOrEqual"
      case .onOrBefore: op = "lessThanOrEqual"
      }
      formulas = serials
    }
    x.raw("<dataValidation type=\"\(type)\"")
    if errorStyle != .stop { x.raw(" errorStyle=\"\(errorStyle.rawValue)\"") }
    if let op, op != "between" { x.raw(" operator=\"\(op)\"") }
    if allowBlank { x.raw(" allowBlank=\"1\"") }
    x.raw(" showInputMessage=\"1\" showErrorMessage=\"1\"")
    if let error {
      x.raw(" errorTitle=\"")
      x.attribute(error.title)
      x.raw("\" error=\"")
      x.attribute(error.text)
      x.raw("\"")
    }
    if let prompt {
      x.raw(" promptTitle=\"")
      x.attribute(prompt.title)
      x.raw("\" prompt=\"")
      x.attribute(prompt.text)
      x.raw("\"")
    }
    x.raw(" sqref=\"")
    x.raw(ranges.map(WorksheetStream.rangeText).joined(separator: " "))
    x.raw("\">")
    for (i, formula) in formulas.enumerated() {
      x.raw(i == 0 ? "<formula1>" : "<formula2>")
      x.text(formula)
      x.raw(i == 0 ? "</formula1>" : "</formula2>")
    }
    x.raw("</dataValidation>")
  }

  /// Writes `<dataValidations>` for a sheet's validations.
  static func write(_ validations: [DataValidation], into x: inout WriterXML) {
    guard !validations.isEmpty else { return }
    x.raw("<dataValidations count=\"\(validations.count)\">")
    for validation in validations { validation.write(into: &x) }
    x.raw("</dataValidations>")
  }
}

extension DataValidation.Comparison {
  var bounds: [Double] {
    switch self {
    case .between(let a, let b), .notBetween(let a, let b): return [a, b]
    case .equal(let a), .notEqual(let a), .greaterThan(let a), .lessThan(let a),
      .greaterThanOrEqual(let a), .lessThanOrEqual(let a):
      return [a]
    }
  }

  var operatorAndFormulas: (String?, [String]) {
    let f = bounds.map(CellValueText.number)
    switch self {
    case .between(let a, let b):
      return ("between", [CellValueText.number(min(a, b)), CellValueText.number(max(a, b))])
    case .notBetween(let a, let b):
      return ("notBetween", [CellValueText.number(min(a, b)), CellValueText.number(max(a, b))])
    case .equal: return ("equal", f)
    case .notEqual: return ("notEqual", f)
    case .greaterThan: return ("greaterThan", f)
    case .lessThan: return ("lessThan", f)
    case .greaterThanOrEqual: return ("greaterThanOrEqual", f)
    case .lessThanOrEqual: return ("lessThanOrEqual", f)
    }
  }
}

extension DataValidation.DateComparison {
  var days: [CivilDateTime] {
    switch self {
    case .between(let a, let b): return a.serial <= b.serial ? [a, b] : [b, a]
    case .onOrAfter(let a), .onOrBefore(let a): return [a]
    }
  }
}
