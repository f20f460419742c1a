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

  /// The conversion with a `wrong-period` warning added when the file does not count in the
  /// period being collected.
  ///
  /// The file stays stored under its own period; only the warning is added, so that the
  /// report of the period collected lists it (``diagnostics(_:of:in:)``). That is every file whose
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

  /// The diagnostics of the stored files that belong to the report for `period`: those of
  /// files whose own period counts there (``Canonical/Period/counts(in:)``), with the files'
  /// periods read from the plans of `dataset` (a diagnostic names its file in its location),
  /// and the `wrong-period` warnings given while `period` was being collected. A kvartal 2
  /// file's mapping notes are not kvartal 3's. Diagnostics of no file, or of a file with no
  /// plan period (a statistics extract), are kept.
  public static func diagnostics(
    _ diagnostics: [Diagnostic], of dataset: Dataset, in period: Period
  ) -> [Diagnostic] {
    var filePeriod: [String: Period] = [:]
    for plan in dataset.plans where plan.kind != .statistics {
      if let file = plan.provenance?.file, let p = plan.period, filePeriod[file] == nil {
        filePeriod[file] = p
      }
    }
    let wrong = DiagnosticCode.wrongPeriod.id
    return diagnostics.filter { d in
      if d.code == wrong { return d.arguments?["collected"] == period.id }
      guard let file = d.location?.file, let own = filePeriod[file] else { return true }
      return own.counts(in: period)
    }
  }
}
