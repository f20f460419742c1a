internal import CZlib
internal import WorkQueue

/// Compresses one zip entry's data in chunks on several threads, pigz style, and appends the
/// raw deflate stream to a ``ZipWriterSpool`` in order.
///
/// The data is cut into chunks of ``chunkSize`` bytes. Each chunk is compressed on its own with
/// the 32 KiB of data before it as the preset dictionary (`deflateSetDictionary`), so the
/// compression ratio stays close to a single stream. Every chunk but the last ends with a sync
/// flush (`Z_SYNC_FLUSH`: byte-aligned, no final block); the last one with `Z_FINISH`. Their
/// concatenation is therefore one valid raw deflate stream, and the CRC-32 of the entry is the
/// per-chunk CRCs joined with `crc32_combine`. The chunk boundaries depend only on the data,
/// never on thread timing, so the output is byte-identical from run to run.
///
/// One producer thread calls ``begin()``, ``write(_:count:)`` and ``finish()``; worker threads
/// compress. At most `workers + 1` chunks exist at once, so memory is bounded. Until an entry
/// needs more than one chunk, entries are compressed on the producer's thread without
/// starting a worker, so a small workbook never starts a thread.
///
/// The corresponding C functions are zlib's `deflateInit2`, `deflateSetDictionary`,
/// `deflate`, `crc32` and `crc32_combine` (<https://zlib.net/manual.html>).
final class ParallelDeflate: @unchecked Sendable {
  /// Bytes of input per chunk.
  let chunkSize: Int
  /// Compression level, 1 (fastest) to 9 (smallest).
  let level: Int32
  /// Number of worker threads; 0 compresses everything on the producer's thread.
  let workerCount: Int

  private let spool: ZipWriterSpool
  private let maximumChunks: Int

  /// Chunks to compress, and compressed chunks by sequence number.
  private let queue = OrderedWorkQueue<DeflateChunk, DeflateChunk>()
  private var workers: [WorkerThread] = []

  // Producer-only state.
  private var threadsStarted = false
  private var freeChunks: [DeflateChunk] = []
  private var allocatedChunks = 0
  private var current: DeflateChunk?
  private var nextSequence = 0
  private var nextToWrite = 0
  private var entryFirstSequence = 0
  private let tail: UnsafeMutableRawPointer
  private var tailCount = 0
  private var inlineDeflater: RawDeflater?
  private var fallbackToInline = false
  private var entryCRC: UInt = 0
  private var entrySize: UInt64 = 0

  /// Creates a compressor that appends to `spool`.
  ///
  /// - Parameters:
  ///   - level: 1...9.
  ///   - workers: worker threads (0 for none).
  ///   - chunkSize: input bytes per chunk, at least 64 KiB.
  ///   - spool: where the compressed stream goes.
  init(level: Int, workers: Int, chunkSize: Int, spool: ZipWriterSpool) {
    self.level = Int32(level)
    self.workerCount = max(0, workers)
    self.chunkSize = max(chunkSize, 64 * 1024)
    self.spool = spool
    self.maximumChunks = max(0, workers) + 1
    self.tail = UnsafeMutableRawPointer.allocate(
      byteCount: DeflateChunk.dictionarySize, alignment: 16)
  }

  deinit {
    tail.deallocate()
  }

  /// Starts a new entry: a new deflate stream, CRC and size.
  func begin() {
    tailCount = 0
    entryCRC = 0
    entrySize = 0
    entryFirstSequence = nextSequence
  }

  /// Appends entry data.
  ///
  /// - Throws: ``ZipWriterError`` from zlib or from the spool.
  func write(_ bytes: UnsafeRawPointer, count: Int) throws {
    var offset = 0
    while offset < count {
      let chunk: DeflateChunk
      if let current {
        chunk = current
      } else {
        chunk = try acquireChunk()
        current = chunk
      }
      let n = min(count - offset, chunk.capacity - chunk.inputCount)
      (chunk.input + chunk.inputCount).copyMemory(from: bytes + offset, byteCount: n)
      chunk.inputCount += n
      offset += n
      if chunk.inputCount == chunk.capacity {
        current = nil
        try submit(chunk, isFinal: false)
      }
    }
  }

  /// Ends the entry: compresses what is left and waits until every chunk is in the spool.
  ///
  /// - Returns: the CRC-32 and the uncompressed size of the entry.
  /// - Throws: ``ZipWriterError`` from zlib or from the spool.
  func finish() throws -> (crc: UInt32, size: UInt64) {
    let chunk: DeflateChunk
    if let current {
      chunk = current
    } else {
      chunk = try acquireChunk()
    }
    current = nil
    try submit(chunk, isFinal: true)
    while nextToWrite < nextSequence {
      try drain(waitForOne: true)
    }
    return (UInt32(truncatingIfNeeded: entryCRC), entrySize)
  }

