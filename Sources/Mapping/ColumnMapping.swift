public import Canonical
public import Spreadsheet

/// One canonical field and where its value comes from: a source column (or a constant, a
/// context value, a section, a header part) and the ``ValueTransform`` that reads it.
public struct ColumnMapping: Sendable, Hashable {
  /// Where a field's text comes from.
  public enum Source: Sendable, Hashable {
    /// A column of the table.
    case column(ColumnSelector)
    /// Several columns whose texts are joined with `; ` (e.g. a board goal's `KF-mål` and
    /// `Läroplan` columns both feeding `aligns_to`).
    case columns([ColumnSelector])
    /// A constant, or a template with `{name}` placeholders (other fields, context values,
    /// regex groups, `sheet`, `row`).
    case value(String)
    /// A context value by name.
    case context(String)
    /// A field of the enclosing section (`goal` → its `id`; `goal.title`).
    case section(name: String, field: String)
    /// Another field of the same record, after it is read.
    case field(String)
    /// A part of an unpivoted column's header: `header`, `group` or a regex group name.
    case headerPart(String)
    /// The name of the worksheet being read.
    case sheetName
  }

  /// The canonical field (`title`, `aligns_to`) or dimension name.
  public var name: String
  /// Where the text comes from.
  public var source: Source
  /// How it is read.
  public var transform: ValueTransform
  /// Whether a blank value is an error for the row (`missing-value`).
  public var required: Bool
  /// Whether the column may be absent from the header without an error.
  public var optional: Bool
  /// For a `columns:` source, the transforms of the parts that have their own, by 0-based
  /// index in the list: each part is read with its own before the texts are joined (a
  /// nämndmål title looked up among the goals, Lgr22 headings read as national ids).
  public var partTransforms: [Int: ValueTransform] = [:]
  /// Where it is declared.
  public var location: SourceLocation?

  /// Creates a field mapping.
  public init(
    name: String, source: Source, transform: ValueTransform = ValueTransform(),
    required: Bool = false, optional: Bool = false, location: SourceLocation? = nil
  ) {
    self.name = name
    self.source = source
    self.transform = transform
    self.required = required
    self.optional = optional
    self.location = location
  }

  /// A field read from a column by header name or synonyms.
  public static func column(
    _ field: String, _ names: [String], type: ValueType? = nil, required: Bool = false
  ) -> ColumnMapping {
    var transform = ValueTransform()
    transform.type = type
    return ColumnMapping(
      name: field, source: .column(ColumnSelector(names: names)), transform: transform,
      required: required)
  }
}

/// How a column is found in the header: by name (with synonyms), by regular expression, or by
/// position; optionally within a group of a two-row header.
public struct ColumnSelector: Sendable, Hashable {
  /// Header names, any of which may match (normalized; then letters and digits only).
  public var names: [String]
  /// A regular expression on the header text.
  public var regex: String?
  /// A 1-based column position (`C` is 3).
  public var position: Int?
  /// Group names (two-row headers) the column must be under.
  public var groups: [String]
  /// Which match to take when several columns have the name (1-based; duplicate headers).
  public var occurrence: Int

  /// Creates a selector.
  public init(
    names: [String] = [], regex: String? = nil, position: Int? = nil, groups: [String] = [],
    occurrence: Int = 1
  ) {
    self.names = names
    self.regex = regex
    self.position = position
    self.groups = groups
    self.occurrence = occurrence
  }

  /// A short description for explanations: `"Mål" | "Enhetsmål"`, `/^Utfall/`, `column C`.
  public var summary: String {
    var parts: [String] = []
    if !names.isEmpty { parts.append(names.map { "\"\($0)\"" }.joined(separator: " | ")) }
    if let regex { parts.append("/\(regex)/") }
    if let position { parts.append("column \(CellReference.columnLetters(position))") }
    if !groups.isEmpty {
      parts.append("under " + groups.map { "\"\($0)\"" }.joined(separator: "|"))
    }
    if occurrence > 1 { parts.append("occurrence \(occurrence)") }
    return parts.joined(separator: " ")
  }
}

/// How a value's text becomes the canonical value: its type, scaling, code padding, a value
/// map, a regex extraction, splitting into a list, a lookup, missing tokens, a pattern check
/// and a default. Applied in that order (extract → split → map → missing → type → lookup).
public struct ValueTransform: Sendable, Hashable {
  /// The type; `nil` takes the field's default type.
  public var type: ValueType?
  /// For `percent`: whether a bare number is points or a fraction.
  public var percentInput: PercentInput
  /// A factor applied to numbers (`1000` for a column in tkr).
  public var multiply: Double?
  /// For codes: the number of digits, leading zeros restored.
  public var digits: Int?
  /// A named value map or an inline one.
  public var map: ValueMapReference?
  /// A regular expression that picks the value out of the text: the named group `value`, or
  /// the first group, or the whole match.
  public var extract: String?
  /// A separator that splits the text into a list (default for list fields: `,` `;` line
  /// break).
  public var split: String?
  /// A lookup: `units`, `goals`, `kpi-succession`, or a register table's name.
  public var lookup: String?
  /// Extra missing tokens and their reasons (`n/a: notApplicable`).
  public var missing: [String: Measurement.MissingReason]
  /// A regular expression the final text must match (`^[NU]\d{5}$`).
  public var pattern: String?
  /// The text used when the cell is blank.
  public var defaultValue: String?
  /// For periods read from a date: the kind of period containing it.
  public var periodKind: Period.Kind?
  /// For targets: the comparison of a bare number (`88 %`), default `equal`, or taken from
  /// the KPI's direction.
  public var comparison: Target.Comparison?
  /// Derives a parent code by dropping the last segment after this separator
  /// (`4.1.1` → `4.1`, `P1.F2.A1` → `P1.F2`).
  public var hierarchy: String?
  /// Removes literal quote characters wrapped around the text (`"80.2"`).
  public var trimQuotes: Bool
  /// A template applied to the value after its type (`SDG-{value}` makes `1.1` into
  /// `SDG-1.1`); other placeholders as in `value` templates.
  public var format: String?
  /// The decimal mark of numbers written in text, when the file says: `point` (English:
  /// `500,000` is five hundred thousand) or `comma` (Swedish: `1.234,5`). Without it a single
  /// comma is a decimal comma.
  public var decimal: DecimalMark?
  /// Turns the final text into an id: lower case, `å ä ö é` as `a a o e`, every other run of
  /// non-letters and non-digits one `-` (`Andel (%) flickor` → `andel-flickor`).
  public var slug: Bool

  /// Creates a transform with nothing but defaults.
  public init() {
    type = nil
    percentInput = .points
    multiply = nil
    digits = nil
    map = nil
    extract = nil
    split = nil
    lookup = nil
    missing = [:]
    pattern = nil
    defaultValue = nil
    periodKind = nil
    comparison = nil
    hierarchy = nil
    trimQuotes = false
    slug = false
    format = nil
    decimal = nil
  }
}

/// A value map used by a field: a shared map by name, or one written inline.
public enum ValueMapReference: Sendable, Hashable {
  /// A map defined under `value_maps`, in a `values` file, or built in (`gender`, `status`,
  /// `assessment`, `direction`).
  case named(String)
  /// A map written in the field.
  case inline(ValueMap)
}
