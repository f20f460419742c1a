/// The words one language uses when ``DiagnosticTemplate`` fills a diagnostic's templates: a
/// table per placeholder for the values that are keys rather than text (a record's kind, a
/// direction, a measure), the conjunction of lists and the decimal separator.
///
/// The validator's messages and hints exist in two languages: ``english`` (the command line,
/// logs and ``Spreadsheet/Diagnostic/message``) and ``swedish`` (the board report's Kontroll
/// sheet, read by the controller and the nämnd).
public struct DiagnosticLanguage: Hashable, Sendable {
  /// The language's code: `en`, `sv`.
  public var id: String
  /// The conjunction of the last item of a list (`or`, `eller`).
  public var or: String
  /// The decimal separator of numbers (`.`, `,`).
  public var decimalSeparator: Character
  /// Whether rendered texts start with a capital letter (whole sentences, as in Swedish).
  public var capitalizesFirstLetter: Bool
  /// Table name → argument value → word. A word may hold placeholders, filled from the same
  /// arguments.
  public var words: [String: [String: String]]

  /// Creates a language.
  public init(
    id: String, or: String, decimalSeparator: Character, capitalizesFirstLetter: Bool,
    words: [String: [String: String]]
  ) {
    self.id = id
    self.or = or
    self.decimalSeparator = decimalSeparator
    self.capitalizesFirstLetter = capitalizesFirstLetter
    self.words = words
  }

  /// The source named when a Kolada series is replaced according to Kolada's own KPI
  /// catalogue (the `source` argument of `replaced-kolada-series`).
  public static let koladaCatalogueNote = "Kolada KPI catalogue: 'Ersätter tidigare nyckeltal'"

  /// English, for the command line: lower-case messages in compiler style.
  public static let english = DiagnosticLanguage(
    id: "en", or: "or", decimalSeparator: ".", capitalizesFirstLetter: false,
    words: [
      "link": ["alignsTo": "aligns to", "parent": "has the parent"],
      "relation": ["same": "at the same level as", "below": "below"],
      "upwardHint": [
        "alignsTo": "a {level} aligns to goals of a higher level only",
        "parent": "a parent goal is at the same level or above",
      ],
      "candidates": [
        "boardOrNational": "nämndmål and national goals",
        "councilOrNational": "KF-mål and national goals", "goals": "goals",
        "boardGoals": "nämndmål", "unitGoals": "goals of {candidateUnit}",
        "unitKPIs": "nyckeltal of {candidateUnit}", "units": "units", "boards": "boards",
      ],
      "measure": [
        "percent": "a share (%)", "meritValue": "meritvärde", "gradePoints": "betygspoäng",
        "cost": "a cost (kr)", "count": "a count", "other": "this measure",
      ],
      "range": [
        "percent": "0–100", "meritValue": "0–340", "gradePoints": "0–20", "cost": "> 0",
        "count": "≥ 0", "other": "any value",
      ],
      "deliveryHint": [
        "unit": "ask {unit} for the arbetsplan follow-up for {period}",
        "board": "add the board's verksamhetsplan with its nämndmål to the inbox",
      ],
    ])

  /// Swedish, for the board report: whole sentences, as a kvalitetsstrateg writes them to a
  /// rektor or the nämnd.
  public static let swedish = DiagnosticLanguage(
    id: "sv", or: "eller", decimalSeparator: ",", capitalizesFirstLetter: true,
    words: [
      "level": [
        "enhetsmål": "enhetsmålet", "nämndmål": "nämndmålet", "KF-mål": "KF-målet",
        "nationellt mål": "nationella målet", "goal": "målet",
      ],
      "link": ["alignsTo": "är kopplat till", "parent": "har som överordnat mål"],
      "relation": ["same": "på samma nivå", "below": "på en lägre nivå"],
      "upwardHint": [
        "alignsTo": "ett {level|raw} kopplas bara till mål på en högre nivå.",
        "parent": "ett överordnat mål ligger på samma nivå eller högre.",
      ],
      "referrer": [
        "enhetsmål": "enhetsmålet {owner}", "nämndmål": "nämndmålet {owner}",
        "KF-mål": "KF-målet {owner}", "nationellt mål": "nationella målet {owner}",
        "nyckeltal": "nyckeltalet {owner}", "activity": "aktiviteten '{owner}'",
        "assessment": "en bedömning", "målvärde": "målvärdet '{owner}'",
      ],
      "referenceKind": ["goal": "målet", "nyckeltal": "nyckeltalet"],
      "unitOwner": [
        "enhetsmål": "enhetsmålet {owner}", "nämndmål": "nämndmålet {owner}",
        "KF-mål": "KF-målet {owner}", "nationellt mål": "nationella målet {owner}",
        "nyckeltal": "nyckeltalet {owner}", "activity": "aktiviteten {owner}",
        "assessment": "bedömningen av målet {owner}",
        "målvärde": "målvärdet för nyckeltalet {owner}", "file": "filen",
      ],
      "candidates": [
        "boardOrNational": "nämndmål och nationella mål",
        "councilOrNational": "KF-mål och nationella mål", "goals": "mål",
        "boardGoals": "nämndmål", "unitGoals": "mål för {candidateUnit}",
        "unitKPIs": "nyckeltal för {candidateUnit}", "units": "enheter", "boards": "nämnder",
      ],
      "direction": ["higher": "högre", "lower": "lägre", "neutral": "neutralt"],
      "plausible": [
        "percent": "en andel ligger mellan 0 och 100 %",
        "meritValue": "meritvärdet ligger mellan 0 och 340",
        "gradePoints": "betygspoängen ligger mellan 0 och 20",
        "cost": "en kostnad är större än 0 kr", "count": "ett antal är 0 eller större",
        "other": "värdet ligger utanför det rimliga",
      ],
      "deliveryHint": [
        "unit": "begär uppföljningen av arbetsplanen för {period} från {unit}.",
        "board": "lägg nämndens verksamhetsplan med nämndmålen i inkorgen.",
      ],
      "idKind": [
        "enhetsmål": "enhetsmål", "nämndmål": "nämndmål", "KF-mål": "KF-mål",
        "nationellt mål": "nationella mål", "nyckeltal": "nyckeltal", "activity": "aktiviteter",
      ],
      "source": [
        koladaCatalogueNote: "Koladas nyckeltalskatalog ('Ersätter tidigare nyckeltal')"
      ],
      "idKindOne": [
        "enhetsmål": "enhetsmål", "nämndmål": "nämndmål", "KF-mål": "KF-mål",
        "nationellt mål": "nationellt mål", "nyckeltal": "nyckeltal", "activity": "aktivitet",
      ],
    ])
}
