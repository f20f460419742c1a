public import Canonical
public import Spreadsheet

/// One activity in the report, with its status and whether it is delayed.
public struct ActivityRow: Hashable, Sendable {
  /// The unit whose plan holds it.
  public var unitID: String?
  /// The unit's name.
  public var unitName: String
  /// The goals it serves, as written.
  public var goalIDs: [String]
  /// Its id.
  public var activityID: String
  /// What is done.
  public var title: String
  /// Who answers for it (ansvarig).
  public var owner: String?
  /// First day.
  public var start: CalendarDate?
  /// Last day.
  public var end: CalendarDate?
  /// The status as reported.
  public var status: Activity.Status?
  /// The status in words (`Pågår`, or the text as written when it is not a known status).
  public var statusText: String
  /// Whether it is delayed on the report day: reported Försenad, or past its end and neither
  /// done nor cancelled.
  public var delayed: Bool
  /// A comment.
  public var comment: String?
  /// Where the activity was read.
  public var location: SourceLocation?

  /// Creates a row.
  public init(
    unitID: String?, unitName: String, goalIDs: [String], activityID: String, title: String,
    owner: String? = nil, start: CalendarDate? = nil, end: CalendarDate? = nil,
    status: Activity.Status? = nil, statusText: String, delayed: Bool, comment: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.unitID = unitID
    self.unitName = unitName
    self.goalIDs = goalIDs
    self.activityID = activityID
    self.title = title
    self.owner = owner
    self.start = start
    self.end = end
    self.status = status
    self.statusText = statusText
    self.delayed = delayed
    self.comment = comment
    self.location = location
  }

  /// Whether it runs as planned: not delayed and not cancelled.
  public var isOnTrack: Bool { !delayed && status != .cancelled }
}
