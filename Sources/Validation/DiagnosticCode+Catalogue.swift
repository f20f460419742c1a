public import Spreadsheet

extension DiagnosticCode {
  /// The did-you-mean of a reference that does not resolve, in English, from the arguments
  /// of ``Suggestion/arguments(for:candidates:unit:)``.
  static let suggestionHint =
    "[did you mean '{suggestion}' ({suggestionTitle})?][did you mean {suggestions|q|or}?]"
    + "[known {candidates}: {known}]"
  /// The did-you-mean in Swedish.
  static let swedishSuggestionHint =
    "[Menade du {suggestion} ({suggestionTitle})?][Menade du {suggestions|or}?]"
    + "[Kända {candidates}: {known}.]"

  // MARK: Board and scope

  /// The board named for validation is not among the units received.
  public static let unknownBoard = DiagnosticCode(
    id: "unknown-board", title: "Unknown board", swedishTitle: "Okänd nämnd",
    rule: "The board (nämnd) validated must be a unit of the unit register.",
    severity: .error, template: "board '{board}' is not in the unit register",
    swedishTemplate: "Nämnden '{board}' finns inte i enhetsregistret.", hint: suggestionHint,
    swedishHint: swedishSuggestionHint, scope: .dataset)

  /// A file is for a unit of another board.
  public static let unitOutsideBoard = DiagnosticCode(
    id: "unit-outside-board", title: "Unit outside the board",
    swedishTitle: "Enhet under annan nämnd",
    rule:
      "Every file validated for a board comes from the board itself or a unit under it; files of other boards' units are left out of the board's validation and report.",
    severity: .warning,
    template: "file is for unit '{unit}', which is not under board '{board}'",
    swedishTemplate: "Filen gäller {unit}, som inte hör till {board}.",
    hint: "send the file to its own board's inbox, or correct the unit in the file",
    swedishHint: "Lägg filen i inkorgen hos enhetens egen nämnd, eller rätta enheten i filen.",
    scope: .file)

  // MARK: The red thread

  /// An enhetsmål aligns to no nämndmål and no national goal.
  public static let unitGoalNotAligned = DiagnosticCode(
    id: "unit-goal-not-aligned", title: "Unit goal not aligned",
    swedishTitle: "Enhetsmål utan koppling uppåt",
    rule:
      "Every unit goal (enhetsmål) aligns to at least one board goal (nämndmål) or national goal (Lgr22, Lpfö18) that exists.",
    severity: .error,
    template:
      "enhetsmål '{goal}' is not aligned to a nämndmål or a national goal[; it aligns only to {reached}]",
    swedishTemplate:
      "Enhetsmålet {goal} är inte kopplat till något nämndmål eller nationellt mål[; det är bara kopplat till {reached}].",
    hint: "[align it to one of {options|q} or to a national goal]",
    swedishHint:
      "[Koppla målet till något av nämndmålen {options|or}, eller till ett nationellt mål.]",
    scope: .cell)

  /// A nämndmål traces to no KF-mål.
  public static let boardGoalNotTraced = DiagnosticCode(
    id: "board-goal-not-traced", title: "Board goal not traced to a council goal",
    swedishTitle: "Nämndmål utan koppling till KF-mål",
    rule: "Every board goal (nämndmål) aligns to at least one council goal (KF-mål) that exists.",
    severity: .error,
    template: "nämndmål '{goal}' does not trace to a KF-mål[; it aligns only to {reached}]",
    swedishTemplate:
      "Nämndmålet {goal} är inte kopplat till något KF-mål[; det är bara kopplat till {reached}].",
    hint: "[align it to one of {options|q}]",
    swedishHint: "[Koppla målet till något av KF-målen {options|or}.]", scope: .cell)

  /// A link points sideways or downward.
  public static let alignmentNotUpward = DiagnosticCode(
    id: "alignment-not-upward", title: "Link does not point upward",
    swedishTitle: "Koppling pekar inte uppåt",
    rule:
      "Goals align only to goals of a higher level (unit → board or national, board → council or national, council → national); a parent goal is at the same level or above.",
    severity: .error,
    template:
      "{level} '{goal}' {link} {targetLevel} '{reference}', which is {relation} it",
    swedishTemplate:
      "{level} {goal} {link} {level:targetLevel} {reference}, som ligger {relation}.",
    hint: "{upwardHint:link}", scope: .cell)

