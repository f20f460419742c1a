public import Spreadsheet

/// Renders a workbook as the JSON that `redthread inspect --format json` prints.
///
/// Shape (one object):
/// ```
/// {"format": "xlsx", "dateSystem": "date1900",
///  "sheets": [{"name": "Mål", "visibility": "visible", "kind": "worksheet",
///              "cells": {"A1": ["string", "x"], "B1": ["number", 1.5], "C1": ["bool", true],
///                        "A2": ["date", "2026-01-31"], "B2": ["datetime", "2026-01-31T10:15:00"],
///                        "C2": ["time", "10:15:00"], "D2": ["duration", 5400.0],
///                        "E2": ["error", "#DIV/0!"]},
///              "merged": ["A1:B1"]}],
///  "encoding": "utf-8", "delimiter": ";"}
/// ```
/// `encoding` and `delimiter` appear for CSV only. Empty cells are left out. Dates are ISO 8601:
/// `date` at midnight, `time` for serials in 0..<1 under a time-only format, `datetime`
/// otherwise; `duration` is in seconds.
public enum WorkbookJSON {
  /// The JSON text, one line per cell, ending in a newline.
  public static func render(_ workbook: Workbook) -> String {
    var out = "{\"format\": \(quote(workbook.format.rawValue)), "
    out += "\"dateSystem\": \(quote(workbook.dateSystem.rawValue)),"
    if let layout = workbook.textLayout {
      out += " \"encoding\": \(quote(layout.encoding)), \"delimiter\": \(quote(layout.delimiter)),"
    }
    out += "\n \"sheets\": ["
    for (i, sheet) in workbook.worksheets.enumerated() {
      out += i == 0 ? "\n  " : ",\n  "
      out +=
        "{\"name\": \(quote(sheet.name)), \"visibility\": \(quote(sheet.visibility.rawValue)), "
      out += "\"kind\": \(quote(sheet.kind.rawValue)),\n   \"cells\": {"
      var first = true
      for row in sheet.rows {
        for cell in row.cells {
          out += first ? "\n    " : ",\n    "
          first = false
          let ref = CellReference.columnLetters(cell.column) + String(row.number)
          out += "\(quote(ref)): \(value(cell))"
        }
      }
      out += "},\n   \"merged\": ["
      out += sheet.mergedRanges.map { quote($0.description) }.joined(separator: ", ")
      out += "]}"
    }
    out += "]}\n"
    return out
  }

  /// `{"error": {"code": …, "message": …, "location": …}}` for a failure.
  public static func renderError(code: String, message: String, location: String?) -> String {
    var out = "{\"error\": {\"code\": \(quote(code)), \"message\": \(quote(message))"
    if let location { out += ", \"location\": \(quote(location))" }
    return out + "}}\n"
  }

  static func value(_ cell: Cell) -> String {
    switch cell.value {
    case .string(let s): return "[\"string\", \(quote(s))]"
    case .number(let n): return "[\"number\", \(number(n))]"
    case .bool(let b): return "[\"bool\", \(b ? "true" : "false")]"
    case .dateTime(let d):
      if d.serial >= 0 && d.serial < 1 {
        return "[\"time\", \(quote(d.isoTime))]"
      }
      if d.isMidnight { return "[\"date\", \(quote(d.isoDate))]" }
      return "[\"datetime\", \(quote(d.isoDateTime))]"
    case .duration(let seconds): return "[\"duration\", \(number(seconds))]"
    case .error(let e): return "[\"error\", \(quote(e))]"
    }
  }

  static func number(_ n: Double) -> String {
    guard n.isFinite else { return "null" }
    return n.description
  }

  /// A JSON string literal with the escapes RFC 8259 requires.
  public static func quote(_ s: String) -> String {
    var text = s
    return text.withUTF8 { bytes -> String in
      // Every byte to escape is ASCII, and no byte of a multi-byte UTF-8 character is, so the
      // text is escaped byte by byte and copied in runs; text with nothing to escape is
      // returned as it is, in quotes.
      guard let first = bytes.firstIndex(where: needsEscape) else { return "\"\(s)\"" }
      var out: [UInt8] = [0x22]
      out.reserveCapacity(bytes.count + 8)
      var start = 0
      for i in bytes[first...].indices where needsEscape(bytes[i]) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        switch bytes[i] {
        case 0x22: out += Array("\\\"".utf8)
        case 0x5C: out += Array("\\\\".utf8)
        case 0x0A: out += Array("\\n".utf8)
        case 0x0D: out += Array("\\r".utf8)
        case 0x09: out += Array("\\t".utf8)
        default:
          out += Array("\\u00".utf8)
          out.append(hexDigits[Int(bytes[i] >> 4)])
          out.append(hexDigits[Int(bytes[i] & 0x0F)])
        }
        start = i + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
      out.append(0x22)
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Whether a UTF-8 byte must be escaped in a JSON string (RFC 8259 §7).
  private static func needsEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
