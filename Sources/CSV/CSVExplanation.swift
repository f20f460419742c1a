import Foundation
import Spreadsheet

/// Renders what a ``CSVRecordStream`` detected, and why, for `redthread inspect --explain`.
enum CSVExplanation {
  static func render(stream: CSVRecordStream, failure: (any Error)?) -> String {
    let d = stream.detection
    var out = ""
    func row(_ label: String, _ text: String) {
      out += label.padding(toLength: 11, withPad: " ", startingAt: 0) + text + "\n"
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: stream.path)[.size] as? NSNumber)?
      .intValue
    var head = "\(stream.path):"
    if let size { head += " \(grouped(size)) bytes," }
    head += " \(grouped(stream.recordCount)) record\(stream.recordCount == 1 ? "" : "s")"
    if failure != nil { head += " read before the error" }
    out += head + "\n"
    let sampled =
      d.sampleIsWholeFile
      ? "the whole file (\(grouped(d.sampledRecords)) records)"
      : "the first \(grouped(d.sampledRecords)) records (\(grouped(d.sampledBytes)) bytes)"
    out += "detection sample: \(sampled)\n\n"

    row("encoding", "\(d.encoding.name): \(d.encodingReason)")
    if d.encodingIsUncertain || [.macRoman, .cp932].contains(d.encoding),
      !d.encodingAlternatives.isEmpty
    {
      row(
        "",
        d.encodingIsUncertain
          ? "uncertain: another encoding reads the text nearly as plausibly; the first "
            + "non-ASCII line in each:"
          : "the first non-ASCII line in each encoding weighed:")
      for alternative in d.encodingAlternatives {
        row(
          "",
          "  \(alternative.encoding.name) (\(EncodingDetector.formatScore(alternative.score))): "
            + "\"\(clip(alternative.example, 60))\"")
      }
    }
    row("delimiter", "\(CSVDetection.display(d.delimiter)): \(d.delimiterReason)")
    if d.delimiter != ",", d.decimalSeparator == "," {
      row("", "`,` occurs inside values as a decimal comma: \(d.decimalReason)")
    }
    row("quote", "`\(d.quote)`: \(d.quoteReason)")
    row(
      "escape",
      (d.escape == .doubled ? "doubled (`\(d.quote)\(d.quote)`)" : "backslash (`\\\(d.quote)`)")
        + ": \(d.escapeReason)")
    row(
      "sep= line",
      d.excelSeparatorLine
        ? "yes: line 1 is `sep=\(d.delimiter == "\t" ? "\\t" : String(d.delimiter))`, Excel's "
          + "separator hint, not a record" : "none")
    let counts = [("CR LF", d.crlfCount), ("LF", d.lfCount), ("CR", d.crCount)].filter {
      $0.1 > 0
    }
    switch d.lineEnding {
    case .none: row("lines", "no line break: a single record")
    case .mixed:
      row(
        "lines",
        "mixed: " + counts.map { "\($0.0) ends \(grouped($0.1)) records" }.joined(separator: ", "))
    default:
      if let only = counts.first {
        row("lines", "\(only.0) ends every record (\(grouped(only.1)))")
      }
    }
    if d.trailingDelimiter {
      row(
        "trailing",
        "every record of the table ends with \(CSVDetection.display(d.delimiter)): field "
          + "\(d.fieldCount) is always empty")
    } else {
      row("trailing", "no trailing delimiter")
    }
    if d.titleLines.isEmpty {
      row("title", "none: the table starts at record \(d.tableStartRecord ?? 1)")
    } else {
      let first = d.titleLines.first?.line ?? 1
      let last = d.titleLines.last?.line ?? first
      row(
        "title",
        "\(d.titleLines.count) line\(d.titleLines.count == 1 ? "" : "s") above the table "
          + "(lines \(first)–\(last)); they stay rows of the worksheet:")
      for title in d.titleLines.prefix(12) {
        row("", "  \(title.line): \(clip(title.text, 90))")
      }
      if d.titleLines.count > 12 { row("", "  … \(d.titleLines.count - 12) more") }
    }
    if let header = d.headerRecord, let line = d.headerLine {
      row("header", "most likely line \(line) (record \(header)): \"\(clip(d.headerText, 70))\"")
      row("", d.headerReason)
      if !d.headerGroupRecords.isEmpty {
        row(
          "",
          "record\(d.headerGroupRecords.count == 1 ? "" : "s") "
            + d.headerGroupRecords.map(String.init).joined(separator: ", ")
            + " above it look\(d.headerGroupRecords.count == 1 ? "s" : "") like a group row of a "
            + "two-row header")
      }
    } else {
      row("header", "none found: \(d.headerReason)")
    }
    var numbers = ""
    if let decimal = d.decimalSeparator {
      numbers = "decimal \(decimal == "," ? "comma" : "point"): \(d.decimalReason)"
    } else {
      numbers = d.decimalReason
    }
    if d.spaceThousandsSeparator {
      numbers += "; a space groups thousands (\"\(d.thousandsExample)\")"
    }
    row("numbers", numbers)
    var table = "\(d.fieldCount) field\(d.fieldCount == 1 ? "" : "s") per record"
    if stream.raggedRecords > 0 {
      table +=
        "; \(stream.raggedRecords) ragged record\(stream.raggedRecords == 1 ? "" : "s") "
        + "(\(stream.options.raggedRows.rawValue) policy)"
    } else if failure == nil {
      table += "; no ragged record"
    }
    if stream.maxFieldCount > d.fieldCount { table += "; widest record \(stream.maxFieldCount)" }
    row("table", table)
    if stream.diagnostics.isEmpty {
      row("warnings", "none")
    } else {
      row("warnings", "\(stream.diagnostics.count):")
      let diagnostics = stream.diagnostics
      var shown = 0
      var i = 0
      while i < diagnostics.count && shown < 20 {
        let diagnostic = diagnostics[i]
        // A run of ragged records a few lines apart (footnotes below a table) is one line.
        if diagnostic.code == "ragged-row", let first = diagnostic.location?.line {
          var j = i + 1
          var last = first
          while j < diagnostics.count, diagnostics[j].code == "ragged-row",
            let line = diagnostics[j].location?.line, line - last <= 3
          {
            last = line
            j += 1
          }
          if j - i >= 3 {
            out +=
              "  lines \(first)–\(last): warning: \(j - i) ragged records, the first: "
              + "\(diagnostic.message) [ragged-row]\n"
            shown += 1
            i = j
            continue
          }
        }
        var text = "  "
        if let line = diagnostic.location?.line {
          text += "line \(line)"
          if let column = diagnostic.location?.column { text += ":\(column)" }
          text += ": "
        }
        text += "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
        if let hint = diagnostic.hint { text += "\n    hint: \(hint)" }
        out += text + "\n"
        shown += 1
        i += 1
      }
      if i < diagnostics.count { out += "  … \(diagnostics.count - i) more\n" }
    }
    if let failure {
      out += "\n\(failure)\n"
    }
    return out
  }

  static func clip(_ s: String, _ width: Int) -> String {
    let flat = s.replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(
      of: "\r", with: "")
    return flat.count > width ? String(flat.prefix(width - 1)) + "…" : flat
  }
}