  /// A reference to a goal or indicator that does not exist.
  public static let unresolvedReference = DiagnosticCode(
    id: "unresolved-reference", title: "Reference does not resolve",
    swedishTitle: "Hänvisning till något som inte finns",
    rule:
      "Every goal reference (alignsTo, parent, the goal of a nyckeltal, activity or assessment) and every indicator reference of a målvärde names a record that exists for the board and period.",
    severity: .error,
    template: "{kind} '{owner}' refers to {targetKind} '{reference}', which does not exist",
    swedishTemplate:
      "{referrer:kind} hänvisar till {referenceKind:targetKind} '{reference}', som inte finns.",
    hint: suggestionHint, swedishHint: swedishSuggestionHint, scope: .cell)

  /// A reference to a unit that is not in the unit register.
  public static let unknownUnit = DiagnosticCode(
    id: "unknown-unit", title: "Unknown unit", swedishTitle: "Okänd enhet",
    rule: "Every unit id on a record names a unit of the unit register.",
    severity: .error,
    template: "{kind} '{owner}' names unit '{reference}', which is not in the unit register",
    swedishTemplate:
      "{unitOwner:kind} anger enheten '{reference}', som inte finns i enhetsregistret.",
    hint: suggestionHint, swedishHint: swedishSuggestionHint, scope: .cell)

  /// Goals that align to each other in a circle.
  public static let goalCycle = DiagnosticCode(
    id: "goal-cycle", title: "Goals form a cycle",
    swedishTitle: "Mål som pekar på varandra i cirkel",
    rule: "The alignsTo and parent links between goals form no cycle.",
    severity: .error, template: "goals form a cycle: {path}",
    swedishTemplate: "Målen hänvisar till varandra i en cirkel: {path}.",
    hint: "remove one of the links so that every goal points upward",
    swedishHint: "Ta bort en av kopplingarna så att varje mål pekar uppåt.", scope: .cell)

  // MARK: Breakdown

  /// A prioritised goal without a nyckeltal or activity.
  public static let goalWithoutBreakdown = DiagnosticCode(
    id: "goal-without-breakdown", title: "Prioritised goal not broken down",
    swedishTitle: "Prioriterat mål utan nyckeltal eller aktivitet",
    rule: "Every prioritised goal is followed by at least one nyckeltal or activity.",
    severity: .warning, template: "prioritised {level} '{goal}' has no nyckeltal and no activity",
    swedishTemplate: "Det prioriterade {level} {goal} har inget nyckeltal och ingen aktivitet.",
    hint: "add a nyckeltal or an activity with goal '{goal}', or unmark the priority",
    swedishHint:
      "Lägg till ett nyckeltal eller en aktivitet för målet {goal}, eller ta bort markeringen som prioriterat.",
    scope: .cell)

  /// A nyckeltal linked to no goal.
  public static let orphanKPI = DiagnosticCode(
    id: "orphan-kpi", title: "Nyckeltal without a goal", swedishTitle: "Nyckeltal utan mål",
    rule: "Every nyckeltal of a plan follows at least one goal.",
    severity: .error, template: "nyckeltal '{kpi}' ({name}) is linked to no goal",
    swedishTemplate: "Nyckeltalet {kpi} ({name}) är inte kopplat till något mål.",
    hint: "write the id of the goal the nyckeltal follows",
    swedishHint: "Skriv in id för det mål som nyckeltalet följer upp.", scope: .cell)

  /// An activity linked to no goal.
  public static let orphanActivity = DiagnosticCode(
    id: "orphan-activity", title: "Activity without a goal", swedishTitle: "Aktivitet utan mål",
    rule: "Every activity of a plan serves at least one goal.",
    severity: .error, template: "activity '{activity}' is linked to no goal",
    swedishTemplate: "Aktiviteten '{activity}' är inte kopplad till något mål.",
    hint: "write the id of the goal the activity serves",
    swedishHint: "Skriv in id för det mål som aktiviteten hör till.", scope: .cell)

