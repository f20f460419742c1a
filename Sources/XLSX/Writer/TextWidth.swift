/// Estimates how wide text is in the default font (Calibri 11) and how many lines it takes
/// when wrapped in a column, so that row heights can be written for wrapped text.
///
/// The character widths are Excel's own for Calibri 11 at 96 dpi, as rust_xlsxwriter's
/// autofit takes them (`pixel_width`); other characters count 8 pixels, bold text 10 % more.
/// A column `w` characters wide is `trunc(7w + 5)` pixels, of which 5 are padding.
public enum TextWidth {
  /// The height of one line of Calibri 11, in points (Excel's default row height).
  public static let lineHeight = 15.0

  /// The width of text on one line, in pixels.
  ///
  /// - Parameters:
  ///   - text: the text (one line; line breaks count as nothing).
  ///   - bold: whether it is bold.
  public static func pixels(_ text: Substring, bold: Bool = false) -> Double {
    var total = 0
    for scalar in text.unicodeScalars {
      total += scalarWidth(scalar)
    }
    return bold ? Double(total) * 1.1 : Double(total)
  }

  /// The width of a column in pixels, from its width in characters.
  public static func columnPixels(_ characters: Double) -> Double {
    (characters * 7 + 5).rounded(.down)
  }

  /// How many lines the text takes when wrapped in a space this many characters wide
  /// (a column, or the sum of a merged range's columns): words move to the next line as in
  /// Excel, a word longer than the line is broken, and explicit line breaks start a line.
  ///
  /// - Parameters:
  ///   - text: the cell's text.
  ///   - width: the width in characters of the default font.
  ///   - bold: whether the text is bold.
  /// - Returns: at least 1.
  public static func lines(_ text: String, width: Double, bold: Bool = false) -> Int {
    let available = max(columnPixels(width) - 5, 8)
    let space = Double(scalarWidth(" "))
    var count = 0
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      count += 1
      var used = 0.0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
        let w = pixels(word, bold: bold)
        let needed = used == 0 ? w : used + space + w
        if needed <= available {
          used = needed
        } else if used == 0 || w > available {
          // A word longer than the line breaks across lines.
          let extra = Int((used == 0 ? w : used + space + w) / available)
          count += extra
          used = (used == 0 ? w : used + space + w) - Double(extra) * available
        } else {
          count += 1
          used = w
        }
      }
    }
    return max(count, 1)
  }

  /// The row height in points for text in a cell of this width: one line's height per line,
  /// with a little air.
  ///
  /// - Parameters:
  ///   - text: the cell's text.
  ///   - width: the width in characters.
  ///   - bold: whether the text is bold.
  ///   - fontSize: the font size in points (11 is the default).
  public static func rowHeight(
    _ text: String, width: Double, bold: Bool = false, fontSize: Double = 11
  ) -> Double {
    let scale = fontSize / 11
    let lineCount = lines(text, width: width / scale, bold: bold)
    return (Double(lineCount) * lineHeight * scale).rounded()
  }

  private static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    switch scalar {
    case " ", "'": return 3
    case ",", ".", ":", ";", "I", "`", "i", "j", "l": return 4
    case "!", "(", ")", "-", "J", "[", "]", "f", "r", "t", "{", "}": return 5
    case "\"", "/", "L", "\\", "c", "s", "z": return 6
    case "#", "$", "*", "+", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "<", "=", ">",
      "?", "E", "F", "S", "T", "Y", "Z", "^", "_", "a", "g", "k", "v", "x", "y", "|", "~":
      return 7
    case "B", "C", "K", "P", "R", "X", "b", "d", "e", "h", "n", "o", "p", "q", "u": return 8
    case "A", "D", "G", "H", "U", "V": return 9
    case "&", "N", "O", "Q": return 10
    case "%", "w": return 11
    case "M", "m": return 12
    case "@", "W": return 13
    case "å", "ä", "ö": return 7
    case "Å", "Ä": return 9
    case "Ö": return 10
    case "é": return 8
    default: return 8
    }
  }
}
