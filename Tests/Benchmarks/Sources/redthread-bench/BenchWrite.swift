import Spreadsheet
import XLSX

/// Options of `write-kpi1m`: `--level N` (deflate level, default 6), `--inline` (inline strings
/// instead of shared strings), `--threads N` (compression threads, default one per core),
/// `--rows N` (data rows, default 100,000).
struct WriteBenchOptions {
  var level = 6
  var sharedStrings = true
  var threads: Int?
  var rows = 100_000

  /// Parses the flags before the output path; `nil` on a malformed flag.
  init?(_ flags: ArraySlice<String>) {
    var rest = flags
    while let flag = rest.popFirst() {
      switch flag {
      case "--inline": sharedStrings = false
      case "--level", "--threads", "--rows":
        guard let text = rest.popFirst(), let value = Int(text), value >= 0 else { return nil }
        if flag == "--level" {
          level = value
        } else if flag == "--threads" {
          threads = value
        } else {
          rows = value
        }
      default: return nil
      }
    }
  }
}

/// Writes the kpi_1m rows of the bench kit (`kpidata.py`, `c/kpidata.h`: the same generator,
/// value for value) to `path` as the Python and C peers do: sheet `Nyckeltal`, a bold header,
/// `#,##0.00` for Utfall and Målvärde, `0.0%` for Uppfyllnad, `yyyy-mm-dd` for Datum.
///
/// - Returns: the summary printed before `work_s=`.
func benchWriteKPI1M(path: String, options: WriteBenchOptions) throws -> String {
  let writer = try XLSXWriter(
    path: path,
    options: XLSXWriteOptions(
      compressionLevel: options.level, sharedStrings: options.sharedStrings,
      compressionThreads: options.threads))
  try writer.addWorksheet(name: "Nyckeltal")
  let bold = CellStyle(bold: true)
  try writer.writeRow(KPIData.header.map { WriteCell(.string($0), style: bold) })
  let amount = CellStyle(numberFormat: "#,##0.00")
  let percent = CellStyle(numberFormat: "0.0%")
  let date = CellStyle(numberFormat: "yyyy-mm-dd")
  var generator = KPIData()
  var row = [WriteCell?](repeating: nil, count: 10)
  for _ in 0..<options.rows {
    let r = generator.next()
    row[0] = WriteCell(.string(r.department))
    row[1] = WriteCell(.string(r.kpi))
    row[2] = WriteCell(.string(r.owner))
    row[3] = r.comment.map { WriteCell(.string($0)) }
    row[4] = WriteCell(.number(Double(r.year)))
    row[5] = WriteCell(.number(r.outcome), style: amount)
    row[6] = r.target.map { WriteCell(.number($0), style: amount) }
    row[7] = WriteCell(.number(r.fulfilment), style: percent)
    row[8] = WriteCell(.dateTime(CivilDateTime(serial: Double(r.dateSerial))), style: date)
    row[9] = WriteCell(.bool(r.done))
    try writer.writeRow(row)
  }
  try writer.close()
  return "writer=redthread rows=\(options.rows) level=\(options.level) "
    + "strings=\(options.sharedStrings ? "shared" : "inline")"
}

/// A Swift port of the bench kit's `kpidata.py`: the same 64-bit LCG and the same pools, so
/// the same rows.
struct KPIData {
  static let header = [
    "Förvaltning", "Nyckeltal", "Ansvarig", "Kommentar", "År", "Utfall", "Målvärde",
    "Uppfyllnad", "Datum", "Klar",
  ]
  static let departments = [
    "Kommunstyrelsen", "Barn- och utbildningsnämnden", "Socialnämnden", "Tekniska nämnden",
    "Kultur & fritidsnämnden", "Miljö- och byggnämnden", "Vård- och omsorgsnämnden",
    "Överförmyndarnämnden", "Valnämnden", "Räddningstjänsten", "Kommunfullmäktige",
    "Gymnasienämnden",
  ]
  static let kpiPrefix = [
    "Andel", "Antal", "Kostnad för", "Nöjdhet med", "Väntetid för", "Genomsnittlig tid för",
    "Förändring av", "Utfall för", "Täckningsgrad för", "Kvalitet i",
  ]
  static let kpiSubject = [
    "hemtjänst", "förskola", "grundskola", "äldreomsorg", "bygglov", "återvinning",
    "gång- och cykelvägar", "biblioteksbesök", "försörjningsstöd", "simhall",
  ]
  static let kpiSuffix = ["per invånare", "(%)", "i kronor", "år 1–3", "enligt brukarenkät"]
  static let first = [
    "Åsa", "Örjan", "Märta", "Björn", "Gösta", "Ingrid", "Sofia", "Erik", "Anna", "Lars",
    "Karin", "Per", "Maja", "Jöns", "Ella", "Håkan", "Linnéa", "Sören", "Elin", "Måns",
  ]
  static let last = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson",
  ]
  static let commentA = [
    "Uppföljning", "Avvikelse", "Åtgärd planerad", "Ingen förändring", "Förbättring",
    "Försämring", "Mätning pågår", "Analys krävs",
  ]
  static let commentB = [
    "jämfört med föregående år", "enligt delårsrapport", "efter dialog med förvaltningen",
    "på grund av ökad efterfrågan", "se bilaga",
  ]
  static let kpiNames = (0..<500).map {
    "\(kpiPrefix[$0 % 10]) \(kpiSubject[($0 / 10) % 10]) \(kpiSuffix[$0 / 100])"
  }
  static let owners = (0..<200).map { "\(first[$0 % 20]) \(last[$0 / 20])" }
  static let comments = (0..<1000).map { k -> String in
    let number = String(k)
    let padded = String(repeating: "0", count: 4 - number.count) + number
    return "\(commentA[k % 8]) \(commentB[(k / 8) % 5]), ärende \(padded)"
  }

  struct Row {
    var department: String
    var kpi: String
    var owner: String
    var comment: String?
    var year: Int
    var outcome: Double
    var target: Double?
    var fulfilment: Double
    var dateSerial: Int
    var done: Bool
  }

  private var state: UInt64 = 20_251_129
  private let names = KPIData.kpiNames
  private let owners = KPIData.owners
  private let comments = KPIData.comments

  private mutating func next32() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 32
  }

  mutating func next() -> Row {
    let a = next32()
    let b = next32()
    let c = next32()
    let d = next32()
    let e = next32()
    return Row(
      department: Self.departments[Int(a % 12)], kpi: names[Int((a >> 4) % 500)],
      owner: owners[Int((a >> 13) % 200)],
      comment: (a >> 21) % 5 == 0 ? nil : comments[Int(b % 1000)],
      year: 2015 + Int((b >> 10) % 16), outcome: Double(c % 10_000_000) / 100,
      target: (b >> 15) % 20 == 0 ? nil : Double(d % 10_000_000) / 100,
      fulfilment: Double(e % 15_001) / 10_000, dateSerial: 42_005 + Int((e >> 16) % 4000),
      done: (b >> 14) & 1 == 1)
  }
}
