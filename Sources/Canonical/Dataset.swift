public import Foundation

/// Everything read for a board and period: units, goals, indicators, targets, outcomes,
/// activities, assessments and plans, each record with its provenance.
///
/// Encoded as canonical JSON (see `docs/canonical-model.md`): keys sorted, arrays in the order
/// the records were read, so the output of the same inputs is byte-identical.
public struct Dataset: Hashable, Sendable, Codable {
  /// Organisational units.
  public var units: [OrgUnit]
  /// Goals at all levels.
  public var goals: [Goal]
  /// Indicator uses.
  public var kpis: [KPI]
  /// Targets.
  public var targets: [Target]
  /// Outcomes.
  public var measurements: [Measurement]
  /// Activities.
  public var activities: [Activity]
  /// Assessments.
  public var assessments: [Assessment]
  /// Plans, one per delivered file that holds a plan.
  public var plans: [Plan]

  /// Creates a dataset.
  public init(
    units: [OrgUnit] = [], goals: [Goal] = [], kpis: [KPI] = [], targets: [Target] = [],
    measurements: [Measurement] = [], activities: [Activity] = [], assessments: [Assessment] = [],
    plans: [Plan] = []
  ) {
    self.units = units
    self.goals = goals
    self.kpis = kpis
    self.targets = targets
    self.measurements = measurements
    self.activities = activities
    self.assessments = assessments
    self.plans = plans
  }

  /// Whether no record of any kind is present.
  public var isEmpty: Bool {
    units.isEmpty && goals.isEmpty && kpis.isEmpty && targets.isEmpty && measurements.isEmpty
      && activities.isEmpty && assessments.isEmpty && plans.isEmpty
  }

  /// The number of records of every kind, the plan records included: what `run` reports per
  /// file and the store counts for it.
  public var recordCount: Int {
    units.count + goals.count + kpis.count + targets.count + measurements.count
      + activities.count + assessments.count + plans.count
  }

  /// Appends every record of `other` after this dataset's records.
  public mutating func append(contentsOf other: Dataset) {
    units += other.units
    goals += other.goals
    kpis += other.kpis
    targets += other.targets
    measurements += other.measurements
    activities += other.activities
    assessments += other.assessments
    plans += other.plans
  }

  /// The unit with an id, if any.
  public func unit(id: String) -> OrgUnit? { units.first { $0.id == id } }

  /// The first goal with an id, if any.
  public func goal(id: String) -> Goal? { goals.first { $0.id == id } }

  /// Canonical JSON: pretty-printed, keys sorted, slashes unescaped, trailing newline.
  ///
  /// - Throws: `EncodingError` only for values JSON cannot hold (non-finite numbers).
  public func canonicalJSON() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}
