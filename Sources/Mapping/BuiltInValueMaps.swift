/// The value maps every mapping can use by name without declaring them, and that the typed
/// fields (`gender`, `status`, `assessment`, `direction`, `goal-level`, `unit-kind`) use by
/// default. A mapping's own map of the same name is consulted first.
public enum BuiltInValueMaps {
  /// The built-in maps by name.
  public static let all: [String: ValueMap] = [
    "gender": gender, "status": status, "assessment": assessment, "direction": direction,
    "goal-level": goalLevel, "unit-kind": unitKind,
  ]

  /// The built-in map a type reads through, if any.
  public static func map(for type: ValueType) -> ValueMap? {
    switch type {
    case .gender: return gender
    case .status: return status
    case .assessment: return assessment
    case .direction: return direction
    case .goalLevel: return goalLevel
    case .unitKind: return unitKind
    default: return nil
    }
  }

  /// Gender words of Swedish statistics → Kolada's `T`, `K`, `M`.
  public static let gender = ValueMap([
    ("T", "T"), ("Tot", "T"), ("Totalt", "T"), ("Total", "T"), ("Samtliga", "T"), ("Alla", "T"),
    ("Båda könen", "T"), ("All", "T"), ("Both sexes", "T"),
    ("K", "K"), ("F", "K"), ("Kvinnor", "K"), ("Kvinna", "K"), ("Flickor", "K"), ("Flicka", "K"),
    ("Female", "K"), ("Females", "K"), ("Girls", "K"), ("Women", "K"),
    ("M", "M"), ("P", "M"), ("Män", "M"), ("Man", "M"), ("Pojkar", "M"), ("Pojke", "M"),
    ("Male", "M"),
    ("Males", "M"), ("Boys", "M"), ("Men", "M"),
  ])

  /// Activity status words, Swedish and English → ``Canonical/Activity/Status`` raw values.
  public static let status = ValueMap([
    ("Ej påbörjad", "notStarted"), ("Ej påbörjat", "notStarted"), ("Inte påbörjad", "notStarted"),
    ("Ej startad", "notStarted"), ("Planerad", "notStarted"), ("Not started", "notStarted"),
    ("Planned", "notStarted"),
    ("Pågår", "ongoing"), ("Pågående", "ongoing"), ("Påbörjad", "ongoing"), ("Startad", "ongoing"),
    ("In progress", "ongoing"), ("Ongoing", "ongoing"), ("Started", "ongoing"),
    ("Klar", "done"), ("Klart", "done"), ("Genomförd", "done"), ("Genomfört", "done"),
    ("Avslutad", "done"), ("Slutförd", "done"), ("Done", "done"), ("Complete", "done"),
    ("Completed", "done"),
    ("Försenad", "delayed"), ("Försenat", "delayed"), ("Delayed", "delayed"), ("Behind", "delayed"),
    ("Pausad", "onHold"), ("Vilande", "onHold"), ("Vilar", "onHold"), ("On hold", "onHold"),
    ("Paused", "onHold"),
    ("Avbruten", "cancelled"), ("Struken", "cancelled"), ("Utgår", "cancelled"),
    ("Cancelled", "cancelled"), ("Canceled", "cancelled"),
  ])

  /// Assessment words → ``Canonical/Assessment/Level`` raw values.
  public static let assessment = ValueMap([
    ("Uppfyllt", "fulfilled"), ("Uppfylld", "fulfilled"), ("Helt uppfyllt", "fulfilled"),
    ("Uppnått", "fulfilled"), ("Fulfilled", "fulfilled"), ("Achieved", "fulfilled"),
    ("Delvis uppfyllt", "partlyFulfilled"), ("Delvis uppfylld", "partlyFulfilled"),
    ("Delvis", "partlyFulfilled"), ("Delvis uppnått", "partlyFulfilled"),
    ("Partly fulfilled", "partlyFulfilled"), ("Partially achieved", "partlyFulfilled"),
    ("Ej uppfyllt", "notFulfilled"), ("Inte uppfyllt", "notFulfilled"),
    ("Ej uppfylld", "notFulfilled"), ("Ej uppnått", "notFulfilled"),
    ("Not fulfilled", "notFulfilled"), ("Not achieved", "notFulfilled"),
    ("Ej bedömt", "notAssessed"), ("Ej bedömd", "notAssessed"), ("Inte bedömt", "notAssessed"),
    ("Not assessed", "notAssessed"),
  ])

  /// KPI direction words → ``Canonical/KPI/Direction`` raw values.
  public static let direction = ValueMap([
    ("Högre är bättre", "higher"), ("Hög", "higher"), ("Högre", "higher"), ("Öka", "higher"),
    ("↑", "higher"), ("Higher", "higher"), ("Higher is better", "higher"), ("Up", "higher"),
    ("Lägre är bättre", "lower"), ("Låg", "lower"), ("Lägre", "lower"), ("Minska", "lower"),
    ("↓", "lower"), ("Lower", "lower"), ("Lower is better", "lower"), ("Down", "lower"),
    ("Neutral", "neutral"), ("Ingen", "neutral"), ("-", "neutral"),
  ])

  /// Goal level words → ``Canonical/Goal/Level`` raw values.
  public static let goalLevel = ValueMap([
    ("national", "national"), ("nationell", "national"), ("nationellt", "national"),
    ("nationellt mål", "national"), ("läroplan", "national"),
    ("council", "council"), ("KF", "council"), ("KF-mål", "council"),
    ("kommunfullmäktige", "council"), ("kommunmål", "council"),
    ("board", "board"), ("nämnd", "board"), ("nämndmål", "board"),
    ("unit", "unit"), ("enhet", "unit"), ("enhetsmål", "unit"),
  ])

  /// Unit kind words → ``Canonical/OrgUnit/Kind`` raw values.
  public static let unitKind = ValueMap([
    ("municipality", "municipality"), ("kommun", "municipality"),
    ("council", "council"), ("kommunfullmäktige", "council"),
    ("board", "board"), ("nämnd", "board"),
    ("administration", "administration"), ("förvaltning", "administration"),
    ("school", "school"), ("skola", "school"), ("grundskola", "school"),
    ("skolenhet", "school"),
    ("preschool", "preschool"), ("förskola", "preschool"),
    ("area", "area"), ("område", "area"), ("rektorsområde", "area"), ("län", "area"),
    ("region", "area"),
    ("other", "other"), ("övrigt", "other"),
  ])
}
