import Canonical

/// The red thread of a board report as one self-contained HTML page: national goals, then
/// each KF-mål with its nämndmål, and under each nämndmål every unit's enhetsmål with their
/// nyckeltal and activities; what links nowhere is listed under *Utan koppling*.
///
/// Everything is inline (CSS, the status symbols); nothing is loaded from the network. The
/// page reads without JavaScript: the tree is nested lists in `<details open>` disclosures
/// (keyboard-operable, printed fully). A small script only adds a filter by unit and a
/// search box. Status is a word, a symbol and a colour (the colour only as a border and
/// tint), so it survives black-and-white printing; the print stylesheet opens every branch.
///
/// ```swift
/// let html = RedThreadPage(report: report).html
/// ```
public struct RedThreadPage: Sendable {
  /// The report.
  public var report: BoardReport
  /// The words used.
  public var labels: ReportLabels

  /// Creates a page.
  public init(report: BoardReport, labels: ReportLabels = .swedish) {
    self.report = report
    self.labels = labels
  }

  private struct UnitGoal {
    var link: RedThreadPath.Link
    var leaves: [RedThreadPath.Leaf] = []
  }

  /// The page.
  public var html: String {
    var out = ""
    let title = "Röd tråd – \(report.boardName), \(report.period.swedishLabel)"
    out += "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>\(Self.escape(title))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n"
    out += "<a class=\"skip\" href=\"#innehall\">Till innehållet</a>\n"
    out += "<header>\n<h1>\(Self.escape(title))</h1>\n<p class=\"meta\">"
    out += [
      report.municipalityName, report.boardName, report.period.swedishLabel,
      "rapportdatum \(report.reportDate)",
    ].compactMap { $0.map(Self.escape) }
      .joined(separator: " · ")
    out += "</p>\n" + legend() + "</header>\n"
    out += "<nav aria-label=\"Filter\" id=\"verktyg\"></nav>\n"
    out += "<main id=\"innehall\">\n"
    out += nationalSection()
    out += councilSections()
    out += nationalOnlySection()
    out += unlinkedSection()
    out += "</main>\n<footer><p>Skapad av RedThread från enheternas arbetsplaner.</p></footer>\n"
    out += "<script>\n\(Self.script)</script>\n</body>\n</html>\n"
    return out
  }

  // MARK: Parts

  private func legend() -> String {
    let items: [(ReportCell.Tone, String)] = [
      (.good, "uppnått / uppfyllt / enligt plan"), (.caution, "delvis / saknas"),
      (.bad, "ej uppnått / försenad"), (.muted, "kan ej bedömas"),
    ]
    return "<p class=\"legend\">Status: "
      + items.map { tone, text in
        "<span class=\"status \(tone.rawValue)\">\(ReportLayout.symbol(tone)) \(text)</span>"
      }.joined(separator: " ") + "</p>\n"
  }

  private func nationalSection() -> String {
    var national: [RedThreadPath.Link] = []
    var councils: [String: [RedThreadPath.Link]] = [:]
    for path in report.paths {
      for n in path.national {
        if !national.contains(n) { national.append(n) }
        if let c = path.council, !(councils[n.id] ?? []).contains(c) {
          councils[n.id, default: []].append(c)
        }
      }
    }
    guard !national.isEmpty else { return "" }
    var out =
      "<section aria-labelledby=\"nationella\">\n<h2 id=\"nationella\">Nationella mål</h2>\n<ul class=\"national\">\n"
    for n in national {
      out +=
        "<li><span class=\"level\">Nationellt mål</span> <strong>\(Self.escape(n.id))</strong> \(Self.escape(n.title))"
      let served = councils[n.id] ?? []
      if !served.isEmpty {
        out +=
          " → "
          + served.map { "<a href=\"#\(Self.anchor($0.id))\">\(Self.escape($0.id))</a>" }
          .joined(separator: ", ")
      }
      out += "</li>\n"
    }
    return out + "</ul>\n</section>\n"
  }

  private func goalRow(_ id: String, unitID: String?) -> GoalRow? {
    report.goals.first { $0.goalID == id && (unitID == nil || $0.unitID == unitID) }
  }

