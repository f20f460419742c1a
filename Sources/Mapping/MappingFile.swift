public import Canonical
public import Spreadsheet

/// One mapping file: how a family of workbooks (a template, a statistics export) becomes
/// canonical records.
///
/// Load one with ``load(path:)``; check one for every error with ``check(path:)``. The
/// language is documented in docs/mapping-language.md and described for editors by
/// docs/mapping.schema.json.
///
/// ```swift
/// let mapping = try MappingFile.load(path: "mappings/skolverket-kommun.yaml")
/// let result = Mapper(mapping: mapping, reference: .empty).map(workbook)
/// ```
public struct MappingFile: Sendable, Hashable {
  /// The mapping's name, kept in every record's provenance (`arbetsplan-grundskola`).
  public var name: String
  /// The mapping's version, kept in provenance; raise it when the meaning changes.
  public var version: Int
  /// What the mapping reads, in one sentence.
  public var description: String?
  /// The path the file was loaded from, as given.
  public var path: String
  /// The path of the mapping this one extends, as written, when it does.
  public var extends: String?
  /// Which files the mapping is for.
  public var match: MatchRule
  /// How the CSV reader should treat ragged records.
  public var raggedRows: RaggedRowsPolicy?
  /// Values read once per file (unit, period, plan title), in file order.
  public var context: [ContextValue]
  /// Named value maps: from this file, its `values` files and the mappings it extends.
  public var valueMaps: [String: ValueMap]
  /// The plan record to emit for each file, when the file is a plan.
  public var plan: PlanSpec?
  /// The tables to read, in order.
  public var tables: [TableMapping]
  /// Where the `mapping` key is, for errors about the file as a whole.
  public var location: SourceLocation?

  /// Creates a mapping in code (tests, `infer`); files are loaded with ``load(path:)``.
  public init(
    name: String, version: Int = 1, description: String? = nil, path: String = "<memory>",
    match: MatchRule = MatchRule(), context: [ContextValue] = [],
    valueMaps: [String: ValueMap] = [:], plan: PlanSpec? = nil, tables: [TableMapping]
  ) {
    self.name = name
    self.version = version
    self.description = description
    self.path = path
    self.extends = nil
    self.match = match
    self.raggedRows = nil
    self.context = context
    self.valueMaps = valueMaps
    self.plan = plan
    self.tables = tables
    self.location = nil
  }
}

/// Which files a mapping is for: all the criteria given must hold.
public struct MatchRule: Sendable, Hashable {
  /// Glob patterns on the file name (not the folder), any of which may match; case-insensitive
  /// (`*arbetsplan*.xlsx`, `Grundskola - Betyg*.csv`).
  public var files: [String]
  /// Worksheet names that must all be present (case-insensitive).
  public var sheets: [String]
  /// Header words that must all appear in the first 30 rows of one worksheet (normalized).
  public var headers: [String]
  /// Breaks ties when several mappings match: the highest wins.
  public var priority: Int
  /// A custom document property the workbook must carry (`docProps/custom.xml`), e.g. the
  /// format RedThread writes into the workbooks it sends: the name compared ignoring case,
  /// the value exactly (after trimming).
  public var property: (name: String, value: String)? {
    get { propertyName.map { ($0, propertyValue ?? "") } }
    set {
      propertyName = newValue?.name
      propertyValue = newValue?.value
    }
  }
  private var propertyName: String?
  private var propertyValue: String?

  /// Creates a rule.
  public init(
    files: [String] = [], sheets: [String] = [], headers: [String] = [], priority: Int = 0,
    property: (name: String, value: String)? = nil
  ) {
    self.files = files
    self.sheets = sheets
    self.headers = headers
    self.priority = priority
    self.propertyName = property?.name
    self.propertyValue = property?.value
  }
}

