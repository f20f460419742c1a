import Foundation
internal import Interop
import Spreadsheet

/// An existing workbook package opened for editing: parts are read, replaced or added, and
/// the package is written back with every part that was not changed copied as it was.
///
/// Untouched parts keep their exact stored bytes (the compressed data is copied from the
/// source archive without inflating it), so their content is byte-identical; changed and new
/// parts are deflated. `[Content_Types].xml` is kept as ``contentTypes`` and written again
/// only when it changed. The streaming ``XLSXReader`` and ``XLSXWriter`` are not involved.
///
/// ```swift
/// let package = try XLSXPackage(path: "plan.xlsx")
/// var xml = try package.part("xl/worksheets/sheet1.xml")
/// // … edit xml …
/// package.setPart("xl/worksheets/sheet1.xml", xml)
/// try package.write(to: "plan-edited.xlsx")
/// ```
public final class XLSXPackage {
  /// The file opened.
  public let path: String
  private let archive: ZipArchive
  /// Part names in package order (the source's order, then added parts).
  public private(set) var partNames: [String] = []
  private var entries: [String: ZipEntry] = [:]
  private var changed: [String: [UInt8]] = [:]
  private var originalContentTypes: ContentTypesPart
  /// `[Content_Types].xml`; change it with the part helpers or directly.
  public var contentTypes: ContentTypesPart

  /// Opens a package.
  ///
  /// - Parameter options: caps on part sizes (the reader's defaults).
  /// - Throws: ``XLSXError`` for what the reader would refuse as a package (not a zip,
  ///   truncated, encrypted, no `[Content_Types].xml`).
  public init(path: String, options: XLSXReadOptions = .init()) throws {
    self.path = path
    let reader = try Package(path: path, options: options)
    archive = reader.archive
    for entry in archive.entries {
      let name = PartName(entry.name).path
      if entries[name.lowercased()] == nil { partNames.append(name) }
      entries[name.lowercased()] = entry
    }
    guard let types = entries[ContentTypesPart.partName.lowercased()] else {
      throw XLSXError(
        .missingPart, location: SourceLocation(file: path),
        message: "the package has no part '[Content_Types].xml'")
    }
    let bytes: [UInt8]
    do { bytes = try archive.contents(of: types) } catch {
      throw Package.translate(error, path: path, part: ContentTypesPart.partName)
    }
    contentTypes = try ContentTypesPart(xml: bytes)
    originalContentTypes = contentTypes
  }

  /// Whether the package has a part (names compare without case).
  public func has(_ name: String) -> Bool {
    let key = PartName(name).path.lowercased()
    return changed[key] != nil || entries[key] != nil
  }

  /// A part's bytes, as changed or as stored.
  ///
  /// - Throws: ``XLSXError`` (`missingPart`, or a cap or zip error while inflating).
  public func part(_ name: String) throws -> [UInt8] {
    let key = PartName(name).path.lowercased()
    if let bytes = changed[key] { return bytes }
    guard let entry = entries[key] else {
      throw XLSXError(
        .missingPart, location: SourceLocation(file: path),
        message: "the package has no part '\(name)'")
    }
    do { return try archive.contents(of: entry) } catch {
      throw Package.translate(error, path: path, part: name)
    }
  }

  /// Replaces a part, or adds it at the end of the package.
  ///
  /// - Parameter contentType: for a new part, its media type as an override (a part covered
  ///   by a default for its extension may pass `nil`).
  public func setPart(_ name: String, _ bytes: [UInt8], contentType: String? = nil) {
    let path = PartName(name).path
    let key = path.lowercased()
    if entries[key] == nil, changed[key] == nil { partNames.append(path) }
    changed[key] = bytes
    if let contentType { contentTypes.setOverride(part: path, contentType: contentType) }
  }

  /// Removes a part, its override in `[Content_Types].xml` and its relationships part.
  public func removePart(_ name: String) {
    let path = PartName(name).path
    let key = path.lowercased()
    partNames.removeAll { $0.lowercased() == key }
    entries[key] = nil
    changed[key] = nil
    contentTypes.removeOverride(part: path)
    let rels = PartName(path).relationshipsPart.path
    if has(rels) { removePart(rels) }
  }