  /// Stops the worker threads and waits for them to exit. Call once, when done.
  func shutdown() {
    queue.close()
    for worker in workers { worker.join() }
    workers = []
  }

  // MARK: - Producer side

  private func acquireChunk() throws -> DeflateChunk {
    while true {
      if let chunk = freeChunks.popLast() {
        chunk.reset()
        return chunk
      }
      if allocatedChunks < maximumChunks {
        allocatedChunks += 1
        return DeflateChunk(capacity: chunkSize)
      }
      try drain(waitForOne: true)
    }
  }

  private func submit(_ chunk: DeflateChunk, isFinal: Bool) throws {
    chunk.isFinal = isFinal
    chunk.sequence = nextSequence
    nextSequence += 1
    chunk.dictionary.copyMemory(from: tail, byteCount: tailCount)
    chunk.dictionaryCount = tailCount
    // Only the last chunk of an entry can be shorter than the dictionary, and nothing follows
    // it, so the tail is always the end of one chunk.
    let keep = min(DeflateChunk.dictionarySize, chunk.inputCount)
    tail.copyMemory(from: chunk.input + (chunk.inputCount - keep), byteCount: keep)
    tailCount = keep

    // A one-chunk entry before any worker runs (a small workbook) is compressed right here;
    // once workers run, they take every chunk, so that no second deflate state is needed.
    let onlyChunk = isFinal && chunk.sequence == entryFirstSequence
    if !fallbackToInline { startWorkersIfNeededForMoreThanOneChunk(onlyChunk) }
    if workerCount == 0 || fallbackToInline || (onlyChunk && !threadsStarted) {
      if inlineDeflater == nil { inlineDeflater = RawDeflater(level: level) }
      inlineDeflater?.compress(chunk)
      queue.post(chunk, sequence: chunk.sequence)
      try drain(waitForOne: false)
      return
    }
    queue.send(chunk)
    try drain(waitForOne: false)
  }

  /// Appends finished chunks to the spool in sequence order; with `waitForOne`, blocks until
  /// at least the next one is finished.
  private func drain(waitForOne: Bool) throws {
    var mustWait = waitForOne
    while nextToWrite < nextSequence {
      guard let chunk = queue.result(sequence: nextToWrite, wait: mustWait) else { return }
      mustWait = false
      nextToWrite += 1
      defer { freeChunks.append(chunk) }
      if let failure = chunk.failure { throw failure }
      try spool.append(UnsafeRawBufferPointer(start: chunk.output, count: chunk.outputCount))
      entryCRC =
        entrySize == 0
        ? chunk.crc : UInt(crc32_combine(uLong(entryCRC), chunk.crc, off_t(chunk.inputCount)))
      entrySize += UInt64(chunk.inputCount)
    }
  }

  // MARK: - Worker side

  private func startWorkersIfNeededForMoreThanOneChunk(_ onlyChunk: Bool) {
    guard !threadsStarted, workerCount > 0, !onlyChunk else { return }
    threadsStarted = true
    inlineDeflater = nil
    for _ in 0..<workerCount {
      if let worker = WorkerThread({ [self] in work() }) { workers.append(worker) }
    }
    // When no thread could start, compress on the producer's thread from now on.
    fallbackToInline = workers.isEmpty
  }

  private func work() {
    let deflater = RawDeflater(level: level)
    while let chunk = queue.take() {
      deflater.compress(chunk)
      queue.post(chunk, sequence: chunk.sequence)
    }
  }
}

/// One chunk of entry data and, once compressed, its raw deflate bytes and CRC-32.
final class DeflateChunk: @unchecked Sendable {
  /// The deflate window: the preset dictionary is the last 32 KiB before the chunk.
  static let dictionarySize = 32 * 1024

  let capacity: Int
  let input: UnsafeMutableRawPointer
  var inputCount = 0
  let dictionary: UnsafeMutableRawPointer
  var dictionaryCount = 0
  var output: UnsafeMutableRawPointer
  var outputCapacity: Int
  var outputCount = 0
  var crc: uLong = 0
  var isFinal = false
  var sequence = 0
  var failure: ZipWriterError?

  init(capacity: Int) {
    self.capacity = capacity
    input = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    dictionary = UnsafeMutableRawPointer.allocate(byteCount: Self.dictionarySize, alignment: 16)
    // deflate's worst case is 5 bytes per 16 KiB stored block plus a few for the flush.
    outputCapacity = capacity + capacity / 16_384 * 5 + 64
    output = UnsafeMutableRawPointer.allocate(byteCount: outputCapacity, alignment: 16)
  }

  deinit {
    input.deallocate()
    dictionary.deallocate()
    output.deallocate()
  }

  func reset() {
    inputCount = 0
    dictionaryCount = 0
    outputCount = 0
    crc = 0
    isFinal = false
    failure = nil
  }

  func growOutput() {
    let bigger = UnsafeMutableRawPointer.allocate(byteCount: outputCapacity * 2, alignment: 16)
    bigger.copyMemory(from: output, byteCount: outputCount)
    output.deallocate()
    output = bigger
    outputCapacity *= 2
  }
}

