#!/usr/bin/env python3
"""Makes the small real-data excerpts under skolverket/ (and ncdpi/, kolada/, unsd/) from the
shared real-data folder. Run from this folder: python3 make_excerpts.py ../../../../shared/realdata

CSV excerpts keep the file's bytes line by line: the preamble (with the "Statistik från
Skolverket" line), the header, the first data rows (and any rows named below), the blank row
after the data and the first note lines. XLSX excerpts are written with openpyxl: the first
rows of every sheet with their values, number formats and merged ranges.
"""
import os, sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "../../../../shared/realdata"
SKV = os.path.join(ROOT, "skolverket-kommun")

# file, data rows kept (first N), extra data lines kept (1-based line numbers), note lines
CSV = [
    ("Grundskola - Antal elever per årskurs 2024 Kommun.csv", 9, [], 3),
    ("Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), samtliga elever 2020 Kommun.csv", 9, [], 3),
    ("Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), per kön 2025 Kommun.csv", 9, [], 3),
    ("Grundskola - Jämförelse av ämnesbetyg över tid 2025 Kommun_Åk9.csv", 12, [], 3),
    ("Gymnasieskola - Kostnader per kommun 2022 Kommun.csv", 6, [87, 128, 232], 3),
    ("Grundskola - Personalstatistik med lärarlegitimation och behörighet 2024 Kommun.csv", 9, [], 3),
    ("Grundskola - Resultat nationella prov årskurs 9, provbetyg per kön - Engelska, Matematik och Svenska_svenska som andraspråk 2018 Kommun.csv", 8, [], 3),
    ("Grundskola - Resultat nationella prov årskurs 9, provbetyg per kön - Engelska, Matematik och Svenska_svenska som andraspråk 2024 Kommun.csv", 8, [], 3),
    ("behorighet_grundskola_2024_25.csv", 9, [], 3),
]
XLSX = [
    ("Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), per kön 2025 Kommun.xlsx", 14),
    ("Grundskola - Betyg årskurs 6, andel som fått godkänt betyg (A-E), samtliga elever 2025 Kommun.xlsx", 13),
    ("Grundskola - Jämförelse av betygsresultat över tid 2025 Kommun_Åk9.xlsx", 20),
]


def excerpt_csv(name, first, extra, notes):
    with open(os.path.join(SKV, name), "rb") as f:
        lines = f.read().split(b"\n")
    header = next(i for i, l in enumerate(lines) if l.lstrip(b"\xef\xbb\xbf").startswith(b"Kommun;"))
    end = next(i for i in range(header + 1, len(lines)) if not lines[i].replace(b";", b"").strip())
    keep = list(range(0, header + 1 + first))
    keep += [n - 1 for n in extra if n - 1 > header + first and n - 1 < end]
    keep += list(range(end, min(end + 1 + notes, len(lines))))
    with open(os.path.join("skolverket", name), "wb") as f:
        f.write(b"\n".join(lines[i] for i in keep) + b"\n")


def excerpt_xlsx(name, rows):
    import openpyxl
    src = openpyxl.load_workbook(os.path.join(SKV, name))
    out = openpyxl.Workbook()
    out.remove(out.active)
    for ws in src.worksheets:
        dst = out.create_sheet(ws.title)
        for r in ws.iter_rows(min_row=1, max_row=rows):
            for c in r:
                if c.value is not None:
                    d = dst.cell(row=c.row, column=c.column, value=c.value)
                    d.number_format = c.number_format
        for m in ws.merged_cells.ranges:
            if m.max_row <= rows:
                dst.merge_cells(str(m))
    out.save(os.path.join("skolverket", name))


def excerpt_records(src, dst, keep, blank_records=3):
    """Keeps the header record and the data records for which keep(index, record) is true
    (0-based among data records), cutting the original text at record boundaries so quoted
    multi-line cells stay whole; then a few blank records, as the exports have."""
    import csv, io
    with open(src, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8-sig")
    bom = raw.startswith(b"\xef\xbb\xbf")
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text, newline=""))
    spans, start = [], 0
    for record in reader:
        spans.append((start, reader.line_num, record))
        start = reader.line_num
    out = ["\n".join(lines[spans[0][0]:spans[0][1]])]
    data = [s for s in spans[1:] if any(x.strip() for x in s[2])]
    blanks = [s for s in spans[1:] if not any(x.strip() for x in s[2])]
    for i, (a, b, rec) in enumerate(data):
        if keep(i, rec):
            out.append("\n".join(lines[a:b]))
    for a, b, _ in blanks[:blank_records]:
        out.append("\n".join(lines[a:b]))
    body = "\n".join(out) + "\n"
    with open(dst, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))


