/// How serious a problem in the data is.
public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
  /// Information, e.g. a row skipped as a total.
  case info
  /// Something a controller should look at; the file is still used.
  case warning
  /// Wrong data: the record or file cannot be used as it is.
  case error

  private var rank: Int {
    switch self {
    case .info: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  /// Orders info < warning < error.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
