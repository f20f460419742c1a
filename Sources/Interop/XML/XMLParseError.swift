/// A document that libxml2 refused, with the position libxml2 reported.
public struct XMLParseError: Error, Sendable, CustomStringConvertible {
  /// Why the parse stopped.
  public enum Kind: Sendable, Equatable {
    /// Not well-formed XML, or an encoding libxml2 cannot decode.
    case malformed
    /// The document has a `<!DOCTYPE …>` declaration. OOXML parts never do; a DTD is the
    /// vehicle of entity-expansion and external-entity attacks, so it is refused outright.
    case doctype
    /// The part is in an encoding RedThread does not read (UTF-32, EBCDIC-like byte patterns):
    /// OOXML parts are UTF-8 or UTF-16.
    case unsupportedEncoding
    /// One construct passes a parser limit: a start tag longer than
    /// ``XMLParserLimits/maxStartTagBytes``, or one of libxml2's own limits without
    /// `XML_PARSE_HUGE` ("Huge input lookup": 10,000,000 bytes of look-ahead; "Excessive
    /// depth": 256 nested elements; over-long names or attribute values).
    case limitExceeded
  }

  /// Why the parse stopped.
  public var kind: Kind
  /// The document name given to the parser (for a zip entry: the part name).
  public var document: String
  /// 1-based line, or 0 when unknown.
  public var line: Int
  /// 1-based column, or 0 when unknown.
  public var column: Int
  /// libxml2's `xmlParserErrors` code, e.g. 26 for an undeclared entity; 0 when not from
  /// libxml2.
  public var code: Int
  /// libxml2's message, trimmed.
  public var message: String

  /// `document:line:column: message (libxml2 error code)`.
  public var description: String {
    var text = document
    if line > 0 { text += ":\(line)" }
    if column > 0 { text += ":\(column)" }
    text += ": \(message)"
    if code != 0 { text += " (libxml2 error \(code))" }
    return text
  }
}
