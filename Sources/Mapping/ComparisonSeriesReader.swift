import Canonical

/// Recognises the rows of statistics exports that are comparison series rather than the
/// unit's own values: Riket (kommunkod `0000`, `Riket`, `Hela riket`), a county (`Gävleborgs
/// län`, `Länet`, Kolada's county ids `0001`–`0025`) and Kolada's similar municipalities
/// (`Liknande kommuner, …`). The mapping field `comparison` names the column to test.
enum ComparisonSeriesReader {
  /// The series a cell's text names, or `nil` when it is a unit's own value.
  static func series(for text: String) -> ComparisonSeries? {
    // `columns: [Kommun-ID, Kommun]` joins the cells with "; ": any part may say it.
    if text.contains(";") {
      return text.split(separator: ";").lazy.compactMap { series(for: String($0)) }.first
    }
    let n = TextMatching.normalized(text)
    guard !n.isEmpty else { return nil }
    if let s = ComparisonSeries(rawValue: n) { return s }
    switch n {
    case "0000", "riket", "hela riket", "sverige", "alla kommuner", "nation", "national":
      return .nation
    case "län", "länet", "county": return .county
    default: break
    }
    if n.hasPrefix("liknande kommuner") || n.hasPrefix("liknande") { return .similarMunicipalities }
    if n.hasSuffix(" län") || n.hasSuffix(" läns") { return .county }
    if n.count == 4, n.hasPrefix("00"), let code = Int(n), (1...25).contains(code) {
      return .county
    }
    return nil
  }
}
