extension DiagnosticCode {
  // MARK: The pipeline

  /// Configuration not found.
  public static let configNotFound = DiagnosticCode(
    id: "config-not-found", section: .pipeline, category: .noInput, scope: .file,
    title: "Configuration not found",
    rule: "The folder has no `redthread.yaml`. Run `redthread init DIR` first.",
    template: "'{file}' has no redthread.yaml", hint: "run `redthread init DIR` first",
    swedish: SwedishTexts(
      title: "Konfiguration saknas", controller: "Mappen '{file}' har ingen redthread.yaml.",
      controllerHint: "Kör redthread init först.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["file": "kvartal3"])

  /// Invalid configuration.
  public static let invalidConfig = DiagnosticCode(
    id: "invalid-config", section: .pipeline, category: .configuration, scope: .text,
    title: "Invalid configuration",
    rule:
      "`redthread.yaml` is not valid YAML, has an unknown key, or a value of the wrong kind. The message gives the line and column.",
    template: "{value}", hint: "see docs/cli.md for the keys of redthread.yaml",
    swedish: SwedishTexts(
      title: "Felaktig konfiguration", controller: "Fel i redthread.yaml: {value}.",
      controllerHint: "Se docs/cli.md för nycklarna i redthread.yaml.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["value": "unknown key 'tresholds'"])

  /// Reference file unreadable.
  public static let referenceUnreadable = DiagnosticCode(
    id: "reference-unreadable", section: .pipeline, category: .configuration, scope: .file,
    title: "Reference file unreadable",
    rule: "A unit register or goal list named under `reference:` is missing or malformed.",
    template: "reference file '{file}' cannot be read",
    hint: "check the path under `reference:` in redthread.yaml",
    swedish: SwedishTexts(
      title: "Referensfil kan inte läsas", controller: "Referensfilen '{file}' kan inte läsas.",
      controllerHint: "Kontrollera sökvägen under reference: i redthread.yaml.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo),
    example: ["file": "reference/units.yaml"])

  /// Workspace unusable.
  public static let workspaceUnusable = DiagnosticCode(
    id: "workspace-unusable", section: .pipeline, category: .cannotCreate, scope: .file,
    title: "Workspace unusable",
    rule:
      "A folder of the workspace (inbox, archive, rejected, reports, store) cannot be created or read; check permissions and free space.",
    template: "folder '{file}' cannot be created or read", hint: "check permissions and free space",
    swedish: SwedishTexts(
      title: "Arbetsmappen går inte att använda",
      controller: "Mappen '{file}' kan inte skapas eller läsas.",
      controllerHint: "Kontrollera behörigheter och ledigt utrymme.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo), example: ["file": "kvartal3/inbox"])

  /// Move failed.
  public static let moveFailed = DiagnosticCode(
    id: "move-failed", section: .pipeline, category: .io, scope: .file, title: "Move failed",
    rule:
      "A source file could not be moved between workspace folders. The file stays where it was; nothing is deleted.",
    template: "'{file}' could not be moved[: {value}]",
    hint: "check permissions; the file stays where it was",
    swedish: SwedishTexts(
      title: "Flytten misslyckades",
      controller: "Filen '{file}' kunde inte flyttas[: {value}]; den ligger kvar där den låg.",
      controllerHint: "Kontrollera behörigheterna.", sender: SenderText.stopped,
      senderHint: SenderText.nothingToDo))

  /// Already initialised.
  public static let alreadyInitialised = DiagnosticCode(
    id: "already-initialised", section: .pipeline, category: .cannotCreate, scope: .file,
    title: "Already initialised",
    rule:
      "`redthread init` found an existing `redthread.yaml` and leaves it alone; `redthread init --update` adds what is missing without touching what is there.",
    template: "'{file}' already has a redthread.yaml",
    hint: "use `redthread init --update` to add what is missing",
    swedish: SwedishTexts(
      title: "Redan skapad", controller: "Mappen '{file}' har redan en redthread.yaml.",
      controllerHint: "Använd redthread init --update för att lägga till det som saknas.",
      sender: SenderText.stopped, senderHint: SenderText.nothingToDo), example: ["file": "kvartal3"]
  )

  /// Workspace busy.
  public static let workspaceBusy = DiagnosticCode(
    id: "workspace-busy", section: .pipeline, category: .busy, scope: .file,
    title: "Workspace busy",
    rule:
      "Another RedThread process (run, watch, reprocess, withdraw) holds the workspace lock `DIR/.redthread.lock`. Nothing was changed; wait for it, or give `--wait SECONDS`.",
    template: "the workspace '{file}' is in use by another process",
    hint: "try again when it has finished",
    swedish: SwedishTexts(
      title: "Arbetsmappen är upptagen",
      controller: "Arbetsmappen '{file}' används av en annan körning.",
      controllerHint: "Försök igen när den är klar.", sender: SenderText.stopped,
      senderHint: "Försök igen om en stund."), example: ["file": "kvartal3"])

  /// No mapping matches the file.
  public static let noMatchingMapping = DiagnosticCode(
    id: "no-matching-mapping", section: .pipeline, scope: .file,
    title: "No mapping matches the file",
    rule:
      "No mapping's `match` (file-name glob, worksheet names, header words) fits the file, so it is moved to rejected/. If it is a new template, write a mapping for it (`redthread mapping infer` drafts one).",
    template: "no mapping matches '{file}'",
    hint: "if it is a new template, draft a mapping with `redthread mapping infer`",
    swedish: SwedishTexts(
      title: "Okänd mall",
      controller:
        "Ingen mappning känner igen filen: varken filnamnet, bladens namn eller rubrikerna stämmer med en känd mall.",
      controllerHint:
        "Är det en ny mall, skriv en mappning för den (redthread mapping infer gör ett utkast).",
      sender:
        "Filen följer inte någon av kommunens mallar: varken bladens namn eller rubrikerna stämmer.",
      senderHint: SenderText.useTemplate))

  /// File received but rejected.
  public static let fileRejected = DiagnosticCode(
    id: "file-rejected", section: .pipeline, scope: .file, title: "File received but rejected",
    rule:
      "Listed on the report's Kontroll sheet for every file that lies in rejected/, with the reason it could not be used, so that a unit whose file was refused is not mistaken for one that sent nothing. The row goes away when the file is moved out of rejected/ (a corrected file is dropped in the inbox).",
    template: "'{file}' was received but rejected[: {reason}]",
    hint: "correct the file and drop it in the inbox again",
    swedish: SwedishTexts(
      title: "Filen avvisades",
      controller: "Filen[ '{file}'] togs emot men kunde inte användas[: {reason}].",
      controllerHint:
        "Rätta filen och lägg den i inkorgen igen. Orsaken står också i rejected/{file}.reason.txt; raden försvinner när filen flyttas därifrån.",
      sender: "Filen[ '{file}'] togs emot men kunde inte användas[: {reason}].",
      senderHint: "Rätta filen och skicka den igen."),
    example: ["reason": "no mapping matches the file", "code": "no-matching-mapping"])

  /// Processing interrupted twice.
  public static let processingInterrupted = DiagnosticCode(
    id: "processing-interrupted", section: .pipeline, scope: .file,
    title: "Processing interrupted twice",
    rule:
      "A run stopped (killed, out of memory, power cut) while it was processing the file, twice before. The file is moved to rejected/ so that the files after it are processed; drop it in the inbox again to retry.",
    template: "processing '{file}' was interrupted twice",
    hint: "drop it in the inbox again to retry",
    swedish: SwedishTexts(
      title: "Behandlingen avbröts",
      controller:
        "Behandlingen av '{file}' avbröts två gånger, så filen lades i rejected/ för att de andra filerna skulle kunna behandlas.",
      controllerHint: "Lägg filen i inkorgen igen för att försöka på nytt.",
      sender: "Filen kunde inte behandlas klart.",
      senderHint: "Skicka filen igen; hjälper inte det, fråga den som sammanställer uppföljningen.")
  )

  /// Reason for a rejection lost.
  public static let rejectionReasonMissing = DiagnosticCode(
    id: "rejection-reason-missing", section: .pipeline, scope: .file,
    title: "Reason for a rejection lost",
    rule:
      "A file lies in rejected/ but the record of why it was rejected (in store/rejected/) is missing, e.g. because the file was put there by hand. Its reason file, if any, says more.",
    template: "why '{file}' was rejected is not recorded", hint: "see its reason file in rejected/",
    swedish: SwedishTexts(
      title: "Orsaken saknas", controller: "Det finns ingen uppgift om varför '{file}' avvisades.",
      controllerHint: "Se filens orsaksfil i rejected/.", sender: "Filen kunde inte användas.",
      senderHint: "Fråga den som sammanställer uppföljningen vad som behöver rättas."))

  /// A statistics file gives measurements an earlier file gave (same unit, KPI, period,
  /// gender and comparison series): the later received file's values count.
  public static let measurementReplaced = DiagnosticCode(
    id: "measurement-replaced", section: .pipeline, severity: .warning, scope: .file,
    title: "Values given again by a later file",
    rule:
      "Each measurement (unit, KPI, period, gender, comparison series) counts once; when two files give it, the later received file's value counts.",
    template: "'{file}' gives {count} values that '{replaced}' gave before; the later file counts",
    hint: "nothing to do if '{file}' is a correction; otherwise withdraw it",
    swedish: SwedishTexts(
      title: "Värden ersatta av en senare fil",
      controller:
        "{file} innehåller {count} värden som redan fanns i {replaced}; värdena i den senare filen gäller.",
      controllerHint: "Inget att göra om {file} är en rättelse; annars ta tillbaka den.",
      sender:
        "{file} innehåller {count} värden som redan fanns i {replaced}; värdena i den senare filen gäller.",
      senderHint:
        "Inget att göra om {file} är en rättelse; annars berätta för den som sammanställer uppföljningen vilken fil som gäller."
    ),
    example: ["replaced": "Kolada N15814 2026-06.csv"])

  /// A file whose own period does not overlap the period being collected.
  public static let wrongPeriod = DiagnosticCode(
    id: "wrong-period", section: .pipeline, severity: .warning, scope: .file,
    title: "File for another period",
    rule:
      "A file dropped in the inbox while a period is collected is for that period, or for a period overlapping it; a file whose own period (from its content) lies outside is stored under its own period and never counted in the period collected.",
    template:
      "the file is for {filePeriod}, not for {period} being collected; it is stored under {filePeriod} and not counted in {period}",
    hint:
      "if the file is meant for {period}, correct its period (in the title block) and drop it in the inbox again",
    swedish: SwedishTexts(
      title: "Fil för en annan period",
      controller:
        "Filen gäller {filePeriod}, inte {period} som samlas in nu. Den sparas under {filePeriod} och räknas inte med i {period}.",
      controllerHint:
        "Är filen avsedd för {period}: rätta perioden i filens rubrikblock och lägg den i inkorgen igen.",
      sender:
        "Filen gäller {filePeriod}, inte {period} som uppföljningen gäller nu. Den räknas inte med i {period}.",
      senderHint:
        "Är filen avsedd för {period}: rätta perioden överst i arbetsboken och skicka den igen."),
    example: ["filePeriod": "kvartal 2 2026"])

  static let pipelineCodes: [DiagnosticCode] = [
    configNotFound, invalidConfig, referenceUnreadable, workspaceUnusable, moveFailed,
    alreadyInitialised, workspaceBusy, noMatchingMapping, fileRejected, processingInterrupted,
    rejectionReasonMissing, measurementReplaced, wrongPeriod,
  ]
}

extension DiagnosticCode {
  /// The codes the pipeline gives while it takes a file (`wrong-period`,
  /// `measurement-replaced`): made with `diagnostic(at:_:)`, they carry their
  /// arguments like the validator's codes.
  public static let ingestion: [DiagnosticCode] = [wrongPeriod, measurementReplaced]
}
