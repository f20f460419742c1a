import Spreadsheet
import XLSX

/// A small deterministic generator (SplitMix64), so that every run checks the same cases and
/// a failure can be replayed from its seed.
public struct SplitMix64 {
  public var state: UInt64
  public init(state: UInt64) { self.state = state }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Random cell values covering what the writer must carry unchanged, and the values it must
/// refuse.
public enum RandomCells {
  /// Characters chosen to stress escaping: XML specials, every C0 control, CR, look-alike
  /// escapes, noncharacters, combining marks, astral characters.
  public static let pieces: [String] =
    [
      "a", "Z", "0", " ", "\t", "\n", "\r", "\r\n", "&", "<", ">", "\"", "'", "=", "+", "-", "@",
      "_", "_x0041_", "_x000D_", "_X00FF_", "_x005F_", "_x12_", "å", "Ä", "ö", "é", "e\u{301}",
      "A\u{30A}", "Ω", "€", "😀", "👩‍👩‍👧", "\u{FEFF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}",
      "\u{7F}", "\u{85}", "\u{2028}", "Nyckeltal", "Måluppfyllelse",
    ] + (0..<32).map { String(UnicodeScalar(UInt8($0))) }

  public static func text(_ rng: inout SplitMix64) -> String {
    if rng.chance(1) {
      // At the limit: 32,767 UTF-16 units, ending in a character that needs escaping.
      return String(repeating: "ä", count: 32_766) + "\u{1}"
    }
    var text = ""
    for _ in 0..<(1 + rng.below(24)) { text += pieces[rng.below(pieces.count)] }
    return text
  }

  public static func number(_ rng: inout SplitMix64) -> Double {
    switch rng.below(6) {
    case 0: return Double(rng.below(2_000_001)) - 1_000_000
    case 1: return Double(rng.below(10_000_000)) / 100
    case 2: return Double(rng.below(15_001)) / 10_000
    case 3:
      while true {
        let value = Double(bitPattern: rng.next())
        if value.isFinite { return value }
      }
    case 4:
      return [
        0, -0.0, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
        .leastNormalMagnitude, 1e15, 9_007_199_254_740_994, 0.1 + 0.2, 1e-7, 123_456.789,
      ][rng.below(11)]
    default: return (Double(rng.next() >> 11) / Double(1 << 53) - 0.5) * 1e6
    }
  }

  /// Dates around the 1900 leap-year bug (Excel serials 59 and 61; 60 is the day that never
  /// was), the ends of Excel's range, times of day alone (on 1899-12-30, serials below 1),
  /// and random days with times to the second.
  public static func date(_ rng: inout SplitMix64) -> CivilDateTime {
    switch rng.below(4) {
    case 0:
      return [
        CivilDateTime(year: 1900, month: 2, day: 28), CivilDateTime(year: 1900, month: 3, day: 1),
        CivilDateTime(year: 1900, month: 2, day: 28, hour: 23, minute: 59, second: 59),
        CivilDateTime(year: 1900, month: 1, day: 1), CivilDateTime(year: 1899, month: 12, day: 30),
        CivilDateTime(year: 1899, month: 12, day: 30, hour: 10, minute: 15),
        CivilDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59),
        CivilDateTime(year: 2024, month: 2, day: 29),
      ][rng.below(8)]
    default:
      if rng.chance(10) { return CivilDateTime(serial: Double(rng.below(86_400)) / 86_400) }
      let day = 2 + rng.below(2_958_464)
      let second = rng.chance(50) ? 0 : rng.below(86_400)
      return CivilDateTime(serial: Double(day) + Double(second) / 86_400)
    }
  }

  public static func style(_ rng: inout SplitMix64) -> CellStyle? {
    switch rng.below(8) {
    case 0: return CellStyle(bold: true, fillColor: .init(rgb: UInt32(rng.below(0xFFFFFF))))
    case 1: return CellStyle(italic: true, border: .all(.thin), wrapText: true)
    case 2: return CellStyle(numberFormat: CellStyle.FormatCode.percent)
    case 3: return CellStyle(numberFormat: CellStyle.FormatCode.kronor)
    default: return nil
    }
  }

