public import Spreadsheet
import Validation

/// The Swedish of the Kontroll sheet: a title, a message and a hint for each diagnostic the
/// report lists, rendered from its code and values — never translated from the English text.
///
/// - The validator's codes carry their template arguments: they render from the code's
///   Swedish templates (``Validation/DiagnosticCode/swedishTemplate``).
/// - The mapping's codes (`type-error`, `unknown-value`, …) carry no arguments; their Swedish
///   comes from ``mapping``, keyed by code and filled with the offending value (`{value}`) and
///   the worksheet (`{sheet}`). Their English hint may name a did-you-mean that this generic
///   Swedish hint does not.
/// - Other codes (the CSV reader's) have no Swedish: the sheet shows their English.
public enum SwedishMessages {
  /// A code's words in Swedish.
  public struct Entry: Hashable, Sendable {
    /// The short title (the Kontroll column).
    public var title: String
    /// The message template (``Validation/DiagnosticTemplate``).
    public var message: String
    /// The hint template.
    public var hint: String

    /// Creates an entry.
    public init(title: String, message: String, hint: String) {
      self.title = title
      self.message = message
      self.hint = hint
    }
  }

  /// A diagnostic in Swedish.
  public struct Text: Hashable, Sendable {
    /// The code's title.
    public var title: String
    /// The message.
    public var message: String
    /// The hint, when there is advice.
    public var hint: String?
  }

  /// The mapping's diagnostic codes (see `MappingDiagnostics`), keyed by code. Placeholders:
  /// `{value}` (the offending value as written) and `{sheet}` (the worksheet), each in an
  /// optional part.
  public static let mapping: [String: Entry] = [
    "sheet-not-found": Entry(
      title: "Kalkylblad saknas",
      message: "Arbetsboken saknar ett kalkylblad som mappningen läser.",
      hint:
        "Ge bladet tillbaka sitt gamla namn, eller lägg till det nya namnet i mappningens lista över blad."
    ),
    "header-not-found": Entry(
      title: "Rubrikrad saknas",
      message: "Ingen rad[ i bladet '{sheet}'] har de rubriker som mappningen söker efter.",
      hint:
        "Mallen kan ha ändrats: jämför rubrikraden med mappningen (redthread mapping explain)."),
    "column-not-found": Entry(
      title: "Kolumn saknas",
      message:
        "En kolumn som mappningen läser saknas i rubrikraden[ i bladet '{sheet}'][: '{column}'].",
      hint:
        "[Menade du '{suggestion}'? ]Ge kolumnen tillbaka sin gamla rubrik, eller lägg till den nya rubriken i fältets lista över kolumner i mappningen."
    ),
    "missing-value": Entry(
      title: "Värde saknas", message: "En cell som måste vara ifylld är tom.",
      hint: "Fyll i cellen."),
    "type-error": Entry(
      title: "Fel typ av värde",
      message:
        "Värdet[ '{value}'] kan inte läsas som den typ fältet kräver (tal, datum, period, målvärde eller ja/nej).",
      hint:
        "Skriv värdet så att det kan läsas, t.ex. 47,8 eller 4 102, 2026-03-03, T2 2026 eller 'Minst 88 %'."
    ),
    "unknown-value": Entry(
      title: "Okänt värde",
      message: "Värdet[ '{value}'] finns inte bland de värden som fältet tar emot.",
      hint:
        "Välj ett av mallens värden, t.ex. en status eller en bedömning, eller lägg till stavningen i mappningens värdelista."
    ),
    "pattern-mismatch": Entry(
      title: "Värdet har fel form",
      message: "Värdet[ '{value}'] har inte den form som krävs, t.ex. ett Kolada-id som N15419.",
      hint: "Rätta värdet så att det får den form som mappningen kräver."),
    "unknown-unit": Entry(
      title: "Okänd enhet", message: "Enheten[ '{value}'] finns inte i enhetsregistret.",
      hint: "Rätta enhetens namn, eller lägg till stavningen som alias i enhetsregistret."),
    "unknown-goal": Entry(
      title: "Okänt mål", message: "Målet[ '{value}'] finns inte bland de kända målen.",
      hint: "Skriv målets id eller titel så som det står i verksamhetsplanen."),
    "unknown-lookup-value": Entry(
      title: "Värdet saknas i registret",
      message: "Värdet[ '{value}'] finns inte i den registertabell som fältet slår upp i.",
      hint: "Rätta värdet, eller lägg till det i registret."),
    "lookup-table-missing": Entry(
      title: "Registertabell saknas",
      message: "Mappningen slår upp värden i en registertabell som inte är inläst.",
      hint: "Ange tabellen under registers i referensfilerna."),
    "context-value-missing": Entry(
      title: "Enhet eller period saknas",
      message:
        "Ett värde som gäller hela filen saknas, t.ex. enheten eller perioden i rubrikblocket.",
      hint: "Fyll i enhetens namn och perioden i rubrikblocket."),
    "period-order": Entry(
      title: "Periodkolumner i fel ordning",
      message:
        "Periodkolumnerna[ i bladet '{sheet}'] står inte i den ordning som mappningen anger.",
      hint: "En kolumn kan ha flyttats; värdena läses ändå under sina egna rubriker."),
    "rows-left-out": Entry(
      title: "Rader som inte lästes",
      message: "{value} rader med värden blev inte data (summarader, anteckningar, okänd typ).",
      hint: "redthread mapping explain visar varje rad och varför."),
  ]

