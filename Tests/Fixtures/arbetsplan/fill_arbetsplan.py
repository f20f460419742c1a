#!/usr/bin/env python3
"""Fills the arbetsplan workbooks `redthread plan send` wrote, as rektorer would in Excel,
and drops them in the inbox (used by Tests/PipelineTests/ArbetsplanRoundTripTests.swift).

    python3 fill_arbetsplan.py OUTBOX_PERIOD_FOLDER INBOX_FOLDER

Every rektor picks goal references, Kolada ids and status words from the drop-down lists
(the values of the hidden sheet `Listor`), writes målvärden, outcomes and assessments, and
closes activities that ended. Two faults are planted on purpose, and printed as JSON lines
`{"file", "cell", "code"}` for the test to hold:

- Hyttbackens skola types over the Nämndmål drop-down of its second goal with a typo,
  "NM-22 Barn och elever känner sig trygga" (unresolved-reference, did you mean NM-2);
- Petreskolan types a new activity's start date as the text "2026-13-01" (type-error).

Lillåskolan's rektor saves the workbook under another name ("Lillå svar.xlsx"): the returned
file must still be recognised by its document property.
"""
import datetime
import json
import os
import sys

import openpyxl

PERIOD_END = datetime.datetime(2026, 12, 31)


def lists(wb):
    ws = wb["Listor"]
    out = {}
    for column in ws.iter_cols(min_row=1):
        name = column[0].value
        out[name] = [c.value for c in column[1:] if c.value is not None]
    return out


def choose(options, goal_id):
    """The list entry for an id, as a rektor picks it from the drop-down."""
    for option in options:
        if option.split(" ", 1)[0] == goal_id:
            return option
    return None


def rows(ws, first=8):
    for r in range(first, ws.max_row + 1):
        yield r


def fill(path, inbox, planted):
    wb = openpyxl.load_workbook(path)
    unit = wb["Enhetens mål"]["B2"].value
    choices = lists(wb)
    board = choices["Nämndmål"]
    kpis = choices["Nyckeltal"]
    name = os.path.basename(path)

    overview = wb["Mål i en vy"]
    for r in range(8, overview.max_row + 1):
        if overview.cell(r, 3).value and str(overview.cell(r, 3).value).startswith("NM-"):
            overview.cell(r, 5).value = "Ja" if r % 2 == 0 else "Nej"

    goals = wb["Enhetens mål"]
    goal_ids = []
    for r in rows(goals):
        gid = goals.cell(r, 1).value
        if not gid:
            continue
        goal_ids.append(gid)
        ref = goals.cell(r, 3).value or ""
        picked = choose(board, ref.split(" ", 1)[0]) if ref else None
        if picked is None:
            # A reference the list does not know ("NM-22" from the last period): the rektor
            # picks the goal it meant from the drop-down.
            picked = choose(board, "NM-2")
        goals.cell(r, 3).value = picked
        goals.cell(r, 5).value = "Ja"
        goals.cell(r, 6).value = "Delvis uppfyllt"
        goals.cell(r, 7).value = "Arbetet pågår enligt plan; effekten följs upp under våren."
    if unit == "Hyttbackens skola":
        goals["C9"].value = "NM-22 Barn och elever känner sig trygga"
        planted.append({"file": None, "cell": "'Enhetens mål'!C9", "code": "unresolved-reference"})

    kpi_sheet = wb["Nyckeltal"]
    for r in rows(kpi_sheet):
        kpi_name = kpi_sheet.cell(r, 2).value
        if not kpi_name:
            continue
        if not kpi_sheet.cell(r, 1).value:
            kpi_sheet.cell(r, 1).value = goal_ids[0]
        kolada = kpi_sheet.cell(r, 3).value
        if kolada and " " not in kolada:
            kolada_choice = choose(kpis, kolada)
            if kolada_choice:
                kpi_sheet.cell(r, 3).value = kolada_choice
        lowered = kpi_name.lower()
        if "meritvärde" in lowered:
            target, outcome = "Lägst 225 poäng", 221.5
        elif "barn per" in lowered or "inskrivna barn" in lowered:
            target, outcome = "Max 15", 5.2
        else:
            target, outcome = "Minst 80 %", 78.4
        if not kpi_sheet.cell(r, 4).value:
            kpi_sheet.cell(r, 4).value = target
        kpi_sheet.cell(r, 5).value = outcome
        kpi_sheet.cell(r, 6).value = "Utfall för perioden."

    activities = wb["Aktiviteter"]
    last = 7
    for r in rows(activities):
        if not activities.cell(r, 2).value:
            continue
        last = r
        start = activities.cell(r, 4).value
        end = activities.cell(r, 5).value
        if isinstance(start, datetime.datetime) and isinstance(end, datetime.datetime) and end < start:
            activities.cell(r, 5).value = end = datetime.datetime(2026, 12, 18)
        if isinstance(end, datetime.datetime) and end <= PERIOD_END:
            activities.cell(r, 6).value = "Klar"
        if not activities.cell(r, 1).value:
            activities.cell(r, 1).value = goal_ids[0]
    # Every goal is broken down: a goal no nyckeltal or activity names gets a new activity.
    named = {kpi_sheet.cell(r, 1).value for r in rows(kpi_sheet)}
    named |= {activities.cell(r, 1).value for r in rows(activities)}
    for gid in goal_ids:
        if gid in named:
            continue
        last += 1
        activities.cell(last, 1).value = gid
        activities.cell(last, 2).value = f"Uppföljning av {gid} i arbetslagen"
        activities.cell(last, 3).value = "Arbetslag"
        activities.cell(last, 4).value = datetime.datetime(2026, 10, 12)
        activities.cell(last, 5).value = datetime.datetime(2027, 5, 28)
        activities.cell(last, 6).value = "Pågår"
    new = last + 1
    activities.cell(new, 1).value = goal_ids[-1]
    activities.cell(new, 2).value = "Kollegialt lärande om studiero"
    activities.cell(new, 3).value = "Rektor"
    activities.cell(new, 4).value = datetime.datetime(2026, 10, 5)
    activities.cell(new, 5).value = datetime.datetime(2027, 3, 26)
    activities.cell(new, 6).value = "Pågår"
    if unit == "Petreskolan":
        activities.cell(new, 4).value = "2026-13-01"
        planted.append({"file": None, "cell": f"'Aktiviteter'!D{new}", "code": "type-error"})

    target_name = "Lillå svar.xlsx" if unit == "Lillåskolan" else name
    for p in planted:
        if p["file"] is None:
            p["file"] = target_name
    wb.save(os.path.join(inbox, target_name))


def main():
    outbox, inbox = sys.argv[1], sys.argv[2]
    planted = []
    for name in sorted(os.listdir(outbox)):
        if name.endswith(".xlsx"):
            fill(os.path.join(outbox, name), inbox, planted)
    for p in planted:
        print(json.dumps(p, ensure_ascii=False))


if __name__ == "__main__":
    main()
