internal import CLibZip

/// A zip archive that cannot be read, or a read that a cap stopped.
///
/// libzip's own codes are kept as detail (`function` and `libzipCode`), never shown as the
/// error itself: "zip_open failed: Not a zip archive (libzip 19)".
public struct ZipError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// The file is not a zip archive (no end-of-central-directory record).
    case notAZip
    /// The archive ends early or its directory points past the end of the file.
    case truncated
    /// The archive is inconsistent, an entry fails its CRC, or its data cannot be inflated.
    case corrupt
    /// The file cannot be opened or read (permissions, I/O).
    case unreadable
    /// An entry is encrypted with a zip password or uses an unsupported compression method.
    case unsupportedEntry
    /// One entry inflated past ``ZipLimits/maxEntryBytes``.
    case entryTooLarge
    /// All entries together inflated past ``ZipLimits/maxTotalBytes``.
    case totalTooLarge
    /// An entry inflated more than ``ZipLimits/maxCompressionRatio`` times its compressed size.
    case compressionRatioTooHigh
    /// The archive lists more than ``ZipLimits/maxEntries`` entries.
    case tooManyEntries
  }

  /// What went wrong.
  public var kind: Kind
  /// The entry concerned, when there is one.
  public var entry: String?
  /// One sentence naming the offending value.
  public var message: String
  /// The libzip function that failed, when one did.
  public var function: String?
  /// libzip's `ZIP_ER_*` code, when one applies.
  public var libzipCode: Int32?
  /// For caps: the limit that was passed.
  public var limit: Int?

  /// The message.
  public var description: String { message }

  init(
    _ kind: Kind, entry: String? = nil, message: String, function: String? = nil,
    libzipCode: Int32? = nil, limit: Int? = nil
  ) {
    self.kind = kind
    self.entry = entry
    self.message = message
    self.function = function
    self.libzipCode = libzipCode
    self.limit = limit
  }

  /// Translates a libzip error code into a kind and message, keeping the C function and code.
  static func libzip(
    _ code: Int32, systemError: Int32 = 0, function: String, entry: String? = nil
  ) -> ZipError {
    var error = zip_error_t()
    zip_error_init_with_code(&error, code)
    let text = zip_error_strerror(&error).map { String(cString: $0) } ?? "libzip error"
    zip_error_fini(&error)
    let kind: Kind
    switch code {
    case ZIP_ER_NOZIP: kind = .notAZip
    case ZIP_ER_EOF, ZIP_ER_SEEK: kind = .truncated
    case ZIP_ER_INCONS, ZIP_ER_CRC, ZIP_ER_ZLIB, ZIP_ER_COMPRESSED_DATA, ZIP_ER_MULTIDISK:
      kind = .corrupt
    case ZIP_ER_OPEN, ZIP_ER_READ, ZIP_ER_NOENT, ZIP_ER_MEMORY, ZIP_ER_TELL: kind = .unreadable
    case ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD, ZIP_ER_ENCRNOTSUPP, ZIP_ER_COMPNOTSUPP:
      kind = .unsupportedEntry
    default: kind = .corrupt
    }
    var message = "\(function) failed: \(text) (libzip \(code))"
    if let entry { message = "\(entry): " + message }
    return ZipError(
      kind, entry: entry, message: message, function: function, libzipCode: code)
  }
}

/// Caps applied while reading a zip archive, so that a zip bomb cannot exhaust memory or time.
///
/// Sizes in the zip directory are only what the archive claims (a bomb can declare 1,000 bytes
/// and inflate to 1 GiB), so every cap counts the bytes actually produced by inflation.
public struct ZipLimits: Sendable, Hashable {
  /// The most bytes one entry may inflate to.
  public var maxEntryBytes: Int
  /// The most bytes all entries read from one archive may inflate to together.
  public var maxTotalBytes: Int
  /// The largest inflated-to-compressed size ratio allowed for an entry, checked once the entry
  /// has produced more than ``ratioGraceBytes``.
  public var maxCompressionRatio: Int
  /// Bytes an entry may produce before its ratio is checked (small parts compress very well).
  public var ratioGraceBytes: Int
  /// The most entries the archive may list.
  public var maxEntries: Int

  /// Creates limits.
  ///
  /// - Parameters:
  ///   - maxEntryBytes: bytes per entry.
  ///   - maxTotalBytes: bytes for the whole archive.
  ///   - maxCompressionRatio: inflated ÷ compressed size.
  ///   - ratioGraceBytes: bytes produced before the ratio is checked.
  ///   - maxEntries: entries in the central directory.
  public init(
    maxEntryBytes: Int, maxTotalBytes: Int, maxCompressionRatio: Int, ratioGraceBytes: Int,
    maxEntries: Int
  ) {
    self.maxEntryBytes = maxEntryBytes
    self.maxTotalBytes = maxTotalBytes
    self.maxCompressionRatio = maxCompressionRatio
    self.ratioGraceBytes = ratioGraceBytes
    self.maxEntries = maxEntries
  }
}
