/// How a nyckeltal stands against its målvärde in the period.
public enum KPIStatus: String, Hashable, Sendable, Codable, CaseIterable {
  /// The outcome meets the målvärde.
  case met
  /// The outcome comes close to the målvärde: within the partly band of the configured
  /// ``Validation/StatusThresholds`` (e.g. 91–99 % of it).
  case partlyMet
  /// The outcome does not meet the målvärde.
  case notMet
  /// There is a målvärde but no outcome (not reported, or a missing-value token).
  case noOutcome
  /// There is no målvärde valid in the period.
  case noTarget
  /// Cannot be judged: a målvärde such as `Öka` needs a previous outcome and there is none,
  /// or the outcome is implausible for its measure (the validation reports it).
  case undetermined

  /// The Swedish words the board reads.
  public var swedishLabel: String {
    switch self {
    case .met: return "Uppnått"
    case .partlyMet: return "Delvis uppnått"
    case .notMet: return "Ej uppnått"
    case .noOutcome: return "Utfall saknas"
    case .noTarget: return "Målvärde saknas"
    case .undetermined: return "Kan ej bedömas"
    }
  }
}

/// Which way an outcome moved since the previous period, judged by the nyckeltal's direction.
public enum Trend: String, Hashable, Sendable, Codable, CaseIterable {
  /// Moved the better way.
  case improving
  /// Moved the worse way.
  case worsening
  /// No change (within 1e-9).
  case unchanged
  /// Rose, for a nyckeltal with no better direction.
  case rising
  /// Fell, for a nyckeltal with no better direction.
  case falling

  /// The Swedish word the board reads.
  public var swedishLabel: String {
    switch self {
    case .improving: return "Förbättring"
    case .worsening: return "Försämring"
    case .unchanged: return "Oförändrat"
    case .rising: return "Ökning"
    case .falling: return "Minskning"
    }
  }
}

/// Where a goal's fulfilment comes from.
public enum FulfilmentSource: String, Hashable, Sendable, Codable, CaseIterable {
  /// The unit's (or board's) own assessment (bedömning).
  case assessed
  /// Derived from the goal's own nyckeltal.
  case derived
  /// Derived from the fulfilment of the goals below it (the enhetsmål under a nämndmål), as
  /// the goal has no nyckeltal of its own that can be judged.
  case derivedFromGoals
  /// Neither: nothing to judge by.
  case none

  /// The Swedish words: `Bedömning`, `Beräknad från nyckeltal`, `Beräknad från underliggande
  /// mål`, `Underlag saknas`.
  public var swedishLabel: String {
    switch self {
    case .assessed: return "Bedömning"
    case .derived: return "Beräknad från nyckeltal"
    case .derivedFromGoals: return "Beräknad från underliggande mål"
    case .none: return "Underlag saknas"
    }
  }
}
