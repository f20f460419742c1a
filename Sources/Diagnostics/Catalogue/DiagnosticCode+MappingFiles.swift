extension DiagnosticCode {
  // MARK: Mapping and reference files

  /// Mapping file unreadable.
  public static let mappingFileUnreadable = DiagnosticCode(
    id: "mapping-file-unreadable", section: .mappingFiles, category: .configuration, scope: .file,
    title: "Mapping file unreadable",
    rule:
      "The mapping, value-map or reference file does not exist or cannot be read as UTF-8 text.",
    template: "'{file}' cannot be read as UTF-8 text",
    hint: "check the path and the file's encoding",
    swedish: SwedishTexts(
      title: "Mappningsfilen kan inte läsas",
      controller: "Filen '{file}' kan inte läsas som UTF-8-text.",
      controllerHint: "Kontrollera sökvägen och filens teckenkodning.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo))

  /// YAML syntax error.
  public static let mappingYAMLSyntax = DiagnosticCode(
    id: "mapping-yaml-syntax", section: .mappingFiles, category: .configuration, scope: .text,
    title: "YAML syntax error",
    rule:
      "The file is not valid YAML at the line and column given: look for a missing colon, a tab used for indentation, or an unclosed quote or bracket.",
    template: "YAML syntax error: {value}",
    hint: "look for a missing colon, a tab used for indentation, or an unclosed quote or bracket",
    swedish: SwedishTexts(
      title: "Fel i YAML", controller: "YAML-fel: {value}.",
      controllerHint:
        "Leta efter ett kolon som saknas, en tabb som indrag eller ett citattecken eller en hakparentes som inte stängs.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo),
    example: ["value": "mapping values are not allowed here"])

  /// Empty mapping file.
  public static let mappingEmptyFile = DiagnosticCode(
    id: "mapping-empty-file", section: .mappingFiles, category: .configuration, scope: .file,
    title: "Empty mapping file",
    rule:
      "The file holds no YAML document; a mapping needs at least `mapping`, `version`, `match` and `tables`.",
    template: "'{file}' holds no YAML document",
    hint: "a mapping needs at least `mapping`, `version`, `match` and `tables`",
    swedish: SwedishTexts(
      title: "Tom mappningsfil", controller: "Filen '{file}' innehåller inget YAML-dokument.",
      controllerHint: "En mappning behöver minst mapping, version, match och tables.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo))

  /// Duplicate key.
  public static let mappingDuplicateKey = DiagnosticCode(
    id: "mapping-duplicate-key", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Duplicate key",
    rule:
      "A key appears twice in the same YAML mapping; YAML keeps only one of them, so remove or rename the other.",
    template: "key '{key}' appears twice", hint: "remove or rename one of them",
    swedish: SwedishTexts(
      title: "Dubblerad nyckel", controller: "En nyckel[, '{key}',] förekommer två gånger.",
      controllerHint: "Ta bort eller byt namn på den ena.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo))

  /// Unknown key.
  public static let mappingUnknownKey = DiagnosticCode(
    id: "mapping-unknown-key", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Unknown key",
    rule:
      "The mapping language has no such key at this place; the hint names the closest known key. See docs/mapping-language.md for the keys of each block.",
    template: "unknown key '{key}'", hint: "[did you mean '{suggestion}'?]",
    swedish: SwedishTexts(
      title: "Okänd nyckel", controller: "Okänd nyckel[ '{key}'].",
      controllerHint: "[Menade du '{suggestion}'?]", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["key": "colum", "suggestion": "column"])

  /// Missing key.
  public static let mappingMissingKey = DiagnosticCode(
    id: "mapping-missing-key", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Missing key",
    rule: "A required key is absent, e.g. `mapping`, `version` or a table's `entity`.",
    template: "missing key '{key}'", hint: "add it",
    swedish: SwedishTexts(
      title: "Nyckel saknas", controller: "En nyckel som krävs saknas[: '{key}'].",
      controllerHint: "Lägg till den.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["key": "entity"])

  /// Wrong kind of value.
  public static let mappingWrongType = DiagnosticCode(
    id: "mapping-wrong-type", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Wrong kind of value",
    rule:
      "The value has the wrong shape: text where a list or a mapping is expected, or text where a whole number is expected.",
    template: "'{key}' must be {expected}", hint: "write the value in the expected shape",
    swedish: SwedishTexts(
      title: "Fel slags värde", controller: "Värdet har fel form[: '{key}' ska vara {expected}].",
      controllerHint: "Skriv värdet i den form som förväntas.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo),
    example: ["key": "version", "expected": "a whole number"])

  /// Invalid value.
  public static let mappingInvalidValue = DiagnosticCode(
    id: "mapping-invalid-value", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Invalid value",
    rule:
      "The value is not one of the allowed words (entity, type, comparison, ragged-rows policy, ...); the hint names the closest allowed word.",
    template: "'{value}' is not allowed for '{key}'", hint: "[did you mean '{suggestion}'?]",
    swedish: SwedishTexts(
      title: "Ogiltigt värde", controller: "Värdet '{value}' är inte tillåtet här[ för '{key}'].",
      controllerHint: "[Menade du '{suggestion}'?]", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo),
    example: ["key": "entity", "value": "kpis", "suggestion": "kpi"])

  /// Invalid regular expression.
  public static let mappingInvalidRegex = DiagnosticCode(
    id: "mapping-invalid-regex", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Invalid regular expression",
    rule:
      "The pattern does not compile. Patterns use the syntax of Swift Regex (compatible with PCRE for common use); backslashes must be doubled inside double-quoted YAML strings.",
    template: "pattern '{value}' does not compile",
    hint: "double backslashes inside double-quoted YAML strings",
    swedish: SwedishTexts(
      title: "Ogiltigt reguljärt uttryck", controller: "Mönstret '{value}' går inte att kompilera.",
      controllerHint: "Dubblera bakstreck inom dubbla citattecken i YAML.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo),
    example: ["value": "^[NU\\\\d{5}$"])

  /// Invalid cell reference.
  public static let mappingInvalidCellReference = DiagnosticCode(
    id: "mapping-invalid-cell-reference", section: .mappingFiles, category: .configuration,
    scope: .text, title: "Invalid cell reference",
    rule: "A cell is written `B2` or `Sheet!B2` (quote sheet names with spaces: `'Mål 2026'!B2`).",
    template: "'{value}' is not a cell reference", hint: "write `B2` or `'Mål 2026'!B2`",
    swedish: SwedishTexts(
      title: "Ogiltig cellreferens", controller: "'{value}' är ingen cellreferens.",
      controllerHint: "Skriv B2 eller 'Mål 2026'!B2.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["value": "B"])

  /// Conflicting keys.
  public static let mappingConflictingKeys = DiagnosticCode(
    id: "mapping-conflicting-keys", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Conflicting keys",
    rule:
      "Two keys that exclude each other are both given, e.g. a field with both `column` and `value`, or a header with both `row` and `find`.",
    template: "'{key}' and '{other}' exclude each other", hint: "keep one of them",
    swedish: SwedishTexts(
      title: "Nycklar som utesluter varandra",
      controller: "Två nycklar som utesluter varandra är angivna[: '{key}' och '{other}'].",
      controllerHint: "Behåll en av dem.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo),
    example: ["key": "column", "other": "value"])

  /// Unknown field.
  public static let mappingUnknownField = DiagnosticCode(
    id: "mapping-unknown-field", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Unknown field",
    rule:
      "The table's entity has no such canonical field; the hint names the closest one. Extra measurement columns go under `dimensions`.",
    template: "the entity has no field '{key}'", hint: "[did you mean '{suggestion}'?]",
    swedish: SwedishTexts(
      title: "Okänt fält", controller: "Entiteten har inget sådant fält[: '{key}'].",
      controllerHint: "[Menade du '{suggestion}'?]", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["key": "titel", "suggestion": "title"])

  /// Unknown reference.
  public static let mappingUnknownReference = DiagnosticCode(
    id: "mapping-unknown-reference", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Unknown reference",
    rule:
      "A named value map, context value, section or field is used but not defined in this file, the files it extends, or its shared value maps.",
    template: "'{value}' is used but not defined", hint: "define it, or correct the name",
    swedish: SwedishTexts(
      title: "Okänd hänvisning", controller: "'{value}' används men är inte definierad.",
      controllerHint: "Definiera den, eller rätta namnet.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["value": "status-words"])

  /// Included file not found.
  public static let mappingIncludeNotFound = DiagnosticCode(
    id: "mapping-include-not-found", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Included file not found",
    rule:
      "The file named by `extends` or `values` does not exist; paths are relative to the mapping file.",
    template: "'{value}' does not exist", hint: "paths are relative to the mapping file",
    swedish: SwedishTexts(
      title: "Inkluderad fil saknas", controller: "Filen '{value}' finns inte.",
      controllerHint: "Sökvägar räknas från mappningsfilen.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["value": "shared/values.yaml"])

  /// Extends cycle.
  public static let mappingExtendsCycle = DiagnosticCode(
    id: "mapping-extends-cycle", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Extends cycle", rule: "A mapping extends itself through a chain of `extends`.",
    template: "'{file}' extends itself through {value}", hint: "break the chain of `extends`",
    swedish: SwedishTexts(
      title: "Cirkulär extends", controller: "'{file}' ärver från sig själv via {value}.",
      controllerHint: "Bryt kedjan av extends.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["value": "a.yaml → b.yaml → a.yaml"])

  /// Duplicate mapping name.
  public static let mappingDuplicateName = DiagnosticCode(
    id: "mapping-duplicate-name", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Duplicate mapping name",
    rule:
      "Two mapping files in one folder declare the same `mapping` name; the pipeline could not tell them apart in provenance.",
    template: "two mapping files are named '{value}'", hint: "give each mapping its own name",
    swedish: SwedishTexts(
      title: "Dubblerat mappningsnamn", controller: "Två mappningsfiler heter '{value}'.",
      controllerHint: "Ge varje mappning ett eget namn.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["value": "arbetsplan-grundskola"])

  /// Invalid reference file.
  public static let mappingInvalidReference = DiagnosticCode(
    id: "mapping-invalid-reference", section: .mappingFiles, category: .configuration, scope: .text,
    title: "Invalid reference file",
    rule:
      "A reference file (units, national goals, KPI succession, register) is malformed at the place given.",
    template: "reference file is malformed: {value}", hint: "correct the file at the place given",
    swedish: SwedishTexts(
      title: "Felaktig referensfil", controller: "Referensfilen är felaktig: {value}.",
      controllerHint: "Rätta filen på det ställe som anges.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["value": "unit 'lillaskolan' has no name"])

  static let mappingFileCodes: [DiagnosticCode] = [
    mappingFileUnreadable, mappingYAMLSyntax, mappingEmptyFile, mappingDuplicateKey,
    mappingUnknownKey, mappingMissingKey, mappingWrongType, mappingInvalidValue,
    mappingInvalidRegex, mappingInvalidCellReference, mappingConflictingKeys, mappingUnknownField,
    mappingUnknownReference, mappingIncludeNotFound, mappingExtendsCycle, mappingDuplicateName,
    mappingInvalidReference,
  ]
}
