/// What the sender of a file (a rektor, a förskolechef) reads about each code: in Swedish, in
/// the words of someone who fills in an arbetsplan, naming no program, file format internals
/// or commands, and asking nothing that only the controller can do.
///
/// Keyed by the code's id, so that the catalogue of codes can take these texts over as its
/// sender voice. Templates use ``Validation/DiagnosticTemplate``'s syntax: `{value}`,
/// `{sheet}`, and optional parts in brackets.
public enum SenderTexts {
  /// The words for one code.
  public struct Entry: Hashable, Sendable {
    /// A short title, e.g. "Värde saknas".
    public var title: String
    /// What is wrong.
    public var problem: String
    /// What the sender can do about it.
    public var action: String

    /// Creates an entry.
    public init(title: String, problem: String, action: String) {
      self.title = title
      self.problem = problem
      self.action = action
    }
  }

  /// Said when only the controller can act: the sender has nothing to do.
  public static let nothingToDo =
    "Du behöver inte göra något åt detta; den som sammanställer uppföljningen har fått veta det."

  static let saveAsXLSX =
    "Öppna filen i Excel eller LibreOffice och spara den som Excel-arbetsbok (.xlsx), och lämna in den igen."
  static let sendAgain =
    "Spara filen på nytt från Excel eller LibreOffice och lämna in den igen. Hjälper inte det, kontakta den som sammanställer uppföljningen."
  static let tooBig =
    "Filen är större än vad en arbetsplan brukar vara. Ta bort blad eller stora mängder text och bilder som inte hör till arbetsplanen, spara och lämna in den igen."

