extension DiagnosticCode {
  // MARK: Reading workbooks (XLSX)

  /// Not a workbook file.
  public static let notAZip = DiagnosticCode(
    id: "not-a-zip", section: .readingWorkbooks, scope: .file, title: "Not a workbook file",
    rule:
      "The file is neither a zip archive (XLSX) nor a Compound File (XLS, encrypted XLSX). It may be a CSV or HTML file with an .xlsx name: open it in Excel and save it as an Excel Workbook (.xlsx).",
    template: "'{file}' is neither a zip archive (XLSX) nor a Compound File",
    hint: "open it in Excel and save it as an Excel Workbook (.xlsx)",
    swedish: SwedishTexts(
      title: "Inte en Excel-arbetsbok",
      controller:
        "Filen '{file}' är varken ett zip-arkiv (XLSX) eller en Compound File; den kan vara en CSV- eller HTML-fil med namnet .xlsx.",
      controllerHint: "Öppna filen i Excel och spara den som Excel-arbetsbok (.xlsx).",
      sender: SenderText.notReadable, senderHint: SenderText.resave))

  /// Truncated workbook.
  public static let truncatedZip = DiagnosticCode(
    id: "truncated-zip", section: .readingWorkbooks, scope: .file, title: "Truncated workbook",
    rule:
      "The file starts like an XLSX (zip) archive but ends early, usually an incomplete download or copy. Copy the file again from its source.",
    template: "'{file}' starts like a workbook but ends early",
    hint: "copy the file again from its source",
    swedish: SwedishTexts(
      title: "Ofullständig arbetsbok",
      controller:
        "Filen '{file}' börjar som en arbetsbok men tar slut för tidigt, oftast en avbruten kopiering.",
      controllerHint: "Kopiera filen igen från källan.",
      sender: "Filen är inte hel; den har blivit avklippt.", senderHint: SenderText.sendAgain))

  /// Corrupt workbook archive.
  public static let corruptZip = DiagnosticCode(
    id: "corrupt-zip", section: .readingWorkbooks, scope: .file, title: "Corrupt workbook archive",
    rule:
      "The zip archive is inconsistent, a part fails its CRC check, or its data cannot be inflated. Open the file in Excel, let it repair the workbook, and save it again.",
    template: "the zip archive of '{file}' is damaged[: {value}]",
    hint: "open the file in Excel, let it repair the workbook, and save it again",
    swedish: SwedishTexts(
      title: "Skadad arbetsbok", controller: "Zip-arkivet i '{file}' är skadat[: {value}].",
      controllerHint: "Öppna filen i Excel, låt Excel reparera den och spara den igen.",
      sender: "Filen är skadad.", senderHint: SenderText.resave))

  /// Empty file.
  public static let emptyFile = DiagnosticCode(
    id: "empty-file", section: .readingWorkbooks, scope: .file, title: "Empty file",
    rule:
      "The file is empty (0 bytes), usually a failed save or an interrupted copy. Copy the file again from its source.",
    template: "'{file}' is empty (0 bytes)", hint: "copy the file again from its source",
    swedish: SwedishTexts(
      title: "Tom fil",
      controller:
        "Filen '{file}' är tom (0 byte), oftast en misslyckad sparning eller en avbruten kopiering.",
      controllerHint: "Kopiera filen igen från källan.", sender: "Filen är tom.",
      senderHint: "Spara arbetsboken i Excel och skicka den igen."))

  /// Bytes after the zip archive.
  public static let trailingData = DiagnosticCode(
    id: "trailing-data", section: .readingWorkbooks, scope: .file,
    title: "Bytes after the zip archive",
    rule:
      "The file holds a complete zip archive followed by bytes that are not part of it (often zero bytes left by a copy or download tool), so the archive's end record is not at the end of the file. Open the file in Excel and save it again.",
    template: "'{file}' has bytes after its zip archive",
    hint: "open the file in Excel and save it again",
    swedish: SwedishTexts(
      title: "Extra data efter arbetsboken",
      controller:
        "Filen '{file}' har byte efter sitt zip-arkiv, ofta nollor från ett kopierings- eller nedladdningsverktyg.",
      controllerHint: "Öppna filen i Excel och spara den igen.",
      sender: "Filen har skadats när den kopierades.", senderHint: SenderText.resave))

