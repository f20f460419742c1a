import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// LibreOffice's view of a workbook: every sheet converted to CSV "as shown" (UTF-8, `,`,
/// `"`), with `soffice --headless --convert-to`, in a private profile so that concurrent runs
/// do not share LibreOffice's user installation.
enum LibreOfficeCSV {
  /// Sheet name → records → fields.
  ///
  /// - Parameter swedish: `false` runs LibreOffice in its default locale, en-US (the C
  ///   locale); `true` in sv-SE. sv_SE is rarely installed as a C library locale, so file names
  ///   are then ASCII only: give it workbooks with ASCII sheet names.
  static func convert(_ path: String, swedish: Bool = false, in folder: String) throws
    -> [String: [[String]]]
  {
    let out = folder + "/csv-\(swedish ? "sv" : "en")"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    // Tokens: separator 44 (,), quote 34 ("), UTF-8, first line 1, no column formats,
    // language 1033, no quoted-as-text, detect special numbers, save cell contents as shown,
    // no formulas, keep spaces, every sheet (-1: one file per sheet, named base-Sheet.csv).
    let filter = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,1033,false,true,true,false,false,-1"
    let result = try ExternalTools.run(
      "soffice",
      [
        "-env:UserInstallation=file://\(folder)/profile", "--headless", "--convert-to", filter,
        "--outdir", out, path,
      ],
      environment: swedish
        ? ["LC_ALL": "sv_SE.UTF-8", "LANG": "sv_SE.UTF-8"]
        : ["LC_ALL": "", "LC_CTYPE": "C.UTF-8", "LANG": "C.UTF-8"])
    guard result.status == 0 else {
      throw ToolFailure(message: "soffice failed on \(path): \(result.output) \(result.error)")
    }
    let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var sheets: [String: [[String]]] = [:]
    for file in try FileManager.default.contentsOfDirectory(atPath: out)
    where file.hasPrefix(base + "-") && file.hasSuffix(".csv") {
      let name = String(file.dropFirst(base.count + 1).dropLast(4))
      let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
      sheets[name] = parse(String(decoding: data, as: UTF8.self))
    }
    return sheets
  }

  /// RFC 4180 records; quoted fields may hold separators, quotes and line breaks.
  static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()
    while let c = pending {
      pending = scalars.next()
      if quoted {
        if c == "\"" {
          if pending == "\"" {
            field.unicodeScalars.append("\"")
            pending = scalars.next()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.unicodeScalars.append(c)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}

@Suite(.enabled(if: ExternalTools.hasLibreOffice, "LibreOffice (soffice) is not installed"))
struct LibreOfficeTests {
  @Test func featuresAsShownInEnglishAndSwedish() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/features.xlsx"
    try FeatureWorkbook.write(to: path)
    let english = try LibreOfficeCSV.convert(path, in: folder.path)
    #expect(english.keys.sorted() == ["Dold", "Kontroll", "Nyckeltal"])
    #expect(
      english["Nyckeltal"] == [
        ["Nyckeltal, Barn- och utbildningsnämnden, T1 2026", "", "", "", "", "", ""],
        ["Nyckeltal", "Mål", "Utfall", "Kostnad", "Datum", "Tid", "Status"],
        [
          "Andel behöriga till yrkesprogram", "88%", "88.4 %", "1,250,000 kr", "2026-04-30",
          "2026-04-30 14:05", "Ej uppnått",
        ],
        ["Meritvärde åk 9", "230", "1234.5", "TRUE", "1900-03-01", "#N/A", "Uppnått"],
        [
          "Text: a & b < c > d \"e\" 'f' _x0041_ Å", "37:30:00", "10:15:00", "FALSE", "-0.125", "",
          "Delvis uppnått",
        ],
        ["=SUM(B3:B5)", "+46 70 123 45 67", "-12", "@rektor", "", "", "Ej uppnått"],
      ])
    #expect(english["Dold"] == [["hemlig"]])
    #expect(
      english["Kontroll"] == [
        ["Fil", "Cell", "Fel"], ["enhet.xlsx", "'Mål'!B7", "value \"n/a\" is not a number"],
      ])
    // The same number formats in a Swedish LibreOffice: decimal comma, no-break space
    // between thousands, a space before % and kr.
    let swedish = try LibreOfficeCSV.convert(path, swedish: true, in: folder.path)
    #expect(
      swedish["Nyckeltal"]?[2]
        == [
          "Andel behöriga till yrkesprogram", "88 %", "88,4 %", "1\u{A0}250\u{A0}000 kr",
          "2026-04-30", "2026-04-30 14:05", "Ej uppnått",
        ])
  }

