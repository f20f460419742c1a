/// A character encoding of delimited text, named as `Workbook.TextLayout.encoding` and the
/// corpus oracle name them.
public enum CSVEncoding: String, Sendable, Hashable, CaseIterable {
  /// UTF-8 without a byte-order mark (also plain ASCII).
  case utf8 = "utf-8"
  /// UTF-8 opened by the byte-order mark EF BB BF (what Excel writes for "CSV UTF-8").
  case utf8WithBOM = "utf-8-sig"
  /// Windows code page 1252: ISO-8859-1 plus printable characters at 0x80–0x9F (`€`, `–`,
  /// `”`, …). Named only when a byte 0x80–0x9F occurs.
  case windows1252 = "windows-1252"
  /// ISO-8859-1 (Latin-1): single-byte Western text with no byte 0x80–0x9F.
  case iso88591 = "iso-8859-1"
  /// Mac OS Roman: classic Mac OS and Excel for Mac before 2016, whose files end lines with a
  /// lone CR (`å` is 0x8C).
  case macRoman = "mac-roman"
  /// Shift-JIS as Windows writes it (code page 932, Windows-31J): Japanese text.
  case cp932 = "cp932"
  /// UTF-16, little-endian (`FF FE` byte-order mark, or NUL in every odd byte of ASCII).
  case utf16LE = "utf-16-le"
  /// UTF-16, big-endian (`FE FF` byte-order mark, or NUL in every even byte of ASCII).
  case utf16BE = "utf-16-be"
  /// UTF-32, little-endian (`FF FE 00 00`, or three NULs after each ASCII byte).
  case utf32LE = "utf-32-le"
  /// UTF-32, big-endian (`00 00 FE FF`, or three NULs before each ASCII byte).
  case utf32BE = "utf-32-be"

  /// Parses an encoding name as users write it: `utf-8`, `UTF8`, `utf-8-sig`, `cp1252`,
  /// `windows-1252`, `latin1`, `ISO-8859-1`, `mac-roman`, `macintosh`, `cp932`, `shift_jis`,
  /// `sjis`, `utf-16le`, `UTF-16 BE`, …
  ///
  /// - Returns: `nil` for names of encodings the reader does not handle.
  public init?(name: String) {
    let key = String(
      name.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
    switch key {
    case "utf8", "ascii", "usascii": self = .utf8
    case "utf8sig", "utf8bom", "utf8withbom": self = .utf8WithBOM
    case "windows1252", "cp1252", "win1252", "ansi", "xcp1252": self = .windows1252
    case "iso88591", "latin1", "l1", "iso885915", "latin9": self = .iso88591
    case "macroman", "macintosh", "mac", "xmacroman", "macosroman": self = .macRoman
    case "cp932", "shiftjis", "sjis", "windows31j", "ms932", "mskanji", "windows932", "xsjis":
      self = .cp932
    case "utf16le", "utf16": self = .utf16LE
    case "utf16be": self = .utf16BE
    case "utf32le", "utf32": self = .utf32LE
    case "utf32be": self = .utf32BE
    default: return nil
    }
  }

  /// The name used in `Workbook.TextLayout`, e.g. `windows-1252`.
  public var name: String { rawValue }

  /// Whether each byte is one character and ASCII bytes mean ASCII (Windows-1252, Latin-1).
  public var isSingleByte: Bool { self == .windows1252 || self == .iso88591 }

  /// Whether the reader transcodes the file to UTF-8 before splitting it (UTF-16, UTF-32,
  /// Mac Roman, Shift-JIS).
  var isTranscoded: Bool { isWide || self == .macRoman || self == .cp932 }

  /// Whether code units are wider than a byte (UTF-16, UTF-32).
  var isWide: Bool {
    switch self {
    case .utf16LE, .utf16BE, .utf32LE, .utf32BE: return true
    default: return false
    }
  }

  /// The byte-order mark this encoding writes, empty for none.
  var byteOrderMark: [UInt8] {
    switch self {
    case .utf8WithBOM: return [0xEF, 0xBB, 0xBF]
    case .utf16LE: return [0xFF, 0xFE]
    case .utf16BE: return [0xFE, 0xFF]
    case .utf32LE: return [0xFF, 0xFE, 0x00, 0x00]
    case .utf32BE: return [0x00, 0x00, 0xFE, 0xFF]
    default: return []
    }
  }
}