  /// Encrypted workbook.
  public static let encryptedWorkbook = DiagnosticCode(
    id: "encrypted-workbook", section: .readingWorkbooks, scope: .file, title: "Encrypted workbook",
    rule:
      "The workbook is protected with a password to open (a Compound File with EncryptionInfo and EncryptedPackage, or zip entries encrypted with a password). Remove the password in Excel (File > Info > Protect Workbook) and send it again.",
    template: "'{file}' is protected with a password",
    hint: "remove the password in Excel (File > Info > Protect Workbook)",
    swedish: SwedishTexts(
      title: "Lösenordsskyddad arbetsbok",
      controller: "Arbetsboken '{file}' är skyddad med ett lösenord.",
      controllerHint: "Be avsändaren ta bort lösenordet och skicka filen igen.",
      sender: "Arbetsboken har ett lösenord och kan inte öppnas.",
      senderHint:
        "Ta bort lösenordet i Excel (Arkiv > Info > Skydda arbetsbok), spara och skicka filen igen."
    ))

  /// Legacy .xls workbook.
  public static let legacyXLS = DiagnosticCode(
    id: "legacy-xls", section: .readingWorkbooks, scope: .file, title: "Legacy .xls workbook",
    rule:
      "The file is an Excel 97-2003 workbook (.xls, BIFF8). Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).",
    template: "'{file}' is an Excel 97-2003 workbook (.xls)",
    hint: "save it as an Excel Workbook (.xlsx)",
    swedish: SwedishTexts(
      title: "Gammal Excel-fil (.xls)",
      controller: "Filen '{file}' är en arbetsbok i det gamla formatet Excel 97-2003 (.xls).",
      controllerHint: "Spara den som Excel-arbetsbok (.xlsx).",
      sender: "Filen är sparad i Excels gamla format (.xls).", senderHint: SenderText.resave))

  /// Compound file without a workbook.
  public static let notAWorkbook = DiagnosticCode(
    id: "not-a-workbook", section: .readingWorkbooks, scope: .file,
    title: "Compound file without a workbook",
    rule:
      "The file is a Compound File (the container of legacy Office documents) but holds no workbook, e.g. a Word .doc with an .xls name.",
    template: "'{file}' is an Office file but holds no workbook", hint: "send the workbook itself",
    swedish: SwedishTexts(
      title: "Ingen arbetsbok i filen",
      controller:
        "Filen '{file}' är ett Office-dokument men innehåller ingen arbetsbok, t.ex. ett Word-dokument med namnet .xls.",
      controllerHint: "Be om själva arbetsboken.",
      sender: "Filen är ett annat slags dokument, inte en Excel-arbetsbok.",
      senderHint: "Skicka Excel-filen med uppföljningen."))

  /// Binary workbook (.xlsb).
  public static let xlsbWorkbook = DiagnosticCode(
    id: "xlsb-workbook", section: .readingWorkbooks, scope: .file, title: "Binary workbook (.xlsb)",
    rule: "The file is an Excel Binary Workbook (.xlsb). Save it as an Excel Workbook (.xlsx).",
    template: "'{file}' is an Excel Binary Workbook (.xlsb)",
    hint: "save it as an Excel Workbook (.xlsx)",
    swedish: SwedishTexts(
      title: "Binär arbetsbok (.xlsb)",
      controller: "Filen '{file}' är en binär Excel-arbetsbok (.xlsb).",
      controllerHint: "Spara den som Excel-arbetsbok (.xlsx).",
      sender: "Filen är sparad som binär arbetsbok (.xlsb).", senderHint: SenderText.resave))

  /// OpenDocument spreadsheet (.ods).
  public static let odsWorkbook = DiagnosticCode(
    id: "ods-workbook", section: .readingWorkbooks, scope: .file,
    title: "OpenDocument spreadsheet (.ods)",
    rule:
      "The file is an OpenDocument spreadsheet (.ods). Save it as an Excel Workbook (.xlsx) in LibreOffice or Excel.",
    template: "'{file}' is an OpenDocument spreadsheet (.ods)",
    hint: "save it as an Excel Workbook (.xlsx)",
    swedish: SwedishTexts(
      title: "OpenDocument-kalkylblad (.ods)",
      controller: "Filen '{file}' är ett OpenDocument-kalkylblad (.ods).",
      controllerHint: "Spara den som Excel-arbetsbok (.xlsx) i LibreOffice eller Excel.",
      sender: "Filen är sparad i formatet OpenDocument (.ods).", senderHint: SenderText.resave))

