extension DiagnosticCode {
  static let csvResave =
    "Spara filen från Excel som CSV UTF-8 (kommaavgränsad), eller som Excel-arbetsbok (.xlsx), och skicka den igen."

  // MARK: Reading and writing CSV

  /// CSV file too large.
  public static let fileTooLarge = DiagnosticCode(
    id: "file-too-large", section: .csv, scope: .file, title: "CSV file too large",
    rule:
      "Reading a whole CSV file into a workbook is capped (512 MiB by default) so that a runaway export cannot exhaust memory. Stream it record by record instead, or raise `maxFileBytes`.",
    template: "'{file}' is larger than {limit} bytes",
    hint: "stream it record by record, or raise `maxFileBytes`",
    swedish: SwedishTexts(
      title: "För stor CSV-fil",
      controller: "CSV-filen '{file}' är för stor[ (mer än {limit} byte)].",
      controllerHint: "Läs den post för post, eller höj gränsen maxFileBytes.",
      sender: SenderText.tooLarge, senderHint: SenderText.makeSmaller))

  /// Not a text file.
  public static let binaryFile = DiagnosticCode(
    id: "binary-file", section: .csv, scope: .file, title: "Not a text file",
    rule:
      "The file starts with the signature of a binary format (PDF, PNG, GIF, JPEG, gzip, …) or holds many NUL bytes in no UTF-16 or UTF-32 pattern. Export the data as CSV or XLSX.",
    template: "'{file}' is not text[ ({value})]", hint: "export the data as CSV or XLSX",
    swedish: SwedishTexts(
      title: "Inte en textfil", controller: "Filen '{file}' är ingen textfil[ ({value})].",
      controllerHint: "Exportera uppgifterna som CSV eller XLSX.",
      sender: "Filen är varken en Excel-arbetsbok eller en textfil, t.ex. en PDF eller en bild.",
      senderHint: "Skicka uppföljningen som Excel-arbetsbok (.xlsx)."), example: ["value": "PDF"])

  /// Invalid UTF-8.
  public static let invalidUTF8 = DiagnosticCode(
    id: "invalid-utf8", section: .csv, scope: .text, title: "Invalid UTF-8",
    rule:
      "The file is UTF-8 (it holds valid multi-byte UTF-8 sequences) but one sequence is broken: usually a file edited in two programs with different encodings, or cut short. The error gives the line and the byte offset. Re-export the file; bytes are never silently replaced.",
    template: "byte sequence at offset {offset} is not UTF-8", hint: "re-export the file",
    swedish: SwedishTexts(
      title: "Ogiltig UTF-8",
      controller:
        "Filen innehåller byte som inte är giltig UTF-8[ (vid position {offset})]; filen kan ha redigerats i två program med olika teckenkodning.",
      controllerHint: "Exportera filen igen.",
      sender: "Filen innehåller tecken som inte går att läsa.",
      senderHint:
        "Spara filen från Excel som CSV UTF-8 (kommaavgränsad), eller som Excel-arbetsbok (.xlsx), och skicka den igen."
    ), example: ["offset": "4711"])

  /// Invalid UTF-16.
  public static let invalidUTF16 = DiagnosticCode(
    id: "invalid-utf16", section: .csv, scope: .text, title: "Invalid UTF-16",
    rule: "A UTF-16 file holds an unpaired surrogate or an odd number of bytes.",
    template: "the UTF-16 text of '{file}' is broken", hint: "re-export the file",
    swedish: SwedishTexts(
      title: "Ogiltig UTF-16",
      controller:
        "UTF-16-texten i '{file}' är trasig (ett ensamt surrogattecken eller ett udda antal byte).",
      controllerHint: "Exportera filen igen.",
      sender: "Filen innehåller tecken som inte går att läsa.",
      senderHint:
        "Spara filen från Excel som CSV UTF-8 (kommaavgränsad), eller som Excel-arbetsbok (.xlsx), och skicka den igen."
    ))

  /// Invalid UTF-32.
  public static let invalidUTF32 = DiagnosticCode(
    id: "invalid-utf32", section: .csv, scope: .text, title: "Invalid UTF-32",
    rule:
      "A UTF-32 file holds a value that is not a Unicode scalar, or a length that is not a multiple of four.",
    template: "the UTF-32 text of '{file}' is broken", hint: "re-export the file",
    swedish: SwedishTexts(
      title: "Ogiltig UTF-32", controller: "UTF-32-texten i '{file}' är trasig.",
      controllerHint: "Exportera filen igen.",
      sender: "Filen innehåller tecken som inte går att läsa.",
      senderHint:
        "Spara filen från Excel som CSV UTF-8 (kommaavgränsad), eller som Excel-arbetsbok (.xlsx), och skicka den igen."
    ))

