public import Spreadsheet

extension DiagnosticCode {
  // MARK: Board and scope

  /// The board named for validation is not among the units received.
  public static let unknownBoard = DiagnosticCode(
    id: "unknown-board", title: "Unknown board", swedishTitle: "Okänd nämnd",
    rule: "The board (nämnd) validated must be a unit of the unit register.",
    severity: .error, template: "board '{board}' is not in the unit register", scope: .dataset)

  /// A file is for a unit of another board.
  public static let unitOutsideBoard = DiagnosticCode(
    id: "unit-outside-board", title: "Unit outside the board",
    swedishTitle: "Enhet under annan nämnd",
    rule:
      "Every file validated for a board comes from the board itself or a unit under it; files of other boards' units are left out of the board's validation and report.",
    severity: .warning,
    template: "file is for unit '{unit}', which is not under board '{board}'", scope: .file)

  // MARK: The red thread

  /// An enhetsmål aligns to no nämndmål and no national goal.
  public static let unitGoalNotAligned = DiagnosticCode(
    id: "unit-goal-not-aligned", title: "Unit goal not aligned",
    swedishTitle: "Enhetsmål utan koppling uppåt",
    rule:
      "Every unit goal (enhetsmål) aligns to at least one board goal (nämndmål) or national goal (Lgr22, Lpfö18) that exists.",
    severity: .error,
    template: "enhetsmål '{goal}' is not aligned to a nämndmål or a national goal{detail}",
    scope: .cell)

  /// A nämndmål traces to no KF-mål.
  public static let boardGoalNotTraced = DiagnosticCode(
    id: "board-goal-not-traced", title: "Board goal not traced to a council goal",
    swedishTitle: "Nämndmål utan koppling till KF-mål",
    rule: "Every board goal (nämndmål) aligns to at least one council goal (KF-mål) that exists.",
    severity: .error, template: "nämndmål '{goal}' does not trace to a KF-mål{detail}",
    scope: .cell)

  /// A link points sideways or downward.
  public static let alignmentNotUpward = DiagnosticCode(
    id: "alignment-not-upward", title: "Link does not point upward",
    swedishTitle: "Koppling pekar inte uppåt",
    rule:
      "Goals align only to goals of a higher level (unit → board or national, board → council or national, council → national); a parent goal is at the same level or above.",
    severity: .error,
    template:
      "{level} '{goal}' {link} {targetLevel} '{reference}', which is {relation} it",
    scope: .cell)

  /// A reference to a goal or indicator that does not exist.
  public static let unresolvedReference = DiagnosticCode(
    id: "unresolved-reference", title: "Reference does not resolve",
    swedishTitle: "Hänvisning till något som inte finns",
    rule:
      "Every goal reference (alignsTo, parent, the goal of a nyckeltal, activity or assessment) and every indicator reference of a målvärde names a record that exists for the board and period.",
    severity: .error,
    template: "{kind} '{owner}' refers to {targetKind} '{reference}', which does not exist",
    scope: .cell)

  /// A reference to a unit that is not in the unit register.
  public static let unknownUnit = DiagnosticCode(
    id: "unknown-unit", title: "Unknown unit", swedishTitle: "Okänd enhet",
    rule: "Every unit id on a record names a unit of the unit register.",
    severity: .error,
    template: "{kind} '{owner}' names unit '{reference}', which is not in the unit register",
    scope: .cell)

  /// Goals that align to each other in a circle.
  public static let goalCycle = DiagnosticCode(
    id: "goal-cycle", title: "Goals form a cycle",
    swedishTitle: "Mål som pekar på varandra i cirkel",
    rule: "The alignsTo and parent links between goals form no cycle.",
    severity: .error, template: "goals form a cycle: {path}", scope: .cell)

  // MARK: Breakdown

  /// A prioritised goal without a nyckeltal or activity.
  public static let goalWithoutBreakdown = DiagnosticCode(
    id: "goal-without-breakdown", title: "Prioritised goal not broken down",
    swedishTitle: "Prioriterat mål utan nyckeltal eller aktivitet",
    rule: "Every prioritised goal is followed by at least one nyckeltal or activity.",
    severity: .warning, template: "prioritised {level} '{goal}' has no nyckeltal and no activity",
    scope: .cell)

