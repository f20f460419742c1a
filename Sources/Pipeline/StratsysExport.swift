public import CSV
public import Canonical
public import Foundation
import Spreadsheet

/// Outcomes (utfall) as import files for Stratsys, so that RedThread can feed a
/// municipality's Stratsys with the values it collected.
///
/// Two of Stratsys's file formats, both one line per value and no header line:
///
/// - ``Format/measureData`` — "Importera måttdata" (Måttinställningar in Stratsys's
///   administration): tab-separated *organisation* (the unit's name as spelled in Stratsys's
///   organisation tree), *period* (a date inside the period), *mått* (the measure's name as
///   spelled in Stratsys), *value*. The measure column is chosen in the import dialog, so a
///   file holds one series: the totals (gender `T`).
/// - ``Format/kpiIntegration`` — Stratsys's KPI integration (nyckeltalsintegration, import
///   from file): semicolon-separated *date*; *unit external code*; *measure external code*;
///   *measure-column external code*; *value*. Every series is written; the measure column's
///   external code is the series: `T` (total), `K` (women, girls), `M` (men, boys).
///
/// From the canonical model: the date is the period's last day (`2026-09-30` for kvartal 3
/// 2026, `2025-12-31` for 2025, `2026-06-30` for läsår 2025/26), which lies in the same
/// month, quarter or year of any periodicity Stratsys gives the measure. The unit is the
/// register's unit (a measurement given by kommunkod, skolenhetskod or Kolada id is the
/// unit's); its name is the register's `name`, its external code the register's `id`. The
/// measure's name is the nyckeltal's name as first read (the verksamhetsplan's Kolada title),
/// its external code the nyckeltal's id (`N15419`). Values are written with a decimal comma,
/// UTF-8, CRLF line ends; text is written as it is (no spreadsheet formula guard: these
/// files are read by an importer, not opened in Excel).
///
/// Left out, and counted in ``Summary``: outcomes with no value (`..`, `-`, `Ej mätt`), with
/// no period, of a unit the register does not know; for ``Format/measureData``, the `K` and
/// `M` series. When several files give the same value (unit, nyckeltal, period, series), the
/// one read last counts.
public enum StratsysExport {
  /// The import file's format.
  public enum Format: String, Sendable, Hashable, CaseIterable {
    /// "Importera måttdata": organisation, period, mått, value; tab-separated.
    case measureData = "stratsys-matt"
    /// KPI integration: date; unit code; measure code; measure-column code; value.
    case kpiIntegration = "stratsys-integration"
  }

  /// One value to import.
  public struct Row: Hashable, Sendable {
    /// A day inside the period: its last day.
    public var date: CalendarDate
    /// The unit's register id (its external code in Stratsys).
    public var unitID: String
    /// The unit's name.
    public var unitName: String
    /// The nyckeltal's id (its external code in Stratsys).
    public var kpiID: String
    /// The nyckeltal's name.
    public var kpiName: String
    /// The series: `T`, `K` or `M` (the measure column's external code).
    public var gender: Canonical.Measurement.Gender
    /// The value.
    public var value: Double
  }

  /// What an export wrote and left out.
  public struct Summary: Hashable, Sendable {
    /// Values written.
    public var written: Int
    /// Outcomes with no value (a missing reason).
    public var withoutValue: Int
    /// Outcomes with no period.
    public var withoutPeriod: Int
    /// Outcomes of units the register does not know, by the unit as written.
    public var unknownUnits: [String]
    /// Outcomes of the `K` and `M` series, left out of a measure-data file.
    public var genderSeries: Int
    /// Outcomes given again by a later file (the later one is written).
    public var replaced: Int
  }

