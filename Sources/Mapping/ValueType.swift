/// How a cell's value is read into a canonical field.
///
/// Numbers accept Swedish and English notation; every numeric type keeps suppression and
/// missing tokens (`-`, `–`, `.`, `..`, `~100`, `Ej mätt`, blank) as a missing reason rather
/// than 0. See docs/mapping-language.md, "Types".
public enum ValueType: String, Sendable, Hashable, CaseIterable {
  /// Text, trimmed at both ends.
  case text
  /// A whole number: `12`, `1 204`, `12,0`.
  case integer
  /// A number: `47,8`, `4 102`, `1,234.5`, `12 %`, `137 600 kr`, `12,5 mnkr` (scaled).
  case number
  /// A percentage in points (0–100): `87,5 %`, a `0%`-formatted cell holding 0.875, or a bare
  /// number read as points or as a fraction, as the field's `input` declares.
  case percent
  /// A calendar day: an Excel date cell or serial, ISO `2026-03-03`, Swedish `3 mars 2026`.
  case date
  /// Yes or no: `Ja`/`Nej`, `X`/blank, `Sant`/`Falskt`, `True`/`False`, `1`/`0`.
  case boolean
  /// A period: `2024`, `2024/25`, `VT 2025`, `T2 2026`, `2026-Q3`, `kvartal 3 2026`,
  /// `2010 to 2011`, or a date inside the period (with `period_kind`).
  case period
  /// A target text: `Minst 88 %` (≥), `Max 13,2 %` (≤), `Under 5` (<), `Över 50` (>),
  /// `80–90 %` (range), `Öka`/`Minska` (direction only).
  case target
  /// A code kept as text, with leading zeros restored to `digits` (`180` → `0180`).
  case code
  /// Totalt/Flickor/Pojkar, T/K/M, Kvinnor/Män → `T`, `K`, `M`.
  case gender
  /// An activity status: `Pågår`, `Klar`, `Ej påbörjad`, `In Progress`, ...
  case status
  /// An assessment level: `Uppfyllt`, `Delvis uppfyllt`, `Ej uppfyllt`, `Ej bedömt`.
  case assessment
  /// A KPI direction: `Högre är bättre`, `Lägre är bättre`, `higher`, `lower`.
  case direction
  /// A goal level: `nationell`, `KF`, `nämnd`, `enhet` (or the English words).
  case goalLevel = "goal-level"
  /// A unit kind: `kommun`, `nämnd`, `skola`, `förskola`, `område`, ...
  case unitKind = "unit-kind"
}

/// The decimal mark of numbers written as text.
public enum DecimalMark: String, Sendable, Hashable, CaseIterable {
  /// `1 234,5` (Swedish): a comma before three digits is still a decimal comma.
  case comma
  /// `1,234.5` (English): a comma between digit groups separates thousands.
  case point
}

/// How a bare number in a percent field is read.
public enum PercentInput: String, Sendable, Hashable, CaseIterable {
  /// A bare number is already in points: `87.5` is 87.5 %.
  case points
  /// A bare number is a fraction: `0.875` is 87.5 %.
  case fraction
}

/// The order of period columns in a wide table.
public enum PeriodOrder: String, Sendable, Hashable, CaseIterable {
  /// Latest period first (Skolverket's "över tid" reports).
  case newestFirst = "newest-first"
  /// Earliest period first.
  case oldestFirst = "oldest-first"
  /// Not checked.
  case any
}

/// What the CSV reader does with a record that has more or fewer fields than the header.
public enum RaggedRowsPolicy: String, Sendable, Hashable, CaseIterable {
  /// Missing fields are read as empty; extra fields are kept.
  case pad
  /// The file is rejected at the first such record.
  case error
  /// The record is skipped with a diagnostic.
  case skip
}
