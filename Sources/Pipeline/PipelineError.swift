public import Spreadsheet

/// An error that stops a pipeline run: a missing or malformed configuration, an unusable
/// folder, a failed move. Problems in the data are diagnostics, never these.
public struct PipelineError: LocatedError {
  /// The kinds of failure, each with a stable code.
  public enum Code: String, Sendable, CaseIterable {
    /// `redthread.yaml` is missing from the folder.
    case configNotFound = "config-not-found"
    /// `redthread.yaml` is not valid YAML or has wrong keys or values.
    case invalidConfig = "invalid-config"
    /// A reference file named in the configuration cannot be read.
    case referenceUnreadable = "reference-unreadable"
    /// A folder of the workspace cannot be created or read.
    case workspaceUnusable = "workspace-unusable"
    /// A file could not be moved between the workspace folders.
    case moveFailed = "move-failed"
    /// A result or report could not be written.
    case writeFailed = "write-failed"
    /// `redthread init` would overwrite an existing configuration.
    case alreadyInitialised = "already-initialised"
    /// Another RedThread process holds the workspace lock.
    case workspaceBusy = "workspace-busy"
    /// A file named on the command line is not in the store.
    case fileNotFound = "file-not-found"
  }

  /// The kind of failure.
  public var kind: Code
  /// Where (the configuration line, or the file).
  public var location: SourceLocation?
  /// What went wrong, naming the offending value.
  public var message: String
  /// The underlying error, when one caused this.
  public var underlying: (any Error)?

  /// The stable code.
  public var code: String { kind.rawValue }

  /// Creates an error.
  public init(
    _ kind: Code, _ message: String, location: SourceLocation? = nil,
    underlying: (any Error)? = nil
  ) {
    self.kind = kind
    self.message = message
    self.location = location
    self.underlying = underlying
  }

  /// The catalogue entries for `docs/errors.md`.
  public static let catalogue: [CodeDescription] = [
    CodeDescription(
      code: Code.configNotFound.rawValue, title: "Configuration not found",
      explanation: "The folder has no `redthread.yaml`. Run `redthread init DIR` first."),
    CodeDescription(
      code: Code.invalidConfig.rawValue, title: "Invalid configuration",
      explanation: "`redthread.yaml` is not valid YAML, has an unknown key, or a value of the "
        + "wrong kind. The message gives the line and column."),
    CodeDescription(
      code: Code.referenceUnreadable.rawValue, title: "Reference file unreadable",
      explanation: "A unit register or goal list named under `reference:` is missing or "
        + "malformed."),
    CodeDescription(
      code: Code.workspaceUnusable.rawValue, title: "Workspace unusable",
      explanation: "A folder of the workspace (inbox, archive, rejected, reports, store) cannot "
        + "be created or read; check permissions and free space."),
    CodeDescription(
      code: Code.moveFailed.rawValue, title: "Move failed",
      explanation: "A source file could not be moved between workspace folders. The file stays "
        + "where it was; nothing is deleted."),
    CodeDescription(
      code: Code.writeFailed.rawValue, title: "Write failed",
      explanation: "A stored result or a report could not be written. Earlier results and "
        + "reports are left as they were."),
    CodeDescription(
      code: Code.alreadyInitialised.rawValue, title: "Already initialised",
      explanation: "`redthread init` found an existing `redthread.yaml` and leaves it alone."),
    CodeDescription(
      code: Code.workspaceBusy.rawValue, title: "Workspace busy",
      explanation: "Another RedThread process (run, watch, reprocess, withdraw) holds the "
        + "workspace lock `DIR/.redthread.lock`. Wait for it, or give `--wait SECONDS`. Exit "
        + "status 75."),
    CodeDescription(
      code: Code.fileNotFound.rawValue, title: "File not in the store",
      explanation: "A file named to `reprocess` or `withdraw` was never received in this "
        + "workspace; `redthread status DIR` lists the files received."),
  ]
}
