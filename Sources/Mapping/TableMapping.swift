public import Spreadsheet

/// One table of a workbook and how its rows become records of one entity.
public struct TableMapping: Sendable, Hashable {
  /// A label for explanations and for `extends` overrides (a table in a child mapping with the
  /// same name replaces the parent's fields one by one).
  public var name: String?
  /// Which worksheet(s) hold the table.
  public var sheet: SheetSelector
  /// Whether the table may be absent (its sheet or its header) without an error.
  public var optional: Bool
  /// The entity each data row becomes.
  public var entity: Entity
  /// How the header row is found.
  public var header: HeaderSpec
  /// Which rows are data.
  public var rows: RowRules
  /// Fields whose blank (or merged) cells take the value from the row above.
  public var fillDown: [String]
  /// Section rows (a goal row with its KPIs below it) that are not data but carry a parent.
  public var sections: [SectionSpec]
  /// The canonical fields, each from a column, a constant, the context or a section.
  public var fields: [ColumnMapping]
  /// Extra measurement dimensions (`huvudman`, `ämne`), kept in ``Canonical/Measurement``'s
  /// `dimensions`.
  public var dimensions: [ColumnMapping]
  /// Wide-to-long: each matching column of a row becomes its own record.
  public var unpivot: UnpivotSpec?
  /// A tree given by a level column and row order (a flat list such as a Stratsys export).
  public var tree: TreeSpec?
  /// For measurement tables: also emit one KPI record per distinct indicator, named by
  /// `kpi_name` (or the column header when unpivoting).
  public var emitKPIs: Bool
  /// Where it is declared.
  public var location: SourceLocation?

  /// Creates a table mapping.
  public init(
    name: String? = nil, sheet: SheetSelector = .first, optional: Bool = false, entity: Entity,
    header: HeaderSpec = HeaderSpec(), rows: RowRules = RowRules(), fillDown: [String] = [],
    sections: [SectionSpec] = [], fields: [ColumnMapping], dimensions: [ColumnMapping] = [],
    unpivot: UnpivotSpec? = nil, emitKPIs: Bool = false, location: SourceLocation? = nil
  ) {
    self.name = name
    self.sheet = sheet
    self.optional = optional
    self.entity = entity
    self.header = header
    self.rows = rows
    self.fillDown = fillDown
    self.sections = sections
    self.fields = fields
    self.dimensions = dimensions
    self.unpivot = unpivot
    self.emitKPIs = emitKPIs
    self.location = location
  }

  /// The field mapping with a name, if declared.
  public func field(_ name: String) -> ColumnMapping? { fields.first { $0.name == name } }
}

/// Which worksheet(s) a table is on.
public enum SheetSelector: Sendable, Hashable {
  /// The first worksheet (the only one of a CSV file).
  case first
  /// The first worksheet whose name is one of these (case-insensitive, normalized).
  case named([String])
  /// The first worksheet whose name matches the regular expression.
  case regex(String)
  /// Every worksheet that has the table's header, each read in turn; the sheet name is
  /// available as a field source (`sheet_name: true`).
  case every
}

/// How a table's header row is found.
public struct HeaderSpec: Sendable, Hashable {
  /// A fixed 1-based row number, as shown in Excel.
  public var row: Int?
  /// Words that must all appear in the header row (each entry a list of synonyms); the first
  /// row within ``within`` rows that has them is the header. With neither `row` nor `find`,
  /// the row that names the most of the table's columns is chosen.
  public var find: [[String]]
  /// How many rows from the top to search (default 50).
  public var within: Int
  /// 1 for a plain header; 2 when a group row stands above the header ("Utfall" over
  /// "2023 | 2024 | 2025", "Flickor" over "Antal elever").
  public var rows: Int
  /// Whether a blank group cell takes the group to its left (groups written once, not merged).
  public var groupFillRight: Bool
  /// Whether the header repeats as a sub-header in every section: data rows are then only
  /// those after a header row and before the next blank row, section row or another
  /// table's header row.
  public var repeats: Bool = false
  /// Where it is declared.
  public var location: SourceLocation?

  /// Creates a header spec.
  public init(
    row: Int? = nil, find: [[String]] = [], within: Int = 50, rows: Int = 1,
    groupFillRight: Bool = true, location: SourceLocation? = nil
  ) {
    self.row = row
    self.find = find
    self.within = within
    self.rows = rows
    self.groupFillRight = groupFillRight
    self.location = location
  }
}

/// Which rows below the header are data.
public struct RowRules: Sendable, Hashable {
  /// Skip rows whose cells are all blank (default `true`).
  public var skipBlank: Bool
  /// Stop at the first blank row after the header (notes and definitions follow).
  public var stopAtBlank: Bool
  /// Stop before the first row matching any of these.
  public var stopWhen: [RowCondition]
  /// Skip rows matching any of these.
  public var skipWhen: [RowCondition]
  /// Keep only rows matching all of these.
  public var keepWhen: [RowCondition]
  /// Skip total rows: the first text cell (or ``totalsColumn``) equals one of these words
  /// (`Totalt`, `Summa`, `Riket`).
  public var skipTotals: [String]
  /// The column whose text marks a total row.
  public var totalsColumn: ColumnSelector?
  /// Rows that continue the record above (a comment or a title wrapped onto the next row):
  /// their texts are added, on a new line, to the same columns of the row above.
  public var continuesWhen: [RowCondition] = []
  /// Where it is declared.
  public var location: SourceLocation?

