public import Canonical
public import Foundation
import GRDB
public import Spreadsheet
import Validation

/// The pipeline store in one SQLite file, `DIR/store/redthread.sqlite`, through GRDB: WAL
/// mode, a busy timeout for a second process, forward-only migrations.
///
/// Tables (see docs/architecture.md):
/// - `file`: each received file (sha256, name, size, times, outcome, unit, plan kind, period,
///   mapping and version, where its bytes lie, delivery key);
/// - `record`: one row per canonical record (kind, unit, period, measurement identity and
///   comparison series, JSON payload), so a period's dataset is one query, not a decoding of
///   every file;
/// - `diagnostic`: every diagnostic, by file;
/// - `report`, `report_file`: every report version and the files it was built from;
/// - `meta`: one-time facts (the JSON store imported).
public final class SQLiteStore: PipelineStore {
  let pool: DatabasePool
  /// The database file.
  public let url: URL

  /// Opens (creating and migrating when needed) the store at a file.
  ///
  /// - Throws: ``PipelineError`` `workspace-unusable` when the file cannot be opened or is
  ///   from a newer version of RedThread.
  public init(url: URL) throws {
    self.url = url
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    do {
      let folder = url.deletingLastPathComponent()
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      // Two processes opening a new store at once (a `watch` starting beside a `run`) would
      // both find no tables and both create them; an exclusive `flock` on the store's folder
      // makes opening and migrating one process at a time (SQLite's own locks are `fcntl`
      // locks on the database file, which a folder's `flock` does not touch).
      let folderFD = Glibc.open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if folderFD >= 0 {
        while flock(folderFD, LOCK_EX) != 0 && errno == EINTR {}
      }
      defer {
        if folderFD >= 0 {
          _ = flock(folderFD, LOCK_UN)
          close(folderFD)
        }
      }
      pool = try DatabasePool(path: url.path, configuration: configuration)
      let migrator = Self.migrator
      if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
        throw PipelineError(
          .workspaceUnusable,
          "the store was written by a newer version of RedThread; use that version",
          location: SourceLocation(file: url.path))
      }
      try migrator.migrate(pool)
    } catch let error as PipelineError {
      throw error
    } catch {
      throw PipelineError(
        .workspaceUnusable, "cannot open the store: \(error)",
        location: SourceLocation(file: url.path), underlying: error)
    }
  }

  /// The store of a workspace, importing a JSON `store/` of an earlier version on first use.
  public static func open(_ workspace: Workspace) throws -> SQLiteStore {
    let store = try SQLiteStore(url: workspace.storeDatabase)
    try store.importLegacy(workspace: workspace)
    return store
  }

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE file (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL,
            name TEXT NOT NULL,
            size INTEGER NOT NULL,
            modified REAL,
            received REAL NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN
              ('converted', 'rejected', 'duplicate', 'superseded', 'withdrawn')),
            unit TEXT,
            plan_kind TEXT,
            period TEXT,
            mapping TEXT,
            mapping_version INTEGER,
            stored_as TEXT,
            detail TEXT,
            delivery_key TEXT
          );
          CREATE INDEX file_sha256 ON file(sha256);
          CREATE INDEX file_delivery ON file(delivery_key, outcome);
          CREATE INDEX file_outcome ON file(outcome);
          CREATE INDEX file_period ON file(period);
          CREATE TABLE record (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES file(id),
            kind TEXT NOT NULL,
            seq INTEGER NOT NULL,
            unit TEXT,
            period TEXT,
            identity TEXT,
            payload TEXT NOT NULL
          );
          CREATE INDEX record_file ON record(file_id, kind);
          CREATE INDEX record_identity ON record(identity, file_id) WHERE identity IS NOT NULL;
          CREATE INDEX record_period ON record(period, kind);
          CREATE TABLE diagnostic (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES file(id),
            code TEXT NOT NULL,
            severity TEXT NOT NULL,
            payload TEXT NOT NULL
          );
          CREATE INDEX diagnostic_file ON diagnostic(file_id);
          CREATE TABLE report (
            id INTEGER PRIMARY KEY,
            board TEXT NOT NULL,
            period TEXT NOT NULL,
            version INTEGER NOT NULL,
            path TEXT NOT NULL,
            written REAL NOT NULL,
            fingerprint TEXT NOT NULL,
            UNIQUE (board, period, version)
          );
          CREATE TABLE report_file (
            report_id INTEGER NOT NULL REFERENCES report(id),
            file_id INTEGER NOT NULL REFERENCES file(id),
            PRIMARY KEY (report_id, file_id)
          );
          CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
          """)
    }
    // A measurement's comparison series (Riket, the county) as a column, so that publish
    // chooses a board's measurements in SQL.
    migrator.registerMigration("v2") { db in
      try db.execute(
        sql: """
          ALTER TABLE record ADD COLUMN comparison TEXT;
          UPDATE record SET comparison = json_extract(payload, '$.comparison')
            WHERE kind = 'measurement';
          """)
    }
    return migrator
  }

  // MARK: Files

  static let fileColumns =
    "id, sha256, name, size, modified, received, outcome, unit, plan_kind, period, mapping, "
    + "mapping_version, stored_as, detail, delivery_key"

  static func receivedFile(_ row: GRDB.Row) -> ReceivedFile {
    let modified: Double? = row["modified"]
    let received: Double = row["received"]
    let outcome: String = row["outcome"]
    return ReceivedFile(
      id: row["id"], sha256: row["sha256"], name: row["name"], size: row["size"],
      modified: modified.map { Date(timeIntervalSince1970: $0) },
      received: Date(timeIntervalSince1970: received),
      outcome: ReceivedFile.Outcome(rawValue: outcome) ?? .rejected, unit: row["unit"],
      planKind: row["plan_kind"], period: row["period"], mapping: row["mapping"],
      mappingVersion: row["mapping_version"], storedAs: row["stored_as"], detail: row["detail"],
      deliveryKey: row["delivery_key"])
  }

  func insert(_ file: ReceivedFile, _ db: Database) throws -> Int64 {
    try db.execute(
      sql: """
        INSERT INTO file (sha256, name, size, modified, received, outcome, unit, plan_kind,
          period, mapping, mapping_version, stored_as, detail, delivery_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        file.sha256, file.name, file.size, file.modified?.timeIntervalSince1970,
        file.received.timeIntervalSince1970, file.outcome.rawValue, file.unit, file.planKind,
        file.period, file.mapping, file.mappingVersion, file.storedAs, file.detail,
        file.deliveryKey,
      ])
    return db.lastInsertedRowID
  }

  /// See ``PipelineStore/file(sha256:)``.
  public func file(sha256: String) throws -> ReceivedFile? {
    try read { db in
      try GRDB.Row.fetchOne(
        db,
        sql: "SELECT \(Self.fileColumns) FROM file WHERE sha256 = ? "
          + "AND outcome IN ('converted', 'superseded') ORDER BY id LIMIT 1",
        arguments: [sha256]
      ).map(Self.receivedFile)
    }
  }

  /// See ``PipelineStore/file(id:)``.
  public func file(id: Int64) throws -> ReceivedFile? {
    try read { db in
      try GRDB.Row.fetchOne(
        db, sql: "SELECT \(Self.fileColumns) FROM file WHERE id = ?", arguments: [id]
      ).map(Self.receivedFile)
    }
  }

  /// See ``PipelineStore/files(sha256:)``.
  public func files(sha256: String) throws -> [ReceivedFile] {
    try read { db in
      try GRDB.Row.fetchAll(
        db, sql: "SELECT \(Self.fileColumns) FROM file WHERE sha256 = ? ORDER BY id",
        arguments: [sha256]
      ).map(Self.receivedFile)
    }
  }

  /// See ``PipelineStore/files(outcome:)``.
  public func files(outcome: ReceivedFile.Outcome? = nil) throws -> [ReceivedFile] {
    try read { db in
      if let outcome {
        return try GRDB.Row.fetchAll(
          db, sql: "SELECT \(Self.fileColumns) FROM file WHERE outcome = ? ORDER BY id",
          arguments: [outcome.rawValue]
        ).map(Self.receivedFile)
      }
      return try GRDB.Row.fetchAll(db, sql: "SELECT \(Self.fileColumns) FROM file ORDER BY id").map(
        Self.receivedFile)
    }
  }

  /// See ``PipelineStore/add(_:diagnostics:)``.
  @discardableResult
  public func add(_ file: ReceivedFile, diagnostics: [Diagnostic]) throws -> Int64 {
    try write { db in
      let id = try self.insert(file, db)
      try self.insertDiagnostics(diagnostics, fileID: id, db)
      return id
    }
  }

  /// See ``PipelineStore/update(fileID:outcome:storedAs:detail:)``.
  public func update(
    fileID: Int64, outcome: ReceivedFile.Outcome, storedAs: String?, detail: String?
  ) throws {
    try write { db in
      try db.execute(
        sql: "UPDATE file SET outcome = ?, stored_as = COALESCE(?, stored_as), "
          + "detail = COALESCE(?, detail) WHERE id = ?",
        arguments: [outcome.rawValue, storedAs, detail, fileID])
    }
  }

  // MARK: Ingest

  /// See ``PipelineStore/ingest(_:conversion:)``.
  public func ingest(_ file: ReceivedFile, conversion: Conversion) throws -> IngestResult {
    try write { db in
      var file = file
      if file.deliveryKey == nil { file.deliveryKey = Self.deliveryKey(file, conversion) }
      let plan = conversion.dataset.plans.first
      file.unit = file.unit ?? plan?.unitID
      file.planKind = file.planKind ?? plan?.kind.rawValue
      file.period = file.period ?? plan?.period?.id
      file.mapping = file.mapping ?? conversion.mappingName
      file.mappingVersion = file.mappingVersion ?? conversion.mappingVersion
      file.outcome = .converted
      let id = try self.insert(file, db)
      file.id = id
      var result = IngestResult(fileID: id)
      var notes: [Diagnostic] = []

      // Deliveries: one file counts for a unit, plan kind and period.
      if let key = file.deliveryKey,
        let earlier = try GRDB.Row.fetchOne(
          db,
          sql: "SELECT \(Self.fileColumns) FROM file WHERE delivery_key = ? "
            + "AND outcome = 'converted' AND id != ? ORDER BY id DESC LIMIT 1",
          arguments: [key, id]
        ).map(Self.receivedFile)
      {
        if Self.receivedLater(earlier, than: file) {
          try db.execute(
            sql: "UPDATE file SET outcome = 'superseded', detail = ? WHERE id = ?",
            arguments: ["replaced by '\(earlier.name)'", id])
          result.replacedBy = earlier
          notes.append(Self.duplicateDelivery(winner: earlier, loser: file))
          try self.insertDiagnostics(notes, fileID: earlier.id, db)
          notes = []
        } else {
          try db.execute(
            sql: "UPDATE file SET outcome = 'superseded', detail = ? WHERE id = ?",
            arguments: ["replaced by '\(file.name)'", earlier.id])
          result.replaces = earlier
          notes.append(Self.duplicateDelivery(winner: file, loser: earlier))
        }
      }

      try self.insertRecords(conversion.dataset, file: file, db)

      // Measurements given again: the later file counts.
      if result.replacedBy == nil {
        let rows = try GRDB.Row.fetchAll(
          db,
          sql: """
            SELECT r.file_id AS fid, COUNT(*) AS n FROM record r JOIN file f ON f.id = r.file_id
            WHERE f.outcome = 'converted' AND r.file_id != ?1 AND r.identity IN
              (SELECT identity FROM record WHERE file_id = ?1 AND identity IS NOT NULL)
            GROUP BY r.file_id ORDER BY r.file_id
            """, arguments: [id])
        for row in rows {
          let fid: Int64 = row["fid"]
          let n: Int = row["n"]
          guard
            let other = try GRDB.Row.fetchOne(
              db, sql: "SELECT \(Self.fileColumns) FROM file WHERE id = ?", arguments: [fid]
            ).map(Self.receivedFile)
          else { continue }
          result.replacedMeasurements.append((other, n))
          notes.append(Self.measurementReplaced(by: file, earlier: other, count: n))
        }
      }
      try self.insertDiagnostics(conversion.diagnostics + notes, fileID: id, db)
      return result
    }
  }

  /// See ``PipelineStore/replaceConversion(fileID:conversion:)``.
  public func replaceConversion(fileID: Int64, conversion: Conversion) throws {
    try write { db in
      guard
        let file = try GRDB.Row.fetchOne(
          db, sql: "SELECT \(Self.fileColumns) FROM file WHERE id = ?", arguments: [fileID]
        ).map(Self.receivedFile)
      else { return }
      // What the file holds now, to tell whether converting it again changed anything
      // (payloads compared as JSON values: an encoder may order a dictionary's keys anyhow).
      func contents() throws -> [String] {
        let queries = [
          "SELECT kind, seq, unit, period, identity, payload FROM record WHERE file_id = ? "
            + "ORDER BY id",
          "SELECT code, severity, '', '', '', payload FROM diagnostic WHERE file_id = ? "
            + "ORDER BY id",
          "SELECT unit, plan_kind, period, mapping, mapping_version, delivery_key FROM file "
            + "WHERE id = ?",
        ]
        return try queries.flatMap { sql in
          try GRDB.Row.fetchAll(db, sql: sql, arguments: [fileID]).map { row in
            var fields = (0..<5).map { (row[$0] as DatabaseValue).description }
            fields.append(Self.normalizedJSON(row[5]))
            return fields.joined(separator: "\u{1F}")
          }
        }
      }
      let before = try contents()
      // The notes given when the file was received (which delivery or measurements it
      // replaced, a wrong period) are not the conversion's: they stay.
      let notes = try String.fetchAll(
        db,
        sql: "SELECT payload FROM diagnostic WHERE file_id = ? AND code IN (?, ?, ?) ORDER BY id",
        arguments: [
          fileID, DiagnosticCode.duplicateDelivery.id, DiagnosticCode.measurementReplaced.id,
          DiagnosticCode.wrongPeriod.id,
        ])
      try db.execute(sql: "DELETE FROM record WHERE file_id = ?", arguments: [fileID])
      try db.execute(sql: "DELETE FROM diagnostic WHERE file_id = ?", arguments: [fileID])
      let plan = conversion.dataset.plans.first
      try db.execute(
        sql: "UPDATE file SET unit = ?, plan_kind = ?, period = ?, mapping = ?, "
          + "mapping_version = ?, delivery_key = ? WHERE id = ?",
        arguments: [
          plan?.unitID, plan?.kind.rawValue, plan?.period?.id, conversion.mappingName,
          conversion.mappingVersion, Self.deliveryKey(file, conversion), fileID,
        ])
      try self.insertRecords(conversion.dataset, file: file, db)
      try self.insertDiagnostics(
        conversion.diagnostics.filter { $0.code != DiagnosticCode.wrongPeriod.id }
          + Self.decodeDiagnostics(notes),
        fileID: fileID, db)
      // Only a change is a new revision: converting again with nothing changed writes no new
      // report version.
      guard try contents() != before else { return }
      try db.execute(
        sql: "INSERT INTO meta (key, value) VALUES ('revision', '1') ON CONFLICT(key) "
          + "DO UPDATE SET value = CAST(value AS INTEGER) + 1")
    }
  }

  /// A JSON text with its objects' keys sorted (the text itself when it is not JSON).
  static func normalizedJSON(_ value: DatabaseValue) -> String {
    guard let text = String.fromDatabaseValue(value) else { return value.description }
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
      let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    else { return text }
    return String(decoding: sorted, as: UTF8.self)
  }

  /// See ``PipelineStore/revision()``.
  public func revision() throws -> Int {
    Int(try meta("revision") ?? "0") ?? 0
  }

  /// `plan|unit|kind|period` for a plan that is not a statistics extract, `file|mapping|name`
  /// for a file without a plan; nil for statistics.
  static func deliveryKey(_ file: ReceivedFile, _ conversion: Conversion) -> String? {
    if let plan = conversion.dataset.plans.first {
      if plan.kind == .statistics { return nil }
      return "plan|\(plan.unitID ?? "-")|\(plan.kind.rawValue)|\(plan.period?.id ?? "-")"
    }
    if conversion.dataset.measurements.isEmpty == false { return nil }
    return "file|\(conversion.mappingName)|\(file.name)"
  }

  /// Whether `a` was received after `b`: modification time, then name, then arrival.
  static func receivedLater(_ a: ReceivedFile, than b: ReceivedFile) -> Bool {
    if let ma = a.modified, let mb = b.modified, ma != mb { return ma > mb }
    if a.modified != nil, a.modified == b.modified, a.name != b.name { return a.name > b.name }
    return a.id > b.id
  }

  /// The identity of a measurement: unit, KPI, period, gender, comparison series, and the
  /// further dimensions when there are any.
  public static func identity(of m: Canonical.Measurement) -> String {
    var key = "\(m.unitID ?? "-")|\(m.kpiID)|\(m.period?.id ?? "-")|\(m.gender.rawValue)|"
    key += m.comparison?.rawValue ?? "-"
    if let dimensions = m.dimensions, !dimensions.isEmpty {
      for (k, v) in dimensions.sorted(by: { $0.key < $1.key }) { key += "|\(k)=\(v)" }
    }
    return key
  }

  static func duplicateDelivery(winner: ReceivedFile, loser: ReceivedFile) -> Diagnostic {
    let unit = winner.unit ?? loser.unit ?? "-"
    let period = (winner.period ?? loser.period).flatMap(Period.init(parsing:))
    return DiagnosticCode.duplicateDelivery.diagnostic(
      at: SourceLocation(file: winner.name),
      [
        "unit": unit, "count": "2", "period": period?.swedishLabel ?? winner.period ?? "-",
        "files": DiagnosticTemplate.list([winner.name, loser.name]),
        "file": winner.name, "replaced": loser.name,
      ], value: winner.name,
      hint: "'\(winner.name)' is the later received and counts; "
        + "'redthread withdraw' takes the wrong one out")
  }

  static func measurementReplaced(by file: ReceivedFile, earlier: ReceivedFile, count: Int)
    -> Diagnostic
  {
    DiagnosticCode.measurementReplaced.diagnostic(
      at: SourceLocation(file: file.name),
      ["file": file.name, "replaced": earlier.name, "count": String(count)],
      value: String(count))
  }

  // MARK: Records

  func insertRecords(_ d: Dataset, file: ReceivedFile, _ db: Database) throws {
    let statement = try db.cachedStatement(
      sql: "INSERT INTO record (file_id, kind, seq, unit, period, identity, comparison, "
        + "payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    func put<T: Encodable>(
      _ kind: String, _ items: [T], unit: (T) -> String?, period: (T) -> String?,
      identity: (T) -> String? = { _ in nil }, comparison: (T) -> String? = { _ in nil }
    ) throws {
      for (i, item) in items.enumerated() {
        let payload = String(decoding: try encoder.encode(item), as: UTF8.self)
        try statement.execute(arguments: [
          file.id, kind, i, unit(item), period(item) ?? file.period, identity(item),
          comparison(item), payload,
        ])
      }
    }
    try put("unit", d.units, unit: { $0.id }, period: { _ in nil })
    try put("goal", d.goals, unit: { $0.ownerUnitID }, period: { $0.period?.id })
    try put("kpi", d.kpis, unit: { $0.unitID }, period: { _ in nil })
    try put("target", d.targets, unit: { $0.unitID }, period: { $0.period?.id })
    try put(
      "measurement", d.measurements, unit: { $0.unitID }, period: { $0.period?.id },
      identity: Self.identity(of:), comparison: { $0.comparison?.rawValue })
    try put("activity", d.activities, unit: { $0.unitID }, period: { _ in nil })
    try put("assessment", d.assessments, unit: { $0.unitID }, period: { $0.period?.id })
    try put("plan", d.plans, unit: { $0.unitID }, period: { $0.period?.id })
  }

  func insertDiagnostics(_ diagnostics: [Diagnostic], fileID: Int64, _ db: Database) throws {
    guard !diagnostics.isEmpty else { return }
    let statement = try db.cachedStatement(
      sql: "INSERT INTO diagnostic (file_id, code, severity, payload) VALUES (?, ?, ?, ?)")
    let encoder = JSONEncoder()
    for d in diagnostics {
      let payload = String(decoding: try encoder.encode(d), as: UTF8.self)
      try statement.execute(arguments: [fileID, d.code, d.severity.rawValue, payload])
    }
  }

  /// The condition on `r` (a record joined with its file `f`) for a record that counts.
  static let counts = """
    f.outcome = 'converted' AND (r.identity IS NULL OR NOT EXISTS (
      SELECT 1 FROM record r2 JOIN file f2 ON f2.id = r2.file_id
      WHERE r2.identity = r.identity AND r2.file_id > r.file_id AND f2.outcome = 'converted'))
    """

  /// See ``PipelineStore/countingDataset()``. Records come by file name, then in the order
  /// read, so the same files give the same dataset whatever order they arrived in.
  public func countingDataset() throws -> Dataset {
    try loadCountingDataset(measurementsOf: nil)
  }

  /// See ``PipelineStore/countingDataset(measurementsOf:)``.
  public func countingDataset(measurementsOf measuredUnits: ([OrgUnit]) -> Set<String>)
    throws -> Dataset
  {
    try withoutActuallyEscaping(measuredUnits) {
      try loadCountingDataset(measurementsOf: $0)
    }
  }

  /// The records that count; with `measuredUnits`, only the measurements without a unit, of a
  /// comparison series, or of a unit it names (given the counting unit records), chosen in SQL
  /// before anything is decoded.
  func loadCountingDataset(measurementsOf measuredUnits: (([OrgUnit]) -> Set<String>)?) throws
    -> Dataset
  {
    try read { db in
      var payloads: [String: Data] = [:]
      func collect(_ condition: String, _ arguments: StatementArguments = []) throws {
        let cursor = try GRDB.Row.fetchCursor(
          db,
          sql: "SELECT r.kind, r.payload FROM record r JOIN file f ON f.id = r.file_id "
            + "WHERE \(condition)\(Self.counts) "
            + "ORDER BY f.name, r.file_id, r.kind, r.seq", arguments: arguments)
        while let row = try cursor.next() {
          let kind: String = row[0]
          let payload: String = row[1]
          if payloads[kind] == nil {
            payloads[kind] = Data("[".utf8)
          } else {
            payloads[kind]?.append(UInt8(ascii: ","))
          }
          payloads[kind]?.append(contentsOf: payload.utf8)
        }
      }
      let decoder = JSONDecoder()
      func decode<T: Decodable>(_ kind: String, _: T.Type) throws -> [T] {
        guard var data = payloads[kind] else { return [] }
        data.append(UInt8(ascii: "]"))
        payloads[kind] = nil
        return try decoder.decode([T].self, from: data)
      }
      var units: [OrgUnit]
      if let measuredUnits {
        try collect("r.kind != 'measurement' AND ")
        units = try decode("unit", OrgUnit.self)
        let keys = try JSONEncoder().encode(measuredUnits(units).sorted())
        try collect(
          "r.kind = 'measurement' AND (r.unit IS NULL OR r.comparison IS NOT NULL "
            + "OR r.unit IN (SELECT value FROM json_each(?))) AND ",
          [String(decoding: keys, as: UTF8.self)])
      } else {
        try collect("")
        units = try decode("unit", OrgUnit.self)
      }
      return Dataset(
        units: units, goals: try decode("goal", Goal.self),
        kpis: try decode("kpi", KPI.self), targets: try decode("target", Target.self),
        measurements: try decode("measurement", Canonical.Measurement.self),
        activities: try decode("activity", Activity.self),
        assessments: try decode("assessment", Assessment.self),
        plans: try decode("plan", Plan.self))
    }
  }

  /// See ``PipelineStore/countingDiagnostics()``.
  public func countingDiagnostics() throws -> [Diagnostic] {
    try read { db in
      let payloads = try String.fetchAll(
        db,
        sql: "SELECT d.payload FROM diagnostic d JOIN file f ON f.id = d.file_id "
          + "WHERE f.outcome = 'converted' ORDER BY f.name, d.file_id, d.id")
      return try Self.decodeDiagnostics(payloads)
    }
  }

  /// See ``PipelineStore/diagnostics(fileID:)``.
  public func diagnostics(fileID: Int64) throws -> [Diagnostic] {
    try read { db in
      try Self.decodeDiagnostics(
        try String.fetchAll(
          db, sql: "SELECT payload FROM diagnostic WHERE file_id = ? ORDER BY id",
          arguments: [fileID]))
    }
  }

  static func decodeDiagnostics(_ payloads: [String]) throws -> [Diagnostic] {
    guard !payloads.isEmpty else { return [] }
    let data = Data(("[" + payloads.joined(separator: ",") + "]").utf8)
    return try JSONDecoder().decode([Diagnostic].self, from: data)
  }

  /// See ``PipelineStore/countingFileIDs()``.
  public func countingFileIDs() throws -> [Int64] {
    try read { db in
      try Int64.fetchAll(db, sql: "SELECT id FROM file WHERE outcome = 'converted' ORDER BY id")
    }
  }

  /// See ``PipelineStore/recordCounts(fileID:)``.
  public func recordCounts(fileID: Int64) throws -> [String: Int] {
    try read { db in
      var counts: [String: Int] = [:]
      for row in try GRDB.Row.fetchAll(
        db, sql: "SELECT kind, COUNT(*) FROM record WHERE file_id = ? GROUP BY kind",
        arguments: [fileID])
      {
        counts[row[0]] = row[1]
      }
      return counts
    }
  }

  // MARK: Reports

  /// See ``PipelineStore/latestReport(board:period:)``.
  public func latestReport(board: String, period: String) throws -> ReportVersion? {
    try reports().last { $0.board == board && $0.period == period }
  }

  /// See ``PipelineStore/reports()``.
  public func reports() throws -> [ReportVersion] {
    try read { db in
      let rows = try GRDB.Row.fetchAll(
        db,
        sql: "SELECT id, board, period, version, path, written, fingerprint FROM report "
          + "ORDER BY id")
      return try rows.map { row in
        let id: Int64 = row["id"]
        let written: Double = row["written"]
        let files = try Int64.fetchAll(
          db, sql: "SELECT file_id FROM report_file WHERE report_id = ? ORDER BY file_id",
          arguments: [id])
        return ReportVersion(
          board: row["board"], period: row["period"], version: row["version"],
          path: row["path"], written: Date(timeIntervalSince1970: written),
          fingerprint: row["fingerprint"], fileIDs: files)
      }
    }
  }

  /// See ``PipelineStore/addReport(_:)``.
  public func addReport(_ report: ReportVersion) throws {
    try write { db in
      try db.execute(
        sql: "INSERT INTO report (board, period, version, path, written, fingerprint) "
          + "VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [
          report.board, report.period, report.version, report.path,
          report.written.timeIntervalSince1970, report.fingerprint,
        ])
      let id = db.lastInsertedRowID
      for file in report.fileIDs {
        try db.execute(
          sql: "INSERT INTO report_file (report_id, file_id) VALUES (?, ?)",
          arguments: [id, file])
      }
    }
  }

  // MARK: Meta and the JSON store of earlier versions

  /// See ``PipelineStore/feedbackDigests(period:)``.
  public func feedbackDigests(period: String) throws -> [String: String] {
    guard let text = try meta("feedback-digests|\(period)") else { return [:] }
    return (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
  }

  /// See ``PipelineStore/setFeedbackDigests(_:period:)``.
  public func setFeedbackDigests(_ digests: [String: String], period: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let text = String(decoding: try encoder.encode(digests), as: UTF8.self)
    try write { db in
      try db.execute(
        sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) "
          + "DO UPDATE SET value = excluded.value",
        arguments: ["feedback-digests|\(period)", text])
    }
  }

  func meta(_ key: String) throws -> String? {
    try read { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
  }

  /// Imports `store/*.json` (and `store/rejected/*.json`) written by RedThread before the
  /// SQLite store, once; the JSON files stay where they are.
  func importLegacy(workspace: Workspace) throws {
    guard try meta("legacy-json-imported") == nil else { return }
    let legacy = ResultStore(folder: workspace.store)
    let entries = legacy.entries()
    let rejections = legacy.rejections()
    for entry in entries {
      var bytes: Data?
      if let archived = entry.archivedAs {
        bytes = FileManager.default.contents(
          atPath: workspace.root.appendingPathComponent(archived).path)
      }
      let received = ISO8601DateFormatter().date(from: entry.received) ?? Date()
      let file = ReceivedFile(
        sha256: bytes.map(SHA256.hex) ?? "fnv1a-\(entry.hash)", name: entry.source,
        size: entry.hash.size, modified: nil, received: received, outcome: .converted,
        storedAs: entry.archivedAs)
      _ = try ingest(file, conversion: entry.conversion)
    }
    for (name, diagnostic) in rejections {
      let url = workspace.rejected.appendingPathComponent(name)
      let bytes = FileManager.default.contents(atPath: url.path)
      let file = ReceivedFile(
        sha256: bytes.map(SHA256.hex) ?? "-", name: name, size: bytes?.count ?? 0,
        modified: nil, received: Date(), outcome: .rejected,
        storedAs: "rejected/\(name)", detail: diagnostic.message)
      try add(file, diagnostics: [diagnostic])
    }
    try write { db in
      try db.execute(
        sql: "INSERT INTO meta (key, value) VALUES ('legacy-json-imported', ?)",
        arguments: ["\(entries.count) results, \(rejections.count) rejections"])
    }
  }

  // MARK: Access

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try pool.read(body)
    } catch let error as PipelineError {
      throw error
    } catch {
      throw PipelineError(
        .workspaceUnusable, "cannot read the store: \(error)",
        location: SourceLocation(file: url.path), underlying: error)
    }
  }

  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try pool.write(body)
    } catch let error as PipelineError {
      throw error
    } catch {
      throw PipelineError(
        .writeFailed, "cannot write the store: \(error)",
        location: SourceLocation(file: url.path), underlying: error)
    }
  }

  /// `PRAGMA integrity_check`: `ok`, or what is wrong.
  public func integrityCheck() throws -> String {
    try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?" }
  }
}
