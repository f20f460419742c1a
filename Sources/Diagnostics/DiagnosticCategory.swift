/// What kind of failure a code is, which decides the command line's exit status.
///
/// The statuses follow BSD's `sysexits.h`, as swift-argument-parser's `ExitCode` does:
///
/// | category | status | sysexits name |
/// |---|---|---|
/// | ``usage`` | 64 | `EX_USAGE` |
/// | ``data`` | 65 | `EX_DATAERR` |
/// | ``noInput`` | 66 | `EX_NOINPUT` |
/// | ``cannotCreate`` | 73 | `EX_CANTCREAT` |
/// | ``io`` | 74 | `EX_IOERR` |
/// | ``busy`` | 75 | `EX_TEMPFAIL` |
/// | ``configuration`` | 78 | `EX_CONFIG` |
public enum DiagnosticCategory: String, Hashable, Sendable, CaseIterable, Codable {
  /// The command was called wrongly: an unknown option, a value that is not a period.
  case usage
  /// The input is there but its content is wrong: a damaged workbook, a value of the wrong
  /// type, a broken red thread.
  case data
  /// The input does not exist or cannot be opened for reading.
  case noInput = "no-input"
  /// An output file or folder cannot be created.
  case cannotCreate = "cannot-create"
  /// Reading or writing failed part way (a move between folders, a disk error).
  case io
  /// Another process holds the resource; trying again later may succeed.
  case busy
  /// The configuration is missing or wrong: `redthread.yaml`, a mapping or a reference file.
  case configuration

  /// The process exit status for an error of this category (`sysexits.h`).
  public var exitStatus: Int32 {
    switch self {
    case .usage: return 64
    case .data: return 65
    case .noInput: return 66
    case .cannotCreate: return 73
    case .io: return 74
    case .busy: return 75
    case .configuration: return 78
    }
  }
}