  private func councilSections() -> String {
    var councils: [RedThreadPath.Link] = []
    for path in report.paths {
      if let c = path.council, path.board != nil, !councils.contains(c) { councils.append(c) }
    }
    var out = ""
    for council in councils {
      let paths = report.paths.filter { $0.council == council }
      let national = paths.flatMap(\.national).reduce(into: [RedThreadPath.Link]()) {
        if !$0.contains($1) { $0.append($1) }
      }
      out += "<section class=\"council\" aria-labelledby=\"\(Self.anchor(council.id))\">\n"
      out +=
        "<h2 id=\"\(Self.anchor(council.id))\"><span class=\"level\">KF-mål</span> "
        + "\(Self.escape(council.id)) \(Self.escape(council.title))</h2>\n"
      if !national.isEmpty {
        out +=
          "<p class=\"serves\">Bidrar till nationella mål: "
          + national.map { "\(Self.escape($0.id)) \(Self.escape($0.title))" }
          .joined(separator: "; ") + "</p>\n"
      }
      var boards: [RedThreadPath.Link] = []
      for p in paths { if let b = p.board, !boards.contains(b) { boards.append(b) } }
      for board in boards {
        out += boardGoal(board, paths: paths.filter { $0.board == board })
      }
      out += "</section>\n"
    }
    return out
  }

  private func boardGoal(_ board: RedThreadPath.Link, paths: [RedThreadPath]) -> String {
    let row = goalRow(board.id, unitID: report.boardID) ?? goalRow(board.id, unitID: nil)
    var out =
      "<section class=\"board\">\n<h3><span class=\"level\">Nämndmål</span> "
      + "\(Self.escape(board.id)) \(Self.escape(board.title)) "
      + fulfilment(row?.fulfilment) + "</h3>\n"
    if let analysis = row?.analysis {
      out += "<p class=\"analysis\"><strong>Analys:</strong> \(Self.escape(analysis))</p>\n"
    }
    // The board's own nyckeltal (paths without an enhetsmål).
    let own = paths.filter { $0.unitGoal == nil }.compactMap(\.leaf)
    if !own.isEmpty {
      out += "<ul class=\"leaves\" data-unit=\"\(Self.escape(report.boardName))\">\n"
      out += own.map { leaf($0, unitID: report.boardID) }.joined() + "</ul>\n"
    }
    var units: [String] = []
    for p in paths where p.unitGoal != nil {
      if let u = p.unitName, !units.contains(u) { units.append(u) }
    }
    if !units.isEmpty {
      out +=
        "<details open><summary>Enheternas mål och aktiviteter (\(units.count) enheter)"
        + "</summary>\n"
    }
    for unit in units {
      out += "<div class=\"unit\" data-unit=\"\(Self.escape(unit))\">\n"
      out +=
        "<h4><span class=\"level\">Enhet</span> \(Self.escape(unit))</h4>\n<ul class=\"goals\">\n"
      var goals: [UnitGoal] = []
      for p in paths where p.unitName == unit {
        guard let g = p.unitGoal else { continue }
        if let i = goals.firstIndex(where: { $0.link == g }) {
          if let l = p.leaf { goals[i].leaves.append(l) }
        } else {
          goals.append(UnitGoal(link: g, leaves: p.leaf.map { [$0] } ?? []))
        }
      }
      let unitID = paths.first { $0.unitName == unit }?.unitID
      for g in goals {
        let row = goalRow(g.link.id, unitID: unitID)
        out +=
          "<li class=\"goal\"><details open><summary><span class=\"level\">Enhetsmål</span> "
          + "<strong>\(Self.escape(g.link.id))</strong> \(Self.escape(g.link.title)) "
          + fulfilment(row?.fulfilment) + "</summary>\n"
        if g.leaves.isEmpty {
          out += "<p class=\"empty\">Inga nyckeltal eller aktiviteter.</p>\n"
        } else {
          out +=
            "<ul class=\"leaves\">\n" + g.leaves.map { leaf($0, unitID: unitID) }.joined()
            + "</ul>\n"
        }
        out += "</details></li>\n"
      }
      out += "</ul>\n</div>\n"
    }
    if !units.isEmpty { out += "</details>\n" }
    return out + "</section>\n"
  }

