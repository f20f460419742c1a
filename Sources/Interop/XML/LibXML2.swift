internal import CLibXML2

/// Process-wide set-up of libxml2, done once before the first parser is made.
///
/// Calls `xmlInitParser()` (never `xmlCleanupParser()`), silences libxml2's generic error
/// printer (parser errors arrive through each parser's structured handler instead), and installs
/// an external-entity loader that refuses every load, so no file, `http:` or `ftp:` resource is
/// ever read on behalf of a document, whatever options a parser is given.
///
/// The corresponding C functions are `xmlInitParser`, `xmlSetGenericErrorFunc` and
/// `xmlSetExternalEntityLoader` (<https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-parser.html>).
public enum LibXML2 {
  private static let initialized: Bool = {
    xmlInitParser()
    clibxml2_silence_generic_errors()
    clibxml2_refuse_external_entities()
    return true
  }()

  /// Runs the one-time set-up; cheap after the first call and safe from any thread.
  public static func initialize() {
    _ = initialized
  }

  /// The libxml2 version the process runs with, e.g. `2.9.14`.
  public static var version: String {
    initialize()
    return LIBXML_DOTTED_VERSION
  }

  /// The parser options every RedThread parser uses: `XML_PARSE_NONET` (no network),
  /// `XML_PARSE_NOCDATA` (CDATA as text) and `XML_PARSE_COMPACT`. Never `XML_PARSE_NOENT`,
  /// `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`, `XML_PARSE_DTDVALID`, `XML_PARSE_HUGE` or
  /// `XML_PARSE_NODICT` (interned names are compared by pointer).
  static let parseOptions: Int32 = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
}
