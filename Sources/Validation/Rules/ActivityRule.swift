public import Canonical
public import Spreadsheet

/// Activities have a start on or before their end, and a status that agrees with their dates:
/// one past its end that is neither done nor cancelled is delayed; one reported ongoing or
/// done has started.
///
/// Dates are judged on ``BoardScope/asOf``: the period's last day unless the run gives a day.
public struct ActivityRule: ValidationRule {
  /// Creates the rule.
  public init() {}

  /// `activity-ends-before-start`, `activity-delayed`, `activity-status-inconsistent`.
  public var codes: [DiagnosticCode] {
    [.activityEndsBeforeStart, .activityDelayed, .activityStatusInconsistent]
  }

  /// The status as the board reads it: the Swedish label, else the text as written, else
  /// `ingen status`.
  public static func statusText(_ activity: Activity) -> String {
    if let status = activity.status { return status.swedishLabel }
    if let text = activity.statusText, !text.isBlank { return text }
    return "ingen status"
  }

  /// Whether an activity is delayed on a day: reported delayed, or past its end and neither
  /// done nor cancelled (when its dates are consistent).
  public static func isDelayed(_ activity: Activity, on day: CalendarDate) -> Bool {
    if activity.status == .delayed { return true }
    if let start = activity.start, let end = activity.end, end < start { return false }
    return activity.isDelayed(on: day)
  }

  /// Checks every activity in scope.
  public func check(_ scope: BoardScope, options: ValidationOptions) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for activity in scope.activities {
      let status = Self.statusText(activity)
      if let start = activity.start, let end = activity.end, end < start {
        out.append(
          DiagnosticCode.activityEndsBeforeStart.diagnostic(
            at: activity.provenance?.location(field: Field.end),
            ["activity": activity.label, "end": end.description, "start": start.description],
            value: end.description))
        continue
      }
      if let end = activity.end, end < scope.asOf, activity.status != .done,
        activity.status != .cancelled
      {
        out.append(
          DiagnosticCode.activityDelayed.diagnostic(
            at: activity.provenance?.location(field: Field.end),
            [
              "activity": activity.label, "end": end.description, "status": status,
              "asOf": scope.asOf.description,
            ], value: status))
      }
      if let start = activity.start, start > scope.asOf,
        activity.status == .ongoing || activity.status == .done
      {
        out.append(
          DiagnosticCode.activityStatusInconsistent.diagnostic(
            at: activity.provenance?.location(field: Field.status),
            [
              "activity": activity.label, "status": status, "start": start.description,
              "asOf": scope.asOf.description,
            ], value: status))
      }
    }
    return out
  }
}

extension Activity {
  /// How messages name an activity: its title, or its id when the title is blank (templates
  /// often have no id column, so the mapping makes one up from the row).
  var label: String { title.isBlank ? id : title }
}
