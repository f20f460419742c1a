public import Canonical
public import Spreadsheet

/// The words of the report workbook: sheet names, headers and status words. Swedish by
/// default (``swedish``); a municipality may change any of them.
public struct ReportLabels: Hashable, Sendable {
  /// Sheet names, in order: summary, goals, nyckeltal, activities, units, red thread,
  /// checks. Each at most 31 characters.
  public var summarySheet = "Sammanfattning"
  /// The goals sheet.
  public var goalsSheet = "Måluppfyllelse"
  /// The nyckeltal sheet.
  public var kpisSheet = "Nyckeltal"
  /// The activities sheet.
  public var activitiesSheet = "Aktiviteter"
  /// The units sheet.
  public var unitsSheet = "Enheter"
  /// The red-thread sheet.
  public var redThreadSheet = "Röd tråd"
  /// The checks sheet.
  public var checksSheet = "Kontroll"
  /// The charts sheet.
  public var chartsSheet = "Diagram"

  /// The report's title; `{board}` is replaced by the board's name.
  public var title = "Nämndrapport – {board}"
  /// Title-block labels.
  public var municipality = "Kommun"
  /// Title-block label of the board.
  public var board = "Nämnd"
  /// Title-block label of the period.
  public var period = "Period"
  /// Title-block label of the report day for activities.
  public var asOf = "Bedömningsdag"
  /// Title-block label of the report's date.
  public var reportDate = "Rapportdatum"

  /// Summary: the board's goals, first on page 1.
  public var summaryGoalsHeader = [
    "Nämndmål", "Måluppfyllelse", "Underlag", "Nyckeltal uppnådda", "Försenade aktiviteter",
  ]
  /// Summary table headers.
  public var summaryHeader = ["Område", "Status", "Antal", "Andel"]
  /// Summary areas.
  public var summaryKPIs = "Nyckeltal"
  /// Summary area of goals.
  public var summaryGoals = "Måluppfyllelse"
  /// Summary area of activities.
  public var summaryActivities = "Aktiviteter"
  /// Summary area of units.
  public var summaryUnits = "Enheter"
  /// Summary area of checks.
  public var summaryChecks = "Kontroll"

  /// Goals sheet headers.
  public var goalsHeader = [
    "Nivå", "Enhet", "Mål-ID", "Mål", "Kopplat till", "Prioriterat", "Måluppfyllelse",
    "Underlag", "Nyckeltal uppnådda", "Försenade aktiviteter", "Analys",
  ]
  /// Måluppfyllelse: the header of a nämndmål's nyckeltal (each block repeats it).
  public var goalBlockHeader = [
    "Nyckeltal", "Enhet", "Målvärde", "Utfall", "Föregående", "Trend", "Status", "Riket",
  ]
  /// Måluppfyllelse: the header of a nämndmål's enhetsmål.
  public var goalBlockUnitHeader = [
    "Enhetsmål", "Enhet", "Nyckeltal uppnådda", "", "", "Försenade", "Måluppfyllelse", "",
  ]
  /// Måluppfyllelse: the labels of a block's lines.
  public var fulfilment = "Måluppfyllelse"
  /// The analysis line.
  public var analysis = "Analys"
  /// No analysis text.
  public var noAnalysis = "Ingen analys inlämnad."
  /// The block of enhetsmål aligned to no nämndmål.
  public var unalignedGoals = "Enhetsmål utan koppling till nämndmål"
  /// A board nyckeltal compiled from its units: `sammanställt från 4 enheter`.
  public var compiledFrom = "sammanställt från {n} enheter"
  /// A board nyckeltal that the roll-up rule cannot compile.
  public var notCompiled = "Ej sammanställt"
  /// Charts: the outcome series.
  public var outcomeSeries = "Utfall"
  /// Charts: the målvärde series.
  public var targetSeries = "Målvärde"
  /// Charts: the nation series.
  public var nationSeries = "Riket"
  /// Nyckeltal sheet: columns added when the source splits by gender or carries comparisons.
  public var femaleHeader = "Flickor/kvinnor (K)"
  /// Men and boys.
  public var maleHeader = "Pojkar/män (M)"
  /// The comparison series' column headers.
  public func comparisonHeader(_ series: ComparisonSeries) -> String {
    switch series {
    case .nation: return "Riket"
    case .county: return "Länet"
    case .similarMunicipalities: return "Liknande kommuner"
    }
  }

