public import Foundation
public import Spreadsheet

/// The reason file beside a file that could not be used (`NAME.reason.txt`): in Swedish only,
/// in the sender's words (``SenderTexts``).
public enum ReasonFile {
  /// The text.
  ///
  /// - Parameters:
  ///   - name: the file's name as it arrived.
  ///   - diagnostic: why it was refused (code, location, value).
  ///   - received: when it arrived.
  ///   - feedbackName: the feedback workbook beside it, when one was written.
  public static func text(
    name: String, diagnostic: Diagnostic, received: Date, feedbackName: String? = nil
  ) -> String {
    let message = SenderMessage(diagnostic)
    var text = "Filen kunde inte tas emot\n\n"
    text += "Fil: \(name)\n"
    text += "Vad är fel: \(message.problem)\n"
    if let place = SenderMessage.place(diagnostic.location),
      diagnostic.location?.sheet != nil
        || diagnostic.location?.line != nil
    {
      text += "Var: \(place)\n"
    }
    text += "Vad du kan göra: \(message.action)\n"
    text += "Mottagen: \(timestamp(received))\n\n"
    if let feedbackName {
      text += "I arbetsboken \"\(feedbackName)\" bredvid den här filen listar bladet "
      text += "Återkoppling det som behöver ses över; celler med fel är färgade och har en "
      text += "kommentar.\n\n"
    }
    if diagnostic.code == DiagnosticCode.processingInterrupted.id {
      // Nothing needs correcting in the file itself; the action above says what to do.
      text += "Är du osäker, hör av dig till den som sammanställer uppföljningen.\n"
    } else {
      text += "Rätta filen och lämna in den igen. Är du osäker på vad som ska ändras, hör av dig "
      text += "till den som sammanställer uppföljningen.\n"
    }
    return text
  }

  /// `2026-12-07 kl. 20.40 (UTC)`.
  static func timestamp(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = seconds - days * 86_400
    let day = CivilDateTime.fromUnixDays(days)
    let hour = rest / 3600
    let minute = (rest % 3600) / 60
    return day + " kl. " + String(format: "%02d.%02d", hour, minute) + " (UTC)"
  }
}

extension CivilDateTime {
  /// `YYYY-MM-DD` of a count of days since 1970-01-01 (proleptic Gregorian).
  fileprivate static func fromUnixDays(_ days: Int) -> String {
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return String(format: "%04d-%02d-%02d", y, m, d)
  }
}
