import Foundation

/// Locates files under `Tests/Fixtures`, the repository's `samples/` and `mappings/`, and the
/// shared real-data folder next to the repository, by `#filePath` (no resource bundles).
public enum Fixture {
  /// The repository root.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A file under `Tests/Fixtures/`.
  public static func url(_ relativePath: String) -> URL {
    root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
  }

  /// A path under the repository root, e.g. `samples/hofors/inbox`.
  public static func repo(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }

  /// The shared folder next to the repository (`../shared`, or `../../shared` for a git
  /// worktree one level deeper, or `$REDTHREAD_SHARED`), when present; tests on the real data
  /// and the corpus are skipped on machines that do not have it.
  public static var shared: URL? {
    var candidates: [URL] = []
    if let env = ProcessInfo.processInfo.environment["REDTHREAD_SHARED"], !env.isEmpty {
      candidates.append(URL(fileURLWithPath: env))
    }
    let parent = root.deletingLastPathComponent()
    candidates.append(parent.appendingPathComponent("shared"))
    candidates.append(parent.deletingLastPathComponent().appendingPathComponent("shared"))
    return candidates.first {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("realdata").path)
    }
  }
}
