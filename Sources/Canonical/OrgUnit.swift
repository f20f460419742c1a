/// An organisational unit: the municipality, a board (nämnd), an administration, a school, a
/// preschool or an area.
public struct OrgUnit: Hashable, Sendable, Codable, Identifiable {
  /// The kind of unit.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The municipality (kommun).
    case municipality
    /// The council (kommunfullmäktige).
    case council
    /// A political board (nämnd), e.g. Barn- och utbildningsnämnden.
    case board
    /// An administration (förvaltning).
    case administration
    /// A school unit (skolenhet).
    case school
    /// A preschool unit or preschool area.
    case preschool
    /// A geographical or organisational area (område, rektorsområde).
    case area
    /// Anything else.
    case other
  }

  /// Stable id, e.g. `hofors-bun` or the skolenhetskod.
  public var id: String
  /// The name as the unit writes it, e.g. `Petreskolan`.
  public var name: String
  /// Other names that files use for the unit (`Petre skola`, `Petreskolan F-6`).
  public var aliases: [String]
  /// The kind.
  public var kind: Kind
  /// The id of the unit above, e.g. the board for a school.
  public var parentID: String?
  /// Kommunkod: four digits with leading zero, e.g. `2104` (Hofors), `0180` (Stockholm).
  public var municipalityCode: String?
  /// Skolenhetskod: eight digits, from Skolverket's skolenhetsregister.
  public var schoolUnitCode: String?
  /// Kolada organisational-unit id, `V15E…`.
  public var koladaID: String?
  /// Where the unit was defined.
  public var provenance: Provenance?

  /// Creates a unit.
  public init(
    id: String, name: String, aliases: [String] = [], kind: Kind, parentID: String? = nil,
    municipalityCode: String? = nil, schoolUnitCode: String? = nil, koladaID: String? = nil,
    provenance: Provenance? = nil
  ) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.kind = kind
    self.parentID = parentID
    self.municipalityCode = municipalityCode
    self.schoolUnitCode = schoolUnitCode
    self.koladaID = koladaID
    self.provenance = provenance
  }
}
