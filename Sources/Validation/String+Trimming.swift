extension String {
  /// The text without leading and trailing spaces, tabs, no-break spaces and line breaks.
  var trimmedSpaces: String {
    let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{00A0}" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }

  /// Whether the text is empty once trimmed.
  var isBlank: Bool { trimmedSpaces.isEmpty }
}