  /// Nyckeltal sheet headers.
  public var kpisHeader = [
    "Enhet", "Mål", "Nyckeltal-ID", "Nyckeltal", "Målvärde", "Utfall", "Utfall avser",
    "Föregående", "Föregående avser", "Trend", "Status", "Källa",
  ]
  /// Activities sheet headers.
  public var activitiesHeader = [
    "Enhet", "Mål", "Aktivitet", "Ansvarig", "Start", "Slut", "Status", "Försenad", "Kommentar",
  ]
  /// Units sheet headers.
  public var unitsHeader = [
    "Enhet", "Typ", "Inlämnad", "Fil", "Mål", "Varav prioriterade", "Nyckeltal",
    "Nyckeltal uppnådda", "Aktiviteter", "Aktiviteter enligt plan", "Försenade aktiviteter",
    "Fel", "Varningar",
  ]
  /// Red-thread sheet headers.
  public var redThreadHeader = [
    "Nationella mål", "KF-mål", "Nämndmål", "Enhet", "Enhetsmål", "Typ",
    "Nyckeltal / aktivitet", "Status", "Röd tråd",
  ]
  /// Checks sheet headers.
  public var checksHeader = [
    "Allvarlighet", "Kontroll", "Kod", "Fil", "Cell", "Avser", "Meddelande", "Åtgärd",
  ]

  /// Yes.
  public var yes = "Ja"
  /// No.
  public var no = "Nej"
  /// The leaf kinds of the red-thread sheet.
  public var kpiKind = "Nyckeltal"
  /// An activity leaf.
  public var activityKind = "Aktivitet"
  /// A whole thread.
  public var threadWhole = "Hel"
  /// A broken thread.
  public var threadBroken = "Bruten"
  /// Activity states of the summary: on track, done, delayed, cancelled.
  public var activityOnTrack = "Enligt plan"
  /// Done.
  public var activityDone = "Klar"
  /// Delayed.
  public var activityDelayed = "Försenad"
  /// Cancelled.
  public var activityCancelled = "Avbruten"
  /// Delivered.
  public var delivered = "Inlämnat"
  /// Not delivered.
  public var notDelivered = "Ej inlämnat"
  /// A goal with nothing to judge by (no assessment, no judged nyckeltal).
  public var notJudged = "Underlag saknas"
  /// Nyckeltal that cannot be judged (no outcome or no målvärde), after their count:
  /// `0 av 3 (1 kan ej bedömas)`.
  public var notJudgeable = "kan ej bedömas"
  /// The page footer's word before the page number: `Sida 3 av 12`.
  public var page = "Sida"
  /// A text line (CSV) in the cell column: `rad 12`.
  public var line = "rad"
  /// Whether the Kontroll sheet writes each diagnostic's message and hint in Swedish, from its
  /// code and values (``SwedishMessages``); `false` writes the command line's English.
  public var swedishMessages = true

  /// Creates the Swedish labels.
  public init() {}

  /// The Swedish labels, the default.
  public static let swedish = ReportLabels()

  /// A severity in words: `Fel`, `Varning`, `Information`.
  public func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return "Fel"
    case .warning: return "Varning"
    case .info: return "Information"
    }
  }

  /// A goal level in words: `Nämndmål`, `Enhetsmål`.
  public func level(_ level: Goal.Level) -> String {
    let label = level.swedishLabel
    return label.prefix(1).uppercased() + label.dropFirst()
  }
}
