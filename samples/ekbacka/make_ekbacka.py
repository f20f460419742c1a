#!/usr/bin/env python3
"""Generate the second sample municipality, Ekbacka kommun (fictional), in samples/ekbacka/.

Run from anywhere:  python3 samples/ekbacka/make_ekbacka.py

Built with openpyxl (not with RedThread's writer); fixed values, no randomness, and the zip is
rewritten with fixed timestamps and fixed document dates, so every run gives the same bytes.
Its four layout families are not Hofors': a Stratsys-style export of the board plan (a flat
list with a Typ column, the tree given by row order and indentation, no ids), a sectioned
one-sheet unit template, a three-sheet template with other words, and a wide Kolada CSV with
Riket and county rows. See samples/ekbacka/README.md for the planted faults.
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
REFERENCE = os.path.join(HERE, "reference")
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
FIXED = "2026-09-18T08:00:00Z"

FAULTS: list[dict] = []


def fault(code: str, file: str, sheet: str, cell: str, value: str, note: str) -> None:
    FAULTS.append(
        {"code": code, "file": file, "sheet": sheet, "cell": cell, "value": value, "note": note}
    )


def save(wb: Workbook, name: str) -> None:
    """Saves with fixed zip timestamps and document dates."""
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
    with open(os.path.join(INBOX, name), "wb") as f:
        f.write(out.getvalue())


def header(ws, row: int, titles: list[str]) -> None:
    for i, t in enumerate(titles, start=1):
        c = ws.cell(row=row, column=i, value=t)
        c.font = BOLD
        c.fill = HEAD_FILL


def d(y: int, m: int, day: int) -> dt.datetime:
    return dt.datetime(y, m, day)


# --- the board plan: a Stratsys export ---------------------------------------------------

PLAN = [
    # (Typ, Rubrik, Läroplan, Kolada-ID, Målvärde, Ansvarig)
    ("KF-mål", "Ekbacka ska ha Sveriges bästa skola", None, None, None, "Kommunfullmäktige"),
    ("Nämndmål", "Alla elever ska nå kunskapskraven i alla ämnen", "Lgr22 2.2", None, None, "Förvaltningschef"),
    ("Indikator", "Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", None, "N15419", "Minst 80 %", None),
    ("Indikator", "Genomsnittligt meritvärde åk 9", None, "N15505", "Lägst 230", None),
    ("Aktivitet", "Gemensam satsning på läsförståelse", None, None, None, "Utvecklingsledare"),
    ("Nämndmål", "Alla barn och elever ska känna sig trygga", "Lgr22 2.1; Lpfö18 2.1", None, None, "Förvaltningschef"),
    ("Indikator", "Elever i åk 5 som känner sig trygga i skolan, andel (%)", None, "N15613", "Minst 90 %", None),
    ("KF-mål", "En hållbar och effektiv kommun", None, None, None, "Kommunfullmäktige"),
    ("Nämndmål", "Resurserna ska användas effektivt", "Lgr22 2.8", None, None, "Ekonomichef"),
    ("Indikator", "Kostnad per elev i grundskola, kr", None, "N15008", "Högst 130 000 kr", None),
]
LEVEL = {"KF-mål": 0, "Nämndmål": 1, "Indikator": 2, "Aktivitet": 2}


def board_plan() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Verksamhetsplan"
    ws["A1"] = "Utbildningsnämnden – Verksamhetsplan 2026"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Export från Stratsys 2026-09-15"
    header(ws, 4, ["Typ", "Rubrik", "Läroplan", "Kolada-ID", "Målvärde", "Ansvarig"])
    for i, (typ, title, curriculum, kolada, target, owner) in enumerate(PLAN, start=5):
        ws.cell(row=i, column=1, value=typ)
        c = ws.cell(row=i, column=2, value=title)
        c.alignment = Alignment(indent=LEVEL[typ] * 2)
        for col, v in ((3, curriculum), (4, kolada), (5, target), (6, owner)):
            if v is not None:
                ws.cell(row=i, column=col, value=v)
    ws.column_dimensions["B"].width = 70
    save(wb, "Utbildningsnämnden verksamhetsplan 2026 (Stratsys-export).xlsx")


# --- the sectioned one-sheet unit template ------------------------------------------------

KPI_HEAD = ["Nyckeltal", "Kolada-ID", "Målvärde", "Utfall T2 totalt", "Flickor", "Pojkar"]
ACT_HEAD = ["Aktivitet", "Ansvarig", "Start", "Slut", "Status", "Kommentar"]


def sectioned(file: str, unit_written: str, sections: list[dict]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Uppföljning"
    ws["A1"] = "Uppföljning av arbetsplan – tertial 2 2026"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"], ws["B2"] = "Enhet:", unit_written
    ws["A3"], ws["B3"] = "Period:", "T2 2026"
    ws["A4"], ws["B4"] = "Rektor:", "Rektor (fiktiv)"
    r = 6
    for n, s in enumerate(sections, start=1):
        ws.cell(row=r, column=1, value=f"Prioriterat mål {n}: {s['title']}").font = BOLD
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        s["row"] = r
        r += 1
        for label in ("Kopplat till nämndmål", "Bedömning", "Analys"):
            ws.cell(row=r, column=1, value=label).font = BOLD
            ws.cell(row=r, column=2, value=s[label])
            s[label + "@"] = f"B{r}"
            r += 1
        if s["kpis"]:
            header(ws, r, KPI_HEAD)
            r += 1
            for k in s["kpis"]:
                for col, v in enumerate(k, start=1):
                    if v is not None:
                        ws.cell(row=r, column=col, value=v)
                r += 1
        if s["activities"]:
            header(ws, r, ACT_HEAD)
            r += 1
            for a in s["activities"]:
                s.setdefault("activity_rows", []).append(r)
                for col, v in enumerate(a, start=1):
                    if v is not None:
                        c = ws.cell(row=r, column=col, value=v)
                        if isinstance(v, dt.datetime):
                            c.number_format = "yyyy-mm-dd"
                r += 1
        r += 1
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 50
    save(wb, file)


# --- the three-sheet template with other words ---------------------------------------------


def three_sheet(file: str, unit_written: str, goals, indicators, activities) -> None:
    wb = Workbook()
    sheets = {}
    for i, name in enumerate(("Mål", "Indikatorer", "Aktiviteter")):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws["A1"] = f"Skolenhet: {unit_written}"
        ws["A2"] = "Period: T2 2026"
        sheets[name] = ws
    header(sheets["Mål"], 4, ["Nr", "Vårt mål", "Nämndmål", "Läroplan", "Bedömning", "Analys"])
    header(sheets["Indikatorer"], 4, ["Mål", "Indikator", "Kolada-ID", "Målnivå", "Utfall T2", "Kommentar"])
    header(sheets["Aktiviteter"], 4, ["Mål", "Aktivitet", "Ansvarig", "Klart datum", "Status"])
    for name, rows in (("Mål", goals), ("Indikatorer", indicators), ("Aktiviteter", activities)):
        for r, values in enumerate(rows, start=5):
            for col, v in enumerate(values, start=1):
                if v is not None:
                    c = sheets[name].cell(row=r, column=col, value=v)
                    if isinstance(v, dt.datetime):
                        c.number_format = "yyyy-mm-dd"
    save(wb, file)


NM1 = "Alla elever ska nå kunskapskraven i alla ämnen"
NM2 = "Alla barn och elever ska känna sig trygga"


def units() -> None:
    # Björkskolan: clean, sectioned template; an activity without a start date is kept. It is
    # delivered twice: a corrected copy under another name (a duplicate delivery).
    for file, analysis in (
        ("Uppföljning T2 2026 Björkskolan.xlsx", "Resultaten i åk 6 har förbättrats men inte i åk 9."),
        ("Björkskolan uppföljning T2 rättad.xlsx", "Resultaten i åk 6 har förbättrats; åk 9 följs upp i oktober."),
    ):
        bjorkskolan(file, analysis)
    fault("duplicate-delivery", "Björkskolan uppföljning T2 rättad.xlsx", "", "", "2 files",
          "Björkskolan delivered its follow-up twice (a corrected copy under another name)")
    haga_and_others()


def bjorkskolan(file: str, analysis: str) -> None:
    sectioned(
        file, "Björkskolan F–9",
        [
            {
                "title": "Fler elever ska nå kunskapskraven i matematik",
                "Kopplat till nämndmål": NM1, "Bedömning": "Delvis uppfyllt",
                "Analys": analysis,
                "kpis": [
                    ("Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "N15419", "Minst 80 %", "76,5", "79,0", "74,1"),
                    ("Egen mätning: elever som klarar matematikscreening, andel (%)", None, "Minst 85 %", "81", "83", "79"),
                ],
                "activities": [
                    ("Matematiklyftet i åk 4–6", "Förstelärare", d(2026, 1, 15), d(2026, 12, 18), "Pågår", None),
                    ("Läxhjälp två dagar i veckan", "Fritids", None, d(2026, 12, 18), "Pågår", "Startdatum ej satt"),
                    # A record spanning two rows: its comment goes on below it.
                    (None, None, None, None, None, "Startar när fritids har full bemanning."),
                ],
            },
            {
                "title": "Alla elever ska känna sig trygga på rasterna",
                "Kopplat till nämndmål": NM2.lower() + ".", "Bedömning": "Uppfyllt",
                "Analys": "Rastvärdar på plats varje dag.",
                "kpis": [
                    ("Elever i åk 5 som känner sig trygga i skolan, andel (%)", "N15613", "Minst 90 %", "92,0", "93,1", "90,8"),
                ],
                "activities": [
                    ("Rastvärdar", "Rektor", d(2026, 1, 8), d(2026, 6, 12), "Klar", None),
                ],
            },
        ],
    )


def haga_and_others() -> None:
    # Hagaskolan: sectioned template, three planted faults.
    haga = [
        {
            "title": "Alla elever ska läsa mer",
            "Kopplat till nämndmål": "Alla elever ska klara kunskapsmålen", "Bedömning": "Ej uppfyllt",
            "Analys": "Läsningen har minskat efter pandemin.",
            "kpis": [
                ("Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "N15419", "Minst 80 %", "71,2", "74,0", "68,3"),
            ],
            "activities": [
                ("Läsecirklar i åk 7–9", "Skolbibliotekarie", d(2026, 10, 5), d(2026, 9, 20), "Ej påbörjad", None),
            ],
        },
        {
            "title": "Fler elever ska välja teknikprogrammet",
            "Kopplat till nämndmål": NM1, "Bedömning": "Ej bedömt", "Analys": "Följs upp i T3.",
            "kpis": [], "activities": [],
        },
    ]
    file = "Hagaskolan uppföljning T2.xlsx"
    sectioned(file, "Hagaskolan 7-9", haga)
    fault("unresolved-reference", file, "Uppföljning", haga[0]["Kopplat till nämndmål@"],
          "Alla elever ska klara kunskapsmålen",
          "the goal names a nämndmål by a title the board plan does not have")
    fault("activity-ends-before-start", file, "Uppföljning", f"D{haga[0]['activity_rows'][0]}",
          "2026-09-20", "Läsecirklar ends 2026-09-20 before it starts 2026-10-05")
    fault("goal-without-breakdown", file, "Uppföljning", f"A{haga[1]['row']}",
          "Prioriterat mål 2", "a prioritised goal with no nyckeltal and no activity")

    # Förskoleenhet Ängen: three-sheet template, smileys and traffic lights, one fault.
    file = "Arbetsplan 2026 Ängens förskolor.xlsx"
    three_sheet(
        file, "Ängens förskolor",
        goals=[
            (1, "Alla barn ska få ett rikt språk", NM1, "Lpfö18 2.2", "😐", "Språkpåsar införda; effekten syns först i höst."),
            (2, "Alla barn ska känna sig trygga i barngruppen", NM2, "Lpfö18 2.1", "😊", "Trygghetsenkäten visar goda resultat."),
        ],
        indicators=[
            (1, "Barn som deltar i högläsning varje dag, andel (%)", None, "Minst 90 %", "88", None),
            (2, "Vårdnadshavare som upplever att barnet är tryggt, andel (%)", None, None, "94", "Målnivå ej satt"),
        ],
        activities=[
            (1, "Språkpåsar till alla avdelningar", "Förskollärare", d(2026, 12, 15), "Grön"),
            (2, "Trygghetsvandring med barnen", "Rektor", d(2026, 5, 29), "Klar"),
        ],
    )
    fault("missing-target", file, "Indikatorer", "D6", "",
          "the indikator has an outcome (94) but no målnivå")

    # Tallbackens skola: three-sheet template, Lgr22 headings, one fault.
    file = "Tallbackens skola arbetsplan T2 2026.xlsx"
    three_sheet(
        file, "Tallbackens skola 7–9",
        goals=[
            (1, "Eleverna ska få bättre återkoppling", NM1, "2.2 Kunskaper; 2.7 Bedömning och betyg", "🙁", "Återkopplingen är ojämn mellan ämnena."),
            (2, "Studiero i alla klassrum", "Alla barn och elever ska känna sig trygga", "Lgr22 2.1", "😊", "Ordningsreglerna följs."),
        ],
        indicators=[
            (1, "Genomsnittligt meritvärde åk 9", "N15505", "Lägst 230", "224,5", None),
            (2, "Elever i åk 5 som känner sig trygga i skolan, andel (%)", "N15613", "Minst 90 %", "91", None),
        ],
        activities=[
            (1, "Kollegialt lärande om bedömning", "Förstelärare", d(2026, 6, 30), "Pågår"),
            (2, "Gemensamma ordningsregler", "Rektor", d(2026, 12, 18), "Grön"),
        ],
    )
    fault("activity-delayed", file, "Aktiviteter", "D5", "2026-06-30",
          "ended 2026-06-30, before the period's end, and is still Pågår")


def kolada() -> None:
    rows = [
        ("Kommun", "Kommun-ID", "Nyckeltal-ID", "Nyckeltal", "2023", "2024", "2025"),
        ("Ekbacka", "2199", "N15419", "Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "74,1", "75,8", "73,9"),
        ("Riket", "0000", "N15419", "Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "73,3", "73,6", "73,8"),
        ("Gävleborgs län", "0021", "N15419", "Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "70,2", "70,9", "71,1"),
        ("Ekbacka", "2199", "N15505", "Genomsnittligt meritvärde åk 9", "221,4", "225,0", ".."),
        ("Riket", "0000", "N15505", "Genomsnittligt meritvärde åk 9", "228,5", "229,8", "230,4"),
        ("Ekbacka", "2199", "N15008", "Kostnad per elev i grundskola, kr", "124 300", "128 900", "131 200"),
        ("Riket", "0000", "N15008", "Kostnad per elev i grundskola, kr", "121 800", "126 400", "130 100"),
    ]
    text = "\r\n".join(";".join(r) for r in rows) + "\r\n"
    with open(os.path.join(INBOX, "Kolada Ekbacka jämförelse 2026-09-20.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def reference() -> None:
    units = """# Organisation register of the fictional Ekbacka kommun (samples/ekbacka). Generated by