  /// A nyckeltal linked to no goal.
  public static let orphanKPI = DiagnosticCode(
    id: "orphan-kpi", title: "Nyckeltal without a goal", swedishTitle: "Nyckeltal utan mål",
    rule: "Every nyckeltal of a plan follows at least one goal.",
    severity: .error, template: "nyckeltal '{kpi}' ({name}) is linked to no goal", scope: .cell)

  /// An activity linked to no goal.
  public static let orphanActivity = DiagnosticCode(
    id: "orphan-activity", title: "Activity without a goal", swedishTitle: "Aktivitet utan mål",
    rule: "Every activity of a plan serves at least one goal.",
    severity: .error, template: "activity '{activity}' is linked to no goal",
    scope: .cell)

  // MARK: Targets and outcomes

  /// A nyckeltal with no målvärde valid in the period.
  public static let missingTarget = DiagnosticCode(
    id: "missing-target", title: "Nyckeltal without a målvärde", swedishTitle: "Målvärde saknas",
    rule:
      "Every nyckeltal has a målvärde (target) for the unit that is valid in the period: set for the period itself or for a period containing it (the year, the läsår).",
    severity: .error, template: "nyckeltal '{kpi}' ({name}) has no målvärde for {period}",
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
    scope: .cell)

  /// An outcome outside what its unit of measure allows.
  public static let implausibleOutcome = DiagnosticCode(
    id: "implausible-outcome", title: "Implausible outcome", swedishTitle: "Orimligt utfall",
    rule:
      "Outcomes (utfall) lie in the range of their measure: shares 0–100 %, meritvärde 0–340, betygspoäng 0–20, counts ≥ 0, costs > 0.",
    severity: .error,
    template: "utfall {value} for '{kpi}' ({period}) is outside {range} for {measure}",
    scope: .cell)

  /// A total outside its female and male values.
  public static let totalOutsideGenderRange = DiagnosticCode(
    id: "total-outside-gender-range", title: "Total not between K and M",
    swedishTitle: "Totalt utanför flickor och pojkar (K och M)",
    rule:
      "For a share or an average split by gender, the total (T) lies between the values for women/girls (K) and men/boys (M).",
    severity: .warning,
    template: "utfall T {total} for '{kpi}' ({period}) is not between K {female} and M {male}",
    scope: .cell)

  // MARK: Activities

  /// An activity that ends before it starts.
  public static let activityEndsBeforeStart = DiagnosticCode(
    id: "activity-ends-before-start", title: "Activity ends before it starts",
    swedishTitle: "Aktivitet slutar före start",
    rule: "An activity's end date is on or after its start date.",
    severity: .error, template: "activity '{activity}' ends {end}, before it starts {start}",
    scope: .cell)

  /// An activity past its end date that is not done.
  public static let activityDelayed = DiagnosticCode(
    id: "activity-delayed", title: "Activity delayed", swedishTitle: "Försenad aktivitet",
    rule:
      "An activity whose end date has passed (at the end of the period, or the date given) and that is neither done nor cancelled is delayed.",
    severity: .warning, template: "activity '{activity}' ended {end} but is '{status}' on {asOf}",
    scope: .cell)

  /// An activity reported done or ongoing before its start date.
  public static let activityStatusInconsistent = DiagnosticCode(
    id: "activity-status-inconsistent", title: "Activity status against its dates",
    swedishTitle: "Status stämmer inte med datum",
    rule:
      "An activity reported ongoing or done has a start date on or before the date of the report.",
    severity: .warning,
    template: "activity '{activity}' is '{status}' but starts {start}, after {asOf}", scope: .cell)

  // MARK: Assessments

  /// A goal assessed partly or not fulfilled without an analysis.
  public static let missingAnalysis = DiagnosticCode(
    id: "missing-analysis", title: "Assessment without analysis", swedishTitle: "Analys saknas",
    rule: "A goal assessed as partly fulfilled or not fulfilled carries an analysis text.",
    severity: .warning, template: "{level} '{goal}' is assessed '{assessment}' without an analysis",
    scope: .cell)

