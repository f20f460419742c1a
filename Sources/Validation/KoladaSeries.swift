import Diagnostics

/// One Kolada series replaced by another.
public struct KoladaSuccession: Hashable, Sendable {
  /// The replaced id, e.g. `N17494`.
  public var replaced: String
  /// The id that replaces it, e.g. `N17690`.
  public var successor: String
  /// Where the succession is stated.
  public var source: String

  /// Creates a succession.
  public init(replaced: String, successor: String, source: String) {
    self.replaced = replaced
    self.successor = successor
    self.source = source
  }
}

/// Replaced Kolada series (nyckeltal ids), for the `replaced-kolada-series` check.
///
/// The default pairs are those the Kolada KPI catalogue itself states in the successor's
/// description ("Ersätter tidigare nyckeltal (N17494) …"), read from the catalogue of 2026 as
/// distributed with the rKolada package (Källa: Kolada). A municipality adds its own pairs
/// through ``ValidationOptions/koladaSuccessions`` — for example `N15419 → N15508` when the
/// board decides to follow åk 9 results by hemkommun rather than for kommunala skolor. That
/// pair is not a default: the 2026 catalogue still publishes N15419 (kommunala skolor) beside
/// N15508 (hemkommun), so N15419 is not replaced there.
public enum KoladaSeries {
  static let catalogueNote = DiagnosticLanguage.koladaCatalogueNote

  /// Every known succession, replaced id ascending.
  public static let successions: [KoladaSuccession] = {
    let stated: [(String, String)] = [
      ("N00063", "N30220"), ("N00076", "N30225"), ("N00109", "N30221"), ("N00111", "N20224"),
      ("N00115", "N30224"), ("N00117", "N20227"), ("N17486", "N17699"), ("N17487", "N17700"),
      ("N17488", "N17692"), ("N17490", "N17698"), ("N17491", "N17691"), ("N17492", "N17694"),
      ("N17493", "N17697"), ("N17494", "N17690"), ("N17495", "N17693"), ("N17496", "N17696"),
      ("N17500", "N17701"), ("N20031", "N20223"), ("N20032", "N20225"), ("N20037", "N20226"),
      ("N20038", "N20249"), ("N21803", "N21826"), ("N21819", "N21006"), ("N21821", "N21701"),
      ("N30009", "N30222"), ("N30011", "N30223"), ("U00488", "N00488"), ("U07415", "N07415"),
    ]
    return stated.map {
      KoladaSuccession(replaced: $0.0, successor: $0.1, source: catalogueNote)
    }.sorted { $0.replaced < $1.replaced }
  }()

  /// ``successions`` keyed by the replaced id.
  public static let successionsByReplacedID: [String: KoladaSuccession] = Dictionary(
    successions.map { ($0.replaced, $0) }, uniquingKeysWith: { first, _ in first })
}