# samples/ekbacka/make_ekbacka.py. Every name and code is invented.
municipality: { id: ekbacka, name: Ekbacka kommun, code: "2199" }
units:
  - { id: ekbacka-kf, name: Kommunfullmäktige, aliases: [KF], kind: council, parent: ekbacka }
  - { id: un, name: Utbildningsnämnden, aliases: [UN], kind: board, parent: ekbacka }
  - { id: bjorkskolan, name: Björkskolan F-9, kind: school, parent: un, schoolUnitCode: "99210011" }
  - { id: hagaskolan, name: Hagaskolan, kind: school, parent: un, schoolUnitCode: "99210022" }
  - { id: tallbackens-skola, name: Tallbackens skola, kind: school, parent: un, schoolUnitCode: "99210033" }
  - { id: angen, name: Förskoleenhet Ängen, kind: preschool, parent: un, schoolUnitCode: "99220011" }
"""
    goals = ["# National goals: the headings of chapter 2 of Lgr22 and Lpfö18 (Skolverket).", "goals:"]
    lgr = ["Normer och värden", "Kunskaper", "Elevernas ansvar och inflytande", "Skola och hem",
           "Övergång och samverkan", "Skolan och omvärlden", "Bedömning och betyg", "Rektorns ansvar"]
    lpfo = ["Normer och värden", "Omsorg, utveckling och lärande", "Barns delaktighet och inflytande",
            "Förskola och hem", "Övergång och samverkan", "Uppföljning, utvärdering och utveckling",
            "Förskollärares ansvar i undervisningen", "Rektorns ansvar"]
    for i, t in enumerate(lgr, start=1):
        goals.append(f'  - {{ id: LGR22-2.{i}, title: "{t}", level: national }}')
    for i, t in enumerate(lpfo, start=1):
        goals.append(f'  - {{ id: LPFO18-2.{i}, title: "{t}", level: national }}')
    with open(os.path.join(REFERENCE, "units.yaml"), "w", encoding="utf-8") as f:
        f.write(units)
    with open(os.path.join(REFERENCE, "national-goals.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(goals) + "\n")
    with open(os.path.join(HERE, "redthread.yaml"), "w", encoding="utf-8") as f:
        f.write(
            "# Pipeline configuration for the second sample municipality (generated).\n"
            "municipality: ekbacka\nboard: un\nperiod: 2026-T2\n"
            "reference: [reference/units.yaml, reference/national-goals.yaml]\n"
            "mappings: [mappings]           # the test copies mappings/ekbacka here\n"
            "report: { language: sv }\n"
        )


def main() -> None:
    os.makedirs(INBOX, exist_ok=True)
    os.makedirs(REFERENCE, exist_ok=True)
    board_plan()
    units()
    kolada()
    reference()
    with open(os.path.join(HERE, "planted-faults.json"), "w", encoding="utf-8") as f:
        json.dump({"faults": FAULTS}, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for x in FAULTS:
        print(f"{x['code']}: {x['file']} '{x['sheet']}'!{x['cell']} {x['value']!r}")


if __name__ == "__main__":
    main()
