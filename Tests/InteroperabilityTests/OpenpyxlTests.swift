import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// Dumps every cell of a workbook as openpyxl 3.1 reads it: sheet, row, column, a type letter
/// and the value as text (numbers as `repr`, dates in ISO 8601 to the millisecond), plus the
/// sheet-level settings the writer sets. Warnings are errors: openpyxl warns about parts it
/// cannot make sense of.
let openpyxlDump = #"""
  import json, sys, datetime, warnings
  warnings.simplefilter("error")
  import openpyxl
  wb = openpyxl.load_workbook(sys.argv[1])
  out = {"sheets": [], "cells": []}
  for ws in wb.worksheets:
      out["sheets"].append({
          "title": ws.title, "state": ws.sheet_state, "freeze": ws.freeze_panes,
          "filter": ws.auto_filter.ref, "merged": sorted(str(r) for r in ws.merged_cells.ranges),
          "widths": {k: v.width for k, v in sorted(ws.column_dimensions.items()) if v.customWidth},
          "conditional": sorted(str(r.sqref) for r in ws.conditional_formatting),
          "tab": ws.sheet_properties.tabColor.rgb if ws.sheet_properties.tabColor else None,
      })
      for (r, c), cell in sorted(ws._cells.items()):
          v = cell.value
          if v is None:
              continue
          if cell.data_type == "e":
              t, x = "e", str(v)
          elif isinstance(v, bool):
              t, x = "b", str(v)
          elif isinstance(v, (int, float)):
              t, x = "n", repr(v)
          elif isinstance(v, datetime.datetime):
              t, x = "d", v.isoformat(timespec="milliseconds")
          elif isinstance(v, datetime.time):
              t, x = "t", v.isoformat(timespec="milliseconds")
          elif isinstance(v, datetime.timedelta):
              t, x = "u", repr(v.total_seconds())
          else:
              t, x = "s", v
          out["cells"].append([ws.title, r, c, t, x, cell.number_format, bool(cell.font.b),
                               bool(cell.quotePrefix)])
  json.dump(out, sys.stdout)
  """#

/// What openpyxl returned for a workbook.
struct OpenpyxlView {
  struct Sheet {
    var title: String
    var state: String
    var freeze: String?
    var filter: String?
    var merged: [String]
    var widths: [String: Double]
    var conditional: [String]
    var tab: String?
  }
  struct Cell {
    var type: String
    var text: String
    var numberFormat: String
    var bold: Bool
    var quotePrefix: Bool
  }
  var sheets: [Sheet] = []
  /// sheet → row → column → cell
  var cells: [String: [Int: [Int: Cell]]] = [:]

  static func load(_ path: String) throws -> OpenpyxlView {
    let result = try ExternalTools.run("python3", ["-c", openpyxlDump, path])
    guard result.status == 0 else {
      throw ToolFailure(message: "openpyxl failed on \(path): \(result.error)")
    }
    let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    var view = OpenpyxlView()
    for sheet in json?["sheets"] as? [[String: Any]] ?? [] {
      view.sheets.append(
        Sheet(
          title: sheet["title"] as? String ?? "", state: sheet["state"] as? String ?? "",
          freeze: sheet["freeze"] as? String, filter: sheet["filter"] as? String,
          merged: sheet["merged"] as? [String] ?? [],
          widths: sheet["widths"] as? [String: Double] ?? [:],
          conditional: sheet["conditional"] as? [String] ?? [], tab: sheet["tab"] as? String))
    }
    for case let entry as [Any] in json?["cells"] as? [Any] ?? [] {
      guard entry.count == 8, let sheet = entry[0] as? String, let row = entry[1] as? Int,
        let column = entry[2] as? Int, let type = entry[3] as? String,
        let text = entry[4] as? String, let format = entry[5] as? String,
        let bold = entry[6] as? Bool, let quote = entry[7] as? Bool
      else { continue }
      view.cells[sheet, default: [:]][row, default: [:]][column] = Cell(
        type: type, text: text, numberFormat: format, bold: bold, quotePrefix: quote)
    }
    return view
  }

  /// Whether openpyxl's cell shows `value`, as openpyxl 3.1 reads what the writer wrote.
  ///
  /// openpyxl does not decode `_xHHHH_` escapes; for shared strings it only deletes every
  /// `x005F_`. So control characters and carriage returns come back as their escapes, which
  /// is compared here; the in-process round trip checks the decoded text.
  static func matches(_ cell: Cell, _ value: CellValue, sharedStrings: Bool) -> Bool {
    switch value {
    case .string(let text):
      var expected = excelEscaped(text)
      if sharedStrings { expected = expected.replacingOccurrences(of: "x005F_", with: "") }
      return cell.type == "s" && cell.text == expected
    case .number(let number):
      return cell.type == "n" && Double(cell.text) == number
    case .bool(let value):
      return cell.type == "b" && cell.text == (value ? "True" : "False")
    case .error(let error):
      return cell.type == "e" && cell.text == error
    case .duration(let seconds):
      return cell.type == "u" && abs((Double(cell.text) ?? .nan) - seconds) < 1e-3
    case .dateTime(let date):
      let c = date.components
      let time = String(format: "%02d:%02d:%02d.%03d", c.hour, c.minute, c.second, c.millisecond)
      if date.serial < 1 { return cell.type == "t" && cell.text == time }
      return cell.type == "d" && cell.text == date.isoDate + "T" + time
    }
  }

  /// Excel's `_xHHHH_` layer of escaping, written independently of the writer's code: C0
  /// controls other than tab and line feed, the carriage return, U+FFFE and U+FFFF, and `_`
  /// before anything shaped like an escape (`_x`, hexadecimal digits, `_`).
  static func excelEscaped(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = ""
    for (i, scalar) in scalars.enumerated() {
      let v = scalar.value
      if (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0xFFFE || v == 0xFFFF {
        out += String(format: "_x%04X_", v)
      } else if scalar == "_", i + 3 < scalars.count,
        scalars[i + 1] == "x" || scalars[i + 1] == "X",
        let end = scalars[(i + 2)...].firstIndex(where: { !$0.properties.isASCIIHexDigit }),
        end > i + 2, scalars[end] == "_"
      {
        out += "_x005F_"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

struct ToolFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

@Suite(.enabled(if: ExternalTools.hasOpenpyxl, "python3 with openpyxl is not installed"))
struct OpenpyxlTests {
  @Test(arguments: [(11, true, 6), (12, false, 1), (13, true, 0)] as [(UInt64, Bool, Int)])
  func randomValues(seed: UInt64, sharedStrings: Bool, level: Int) throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/random.xlsx"
    let expected = try RandomWorkbook.write(
      to: path, seed: seed, options: .init(compressionLevel: level, sharedStrings: sharedStrings))
    let view = try OpenpyxlView.load(path)
    #expect(view.sheets.map(\.title) == expected.names)
    var compared = 0
    for name in expected.names {
      let want = expected.values[name] ?? [:]
      let got = view.cells[name] ?? [:]
      #expect(got.keys.sorted() == want.keys.sorted(), "rows of \(name)")
      for (row, cells) in want {
        #expect(Set(got[row]?.keys.map { $0 } ?? []) == Set(cells.keys), "\(name) row \(row)")
        for (column, value) in cells {
          let reference = "'\(name)'!\(CellReference(row: row, column: column).a1)"
          guard let cell = got[row]?[column] else {
            Issue.record("\(reference): openpyxl has no value; expected \(value)")
            continue
          }
          #expect(
            OpenpyxlView.matches(cell, value, sharedStrings: sharedStrings),
            "\(reference): openpyxl \(cell.type) \(cell.text.debugDescription), written \(value)")
          compared += 1
        }
      }
    }
    #expect(compared > 1000)
  }

  @Test func featuresAndStyles() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/features.xlsx"
    try FeatureWorkbook.write(to: path)
    let view = try OpenpyxlView.load(path)
    #expect(view.sheets.map(\.title) == ["Nyckeltal", "Dold", "Kontroll"])
    #expect(view.sheets.map(\.state) == ["visible", "hidden", "visible"])
    let kpi = try #require(view.sheets.first)
    #expect(kpi.freeze == "B3")
    #expect(kpi.filter == "A2:G6")
    #expect(kpi.merged == ["A1:G1"])
    #expect(kpi.conditional == ["G3:G6"])
    #expect(kpi.tab == "FF70AD47")
    #expect(kpi.widths == ["A": 44.7109375, "B": 12.7109375, "G": 14.7109375])
    for (row, cells) in FeatureWorkbook.expected {
      for (column, (value, format)) in cells {
        let reference = "Nyckeltal!\(CellReference(row: row, column: column).a1)"
        let cell = try #require(view.cells["Nyckeltal"]?[row]?[column], "\(reference)")
        #expect(OpenpyxlView.matches(cell, value, sharedStrings: true), "\(reference) \(cell)")
        #expect(cell.numberFormat == format, "\(reference)")
      }
    }
    #expect(view.cells["Nyckeltal"]?[2]?[1]?.bold == true)
    #expect(view.cells["Nyckeltal"]?[6]?[1]?.quotePrefix == true)
    #expect(view.cells["Nyckeltal"]?[6]?[1]?.text == "=SUM(B3:B5)")
  }
}
