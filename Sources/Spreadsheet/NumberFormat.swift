/// A number format: the id and format code of `<numFmt>` in `xl/styles.xml`
/// (ECMA-376 Part 1 §18.8.30, built-in ids §18.8.30 table).
///
/// Readers use ``kind`` to decide whether a number is a date, a time, an elapsed time, a
/// percentage or a plain number.
public struct NumberFormat: Hashable, Sendable {
  /// What a format code makes of a number.
  public enum Kind: String, Hashable, Sendable {
    /// `General` or any plain number format.
    case number
    /// A percentage (`0%`, `0.0 %`): the stored value is a fraction, 0.88 shows as 88 %.
    case percent
    /// A date without a time of day (`yyyy-mm-dd`).
    case date
    /// A time of day without a date (`hh:mm`).
    case time
    /// A date with a time of day.
    case dateTime
    /// An elapsed time (`[h]:mm:ss`): the serial is a number of days, not a point in time.
    case duration
    /// Text (`@`).
    case text
  }

  /// The format id (`numFmtId`); 0 is General, 164 and up are custom.
  public var id: Int
  /// The format code, e.g. `yyyy-mm-dd` or `0.0%`.
  public var formatCode: String
  /// What the code makes of a number.
  public let kind: Kind

  /// Creates a number format and classifies its code.
  ///
  /// - Parameters:
  ///   - id: `numFmtId`.
  ///   - formatCode: the code; for built-in ids pass ``builtInCode(_:)``.
  public init(id: Int, formatCode: String) {
    self.id = id
    self.formatCode = formatCode
    self.kind = Self.classify(id: id, code: formatCode)
  }

  /// The General format (id 0).
  public static let general = NumberFormat(id: 0, formatCode: "General")

  /// Whether the format shows a date, a time or both.
  public var isDateOrTime: Bool { kind == .date || kind == .time || kind == .dateTime }

  /// The format code of a built-in id (ECMA-376 Part 1 §18.8.30), or `nil` when the id has
  /// no fixed code. Locale-dependent date ids 27–36 and 50–58 (East Asian) map to date codes.
  public static func builtInCode(_ id: Int) -> String? {
    switch id {
    case 0: return "General"
    case 1: return "0"
    case 2: return "0.00"
    case 3: return "#,##0"
    case 4: return "#,##0.00"
    case 5: return "\"$\"#,##0_);(\"$\"#,##0)"
    case 6: return "\"$\"#,##0_);[Red](\"$\"#,##0)"
    case 7: return "\"$\"#,##0.00_);(\"$\"#,##0.00)"
    case 8: return "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)"
    case 9: return "0%"
    case 10: return "0.00%"
    case 11: return "0.00E+00"
    case 12: return "# ?/?"
    case 13: return "# ??/??"
    case 14: return "mm-dd-yy"
    case 15: return "d-mmm-yy"
    case 16: return "d-mmm"
    case 17: return "mmm-yy"
    case 18: return "h:mm AM/PM"
    case 19: return "h:mm:ss AM/PM"
    case 20: return "h:mm"
    case 21: return "h:mm:ss"
    case 22: return "m/d/yy h:mm"
    case 27...31, 34...36, 50...58: return "yyyy-mm-dd"
    case 32, 33: return "h:mm:ss"
    case 37: return "#,##0 ;(#,##0)"
    case 38: return "#,##0 ;[Red](#,##0)"
    case 39: return "#,##0.00;(#,##0.00)"
    case 40: return "#,##0.00;[Red](#,##0.00)"
    case 41: return "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)"
    case 42: return "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)"
    case 43: return "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)"
    case 44: return "_(\"$\"* #,##0.00_);_(\"$\"* \\(#,##0.00\\);_(\"$\"* \"-\"??_);_(@_)"
    case 45: return "mm:ss"
    case 46: return "[h]:mm:ss"
    case 47: return "mmss.0"
    case 48: return "##0.0E+0"
    case 49: return "@"
    default: return nil
    }
  }