  /// Whether a part will be written from new bytes rather than copied.
  public func isChanged(_ name: String) -> Bool {
    changed[PartName(name).path.lowercased()] != nil
  }

  /// A name `prefix` + n + `suffix` not used in the package, counting from 1.
  public func unusedName(prefix: String, suffix: String) -> String {
    var n = 1
    while has("\(prefix)\(n)\(suffix)") { n += 1 }
    return "\(prefix)\(n)\(suffix)"
  }

  // MARK: - Relationships

  /// The relationships of a part (empty when it has none).
  ///
  /// - Throws: ``XLSXError`` when the `.rels` part is malformed.
  public func relationships(of source: String) throws -> RelationshipsPart {
    let rels = PartName(source).relationshipsPart.path
    guard has(rels) else { return RelationshipsPart() }
    return try RelationshipsPart(xml: try part(rels), partName: rels)
  }

  /// Replaces the relationships of a part.
  public func setRelationships(_ relationships: RelationshipsPart, of source: String) {
    setPart(PartName(source).relationshipsPart.path, relationships.xml())
    contentTypes.ensureDefault(
      extension: "rels",
      contentType: "application/vnd.openxmlformats-package.relationships+xml")
  }

  /// The part a relationship points to, resolved against its source part.
  public func target(of relationship: RelationshipsPart.Entry, from source: String) -> String {
    PartName(source).resolve(relationship.target).path
  }

  /// The workbook part (`xl/workbook.xml` as the package's root relationship names it).
  ///
  /// - Throws: ``XLSXError`` (`missingPart`) when the package names none.
  public func workbookPartName() throws -> String {
    let root = try relationships(of: "")
    guard let office = root.first(kind: "officeDocument") else {
      throw XLSXError(
        .missingPart, location: SourceLocation(file: path),
        message: "the package names no workbook part (_rels/.rels)")
    }
    return PartName(office.target).path
  }

  /// A target for a relationship from `source` to `part`, relative to the source's folder.
  public static func relativeTarget(from source: String, to part: String) -> String {
    let from = PartName(source).folder.split(separator: "/").map(String.init)
    let to = PartName(part).path.split(separator: "/").map(String.init)
    var common = 0
    while common < from.count, common < to.count - 1, from[common] == to[common] {
      common += 1
    }
    let ups = Array(repeating: "..", count: from.count - common)
    return (ups + to[common...]).joined(separator: "/")
  }

  // MARK: - Writing

  /// Writes the package to `path` (which may be the file it was opened from): a temporary
  /// file beside it is written, made durable and renamed over it, so a failure leaves no
  /// half-written file.
  ///
  /// - Throws: ``XLSXError`` when a part of the source package cannot be read;
  ///   ``XLSXWriteError`` `write-failed` when the new file cannot be written.
  public func write(to path: String) throws {
    if contentTypes != originalContentTypes {
      changed[ContentTypesPart.partName.lowercased()] = contentTypes.xml()
    }
    let writer: ZipWriter
    do {
      writer = try ZipWriter(path: path, compressionLevel: 6, compressionThreads: 1)
    } catch {
      throw XLSXWriteError(
        code: .writeFailed, location: SourceLocation(file: path),
        message: "cannot write the workbook: \(error)", underlying: error)
    }
    do {
      for name in partNames {
        let key = name.lowercased()
        let spooled: ZipSpooledEntry
        if let bytes = changed[key] {
          spooled = try writer.spool(bytes)
        } else if let entry = entries[key] {
          // A failure here is in reading the source package, and named as such.
          let raw: ZipRawEntry
          do { raw = try archive.rawContents(of: entry) } catch let error as ZipError {
            throw Package.translate(error, path: self.path, part: error.entry)
          }
          spooled = try writer.spool(raw: raw)
        } else {
          continue
        }
        try writer.add(name: entries[key]?.name ?? name, entry: spooled)
      }
      try writer.close()
    } catch {
      writer.discard()
      if let error = error as? XLSXError { throw error }
      throw XLSXWriteError(
        code: .writeFailed, location: SourceLocation(file: path),
        message: "cannot write the workbook: \(error)", underlying: error)
    }
  }
}