  /// Missing part.
  public static let missingPart = DiagnosticCode(
    id: "missing-part", section: .readingWorkbooks, scope: .file, title: "Missing part",
    rule:
      "A part the workbook needs is missing from the package: `_rels/.rels`, the officeDocument relationship, the workbook part, its relationships (`xl/_rels/workbook.xml.rels`), or the part of a listed sheet. Optional parts (shared strings, styles) may be absent.",
    template: "the workbook lacks the part '{part}'",
    hint: "open the file in Excel and save it again",
    swedish: SwedishTexts(
      title: "Del av arbetsboken saknas",
      controller: "Arbetsboken saknar en del som den behöver[: '{part}'].",
      controllerHint: "Öppna filen i Excel och spara den igen.",
      sender: "En del av arbetsboken saknas; filen är skadad.", senderHint: SenderText.resave))

  /// Malformed XML.
  public static let malformedXML = DiagnosticCode(
    id: "malformed-xml", section: .readingWorkbooks, scope: .file, title: "Malformed XML",
    rule:
      "A part of the workbook is not well-formed XML (the message gives the part, line and column), or is in an encoding that cannot be decoded.",
    template: "part '{part}' is not well-formed XML[: {value}]",
    hint: "open the file in Excel and save it again",
    swedish: SwedishTexts(
      title: "Trasig XML i arbetsboken",
      controller: "En del av arbetsboken[, '{part}',] är inte välformad XML[: {value}].",
      controllerHint: "Öppna filen i Excel och spara den igen.", sender: SenderText.notReadable,
      senderHint: SenderText.resave))

  /// Unsupported encoding.
  public static let unsupportedEncoding = DiagnosticCode(
    id: "unsupported-encoding", section: .readingWorkbooks, scope: .file,
    title: "Unsupported encoding",
    rule:
      "A part of the workbook is encoded in UTF-32, which OOXML does not allow (parts are UTF-8 or UTF-16). Open the file in Excel and save it again.",
    template: "part '{part}' is encoded in UTF-32",
    hint: "open the file in Excel and save it again",
    swedish: SwedishTexts(
      title: "Teckenkodning som inte stöds",
      controller:
        "En del av arbetsboken[, '{part}',] är kodad i UTF-32, vilket arbetsböcker inte får vara.",
      controllerHint: "Öppna filen i Excel och spara den igen.", sender: SenderText.notReadable,
      senderHint: SenderText.resave))

  /// Sheet part is not a worksheet.
  public static let notAWorksheet = DiagnosticCode(
    id: "not-a-worksheet", section: .readingWorkbooks, scope: .file,
    title: "Sheet part is not a worksheet",
    rule:
      "A sheet of the workbook points, through its relationship, at a part that is not a worksheet (the workbook part itself, a relationships part, the shared strings or the styles), or at a part whose root element is not <worksheet>. The file was not made by a spreadsheet application or has been tampered with.",
    template: "sheet '{sheet}' points at '{part}', which is not a worksheet",
    hint: "open the file in Excel and save it again",
    swedish: SwedishTexts(
      title: "Bladet är inget kalkylblad",
      controller: "Bladet[ '{sheet}'] pekar på en del[, '{part}',] som inte är ett kalkylblad.",
      controllerHint:
        "Filen är inte gjord av ett kalkylprogram eller har ändrats; öppna den i Excel och spara den igen.",
      sender: SenderText.notReadable, senderHint: SenderText.resave))

  /// DOCTYPE refused.
  public static let doctypeRefused = DiagnosticCode(
    id: "doctype-refused", section: .readingWorkbooks, scope: .file, title: "DOCTYPE refused",
    rule:
      "A part contains a <!DOCTYPE> declaration. Spreadsheet applications never write one; document type definitions carry entity-expansion and external-entity attacks, so such files are refused.",
    template: "part '{part}' carries a <!DOCTYPE> declaration",
    hint: "spreadsheet applications never write one; ask where the file came from",
    swedish: SwedishTexts(
      title: "DOCTYPE avvisad",
      controller:
        "En del av arbetsboken[, '{part}',] innehåller en <!DOCTYPE>-deklaration, som kalkylprogram aldrig skriver och som kan bära angrepp.",
      controllerHint: "Ta reda på var filen kommer ifrån innan den öppnas.",
      sender: SenderText.notReadable, senderHint: SenderText.resave))

