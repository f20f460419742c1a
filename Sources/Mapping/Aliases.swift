import Canonical

/// The canonical missing reason (Foundation also has a `Measurement`).
typealias MissingReason = Canonical.Measurement.MissingReason
/// The canonical measurement (Foundation also has a `Measurement`).
typealias CanonicalMeasurement = Canonical.Measurement
