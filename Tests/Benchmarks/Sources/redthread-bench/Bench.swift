#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `redthread-bench`: the benchmark program for the shared bench kit.
///
///     redthread-bench read FILE…        resolve every cell of every file to a typed value
///     redthread-bench write-kpi1m [--level N] [--inline] [--threads N] [--rows N] OUT
///                                       write the kpi_1m rows (100,000 × 10) to OUT
///
/// Each prints one summary line ending in `work_s=SECONDS`, its own time after start-up.
///
/// The program links no Foundation: Foundation alone adds about 8 MiB of resident memory,
/// which would dominate the peak RSS the benchmarks compare.
@main
struct Bench {
  static func main() {
    let args = Array(CommandLine.arguments.dropFirst())
    guard let verb = args.first else { usage() }
    let start = monotonicSeconds()
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
        guard args.count >= 2, let path = args.last,
          let options = WriteBenchOptions(args.dropFirst().dropLast())
        else { usage() }
        summary = try benchWriteKPI1M(path: path, options: options)
      default:
        usage()
      }
      let seconds = monotonicSeconds() - start
      printOutput("\(summary) work_s=\(format("%.3f", seconds))\n")
    } catch {
      printError("redthread-bench: \(error)\n")
      exit(1)
    }
  }

  static func usage() -> Never {
    printError(
      "usage: redthread-bench read FILE… | redthread-bench write-kpi1m [--level N] [--inline] "
        + "[--threads N] [--rows N] OUT\n")
    exit(64)
  }
}

/// Writes text to standard output (file descriptor 1). Not `print`, whose dynamic casts make
/// the Swift runtime scan every loaded library's conformance tables (resident memory).
func printOutput(_ text: String) {
  var text = text
  text.withUTF8 { utf8 in _ = write(1, utf8.baseAddress, utf8.count) }
}

/// Writes text to standard error (file descriptor 2).
func printError(_ text: String) {
  var text = text
  text.withUTF8 { utf8 in _ = write(2, utf8.baseAddress, utf8.count) }
}

/// Seconds on the monotonic clock (`clock_gettime(CLOCK_MONOTONIC)`).
func monotonicSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// `printf`-style formatting of one number (`vsnprintf`), e.g. `format("%.3f", 1.5)`.
func format(_ pattern: String, _ value: Double) -> String {
  var buffer = [CChar](repeating: 0, count: 64)
  _ = withVaList([value]) { arguments in
    buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, pattern, arguments) }
  }
  return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
      + "other=\(other) sum=\(format("%.6g", numberSum))"
  }
}