  /// Invalid shared-string index.
  public static let invalidSharedString = DiagnosticCode(
    id: "invalid-shared-string", section: .readingWorkbooks, scope: .cell,
    title: "Invalid shared-string index",
    rule:
      "A cell refers to a shared string by an index past the end of the shared-string table (`xl/sharedStrings.xml`).",
    template: "cell refers to shared string {value}, past the end of the table",
    hint: "open the file in Excel and save it again",
    swedish: SwedishTexts(
      title: "Ogiltig textreferens",
      controller:
        "En cell hänvisar till text nummer {value}, som inte finns i arbetsbokens texttabell.",
      controllerHint: "Öppna filen i Excel och spara den igen.",
      sender: "En cell i arbetsboken är skadad.", senderHint: SenderText.resave))

  /// Part too large.
  public static let partTooLarge = DiagnosticCode(
    id: "part-too-large", section: .readingWorkbooks, scope: .file, title: "Part too large",
    rule:
      "One part of the archive inflates past the per-part cap (`maxPartBytes`, default 1 GiB), counted while inflating. Raise the cap if the file is genuine.",
    template: "part '{part}' inflates past {limit} bytes",
    hint: "raise `maxPartBytes` if the file is genuine",
    swedish: SwedishTexts(
      title: "Del av arbetsboken för stor",
      controller:
        "En del av arbetsboken[, '{part}',] blir för stor uppackad[ (mer än {limit} byte)].",
      controllerHint: "Höj gränsen om filen är äkta.", sender: SenderText.tooLarge,
      senderHint: SenderText.makeSmaller))

  /// Workbook too large.
  public static let workbookTooLarge = DiagnosticCode(
    id: "workbook-too-large", section: .readingWorkbooks, scope: .file, title: "Workbook too large",
    rule:
      "The parts read inflate past the cap for the whole workbook (`maxTotalBytes`, default 4 GiB).",
    template: "the workbook inflates past {limit} bytes",
    hint: "raise `maxTotalBytes` if the file is genuine",
    swedish: SwedishTexts(
      title: "Arbetsboken för stor",
      controller: "Arbetsboken blir för stor uppackad[ (mer än {limit} byte)].",
      controllerHint: "Höj gränsen om filen är äkta.", sender: SenderText.tooLarge,
      senderHint: SenderText.makeSmaller))

  /// Compression ratio exceeded.
  public static let compressionRatioExceeded = DiagnosticCode(
    id: "compression-ratio-exceeded", section: .readingWorkbooks, scope: .file,
    title: "Compression ratio exceeded",
    rule:
      "A part inflates more than `maxCompressionRatio` (default 200) times its compressed size once past 16 MiB: the signature of a zip bomb.",
    template: "part '{part}' inflates more than {limit} times its compressed size",
    hint: "a zip bomb looks like this; ask where the file came from",
    swedish: SwedishTexts(
      title: "Misstänkt packad fil",
      controller:
        "En del av arbetsboken[, '{part}',] blir mångdubbelt större uppackad[ (mer än {limit} gånger)], som en zip-bomb.",
      controllerHint: "Ta reda på var filen kommer ifrån.", sender: SenderText.tooLarge,
      senderHint: SenderText.makeSmaller))

  /// Too many parts.
  public static let tooManyParts = DiagnosticCode(
    id: "too-many-parts", section: .readingWorkbooks, scope: .file, title: "Too many parts",
    rule: "The archive lists more entries than `maxParts` (default 10,000).",
    template: "the archive lists more than {limit} parts",
    hint: "raise `maxParts` if the file is genuine",
    swedish: SwedishTexts(
      title: "För många delar", controller: "Arkivet har för många delar[ (fler än {limit})].",
      controllerHint: "Höj gränsen om filen är äkta.", sender: SenderText.tooLarge,
      senderHint: SenderText.makeSmaller))

  /// Too many shared strings.
  public static let tooManySharedStrings = DiagnosticCode(
    id: "too-many-shared-strings", section: .readingWorkbooks, scope: .file,
    title: "Too many shared strings",
    rule:
      "The shared-string table holds more strings than `maxSharedStrings` (default 1,000,000; the table is held in memory while the sheets are read).",
    template: "the shared-string table holds more than {limit} strings",
    hint: "raise `maxSharedStrings` if the file is genuine",
    swedish: SwedishTexts(
      title: "För många texter",
      controller: "Arbetsbokens texttabell har för många texter[ (fler än {limit})].",
      controllerHint: "Höj gränsen om filen är äkta.", sender: SenderText.tooLarge,
      senderHint: SenderText.makeSmaller))

