#!/usr/bin/env python3
"""Counts, independently of RedThread, the measurements a Skolverket kommun export holds.

Usage: python3 count_records.py FILE...   (CSV or XLSX; prints one JSON line per file)

For each file: the header row is the first row whose first cell is "Kommun"; a row above it
whose cells start empty and then repeat words is a group row. Data rows run from below the
header to the first blank row. Measure columns are, by report family:
  - over time (a header like 2024/25): the period columns;
  - a group row: the columns with a group;
  - otherwise: every named column except Kommun, Kommun-kod/Kommunkod, Län, Läns-kod/Länskod,
    Typ av huvudman, Kön, Uppgift.
A measurement is a non-empty measure cell. Tokens '..', '.', '~100' are also counted apart.
Reads CSV with Python's csv module (UTF-8 with BOM, ';') and XLSX with openpyxl.
"""
import csv, json, re, sys

DESCRIPTIVE = {"kommun", "kommun-kod", "kommunkod", "län", "läns-kod", "länskod",
               "typ av huvudman", "kön", "uppgift"}
PERIOD = re.compile(r"^\d{4}/\d{2}$")


def count_table(rows):
    header_index = next(i for i, r in enumerate(rows) if r and str(r[0] or "").strip() == "Kommun")
    header = [str(c or "").strip() for c in rows[header_index]]
    above = rows[header_index - 1] if header_index > 0 else []
    group = [str(c or "").strip() for c in above]
    two_row = any(group[5:]) and not any(group[:5])
    group = group + [""] * (len(header) - len(group))
    if two_row:  # groups merged in XLSX: fill right
        last = ""
        for i, g in enumerate(group):
            if g:
                last = g
            elif header[i] and last:
                group[i] = last
    if any(PERIOD.match(h) for h in header):
        measures = [i for i, h in enumerate(header) if PERIOD.match(h)]
    elif two_row:
        measures = [i for i, h in enumerate(header) if h and group[i]]
    else:
        measures = [i for i, h in enumerate(header) if h and h.lower() not in DESCRIPTIVE
                    and not h.lower().startswith("andel (%) elever som fått godkänt betyg i respektive")]
    data = []
    for r in rows[header_index + 1:]:
        if not any(str(c or "").strip() for c in r):
            break
        data.append(r)
    cells = [str(r[i]).strip() if i < len(r) and r[i] is not None else "" for r in data for i in measures]
    values = [c for c in cells if c]
    return {"rows": len(data), "columns": len(measures), "measurements": len(values),
            "suppressed": values.count(".."), "no_data": values.count("."),
            "masked": sum(1 for v in values if v.startswith("~"))}


def count(path):
    if path.endswith(".xlsx"):
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=False)
        totals = {}
        for ws in wb.worksheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            if not any(r and str(r[0] or "").strip() == "Kommun" for r in rows):
                continue
            for k, v in count_table(rows).items():
                totals[k] = totals.get(k, 0) + v
        return totals
    with open(path, encoding="utf-8-sig", newline="") as f:
        return count_table(list(csv.reader(f, delimiter=";")))


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(json.dumps({"file": p.split("/")[-1], **count(p)}, ensure_ascii=False))