  /// Creates row rules.
  public init(
    skipBlank: Bool = true, stopAtBlank: Bool = false, stopWhen: [RowCondition] = [],
    skipWhen: [RowCondition] = [], keepWhen: [RowCondition] = [], skipTotals: [String] = [],
    totalsColumn: ColumnSelector? = nil, location: SourceLocation? = nil
  ) {
    self.skipBlank = skipBlank
    self.stopAtBlank = stopAtBlank
    self.stopWhen = stopWhen
    self.skipWhen = skipWhen
    self.keepWhen = keepWhen
    self.skipTotals = skipTotals
    self.totalsColumn = totalsColumn
    self.location = location
  }
}

/// A test on one cell of a row: equals one of some words, matches a pattern, or is blank.
public struct RowCondition: Sendable, Hashable {
  /// The column tested; `nil` tests the row's first non-empty cell.
  public var column: ColumnSelector?
  /// Words the text must equal (normalized), any of them.
  public var equals: [String]
  /// A regular expression the text must match; named groups are available to sections.
  public var regex: String?
  /// `true`: the cell must be blank; `false`: it must not be.
  public var blank: Bool?
  /// The names of tree levels (`tree:`) the row must be at, any of them; empty: any row.
  public var treeLevel: [String]
  /// Where it is declared.
  public var location: SourceLocation?

  /// Creates a condition.
  public init(
    column: ColumnSelector? = nil, equals: [String] = [], regex: String? = nil,
    blank: Bool? = nil, treeLevel: [String] = [], location: SourceLocation? = nil
  ) {
    self.column = column
    self.equals = equals
    self.regex = regex
    self.blank = blank
    self.treeLevel = treeLevel
    self.location = location
  }
}

/// Section rows: rows that are not data but head the rows below them (a goal row over its
/// targets, a pillar over its focus areas). The section's values are available to the data
/// rows below through the field source `section`.
public struct SectionSpec: Sendable, Hashable {
  /// The section's name (`goal`), used by `section: goal` in fields.
  public var name: String
  /// Which rows open a section.
  public var when: RowCondition
  /// Further conditions that must also hold (`when:` written as a list tests several cells).
  public var alsoWhen: [RowCondition] = []
  /// When set, each section row is also emitted as a record of this entity.
  public var entity: Entity?
  /// The section's fields; templates may use the named groups of `when.regex`.
  public var fields: [ColumnMapping]
  /// Where it is declared.
  public var location: SourceLocation?

  /// Creates a section spec.
  public init(
    name: String, when: RowCondition, alsoWhen: [RowCondition] = [], entity: Entity? = nil,
    fields: [ColumnMapping] = [], location: SourceLocation? = nil
  ) {
    self.name = name
    self.when = when
    self.alsoWhen = alsoWhen
    self.entity = entity
    self.fields = fields
    self.location = location
  }
}

/// Wide to long: each matching column of a data row becomes its own record, with fields taken
/// from the column's header (`from: header`), its group (`from: group`) or the named groups
/// of `columns_regex` (`from: period`).
public struct UnpivotSpec: Sendable, Hashable {
  /// Header names of the columns to unpivot (normalized), or empty.
  public var columns: [String]
  /// A regular expression on the header text; its named groups become header parts.
  public var columnsRegex: String?
  /// Group names (two-row headers) whose columns are unpivoted.
  public var groups: [String]
  /// A regular expression on the group text; its named groups become header parts.
  public var groupRegex: String?
  /// Every column no field uses (`columns: "*"`).
  public var allOtherColumns: Bool
  /// Header names never unpivoted (descriptive columns such as `Kommun`, `Län`).
  public var except: [String]
  /// Fields filled from the column (`kpi`, `period`, `gender`), sources `from:`.
  public var fields: [ColumnMapping]
  /// How the cell itself is read (the record's `value`, or `outcome` for KPI tables).
  public var value: ColumnMapping
  /// The expected order of period columns; violations are reported.
  public var order: PeriodOrder
  /// Whether blank cells still make records (missing reason `blank`).
  public var keepBlank: Bool
  /// Where it is declared.
  public var location: SourceLocation?

  /// Creates an unpivot spec.
  public init(
    columns: [String] = [], columnsRegex: String? = nil, groups: [String] = [],
    groupRegex: String? = nil, allOtherColumns: Bool = false, except: [String] = [],
    fields: [ColumnMapping] = [],
    value: ColumnMapping, order: PeriodOrder = .any, keepBlank: Bool = false,
    location: SourceLocation? = nil
  ) {
    self.columns = columns
    self.columnsRegex = columnsRegex
    self.groups = groups
    self.groupRegex = groupRegex
    self.allOtherColumns = allOtherColumns
    self.except = except
    self.fields = fields
    self.value = value
    self.order = order
    self.keepBlank = keepBlank
    self.location = location
  }
}
