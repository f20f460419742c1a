/// The comparison series a statistics value belongs to, when it is not the unit's own value:
/// the nation, the county, or similar municipalities (Kolada's jämförelsegrupper).
public enum ComparisonSeries: String, Codable, Sendable, Hashable, CaseIterable {
  /// Riket: the whole country.
  case nation = "riket"
  /// Länet: the county.
  case county = "lan"
  /// Liknande kommuner: a group of comparable municipalities.
  case similarMunicipalities = "liknande-kommuner"
}
