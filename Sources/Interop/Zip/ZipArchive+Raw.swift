internal import CLibZip

/// An entry's stored bytes as they lie in an archive (deflated or stored), with what another
/// archive needs to list them unchanged: the inflated size, the CRC-32 and the method.
public struct ZipRawEntry: Sendable, Hashable {
  /// The stored bytes: a raw deflate stream when ``isDeflated``, else the data itself.
  public var data: [UInt8]
  /// The inflated size in bytes.
  public var size: UInt64
  /// CRC-32 of the inflated data.
  public var crc: UInt32
  /// Whether ``data`` is a raw deflate stream (`ZIP_CM_DEFLATE`) rather than stored bytes.
  public var isDeflated: Bool
}

extension ZipArchive {
  /// Reads an entry's stored bytes without inflating them, so that a copy of the archive can
  /// list the entry with exactly the same compressed data.
  ///
  /// The compressed size is capped by ``ZipLimits/maxEntryBytes``; a copied entry is never
  /// inflated here, so the ratio caps do not apply (they apply when it is read).
  ///
  /// The corresponding C functions are `zip_stat_index` and `zip_fopen_index` with
  /// `ZIP_FL_COMPRESSED` (<https://libzip.org/documentation/zip_fopen.html>).
  ///
  /// - Throws: ``ZipError`` (`unsupportedEntry` for an encrypted entry or a method other than
  ///   stored or deflate; `entryTooLarge`; `corrupt`, `truncated`).
  public func rawContents(of entry: ZipEntry) throws -> ZipRawEntry {
    var st = zip_stat_t()
    zip_stat_init(&st)
    guard zip_stat_index(handle, zip_uint64_t(entry.index), 0, &st) == 0 else {
      let code = zip_get_error(handle).map { zip_error_code_zip($0) } ?? ZIP_ER_INTERNAL
      throw ZipError.libzip(code, function: "zip_stat_index", entry: entry.name)
    }
    let method = Int32(st.comp_method)
    guard !entry.isEncrypted, method == ZIP_CM_STORE || method == ZIP_CM_DEFLATE else {
      throw ZipError(
        .unsupportedEntry, entry: entry.name,
        message: "\(entry.name) is encrypted or uses compression method \(method), which "
          + "cannot be copied")
    }
    let stored = Int(clamping: st.comp_size)
    if stored > limits.maxEntryBytes {
      throw ZipError(
        .entryTooLarge, entry: entry.name,
        message: "\(entry.name) holds \(stored) compressed bytes, more than the limit of "
          + "\(limits.maxEntryBytes)", limit: limits.maxEntryBytes)
    }
    guard
      let file = zip_fopen_index(
        handle, zip_uint64_t(entry.index), zip_flags_t(ZIP_FL_COMPRESSED))
    else {
      let code = zip_get_error(handle).map { zip_error_code_zip($0) } ?? ZIP_ER_INTERNAL
      throw ZipError.libzip(code, function: "zip_fopen_index", entry: entry.name)
    }
    defer { zip_fclose(file) }
    var data = [UInt8](repeating: 0, count: stored)
    var filled = 0
    while filled < stored {
      let n = data.withUnsafeMutableBytes { buffer -> zip_int64_t in
        guard let base = buffer.baseAddress else { return 0 }
        return zip_fread(file, base + filled, zip_uint64_t(stored - filled))
      }
      if n < 0 {
        let code = zip_file_get_error(file).map { zip_error_code_zip($0) } ?? ZIP_ER_INTERNAL
        throw ZipError.libzip(code, function: "zip_fread", entry: entry.name)
      }
      if n == 0 { break }
      filled += Int(n)
    }
    guard filled == stored else {
      throw ZipError(
        .truncated, entry: entry.name,
        message: "\(entry.name) ends after \(filled) of its \(stored) compressed bytes")
    }
    return ZipRawEntry(
      data: data, size: st.size, crc: st.crc, isDeflated: method == ZIP_CM_DEFLATE)
  }
}
