/// A comparison series beside a unit's own value: the nation (Riket), the county (län) or
/// Kolada's similar municipalities (liknande kommuner). Kolada and Skolverket files carry
/// these as rows of their own; they are kept as comparisons, never as units.
public enum ComparisonSeries: String, Codable, Sendable, Hashable, CaseIterable {
  /// Riket: the whole country.
  case nation = "riket"
  /// The county (län) the municipality lies in.
  case county = "lan"
  /// Kolada's group of similar municipalities (liknande kommuner).
  case similarMunicipalities = "liknande-kommuner"
}
