extension DiagnosticCode {
  // MARK: Writing workbooks (XLSX), and options

  /// Invalid option.
  public static let invalidOption = DiagnosticCode(
    id: "invalid-option", section: .writingWorkbooks, category: .usage, scope: .file,
    title: "Invalid option",
    rule:
      "An option is out of range or names nothing known: a compression level outside 0–9 for the XLSX writer; an unknown encoding or dialect, or a delimiter or quote character that is not a single ASCII character, for CSV.",
    template: "invalid option {option}: '{value}'", hint: "see `--help` for the accepted values",
    swedish: SwedishTexts(
      title: "Ogiltigt val",
      controller: "Ett val[, {option},] har ett ogiltigt värde[: '{value}'].",
      controllerHint: "Se hjälptexten för tillåtna värden.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["option": "--delimiter", "value": "ab"])

  /// Blank sheet name.
  public static let sheetNameBlank = DiagnosticCode(
    id: "sheet-name-blank", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Blank sheet name",
    rule: "Excel needs a sheet name with at least one visible character.",
    template: "a sheet name is blank", hint: "give the sheet a name with a visible character",
    swedish: SwedishTexts(
      title: "Tomt bladnamn", controller: "Ett blad saknar namn.",
      controllerHint: "Ge bladet ett namn med minst ett synligt tecken.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo))

  /// Sheet name too long.
  public static let sheetNameTooLong = DiagnosticCode(
    id: "sheet-name-too-long", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Sheet name too long",
    rule: "Excel allows at most 31 characters in a sheet name. Shorten it.",
    template: "sheet name '{sheet}' is longer than 31 characters", hint: "shorten it",
    swedish: SwedishTexts(
      title: "För långt bladnamn", controller: "Bladnamnet '{sheet}' är längre än 31 tecken.",
      controllerHint: "Korta namnet.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo))

  /// Invalid character in sheet name.
  public static let sheetNameInvalidCharacter = DiagnosticCode(
    id: "sheet-name-invalid-character", section: .writingWorkbooks, category: .cannotCreate,
    scope: .file, title: "Invalid character in sheet name",
    rule:
      "Sheet names may not contain [ ] : * ? / \\ or control characters, nor begin or end with an apostrophe.",
    template: "sheet name '{sheet}' holds a character Excel does not allow",
    hint: "leave out [ ] : * ? / \\ and apostrophes at either end",
    swedish: SwedishTexts(
      title: "Otillåtet tecken i bladnamn",
      controller: "Bladnamnet '{sheet}' innehåller ett tecken som Excel inte tillåter.",
      controllerHint: "Ta bort [ ] : * ? / \\ och apostrofer först eller sist.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo))

  /// Reserved sheet name.
  public static let sheetNameReserved = DiagnosticCode(
    id: "sheet-name-reserved", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Reserved sheet name",
    rule: "Excel reserves the name 'History' (in any case). Choose another name.",
    template: "sheet name '{sheet}' is reserved by Excel", hint: "choose another name",
    swedish: SwedishTexts(
      title: "Reserverat bladnamn", controller: "Bladnamnet '{sheet}' är reserverat av Excel.",
      controllerHint: "Välj ett annat namn.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["sheet": "History"])

  /// Duplicate sheet name.
  public static let duplicateSheetName = DiagnosticCode(
    id: "duplicate-sheet-name", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Duplicate sheet name",
    rule: "Two sheets have the same name, compared without regard to case as Excel does.",
    template: "two sheets are named '{sheet}'", hint: "give each sheet its own name",
    swedish: SwedishTexts(
      title: "Dubblerat bladnamn", controller: "Två blad heter '{sheet}'.",
      controllerHint: "Ge varje blad ett eget namn.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo))

  /// No worksheet.
  public static let noWorksheet = DiagnosticCode(
    id: "no-worksheet", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "No worksheet",
    rule:
      "A row was written before any worksheet was added, or the workbook was closed with no worksheet: Excel needs at least one.",
    template: "the workbook has no worksheet", hint: "add a worksheet before writing rows",
    swedish: SwedishTexts(
      title: "Inget kalkylblad", controller: "Arbetsboken har inget kalkylblad.",
      controllerHint: "Lägg till ett blad innan rader skrivs.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo))

  /// Row out of order.
  public static let rowOutOfOrder = DiagnosticCode(
    id: "row-out-of-order", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Row out of order",
    rule: "Rows are streamed: each row number must be greater than the previous one's.",
    template: "row {row} comes after a later row", hint: "write rows in ascending order",
    swedish: SwedishTexts(
      title: "Rad i fel ordning", controller: "En rad[ ({row})] skrivs efter en senare rad.",
      controllerHint: "Skriv raderna i stigande ordning.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["row": "7"])

  /// Row beyond Excel's grid.
  public static let tooManyRows = DiagnosticCode(
    id: "too-many-rows", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Row beyond Excel's grid", rule: "Row numbers run from 1 to 1,048,576, Excel's limit.",
    template: "row {row} is outside 1–1,048,576", hint: "split the data over several sheets",
    swedish: SwedishTexts(
      title: "För många rader",
      controller: "En rad[ ({row})] ligger utanför Excels gräns på 1 048 576 rader.",
      controllerHint: "Dela upp data på flera blad.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["row": "1048577"])

  /// Column beyond Excel's grid.
  public static let tooManyColumns = DiagnosticCode(
    id: "too-many-columns", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Column beyond Excel's grid",
    rule: "A row can hold at most 16,384 cells (columns A to XFD), Excel's limit.",
    template: "a row has {count} cells; Excel allows 16,384",
    hint: "split the data over several sheets",
    swedish: SwedishTexts(
      title: "För många kolumner",
      controller: "En rad har fler celler än de 16 384 som Excel tillåter[ ({count})].",
      controllerHint: "Dela upp data på flera blad.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["count": "16385"])

  /// Not a finite number.
  public static let nonFiniteNumber = DiagnosticCode(
    id: "non-finite-number", section: .writingWorkbooks, category: .cannotCreate, scope: .cell,
    title: "Not a finite number",
    rule:
      "NaN and infinities cannot be stored in a workbook. Write a blank or an error value such as #N/A instead.",
    template: "value {value} is not a finite number", hint: "write a blank or #N/A instead",
    swedish: SwedishTexts(
      title: "Inget ändligt tal", controller: "Värdet {value} är inget ändligt tal.",
      controllerHint: "Skriv en tom cell eller #N/A i stället.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["value": "NaN"])

  /// Date outside Excel's range.
  public static let dateOutOfRange = DiagnosticCode(
    id: "date-out-of-range", section: .writingWorkbooks, category: .cannotCreate, scope: .cell,
    title: "Date outside Excel's range",
    rule:
      "Excel's 1900 date system covers 1900-01-01 to 9999-12-31, and times of day alone (serials 0 to 1). Write other dates as text.",
    template: "date {value} is outside 1900-01-01 to 9999-12-31", hint: "write the date as text",
    swedish: SwedishTexts(
      title: "Datum utanför Excels intervall",
      controller: "Datumet {value} ligger utanför 1900-01-01–9999-12-31.",
      controllerHint: "Skriv datumet som text.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["value": "1899-12-30"])

  /// Unknown error value.
  public static let invalidErrorValue = DiagnosticCode(
    id: "invalid-error-value", section: .writingWorkbooks, category: .cannotCreate, scope: .cell,
    title: "Unknown error value",
    rule:
      "An error cell must hold one of Excel's error values: #NULL!, #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #N/A or #GETTING_DATA.",
    template: "'{value}' is not an Excel error value",
    hint: "use one of #NULL!, #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #N/A",
    swedish: SwedishTexts(
      title: "Okänt felvärde", controller: "'{value}' är inget av Excels felvärden.",
      controllerHint: "Använd #N/A, #DIV/0! eller ett annat av Excels felvärden.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo), example: ["value": "#FEL"])

  /// Invalid range.
  public static let invalidRange = DiagnosticCode(
    id: "invalid-range", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Invalid range",
    rule:
      "A merged range, autofilter, column width or frozen pane lies outside Excel's grid, or two merged ranges overlap.",
    template: "range '{value}' lies outside the grid or overlaps another",
    hint: "keep ranges inside A1:XFD1048576 and apart",
    swedish: SwedishTexts(
      title: "Ogiltigt område",
      controller: "Området '{value}' ligger utanför rutnätet eller överlappar ett annat.",
      controllerHint: "Håll områdena inom A1:XFD1048576 och isär.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["value": "A1:XFE2"])

  /// Invalid cell style.
  public static let invalidStyle = DiagnosticCode(
    id: "invalid-style", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Invalid cell style",
    rule:
      "A number format is empty or longer than 255 characters, a font size is outside 1–409 points, or the workbook needs more than 64,000 distinct cell formats.",
    template: "style cannot be written: {value}",
    hint: "keep number formats under 255 characters and font sizes within 1–409",
    swedish: SwedishTexts(
      title: "Ogiltigt cellformat", controller: "Cellformatet kan inte skrivas: {value}.",
      controllerHint: "Håll talformat under 255 tecken och teckenstorlekar inom 1–409.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo),
    example: ["value": "font size 500"])

  /// Writer closed.
  public static let writerClosed = DiagnosticCode(
    id: "writer-closed", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Writer closed",
    rule: "The writer was used after close, discard or a write failure. Start a new writer.",
    template: "the workbook writer was used after it was closed", hint: "start a new writer",
    swedish: SwedishTexts(
      title: "Skrivaren är stängd", controller: "Arbetsboken skrevs till efter att den stängts.",
      controllerHint: "Börja om med en ny arbetsbok.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo))

  /// Write failed.
  public static let writeFailed = DiagnosticCode(
    id: "write-failed", section: .writingWorkbooks, category: .cannotCreate, scope: .file,
    title: "Write failed",
    rule:
      "An output could not be created, written or moved into place: the folder is missing or read-only, the disk is full, or libzip or zlib failed (the detail names the C function). Nothing is left half-written (writers work in a temporary file beside the target), and an existing file at the path, earlier results and reports are left as they were.",
    template: "'{file}' could not be written[: {value}]",
    hint: "check that the folder exists, is writable and has free space",
    swedish: SwedishTexts(
      title: "Kunde inte skriva", controller: "'{file}' kunde inte skrivas[: {value}].",
      controllerHint: "Kontrollera att mappen finns, är skrivbar och har ledigt utrymme.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo))

  /// Template markup that cannot be filled.
  public static let templateInvalid = DiagnosticCode(
    id: "template-invalid", section: .writingWorkbooks, category: .data, scope: .cell,
    title: "Template markup cannot be filled",
    rule:
      "A report template's markup is broken: a {{#each}} or {{#if}} row without its {{/each}} or {{/if}} row below it, a closing row that closes nothing or the other kind of block, a block marker that is not alone in the first filled cell of its row, '{{' without '}}', or '{{…}}' that is no placeholder. Nothing is written. `redthread report check` lists every problem.",
    template: "{value}", hint: "correct the template; see docs/templates.md",
    swedish: SwedishTexts(
      title: "Mallen kan inte fyllas i",
      controller: "Mallens markering går inte att fylla i[: {value}].",
      controllerHint: "Rätta mallen; 'redthread report check' visar alla fel.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo),
    example: ["value": "{{#each nyckeltal}} is never closed (no {{/each}} row below it)"])

  /// Unknown name in a template.
  public static let templateUnknownName = DiagnosticCode(
    id: "template-unknown-name", section: .writingWorkbooks, category: .data, scope: .cell,
    title: "Unknown name in a template",
    rule:
      "A report template uses a placeholder, field or collection that the board report does not have (docs/templates.md lists every name). The closest name is suggested. Nothing is written.",
    template: "{value}", hint: "use a name from docs/templates.md",
    swedish: SwedishTexts(
      title: "Okänt namn i mallen",
      controller: "Mallen använder ett namn som rapporten inte har[: {value}].",
      controllerHint: "Använd ett namn ur dokumentationen av mallar (docs/templates.md).",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo),
    example: ["value": "unknown name 'utfal' in {{#each nyckeltal}}; did you mean 'utfall'?"])

  static let writingWorkbookCodes: [DiagnosticCode] = [
    invalidOption, sheetNameBlank, sheetNameTooLong, sheetNameInvalidCharacter, sheetNameReserved,
    duplicateSheetName, noWorksheet, rowOutOfOrder, tooManyRows, tooManyColumns, nonFiniteNumber,
    dateOutOfRange, invalidErrorValue, invalidRange, invalidStyle, writerClosed, writeFailed,
    templateInvalid,
    templateUnknownName,
  ]
}