  /// Invalid Shift-JIS.
  public static let invalidShiftJIS = DiagnosticCode(
    id: "invalid-shift-jis", section: .csv, scope: .text, title: "Invalid Shift-JIS",
    rule:
      "A file read as Shift-JIS (code page 932) holds a lead byte without a valid trail byte, or a pair the code page does not define. The error gives the line and the byte offset. Re-export the file as UTF-8, or give its encoding if it is not Shift-JIS.",
    template: "byte pair at offset {offset} is not a Shift-JIS character",
    hint: "re-export the file as UTF-8, or give its encoding if it is not Shift-JIS",
    swedish: SwedishTexts(
      title: "Ogiltig Shift-JIS",
      controller: "Filen innehåller byte som inte är giltig Shift-JIS[ (vid position {offset})].",
      controllerHint:
        "Exportera filen som UTF-8, eller ange dess teckenkodning om den inte är Shift-JIS.",
      sender: "Filen innehåller tecken som inte går att läsa.", senderHint: csvResave),
    example: ["offset": "4711"])

  /// Encoding uncertain.
  public static let uncertainEncoding = DiagnosticCode(
    id: "uncertain-encoding", section: .csv, severity: .warning, scope: .file,
    title: "Encoding uncertain",
    rule:
      "The file is not UTF-8 and more than one single-byte or Japanese encoding reads it plausibly (Windows-1252, Mac Roman, Shift-JIS). The reader took the most likely; the warning and `redthread inspect --explain` name the others and how the first non-ASCII text reads in each. Check the values, or give the encoding.",
    template: "the encoding of '{file}' is uncertain: read as {value}[; it could be {options|or}]",
    hint: "check the values, or give the encoding",
    swedish: SwedishTexts(
      title: "Osäker teckenkodning",
      controller:
        "Teckenkodningen i '{file}' är osäker: filen lästes som {value}[; den kan också vara {options|or}].",
      controllerHint: "Kontrollera värdena, eller ange teckenkodningen.",
      sender: "Det är osäkert hur å, ä, ö och andra tecken i filen ska läsas.",
      senderHint: csvResave),
    example: ["value": "windows-1252", "options": "mac-roman\u{1F}shift-jis"])

  /// Unterminated quote.
  public static let unterminatedQuote = DiagnosticCode(
    id: "unterminated-quote", section: .csv, scope: .text, title: "Unterminated quote",
    rule:
      "A field opens with a quote that is never closed, so the rest of the file would become one cell. The error points at the opening quote.",
    template: "a quoted field opened here is never closed",
    hint: "close the quote, or double quotes inside the field",
    swedish: SwedishTexts(
      title: "Citattecken som inte avslutas",
      controller:
        "Ett fält börjar med ett citattecken som aldrig avslutas, så resten av filen skulle bli en enda cell.",
      controllerHint: "Avsluta citatet, eller dubblera citattecken inne i fältet.",
      sender: "Ett citattecken i filen avslutas aldrig.",
      senderHint:
        "Kontrollera cellen på raden som anges; skriv två citattecken (\"\") där ett citattecken ska stå i texten."
    ))

  /// NUL byte.
  public static let nulByte = DiagnosticCode(
    id: "nul-byte", section: .csv, severity: .warning, scope: .text, title: "NUL byte",
    rule:
      "A NUL byte (0x00) inside the text, usually from a fixed-width export. By default it is kept and reported as a warning (check the value); with the `error` policy it stops the read.",
    template: "a NUL byte (0x00) is in the text",
    hint: "check the value; it usually comes from a fixed-width export",
    swedish: SwedishTexts(
      title: "NUL-tecken i texten",
      controller:
        "Texten innehåller ett NUL-tecken (0x00), oftast från en export med fast fältbredd.",
      controllerHint: "Kontrollera värdet.",
      sender: "Filen innehåller ett osynligt tecken som inte hör hemma i text.",
      senderHint:
        "Spara filen från Excel som CSV UTF-8 (kommaavgränsad), eller som Excel-arbetsbok (.xlsx), och skicka den igen."
    ))

  /// Ragged row.
  public static let raggedRow = DiagnosticCode(
    id: "ragged-row", section: .csv, severity: .warning, scope: .row, title: "Ragged row",
    rule:
      "A record below the header has more or fewer fields than the table. With the `pad` policy (default) it is kept (short records padded, long ones keep their extra fields) and reported; `skip` drops it; `error` stops.",
    template: "record has {count} fields; the table has {expected}",
    hint: "check the delimiter and the quoting of the record",
    swedish: SwedishTexts(
      title: "Rad med fel antal fält",
      controller: "Raden har ett annat antal fält än tabellen[: {count} i stället för {expected}].",
      controllerHint: "Kontrollera avgränsaren och citattecknen på raden.",
      sender: "En rad har fler eller färre kolumner än rubrikraden.",
      senderHint:
        "Kontrollera raden; ett semikolon eller komma i en text kan dela upp den i två kolumner."),
    example: ["count": "7", "expected": "6"])