  // MARK: Targets and outcomes

  /// A nyckeltal with no målvärde valid in the period.
  public static let missingTarget = DiagnosticCode(
    id: "missing-target", title: "Nyckeltal without a målvärde", swedishTitle: "Målvärde saknas",
    rule:
      "Every nyckeltal has a målvärde (target) for the unit that is valid in the period: set for the period itself or for a period containing it (the year, the läsår).",
    severity: .error, template: "nyckeltal '{kpi}' ({name}) has no målvärde for {period}",
    swedishTemplate: "Nyckeltalet {kpi} ({name}) saknar målvärde för {period}.",
    hint: "write a målvärde such as 'Minst 80 %' for {period} or its year",
    swedishHint: "Skriv ett målvärde, t.ex. 'Minst 80 %', för {period} eller för året.",
    scope: .cell)

  /// A målvärde asking for the opposite of the nyckeltal's direction.
  public static let targetDirectionConflict = DiagnosticCode(
    id: "target-direction-conflict", title: "Målvärde against the direction",
    swedishTitle: "Målvärde mot nyckeltalets riktning",
    rule:
      "A målvärde such as 'Minst' (at least) or 'Högst' (at most) agrees with the nyckeltal's direction (higher or lower is better).",
    severity: .warning,
    template:
      "målvärde '{target}' for nyckeltal '{kpi}' asks for {wanted} values, but {direction} is better",
    swedishTemplate:
      "Målvärdet '{target}' för nyckeltalet {kpi} kräver {direction:wanted} värden, men enligt nyckeltalets riktning är {direction} bättre.",
    hint: "check the målvärde and the nyckeltal's direction (Högre/Lägre är bättre)",
    swedishHint: "Kontrollera målvärdet och nyckeltalets riktning (Högre/Lägre är bättre).",
    scope: .cell)

  /// A målvärde written in another unit of measure than its nyckeltal.
  public static let targetUnitMismatch = DiagnosticCode(
    id: "target-unit-mismatch", title: "Målvärde in another unit",
    swedishTitle: "Målvärde i annan enhet än nyckeltalet",
    rule:
      "A målvärde is written in its nyckeltal's unit of measure: a share's målvärde in %, a cost's in kr; a '%' målvärde on a kr nyckeltal cannot be judged.",
    severity: .error,
    template:
      "målvärde '{target}' for nyckeltal '{kpi}' is in {targetUnit}, but the nyckeltal is measured in {kpiUnit}",
    swedishTemplate:
      "Målvärdet '{target}' för nyckeltalet {kpi} är angivet i {targetUnit}, men nyckeltalet mäts i {kpiUnit}.",
    hint: "write the målvärde in {kpiUnit}",
    swedishHint: "Skriv målvärdet i {kpiUnit}.", scope: .cell)

  /// A unit's målvärde asks for the opposite of the board's nyckeltal.
  public static let targetAgainstBoard = DiagnosticCode(
    id: "target-against-board", title: "Unit målvärde against the board's direction",
    swedishTitle: "Enhetens målvärde går mot nämndens riktning",
    rule:
      "A unit's målvärde for one of the board's nyckeltal asks for the direction the board does: 'Högst 230' on meritvärde, which the board wants higher, pulls against the board's goal.",
    severity: .warning,
    template:
      "målvärde '{target}' of unit '{unit}' for nyckeltal '{kpi}' asks for {wanted} values, but the board wants {direction} values",
    swedishTemplate:
      "Målvärdet '{target}' hos {unit} för nyckeltalet {kpi} kräver {direction:wanted} värden, men nämnden vill ha {direction:direction} värden.",
    hint: "check the målvärde against the board's ('Minst' or 'Högst')",
    swedishHint: "Jämför målvärdet med nämndens ('Minst' eller 'Högst') och rätta det.",
    scope: .cell)

