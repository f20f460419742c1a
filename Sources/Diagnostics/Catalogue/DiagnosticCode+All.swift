extension DiagnosticCode {
  /// Every code, section by section in the order of ``DiagnosticSection/allCases``: the
  /// catalogue `docs/errors.md` and `redthread codes` are generated from.
  public static let all: [DiagnosticCode] =
    openingCodes + readingWorkbookCodes + writingWorkbookCodes + csvCodes + mappingFileCodes
    + mappingDataCodes + redThreadCodes + pipelineCodes

  /// Example values for the templates' arguments, shared by every code's example
  /// (``exampleValues``); a code may give its own (``example``).
  ///
  /// Values that are keys of a language's word tables (`kind`, `level`, `measure`, …) are
  /// keys, so the example renders as a real diagnostic does.
  public static let exampleArguments: [String: String] = [
    "activity": "Läsfrämjande insats", "asOf": "2026-09-30", "assessment": "delvis uppfyllt",
    "board": "bun", "candidates": "boardGoals", "column": "Målvärde", "count": "2",
    "deliverer": "unit", "direction": "higher", "end": "2026-06-30", "expected": "a number",
    "female": "62,5", "field": "unit", "file": "Arbetsplan Lillåskolan.xlsx",
    "files": DiagnosticTemplate.list(["Arbetsplan Lillåskolan.xlsx", "Lillåskolan T2.xlsx"]),
    "first": "'Mål'!A7", "goal": "EM-3", "id": "EM-3", "key": "colum", "kind": "nyckeltal",
    "known": "NM-1, NM-2, NM-3", "kpi": "N15814", "level": "nämndmål", "limit": "1048576",
    "link": "alignsTo", "male": "55,0", "measure": "percent",
    "name": "Andel elever med godkänt i alla ämnen, åk 9", "offset": "4711",
    "option": "--encoding", "options": DiagnosticTemplate.list(["NM-1", "NM-2"]),
    "other": "EM-4", "owner": "N15814", "part": "xl/worksheets/sheet1.xml",
    "path": "EM-3 → EM-4 → EM-3", "pattern": "^[NU]\\d{5}$", "period": "kvartal 3 2026",
    "reached": "EM-1", "reason": "no mapping matches the file", "reference": "NM-9",
    "relation": "below", "row": "7", "sheet": "Mål", "source": koladaCatalogueNote,
    "start": "2026-08-15", "status": "pågår", "successor": "N15508", "suggestion": "NM-2",
    "suggestionTitle": "Alla elever når kunskapskraven", "suggestions": "", "table": "schools",
    "target": "Minst 88 %", "targetKind": "goal", "targetLevel": "enhetsmål",
    "title": "Ökad måluppfyllelse", "total": "70,1", "unit": "Lillåskolan",
    "unitID": "lillaskolan", "value": "n/a", "wanted": "a number",
  ]

  private static var koladaCatalogueNote: String { DiagnosticLanguage.koladaCatalogueNote }
}
