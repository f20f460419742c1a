public import LocatedYAML
import Spreadsheet
import Yams

/// Mapping, value-map and reference files are read through the one located YAML reader, with
/// their problems in ``MappingError`` codes and the mapping language's did-you-mean
/// (``TextMatching/hint(for:among:)``).
typealias MappingYAMLReader = YAMLReader<MappingError.Code>

extension MappingError.Code: YAMLProblemKind {}

extension YAMLReader where Kind == MappingError.Code {
  /// A reader over `text` with the mapping language's hints.
  static func mapping(file: String, text: String) -> MappingYAMLReader {
    MappingYAMLReader(file: file, text: text, hinter: { TextMatching.hint(for: $0, among: $1) })
  }

  /// Opens a file with the mapping language's hints.
  ///
  /// - Throws: ``MappingError`` `file-unreadable`.
  static func openMapping(path: String) throws(MappingError) -> MappingYAMLReader {
    do {
      return try MappingYAMLReader.open(
        path: path, hinter: { TextMatching.hint(for: $0, among: $1) })
    } catch {
      throw MappingError(error)
    }
  }

  /// Composes the document.
  ///
  /// - Throws: ``MappingError`` `yaml-syntax`, `duplicate-key` or `empty-file`, located.
  func composeMapping() throws(MappingError) -> Node {
    do { return try compose() } catch { throw MappingError(error) }
  }

  /// Every problem recorded so far, as mapping errors.
  var errors: [MappingError] { problems.map(MappingError.init) }
}

extension MappingError {
  /// The mapping error for a problem found by the YAML reader.
  init(_ problem: YAMLProblem<Code>) {
    self.init(
      problem.kind, at: problem.location, problem.message, keyPath: problem.keyPath,
      hint: problem.hint)
  }
}
