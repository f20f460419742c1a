/// Detects the delimiter, quote, escape style and table layout from a sample of the text.
///
/// The delimiter is the candidate (`,` `;` tab `|` `:`) whose quote-aware split gives the
/// most records the same field count (two or more), counted from the first record with that
/// count, so that title lines above the table do not vote.
struct DialectDetector {
  /// One record of the sample under a candidate dialect.
  struct SampleRecord {
    var number: Int
    var line: Int
    var fieldCount: Int
    var terminator: Terminator
    /// Whether every field is empty or blank (`,,,,`): such filler records do not vote.
    var allEmpty: Bool
  }

  /// A split of the sample.
  struct Split {
    var records: [SampleRecord] = []
    var quotedFields = 0
    var singleQuotedFields = 0
    var doubledQuotes = 0
    var strayQuotes = 0
    var backslashStrays = 0
    var bytes = 0
    /// Fields that hold another candidate delimiter (a comma between digits, a decimal comma,
    /// does not count).
    var foreignFields = 0
    /// Whether the split stopped at a record with more than `maxFields` fields.
    var tooManyFields = false
  }

  let base: UnsafePointer<UInt8>
  let from: Int
  let to: Int
  let complete: Bool
  let maxRecords: Int
  let spans: UnsafeMutablePointer<FieldSpan>
  let maxFields: Int
  let firstLine: Int

  static let candidates: [Character] = [",", ";", "\t", "|", ":"]

  /// Splits the sample with `dialect`, stopping at the first record cut by the end of the
  /// sample.
  func split(_ dialect: ScanDialect) -> Split {
    var result = Split()
    var p = from
    var line = firstLine
    var number = 1
    while result.records.count < maxRecords {
      let r = scanRecord(
        base, from: p, end: to, eof: complete, dialect: dialect, spans: spans,
        maxFields: maxFields)
      guard r.status == .record else {
        result.tooManyFields = r.status == .tooManyFields
        break
      }
      for i in 0..<r.fieldCount {
        let span = spans[i]
        if holdsForeignDelimiter(span, dialect.delimiter) { result.foreignFields += 1 }
        if span.kind != .plain {
          result.quotedFields += 1
          if span.kind == .escaped {
            let rawStart = Int(span.start)
            var k = rawStart + 1
            while k + 1 < Int(span.end) {
              if base[k] == dialect.quote && base[k + 1] == dialect.quote {
                result.doubledQuotes += 1
                k += 2
              } else {
                k += 1
              }
            }
          }
        } else if span.end - span.start >= 2 && base[Int(span.start)] == 0x27
          && base[Int(span.end) - 1] == 0x27
        {
          result.singleQuotedFields += 1
        }
      }
      if r.strayQuote >= 0 {
        result.strayQuotes += 1
        if r.strayQuote > 0 && base[r.strayQuote - 1] == 0x5C { result.backslashStrays += 1 }
      }
      var allEmpty = true
      fields: for i in 0..<r.fieldCount {
        let span = spans[i]
        if span.kind == .escaped {
          allEmpty = false
          break
        }
        for k in Int(span.start)..<Int(span.end) where base[k] != 0x20 && base[k] != 0x09 {
          allEmpty = false
          break fields
        }
      }
      result.records.append(
        SampleRecord(
          number: number, line: line, fieldCount: r.fieldCount, terminator: r.terminator,
          allEmpty: allEmpty))
      line += r.innerBreaks + (r.terminator == .none ? 0 : 1)
      number += 1
      p = r.next
    }
    result.bytes = p - from
    return result
  }

  /// Whether a field holds one of the other candidate delimiters.
  func holdsForeignDelimiter(_ span: FieldSpan, _ delimiter: UInt8) -> Bool {
    let start = Int(span.start)
    let end = Int(span.end)
    var k = start
    while k < end {
      let b = base[k]
      if b != delimiter && (b == 0x2C || b == 0x3B || b == 0x09 || b == 0x7C || b == 0x3A) {
        let decimalComma =
          b == 0x2C && k > start && k + 1 < end && base[k - 1] &- 0x30 <= 9
          && base[k + 1] &- 0x30 <= 9
        if !decimalComma { return true }
      }
      k += 1
    }
    return false
  }

  /// Scores a split: the modal field count (≥ 2) and how many records of the table have it.
  static func evaluate(_ split: Split, delimiter: Character) -> CSVDetection.DelimiterCandidate {
    let voters =
      split.records.contains { $0.fieldCount > 0 && !$0.allEmpty }
      ? split.records.filter { $0.fieldCount > 0 && !$0.allEmpty }
      : split.records.filter { $0.fieldCount > 0 }
    let counts = voters.map(\.fieldCount)
    var frequency: [Int: Int] = [:]
    for c in counts where c >= 2 { frequency[c, default: 0] += 1 }
    guard
      let mode = frequency.max(by: {
        $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key)
      }
      )?.key
    else {
      return CSVDetection.DelimiterCandidate(
        delimiter: delimiter, fieldCount: 1, matchingRecords: 0, tableRecords: counts.count,
        sampledRecords: counts.count,
        firstMatchingRecord: voters.first?.number, score: 0)
    }
    let start = voters.firstIndex { $0.fieldCount == mode } ?? 0
    var matching = 0
    var table = 0
    for record in voters[start...] {
      table += 1
      if record.fieldCount == mode { matching += 1 }
    }
    // One record split by a candidate is chance (a time `10:15:00` in a list), unless the
    // sample has only that record.
    if matching < 2 && counts.count >= 2 {
      return CSVDetection.DelimiterCandidate(
        delimiter: delimiter, fieldCount: mode, matchingRecords: matching, tableRecords: table,
        sampledRecords: counts.count, firstMatchingRecord: voters[start].number, score: 0)
    }
    var candidate = CSVDetection.DelimiterCandidate(
      delimiter: delimiter, fieldCount: mode, matchingRecords: matching, tableRecords: table,
      sampledRecords: counts.count, firstMatchingRecord: voters[start].number,
      score: Double(matching) * Double(matching) / Double(max(1, table)))
    candidate.foreignFields = split.foreignFields
    return candidate
  }

  /// Chooses among scored candidates: the best score; near-ties go to the candidate whose
  /// fields hold fewer of the others (`1,5;2,5` is `;` with decimal commas, not `,`), then to
  /// more fields, then to the earlier candidate.
  static func choose(_ scored: [CSVDetection.DelimiterCandidate]) -> CSVDetection
    .DelimiterCandidate?
  {
    guard let best = scored.map(\.score).max(), best > 0 else { return nil }
    let close = scored.filter { $0.score >= best * 0.999 }
    return close.min { a, b in
      a.foreignFields != b.foreignFields
        ? a.foreignFields < b.foreignFields : a.fieldCount > b.fieldCount
    }
  }
}

extension Character {
  /// The ASCII byte of a one-byte character, or `nil`.
  var asciiByte: UInt8? {
    guard let scalar = unicodeScalars.first, unicodeScalars.count == 1, scalar.isASCII else {
      return nil
    }
    return UInt8(scalar.value)
  }
}
