import Foundation

/// `redthread-bench`: the benchmark program for the shared bench kit.
///
///     redthread-bench read FILE…        resolve every cell of every file to a typed value
///     redthread-bench write-kpi1m OUT   write the kpi_1m rows (100,000 × 10) to OUT
///
/// Each prints one summary line ending in `work_s=SECONDS`, its own time after start-up.
@main
struct Bench {
  static func main() {
    let args = Array(CommandLine.arguments.dropFirst())
    guard let verb = args.first else { usage() }
    let start = DispatchTime.now().uptimeNanoseconds
    do {
      var summary: String
      switch verb {
      case "read":
        guard args.count > 1 else { usage() }
        var totals = ReadTotals()
        for path in args.dropFirst() {
          let lower = path.lowercased()
          if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") || lower.hasSuffix(".tsv") {
            try benchReadCSV(path: path, into: &totals)
          } else {
            try benchReadXLSX(path: path, into: &totals)
          }
        }
        summary = totals.description
      case "write-kpi1m":
        guard args.count == 2 else { usage() }
        summary = try benchWriteKPI1M(path: args[1])
      default:
        usage()
      }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      print("\(summary) work_s=\(String(format: "%.3f", seconds))")
    } catch {
      FileHandle.standardError.write(Data("redthread-bench: \(error)\n".utf8))
      exit(1)
    }
  }

  static func usage() -> Never {
    FileHandle.standardError.write(
      Data("usage: redthread-bench read FILE… | redthread-bench write-kpi1m OUT\n".utf8))
    exit(64)
  }
}

/// Counts of what a read resolved, printed so that a run can be checked against the peers.
struct ReadTotals: CustomStringConvertible {
  var cells = 0
  var numbers = 0
  var strings = 0
  var dates = 0
  var booleans = 0
  var other = 0
  var numberSum = 0.0

  var description: String {
    "cells=\(cells) numbers=\(numbers) strings=\(strings) dates=\(dates) bools=\(booleans) "
      + "other=\(other) sum=\(String(format: "%.6g", numberSum))"
  }
}
