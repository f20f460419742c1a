#!/usr/bin/env python3
"""Generate the held-back municipality Lindvik kommun (fictional) in Tests/Fixtures/lindvik/.

Run from anywhere:  python3 Tests/Fixtures/lindvik/make_lindvik.py

A test fixture, not a sample: it was written without looking at what RedThread's `mapping
infer` or mapper accept, to check that they work on templates nobody tuned them for. It has
the same four layout families as samples/ekbacka but other words and variations:

- the board plan as a Stratsys-style export with a `Nivå` column holding 1/2/3 and the
  `Benämning` indented; a variant (variants/) where the tree is given ONLY by the indentation;
- a sectioned one-sheet unit template whose sections are `Fokusområde N – …`, whose label rows
  are `Koppling till nämndens mål`, `Självvärdering`, `Reflektion`, whose KPI sub-header has
  `Tot · F · P`, dates as text and as Excel dates, traffic lights as assessments;
- a three-sheet template `Prioriterade mål · Mått · Insatser`, outcomes `Utfall T2 · K · M`;
- a wide Kolada CSV in Windows-1252 with semicolons, Riket and "Liknande kommuner" rows.

Planted faults are written to planted-faults.json, and the number of records of each kind a
correct reading gives, per file, to truth.json. Deterministic (fixed zip dates).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
VARIANTS = os.path.join(HERE, "variants")
REFERENCE = os.path.join(HERE, "reference")
BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="E2EFDA")
FIXED = "2026-09-21T07:30:00Z"

FAULTS: list[dict] = []
TRUTH: dict[str, dict[str, int]] = {}


def fault(code: str, file: str, sheet: str, cell: str, value: str, note: str) -> None:
    FAULTS.append(
        {"code": code, "file": file, "sheet": sheet, "cell": cell, "value": value, "note": note}
    )


def truth(file: str, **counts: int) -> None:
    kinds = ("goals", "kpis", "targets", "measurements", "activities", "assessments")
    TRUTH[file] = {k: counts.get(k, 0) for k in kinds}


def save(wb: Workbook, folder: str, name: str) -> None:
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*", r"\g<1>" + FIXED, text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", r"\g<1>" + FIXED, text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, data)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(out.getvalue())


def head(ws, row: int, titles: list[str]) -> None:
    for i, t in enumerate(titles, start=1):
        c = ws.cell(row=row, column=i, value=t)
        c.font = BOLD
        c.fill = FILL


def put(ws, row: int, col: int, v) -> None:
    if v is None:
        return
    c = ws.cell(row=row, column=col, value=v)
    if isinstance(v, dt.datetime):
        c.number_format = "yyyy-mm-dd"


def d(y: int, m: int, day: int) -> dt.datetime:
    return dt.datetime(y, m, day)


# --- the board plan -------------------------------------------------------------------------

NM_TRYGG = "Alla barn och elever ska känna trygghet och studiero"
NM_KUNSKAP = "Fler elever ska nå målen i alla ämnen"
NM_SPRAK = "Barnens språkutveckling ska stärkas"

PLAN = [
    # (level 1..3, Benämning, Nyckeltals-ID, Målnivå 2026, Läroplansmål, Ansvarig)
    (1, "Lindvik ska vara en attraktiv kommun att växa upp i", None, None, None, "KF"),
    (2, NM_TRYGG, None, None, "Lgr22 2.1", "Skolchef"),
    (3, "Elever i åk 9 som känner sig trygga i skolan, andel (%)", "N15614", 85, None, None),
    (3, "Elever som upplever studiero på lektionerna, andel (%)", None, 75, None, None),
    (2, NM_SPRAK, None, None, "Lpfö18 2.2", "Förskolechef"),
    (3, "Barn i förskola med språkscreening, andel (%)", None, 95, None, None),
    (1, "Lindvik ska ha goda kunskapsresultat", None, None, None, "KF"),
    (2, NM_KUNSKAP, None, None, "Lgr22 2.2", "Skolchef"),
    (3, "Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "N15419", 78, None, None),
]


def board_plan() -> None:
    header = ["Nivå", "Benämning", "Nyckeltals-ID", "Målnivå 2026", "Läroplansmål", "Ansvarig"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Export"
    ws["A1"] = "Barn- och utbildningsnämnden – Verksamhetsplan 2026"
    ws["A1"].font = Font(bold=True, size=13)
    head(ws, 3, header)
    for r, (level, title, kid, target, curr, owner) in enumerate(PLAN, start=4):
        ws.cell(row=r, column=1, value=level)
        c = ws.cell(row=r, column=2, value=title)
        c.alignment = Alignment(indent=level - 1)
        for col, v in ((3, kid), (4, target), (5, curr), (6, owner)):
            put(ws, r, col, v)
    ws.column_dimensions["B"].width = 64
    name = "BUN verksamhetsplan 2026.xlsx"
    save(wb, INBOX, name)
    truth(name, goals=5, kpis=4, targets=4)

    # The variant: no level column, the tree given ONLY by the indentation of the title.
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws["A1"] = "Verksamhetsplan 2026 (utdrag)"
    head(ws, 2, ["Mål och mått", "Nyckeltals-ID", "Målnivå 2026", "Ansvarig"])
    for r, (level, title, kid, target, _curr, owner) in enumerate(PLAN, start=3):
        c = ws.cell(row=r, column=1, value=title)
        c.alignment = Alignment(indent=(level - 1) * 2)
        for col, v in ((2, kid), (3, target), (4, owner)):
            put(ws, r, col, v)
    save(wb, VARIANTS, "Verksamhetsplan indrag.xlsx")


# --- the sectioned one-sheet unit template ----------------------------------------------------

KPI_HEAD = ["Mått", "Kolada", "Målnivå", "Tot", "F", "P"]
ACT_HEAD = ["Insats", "Ansvarig", "Startdatum", "Slutdatum", "Läge", "Notering"]
LABELS = ("Koppling till nämndens mål", "Självvärdering", "Reflektion")


def sectioned(file: str, unit_written: str, sections: list[dict]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Måluppföljning"
    ws["A1"] = "Tertialuppföljning 2026"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"], ws["B2"] = "Verksamhet:", unit_written
    ws["A3"], ws["B3"] = "Tertial:", "T2 2026"
    ws["A4"], ws["B4"] = "Ansvarig rektor:", "Rektor (fiktiv)"
    r = 6
    counts = dict(goals=0, kpis=0, targets=0, measurements=0, activities=0, assessments=0)
    for n, s in enumerate(sections, start=1):
        ws.cell(row=r, column=1, value=f"Fokusområde {n} – {s['title']}").font = BOLD
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        s["row"] = r
        counts["goals"] += 1
        r += 1
        for label in LABELS:
            ws.cell(row=r, column=1, value=label).font = BOLD
            put(ws, r, 2, s[label])
            s[label + "@"] = f"B{r}"
            r += 1
        counts["assessments"] += 1
        head(ws, r, KPI_HEAD)
        r += 1
        for k in s["kpis"]:
            s.setdefault("kpi_rows", []).append(r)
            for col, v in enumerate(k, start=1):
                put(ws, r, col, v)
            counts["kpis"] += 1
            counts["targets"] += 1 if k[2] is not None else 0
            counts["measurements"] += sum(
                1 for v in k[3:6] if v is not None and not isinstance(v, str)
            )
            r += 1
        head(ws, r, ACT_HEAD)
        r += 1
        for a in s["activities"]:
            s.setdefault("activity_rows", []).append(r)
            for col, v in enumerate(a, start=1):
                put(ws, r, col, v)
            counts["activities"] += 1
            r += 1
        r += 1
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 52
    save(wb, INBOX, file)
    TRUTH[file] = counts


def strandskolan(file: str, reflection: str) -> None:
    sectioned(
        file,
        "Strandskolan F–6",
        [
            {
                "title": "Trygghet och studiero",
                "Koppling till nämndens mål": NM_TRYGG,
                "Självvärdering": "Gul",
                "Reflektion": reflection,
                "kpis": [
                    ("Elever som upplever studiero på lektionerna, andel (%)", None, 75, 71, 74, 68),
                ],
                "activities": [
                    ("Rastaktiviteter med fritids", "Fritidspedagog", d(2026, 1, 12), "2026-12-18", "Pågår", None),
                    ("Ny ordningsregel i alla klasser", "Rektor", "2026-01-08", d(2026, 5, 29), "Klar", "Beslutad i APT"),
                ],
            },
            {
                "title": "Läsning i alla ämnen",
                "Koppling till nämndens mål": NM_KUNSKAP,
                "Självvärdering": "Grön",
                "Reflektion": "Läsloggar används i alla klasser.",
                "kpis": [
                    ("Elever i åk 3 med godtagbar läsförmåga, andel (%)", None, 90, 91, 93, 89),
                    ("Elever i åk 6 med minst E i svenska, andel (%)", None, 92, 94, 96, 92),
                ],
                "activities": [
                    ("Läslyftet åk 1–3", "Förstelärare", d(2026, 2, 2), d(2026, 12, 18), "Pågår", None),
                ],
            },
        ],
    )


def norrbyskolan() -> None:
    file = "Tertialrapport Norrby.xlsx"
    sections = [
        {
            "title": "Trygg skolmiljö",
            # Planted: a nämndmål title the board plan does not have.
            "Koppling till nämndens mål": "Alla elever ska trivas i skolan",
            "Självvärdering": "Röd",
            "Reflektion": "Otryggheten i korridorerna har ökat.",
            "kpis": [
                ("Elever i åk 9 som känner sig trygga i skolan, andel (%)", "N15614", 85, 79, 81, 77),
            ],
            "activities": [
                # Planted: ends before it starts.
                ("Vuxennärvaro i korridorerna", "Rektor", d(2026, 10, 1), "2026-09-15", "Ej påbörjad", None),
            ],
        },
        {
            "title": "Höjda kunskapsresultat i åk 9",
            "Koppling till nämndens mål": NM_KUNSKAP,
            "Självvärdering": "Gul",
            "Reflektion": "Matematik är fortfarande svagast.",
            "kpis": [
                ("Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "N15419", 78, 74, 77, 71),
                # Planted: an outcome that is not a number.
                ("Elever i åk 9 med godkänt i matematik, andel (%)", None, 85, "ej klart", None, None),
            ],
            "activities": [
                ("Studiestöd i matematik", "Förstelärare", d(2026, 1, 19), d(2026, 12, 18), "Pågår", None),
            ],
        },
    ]
    sectioned(file, "Norrbyskolan 7–9", sections)
    fault("unresolved-reference", file, "Måluppföljning",
          sections[0]["Koppling till nämndens mål@"], "Alla elever ska trivas i skolan",
          "the goal names a nämndmål by a title the board plan does not have")
    fault("activity-ends-before-start", file, "Måluppföljning",
          f"D{sections[0]['activity_rows'][0]}", "2026-09-15",
          "the activity ends 2026-09-15, before it starts 2026-10-01")
    fault("type-error", file, "Måluppföljning", f"D{sections[1]['kpi_rows'][1]}", "ej klart",
          "an outcome that is not a number")


# --- the three-sheet template -----------------------------------------------------------------


def three_sheet(file: str, unit_written: str, goals, kpis, activities) -> dict:
    wb = Workbook()
    names = ("Prioriterade mål", "Mått", "Insatser")
    sheets = {}
    for i, name in enumerate(names):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws["A1"] = f"Enhet: {unit_written}"
        ws["A2"] = "Tertial: T2 2026"
        sheets[name] = ws
    head(sheets["Prioriterade mål"], 4,
         ["Målnr", "Mål", "Koppling nämndmål", "Läroplanen", "Självvärdering", "Reflektion"])
    head(sheets["Mått"], 4, ["Målnr", "Mått", "Kolada", "Målnivå", "Utfall T2", "K", "M"])
    head(sheets["Insatser"], 4, ["Målnr", "Insats", "Ansvarig", "Slutdatum", "Läge"])
    for name, rows in (("Prioriterade mål", goals), ("Mått", kpis), ("Insatser", activities)):
        for r, values in enumerate(rows, start=5):
            for col, v in enumerate(values, start=1):
                put(sheets[name], r, col, v)
    save(wb, INBOX, file)
    measurements = sum(1 for k in kpis for v in k[4:7] if v is not None and not isinstance(v, str))
    TRUTH[file] = dict(
        goals=len(goals), kpis=sum(1 for k in kpis if k[1]), targets=sum(1 for k in kpis if k[1] and k[3] is not None),
        measurements=measurements, activities=len(activities), assessments=len(goals),
    )
    return TRUTH[file]


def three_sheet_units() -> None:
    file = "Solrosen arbetsplan 2026.xlsx"
    three_sheet(
        file, "Förskoleenheten Solrosen",
        goals=[
            (1, "Alla barn ska möta ett rikt språk varje dag", NM_SPRAK, "Lpfö18 2.2", "😊",
             "Högläsning sker dagligen på alla avdelningar."),
            (2, "Barnen ska vara trygga vid lämning", NM_TRYGG, "Lpfö18 2.1", "😐",
             "Inskolningen fungerar bättre men lämningen är svår för de yngsta."),
        ],
        kpis=[
            (1, "Barn i förskola med språkscreening, andel (%)", None, 95, 97, None, None),
            # Planted: a målnivå with no mått.
            (2, None, None, 80, None, None, None),
            (2, "Vårdnadshavare som upplever att barnet är tryggt, andel (%)", None, 90, 92, None, None),
        ],
        activities=[
            (1, "Språkpåsar på alla avdelningar", "Förskollärare", d(2026, 12, 11), "Pågår"),
            (2, "Ny rutin för lämning", "Rektor", "2026-06-12", "Klar"),
        ],
    )
    fault("missing-value", file, "Mått", "B6", "",
          "a målnivå (80) on a row with no mått")

    file = "Åsen - uppföljning.xlsx"
    three_sheet(
        file, "Åsens skoal",  # Planted: the unit name misspelt.
        goals=[
            (1, "Alla elever ska känna sig trygga på fritids", NM_TRYGG, "Lgr22 2.1", "Uppfyllt",
             "Fritids har fler vuxna ute."),
            (2, "Fler elever ska klara nationella proven i åk 6", NM_KUNSKAP,
             "2.2 Kunskaper; 2.7 Bedömning och betyg", "Delvis uppfyllt",
             "Svenska har förbättrats, matematik inte."),
        ],
        kpis=[
            (1, "Elever som upplever studiero på lektionerna, andel (%)", None, 75, 78, 80, 76),
            (2, "Elever i åk 6 med minst E i matematik, andel (%)", None, 88, 84, 86, 82),
        ],
        activities=[
            (1, "Fler vuxna ute på rasterna", "Fritidspedagog", d(2026, 12, 18), "Pågår"),
            (2, "Matematiklyftet åk 4–6", "Förstelärare", "2026-12-18", "Pågår"),
        ],
    )
    fault("unknown-unit", file, "Prioriterade mål", "A1", "Enhet: Åsens skoal",
          "the unit name is misspelt (Åsens skola)")


# --- the Kolada CSV ---------------------------------------------------------------------------


def kolada() -> None:
    name = "kolada_jamforelse_lindvik.csv"
    rows = [
        ("Område", "Områdes-ID", "KPI", "KPI-namn", "2023", "2024", "2025"),
        ("Lindvik", "2197", "N15419", "Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "76,2", "77,0", "75,4"),
        ("Riket", "0000", "N15419", "Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "73,3", "73,6", "73,8"),
        ("Liknande kommuner, grundskola", "", "N15419", "Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "72,0", "72,8", ""),
        ("Lindvik", "2197", "N15614", "Elever i åk 9 som känner sig trygga i skolan, andel (%)", "80", "82", "81"),
        ("Riket", "0000", "N15614", "Elever i åk 9 som känner sig trygga i skolan, andel (%)", "79", "79", "80"),
    ]
    text = "\r\n".join(";".join(r) for r in rows) + "\r\n"
    with open(os.path.join(INBOX, name), "wb") as f:
        f.write(text.encode("cp1252"))
    values = sum(1 for r in rows[1:] for v in r[4:] if v)
    truth(name, measurements=values)


def reference() -> None:
    os.makedirs(REFERENCE, exist_ok=True)
    units = """# Organisation register of the fictional Lindvik kommun (Tests/Fixtures/lindvik).
