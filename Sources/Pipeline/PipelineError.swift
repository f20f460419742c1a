public import Spreadsheet

/// An error that stops a pipeline run: a missing or malformed configuration, an unusable
/// folder, a failed move. Problems in the data are diagnostics, never these.
public struct PipelineError: LocatedError {
  /// The kinds of failure, each with a stable code.
  public enum Code: Sendable, CaseIterable {
    /// `redthread.yaml` is missing from the folder.
    case configNotFound
    /// `redthread.yaml` is not valid YAML or has wrong keys or values.
    case invalidConfig
    /// A reference file named in the configuration cannot be read.
    case referenceUnreadable
    /// A folder of the workspace cannot be created or read.
    case workspaceUnusable
    /// A file could not be moved between the workspace folders.
    case moveFailed
    /// A result or report could not be written.
    case writeFailed
    /// `redthread init` would overwrite an existing configuration.
    case alreadyInitialised
    /// Another process holds the workspace's lock.
    case workspaceBusy
    /// A file named on the command line is not in the store.
    case fileNotFound
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
}

extension PipelineError.Code {
  /// The code's entry in the catalogue of codes.
  public var diagnosticCode: DiagnosticCode {
    switch self {
    case .configNotFound: return .configNotFound
    case .invalidConfig: return .invalidConfig
    case .referenceUnreadable: return .referenceUnreadable
    case .workspaceUnusable: return .workspaceUnusable
    case .moveFailed: return .moveFailed
    case .writeFailed: return .writeFailed
    case .alreadyInitialised: return .alreadyInitialised
    case .workspaceBusy: return .workspaceBusy
    case .fileNotFound: return .fileNotFound
    }
  }

  /// The stable kebab-case id (``Diagnostics/DiagnosticCode/id``).
  public var rawValue: String { diagnosticCode.id }
}
