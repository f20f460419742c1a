import ArgumentParser
import Foundation
import Mapping

struct MappingCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check mapping files and report every error with its line and column.",
    discussion: """
      Loads each mapping file (following `extends` and `values`) and reports every \
      problem as FILE:LINE:COLUMN, with the key path and a did-you-mean for misspelt keys \
      and words. A folder checks every .yaml file directly inside it. Exits with status 78 \
      (configuration) when any file has an error, 66 when a file is not there.

      Examples:
        redthread mapping check mappings/
        redthread mapping check mappings/arbetsplan-grundskola.yaml
      """)

  @Argument(help: "Mapping files, or folders of mapping files.")
  var files: [String]

  @Flag(name: .shortAndLong, help: "Print only errors, not the files that are fine.")
  var quiet = false

  func run() throws {
    try InputError.requireExisting(files)
    var paths: [String] = []
    for file in files {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: file)) ?? []
        let yaml = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        if yaml.isEmpty {
          throw ValidationError("the folder '\(file)' holds no .yaml mapping files")
        }
        paths += yaml.map { (file as NSString).appendingPathComponent($0) }
      } else {
        paths.append(file)
      }
    }
    var errorCount = 0
    var status: Int32 = 0
    var failedFiles = 0
    for path in paths {
      let errors = MappingFile.check(path: path)
      if errors.isEmpty {
        if !quiet, let mapping = try? MappingFile.load(path: path) {
          print(
            "\(path): ok: mapping '\(mapping.name)' version \(mapping.version), "
              + "\(mapping.tables.count) table\(mapping.tables.count == 1 ? "" : "s")")
        }
        continue
      }
      errorCount += errors.count
      failedFiles += 1
      for error in errors {
        ErrorPrinter.print(error, stopping: false)
        status = max(status, error.category.exitStatus)
      }
    }
    if errorCount > 0 {
      FileHandle.standardError.write(
        Data(
          ("\(errorCount) error\(errorCount == 1 ? "" : "s") in \(failedFiles) of "
            + "\(paths.count) file\(paths.count == 1 ? "" : "s")\n").utf8))
      throw ExitCode(status)
    }
  }
}
