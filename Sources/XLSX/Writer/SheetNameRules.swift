/// Excel's rules for worksheet names (the `name` of `<sheet>`, ECMA-376 Part 1 §18.2.19, and
/// what Excel's user interface accepts).
enum SheetNameRules {
  /// Excel's limit: 31 characters (UTF-16 code units).
  static let maximumLength = 31
  /// Characters Excel refuses in a sheet name.
  static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

  /// The rule a name breaks, with a message naming it, or `nil` when the name is valid.
  static func problem(_ name: String) -> (code: XLSXWriteError.Code, message: String)? {
    if name.allSatisfy({ $0.isWhitespace }) {
      return (.sheetNameBlank, "sheet name \"\(name)\" is blank")
    }
    let length = name.utf16.count
    if length > maximumLength {
      return (
        .sheetNameTooLong,
        "sheet name \"\(name)\" has \(length) characters; Excel's limit is \(maximumLength)"
      )
    }
    if let bad = name.first(where: { forbidden.contains($0) }) {
      return (
        .sheetNameInvalidCharacter,
        "sheet name \"\(name)\" contains '\(bad)'; Excel refuses [ ] : * ? / \\"
      )
    }
    if let bad = name.unicodeScalars.first(where: {
      $0.value < 0x20 || $0.value == 0xFFFE || $0.value == 0xFFFF
    }) {
      let code = String(bad.value, radix: 16, uppercase: true)
      return (
        .sheetNameInvalidCharacter,
        "sheet name \"\(name.debugDescription.dropFirst().dropLast())\" contains the control "
          + "character U+\(String(repeating: "0", count: 4 - code.count) + code)"
      )
    }
    if name.hasPrefix("'") || name.hasSuffix("'") {
      return (
        .sheetNameInvalidCharacter,
        "sheet name \"\(name)\" begins or ends with an apostrophe, which Excel refuses"
      )
    }
    if name.lowercased() == "history" {
      return (.sheetNameReserved, "sheet name \"\(name)\" is reserved by Excel")
    }
    return nil
  }
}