  /// Enhetsmål aligned to a national goal but to no nämndmål (common for förskolor, Lpfö18):
  /// a whole thread, shown by national goal.
  private func nationalOnlySection() -> String {
    let paths = report.paths.filter { $0.board == nil && $0.unitGoal != nil && !$0.isBroken }
    guard !paths.isEmpty else { return "" }
    var out = "<section aria-labelledby=\"direkt-nationella\">\n"
    out += "<h2 id=\"direkt-nationella\">Enhetsmål kopplade direkt till nationella mål</h2>\n"
    var units: [String] = []
    for p in paths { if let u = p.unitName, !units.contains(u) { units.append(u) } }
    for unit in units {
      let own = paths.filter { $0.unitName == unit }
      out += "<div class=\"unit\" data-unit=\"\(Self.escape(unit))\">\n"
      out +=
        "<h3><span class=\"level\">Enhet</span> \(Self.escape(unit))</h3>\n<ul class=\"goals\">\n"
      var seen: [RedThreadPath.Link] = []
      for p in own {
        guard let g = p.unitGoal, !seen.contains(g) else { continue }
        seen.append(g)
        let row = goalRow(g.id, unitID: p.unitID)
        let national = p.national.map { "\(Self.escape($0.id)) \(Self.escape($0.title))" }
          .joined(separator: "; ")
        out +=
          "<li class=\"goal\"><span class=\"level\">Enhetsmål</span> "
          + "<strong>\(Self.escape(g.id))</strong> \(Self.escape(g.title)) "
          + fulfilment(row?.fulfilment)
          + "<p class=\"serves\">Nationella mål: \(national)</p>\n"
        let leaves = own.filter { $0.unitGoal == g }.compactMap(\.leaf)
        if !leaves.isEmpty {
          out +=
            "<ul class=\"leaves\">\n"
            + leaves.map { leaf($0, unitID: p.unitID) }.joined() + "</ul>\n"
        }
        out += "</li>\n"
      }
      out += "</ul>\n</div>\n"
    }
    return out + "</section>\n"
  }

  private func unlinkedSection() -> String {
    let broken = report.paths.filter { $0.isBroken }
    var out = "<section aria-labelledby=\"utan-koppling\" class=\"unlinked\">\n"
    out += "<h2 id=\"utan-koppling\">Utan koppling</h2>\n"
    guard !broken.isEmpty else {
      return out + "<p>Allt är kopplat hela vägen upp.</p>\n</section>\n"
    }
    out +=
      "<p>Mål, nyckeltal och aktiviteter som inte når hela vägen upp. De visas här för att inget ska döljas.</p>\n<ul>\n"
    for p in broken {
      var parts: [String] = []
      if let c = p.council { parts.append("KF-mål \(Self.escape(c.id))") }
      if let b = p.board { parts.append("Nämndmål \(Self.escape(b.id)) \(Self.escape(b.title))") }
      if let u = p.unitName { parts.append(Self.escape(u)) }
      if let g = p.unitGoal {
        parts.append("Enhetsmål <strong>\(Self.escape(g.id))</strong> \(Self.escape(g.title))")
      }
      let gap = p.leaf == nil ? " <em>(inget under)</em>" : ""
      out +=
        "<li data-unit=\"\(Self.escape(p.unitName ?? report.boardName))\">"
        + parts.joined(separator: " → ") + gap
      if let l = p.leaf { out += "<ul class=\"leaves\">\(leaf(l, unitID: p.unitID))</ul>" }
      out += "</li>\n"
    }
    return out + "</ul>\n</section>\n"
  }

  private func leaf(_ leaf: RedThreadPath.Leaf, unitID: String?) -> String {
    switch leaf {
    case .kpi(let id, let name, let status):
      let kpi =
        report.kpis.first { $0.kpiID == id && $0.unitID == unitID }
        ?? report.kpis.first { $0.kpiID == id && $0.unitID == nil }
      var values: [String] = []
      if let target = kpi?.targetDisplay ?? kpi?.targetText { values.append("målvärde \(target)") }
      if let outcome = kpi?.outcome, let kpi {
        let cell = ReportCell.number(outcome, kpi.measure == .percent ? .percent : .decimal)
        values.append("utfall \(cell.displayText)")
      } else if kpi?.notCompiled == true {
        values.append("utfall \(labels.notCompiled.lowercased())")
      }
      let detail =
        values.isEmpty
        ? "" : " <span class=\"values\">(\(Self.escape(values.joined(separator: ", "))))</span>"
      return
        "<li class=\"kpi\"><span class=\"level\">Nyckeltal</span> <strong>\(Self.escape(id))</strong> "
        + "\(Self.escape(name))\(detail) "
        + Self.status(status.swedishLabel, ReportLayout.tone(status)) + "</li>\n"
    case .activity(_, let title, let status, let delayed):
      let word = delayed ? labels.activityDelayed : status
      let tone: ReportCell.Tone? =
        delayed
        ? .bad
        : Activity.Status.allCases.first { $0.swedishLabel == status }
          .flatMap(ReportLayout.tone)
      return "<li class=\"activity\"><span class=\"level\">Aktivitet</span> \(Self.escape(title)) "
        + (tone.map { Self.status(word, $0) }
          ?? "<span class=\"status plain\">• \(Self.escape(word))</span>") + "</li>\n"
    }
  }

