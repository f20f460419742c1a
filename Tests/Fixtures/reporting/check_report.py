"""Reads a board report workbook with openpyxl and prints what the Swift test checks, as JSON.

Usage: python3 check_report.py REPORT.xlsx

Printed: sheet names; per sheet the frozen cell, the autofilter range, the header row's values
and whether they are bold, column widths, the number formats of the first data row, the fill
colours used; a few key cells. openpyxl (>= 3.1) is an independent reader: a workbook it
cannot open, or opens with warnings, fails the test.
"""
import json
import sys
import warnings

import openpyxl

warnings.simplefilter("error")
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "details": {}}
for ws in wb.worksheets:
    header_row = int(ws.auto_filter.ref.split(":")[0][1:]) if ws.auto_filter.ref else None
    detail = {
        "freeze": ws.freeze_panes,
        "autofilter": ws.auto_filter.ref,
        "header": [c.value for c in ws[header_row]] if header_row else [],
        "headerBold": all(c.font.b for c in ws[header_row] if c.value) if header_row else False,
        "widths": {k: round(v.width, 2) for k, v in sorted(ws.column_dimensions.items())},
        "formats": {},
        "fills": sorted({c.fill.fgColor.rgb for row in ws.iter_rows() for c in row
                         if c.fill is not None and c.fill.fill_type == "solid"}),
        "conditional": sorted(str(r.sqref) for r in ws.conditional_formatting),
        "rows": ws.max_row,
    }
    if header_row:
        for c in ws[header_row + 1]:
            if c.value is not None:
                detail["formats"][c.coordinate] = c.number_format
    out["details"][ws.title] = detail

def find(sheet, column, text):
    ws = wb[sheet]
    for row in ws.iter_rows():
        for c in row:
            if c.column_letter == column and c.value == text:
                return [str(x.value) if x.value is not None else None for x in row]
    return None

out["kontroll_missing_target"] = find("Kontroll", "C", "missing-target")
out["nyckeltal_pe_n3"] = find("Nyckeltal", "C", "PE-N3")
n = find("Nyckeltal", "C", "N15482")
ws = wb["Nyckeltal"]
for row in ws.iter_rows():
    if row[2].value == "N15482":
        out["nyckeltal_n15482"] = {
            "outcome": row[5].value, "format": row[5].number_format,
            "statusFill": row[10].fill.fgColor.rgb, "status": row[10].value,
        }
        break
ws = wb["Aktiviteter"]
for row in ws.iter_rows(min_row=2):
    if row[7].value == "Ja":
        out["aktivitet_delayed"] = {
            "end": row[5].value.isoformat() if row[5].value else None,
            "endFormat": row[5].number_format, "fill": row[7].fill.fgColor.rgb,
        }
        break
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
