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
    id: "unknown-board", section: .redThread, scope: .dataset, title: "Unknown board",
    rule: "The board (nämnd) validated must be a unit of the unit register.",
    template: "board '{board}' is not in the unit register", hint: suggestionHint,
    swedish: SwedishTexts(
      title: "Okänd nämnd", controller: "Nämnden '{board}' finns inte i enhetsregistret.",
      controllerHint: swedishSuggestionHint,
      sender: "Nämnden '{board}' finns inte i enhetsregistret.",
      senderHint:
        "Du behöver inte ändra något i din fil; den som sammanställer uppföljningen rättar detta."))

  /// A file is for a unit of another board.
  public static let unitOutsideBoard = DiagnosticCode(
    id: "unit-outside-board", section: .redThread, severity: .warning, scope: .file,
    title: "Unit outside the board",
    rule:
      "Every file validated for a board comes from the board itself or a unit under it; files of other boards' units are left out of the board's validation and report.",
    template: "file is for unit '{unit}', which is not under board '{board}'",
    hint: "send the file to its own board's inbox, or correct the unit in the file",
    swedish: SwedishTexts(
      title: "Enhet under annan nämnd",
      controller: "Filen gäller {unit}, som inte hör till {board}.",
      controllerHint: "Lägg filen i inkorgen hos enhetens egen nämnd, eller rätta enheten i filen.",
      sender: "Filen gäller {unit}, som inte hör till {board}.",
      senderHint: "Kontrollera att enhetens namn i filen är rätt stavat."))

  // MARK: The red thread

  /// An enhetsmål aligns to no nämndmål and no national goal.
  public static let unitGoalNotAligned = DiagnosticCode(
    id: "unit-goal-not-aligned", section: .redThread, scope: .cell, title: "Unit goal not aligned",
    rule:
      "Every unit goal (enhetsmål) aligns to at least one board goal (nämndmål) or national goal (Lgr22, Lpfö18) that exists.",
    template:
      "enhetsmål '{goal}' is not aligned to a nämndmål or a national goal[; it aligns only to {reached}]",
    hint: "[align it to one of {options|q} or to a national goal]",
    swedish: SwedishTexts(
      title: "Enhetsmål utan koppling uppåt",
      controller:
        "Enhetsmålet {goal} är inte kopplat till något nämndmål eller nationellt mål[; det är bara kopplat till {reached}].",
      controllerHint:
        "[Koppla målet till något av nämndmålen {options|or}, eller till ett nationellt mål.]",
      sender: "Enhetsmålet {goal} är inte kopplat till något nämndmål eller nationellt mål.",
      senderHint: "Skriv vilket nämndmål eller nationellt mål som enhetsmålet bidrar till."))

  /// A nämndmål traces to no KF-mål.
  public static let boardGoalNotTraced = DiagnosticCode(
    id: "board-goal-not-traced", section: .redThread, scope: .cell,
    title: "Board goal not traced to a council goal",
    rule: "Every board goal (nämndmål) aligns to at least one council goal (KF-mål) that exists.",
    template: "nämndmål '{goal}' does not trace to a KF-mål[; it aligns only to {reached}]",
    hint: "[align it to one of {options|q}]",
    swedish: SwedishTexts(
      title: "Nämndmål utan koppling till KF-mål",
      controller:
        "Nämndmålet {goal} är inte kopplat till något KF-mål[; det är bara kopplat till {reached}].",
      controllerHint: "[Koppla målet till något av KF-målen {options|or}.]",
      sender: "Nämndmålet {goal} är inte kopplat till något KF-mål.",
      senderHint: "Skriv vilket KF-mål som nämndmålet bidrar till."))

  /// A link points sideways or downward.
  public static let alignmentNotUpward = DiagnosticCode(
    id: "alignment-not-upward", section: .redThread, scope: .cell,
    title: "Link does not point upward",
    rule:
      "Goals align only to goals of a higher level (unit → board or national, board → council or national, council → national); a parent goal is at the same level or above.",
    template: "{level} '{goal}' {link} {targetLevel} '{reference}', which is {relation} it",
    hint: "{upwardHint:link}",
    swedish: SwedishTexts(
      title: "Koppling pekar inte uppåt",
      controller: "{level} {goal} {link} {level:targetLevel} {reference}, som ligger {relation}.",
      controllerHint: "{upwardHint:link}",
      sender: "{level} {goal} {link} {level:targetLevel} {reference}, som ligger {relation}.",
      senderHint:
        "Koppla målet till ett mål på en högre nivå: ett nämndmål, ett KF-mål eller ett nationellt mål."
    ))

  /// A reference to a goal or indicator that does not exist.
  public static let unresolvedReference = DiagnosticCode(
    id: "unresolved-reference", section: .redThread, scope: .cell,
    title: "Reference does not resolve",
    rule:
      "Every goal reference (alignsTo, parent, the goal of a nyckeltal, activity or assessment) and every indicator reference of a målvärde names a record that exists for the board and period.",
    template: "{kind} '{owner}' refers to {targetKind} '{reference}', which does not exist",
    hint: suggestionHint,
    swedish: SwedishTexts(
      title: "Hänvisning till något som inte finns",
      controller:
        "{referrer:kind} hänvisar till {referenceKind:targetKind} '{reference}', som inte finns.",
      controllerHint: swedishSuggestionHint,
      sender:
        "{referrer:kind} hänvisar till {referenceKind:targetKind} '{reference}', som inte finns.",
      senderHint: "[Menade du {suggestion}? ]Skriv id:t så som det står i verksamhetsplanen."))

  /// A reference to a unit that is not in the unit register.
  public static let unresolvedUnit = DiagnosticCode(
    id: "unresolved-unit", section: .redThread, scope: .cell, title: "Unit not in the register",
    rule: "Every unit id on a record names a unit of the unit register.",
    template: "{kind} '{owner}' names unit '{reference}', which is not in the unit register",
    hint: suggestionHint,
    swedish: SwedishTexts(
      title: "Enhet saknas i registret",
      controller: "{unitOwner:kind} anger enheten '{reference}', som inte finns i enhetsregistret.",
      controllerHint: swedishSuggestionHint,
      sender: "{unitOwner:kind} anger enheten '{reference}', som inte finns i enhetsregistret.",
      senderHint: "[Menade du {suggestion}? ]Skriv enhetens namn så som kommunen skriver det."))

  /// Goals that align to each other in a circle.
  public static let goalCycle = DiagnosticCode(
    id: "goal-cycle", section: .redThread, scope: .cell, title: "Goals form a cycle",
    rule: "The alignsTo and parent links between goals form no cycle.",
    template: "goals form a cycle: {path}",
    hint: "remove one of the links so that every goal points upward",
    swedish: SwedishTexts(
      title: "Mål som pekar på varandra i cirkel",
      controller: "Målen hänvisar till varandra i en cirkel: {path}.",
      controllerHint: "Ta bort en av kopplingarna så att varje mål pekar uppåt.",
      sender: "Målen hänvisar till varandra i en cirkel: {path}.",
      senderHint: "Ändra kopplingarna så att varje mål pekar uppåt, mot ett mål på en högre nivå."))

  // MARK: Breakdown

  /// A prioritised goal without a nyckeltal or activity.
  public static let goalWithoutBreakdown = DiagnosticCode(
    id: "goal-without-breakdown", section: .redThread, severity: .warning, scope: .cell,
    title: "Prioritised goal not broken down",
    rule: "Every prioritised goal is followed by at least one nyckeltal or activity.",
    template: "prioritised {level} '{goal}' has no nyckeltal and no activity",
    hint: "add a nyckeltal or an activity with goal '{goal}', or unmark the priority",
    swedish: SwedishTexts(
      title: "Prioriterat mål utan nyckeltal eller aktivitet",
      controller: "Det prioriterade {level} {goal} har inget nyckeltal och ingen aktivitet.",
      controllerHint:
        "Lägg till ett nyckeltal eller en aktivitet för målet {goal}, eller ta bort markeringen som prioriterat.",
      sender: "Det prioriterade {level} {goal} har inget nyckeltal och ingen aktivitet.",
      senderHint:
        "Lägg till minst ett nyckeltal eller en aktivitet under målet, eller ta bort markeringen att det är prioriterat."
    ))

  /// A nyckeltal linked to no goal.
  public static let orphanKPI = DiagnosticCode(
    id: "orphan-kpi", section: .redThread, scope: .cell, title: "Nyckeltal without a goal",
    rule: "Every nyckeltal of a plan follows at least one goal.",
    template: "nyckeltal '{kpi}' ({name}) is linked to no goal",
    hint: "write the id of the goal the nyckeltal follows",
    swedish: SwedishTexts(
      title: "Nyckeltal utan mål",
      controller: "Nyckeltalet {kpi} ({name}) är inte kopplat till något mål.",
      controllerHint: "Skriv in id för det mål som nyckeltalet följer upp.",
      sender: "Nyckeltalet {kpi} ({name}) är inte kopplat till något mål.",
      senderHint: "Skriv vilket mål nyckeltalet hör till."))

  /// An activity linked to no goal.
  public static let orphanActivity = DiagnosticCode(
    id: "orphan-activity", section: .redThread, scope: .cell, title: "Activity without a goal",
    rule: "Every activity of a plan serves at least one goal.",
    template: "activity '{activity}' is linked to no goal",
    hint: "write the id of the goal the activity serves",
    swedish: SwedishTexts(
      title: "Aktivitet utan mål",
      controller: "Aktiviteten '{activity}' är inte kopplad till något mål.",
      controllerHint: "Skriv in id för det mål som aktiviteten hör till.",
      sender: "Aktiviteten '{activity}' är inte kopplad till något mål.",
      senderHint: "Skriv vilket mål aktiviteten hör till."))

  // MARK: Targets and outcomes

  /// A nyckeltal with no målvärde valid in the period.
  public static let missingTarget = DiagnosticCode(
    id: "missing-target", section: .redThread, scope: .cell, title: "Nyckeltal without a målvärde",
    rule:
      "Every nyckeltal has a målvärde (target) for the unit that is valid in the period: set for the period itself or for a period containing it (the year, the läsår).",
    template: "nyckeltal '{kpi}' ({name}) has no målvärde for {period}",
    hint: "write a målvärde such as 'Minst 80 %' for {period} or its year",
    swedish: SwedishTexts(
      title: "Målvärde saknas",
      controller: "Nyckeltalet {kpi} ({name}) saknar målvärde för {period}.",
      controllerHint: "Skriv ett målvärde, t.ex. 'Minst 80 %', för {period} eller för året.",
      sender: "Nyckeltalet {kpi} ({name}) saknar målvärde för {period}.",
      senderHint: "Skriv ett målvärde för {period}, t.ex. 'Minst 80 %'."))

  /// A målvärde asking for the opposite of the nyckeltal's direction.
  public static let targetDirectionConflict = DiagnosticCode(
    id: "target-direction-conflict", section: .redThread, severity: .warning, scope: .cell,
    title: "Målvärde against the direction",
    rule:
      "A målvärde such as 'Minst' (at least) or 'Högst' (at most) agrees with the nyckeltal's direction (higher or lower is better).",
    template:
      "målvärde '{target}' for nyckeltal '{kpi}' asks for {wanted} values, but {direction} is better",
    hint: "check the målvärde and the nyckeltal's direction (Högre/Lägre är bättre)",
    swedish: SwedishTexts(
      title: "Målvärde mot nyckeltalets riktning",
      controller:
        "Målvärdet '{target}' för nyckeltalet {kpi} kräver {direction:wanted} värden, men enligt nyckeltalets riktning är {direction} bättre.",
      controllerHint: "Kontrollera målvärdet och nyckeltalets riktning (Högre/Lägre är bättre).",
      sender:
        "Målvärdet '{target}' för nyckeltalet {kpi} kräver {direction:wanted} värden, men enligt nyckeltalets riktning är {direction} bättre.",
      senderHint:
        "Kontrollera att målvärdet och riktningen (högre eller lägre är bättre) stämmer med varandra."
    ))

  /// A målvärde in another unit of measure than its nyckeltal.
  public static let targetUnitMismatch = DiagnosticCode(
    id: "target-unit-mismatch", section: .redThread, scope: .cell,
    title: "Målvärde in another unit",
    rule:
      "A målvärde is written in its nyckeltal's unit of measure: a share's målvärde in %, a cost's in kr; a '%' målvärde on a kr nyckeltal cannot be judged.",
    template:
      "målvärde '{target}' for nyckeltal '{kpi}' is in {targetUnit}, but the nyckeltal is measured in {kpiUnit}",
    hint: "write the målvärde in {kpiUnit}",
    swedish: SwedishTexts(
      title: "Målvärde i annan enhet än nyckeltalet",
      controller:
        "Målvärdet '{target}' för nyckeltalet {kpi} är angivet i {targetUnit}, men nyckeltalet mäts i {kpiUnit}.",
      controllerHint: "Skriv målvärdet i {kpiUnit}.",
      sender:
        "Målvärdet '{target}' för nyckeltalet {kpi} är angivet i {targetUnit}, men nyckeltalet mäts i {kpiUnit}.",
      senderHint: "Skriv målvärdet i {kpiUnit}."),
    example: ["target": "Minst 80 %", "kpi": "N15008", "targetUnit": "%", "kpiUnit": "kr"])

  /// A unit's målvärde asking for the opposite of the board's nyckeltal.
  public static let targetAgainstBoard = DiagnosticCode(
    id: "target-against-board", section: .redThread, severity: .warning, scope: .cell,
    title: "Unit målvärde against the board's direction",
    rule:
      "A unit's målvärde for one of the board's nyckeltal asks for the direction the board does: 'Högst 230' on meritvärde, which the board wants higher, pulls against the board's goal.",
    template:
      "målvärde '{target}' of unit '{unit}' for nyckeltal '{kpi}' asks for {wanted} values, but the board wants {direction} values",
    hint: "check the målvärde against the board's ('Minst' or 'Högst')",
    swedish: SwedishTexts(
      title: "Enhetens målvärde går mot nämndens riktning",
      controller:
        "Målvärdet '{target}' hos {unit} för nyckeltalet {kpi} kräver {direction:wanted} värden, men nämnden vill ha {direction:direction} värden.",
      controllerHint: "Jämför målvärdet med nämndens ('Minst' eller 'Högst') och rätta det.",
      sender:
        "Målvärdet '{target}' för nyckeltalet {kpi} kräver {direction:wanted} värden, men nämnden vill ha {direction:direction} värden.",
      senderHint: "Jämför målvärdet med nämndens ('Minst' eller 'Högst') och rätta det."),
    example: [
      "target": "Högst 230", "unit": "Petreskolan", "kpi": "N15504", "wanted": "lower",
      "direction": "higher",
    ])

  /// An outcome outside what its unit of measure allows.
  public static let implausibleOutcome = DiagnosticCode(
    id: "implausible-outcome", section: .redThread, scope: .cell, title: "Implausible outcome",
    rule:
      "Outcomes (utfall) lie in the range of their measure: shares 0–100 %, meritvärde 0–340, betygspoäng 0–20, counts ≥ 0, costs > 0.",
    template: "utfall {value} for '{kpi}'[ ({period})] is outside {range:measure} for {measure}",
    hint: "check the cell: {measure} lies in {range:measure}",
    swedish: SwedishTexts(
      title: "Orimligt utfall",
      controller:
        "Utfallet {value|num} för nyckeltalet {kpi}[ ({period})] är orimligt: {plausible:measure}.",
      controllerHint: "Kontrollera och rätta värdet i cellen.",
      sender:
        "Utfallet {value|num} för nyckeltalet {kpi}[ ({period})] är orimligt: {plausible:measure}.",
      senderHint:
        "Kontrollera utfallet; det kan vara skrivet i fel enhet, t.ex. ett antal i stället för en andel."
    ))

  /// A total outside its female and male values.
  public static let totalOutsideGenderRange = DiagnosticCode(
    id: "total-outside-gender-range", section: .redThread, severity: .warning, scope: .cell,
    title: "Total not between K and M",
    rule:
      "For a share or an average split by gender, the total (T) lies between the values for women/girls (K) and men/boys (M).",
    template: "utfall T {total} for '{kpi}'[ ({period})] is not between K {female} and M {male}",
    hint: "a share or average for everyone lies between the values for K and M",
    swedish: SwedishTexts(
      title: "Totalt utanför flickor och pojkar (K och M)",
      controller:
        "Utfallet totalt (T) {total|num} för nyckeltalet {kpi}[ ({period})] ligger inte mellan utfallen för kvinnor/flickor (K) {female|num} och män/pojkar (M) {male|num}.",
      controllerHint:
        "En andel eller ett medelvärde för alla ligger mellan värdena för K och M; kontrollera de tre värdena.",
      sender:
        "Utfallet totalt (T) {total|num} för nyckeltalet {kpi}[ ({period})] ligger inte mellan utfallen för kvinnor/flickor (K) {female|num} och män/pojkar (M) {male|num}.",
      senderHint: "Kontrollera utfallen för totalt, flickor och pojkar."))

  // MARK: Activities

  /// An activity that ends before it starts.
  public static let activityEndsBeforeStart = DiagnosticCode(
    id: "activity-ends-before-start", section: .redThread, scope: .cell,
    title: "Activity ends before it starts",
    rule: "An activity's end date is on or after its start date.",
    template: "activity '{activity}' ends {end}, before it starts {start}",
    hint: "check the start and end dates (are they swapped?)",
    swedish: SwedishTexts(
      title: "Aktivitet slutar före start",
      controller: "Aktiviteten '{activity}' slutar {end}, före sitt startdatum {start}.",
      controllerHint: "Kontrollera start- och slutdatum (har de bytt plats?).",
      sender: "Aktiviteten '{activity}' slutar {end}, före sitt startdatum {start}.",
      senderHint: "Rätta start- eller slutdatumet."))

  /// An activity past its end date that is not done.
  public static let activityDelayed = DiagnosticCode(
    id: "activity-delayed", section: .redThread, severity: .warning, scope: .cell,
    title: "Activity delayed",
    rule:
      "An activity whose end date has passed (at the end of the period, or the date given) and that is neither done nor cancelled is delayed.",
    template: "activity '{activity}' ended {end} but is '{status}' on {asOf}",
    hint: "set the status to Klar if it is done, or give a new end date and say why",
    swedish: SwedishTexts(
      title: "Försenad aktivitet",
      controller:
        "Aktiviteten '{activity}' skulle vara klar {end} men har status '{status}' den {asOf}.",
      controllerHint:
        "Sätt status till Klar om aktiviteten är genomförd; ange annars ett nytt slutdatum och skälet till förseningen.",
      sender:
        "Aktiviteten '{activity}' skulle vara klar {end} men har status '{status}' den {asOf}.",
      senderHint: "Ändra aktivitetens status, eller skriv ett nytt slutdatum."))

  /// An activity reported done or ongoing before its start date.
  public static let activityStatusInconsistent = DiagnosticCode(
    id: "activity-status-inconsistent", section: .redThread, severity: .warning, scope: .cell,
    title: "Activity status against its dates",
    rule:
      "An activity reported ongoing or done has a start date on or before the date of the report.",
    template: "activity '{activity}' is '{status}' but starts {start}, after {asOf}",
    hint: "check the start date or the status",
    swedish: SwedishTexts(
      title: "Status stämmer inte med datum",
      controller:
        "Aktiviteten '{activity}' har status '{status}' men startar först {start}, efter {asOf}.",
      controllerHint: "Kontrollera startdatumet eller statusen.",
      sender:
        "Aktiviteten '{activity}' har status '{status}' men startar först {start}, efter {asOf}.",
      senderHint: "Ändra aktivitetens status eller startdatum."
    ))

  // MARK: Assessments

  /// A goal assessed partly or not fulfilled without an analysis.
  public static let missingAnalysis = DiagnosticCode(
    id: "missing-analysis", section: .redThread, severity: .warning, scope: .cell,
    title: "Assessment without analysis",
    rule: "A goal assessed as partly fulfilled or not fulfilled carries an analysis text.",
    template: "{level} '{goal}' is assessed '{assessment}' without an analysis",
    hint: "write what explains the result and what the unit will do",
    swedish: SwedishTexts(
      title: "Analys saknas",
      controller: "{level} {goal} är bedömt som '{assessment}' men saknar analys.",
      controllerHint: "Skriv en analys av vad som förklarar resultatet och vad enheten ska göra.",
      sender: "{level} {goal} är bedömt som '{assessment}' men saknar analys.",
      senderHint: "Skriv en kort analys: varför målet inte är uppfyllt och vad ni gör åt det."))

  // MARK: Coverage

  /// A unit under the board that delivered no file for the period.
  public static let missingDelivery = DiagnosticCode(
    id: "missing-delivery", section: .redThread, scope: .dataset, title: "Unit delivered no file",
    rule: "Every active unit under the board delivers a plan or follow-up file for the period.",
    template: "{unit} ({unitID}) delivered no file for {period}", hint: "{deliveryHint:deliverer}",
    swedish: SwedishTexts(
      title: "Underlag saknas från enhet",
      controller: "{unit} ({unitID}) har inte lämnat in något underlag för {period}.",
      controllerHint: "{deliveryHint:deliverer}",
      sender: "{unit} ({unitID}) har inte lämnat in något underlag för {period}.",
      senderHint: "Skicka in uppföljningen för {period}."))

  /// A unit that delivered several files for the period.
  public static let duplicateDelivery = DiagnosticCode(
    id: "duplicate-delivery", section: .redThread, severity: .warning, scope: .file,
    title: "Unit delivered several files",
    rule:
      "Each unit delivers one file per period; a corrected file replaces the earlier one rather than adding to it.",
    template: "{unit} delivered {count} files for {period}: {files}",
    hint: "keep the corrected file only; the records of both are validated",
    swedish: SwedishTexts(
      title: "Flera filer från samma enhet",
      controller: "{unit} har lämnat in {count} filer för {period}: {files}.",
      controllerHint: "Behåll bara den rättade filen; nu granskas uppgifterna i alla filerna.",
      sender: "{unit} har lämnat in {count} filer för {period}: {files}.",
      senderHint: "Skicka en fil per period och berätta vilken som gäller om du har skickat flera.")
  )

  /// A KF-mål no nämndmål of the board aligns to.
  public static let uncoveredCouncilGoal = DiagnosticCode(
    id: "uncovered-council-goal", section: .redThread, severity: .warning, scope: .cell,
    title: "Council goal not covered",
    rule:
      "Every council goal (KF-mål) is covered by at least one board goal (nämndmål) of the board.",
    template: "KF-mål '{goal}' is covered by no nämndmål of {board}",
    hint: "align a nämndmål to '{goal}', or record that the board does not serve it",
    swedish: SwedishTexts(
      title: "KF-mål utan nämndmål",
      controller: "Inget nämndmål hos {board} är kopplat till KF-målet {goal}.",
      controllerHint:
        "Koppla ett nämndmål till KF-målet {goal}, eller notera att nämnden inte bidrar till det.",
      sender: "Inget nämndmål hos {board} är kopplat till KF-målet {goal}.",
      senderHint: "Det gäller nämndens plan; du behöver inte ändra något i din fil."))

  // MARK: Identity

  /// An id used twice within one unit.
  public static let duplicateID = DiagnosticCode(
    id: "duplicate-id", section: .redThread, scope: .cell, title: "Duplicate id",
    rule: "Goal, nyckeltal and activity ids are unique within a unit's plans.",
    template: "{kind} id '{id}' is used twice by {unit}[; first at {first}]",
    hint: "give each {kind} its own id",
    swedish: SwedishTexts(
      title: "Samma id två gånger",
      controller:
        "{unit} använder id {id} två gånger för {idKind:kind}[; första gången i {first}].",
      controllerHint: "Ge varje {idKindOne:kind} ett eget id.",
      sender: "{unit} använder id {id} två gånger för {idKind:kind}[; första gången i {first}].",
      senderHint: "Ge varje mål, nyckeltal och aktivitet ett eget id."))

  /// One goal entered twice under two ids.
  public static let duplicateGoal = DiagnosticCode(
    id: "duplicate-goal", section: .redThread, severity: .warning, scope: .cell,
    title: "Same goal under two ids",
    rule: "A unit states each goal once: two goals of one owner and level do not share a title.",
    template: "{level} '{goal}' has the same title as '{other}': {title}",
    hint: "keep one of '{other}' and '{goal}' and point every link to it",
    swedish: SwedishTexts(
      title: "Samma mål under två id",
      controller: "{level} {goal} har samma titel som {other}: '{title}'.",
      controllerHint: "Behåll ett av målen {other} och {goal} och låt alla kopplingar peka på det.",
      sender: "{level} {goal} har samma titel som {other}: '{title}'.",
      senderHint: "Behåll ett av målen {other} och {goal}."))

  /// A Kolada series replaced by its successor, used without an explicit decision.
  public static let replacedKoladaSeries = DiagnosticCode(
    id: "replaced-kolada-series", section: .redThread, severity: .warning, scope: .cell,
    title: "Replaced Kolada series",
    rule:
      "A nyckeltal uses the current Kolada series: a series the Kolada catalogue states as replaced (e.g. N17494 → N17690), or one the municipality configures as replaced (e.g. N15419 → N15508), is used only when the configuration keeps it explicitly.",
    template: "nyckeltal '{kpi}' is a Kolada series replaced by '{successor}'",
    hint:
      "use '{successor}', or list '{kpi}' as a kept series in the configuration; source: {source}",
    swedish: SwedishTexts(
      title: "Ersatt Kolada-nyckeltal",
      controller: "Nyckeltalet {kpi} är en Kolada-serie som har ersatts av {successor}.",
      controllerHint:
        "Använd {successor}, eller ange {kpi} som en serie som behålls i konfigurationen. Källa: {source}.",
      sender: "Nyckeltalet {kpi} har ersatts av {successor} i Kolada.",
      senderHint: "Använd {successor} i stället för {kpi}."))

  /// The validator's codes, in the order of the documentation.
  static let redThreadCodes: [DiagnosticCode] = [
    unknownBoard, unitOutsideBoard,
    unitGoalNotAligned, boardGoalNotTraced, alignmentNotUpward, unresolvedReference,
    unresolvedUnit, goalCycle,
    goalWithoutBreakdown, orphanKPI, orphanActivity,
    missingTarget, targetDirectionConflict, targetUnitMismatch, targetAgainstBoard,
    implausibleOutcome, totalOutsideGenderRange,
    activityEndsBeforeStart, activityDelayed, activityStatusInconsistent,
    missingAnalysis,
    missingDelivery, duplicateDelivery, uncoveredCouncilGoal,
    duplicateID, duplicateGoal, replacedKoladaSeries,
  ]
}