/// A value read once per file and used by every table: the unit from a fixed cell, the period
/// from a preamble line or the file name, or a constant.
///
/// The names `unit` and `period` are special: records that do not map their own unit or
/// period take these.
public struct ContextValue: Sendable, Hashable {
  /// Where a context value comes from.
  public enum Source: Sendable, Hashable {
    /// A fixed cell: `Mål!B2` (sheet optional: the first worksheet).
    case cell(sheet: String?, CellReference)
    /// A labelled line or cell near the top of a sheet: `Valt läsår: 2024/25` (the text after
    /// the label in the same cell, or the next non-empty cell to its right). Several labels
    /// are synonyms, tried in order.
    case label([String], sheet: String?, within: Int)
    /// A regular expression on the file name; the named group `value` (or the first group)
    /// is the value.
    case fileName(regex: String)
    /// A constant.
    case constant(String)
    /// The name of the worksheet being read.
    case sheetName
  }

  /// The name (`unit`, `period`, `plan_title`).
  public var name: String
  /// Where the value comes from.
  public var source: Source
  /// How the text is read.
  public var transform: ValueTransform
  /// Whether a missing value is an error (`context-value-missing`).
  public var required: Bool
  /// Where it is declared.
  public var location: SourceLocation?

  /// Creates a context value.
  public init(
    name: String, source: Source, transform: ValueTransform = ValueTransform(),
    required: Bool = false, location: SourceLocation? = nil
  ) {
    self.name = name
    self.source = source
    self.transform = transform
    self.required = required
    self.location = location
  }
}

/// The plan record a file yields: a board's verksamhetsplan, a unit's arbetsplan, or a
/// statistics extract. Its unit and period are the context values `unit` and `period`.
public struct PlanSpec: Sendable, Hashable {
  /// The kind of plan.
  public var kind: Plan.Kind
  /// The title, as a template over context values (`Arbetsplan {unit_name} {period}`), or
  /// `nil`.
  public var title: String?
  /// Where it is declared.
  public var location: SourceLocation?

  /// Creates a plan spec.
  public init(kind: Plan.Kind, title: String? = nil, location: SourceLocation? = nil) {
    self.kind = kind
    self.title = title
    self.location = location
  }
}

/// A named map from the words people write to the words the model uses, e.g. status words,
/// emoji (`🟢`) or colour names (`grön`) to activity statuses. Keys compare normalized
/// (case, whitespace and dashes ignored).
public struct ValueMap: Sendable, Hashable {
  /// What happens to text the map does not list.
  public enum Otherwise: Sendable, Hashable {
    /// It is an error (`unknown-value`), with a did-you-mean.
    case error
    /// It passes through unchanged (`"*": keep`).
    case keep
    /// It becomes this word (`"*": other`).
    case value(String)
  }

  /// Unlisted text.
  public var otherwise: Otherwise
  /// Where it is declared.
  public var location: SourceLocation?

  private var keys: [String] = []
  private var values: [String] = []
  private var index: [String: Int] = [:]

  /// Creates a map from entries in order; a later duplicate key loses to the first.
  public init(
    _ entries: [(key: String, value: String)], otherwise: Otherwise = .error,
    location: SourceLocation? = nil
  ) {
    self.otherwise = otherwise
    self.location = location
    for (k, v) in entries { add(k, v) }
  }

  /// Adds an entry unless the key is already present.
  public mutating func add(_ key: String, _ value: String) {
    let n = TextMatching.normalized(key)
    guard index[n] == nil else { return }
    index[n] = keys.count
    keys.append(key)
    values.append(value)
  }

  /// The canonical word for a written text, compared normalized, or `nil` when unlisted.
  public func value(for text: String) -> String? {
    index[TextMatching.normalized(text)].map { values[$0] }
  }

  /// The written keys, in order.
  public var writtenKeys: [String] { keys }

  /// The entries in order.
  public var entries: [(key: String, value: String)] { zip(keys, values).map { ($0, $1) } }

  /// Equality by entries and fallback.
  public static func == (lhs: ValueMap, rhs: ValueMap) -> Bool {
    lhs.keys == rhs.keys && lhs.values == rhs.values && lhs.otherwise == rhs.otherwise
  }

  /// Hashes the entries.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(keys)
    hasher.combine(values)
    hasher.combine(otherwise)
  }
}