  /// An outcome outside what its unit of measure allows.
  public static let implausibleOutcome = DiagnosticCode(
    id: "implausible-outcome", title: "Implausible outcome", swedishTitle: "Orimligt utfall",
    rule:
      "Outcomes (utfall) lie in the range of their measure: shares 0–100 %, meritvärde 0–340, betygspoäng 0–20, counts ≥ 0, costs > 0.",
    severity: .error,
    template:
      "utfall {value} for '{kpi}'[ ({period})] is outside {range:measure} for {measure}",
    swedishTemplate:
      "Utfallet {value|num} för nyckeltalet {kpi}[ ({period})] är orimligt: {plausible:measure}.",
    hint: "check the cell: {measure} lies in {range:measure}",
    swedishHint: "Kontrollera och rätta värdet i cellen.", scope: .cell)

  /// A total outside its female and male values.
  public static let totalOutsideGenderRange = DiagnosticCode(
    id: "total-outside-gender-range", title: "Total not between K and M",
    swedishTitle: "Totalt utanför flickor och pojkar (K och M)",
    rule:
      "For a share or an average split by gender, the total (T) lies between the values for women/girls (K) and men/boys (M).",
    severity: .warning,
    template:
      "utfall T {total} for '{kpi}'[ ({period})] is not between K {female} and M {male}",
    swedishTemplate:
      "Utfallet totalt (T) {total|num} för nyckeltalet {kpi}[ ({period})] ligger inte mellan utfallen för kvinnor/flickor (K) {female|num} och män/pojkar (M) {male|num}.",
    hint: "a share or average for everyone lies between the values for K and M",
    swedishHint:
      "En andel eller ett medelvärde för alla ligger mellan värdena för K och M; kontrollera de tre värdena.",
    scope: .cell)

  // MARK: Activities

  /// An activity that ends before it starts.
  public static let activityEndsBeforeStart = DiagnosticCode(
    id: "activity-ends-before-start", title: "Activity ends before it starts",
    swedishTitle: "Aktivitet slutar före start",
    rule: "An activity's end date is on or after its start date.",
    severity: .error, template: "activity '{activity}' ends {end}, before it starts {start}",
    swedishTemplate: "Aktiviteten '{activity}' slutar {end}, före sitt startdatum {start}.",
    hint: "check the start and end dates (are they swapped?)",
    swedishHint: "Kontrollera start- och slutdatum (har de bytt plats?).", scope: .cell)

  /// An activity past its end date that is not done.
  public static let activityDelayed = DiagnosticCode(
    id: "activity-delayed", title: "Activity delayed", swedishTitle: "Försenad aktivitet",
    rule:
      "An activity whose end date has passed (at the end of the period, or the date given) and that is neither done nor cancelled is delayed.",
    severity: .warning, template: "activity '{activity}' ended {end} but is '{status}' on {asOf}",
    swedishTemplate:
      "Aktiviteten '{activity}' skulle vara klar {end} men har status '{status}' den {asOf}.",
    hint: "set the status to Klar if it is done, or give a new end date and say why",
    swedishHint:
      "Sätt status till Klar om aktiviteten är genomförd; ange annars ett nytt slutdatum och skälet till förseningen.",
    scope: .cell)

  /// An activity reported done or ongoing before its start date.
  public static let activityStatusInconsistent = DiagnosticCode(
    id: "activity-status-inconsistent", title: "Activity status against its dates",
    swedishTitle: "Status stämmer inte med datum",
    rule:
      "An activity reported ongoing or done has a start date on or before the date of the report.",
    severity: .warning,
    template: "activity '{activity}' is '{status}' but starts {start}, after {asOf}",
    swedishTemplate:
      "Aktiviteten '{activity}' har status '{status}' men startar först {start}, efter {asOf}.",
    hint: "check the start date or the status",
    swedishHint: "Kontrollera startdatumet eller statusen.", scope: .cell)

  // MARK: Assessments

  /// A goal assessed partly or not fulfilled without an analysis.
  public static let missingAnalysis = DiagnosticCode(
    id: "missing-analysis", title: "Assessment without analysis", swedishTitle: "Analys saknas",
    rule: "A goal assessed as partly fulfilled or not fulfilled carries an analysis text.",
    severity: .warning, template: "{level} '{goal}' is assessed '{assessment}' without an analysis",
    swedishTemplate: "{level} {goal} är bedömt som '{assessment}' men saknar analys.",
    hint: "write what explains the result and what the unit will do",
    swedishHint: "Skriv en analys av vad som förklarar resultatet och vad enheten ska göra.",
    scope: .cell)