  /// Shared strings too large.
  public static let sharedStringsTooLarge = DiagnosticCode(
    id: "shared-strings-too-large", section: .readingWorkbooks, scope: .file,
    title: "Shared strings too large",
    rule:
      "The shared strings hold more text than `maxSharedStringBytes` (default 64 MiB of UTF-8; the table is held in memory while the sheets are read).",
    template: "the shared strings hold more than {limit} bytes of text",
    hint: "raise `maxSharedStringBytes` if the file is genuine",
    swedish: SwedishTexts(
      title: "För mycket text",
      controller: "Arbetsbokens texttabell har för mycket text[ (mer än {limit} byte)].",
      controllerHint: "Höj gränsen om filen är äkta.", sender: SenderText.tooLarge,
      senderHint: SenderText.makeSmaller))

  /// Too many cells in a workbook.
  public static let tooManyCells = DiagnosticCode(
    id: "too-many-cells", section: .readingWorkbooks, scope: .file,
    title: "Too many cells",
    rule:
      "The sheets of a workbook read whole hold more cells than `maxCells` together (default 2,000,000; each cell read takes about 70 bytes of memory, so a full grid of Excel's 1,048,576 rows would take gigabytes). A planning workbook has thousands of cells.",
    template: "the workbook holds more than {limit} cells",
    hint: "raise `maxCells` if the file is genuine, or remove the sheets that are not needed",
    swedish: SwedishTexts(
      title: "För många celler",
      controller: "Arbetsboken har för många celler[ (fler än {limit})].",
      controllerHint: "Höj gränsen om filen är äkta, eller ta bort blad som inte behövs.",
      sender: SenderText.tooLarge, senderHint: SenderText.makeSmaller))

  /// Cell text too large.
  public static let cellTextTooLarge = DiagnosticCode(
    id: "cell-text-too-large", section: .readingWorkbooks, scope: .file,
    title: "Cell text too large",
    rule:
      "The string cells of one sheet hold more text than `maxCellTextBytes` (default 512 MiB), counting a shared string each time a cell refers to it: a small file can make thousands of cells refer to one huge shared string.",
    template: "the cells of sheet '{sheet}' hold more than {limit} bytes of text",
    hint: "raise `maxCellTextBytes` if the file is genuine",
    swedish: SwedishTexts(
      title: "För mycket text i bladet",
      controller: "Cellerna[ i bladet '{sheet}'] har för mycket text[ (mer än {limit} byte)].",
      controllerHint: "Höj gränsen om filen är äkta.", sender: SenderText.tooLarge,
      senderHint: SenderText.makeSmaller))

  /// Cell beyond Excel's limits.
  public static let cellOutOfRange = DiagnosticCode(
    id: "cell-out-of-range", section: .readingWorkbooks, scope: .cell,
    title: "Cell beyond Excel's limits",
    rule:
      "A cell or row lies beyond the grid: rows 1 to `maxRows` (Excel: 1,048,576) and columns A to `maxColumns` (Excel: 16,384, XFD), or a row number or cell reference is 0, negative or not a number.",
    template: "cell '{value}' lies outside the grid",
    hint: "open the file in Excel and save it again",
    swedish: SwedishTexts(
      title: "Cell utanför Excels gränser",
      controller: "Cellen '{value}' ligger utanför kalkylbladets rutnät.",
      controllerHint: "Öppna filen i Excel och spara den igen.",
      sender: "En cell i arbetsboken är skadad.", senderHint: SenderText.resave),
    example: ["value": "A0"])

  /// Cell text too long.
  public static let cellTextTooLong = DiagnosticCode(
    id: "cell-text-too-long", section: .readingWorkbooks, scope: .cell, title: "Cell text too long",
    rule:
      "One cell's text or one shared string is longer than the reader's `maxStringBytes` (default 1 MiB of UTF-8; the message gives the part and line), or a cell written holds more than 32,767 characters, Excel's limit.",
    template: "cell text has {count} characters; the limit is {limit}", hint: "shorten the text",
    swedish: SwedishTexts(
      title: "För lång text i en cell",
      controller: "Texten i cellen är för lång[: {count} tecken, där gränsen är {limit}].",
      controllerHint: "Korta texten.", sender: "En cell har för lång text.",
      senderHint: "Korta texten i cellen, spara och skicka filen igen."),
    example: ["count": "40 000", "limit": "32 767"])

