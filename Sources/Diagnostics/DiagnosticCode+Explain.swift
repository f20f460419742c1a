extension DiagnosticCode {
  /// Where an example of the code is, by its scope: a cell, a row, a file, a line of a text
  /// file, or nothing for the whole delivery.
  public var exampleLocation: String? {
    let values = exampleValues
    let file = values["file"] ?? "Arbetsplan Lillåskolan.xlsx"
    switch scope {
    case .cell: return "\(file): '\(values["sheet"] ?? "Mål")'!C8"
    case .row: return "\(file): '\(values["sheet"] ?? "Mål")'!7"
    case .file: return file
    case .text:
      return section == .csv
        ? "export.csv:14:7"
        : section == .pipeline ? "redthread.yaml:12:5" : "mappings/arbetsplan.yaml:12:5"
    case .dataset: return nil
    }
  }

  /// An example of the code as the command line prints it, in compiler style:
  /// `location: severity: message [code]` and the hint below.
  public var exampleText: String {
    let values = exampleValues
    var text = ""
    if let exampleLocation { text += "\(exampleLocation): " }
    text += "\(severity.rawValue): \(message(values)) [\(id)]"
    if let hint = hint(values) { text += "\n  hint: \(hint)" }
    return text
  }

  /// The whole entry for `redthread codes CODE`, as `rustc --explain` prints one: the title,
  /// what it means, its category and exit status, an example, and the Swedish for the sender
  /// and for the controller.
  public var explanation: String {
    let values = exampleValues
    var text = "\(id): \(title)\n\n\(Self.wrap(rule, width: 80))\n\n"
    text += "Severity: \(severity.rawValue). Category: \(category.rawValue) "
    text += "(exit status \(category.exitStatus) when it stops a command).\n\n"
    text += "Example:\n\n"
    text += exampleText.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n")
    text += "\n\nIn Swedish (\(swedish.title)):\n\n"
    for audience in Audience.allCases {
      text += audience == .sender ? "  To the sender:\n" : "  To the controller:\n"
      text += "    \(message(values, in: .swedish, for: audience))\n"
      if let hint = hint(values, in: .swedish, for: audience) { text += "    \(hint)\n" }
    }
    return text
  }

  /// Text broken into lines of at most `width` characters at spaces (a longer word stays
  /// whole).
  static func wrap(_ text: String, width: Int) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
  }

  /// `docs/errors.md`: a table per section, each code once.
  public static func markdown() -> String {
    var out = """
      # Errors and diagnostics

      Every code RedThread prints is listed here, once. Codes are stable: once released, a code
      keeps its meaning. Errors stop the work on a file (it is refused, or moved to `rejected/`
      with a reason file) and decide the exit status through their category (see
      [cli.md](cli.md#exit-status)); diagnostics are problems in the data, collected and shown
      with their file and cell (`Arbetsplan.xlsx: 'Mål'!C8`) or line (`export.csv:14 (C13)`).

      `redthread codes CODE` prints one code with an example and its Swedish texts (for the
      sender of the file and for the controller); `redthread codes --format json` prints them
      all. This file is generated from the catalogue in `Sources/Diagnostics/Catalogue/`; a test
      fails when it is stale. Regenerate it with `RECORD_GOLDENS=1 swift test --filter
      DiagnosticsTests`.

      """
    for section in DiagnosticSection.allCases {
      out += "\n## \(section.title)\n\n\(section.summary)\n\n"
      out += "| code | severity | category (exit) | meaning |\n|---|---|---|---|\n"
      for code in codes(in: section) {
        let text = code.rule.replacingAll("|", with: "\\|")
        out += "| `\(code.id)` | \(code.severity.rawValue) | \(code.category.rawValue) "
        out += "(\(code.category.exitStatus)) | **\(code.title).** \(text) |\n"
      }
    }
    return out
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}
