/// Swedish sentences several codes share in the sender's voice: a rektor who sent a file and
/// needs to know what to do with their own workbook, in plain words.
enum SenderText {
  /// The file is not a workbook RedThread can read.
  static let notReadable = "Filen går inte att läsa som en Excel-arbetsbok."
  /// Save the file again in Excel.
  static let resave =
    "Öppna filen i Excel, spara den som Excel-arbetsbok (.xlsx) och skicka den igen."
  /// Copy the file again.
  static let sendAgain =
    "Spara filen på nytt från din egen dator och skicka den igen; den kan ha skadats på vägen."
  /// Nothing for the sender to do.
  static let nothingToDo =
    "Du behöver inte göra något; den som sammanställer uppföljningen har fått veta det."
  /// Something only the controller can fix made the work stop.
  static let stopped = "Uppföljningen kunde inte göras klart just nu."
  /// The file is too large or too complicated to read safely.
  static let tooLarge = "Filen är för stor eller för komplicerad för att läsas säkert."
  /// Make the file smaller.
  static let makeSmaller =
    "Ta bort blad, bilder och rader som inte hör till uppföljningen, spara och skicka filen igen."
  /// Use the municipality's template.
  static let useTemplate =
    "Använd kommunens mall och behåll dess blad och rubriker; fråga den som sammanställer "
    + "uppföljningen om du är osäker."
}