  // MARK: Coverage

  /// A unit under the board that delivered no file for the period.
  public static let missingDelivery = DiagnosticCode(
    id: "missing-delivery", title: "Unit delivered no file",
    swedishTitle: "Underlag saknas från enhet",
    rule: "Every active unit under the board delivers a plan or follow-up file for the period.",
    severity: .error, template: "{unit} ({unitID}) delivered no file for {period}",
    swedishTemplate: "{unit} ({unitID}) har inte lämnat in något underlag för {period}.",
    hint: "{deliveryHint:deliverer}", scope: .dataset)

  /// A unit that delivered several files for the period.
  public static let duplicateDelivery = DiagnosticCode(
    id: "duplicate-delivery", title: "Unit delivered several files",
    swedishTitle: "Flera filer från samma enhet",
    rule:
      "Each unit delivers one file per period; a corrected file replaces the earlier one rather than adding to it.",
    severity: .warning, template: "{unit} delivered {count} files for {period}: {files}",
    swedishTemplate: "{unit} har lämnat in {count} filer för {period}: {files}.",
    hint: "keep the corrected file only; the records of both are validated",
    swedishHint: "Behåll bara den rättade filen; nu granskas uppgifterna i alla filerna.",
    scope: .file)

  /// A file whose own period does not overlap the period being collected.
  public static let wrongPeriod = DiagnosticCode(
    id: "wrong-period", title: "File for another period",
    swedishTitle: "Fil för en annan period",
    rule:
      "A file dropped in the inbox while a period is collected is for that period, or for a period overlapping it; a file whose own period (from its content) lies outside is stored under its own period and never counted in the period collected.",
    severity: .warning,
    template:
      "the file is for {filePeriod}, not for {period} being collected; it is stored under {filePeriod} and not counted in {period}",
    swedishTemplate:
      "Filen gäller {filePeriod}, inte {period} som samlas in nu. Den sparas under {filePeriod} och räknas inte med i {period}.",
    hint:
      "if the file is meant for {period}, correct its period (in the title block) and drop it in the inbox again",
    swedishHint:
      "Är filen avsedd för {period}: rätta perioden i filens rubrikblock och lägg den i inkorgen igen.",
    scope: .file)

  /// A statistics file gives measurements an earlier file gave (same unit, KPI, period,
  /// gender and comparison series): the later received file's values count.
  public static let measurementReplaced = DiagnosticCode(
    id: "measurement-replaced", title: "Values given again by a later file",
    swedishTitle: "Värden ersatta av en senare fil",
    rule:
      "Each measurement (unit, KPI, period, gender, comparison series) counts once; when two files give it, the later received file's value counts.",
    severity: .warning,
    template: "'{file}' gives {count} values that '{replaced}' gave before; the later file counts",
    swedishTemplate:
      "{file} innehåller {count} värden som redan fanns i {replaced}; värdena i den senare filen gäller.",
    hint: "nothing to do if '{file}' is a correction; otherwise withdraw it",
    swedishHint: "Inget att göra om {file} är en rättelse; annars ta tillbaka den.",
    scope: .file)

  /// A KF-mål no nämndmål of the board aligns to.
  public static let uncoveredCouncilGoal = DiagnosticCode(
    id: "uncovered-council-goal", title: "Council goal not covered",
    swedishTitle: "KF-mål utan nämndmål",
    rule:
      "Every council goal (KF-mål) is covered by at least one board goal (nämndmål) of the board.",
    severity: .warning, template: "KF-mål '{goal}' is covered by no nämndmål of {board}",
    swedishTemplate: "Inget nämndmål hos {board} är kopplat till KF-målet {goal}.",
    hint: "align a nämndmål to '{goal}', or record that the board does not serve it",
    swedishHint:
      "Koppla ett nämndmål till KF-målet {goal}, eller notera att nämnden inte bidrar till det.",
    scope: .cell)

