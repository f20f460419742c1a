import ArgumentParser
import CSV
import Foundation
import Spreadsheet
import SpreadsheetIO

struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Show a workbook or CSV file as RedThread reads it.",
    discussion: """
      Prints every worksheet as a table (default), as CSV, or as JSON with each cell's type and \
      value. For CSV files, --explain says which encoding and dialect were detected and why.

      A file that is not there exits with status 66, one that cannot be read as a workbook or \
      CSV file with 65; with --format json the error is printed on standard output as \
      {"error": {"code": …, "message": …}} with a code from docs/errors.md.

      Examples:
        redthread inspect "samples/hofors/inbox/Arbetsplan Petreskolan kvartal 3 2026.xlsx"
        redthread inspect --format json kolada.csv
        redthread inspect --explain "Kostnader per kommun 2024.csv"
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
  }

  @Argument(help: "The .xlsx or .csv file to read.")
  var file: String

  @Option(help: "Output format: table, csv or json.")
  var format: Format = .table

  @Option(help: "Show only the worksheet with this name.")
  var sheet: String?

  @Option(help: "Rows to show per sheet in the table format.")
  var rows: Int = 200

  @Flag(help: "For CSV files: say what was detected (encoding, delimiter, header) and why.")
  var explain = false

  func run() throws {
    do {
      if explain {
        print(try CSVReader.explain(path: file), terminator: "")
        return
      }
      var workbook = try SpreadsheetFile.read(path: file)
      for diagnostic in workbook.diagnostics {
        FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
      }
      if let sheet {
        guard let only = workbook.worksheet(named: sheet) else {
          let names = workbook.worksheets.map { "'\($0.name)'" }.joined(separator: ", ")
          throw ValidationError("no worksheet named '\(sheet)'; the workbook has \(names)")
        }
        workbook.worksheets = [only]
      }
      switch format {
      case .json:
        FileHandle.standardOutput.write(Data(WorkbookJSON.render(workbook).utf8))
      case .csv:
        for ws in workbook.worksheets {
          FileHandle.standardOutput.write(Data(WorkbookTable.csv(ws).utf8))
        }
      case .table:
        for ws in workbook.worksheets {
          var title = "\(SourceLocation.quotedSheetName(ws.name))"
          if ws.visibility != .visible { title += " (\(ws.visibility.rawValue))" }
          if ws.kind != .worksheet { title += " [\(ws.kind.rawValue)]" }
          print("\(file): \(title), \(ws.rows.count) rows")
          print(WorkbookTable.render(ws, maxRows: rows), terminator: "")
          if !ws.mergedRanges.isEmpty {
            print("merged: " + ws.mergedRanges.map(\.description).joined(separator: " "))
          }
          print()
        }
        if let layout = workbook.textLayout {
          print("encoding \(layout.encoding), delimiter \(displayDelimiter(layout.delimiter))")
        }
      }
    } catch let error as any LocatedError {
      if format == .json {
        FileHandle.standardOutput.write(
          Data(
            WorkbookJSON.renderError(
              code: error.code, message: error.message, location: error.location?.description
            ).utf8))
        throw ErrorPrinter.exitCode(error)
      }
      throw error
    }
  }

  func displayDelimiter(_ d: String) -> String {
    switch d {
    case "\t": return "tab"
    case " ": return "space"
    default: return "'\(d)'"
    }
  }
}
