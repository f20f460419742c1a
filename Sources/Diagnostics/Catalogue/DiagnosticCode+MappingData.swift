extension DiagnosticCode {
  // MARK: Mapping data

  /// Worksheet not found.
  public static let sheetNotFound = DiagnosticCode(
    id: "sheet-not-found", section: .mappingData, scope: .file, title: "Worksheet not found",
    rule:
      "The workbook has no worksheet the table names. Rename the sheet back, or add its new name to the mapping's `sheet` list.",
    template: "the workbook has no worksheet[ '{sheet}']",
    hint: "rename the sheet back, or add its new name to the mapping's `sheet` list",
    swedish: SwedishTexts(
      title: "Kalkylblad saknas",
      controller: "Arbetsboken saknar ett kalkylblad som mappningen läser[: '{sheet}'].",
      controllerHint:
        "Ge bladet tillbaka sitt gamla namn, eller lägg till det nya namnet i mappningens lista över blad.",
      sender: "Arbetsboken saknar bladet[ '{sheet}'].",
      senderHint:
        "Ge bladet tillbaka det namn det har i kommunens mall, spara och skicka filen igen."))

  /// Header row not found.
  public static let headerNotFound = DiagnosticCode(
    id: "header-not-found", section: .mappingData, scope: .file, title: "Header row not found",
    rule:
      "No row near the top of the worksheet has the header words the table looks for (`header.find`). The template may have changed: compare its header row with the mapping, or run `redthread mapping explain`.",
    template: "no row[ of '{sheet}'] has the table's header words",
    hint: "compare the header row with the mapping (`redthread mapping explain`)",
    swedish: SwedishTexts(
      title: "Rubrikrad saknas",
      controller: "Ingen rad[ i bladet '{sheet}'] har de rubriker som mappningen söker efter.",
      controllerHint:
        "Mallen kan ha ändrats: jämför rubrikraden med mappningen (redthread mapping explain).",
      sender: "Rubrikraden[ i bladet '{sheet}'] hittades inte.",
      senderHint: "Behåll mallens rubriker som de är; ändra inte och ta inte bort rubrikraden."))

  /// Column not found.
  public static let columnNotFound = DiagnosticCode(
    id: "column-not-found", section: .mappingData, scope: .row, title: "Column not found",
    rule:
      "A column the mapping reads is not in the header row; the hint names the closest header. Add the new name to the field's synonym list, or mark the field `optional: true`.",
    template: "no column[ '{column}'] in the header row[ of '{sheet}']",
    hint:
      "[did you mean '{suggestion}'? ]add the new header to the field's column list, or mark the field `optional: true`",
    swedish: SwedishTexts(
      title: "Kolumn saknas",
      controller:
        "En kolumn som mappningen läser saknas i rubrikraden[ i bladet '{sheet}'][: '{column}'].",
      controllerHint:
        "[Menade du '{suggestion}'? ]Ge kolumnen tillbaka sin gamla rubrik, eller lägg till den nya rubriken i fältets lista över kolumner i mappningen.",
      sender: "Kolumnen[ '{column}'] saknas[ i bladet '{sheet}'].",
      senderHint:
        "[Har den bytt namn till '{suggestion}'? ]Ge kolumnen tillbaka den rubrik den har i kommunens mall."
    ), example: ["column": "Målvärde", "suggestion": "Mål värde"])

  /// Missing value.
  public static let missingValue = DiagnosticCode(
    id: "missing-value", section: .mappingData, scope: .cell, title: "Missing value",
    rule:
      "A cell that must be filled in is blank (a goal's title, a KPI's name, a field marked `required`).",
    template: "required value[ '{field}'] is blank", hint: "fill in the cell",
    swedish: SwedishTexts(
      title: "Värde saknas", controller: "En cell som måste vara ifylld är tom.",
      controllerHint: "Fyll i cellen.", sender: "En cell som måste vara ifylld är tom.",
      senderHint: "Fyll i cellen."), example: ["field": "title"])

  /// Value of the wrong type.
  public static let typeError = DiagnosticCode(
    id: "type-error", section: .mappingData, scope: .cell, title: "Value of the wrong type",
    rule:
      "The cell's value cannot be read as the field's type: a number (`47,8`, `4 102`), a percentage, a date (`2026-03-03`, `3 mars 2026`), yes/no (`Ja`/`Nej`), a period (`2025/26`, `T2 2026`) or a target (`Minst 88 %`).",
    template: "'{value}' is not {expected}",
    hint: "write it like 47,8, 2026-03-03, T2 2026 or 'Minst 88 %'",
    swedish: SwedishTexts(
      title: "Fel typ av värde",
      controller:
        "Värdet[ '{value}'] kan inte läsas som den typ fältet kräver (tal, datum, period, målvärde eller ja/nej).",
      controllerHint:
        "Skriv värdet så att det kan läsas, t.ex. 47,8 eller 4 102, 2026-03-03, T2 2026 eller 'Minst 88 %'.",
      sender: "Värdet[ '{value}'] går inte att läsa.",
      senderHint:
        "Skriv värdet så att det kan läsas, t.ex. 47,8 eller 4 102, 2026-03-03, T2 2026 eller 'Minst 88 %'."
    ), example: ["value": "n/a", "expected": "a number"])

  /// Value not in the list.
  public static let unknownValue = DiagnosticCode(
    id: "unknown-value", section: .mappingData, scope: .cell, title: "Value not in the list",
    rule:
      "The cell's text is not one of the words the field accepts (a status, an assessment, a value map entry); the hint names the closest one.",
    template: "'{value}' is not one of the field's values",
    hint:
      "[did you mean '{suggestion}'? ]choose one of the template's values, or add the spelling to the mapping's value map",
    swedish: SwedishTexts(
      title: "Okänt värde",
      controller: "Värdet[ '{value}'] finns inte bland de värden som fältet tar emot.",
      controllerHint:
        "Välj ett av mallens värden, t.ex. en status eller en bedömning, eller lägg till stavningen i mappningens värdelista.",
      sender: "Värdet[ '{value}'] är inte ett av de värden som går att välja.",
      senderHint:
        "[Menade du '{suggestion}'? ]Välj ett värde i mallens lista, t.ex. en status eller en bedömning."
    ), example: ["value": "Pågår ej", "suggestion": "Ej påbörjad"])

  /// Value does not match the pattern.
  public static let patternMismatch = DiagnosticCode(
    id: "pattern-mismatch", section: .mappingData, scope: .cell,
    title: "Value does not match the pattern",
    rule:
      "The cell's text does not have the form the mapping requires, e.g. a Kolada id `N15419` (`^[NU]\\d{5}$`).",
    template: "'{value}' does not match the pattern '{pattern}'", hint: "correct the value",
    swedish: SwedishTexts(
      title: "Värdet har fel form",
      controller: "Värdet[ '{value}'] har inte den form som krävs, t.ex. ett Kolada-id som N15419.",
      controllerHint: "Rätta värdet så att det får den form som mappningen kräver.",
      sender: "Värdet[ '{value}'] har inte den form som krävs, t.ex. ett Kolada-id som N15419.",
      senderHint: "Rätta värdet."), example: ["value": "N1541", "pattern": "^[NU]\\d{5}$"])

  /// Unknown unit.
  public static let unknownUnit = DiagnosticCode(
    id: "unknown-unit", section: .mappingData, scope: .cell, title: "Unknown unit",
    rule:
      "The unit name (or code) written in the file is not in the unit register, under its name or any alias; the hint names the closest unit. Add the spelling as an alias in the register.",
    template: "unit '{value}' is not in the unit register",
    hint: "[did you mean '{suggestion}'? ]add the spelling as an alias in the unit register",
    swedish: SwedishTexts(
      title: "Okänd enhet", controller: "Enheten[ '{value}'] finns inte i enhetsregistret.",
      controllerHint:
        "Rätta enhetens namn, eller lägg till stavningen som alias i enhetsregistret.",
      sender: "Enheten[ '{value}'] känns inte igen.",
      senderHint: "[Menade du '{suggestion}'? ]Skriv enhetens namn så som kommunen skriver det."),
    example: ["value": "Lillåsskolan", "suggestion": "Lillåskolan"])

  /// Unknown goal.
  public static let unknownGoal = DiagnosticCode(
    id: "unknown-goal", section: .mappingData, scope: .cell, title: "Unknown goal",
    rule:
      "A goal named by title or id is not among the known goals; the hint names the closest one.",
    template: "goal '{value}' is not among the known goals", hint: "[did you mean '{suggestion}'?]",
    swedish: SwedishTexts(
      title: "Okänt mål", controller: "Målet[ '{value}'] finns inte bland de kända målen.",
      controllerHint: "Skriv målets id eller titel så som det står i verksamhetsplanen.",
      sender: "Målet[ '{value}'] känns inte igen.",
      senderHint:
        "[Menade du '{suggestion}'? ]Skriv målets id eller titel så som det står i verksamhetsplanen."
    ), example: ["value": "NM 2", "suggestion": "NM-2"])

  /// Value not in the register.
  public static let unknownLookupValue = DiagnosticCode(
    id: "unknown-lookup-value", section: .mappingData, scope: .cell,
    title: "Value not in the register",
    rule: "The key is not in the register table the field looks up.",
    template: "'{value}' is not in the register table '{table}'",
    hint: "correct the value, or add it to the register",
    swedish: SwedishTexts(
      title: "Värdet saknas i registret",
      controller: "Värdet[ '{value}'] finns inte i den registertabell som fältet slår upp i.",
      controllerHint: "Rätta värdet, eller lägg till det i registret.",
      sender: "Värdet[ '{value}'] känns inte igen.",
      senderHint:
        "Rätta värdet, eller fråga den som sammanställer uppföljningen vilka värden som gäller."),
    example: ["table": "schools"])

  /// Register table not loaded.
  public static let lookupTableMissing = DiagnosticCode(
    id: "lookup-table-missing", section: .mappingData, category: .configuration, scope: .file,
    title: "Register table not loaded",
    rule:
      "The mapping looks values up in a register table that no reference file loads; add it under `registers` in the reference files.",
    template: "the register table '{table}' is not loaded",
    hint: "add it under `registers` in the reference files",
    swedish: SwedishTexts(
      title: "Registertabell saknas",
      controller: "Mappningen slår upp värden i en registertabell som inte är inläst.",
      controllerHint: "Ange tabellen under registers i referensfilerna.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo), example: ["table": "schools"]
  )

  /// Context value missing.
  public static let contextValueMissing = DiagnosticCode(
    id: "context-value-missing", section: .mappingData, scope: .cell,
    title: "Context value missing",
    rule: "A value the whole file depends on (the unit in B2, the period line) is blank or absent.",
    template: "the file's {field} is blank or absent",
    hint: "fill in the unit's name and the period in the heading block",
    swedish: SwedishTexts(
      title: "Enhet eller period saknas",
      controller:
        "Ett värde som gäller hela filen saknas, t.ex. enheten eller perioden i rubrikblocket.",
      controllerHint: "Fyll i enhetens namn och perioden i rubrikblocket.",
      sender: "Enhetens namn eller perioden saknas överst i filen.",
      senderHint: "Fyll i enhetens namn och perioden i rubrikblocket överst i arbetsboken."),
    example: ["field": "unit"])

  /// Period columns out of order.
  public static let periodOrder = DiagnosticCode(
    id: "period-order", section: .mappingData, severity: .warning, scope: .row,
    title: "Period columns out of order",
    rule:
      "The period columns of a wide table are not in the order the mapping declares (`newest-first` or `oldest-first`): a column may have moved.",
    template: "the period columns[ of '{sheet}'] are not in the declared order",
    hint: "a column may have moved; values are still read under their own headers",
    swedish: SwedishTexts(
      title: "Periodkolumner i fel ordning",
      controller:
        "Periodkolumnerna[ i bladet '{sheet}'] står inte i den ordning som mappningen anger.",
      controllerHint: "En kolumn kan ha flyttats; värdena läses ändå under sina egna rubriker.",
      sender: "Periodkolumnerna[ i bladet '{sheet}'] står i en annan ordning än i mallen.",
      senderHint: "Värdena läses ändå; flytta gärna tillbaka kolumnerna till mallens ordning."))

  /// Rows left out.
  public static let rowsLeftOut = DiagnosticCode(
    id: "rows-left-out", section: .mappingData, severity: .info, scope: .file,
    title: "Rows left out",
    rule:
      "Rows with values that no table of the mapping made a record from (a total row, a row failing `keep_when`, a row with nothing in the mapped columns, notes after the table's end). Information only; `redthread mapping explain` lists each row and the reason, so that nothing is lost silently.",
    template: "{value} rows[ of '{sheet}'] with values were left out",
    hint: "`redthread mapping explain` lists each row and why",
    swedish: SwedishTexts(
      title: "Rader som inte lästes",
      controller:
        "{value} rader med värden[ i bladet '{sheet}'] blev inte poster, t.ex. summarader eller anteckningar.",
      controllerHint: "redthread mapping explain visar varje rad och varför den inte lästes.",
      sender:
        "{value} rader med värden[ i bladet '{sheet}'] lästes inte, t.ex. summarader eller anteckningar under tabellen.",
      senderHint: "Skriv uppgifterna i mallens rader och kolumner, så kommer de med."),
    example: ["value": "3"])

  static let mappingDataCodes: [DiagnosticCode] = [
    sheetNotFound, headerNotFound, columnNotFound, missingValue, typeError, unknownValue,
    patternMismatch, unknownUnit, unknownGoal, unknownLookupValue, lookupTableMissing,
    contextValueMissing, periodOrder, rowsLeftOut,
  ]
}