  /// Classifies a format code by the tokens outside quotes, escapes and brackets.
  ///
  /// Only the first section (before `;`) decides. `[h]`, `[mm]`, `[ss]` make an elapsed time;
  /// `[$-41D]` locale prefixes and `[Red]` colours are ignored.
  static func classify(id: Int, code: String) -> Kind {
    var hasDate = false
    var hasTime = false
    var elapsed = false
    var percent = false
    var text = false
    var digits = false
    let bytes = Array(code.utf8)
    var i = 0
    var lastDateTimeToken: UInt8 = 0
    // m is a month unless it follows h or precedes s: track the previous date/time token.
    var pendingM: [Int] = []
    var monthOrMinute: [Int: Bool] = [:]
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: ";"):
        i = bytes.count
        continue
      case UInt8(ascii: "\""):
        i += 1
        while i < bytes.count && bytes[i] != UInt8(ascii: "\"") { i += 1 }
      case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
        i += 1
      case UInt8(ascii: "["):
        var j = i + 1
        var inner: [UInt8] = []
        while j < bytes.count && bytes[j] != UInt8(ascii: "]") {
          inner.append(bytes[j] | 0x20)
          j += 1
        }
        if !inner.isEmpty, inner.allSatisfy({ $0 == UInt8(ascii: "h") }) {
          elapsed = true
          hasTime = true
          lastDateTimeToken = UInt8(ascii: "h")
        } else if !inner.isEmpty,
          inner.allSatisfy({ $0 == UInt8(ascii: "m") })
            || inner.allSatisfy({ $0 == UInt8(ascii: "s") })
        {
          elapsed = true
          hasTime = true
          lastDateTimeToken = inner[0]
        }
        i = j
      case UInt8(ascii: "%"):
        percent = true
      case UInt8(ascii: "@"):
        text = true
      case UInt8(ascii: "0"), UInt8(ascii: "#"), UInt8(ascii: "?"):
        digits = true
      default:
        let lower = b | 0x20
        switch lower {
        case UInt8(ascii: "y"), UInt8(ascii: "d"):
          hasDate = true
          lastDateTimeToken = lower
          for p in pendingM { monthOrMinute[p] = false }
          pendingM = []
        case UInt8(ascii: "e") where !digits:
          hasDate = true
          lastDateTimeToken = lower
        case UInt8(ascii: "h"):
          hasTime = true
          lastDateTimeToken = lower
        case UInt8(ascii: "s"):
          hasTime = true
          for p in pendingM { monthOrMinute[p] = true }
          pendingM = []
          lastDateTimeToken = lower
        case UInt8(ascii: "m"):
          let isMinute = lastDateTimeToken == UInt8(ascii: "h")
          monthOrMinute[i] = isMinute
          if !isMinute { pendingM.append(i) }
          while i + 1 < bytes.count && (bytes[i + 1] | 0x20) == UInt8(ascii: "m") { i += 1 }
          lastDateTimeToken = lower
        case UInt8(ascii: "a") where i + 4 < bytes.count:
          let ampm = String(decoding: bytes[i..<(i + 5)], as: UTF8.self).lowercased()
          if ampm == "am/pm" {
            hasTime = true
            i += 4
          }
        case UInt8(ascii: "g") where i + 6 < bytes.count:
          if String(decoding: bytes[i..<(i + 7)], as: UTF8.self).lowercased() == "general" {
            i += 6
          }
        default:
          break
        }
      }
      i += 1
    }
    for (_, isMinute) in monthOrMinute {
      if isMinute { hasTime = true } else { hasDate = true }
    }
    if elapsed { return .duration }
    if hasDate && hasTime { return .dateTime }
    if hasDate { return .date }
    if hasTime { return .time }
    if percent { return .percent }
    if text && !digits { return .text }
    _ = id
    return .number
  }
}