  /// The values of a dataset, in a stable order (date; unit and nyckeltal by name for
  /// measure data, by code for the integration; series T, K, M), and what was left out.
  public static func rows(_ dataset: Dataset, format: Format) -> ([Row], Summary) {
    var register: [String: OrgUnit] = [:]
    for unit in dataset.units where register[unit.id] == nil { register[unit.id] = unit }
    var codes: [String: String] = [:]
    for unit in dataset.units {
      for code in [unit.schoolUnitCode, unit.koladaID, unit.municipalityCode].compactMap({ $0 })
      where codes[code] == nil && register[code] == nil {
        codes[code] = unit.id
      }
    }
    var fileUnit: [String: String] = [:]
    for plan in dataset.plans {
      if let file = plan.provenance?.file, let unit = plan.unitID, fileUnit[file] == nil {
        fileUnit[file] = unit
      }
    }
    var names: [String: String] = [:]
    for kpi in dataset.kpis where names[kpi.id] == nil { names[kpi.id] = kpi.name }

    var summary = Summary(
      written: 0, withoutValue: 0, withoutPeriod: 0, unknownUnits: [], genderSeries: 0,
      replaced: 0)
    struct Key: Hashable {
      var unit: String
      var kpi: String
      var period: Period
      var gender: Canonical.Measurement.Gender
    }
    var byKey: [Key: Row] = [:]
    var order: [Key] = []
    for m in dataset.measurements {
      if format == .measureData && m.gender != .total {
        summary.genderSeries += 1
        continue
      }
      guard let value = m.value else {
        summary.withoutValue += 1
        continue
      }
      guard let period = m.period else {
        summary.withoutPeriod += 1
        continue
      }
      let written = m.unitID ?? m.provenance.flatMap { fileUnit[$0.file] } ?? ""
      guard let unit = register[codes[written] ?? written] else {
        if !summary.unknownUnits.contains(written) { summary.unknownUnits.append(written) }
        continue
      }
      let key = Key(unit: unit.id, kpi: m.kpiID, period: period, gender: m.gender)
      if byKey[key] == nil { order.append(key) } else { summary.replaced += 1 }
      byKey[key] = Row(
        date: period.end, unitID: unit.id, unitName: unit.name, kpiID: m.kpiID,
        kpiName: names[m.kpiID] ?? m.kpiID, gender: m.gender, value: value)
    }
    let genders = Canonical.Measurement.Gender.allCases
    // By date, then as each file is read by people: names for measure data, codes for the
    // integration.
    let byName = format == .measureData
    let rows = order.compactMap { byKey[$0] }.sorted { a, b in
      if a.date != b.date { return a.date < b.date }
      let (ua, ub) = byName ? (a.unitName, b.unitName) : (a.unitID, b.unitID)
      if ua != ub { return ua < ub }
      let (ka, kb) = byName ? (a.kpiName, b.kpiName) : (a.kpiID, b.kpiID)
      if ka != kb { return ka < kb }
      if a.kpiID != b.kpiID { return a.kpiID < b.kpiID }
      return (genders.firstIndex(of: a.gender) ?? 0) < (genders.firstIndex(of: b.gender) ?? 0)
    }
    summary.written = rows.count
    return (rows, summary)
  }

  /// The dialect of a format: tab or semicolon, decimal comma, UTF-8, CRLF, no formula guard.
  public static func dialect(_ format: Format) -> CSVDialect {
    CSVDialect(
      name: format.rawValue, delimiter: format == .measureData ? "\t" : ";", lineEnding: .crlf,
      decimalSeparator: ",", encoding: .utf8, trueText: "1", falseText: "0",
      dateTimeSeparator: " ", formulaGuard: false)
  }

  /// Writes the import file.
  ///
  /// - Parameters:
  ///   - dataset: the records (select the periods first: ``Canonical/Dataset/selecting(_:)``).
  ///   - format: the format.
  ///   - destination: the file.
  /// - Returns: what was written and left out.
  /// - Throws: `CSVError` when the file cannot be written; it is written to a temporary name
  ///   and renamed, so none is left half-written.
  @discardableResult
  public static func write(_ dataset: Dataset, format: Format, to destination: URL) throws
    -> Summary
  {
    let (rows, summary) = self.rows(dataset, format: format)
    var sheetRows: [Spreadsheet.Row] = []
    for (index, row) in rows.enumerated() {
      let date = CellValue.string(row.date.description)
      let values: [CellValue]
      switch format {
      case .measureData:
        values = [.string(row.unitName), date, .string(row.kpiName), .number(row.value)]
      case .kpiIntegration:
        values = [
          date, .string(row.unitID), .string(row.kpiID), .string(row.gender.rawValue),
          .number(row.value),
        ]
      }
      sheetRows.append(
        Spreadsheet.Row(
          number: index + 1,
          cells: values.enumerated().map { Cell(column: $0.offset + 1, value: $0.element) }))
    }
    try CSVWriter.write(
      Worksheet(name: format.rawValue, rows: sheetRows), to: destination.path,
      dialect: dialect(format))
    return summary
  }
}
