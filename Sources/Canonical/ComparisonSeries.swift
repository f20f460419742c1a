/// Which comparison series a measurement belongs to, when it is not the unit's own value:
/// the nation (Riket, kommunkod `0000`), the county (länet) or Kolada's similar municipalities
/// (liknande kommuner). Kept beside the unit's values so that reports can set them side by side.
public enum ComparisonSeries: String, Codable, Sendable, Hashable, CaseIterable {
  case nation = "riket", county = "lan", similarMunicipalities = "liknande-kommuner"
}
