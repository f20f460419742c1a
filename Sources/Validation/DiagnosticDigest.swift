public import Spreadsheet

/// Diagnostics as a controller wants to read them on a console: grouped per code, collapsed
/// per offending value, errors first, and a summary per code at the end.
///
/// Fifty-four `unknown-unit` diagnostics for the same unit `ST` in one file become one line
/// with a count and the places; nothing is dropped without its code being named.
///
/// ```swift
/// for line in DiagnosticDigest(diagnostics).lines(limit: 40) { print(line) }
/// ```
public struct DiagnosticDigest: Hashable, Sendable {
  /// Diagnostics of one code with the same offending value (or, without a value, the same
  /// message), in the order found.
  public struct Group: Hashable, Sendable {
    /// The code.
    public var code: String
    /// The severity.
    public var severity: Severity
    /// The offending value shared by every diagnostic of the group, if any.
    public var value: String?
    /// The diagnostics, first found first.
    public var diagnostics: [Diagnostic]

    /// The first diagnostic, which stands for the group.
    public var first: Diagnostic { diagnostics[0] }
  }

  /// One code's count, for the summary.
  public struct CodeCount: Hashable, Sendable {
    /// The code.
    public var code: String
    /// Its severity.
    public var severity: Severity
    /// How many diagnostics.
    public var count: Int
    /// How many distinct offending values (groups).
    public var groups: Int
  }

  /// The groups: errors first, then warnings, then information; within a severity by code
  /// (in the order each code was first found), then by value.
  public let groups: [Group]

  /// How many places of a collapsed group a line lists before it gives a count.
  public static let listedPlaces = 12

  /// Groups the diagnostics.
  public init(_ diagnostics: [Diagnostic]) {
    var order: [String] = []
    var byKey: [String: Group] = [:]
    var codeRank: [String: Int] = [:]
    for d in diagnostics {
      let key = "\(d.severity.rawValue)\u{1F}\(d.code)\u{1F}\(d.value ?? "\u{1E}" + d.message)"
      if codeRank[d.code] == nil { codeRank[d.code] = codeRank.count }
      if byKey[key] == nil {
        order.append(key)
        byKey[key] = Group(code: d.code, severity: d.severity, value: d.value, diagnostics: [])
      }
      byKey[key]?.diagnostics.append(d)
    }
    let rank: [Severity: Int] = [.error: 0, .warning: 1, .info: 2]
    let indexed = order.enumerated().compactMap { index, key in byKey[key].map { (index, $0) } }
    groups = indexed.sorted { a, b in
      let (ga, gb) = (a.1, b.1)
      if ga.severity != gb.severity {
        return rank[ga.severity, default: 3] < rank[gb.severity, default: 3]
      }
      let (ca, cb) = (codeRank[ga.code] ?? 0, codeRank[gb.code] ?? 0)
      return ca != cb ? ca < cb : a.0 < b.0
    }.map(\.1)
  }

  /// Counts per code, errors first, in the order of ``groups``.
  public var summary: [CodeCount] {
    var result: [CodeCount] = []
    var index: [String: Int] = [:]
    for group in groups {
      let key = "\(group.severity.rawValue) \(group.code)"
      if let i = index[key] {
        result[i].count += group.diagnostics.count
        result[i].groups += 1
      } else {
        index[key] = result.count
        result.append(
          CodeCount(
            code: group.code, severity: group.severity, count: group.diagnostics.count,
            groups: 1))
      }
    }
    return result
  }

  /// The text of one group: the first diagnostic as the compiler-style line (with its hint),
  /// and for a collapsed group the count and the places of the others on the line after.
  public static func text(_ group: Group) -> String {
    var text = group.first.description
    let rest = group.diagnostics.dropFirst()
    guard !rest.isEmpty else { return text }
    let places = rest.map { d -> String in
      guard let location = d.location else { return "?" }
      let position = location.line.map { "line \($0)" } ?? location.reference
      if location.file == group.first.location?.file, let position { return position }
      return [location.file, position].compactMap { $0 }.joined(separator: " ")
    }
    let listed = places.prefix(listedPlaces).joined(separator: ", ")
    let more = places.count > listedPlaces ? ", … (\(places.count - listedPlaces) more places)" : ""
    text +=
      "\n  \(group.diagnostics.count) times with the same value [\(group.code)]; also at: "
      + listed + more
    return text
  }

  /// The console's lines: a heading per severity, one entry per group (at most `limit`
  /// groups; the codes of those left out are named with their counts), then the summary per
  /// code.
  ///
  /// - Parameter limit: the most groups shown in full.
  public func lines(limit: Int = 40) -> [String] {
    var out: [String] = []
    var shown = 0
    var hidden: [String: (Severity, Int)] = [:]
    var hiddenOrder: [String] = []
    var heading: Severity?
    for group in groups {
      if shown >= limit {
        if hidden[group.code] == nil { hiddenOrder.append(group.code) }
        let previous = hidden[group.code]?.1 ?? 0
        hidden[group.code] = (group.severity, previous + group.diagnostics.count)
        continue
      }
      if heading != group.severity {
        heading = group.severity
        let count = groups.filter { $0.severity == group.severity }
          .reduce(0) { $0 + $1.diagnostics.count }
        out.append("\(Self.plural(group.severity)) (\(count)):")
      }
      out.append(Self.text(group))
      shown += 1
    }
    if !hidden.isEmpty {
      let named = hiddenOrder.compactMap { code in
        hidden[code].map { "\(code) \($0.0.rawValue) ×\($0.1)" }
      }
      out.append(
        "… not shown here (see the report's Kontroll sheet): " + named.joined(separator: ", "))
    }
    let summary = summary
    if !summary.isEmpty {
      out.append("Per code:")
      let width = summary.map(\.code.count).max() ?? 0
      for entry in summary {
        let padded = entry.code + String(repeating: " ", count: width - entry.code.count)
        let values = entry.groups < entry.count ? " (\(entry.groups) distinct)" : ""
        out.append("  \(entry.severity.rawValue.padding(7))  \(padded)  \(entry.count)\(values)")
      }
    }
    return out
  }

  private static func plural(_ severity: Severity) -> String {
    switch severity {
    case .error: return "Errors"
    case .warning: return "Warnings"
    case .info: return "Information"
    }
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }
}