  /// Every code's words.
  public static let entries: [String: Entry] = {
    var t: [String: Entry] = [:]
    // Files that cannot be opened as a workbook.
    t["not-a-zip"] = Entry(
      title: "Filen är ingen Excel-arbetsbok",
      problem: "Filen går inte att öppna som en Excel-arbetsbok.", action: saveAsXLSX)
    t["truncated-zip"] = Entry(
      title: "Filen är ofullständig",
      problem: "Filen är inte hel; den har troligen avbrutits när den sparades eller skickades.",
      action: sendAgain)
    t["corrupt-zip"] = Entry(
      title: "Filen är skadad", problem: "Filen är skadad och går inte att läsa.", action: sendAgain
    )
    t["trailing-data"] = Entry(
      title: "Filen är skadad",
      problem: "Filen har extra innehåll i slutet som inte hör till arbetsboken.",
      action: sendAgain)
    t["unreadable-file"] = Entry(
      title: "Filen gick inte att läsa", problem: "Filen gick inte att läsa.", action: sendAgain)
    t["empty-file"] = Entry(
      title: "Filen är tom", problem: "Filen är tom; den innehåller ingenting.",
      action: "Spara arbetsplanen på nytt och lämna in den igen.")
    t["encrypted-workbook"] = Entry(
      title: "Filen är lösenordsskyddad",
      problem: "Arbetsboken är skyddad med lösenord och kan därför inte läsas.",
      action:
        "Ta bort lösenordet (Arkiv > Info > Skydda arbetsbok > Kryptera med lösenord, töm fältet), spara och lämna in filen igen."
    )
    t["legacy-xls"] = Entry(
      title: "Filen är i ett äldre Excel-format",
      problem: "Filen är sparad i det äldre Excel-formatet (.xls), som inte kan läsas.",
      action: saveAsXLSX)
    t["not-a-workbook"] = Entry(
      title: "Filen är ingen Excel-arbetsbok",
      problem: "Filen är ett annat slags Office-dokument, inte en Excel-arbetsbok.",
      action: saveAsXLSX)
    t["xlsb-workbook"] = Entry(
      title: "Filen är i binärt Excel-format",
      problem: "Filen är sparad som binär Excel-arbetsbok (.xlsb), som inte kan läsas.",
      action: saveAsXLSX)
    t["ods-workbook"] = Entry(
      title: "Filen är ett OpenDocument-kalkylblad",
      problem: "Filen är sparad som OpenDocument-kalkylblad (.ods), som inte kan läsas.",
      action: saveAsXLSX)
    for code in [
      "missing-part", "malformed-xml", "unsupported-encoding", "not-a-worksheet",
      "doctype-refused", "invalid-shared-string", "cell-out-of-range",
    ] {
      t[code] = Entry(
        title: "Arbetsboken är skadad",
        problem:
          "Arbetsboken är skadad eller sparad av ett program som skriver den på ett ovanligt sätt, så den går inte att läsa.",
        action: sendAgain)
    }
    for code in [
      "part-too-large", "workbook-too-large", "compression-ratio-exceeded", "too-many-parts",
      "too-many-shared-strings", "shared-strings-too-large", "cell-text-too-large",
      "shared-formulas-too-large", "xml-limit-exceeded", "file-too-large", "record-too-large",
      "too-many-fields",
    ] {
      t[code] = Entry(
        title: "Filen är för stor", problem: "Filen är för stor för att läsas.", action: tooBig)
    }
    t["cell-text-too-long"] = Entry(
      title: "För lång text i en cell",
      problem: "En cell innehåller mer text än en cell i Excel får rymma.",
      action: "Korta texten i cellen, spara och lämna in filen igen.")
    t["file-not-found"] = Entry(
      title: "Filen försvann",
      problem: "Filen fanns inte kvar när den skulle läsas.",
      action: "Lämna in filen igen.")
    t["not-a-regular-file"] = Entry(
      title: "Ingen fil", problem: "Det som lämnades in är en mapp eller en genväg, inte en fil.",
      action: "Lämna in själva arbetsboken.")
    t["office-lock-file"] = Entry(
      title: "Tillfällig fil från Excel",
      problem: "Filen är en tillfällig fil som Excel skapar medan en arbetsbok är öppen.",
      action: "Stäng arbetsboken i Excel och lämna in själva arbetsboken.")
    t["binary-file"] = Entry(
      title: "Filen är ingen tabell",
      problem: "Filen innehåller inte text som kan läsas som en tabell.",
      action: saveAsXLSX)
    t["unterminated-quote"] = Entry(
      title: "Citattecken som inte avslutas",
      problem:
        "Ett citattecken (\") i filen avslutas aldrig, så resten av filen kan inte läsas rätt.",
      action:
        "Leta upp citattecknet och ta bort det eller lägg till det avslutande, spara och lämna in filen igen."
    )
    t["nul-byte"] = Entry(
      title: "Otillåtna tecken",
      problem: "Filen innehåller tecken som inte hör hemma i en textfil.",
      action: "Spara tabellen på nytt från programmet den kommer ifrån och lämna in den igen.")
    t["ragged-row"] = Entry(
      title: "Raden har fel antal kolumner",
      problem: "Raden har inte lika många kolumner som rubrikraden.",
      action:
        "Kontrollera att inga värden har hamnat i fel kolumn, t.ex. på grund av ett extra semikolon eller kommatecken."
    )
    t["stray-quote"] = Entry(
      title: "Citattecken mitt i ett värde",
      problem: "Ett citattecken står mitt i ett värde och kan ha delat upp det fel.",
      action: "Kontrollera värdet på raden och ta bort citattecknet om det inte hör dit.")
    t["mojibake"] = Entry(
      title: "Konstiga tecken",
      problem: "Bokstäver som å, ä och ö ser ut att ha blivit fel när filen sparades.",
      action: "Spara tabellen på nytt med teckenkodningen UTF-8 och lämna in den igen.")
    for code in [
      "invalid-utf8", "invalid-utf16", "invalid-utf32", "invalid-shift-jis",
    ] {
      t[code] = Entry(
        title: "Tecknen går inte att läsa",
        problem:
          "Filen är sparad med en teckenkodning som inte stämmer, så bokstäverna går inte att läsa.",
        action: "Spara tabellen på nytt med teckenkodningen UTF-8 och lämna in den igen.")
    }
    t["unrepresentable-character"] = Entry(
      title: "Tecken som inte går att spara",
      problem: "Ett tecken i filen går inte att spara i den teckenkodning som används.",
      action: "Spara tabellen på nytt med teckenkodningen UTF-8 och lämna in den igen.")
    for code in ["invalid-option", "write-failed", "processing-interrupted"] {
      t[code] = Entry(
        title: "Filen kunde inte behandlas",
        problem: "Filen kunde inte behandlas den här gången.", action: nothingToDo)
    }
    t["processing-interrupted"] = Entry(
      title: "Filen kunde inte behandlas",
      problem: "Behandlingen av filen avbröts flera gånger, så den har lagts åt sidan.",
      action:
        "Kontrollera att filen inte är ovanligt stor, och lämna in den igen. Den som sammanställer uppföljningen har fått veta det."
    )
    // Files that open but do not fit the template.
    t["no-matching-mapping"] = Entry(
      title: "Filen följer inte mallen",
      problem:
        "Filen känns inte igen som någon av kommunens mallar: bladens namn och rubrikerna stämmer inte.",
      action:
        "Använd kommunens mall för arbetsplanen och behåll dess blad och rubriker. Har du fått en ny mall, lämna in den ändå; den som sammanställer uppföljningen har fått veta det."
    )
    t["sheet-not-found"] = Entry(
      title: "Ett blad saknas",
      problem: "Arbetsboken saknar ett av mallens blad.",
      action:
        "Ge bladet tillbaka det namn det har i mallen (högerklicka på fliken > Byt namn), eller lägg tillbaka bladet från mallen."
    )
    t["header-not-found"] = Entry(
      title: "Rubrikraden saknas",
      problem: "Bladet[ '{sheet}'] har ingen rad med mallens rubriker.",
      action:
        "Lägg tillbaka rubrikraden från mallen ovanför tabellen, med rubrikerna stavade som i mallen."
    )
    t["column-not-found"] = Entry(
      title: "En kolumn saknas",
      problem: "Tabellen[ i bladet '{sheet}'] saknar en av mallens kolumner[: '{column}'].",
      action: "[Menade du '{suggestion}'? ]Ge kolumnen tillbaka den rubrik den har i mallen.")
    t["context-value-missing"] = Entry(
      title: "Enhet eller period saknas",
      problem: "Arbetsplanen säger inte vilken enhet eller vilken period den gäller.",
      action:
        "Fyll i enhetens namn och perioden överst i arbetsplanen, där mallen har plats för dem.")
    // Values.
    t["missing-value"] = Entry(
      title: "Värde saknas", problem: "Cellen är tom men måste vara ifylld.",
      action: "Fyll i cellen.")
    t["type-error"] = Entry(
      title: "Värdet kan inte läsas",
      problem:
        "Värdet[ '{value}'] går inte att läsa som det som ska stå här (ett tal, ett datum, en period eller ett målvärde).",
      action:
        "Skriv värdet till exempel som 47,8 eller 4 102, 2026-03-03, T2 2026 eller Minst 88 %.")
    t["unknown-value"] = Entry(
      title: "Värdet finns inte bland valen",
      problem: "Värdet[ '{value}'] är inte ett av de val som mallen har för cellen.",
      action: "Välj ett av mallens värden, t.ex. ur listan i cellen, eller skriv det som i mallen.")
    t["pattern-mismatch"] = Entry(
      title: "Värdet har fel form",
      problem:
        "Värdet[ '{value}'] är inte skrivet på det sätt som krävs, t.ex. ett nyckeltals id som N15419.",
      action: "Skriv värdet som i mallen eller som i Kolada.")
    t["unknown-unit"] = Entry(
      title: "Okänd enhet",
      problem: "Enhetens namn[ '{value}'] känns inte igen.",
      action:
        "Skriv enhetens namn som det står i mallen eller i kommunens förteckning över enheter. Stämmer namnet redan, behöver du inte göra något; den som sammanställer uppföljningen har fått veta det."
    )
    t["unknown-goal"] = Entry(
      title: "Okänt mål",
      problem: "Målet[ '{value}'] finns inte bland målen i nämndens verksamhetsplan.",
      action: "Skriv målets id eller titel så som det står i nämndens verksamhetsplan.")
    t["unknown-lookup-value"] = Entry(
      title: "Okänt värde",
      problem: "Värdet[ '{value}'] känns inte igen.",
      action:
        "Skriv värdet så som det står i mallen. Stämmer det redan, behöver du inte göra något; den som sammanställer uppföljningen har fått veta det."
    )
    t["lookup-table-missing"] = Entry(
      title: "Värdet kunde inte kontrolleras",
      problem: "Värdet kunde inte kontrolleras den här gången.", action: nothingToDo)
    t["period-order"] = Entry(
      title: "Kolumner i ny ordning",
      problem: "Periodkolumnerna[ i bladet '{sheet}'] står i en annan ordning än i mallen.",
      action: "Värdena läses ändå; ställ gärna tillbaka kolumnerna i mallens ordning.")
    // The red thread: the validator's Swedish says what is wrong; these say what to do.
    t["unknown-board"] = Entry(
      title: "Okänd nämnd", problem: "Nämnden känns inte igen.", action: nothingToDo)
    t["unit-outside-board"] = Entry(
      title: "Enhet under annan nämnd",
      problem: "Filen gäller en enhet som inte hör till den här nämnden.",
      action:
        "Kontrollera att rätt enhet står i arbetsplanen. Stämmer den, behöver du inte göra något.")
    t["unresolved-reference"] = Entry(
      title: "Okänd hänvisning",
      problem: "Hänvisningen[ '{value}'] pekar på ett mål eller nyckeltal som inte finns.",
      action: "Skriv id:t så som det står i nämndens verksamhetsplan eller i din egen arbetsplan.")
    t["missing-delivery"] = Entry(
      title: "Arbetsplan saknas", problem: "Ingen arbetsplan har kommit in för enheten.",
      action: "Lämna in enhetens arbetsplan.")
    t["uncovered-council-goal"] = Entry(
      title: "KF-mål utan nämndmål", problem: "Ett mål från kommunfullmäktige saknar nämndmål.",
      action: nothingToDo)
    t["board-goal-not-traced"] = Entry(
      title: "Nämndmål utan koppling", problem: "Ett nämndmål saknar koppling till KF-mål.",
      action: nothingToDo)
    return t
  }()

  /// Words that only the controller's work uses; a sender text never contains them.
  public static let controllerWords = [
    "enhetsregist", "mappning", "alias", "redthread", "libzip", "libxml", "zlib", "inkorg",
    "rejected/", "yaml", "xml", "zip",
  ]

  /// Whether a text is fit for the sender: it contains none of ``controllerWords``.
  public static func isForSender(_ text: String) -> Bool {
    let lower = text.lowercased()
    return !controllerWords.contains { lower.contains($0) }
  }

  /// How serious, in the sender's words.
  public static func severityWord(_ severity: String) -> String {
    switch severity {
    case "error": return "Fel"
    case "warning": return "Varning"
    default: return "Upplysning"
    }
  }
}