  /// Record too large.
  public static let recordTooLarge = DiagnosticCode(
    id: "record-too-large", section: .csv, scope: .text, title: "Record too large",
    rule:
      "One record exceeds the cap (64 MiB by default), usually a stray quote that swallows the rest of the file.",
    template: "a record is larger than {limit} bytes",
    hint: "look for a stray quote before this line",
    swedish: SwedishTexts(
      title: "För stor post",
      controller:
        "En post är för stor[ (mer än {limit} byte)], oftast ett citattecken som slukar resten av filen.",
      controllerHint: "Leta efter ett citattecken före raden.", sender: SenderText.tooLarge,
      senderHint: SenderText.makeSmaller))

  /// Too many fields.
  public static let tooManyFields = DiagnosticCode(
    id: "too-many-fields", section: .csv, scope: .text, title: "Too many fields",
    rule: "A record has more fields than the cap (16,384, Excel's column limit, by default).",
    template: "a record has more than {limit} fields", hint: "check the delimiter",
    swedish: SwedishTexts(
      title: "För många fält", controller: "En post har för många fält[ (fler än {limit})].",
      controllerHint: "Kontrollera avgränsaren.",
      sender: "En rad har fler kolumner än Excel tillåter.",
      senderHint:
        "Spara filen från Excel som CSV UTF-8 (kommaavgränsad), eller som Excel-arbetsbok (.xlsx), och skicka den igen."
    ))

  /// Character not in Windows-1252.
  public static let unrepresentableCharacter = DiagnosticCode(
    id: "unrepresentable-character", section: .csv, category: .cannotCreate, scope: .cell,
    title: "Character not in Windows-1252",
    rule:
      "Writing Windows-1252 met a character it cannot hold (e.g. `ł` or an emoji). Write UTF-8 with BOM (the `excel-sv` default) instead.",
    template: "'{value}' cannot be written in Windows-1252",
    hint: "write UTF-8 with BOM (the `excel-sv` dialect) instead",
    swedish: SwedishTexts(
      title: "Tecken som inte finns i Windows-1252",
      controller: "Tecknet '{value}' kan inte skrivas i Windows-1252.",
      controllerHint: "Skriv UTF-8 med BOM (dialekten excel-sv) i stället.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo), example: ["value": "ł"])

  /// Stray quote.
  public static let strayQuote = DiagnosticCode(
    id: "stray-quote", section: .csv, severity: .warning, scope: .text, title: "Stray quote",
    rule:
      "A quoted field goes on after its closing quote (`\"a\"b`). The text is kept as Excel and Python read it (`ab`); the sender should double inner quotes.",
    template: "a quoted field goes on after its closing quote",
    hint: "double the quotes inside the field",
    swedish: SwedishTexts(
      title: "Citattecken mitt i ett fält",
      controller:
        "Ett citerat fält fortsätter efter sitt avslutande citattecken; texten läses som Excel läser den.",
      controllerHint: "Be avsändaren dubblera citattecken inne i fält.",
      sender: "En text i filen har ett citattecken på fel ställe.",
      senderHint:
        "Kontrollera texten på raden; skriv två citattecken (\"\") där ett citattecken ska stå."))

  /// Doubly encoded text (mojibake).
  public static let mojibake = DiagnosticCode(
    id: "mojibake", section: .csv, severity: .warning, scope: .text,
    title: "Doubly encoded text (mojibake)",
    rule:
      "Text such as `Ã¥`, `Ã¤`, `Ã¶` is UTF-8 that was once read as Windows-1252 and saved as UTF-8 again. The hint gives the likely fix.",
    template: "text '{value}' looks doubly encoded[; it likely reads '{suggestion}']",
    hint: "re-export the file as UTF-8 from its source",
    swedish: SwedishTexts(
      title: "Dubbelkodad text",
      controller: "Texten '{value}' ser dubbelkodad ut[; den ska troligen vara '{suggestion}'].",
      controllerHint: "Exportera filen som UTF-8 från källan.",
      sender: "Å, ä och ö i filen har blivit fel tecken, t.ex. Ã¥ i stället för å.",
      senderHint:
        "Spara filen från Excel som CSV UTF-8 (kommaavgränsad), eller som Excel-arbetsbok (.xlsx), och skicka den igen."
    ), example: ["value": "MÃ¥l", "suggestion": "Mål"])

  static let csvCodes: [DiagnosticCode] = [
    fileTooLarge, binaryFile, invalidUTF8, invalidUTF16, invalidUTF32, invalidShiftJIS,
    unterminatedQuote, nulByte,
    raggedRow, recordTooLarge, tooManyFields, unrepresentableCharacter, strayQuote,
    uncertainEncoding, mojibake,
  ]
}
