import Foundation
import Spreadsheet

/// Text comparison the way people write headers, names and codes in workbooks.
///
/// - ``normalized(_:)``: Unicode NFC, lower case, every run of whitespace (spaces, NBSP, line
///   breaks, tabs) one space, typographic dashes as `-`, trimmed, a trailing `:` removed.
///   `"Antal elever \n"` and `"antal  elever"` compare equal.
/// - ``loose(_:)``: only letters and digits of the normalized text, so that `Kommun-kod`,
///   `Kommunkod` and `Kommun kod` compare equal.
/// - ``suggestion(for:among:)``: the closest candidate by edit distance, for did-you-mean hints.
public enum TextMatching {
  /// The normalized form: NFC, lower case, whitespace collapsed, dashes unified, trimmed, a
  /// trailing colon dropped.
  public static func normalized(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return normalizedASCII(text) }
    let nfc = text.precomposedStringWithCanonicalMapping.lowercased()
    var out = ""
    out.reserveCapacity(nfc.utf8.count)
    var pendingSpace = false
    for ch in nfc {
      if ch.isWhitespace || ch == "\u{00A0}" || ch == "\u{202F}" || ch == "\u{200B}" {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      switch ch {
      case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": out.append("-")
      default: out.append(ch)
      }
    }
    while out.last == ":" || out.last == " " { out.removeLast() }
    return out
  }

  private static func normalizedASCII(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for b in text.utf8 {
      if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
    }
    while out.last == 0x3A || out.last == 0x20 { out.removeLast() }
    return String(decoding: out, as: UTF8.self)
  }

  /// Letters and digits of ``normalized(_:)`` only.
  public static func loose(_ text: String) -> String {
    String(normalized(text).filter { $0.isLetter || $0.isNumber })
  }

  /// Trims whitespace (including NBSP and line breaks) at both ends, keeping the inside.
  public static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return text }
    if !isSpace(first) && !isSpace(last) { return text }
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end && isSpace(scalars[start]) { start = scalars.index(after: start) }
    while end > start && isSpace(scalars[scalars.index(before: end)]) {
      end = scalars.index(before: end)
    }
    return String(scalars[start..<end])
  }

  private static func isSpace(_ s: Unicode.Scalar) -> Bool {
    s.properties.isWhitespace || s == "\u{00A0}" || s == "\u{202F}" || s == "\u{200B}"
  }

  /// An id made from text: lower case, Swedish and other Latin letters without diacritics,
  /// every other run of characters one `-`, no `-` at either end.
  public static func slug(_ text: String) -> String {
    let folded = normalized(text).folding(options: [.diacriticInsensitive], locale: nil)
    var out = ""
    var dash = false
    for ch in folded {
      if ch.isLetter || ch.isNumber {
        if dash && !out.isEmpty { out.append("-") }
        dash = false
        out.append(ch)
      } else {
        dash = true
      }
    }
    return out
  }

  /// The candidate closest to `text`, when it is close enough to be a likely misspelling:
  /// close by ``Spreadsheet/EditDistance``'s rule (at most a third of the longer word, at least
  /// 1), or one containing the other.
  ///
  /// - Returns: the candidate as written, or `nil`.
  public static func suggestion(for text: String, among candidates: [String]) -> String? {
    let key = normalized(text)
    guard !key.isEmpty else { return nil }
    var best: (String, Int)?
    for candidate in candidates {
      let c = normalized(candidate)
      let d = EditDistance.distance(key, c)
      let limit = EditDistance.limit(key, c)
      let contains = key.count >= 4 && c.count >= 4 && (c.contains(key) || key.contains(c))
      guard d <= limit || contains else { continue }
      let score = contains ? min(d, limit) : d
      if best == nil || score < (best?.1 ?? Int.max) { best = (candidate, score) }
    }
    return best?.0
  }

  /// `did you mean 'x'?` for the closest candidate, or a list of what is allowed when none is
  /// close (at most 12 shown).
  public static func hint(for text: String, among candidates: [String]) -> String? {
    if let s = suggestion(for: text, among: candidates) { return "did you mean '\(s)'?" }
    guard !candidates.isEmpty else { return nil }
    let shown = candidates.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
    return "expected one of \(shown)\(candidates.count > 12 ? ", ..." : "")"
  }
}
