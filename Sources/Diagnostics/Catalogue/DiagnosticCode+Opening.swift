extension DiagnosticCode {
  // MARK: Opening files

  /// The path does not exist.
  public static let fileNotFound = DiagnosticCode(
    id: "file-not-found", section: .opening, category: .noInput, scope: .file,
    title: "File not found",
    rule: "The path given does not exist, or a file named to `reprocess` or `withdraw` was never "
      + "received in the workspace (`redthread status DIR` lists the files received). Check the "
      + "spelling and the folder.",
    template: "no such file: '{file}'", hint: "check the spelling and the folder",
    swedish: SwedishTexts(
      title: "Filen finns inte", controller: "Filen '{file}' finns inte.",
      controllerHint: "Kontrollera stavningen och mappen.",
      sender: "Filen '{file}' kom aldrig fram.", senderHint: "Skicka filen igen."))

  /// The path is a folder or a device.
  public static let notARegularFile = DiagnosticCode(
    id: "not-a-regular-file", section: .opening, category: .noInput, scope: .file,
    title: "Not a regular file",
    rule: "The path is a folder or a device; give a workbook or CSV file.",
    template: "'{file}' is a folder, not a file", hint: "give a workbook or CSV file",
    swedish: SwedishTexts(
      title: "Inte en fil", controller: "'{file}' är en mapp, inte en fil.",
      controllerHint: "Ange en arbetsbok eller en CSV-fil.",
      sender: "Det som kom in är en mapp, inte en fil.",
      senderHint: "Skicka själva Excel-filen, inte mappen den ligger i."))

  /// The file exists but cannot be read.
  public static let unreadableFile = DiagnosticCode(
    id: "unreadable-file", section: .opening, category: .noInput, scope: .file,
    title: "Unreadable file",
    rule: "The file exists but cannot be opened or read: a missing permission, an I/O error, or "
      + "(in the pipeline) a reason no reader named. In the pipeline the file is moved to "
      + "rejected/ with the message.",
    template: "'{file}' cannot be opened for reading",
    hint: "check the file's permissions, or copy it again",
    swedish: SwedishTexts(
      title: "Filen kan inte läsas", controller: "Filen '{file}' kan inte öppnas för läsning.",
      controllerHint: "Kontrollera filens behörigheter, eller kopiera den igen.",
      sender: "Filen kunde inte öppnas.", senderHint: SenderText.sendAgain))

  /// An Office lock file.
  public static let officeLockFile = DiagnosticCode(
    id: "office-lock-file", section: .opening, scope: .file, title: "Office lock file",
    rule: "Files named `~$…` (Excel) or `.~lock.…#` (LibreOffice) mark a workbook open in an "
      + "editor. They hold no data; the pipeline ignores them.",
    template: "'{file}' is an Office lock file, not a workbook",
    hint: "it disappears when the workbook is closed",
    swedish: SwedishTexts(
      title: "Låsfil från Office",
      controller: "'{file}' är en låsfil från Excel eller LibreOffice, inte en arbetsbok.",
      controllerHint: "Den försvinner när arbetsboken stängs; skicka arbetsboken själv.",
      sender: "Det som kom in är en tillfällig låsfil, inte din arbetsbok.",
      senderHint: "Stäng arbetsboken i Excel och skicka själva filen."))

  static let openingCodes: [DiagnosticCode] = [
    fileNotFound, notARegularFile, unreadableFile, officeLockFile,
  ]
}