/// A raw deflate stream (`z_stream`) used by one thread at a time, reset for every chunk.
///
/// The corresponding C functions are `deflateInit2` (raw: window bits -15), `deflateReset`,
/// `deflateSetDictionary`, `deflate` and `deflateEnd`.
final class RawDeflater {
  private let stream: UnsafeMutablePointer<z_stream>
  private let initResult: Int32

  init(level: Int32) {
    stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    initResult = czlib_deflate_init_raw(stream, level)
  }

  deinit {
    if initResult == Z_OK { deflateEnd(stream) }
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Compresses `chunk.input` into `chunk.output`, with its dictionary; sets its CRC-32, or
  /// `failure` when zlib reports an error.
  func compress(_ chunk: DeflateChunk) {
    chunk.crc = crc32(0, chunk.input.assumingMemoryBound(to: Bytef.self), uInt(chunk.inputCount))
    guard initResult == Z_OK else {
      chunk.failure = Self.error("deflateInit2", initResult)
      return
    }
    var result = deflateReset(stream)
    guard result == Z_OK else {
      chunk.failure = Self.error("deflateReset", result)
      return
    }
    if chunk.dictionaryCount > 0 {
      result = deflateSetDictionary(
        stream, chunk.dictionary.assumingMemoryBound(to: Bytef.self), uInt(chunk.dictionaryCount))
      guard result == Z_OK else {
        chunk.failure = Self.error("deflateSetDictionary", result)
        return
      }
    }
    stream.pointee.next_in = chunk.input.assumingMemoryBound(to: Bytef.self)
    stream.pointee.avail_in = uInt(chunk.inputCount)
    chunk.outputCount = 0
    let flush = chunk.isFinal ? Z_FINISH : Z_SYNC_FLUSH
    while true {
      stream.pointee.next_out = (chunk.output + chunk.outputCount).assumingMemoryBound(
        to: Bytef.self)
      let room = chunk.outputCapacity - chunk.outputCount
      stream.pointee.avail_out = uInt(room)
      result = deflate(stream, flush)
      chunk.outputCount += room - Int(stream.pointee.avail_out)
      if result == Z_STREAM_ERROR {
        chunk.failure = Self.error("deflate", result)
        return
      }
      if chunk.isFinal ? result == Z_STREAM_END : stream.pointee.avail_out > 0 {
        return
      }
      chunk.growOutput()
    }
  }

  private static func error(_ function: String, _ code: Int32) -> ZipWriterError {
    let message = zError(code).map { String(cString: $0) } ?? "zlib error"
    return ZipWriterError(library: .zlib, function: function, code: code, message: message)
  }
}

/// Raw inflate of a whole stream in memory, the inverse of ``RawDeflater``; used to check
/// what the writer produced.
///
/// The corresponding C functions are `inflateInit2` (raw: window bits -15), `inflate` and
/// `inflateEnd`.
package enum RawInflate {
  /// Inflates a complete raw deflate stream.
  ///
  /// - Parameters:
  ///   - data: the compressed bytes.
  ///   - expectedSize: the uncompressed size, when known (a hint for the buffer).
  /// - Returns: the uncompressed bytes.
  /// - Throws: ``ZipWriterError`` when the stream is damaged or incomplete.
  package static func inflate(_ data: [UInt8], expectedSize: Int = 0) throws -> [UInt8] {
    var stream = z_stream()
    var result = czlib_inflate_init_raw(&stream)
    guard result == Z_OK else { throw error("inflateInit2", result) }
    defer { inflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: max(expectedSize, 1024))
    var produced = 0
    try data.withUnsafeBufferPointer { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = uInt(input.count)
      while true {
        if produced == output.count {
          output.append(contentsOf: repeatElement(0, count: output.count))
        }
        result = output.withUnsafeMutableBufferPointer { out in
          stream.next_out = out.baseAddress.map { $0 + produced }
          stream.avail_out = uInt(out.count - produced)
          let r = CZlib.inflate(&stream, Z_NO_FLUSH)
          produced = out.count - Int(stream.avail_out)
          return r
        }
        if result == Z_STREAM_END { return }
        if result != Z_OK && !(result == Z_BUF_ERROR && produced == output.count) {
          throw error("inflate", result)
        }
      }
    }
    return Array(output[..<produced])
  }

  /// The CRC-32 of `data`, as a zip entry records it.
  package static func crc32(_ data: [UInt8]) -> UInt32 {
    data.withUnsafeBufferPointer { buffer in
      UInt32(truncatingIfNeeded: CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
    }
  }

  private static func error(_ function: String, _ code: Int32) -> ZipWriterError {
    let message = zError(code).map { String(cString: $0) } ?? "zlib error"
    return ZipWriterError(library: .zlib, function: function, code: code, message: message)
  }
}