# Generated by make_lindvik.py. Every name and code is invented.
municipality: { id: lindvik, name: Lindvik kommun, code: "2197" }
units:
  - { id: lindvik-kf, name: Kommunfullmäktige, aliases: [KF], kind: council, parent: lindvik }
  - { id: bun, name: Barn- och utbildningsnämnden, aliases: [BUN], kind: board, parent: lindvik }
  - { id: strandskolan, name: Strandskolan F-6, kind: school, parent: bun, schoolUnitCode: "99710011" }
  - { id: norrbyskolan, name: Norrbyskolan, kind: school, parent: bun, schoolUnitCode: "99710022" }
  - { id: asens-skola, name: Åsens skola, kind: school, parent: bun, schoolUnitCode: "99710033" }
  - { id: solrosen, name: Förskoleenhet Solrosen, kind: preschool, parent: bun, schoolUnitCode: "99720011" }
"""
    lgr = ["Normer och värden", "Kunskaper", "Elevernas ansvar och inflytande", "Skola och hem",
           "Övergång och samverkan", "Skolan och omvärlden", "Bedömning och betyg", "Rektorns ansvar"]
    lpfo = ["Normer och värden", "Omsorg, utveckling och lärande", "Barns delaktighet och inflytande",
            "Förskola och hem", "Övergång och samverkan", "Uppföljning, utvärdering och utveckling",
            "Förskollärares ansvar i undervisningen", "Rektorns ansvar"]
    goals = ["# National goals: the headings of chapter 2 of Lgr22 and Lpfö18 (Skolverket).", "goals:"]
    goals += [f'  - {{ id: LGR22-2.{i}, title: "{t}", level: national }}' for i, t in enumerate(lgr, 1)]
    goals += [f'  - {{ id: LPFO18-2.{i}, title: "{t}", level: national }}' for i, t in enumerate(lpfo, 1)]
    with open(os.path.join(REFERENCE, "units.yaml"), "w", encoding="utf-8") as f:
        f.write(units)
    with open(os.path.join(REFERENCE, "national-goals.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(goals) + "\n")
    with open(os.path.join(HERE, "redthread.yaml"), "w", encoding="utf-8") as f:
        f.write(
            "# Pipeline configuration for the held-back municipality (generated).\n"
            "municipality: lindvik\nboard: bun\nperiod: 2026-T2\n"
            "reference: [reference/units.yaml, reference/national-goals.yaml]\n"
            "mappings: [mappings]\n"
            "report: { language: sv }\n"
        )


def main() -> None:
    os.makedirs(INBOX, exist_ok=True)
    board_plan()
    strandskolan("Strandskolan uppföljning T2 2026.xlsx", "Fler vuxna ute har gett lugnare raster.")
    # The same unit again, corrected and renamed by its sender: a duplicate delivery.
    strandskolan("Strandskolan T2 2026 slutversion.xlsx",
                 "Fler vuxna ute har gett lugnare raster; lektionerna följs upp i oktober.")
    fault("duplicate-delivery", "Strandskolan T2 2026 slutversion.xlsx", "", "", "2 files",
          "Strandskolan delivered its follow-up twice (a corrected copy under another name)")
    norrbyskolan()
    three_sheet_units()
    kolada()
    reference()
    with open(os.path.join(HERE, "planted-faults.json"), "w", encoding="utf-8") as f:
        json.dump({"faults": FAULTS}, f, ensure_ascii=False, indent=2)
        f.write("\n")
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump({"records": TRUTH}, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")
    for x in FAULTS:
        print(f"{x['code']}: {x['file']} '{x['sheet']}'!{x['cell']} {x['value']!r}")


if __name__ == "__main__":
    main()