  private func fulfilment(_ level: Assessment.Level?) -> String {
    Self.status(level?.swedishLabel ?? labels.notJudged, ReportLayout.tone(level))
  }

  private static func status(_ word: String, _ tone: ReportCell.Tone) -> String {
    "<span class=\"status \(tone.rawValue)\">\(ReportLayout.symbol(tone)) \(escape(word))</span>"
  }

  /// Escapes text for HTML element content and attribute values.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  private static func anchor(_ id: String) -> String {
    "mal-" + String(id.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
  }

  static let css = """
    :root { --good: #006100; --caution: #9c5700; --bad: #9c0006; --muted: #595959; }
    body { font-family: system-ui, "Segoe UI", Calibri, sans-serif; margin: 0 auto; max-width: 70rem;
      padding: 1rem 1.5rem; color: #1b1b1b; line-height: 1.45; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; }
    h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.3rem; margin-top: 2rem;
      border-bottom: 2px solid #1f4e78; } h3 { font-size: 1.1rem; margin: .2rem 0; }
    h4 { font-size: 1rem; margin: .8rem 0 .2rem; }
    .meta { color: #444; margin-top: 0; } .level { font-size: .75rem; text-transform: uppercase;
      letter-spacing: .04em; color: #555; border: 1px solid #bbb; border-radius: 3px; padding: 0 .3em; }
    details { margin: .3rem 0; } summary { cursor: pointer; } summary:focus-visible,
    a:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; }
    section.board { border-left: 4px solid #1f4e78; padding: .3rem .8rem; margin: 1rem 0; }
    .unit { margin-left: 1rem; } ul { padding-left: 1.2rem; } li { margin: .15rem 0; }
    .status { display: inline-block; font-weight: 600; font-size: .85rem; padding: 0 .4em;
      border: 1px solid currentColor; border-left-width: 5px; border-radius: 3px; white-space: nowrap; }
    .status.good { color: var(--good); background: #e6f4ea; } .status.caution { color: var(--caution);
      background: #fff6d6; } .status.bad { color: var(--bad); background: #fde8ea; }
    .status.muted, .status.plain { color: var(--muted); background: #f0f0f0; }
    .values { color: #444; } .analysis { background: #f7f7f7; padding: .4rem .6rem; }
    .legend .status { margin-right: .3rem; } nav#verktyg { margin: 1rem 0; }
    nav#verktyg label { margin-right: 1rem; } [hidden] { display: none !important; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; } nav#verktyg, .skip, script { display: none; }
      details > *:not(summary) { display: block !important; } li.goal { break-inside: avoid; }
      .status { background: none !important; color: #000 !important; border-color: #000; }
      a { color: #000; text-decoration: none; } h2 { break-after: avoid; }
    }

    """

  static let script = """
    (function () {
      var nav = document.getElementById('verktyg');
      var blocks = Array.prototype.slice.call(document.querySelectorAll('[data-unit]'));
      var units = [];
      blocks.forEach(function (b) { var u = b.getAttribute('data-unit');
        if (units.indexOf(u) < 0) { units.push(u); } });
      var select = document.createElement('select'); select.id = 'enhet';
      var all = document.createElement('option'); all.value = ''; all.textContent = 'Alla enheter';
      select.appendChild(all);
      units.forEach(function (u) { var o = document.createElement('option'); o.value = u;
        o.textContent = u; select.appendChild(o); });
      var search = document.createElement('input'); search.type = 'search'; search.id = 'sok';
      var l1 = document.createElement('label'); l1.htmlFor = 'enhet'; l1.textContent = 'Enhet: ';
      var l2 = document.createElement('label'); l2.htmlFor = 'sok'; l2.textContent = 'Sök: ';
      l1.appendChild(select); l2.appendChild(search); nav.appendChild(l1); nav.appendChild(l2);
      function apply() {
        var unit = select.value; var q = search.value.toLowerCase();
        blocks.forEach(function (b) { b.hidden = unit !== '' && b.getAttribute('data-unit') !== unit; });
        document.querySelectorAll('li.kpi, li.activity, li.goal').forEach(function (li) {
          li.hidden = q !== '' && li.textContent.toLowerCase().indexOf(q) < 0 &&
            !(li.classList.contains('goal') && li.querySelector('li:not([hidden])')); });
      }
      select.addEventListener('change', apply); search.addEventListener('input', apply);
    })();

    """
}
