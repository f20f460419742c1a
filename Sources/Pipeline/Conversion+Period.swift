public import Canonical
public import Spreadsheet
import Validation

extension Conversion {
  /// The period the file is for: the period of its plan (a unit's arbetsplan, the board's
  /// verksamhetsplan), as read from its own content (the title block, the file name).
  ///
  /// `nil` for a statistics extract (Kolada, Skolverket), whose rows carry their own periods,
  /// and for a file with no plan.
  public var filePeriod: Period? {
    guard let plan = dataset.plans.first, plan.kind != .statistics else { return nil }
    return plan.period
  }

  /// Whether the file's records count in the report for `period`: its own period counts
  /// there (``Canonical/Period/counts(in:)``), or it has no period of its own.
  public func counts(in period: Period) -> Bool {
    filePeriod.map { $0.counts(in: period) } ?? true
  }

  /// The conversion with a `wrong-period` warning added when the file does not count in the
  /// period being collected.
  ///
  /// The file stays stored under its own period; only the warning is added, so that the
  /// report of the period collected lists it (``diagnostics(in:)``). That is every file whose
  /// own period does not overlap the period collected (a kvartal 2 file, last year's file,
  /// in a kvartal 3 inbox), and also a file of an overlapping period that does not count there
  /// (a tertial 1 file in a tertial 2 inbox: tertials are cumulative, but each is its own
  /// follow-up).
  ///
  /// - Parameters:
  ///   - collected: the period being collected (the configuration's).
  ///   - file: the file's name as it arrived.
  public func checkingPeriod(collected: Period, file: String) -> Conversion {
    guard let own = filePeriod, !own.counts(in: collected) else { return self }
    var location = SourceLocation(file: file)
    if let provenance = dataset.plans.first?.provenance {
      location = provenance.location(field: "period")
      location.file = file
    }
    var copy = self
    copy.diagnostics.append(
      DiagnosticCode.wrongPeriod.diagnostic(
        at: location,
        [
          "filePeriod": own.swedishLabel, "period": collected.swedishLabel,
          "filePeriodID": own.id, "collected": collected.id, "file": file,
        ], value: own.id))
    return copy
  }

  /// The file's diagnostics that belong to the report for `period`: all of them when the
  /// file counts there; otherwise only the `wrong-period` warning given while `period` was
  /// being collected. A kvartal 2 file's mapping notes are not kvartal 3's problems.
  public func diagnostics(in period: Period) -> [Diagnostic] {
    let wrong = DiagnosticCode.wrongPeriod.id
    if counts(in: period) {
      return diagnostics.filter { $0.code != wrong || $0.arguments?["collected"] == period.id }
    }
    return diagnostics.filter { $0.code == wrong && $0.arguments?["collected"] == period.id }
  }
}
