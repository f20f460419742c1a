/// A failure while writing a zip archive: the C function that failed, its return or error code
/// and the library's own message, e.g. `zip_close failed: Read-only file system (libzip 6)`.
///
/// The XLSX writer translates it into its own located error (code `write-failed`); it never
/// reaches a user as it is.
package struct ZipWriterError: Error, Sendable, CustomStringConvertible {
  /// Which library reported the failure.
  package enum Library: String, Sendable {
    /// libzip (`zip_*`), the code being a `ZIP_ER_*` value.
    case libzip
    /// zlib (`deflate*`), the code being a `Z_*` value.
    case zlib
    /// The C library (`open`, `write`, `pread`), the code being `errno`.
    case posix
  }

  /// The library that failed.
  package var library: Library
  /// The C function that failed, e.g. `zip_close`.
  package var function: String
  /// The library's error code (`ZIP_ER_*`, `Z_*` or `errno`).
  package var code: Int32
  /// The library's message for the code, or a description of the misuse.
  package var message: String

  /// Creates an error.
  package init(library: Library, function: String, code: Int32, message: String) {
    self.library = library
    self.function = function
    self.code = code
    self.message = message
  }

  /// `zip_close failed: Read-only file system (libzip 6)`.
  package var description: String {
    "\(function) failed: \(message) (\(library.rawValue) \(code))"
  }
}