  // MARK: Coverage

  /// A unit under the board that delivered no file for the period.
  public static let missingDelivery = DiagnosticCode(
    id: "missing-delivery", title: "Unit delivered no file",
    swedishTitle: "Underlag saknas från enhet",
    rule: "Every active unit under the board delivers a plan or follow-up file for the period.",
    severity: .error, template: "{unit} ({unitID}) delivered no file for {period}",
    scope: .dataset)

  /// A unit that delivered several files for the period.
  public static let duplicateDelivery = DiagnosticCode(
    id: "duplicate-delivery", title: "Unit delivered several files",
    swedishTitle: "Flera filer från samma enhet",
    rule:
      "Each unit delivers one file per period; a corrected file replaces the earlier one rather than adding to it.",
    severity: .warning, template: "{unit} delivered {count} files for {period}: {files}",
    scope: .file)

  /// A KF-mål no nämndmål of the board aligns to.
  public static let uncoveredCouncilGoal = DiagnosticCode(
    id: "uncovered-council-goal", title: "Council goal not covered",
    swedishTitle: "KF-mål utan nämndmål",
    rule:
      "Every council goal (KF-mål) is covered by at least one board goal (nämndmål) of the board.",
    severity: .warning, template: "KF-mål '{goal}' is covered by no nämndmål of {board}",
    scope: .cell)

  // MARK: Identity

  /// An id used twice within one unit.
  public static let duplicateID = DiagnosticCode(
    id: "duplicate-id", title: "Duplicate id", swedishTitle: "Samma id två gånger",
    rule: "Goal, nyckeltal and activity ids are unique within a unit's plans.",
    severity: .error, template: "{kind} id '{id}' is used twice by {unit}; first at {first}",
    scope: .cell)

  /// One goal entered twice under two ids.
  public static let duplicateGoal = DiagnosticCode(
    id: "duplicate-goal", title: "Same goal under two ids", swedishTitle: "Samma mål under två id",
    rule: "A unit states each goal once: two goals of one owner and level do not share a title.",
    severity: .warning,
    template: "{level} '{goal}' has the same title as '{other}': {title}", scope: .cell)

  /// A Kolada series replaced by its successor, used without an explicit decision.
  public static let replacedKoladaSeries = DiagnosticCode(
    id: "replaced-kolada-series", title: "Replaced Kolada series",
    swedishTitle: "Ersatt Kolada-nyckeltal",
    rule:
      "A nyckeltal uses the current Kolada series: a series the Kolada catalogue states as replaced (e.g. N17494 → N17690), or one the municipality configures as replaced (e.g. N15419 → N15508), is used only when the configuration keeps it explicitly.",
    severity: .warning,
    template: "nyckeltal '{kpi}' is a Kolada series replaced by '{successor}'", scope: .cell)

  /// Every code, in the order of the documentation.
  public static let all: [DiagnosticCode] = [
    unknownBoard, unitOutsideBoard,
    unitGoalNotAligned, boardGoalNotTraced, alignmentNotUpward, unresolvedReference, unknownUnit,
    goalCycle,
    goalWithoutBreakdown, orphanKPI, orphanActivity,
    missingTarget, targetDirectionConflict, implausibleOutcome, totalOutsideGenderRange,
    activityEndsBeforeStart, activityDelayed, activityStatusInconsistent,
    missingAnalysis,
    missingDelivery, duplicateDelivery, uncoveredCouncilGoal,
    duplicateID, duplicateGoal, replacedKoladaSeries,
  ]

  /// The validator's entries for `docs/errors.md`: code, title and the rule with its
  /// severity.
  public static let catalogue: [CodeDescription] = all.map {
    CodeDescription(
      code: $0.id, title: $0.title,
      explanation: "\($0.rule) Severity: \($0.severity.rawValue). Message: \($0.template)")
  }

  /// The code with an id, if it is one of ``all``.
  public static func named(_ id: String) -> DiagnosticCode? { all.first { $0.id == id } }
}