def excerpt_sheet_rows(src, dst, keep_rows):
    """An openpyxl copy of a workbook keeping, per sheet, the rows keep_rows(sheet, row) says
    (renumbered from 1 upward in order), with values, number formats and the merged ranges
    that lie wholly inside kept, consecutive rows."""
    import openpyxl
    wb = openpyxl.load_workbook(src)
    out = openpyxl.Workbook()
    out.remove(out.active)
    for ws in wb.worksheets:
        kept = [r for r in range(1, ws.max_row + 1) if keep_rows(ws.title, r, ws)]
        if not kept:
            continue
        dst_ws = out.create_sheet(ws.title)
        newrow = {}
        for n, r in enumerate(kept, start=1):
            newrow[r] = n
            for c in ws[r]:
                if c.value is not None:
                    d = dst_ws.cell(row=n, column=c.column, value=c.value)
                    d.number_format = c.number_format
        for m in ws.merged_cells.ranges:
            rows = list(range(m.min_row, m.max_row + 1))
            if all(r in newrow for r in rows) and newrow[rows[-1]] - newrow[rows[0]] == len(rows) - 1:
                dst_ws.merge_cells(start_row=newrow[m.min_row], start_column=m.min_col,
                                   end_row=newrow[m.max_row], end_column=m.max_col)
    out.save(dst)


os.makedirs("skolverket", exist_ok=True)
for args in CSV:
    excerpt_csv(*args)
for args in XLSX:
    excerpt_xlsx(*args)

# Kolada (Källa: Kolada): the first KPIs of the catalogue and the grundskola KPIs the samples
# use; KPI values for N00945; every municipality.
KOLADA = os.path.join(ROOT, "kolada-rkolada")
os.makedirs("kolada", exist_ok=True)
excerpt_records(os.path.join(KOLADA, "sysdata__kpi_df.csv"), "kolada/sysdata__kpi_df.csv",
                lambda i, r: i < 20 or r[0] in {"N15419", "N15505", "N15436", "N15508", "U15011"}, 0)
excerpt_records(os.path.join(KOLADA, "sysdata__n00945.csv"), "kolada/sysdata__n00945.csv",
                lambda i, r: True, 0)
excerpt_records(os.path.join(KOLADA, "sysdata__munic.csv"), "kolada/sysdata__munic.csv",
                lambda i, r: True, 0)

# UN SDG framework (United Nations Statistics Division): the title, the header, goals 1 and 2
# (with merged target cells), goal 17's last sub-headings and targets, and the footnotes.
UNSD = os.path.join(ROOT, "unsd-sdg-framework")
os.makedirs("unsd", exist_ok=True)
excerpt_sheet_rows(
    os.path.join(UNSD, "Global Indicator Framework after refinement.English.xlsx"),
    "unsd/Global Indicator Framework after refinement.English.xlsx",
    lambda title, r, ws: r <= 31 or r == 239 or r >= 259)

# NCDPI strategic plan (NC Department of Public Instruction): the first pillars' rows of each
# table, a few of the ~1,000 blank records that follow, every action status.
NC = os.path.join(ROOT, "ncdpi-strategic-plan", "data")
os.makedirs("ncdpi", exist_ok=True)
excerpt_records(os.path.join(NC, "DIM_Pillars.csv"), "ncdpi/DIM_Pillars.csv", lambda i, r: i < 3)
excerpt_records(os.path.join(NC, "DIM_FocusAreas.csv"), "ncdpi/DIM_FocusAreas.csv",
                lambda i, r: r[0] in {"P1", "P2"})
excerpt_records(os.path.join(NC, "DIM_Actions.csv"), "ncdpi/DIM_Actions.csv",
                lambda i, r: r[0] in {"P1"} and i < 12)
excerpt_records(os.path.join(NC, "DIM_Measures.csv"), "ncdpi/DIM_Measures.csv",
                lambda i, r: r[0] in {"P1", "P2"})
excerpt_records(os.path.join(NC, "LandingPage_MeasureResults.csv"),
                "ncdpi/LandingPage_MeasureResults.csv", lambda i, r: i < 21, 0)
excerpt_records(os.path.join(NC, "action-statuses.csv"), "ncdpi/action-statuses.csv",
                lambda i, r: True, 0)
excerpt_sheet_rows(
    os.path.join(NC, "DIM_TablesForTableau.xlsx"), "ncdpi/DIM_TablesForTableau.xlsx",
    lambda title, r, ws: title in {"DIM_Pillars", "DIM_FocusAreas", "DIM_Actions", "DIM_Measures",
                                   "LandingPage_MeasureResults"} and r <= 12)