  /// The pipeline's codes for whole files: a file no mapping knows, and a file lying in
  /// rejected/ (its arguments: `file`, `code`, `reason`).
  public static let pipeline: [String: Entry] = [
    "no-matching-mapping": Entry(
      title: "Okänd mall",
      message:
        "Ingen mappning känner igen filen: varken filnamnet, bladens namn eller rubrikerna stämmer med en känd mall.",
      hint:
        "Använd kommunens mall och behåll dess blad och rubriker. Är det en ny mall behöver controllern lägga till en mappning för den."
    ),
    "file-rejected": Entry(
      title: "Filen avvisades",
      message: "Filen[ '{file}'] togs emot men kunde inte användas[: {reason}].",
      hint:
        "Rätta filen och lägg den i inkorgen igen. Orsaken står också i rejected/{file}.reason.txt; raden försvinner när filen flyttas därifrån."
    ),
  ]

  /// The arguments a mapping or pipeline code may carry besides `value` and `sheet`.
  public static let extraArguments: [String: Set<String>] = [
    "column-not-found": ["column", "suggestion", "field"],
    "file-rejected": ["file", "code", "reason"],
  ]

  /// The diagnostic in Swedish, or `nil` when its code has no Swedish.
  public static func text(for diagnostic: Diagnostic) -> Text? {
    if let code = DiagnosticCode.named(diagnostic.code), let message = diagnostic.swedishMessage {
      return Text(title: code.swedishTitle, message: message, hint: diagnostic.swedishHint)
    }
    guard let entry = mapping[diagnostic.code] ?? pipeline[diagnostic.code] else { return nil }
    var arguments = diagnostic.arguments ?? [:]
    arguments["value"] = diagnostic.value
    arguments["sheet"] = diagnostic.location?.sheet
    // A rejected file's reason, in Swedish when its code has Swedish words.
    if diagnostic.code == "file-rejected", let code = arguments["code"], code != "file-rejected",
      let reason = mapping[code] ?? pipeline[code]
    {
      var text = DiagnosticTemplate.render(
        reason.message, ["sheet": diagnostic.location?.sheet ?? ""], in: .swedish)
      while text.last == "." || text.last == " " { text.removeLast() }
      arguments["reason"] = text.prefix(1).lowercased() + text.dropFirst()
    }
    return Text(
      title: entry.title,
      message: DiagnosticTemplate.render(entry.message, arguments, in: .swedish),
      hint: DiagnosticTemplate.render(entry.hint, arguments, in: .swedish))
  }
}