  // MARK: Identity

  /// An id used twice within one unit.
  public static let duplicateID = DiagnosticCode(
    id: "duplicate-id", title: "Duplicate id", swedishTitle: "Samma id två gånger",
    rule: "Goal, nyckeltal and activity ids are unique within a unit's plans.",
    severity: .error, template: "{kind} id '{id}' is used twice by {unit}[; first at {first}]",
    swedishTemplate:
      "{unit} använder id {id} två gånger för {idKind:kind}[; första gången i {first}].",
    hint: "give each {kind} its own id", swedishHint: "Ge varje {idKindOne:kind} ett eget id.",
    scope: .cell)

  /// One goal entered twice under two ids.
  public static let duplicateGoal = DiagnosticCode(
    id: "duplicate-goal", title: "Same goal under two ids", swedishTitle: "Samma mål under två id",
    rule: "A unit states each goal once: two goals of one owner and level do not share a title.",
    severity: .warning,
    template: "{level} '{goal}' has the same title as '{other}': {title}",
    swedishTemplate: "{level} {goal} har samma titel som {other}: '{title}'.",
    hint: "keep one of '{other}' and '{goal}' and point every link to it",
    swedishHint: "Behåll ett av målen {other} och {goal} och låt alla kopplingar peka på det.",
    scope: .cell)

  /// A Kolada series replaced by its successor, used without an explicit decision.
  public static let replacedKoladaSeries = DiagnosticCode(
    id: "replaced-kolada-series", title: "Replaced Kolada series",
    swedishTitle: "Ersatt Kolada-nyckeltal",
    rule:
      "A nyckeltal uses the current Kolada series: a series the Kolada catalogue states as replaced (e.g. N17494 → N17690), or one the municipality configures as replaced (e.g. N15419 → N15508), is used only when the configuration keeps it explicitly.",
    severity: .warning,
    template: "nyckeltal '{kpi}' is a Kolada series replaced by '{successor}'",
    swedishTemplate: "Nyckeltalet {kpi} är en Kolada-serie som har ersatts av {successor}.",
    hint:
      "use '{successor}', or list '{kpi}' as a kept series in the configuration; source: {source}",
    swedishHint:
      "Använd {successor}, eller ange {kpi} som en serie som behålls i konfigurationen. Källa: {source}.",
    scope: .cell)

  /// Every code, in the order of the documentation.
  public static let all: [DiagnosticCode] = [
    unknownBoard, unitOutsideBoard,
    unitGoalNotAligned, boardGoalNotTraced, alignmentNotUpward, unresolvedReference, unknownUnit,
    goalCycle,
    goalWithoutBreakdown, orphanKPI, orphanActivity,
    missingTarget, targetDirectionConflict, targetUnitMismatch, targetAgainstBoard,
    implausibleOutcome, totalOutsideGenderRange,
    activityEndsBeforeStart, activityDelayed, activityStatusInconsistent,
    missingAnalysis,
    missingDelivery, duplicateDelivery, uncoveredCouncilGoal,
    duplicateID, duplicateGoal, replacedKoladaSeries,
  ]

  /// The validator's entries for `docs/errors.md`: code, title and the rule with its
  /// severity, and the message templates in English and in Swedish (the board report's).
  public static let catalogue: [CodeDescription] = all.map {
    CodeDescription(
      code: $0.id, title: $0.title,
      explanation: "\($0.rule) Severity: \($0.severity.rawValue). Message: \($0.template) — "
        + "in the board report: \($0.swedishTemplate)")
  }

  /// The code with an id, if it is one of ``all``.
  public static func named(_ id: String) -> DiagnosticCode? {
    all.first { $0.id == id } ?? ingestion.first { $0.id == id }
  }

  /// The codes the pipeline gives while it takes a file, not a validation rule: they carry
  /// their arguments and Swedish like the rules' codes, and are listed in `docs/errors.md`
  /// with the pipeline's codes.
  public static let ingestion: [DiagnosticCode] = [wrongPeriod, measurementReplaced]
}
