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


os.makedirs("skolverket", exist_ok=True)
for args in CSV:
    excerpt_csv(*args)
for args in XLSX:
    excerpt_xlsx(*args)
