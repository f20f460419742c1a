public import Canonical
public import Spreadsheet

/// Settings of a validation run beyond the board and period.
public struct ValidationOptions: Hashable, Sendable {
  /// The day the report is made, for delayed activities; `nil` means the period's last day.
  public var asOf: CalendarDate?
  /// Replaced Kolada series: replaced id → its succession. Defaults to
  /// ``KoladaSeries/successions``.
  public var koladaSuccessions: [String: KoladaSuccession]
  /// Replaced series the board keeps on purpose (no `replaced-kolada-series` for them).
  public var keptSeries: Set<String>
  /// The units that must deliver a file, when not every unit under the board must (`nil`:
  /// every school, preschool and area under the board that has no unit below it).
  public var expectedUnitIDs: [String]?
  /// Codes to leave out of the report, e.g. `["activity-delayed"]`.
  public var suppressedCodes: Set<String>
  /// The severity of a code when it is not the catalogue's default, e.g.
  /// `["goal-without-breakdown": .info]`.
  public var severityByCode: [String: Severity]
  /// The bands a nyckeltal's outcome is judged by against its målvärde; `nil`: met or not
  /// met as the målvärde says.
  public var statusThresholds: StatusThresholds?

  /// Creates options; the defaults suit a board report at the end of the period.
  public init(
    asOf: CalendarDate? = nil,
    koladaSuccessions: [String: KoladaSuccession] = KoladaSeries.successionsByReplacedID,
    keptSeries: Set<String> = [], expectedUnitIDs: [String]? = nil,
    suppressedCodes: Set<String> = [], severityByCode: [String: Severity] = [:],
    statusThresholds: StatusThresholds? = nil
  ) {
    self.asOf = asOf
    self.koladaSuccessions = koladaSuccessions
    self.keptSeries = keptSeries
    self.expectedUnitIDs = expectedUnitIDs
    self.suppressedCodes = suppressedCodes
    self.severityByCode = severityByCode
    self.statusThresholds = statusThresholds
  }
}