  /// What reading a cell back must give.
  public enum Expected: Sendable {
    case value(CellValue)
    /// Empty text is no value: the cell reads back empty.
    case empty
    /// The writer must refuse the value, and so the row.
    case refused
  }

  /// A cell and what reading it back must give.
  public static func cell(_ rng: inout SplitMix64) -> (WriteCell, Expected) {
    switch rng.below(20) {
    case 0 where rng.chance(20):
      // Empty text is no value: it reads back as an empty cell.
      return (WriteCell(.string(""), style: style(&rng)), .empty)
    case 0..<7:
      let text = text(&rng)
      return (
        WriteCell(.string(text), style: rng.chance(20) ? style(&rng) : nil), .value(.string(text))
      )
    case 7..<12:
      let number = number(&rng)
      return (WriteCell(.number(number), style: style(&rng)), .value(.number(number)))
    case 12, 13:
      let value = rng.chance(50)
      return (WriteCell(.bool(value)), .value(.bool(value)))
    case 14, 15:
      let date = date(&rng)
      return (WriteCell(.dateTime(date)), .value(.dateTime(date)))
    case 16:
      // Multiples of 675 s are exact in days (675 / 86,400 = 1/128).
      let seconds = Double(rng.below(100_000)) * 675
      return (WriteCell(.duration(seconds: seconds)), .value(.duration(seconds: seconds)))
    case 17:
      let error = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"][rng.below(7)]
      return (WriteCell(.error(error)), .value(.error(error)))
    default:
      let bad: Double = [.nan, .infinity, -.infinity, -.nan][rng.below(4)]
      return (WriteCell(.number(bad)), .refused)
    }
  }
}

/// A workbook of random rows on four sheets, and what reading it back must give.
public enum RandomWorkbook {
  /// Sheet name → row → column → value; rows refused by the writer are absent.
  public struct Expectation: Sendable {
    public var names: [String]
    public var values: [String: [Int: [Int: CellValue]]]
    public var refusedRows: Int
  }

  /// Writes 150 random rows (some with gaps, some with values the writer must refuse) on each
  /// of four sheets, checking every refusal.
  public static func write(to path: String, seed: UInt64, options: XLSXWriteOptions) throws
    -> Expectation
  {
    var rng = SplitMix64(state: seed)
    let writer = try XLSXWriter(path: path, options: options)
    var expected: [String: [Int: [Int: CellValue]]] = [:]
    var refused = 0
    let names = ["Mål & resultat", "Nyckeltal 2026", "it's 😀", "Ω"]
    for name in names {
      try writer.addWorksheet(name: name)
      var sheet: [Int: [Int: CellValue]] = [:]
      var row = 0
      for _ in 0..<150 {
        row += 1 + (rng.chance(10) ? rng.below(1000) : 0)
        var cells: [WriteCell?] = []
        var values: [Int: CellValue] = [:]
        var bad = false
        for column in 1...(1 + rng.below(14)) {
          if rng.chance(25) {
            cells.append(nil)
            continue
          }
          let (cell, expected) = RandomCells.cell(&rng)
          cells.append(cell)
          switch expected {
          case .value(let value): values[column] = value
          case .empty: break
          case .refused: bad = true
          }
        }
        do {
          try writer.writeRow(cells, at: row)
          if bad { throw SampleError.notRefused(row: row) }
          if !values.isEmpty { sheet[row] = values }
        } catch let error as XLSXWriteError {
          guard bad && error.code == "non-finite-number" else { throw error }
          refused += 1
        }
      }
      expected[name] = sheet
    }
    try writer.close()
    return Expectation(names: names, values: expected, refusedRows: refused)
  }

  /// The writer accepted a value it must refuse.
  public enum SampleError: Error { case notRefused(row: Int) }
}