  @Test(arguments: [(21, true), (22, false)] as [(UInt64, Bool)])
  func randomValues(seed: UInt64, sharedStrings: Bool) throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/random.xlsx"
    let expected = try RandomWorkbook.write(
      to: path, seed: seed, options: .init(sharedStrings: sharedStrings))
    let sheets = try LibreOfficeCSV.convert(path, in: folder.path)
    #expect(sheets.keys.sorted() == expected.names.sorted())
    var compared = 0
    for name in expected.names {
      let records = sheets[name] ?? []
      let want = expected.values[name] ?? [:]
      #expect(records.count == want.keys.max(), "rows of \(name)")
      for (row, cells) in want {
        for (column, value) in cells {
          let reference = "'\(name)'!\(CellReference(row: row, column: column).a1)"
          let shown =
            row <= records.count && column <= records[row - 1].count
            ? records[row - 1][column - 1] : nil
          guard let shown else {
            Issue.record("\(reference): LibreOffice shows nothing; written \(value)")
            continue
          }
          #expect(
            Self.shows(shown, value),
            "\(reference): LibreOffice \(shown.debugDescription), written \(String(reflecting: value))"
          )
          compared += 1
        }
      }
    }
    #expect(compared > 1000)
  }

  /// Whether LibreOffice's displayed text (en-US, as shown) fits the written value.
  static func shows(_ text: String, _ value: CellValue) -> Bool {
    switch value {
    case .string(let string):
      // LibreOffice keeps cell text as paragraphs and rewrites line breaks (a carriage return
      // becomes a line feed; CR LF and LF CR become one). Line breaks are compared by openpyxl
      // and the in-process round trip; here, everything else.
      return withoutLineBreaks(text) == withoutLineBreaks(string)
    case .bool(let bool):
      return text == (bool ? "TRUE" : "FALSE")
    case .error(let error):
      return text == error
    case .number(let number):
      // General shows 15 significant digits; "0%" rounds to whole percent; kronor to whole kr.
      if text.hasSuffix("%"), let shown = Double(text.dropLast()) {
        return abs(shown / 100 - number) <= 0.005 + 1e-12 * abs(number)
      }
      if text.hasSuffix(" kr"),
        let shown = Double(text.dropLast(3).replacingOccurrences(of: ",", with: ""))
      {
        // 15 significant digits may round the largest doubles past the largest double.
        return abs(shown - number) <= 0.5 + 1e-14 * abs(number)
          || (shown.isInfinite && abs(number) > 1.797e308 && shown.sign == number.sign)
      }
      // LibreOffice cannot show the largest doubles in General format.
      if text == "#FMT" { return abs(number) >= 1e308 }
      guard let shown = Double(text) else { return false }
      return abs(shown - number) <= max(1e-14 * abs(number), 1e-300)
    case .duration(let seconds):
      let parts = text.split(separator: ":").compactMap { Double($0) }
      guard parts.count == 3 else { return false }
      return abs(parts[0] * 3600 + parts[1] * 60 + parts[2] - seconds) < 0.5
    case .dateTime(let date):
      if date.serial < 1 { return text == date.isoTime }
      // LibreOffice counts days from 1899-12-30 without Excel's phantom 1900-02-29, so it
      // shows serials below 61 (before 1900-03-01) one day earlier than Excel does.
      let shown = date.serial < 61 ? CivilDateTime(serial: date.serial - 1) : date
      if date.isMidnight { return text == shown.isoDate }
      let c = shown.components
      let minute = String(format: "%@ %02d:%02d", shown.isoDate, c.hour, c.minute)
      return text == minute || roundsUp(text, shown)
    }
  }

  static func withoutLineBreaks(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
  }

  /// `yyyy-mm-dd hh:mm` may round 30 seconds or more up to the next minute.
  static func roundsUp(_ text: String, _ date: CivilDateTime) -> Bool {
    let next = CivilDateTime(serial: date.serial + 30.0 / 86_400)
    let c = next.components
    return text == String(format: "%@ %02d:%02d", next.isoDate, c.hour, c.minute)
  }
}