  /// Shared formulas too large.
  public static let sharedFormulasTooLarge = DiagnosticCode(
    id: "shared-formulas-too-large", section: .readingWorkbooks, scope: .file,
    title: "Shared formulas too large",
    rule:
      "The formulas a sheet's shared formulas expand to hold more text than `maxSharedFormulaBytes` (default 16 MiB): a small file can share one very long formula over thousands of cells.",
    template: "the shared formulas of sheet '{sheet}' expand past {limit} bytes",
    hint: "raise `maxSharedFormulaBytes` if the file is genuine",
    swedish: SwedishTexts(
      title: "För stora formler",
      controller:
        "De delade formlerna[ i bladet '{sheet}'] blir för stora[ (mer än {limit} byte)].",
      controllerHint: "Höj gränsen om filen är äkta.", sender: SenderText.tooLarge,
      senderHint: "Ersätt formlerna med värden (Klistra in värden), spara och skicka filen igen."))

  /// XML construct too large.
  public static let xmlLimitExceeded = DiagnosticCode(
    id: "xml-limit-exceeded", section: .readingWorkbooks, scope: .file,
    title: "XML construct too large",
    rule:
      "One XML construct of a part is too large to parse safely: a start tag longer than `maxStartTagBytes` (default 128 KiB, e.g. an element with thousands of attributes), more than 10 MB of look-ahead, or more than 256 nested elements (libxml2's limits). Spreadsheet applications never write such parts.",
    template: "part '{part}' holds an XML construct too large to parse safely",
    hint: "spreadsheet applications never write such parts; ask where the file came from",
    swedish: SwedishTexts(
      title: "För stor XML-konstruktion",
      controller:
        "En del av arbetsboken[, '{part}',] innehåller en XML-konstruktion som är för stor för att läsas säkert.",
      controllerHint:
        "Kalkylprogram skriver aldrig sådana delar; ta reda på var filen kommer ifrån.",
      sender: SenderText.tooLarge, senderHint: SenderText.resave))

  /// Sheet skipped.
  public static let skippedSheet = DiagnosticCode(
    id: "skipped-sheet", section: .readingWorkbooks, severity: .warning, scope: .file,
    title: "Sheet skipped",
    rule:
      "A sheet of the workbook part names no relationship of the workbook: its `r:id` is empty (Excel leaves `r:id=\"\"` on some very hidden sheets) or not in `xl/_rels/workbook.xml.rels`. It has no part to read, so it is left out and the other sheets are read. Save the workbook again in Excel if the sheet is needed.",
    template: "sheet '{sheet}' has no part to read; it is skipped and the other sheets are read",
    hint: "open the workbook in Excel and save it again if the sheet is needed",
    swedish: SwedishTexts(
      title: "Blad hoppades över",
      controller:
        "Bladet '{sheet}' hänvisar inte till någon del av arbetsboken och hoppades över; de andra bladen lästes.",
      controllerHint: "Öppna arbetsboken i Excel och spara den igen om bladet behövs.",
      sender: "Ett dolt blad i arbetsboken gick inte att läsa och hoppades över.",
      senderHint:
        "Inget att göra om bladet inte behövs; annars öppna filen i Excel och spara den igen."),
    example: ["sheet": "Dolt"])

  static let readingWorkbookCodes: [DiagnosticCode] = [
    skippedSheet, notAZip, truncatedZip, corruptZip, emptyFile, trailingData, encryptedWorkbook,
    legacyXLS,
    notAWorkbook, xlsbWorkbook, odsWorkbook, missingPart, malformedXML, unsupportedEncoding,
    notAWorksheet, doctypeRefused, invalidSharedString, partTooLarge, workbookTooLarge,
    compressionRatioExceeded, tooManyParts, tooManySharedStrings, sharedStringsTooLarge,
    cellTextTooLarge, cellOutOfRange, cellTextTooLong, sharedFormulasTooLarge, xmlLimitExceeded,
    tooManyCells,
  ]
}
