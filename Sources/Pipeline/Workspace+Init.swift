public import Canonical
public import Foundation

extension Workspace {
  /// What `redthread init` made.
  public struct InitResult: Sendable {
    /// Files and folders created, relative to the workspace.
    public var created: [String]
    /// Mapping files copied into `mappings/`.
    public var mappingsCopied: Int
  }

  /// Scaffolds a workspace: the folders, `redthread.yaml`, a unit register template, the
  /// national goals (Lgr22 and Lpfö18 chapter 2 headings) and, when a folder of shipped
  /// mappings is given, a copy of it in `mappings/` for the municipality to adapt.
  ///
  /// - Parameters:
  ///   - municipality: the municipality's id, e.g. `hofors`.
  ///   - board: the board's id, e.g. `bun`.
  ///   - period: the first follow-up period.
  ///   - shippedMappings: the folder of mapping files to copy, if found.
  /// - Throws: ``PipelineError`` `already-initialised` when `redthread.yaml` exists (nothing
  ///   is overwritten), `workspace-unusable` or `write-failed`.
  public func initialise(
    municipality: String, board: String, period: Period, shippedMappings: URL?
  ) throws -> InitResult {
    let fm = FileManager.default
    if fm.fileExists(atPath: configFile.path) {
      throw PipelineError(
        .alreadyInitialised, "a configuration already exists; nothing was changed",
        location: .init(file: configFile.path))
    }
    var created: [String] = []
    for folder in [inbox, processing, archive, rejected, store, reports]
    where !fm.fileExists(atPath: folder.path) {
      created.append(folder.lastPathComponent + "/")
    }
    try createFolders()
    let config = """
      # RedThread workspace: drop files into inbox/ and run `redthread run \(root.lastPathComponent)`.
      municipality: \(municipality)
      board: \(board)                 # id of the board (nämnd) in reference/units.yaml
      period: \(period.id)              # the follow-up period: 2026, 2026-T2, 2026-Q3, 2025/26 …
      reference: [reference/units.yaml, reference/national-goals.yaml]
      mappings: [mappings]          # folders of mapping files, relative to this file
      report: { language: sv }
      inbox: { settle_seconds: 5 }  # a file must keep its size this long before it is taken

      """
    try Workspace.writeAtomically(Data(config.utf8), to: configFile)
    created.append("redthread.yaml")

    let reference = root.appendingPathComponent("reference")
    let unitsURL = reference.appendingPathComponent("units.yaml")
    if !fm.fileExists(atPath: unitsURL.path) {
      let units = """
        # The organisation register: every unit that delivers files, with the names files use.
        municipality: { id: \(municipality), name: \(municipality), code: "0000" }
        units:
          - { id: \(board), name: \(board), kind: board, parent: \(municipality) }
          # - { id: skola-1, name: Skolan, aliases: [Skolan F-6], kind: school, parent: \(board), schoolUnitCode: "12345678" }

        """
      try Workspace.writeAtomically(Data(units.utf8), to: unitsURL)
      created.append("reference/units.yaml")
    }
    let goalsURL = reference.appendingPathComponent("national-goals.yaml")
    if !fm.fileExists(atPath: goalsURL.path) {
      try Workspace.writeAtomically(Data(Self.nationalGoalsYAML.utf8), to: goalsURL)
      created.append("reference/national-goals.yaml")
    }

    var copied = 0
    let mappings = root.appendingPathComponent("mappings")
    if let shippedMappings, !fm.fileExists(atPath: mappings.path) {
      try fm.createDirectory(at: mappings, withIntermediateDirectories: true)
      // The whole tree: mappings extend and include files in subfolders (shared/).
      let names = (try? fm.contentsOfDirectory(atPath: shippedMappings.path)) ?? []
      for name in names.sorted() where !name.hasPrefix(".") {
        let source = shippedMappings.appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: source.path, isDirectory: &isFolder) else { continue }
        let isMapping = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
        guard isFolder.boolValue || isMapping else { continue }
        try fm.copyItem(at: source, to: mappings.appendingPathComponent(name))
        if isMapping && !isFolder.boolValue { copied += 1 }
      }
      created.append("mappings/")
    }
    return InitResult(created: created, mappingsCopied: copied)
  }

  /// The national goals: the headings of chapter 2 of Lgr22 and Lpfö18 (Skolverket).
  public static let nationalGoalsYAML = """
    # National goals: the headings of chapter 2 of the curricula, one goal each.
    #   Lgr22  = Läroplan för grundskolan, förskoleklassen och fritidshemmet 2022, kap. 2.
    #   Lpfö18 = Läroplan för förskolan, kap. 2 Mål och riktlinjer (Skolverket).
    goals:
      - { id: LGR22-2.1, title: Normer och värden, level: national, source: "Lgr22 kap. 2.1" }
      - { id: LGR22-2.2, title: Kunskaper, level: national, source: "Lgr22 kap. 2.2" }
      - { id: LGR22-2.3, title: Elevernas ansvar och inflytande, level: national, source: "Lgr22 kap. 2.3" }
      - { id: LGR22-2.4, title: Skola och hem, level: national, source: "Lgr22 kap. 2.4" }
      - { id: LGR22-2.5, title: Övergång och samverkan, level: national, source: "Lgr22 kap. 2.5" }
      - { id: LGR22-2.6, title: Skolan och omvärlden, level: national, source: "Lgr22 kap. 2.6" }
      - { id: LGR22-2.7, title: Bedömning och betyg, level: national, source: "Lgr22 kap. 2.7" }
      - { id: LGR22-2.8, title: Rektorns ansvar, level: national, source: "Lgr22 kap. 2.8" }
      - { id: LPFO18-2.1, title: Normer och värden, level: national, source: "Lpfö18 kap. 2.1" }
      - { id: LPFO18-2.2, title: "Omsorg, utveckling och lärande", level: national, source: "Lpfö18 kap. 2.2" }
      - { id: LPFO18-2.3, title: Barns delaktighet och inflytande, level: national, source: "Lpfö18 kap. 2.3" }
      - { id: LPFO18-2.4, title: Förskola och hem, level: national, source: "Lpfö18 kap. 2.4" }
      - { id: LPFO18-2.5, title: Övergång och samverkan, level: national, source: "Lpfö18 kap. 2.5" }
      - { id: LPFO18-2.6, title: "Uppföljning, utvärdering och utveckling", level: national, source: "Lpfö18 kap. 2.6" }
      - { id: LPFO18-2.7, title: Förskollärares ansvar i undervisningen, level: national, source: "Lpfö18 kap. 2.7" }
      - { id: LPFO18-2.8, title: Rektorns ansvar, level: national, source: "Lpfö18 kap. 2.8" }

    """
}
